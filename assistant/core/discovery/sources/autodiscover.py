"""Outlook's Autodiscover (POX), asked the way Outlook and Thunderbird ask it, during discovery never with a
password.

Shared hosting control panels (cPanel above all) and automx2 answer it without a sign-in, often naming the
hosting machine's own servers (``box17.hoster.example``) that no guess would find; Exchange, Microsoft 365
and mailcow answer 401, which is reported as ``auth_required`` with the challenge (``AuthChallenge``);
``ask_with_password`` asks such a service once more when a sign-in gives the password (setup's rules).

Four ways are tried at once, and the first usable answer in Outlook's order wins: POST to
``https://autodiscover.D/…`` and ``https://D/…``; a GET to ``http://autodiscover.D/…`` only to learn a
redirect to HTTPS, which is then POSTed (an answer that came over plain HTTP is never read); the SRV record
``_autodiscover._tcp.D``. ``RedirectAddr`` (another address to ask about) and ``RedirectUrl`` (HTTPS only)
are followed at most twice.

Trust: an answer from verified HTTPS at the address's own registered domain is the domain's word, like
its autoconfig file. One reached through the unsigned SRV record or a redirect to another registered
domain keeps the ``autodiscover`` label, but its servers outside the address's domain carry
``outside_domain`` (``SourceOutcome.routes``), so the person confirms them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from assistant.core.discovery.rank import finding
from assistant.core.discovery.sources.autoconfig import XML_TYPES
from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.model.address import EmailAddress, parse_address, same_registered_domain
from assistant.core.model.results import AuthChallenge, SourceOutcome, SourceReport
from assistant.core.net.dns import DnsError, NoSuchDomain
from assistant.core.net.http import FetchError, HttpResult, challenge_schemes, fetch, post
from assistant.core.net.settings import Settings
from assistant.core.profiles.autoconfig_read import config_candidates, valid_hostname
from assistant.core.profiles.autodiscover import AutodiscoverAnswer, read_answer
from assistant.core.profiles.losses import Loss
from assistant.core.words.errors import InputError

PATH = "/autodiscover/autodiscover.xml"
CONTENT_TYPE = "text/xml; charset=utf-8"  # exactly this: outlook.com refuses other spellings
REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
MAX_HOPS = 2  # RedirectAddr / RedirectUrl, as Thunderbird
MAX_HTTP_REDIRECTS = 3  # plain-HTTP redirects before one points to HTTPS
MAX_PER_PROTOCOL = 10  # an answer could name thousands of servers, each one a probe

def request_body(address: str) -> bytes:
    """Outlook's request for ``address`` (the address escaped: a local part may hold & or ')."""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Autodiscover xmlns="{REQUEST_NS}"><Request>'
            f"<EMailAddress>{escape(address)}</EMailAddress>"
            f"<AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>"
            "</Request></Autodiscover>\n").encode()


def _ms(start: float) -> int:
    return int((time.monotonic() - start) * 1000)


def _failed(exc: FetchError) -> str:
    """No such host or nothing listening is "not found"; anything else an error worth reading."""
    return "not_found" if exc.kind in ("dns_error", "refused") else "error"


@dataclass(frozen=True)
class Got:
    """A readable answer and the route that makes its servers "outside" (None: the domain's own word)."""

    answer: AutodiscoverAnswer
    route: str | None


class _Lookup:
    """One address's Autodiscover lookup: the reports of every place asked, and whether one of them
    answered with Exchange entries only."""

    def __init__(self, addr: EmailAddress, settings: Settings) -> None:
        self.addr = addr
        self.settings = settings
        self.reports: list[SourceReport] = []
        self.exchange_only = False

    def report(self, target: str, outcome: str, detail: str, start: float) -> None:
        self.reports.append(SourceReport("autodiscover", target, outcome, detail, _ms(start)))

    def elsewhere(self, host: str, route: str | None, why: str) -> str | None:
        """The route so far, or ``why`` when ``host`` leaves the address's registered domain."""
        if route is not None or same_registered_domain(host, self.addr.domain):
            return route
        return why

    async def domain(self, address: str, domain: str, route: str | None, hops: int) -> Got | None:
        """The four ways to ``domain``'s service at once; the first usable answer in Outlook's order."""
        ways: list[tuple[str, Awaitable[Got | None]]] = [
            (f"https://autodiscover.{domain}{PATH}",
             self.ask(f"https://autodiscover.{domain}{PATH}", address, route, hops)),
            (f"https://{domain}{PATH}", self.ask(f"https://{domain}{PATH}", address, route, hops)),
            (f"http://autodiscover.{domain}{PATH}", self.via_http(domain, address, route, hops)),
            (f"_autodiscover._tcp.{domain}", self.via_srv(domain, address, route, hops)),
        ]
        tasks = [asyncio.ensure_future(way) for _target, way in ways]
        try:
            for index, task in enumerate(tasks):
                got = await task
                if got is not None:
                    for (target, _way), rest in zip(ways[index + 1:], tasks[index + 1:], strict=True):
                        if not rest.done():
                            rest.cancel()
                            self.reports.append(SourceReport("autodiscover", target, "skipped",
                                                             "not needed: an earlier location answered"))
                    return got
            return None
        finally:
            for task in tasks:
                task.cancel()

    async def ask(self, url: str, address: str, route: str | None, hops: int) -> Got | None:
        """POST the request to ``url`` and read the answer; follow its RedirectAddr/RedirectUrl."""
        start = time.monotonic()
        try:
            result = await post(url, request_body(address), CONTENT_TYPE, self.settings)
        except FetchError as exc:
            self.report(url, _failed(exc), str(exc), start)
            return None
        return await self.answered(url, result, address, route, hops, start)

    async def answered(self, url: str, result: HttpResult, address: str, route: str | None, hops: int,
                       start: float, *, with_password: bool = False) -> Got | None:
        """Read one answer. ``with_password``: it answered the request that carried the mail password,
        so nothing it points to is followed (the password went to this host only)."""
        final = result.final_url
        via = f" (via {final})" if final != url else ""
        if result.status in (401, 403):  # the target is the host that asked (after any redirect)
            schemes = tuple(challenge_schemes(result.headers.get("www-authenticate", "")))
            named = f" ({', '.join(schemes)})" if schemes else ""
            if with_password:
                self.report(final, "auth_required", f"HTTP {result.status}: the password was not "
                            f"accepted{named}", start)
                return None
            self.reports.append(SourceReport(
                "autodiscover", final, "auth_required", f"HTTP {result.status}: this Autodiscover service "
                f"wants the mail password before it answers{named}; it was asked without one", _ms(start),
                AuthChallenge(final, result.status, schemes, address)))
            return None
        if with_password and result.redirect is not None:
            self.report(url, "error", f"HTTP {result.status}: redirects to {result.redirect[:200]}, not "
                        "followed with the password", start)
            return None
        if result.status != 200:
            outcome = "not_found" if result.status in (404, 405, 410) else "error"
            self.report(url, outcome, f"HTTP {result.status}{via}", start)
            return None
        if result.content_type not in XML_TYPES:
            self.report(url, "error", f"served as {result.content_type or 'no content type'}, not XML; "
                        f"ignored{via}", start)
            return None
        lost: list[Loss] = []
        try:
            answer = read_answer(result.body, final, lost, asked=address)
        except InputError as exc:
            self.report(url, "error", str(exc), start)
            return None
        route = self.elsewhere(urlsplit(final).hostname or "", route, "autodiscover_redirect")
        if with_password and (answer.redirect_addr is not None or answer.redirect_url is not None):
            target = answer.redirect_addr or answer.redirect_url or ""
            self.report(url, "error", f"redirect to {target[:200]} not followed with the password", start)
            return None
        if answer.redirect_addr is not None or answer.redirect_url is not None:
            return await self.redirect(url, answer, address, route, hops, start)
        if answer.exchange_only:
            self.exchange_only = True
            self.report(url, "found", f"only Exchange entries, no IMAP, POP3 or SMTP{via}", start)
            return None
        if not answer.servers:
            why = "; ".join(x.message for x in lost if x.code == "spa_only") or "no server entries"
            self.report(url, "error", f"{final}: no usable IMAP, POP3 or SMTP entry ({why})", start)
            return None
        counts = {p: sum(1 for s in answer.servers if s.protocol == p) for p in ("imap", "pop3", "smtp")}
        named = ", ".join(f"{n} {p.upper()}" for p, n in counts.items() if n)
        self.report(url, "found", f"{named}{via}" + (" (asked with the password)" if with_password else ""),
                    start)
        return Got(answer, route)

    async def redirect(self, url: str, answer: AutodiscoverAnswer, address: str, route: str | None,
                       hops: int, start: float) -> Got | None:
        target = answer.redirect_addr or answer.redirect_url or ""
        if hops >= MAX_HOPS:
            self.report(url, "error", f"redirect to {target[:200]} not followed: more than {MAX_HOPS} "
                        "Autodiscover redirects", start)
            return None
        if answer.redirect_url is not None:
            parts = urlsplit(target)
            if parts.scheme != "https" or not parts.hostname:
                self.report(url, "error", f"RedirectUrl {target[:200]} not followed: only https is", start)
                return None
            self.report(url, "found", f"RedirectUrl {target[:200]}", start)
            return await self.ask(target, address,
                                  self.elsewhere(parts.hostname, route, "autodiscover_redirect"), hops + 1)
        try:
            other = parse_address(target)
        except InputError as exc:
            self.report(url, "error", f"RedirectAddr not followed: {exc}", start)
            return None
        if other.address is None:
            self.report(url, "error", f"RedirectAddr {target[:200]!r} not followed: not an address", start)
            return None
        self.report(url, "found", f"RedirectAddr {other.address}", start)
        return await self.domain(other.address, other.domain,
                                 self.elsewhere(other.domain, route, "autodiscover_redirect"), hops + 1)

    async def via_http(self, domain: str, address: str, route: str | None, hops: int) -> Got | None:
        """GET over plain HTTP only to learn a redirect to HTTPS; nothing it says is read."""
        url = current = f"http://autodiscover.{domain}{PATH}"
        start = time.monotonic()
        for _ in range(MAX_HTTP_REDIRECTS):
            try:
                result = await fetch(current, self.settings, follow_redirects=False)
            except FetchError as exc:
                self.report(url, _failed(exc), str(exc), start)
                return None
            following = result.redirect
            if following is None:
                outcome = "not_found" if result.status in (404, 410) else "skipped"
                self.report(url, outcome, f"HTTP {result.status} over unencrypted HTTP: ignored (only a "
                            "redirect to HTTPS is followed)", start)
                return None
            if urlsplit(following).scheme == "https":
                self.report(url, "found", f"redirects to {following}", start)
                host = urlsplit(following).hostname or ""
                return await self.ask(following, address,
                                      self.elsewhere(host, route, "autodiscover_redirect"), hops)
            current = following
        self.report(url, "error", f"more than {MAX_HTTP_REDIRECTS} redirects without reaching HTTPS", start)
        return None

    async def via_srv(self, domain: str, address: str, route: str | None, hops: int) -> Got | None:
        """``_autodiscover._tcp``: the best record's target over HTTPS (unsigned DNS: see ``elsewhere``)."""
        name = f"_autodiscover._tcp.{domain}"
        start = time.monotonic()
        try:
            records = await self.settings.resolver.query(name, "SRV")
        except NoSuchDomain:
            self.report(name, "not_found", "no such name", start)
            return None
        except DnsError as exc:
            self.report(name, "error", str(exc), start)
            return None
        usable = sorted(((int(getattr(rr, "priority", 0)), -int(getattr(rr, "weight", 0)),
                          str(getattr(rr, "target", ".")).rstrip(".").lower(), int(getattr(rr, "port", 0)))
                         for rr in records), key=lambda r: r)
        usable = [r for r in usable if r[2] and r[2] != "." and 0 < r[3] <= 65535]
        if not usable:
            self.report(name, "not_found", "no SRV record naming a server", start)
            return None
        _prio, _weight, target, port = usable[0]
        if not valid_hostname(target):
            self.report(name, "error", f"target {target[:80]!r} is not a host name", start)
            return None
        url = f"https://{target}{'' if port == 443 else f':{port}'}{PATH}"
        self.report(name, "found", f"{target} port {port}", start)
        return await self.ask(url, address, self.elsewhere(target, route, "autodiscover_srv"), hops)


async def run(addr: EmailAddress, settings: Settings) -> SourceOutcome:
    """Ask the address's domain; turn the first usable answer into candidates labelled ``autodiscover``."""
    outcome = SourceOutcome()
    if addr.address is None:
        outcome.reports.append(SourceReport("autodiscover", addr.domain, "skipped",
                                            "Autodiscover needs a full address, not a bare domain"))
        return outcome
    lookup = _Lookup(addr, settings)
    try:
        got = await lookup.domain(addr.address, addr.domain, None, 0)
    finally:
        outcome.reports.extend(lookup.reports)
    return _candidates(addr, got, lookup, outcome)


async def ask_with_password(addr: EmailAddress, url: str, authorization: str,
                            settings: Settings) -> tuple[SourceOutcome, str]:
    """Ask ``url`` — a service that answered ``auth_required`` — once more, with ``authorization`` (this
    address's own Basic credentials, ``net.http.basic_authorization``).

    The caller decides whether the password may go there (setup/autodiscover_auth.py); here it goes in
    one POST over verified HTTPS to exactly that URL, and nothing the answer points to is followed: no
    HTTP redirect, no RedirectAddr, no RedirectUrl. Its servers are the domain's word (the caller allowed
    only a host inside the address's domain or one the person confirmed). Returns the outcome and what
    came of it: found, rejected (401/403 again), exchange_only, nothing_usable (an answer without a
    server this program can use, or one pointing elsewhere) or error (no readable answer).
    """
    outcome = SourceOutcome()
    if addr.address is None:
        outcome.reports.append(SourceReport("autodiscover", url, "skipped", "needs a full address"))
        return outcome, "error"
    lookup = _Lookup(addr, settings)
    start = time.monotonic()
    got: Got | None = None
    status = 0
    try:
        result = await post(url, request_body(addr.address), CONTENT_TYPE, settings,
                            authorization=authorization)
    except FetchError as exc:
        lookup.report(url, _failed(exc), str(exc), start)
    else:
        status = result.status
        got = await lookup.answered(url, result, addr.address, None, MAX_HOPS, start, with_password=True)
    outcome.reports.extend(lookup.reports)
    _candidates(addr, Got(got.answer, None) if got is not None else None, lookup, outcome)
    if outcome.candidates:
        return outcome, "found"
    if lookup.exchange_only:
        return outcome, "exchange_only"
    if status in (401, 403):
        return outcome, "rejected"
    return outcome, "nothing_usable" if status == 200 or _redirected(status) else "error"


def _redirected(status: int) -> bool:
    """An HTTP redirect answered the request with the password: it pointed elsewhere (not followed)."""
    return status in (301, 302, 303, 307, 308)


def _candidates(addr: EmailAddress, got: Got | None, lookup: _Lookup, outcome: SourceOutcome
                ) -> SourceOutcome:
    """The answer's servers as candidates labelled ``autodiscover`` (at most MAX_PER_PROTOCOL each), the
    route that makes those outside the domain need a confirmation, or the ``exchange_only`` warning."""
    if got is None:
        if lookup.exchange_only:
            outcome.warnings.append(finding("exchange_only", domain=addr.domain_unicode))
        return outcome
    kept: list[ServerConfig] = []
    for server in got.answer.servers:
        if sum(1 for s in kept if s.protocol == server.protocol) < MAX_PER_PROTOCOL:
            kept.append(server)
    config = AccountConfig(domain=addr.domain, incoming=tuple(s for s in kept if s.protocol != "smtp"),
                           outgoing=tuple(s for s in kept if s.protocol == "smtp"))
    outcome.candidates = config_candidates(config, "autodiscover", addr)
    if got.route is not None:
        outcome.routes = {c.key: got.route for c in outcome.candidates
                          if not same_registered_domain(c.host, addr.domain)}
    return outcome
