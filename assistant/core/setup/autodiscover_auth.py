"""Asking the domain's Autodiscover service again with the mail password: when, where, and what joins.

Discovery never sends a password. When the domain's Autodiscover service answered 401/403
(``auth_required``, Exchange or mailcow) and a sign-in — ``verify``, ``report``, the wizard's password page —
gives this address's password, the setup session asks that service once more with HTTP Basic, only:

- to exactly the URL that answered 401/403 (the host that asked), over verified HTTPS, following nothing
  it points to (no HTTP redirect, RedirectAddr or RedirectUrl: ``autodiscover.ask_with_password``);
- when that host is inside the address's registered domain, or one the person confirmed (the wizard's
  box; the CLI has no way to confirm, so it never sends the password outside the domain);
- when the challenge offered Basic, and the request that got it was about this very address (not one a
  RedirectAddr named), with the password given for this address.

When the answer names servers, they are probed (without credentials) and joined into the discovery result
(``discovery/join.py``): re-ranked, a new Selection, and the sign-in then uses them. What happened is kept
as an ``AutodiscoverRetry`` (``verify --json`` and the report: ``autodiscover``), never with the password.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from assistant.core.model.address import same_registered_domain
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from assistant.core.discovery.presets import Preset
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.progress import ProgressCallback
    from assistant.core.model.results import DiscoveryResult
    from assistant.core.net.settings import Settings
    from assistant.core.signin.secret import Secret

# What the person reads (context "autodiscover"): on the password page before the test, and after it.
TEXTS: dict[str, str] = {
    "asks": QT_TRANSLATE_NOOP(
        "autodiscover", "Your provider's Outlook settings service ({host}) gives the settings only to "
        "someone who signs in with the mail password. “Test sign-in” asks it first, over an encrypted "
        "connection, then signs in to the servers it names."),
    "confirm": QT_TRANSLATE_NOOP(
        "autodiscover", "Also send my password to {host}: it is not part of {domain}. Tick this only if "
        "your provider says this Outlook settings service is theirs."),
    "found": QT_TRANSLATE_NOOP(
        "autodiscover", "Your provider's Outlook settings service ({host}) accepted the password and named "
        "the servers: {servers}."),
    "rejected": QT_TRANSLATE_NOOP(
        "autodiscover", "Your provider's Outlook settings service ({host}) did not accept the password."),
    "exchange_only": QT_TRANSLATE_NOOP(
        "autodiscover", "Your provider's Outlook settings service ({host}) accepted the password, but it "
        "offers only Exchange, no IMAP, POP3 or SMTP."),
    "nothing_usable": QT_TRANSLATE_NOOP(
        "autodiscover", "Your provider's Outlook settings service ({host}) accepted the password but named "
        "no server this program can use."),
    "error": QT_TRANSLATE_NOOP(
        "autodiscover", "Your provider's Outlook settings service ({host}) could not be asked."),
    "no_basic": QT_TRANSLATE_NOOP(
        "autodiscover", "The password was not sent to your provider's Outlook settings service ({host}): "
        "it does not offer the sign-in method this program uses (Basic)."),
    "other_address": QT_TRANSLATE_NOOP(
        "autodiscover", "The password was not sent to the Outlook settings service {host}: it asked about "
        "another address."),
    "not_https": QT_TRANSLATE_NOOP(
        "autodiscover", "The password was not sent to the Outlook settings service {host}: it is not "
        "reached over an encrypted connection."),
    "outside_domain": QT_TRANSLATE_NOOP(
        "autodiscover", "The password was not sent to your provider's Outlook settings service ({host}): it "
        "is not part of {domain} and you did not confirm it."),
}

# Why the password was not sent (``AutodiscoverRetry.reason``), before any question of confirmation.
BLOCKED = ("no_basic", "other_address", "not_https")


@dataclass(frozen=True)
class AuthRequest:
    """The Autodiscover service that asked for the password, and whether it may get it.

    ``blocked``: a reason it never may (``BLOCKED``); otherwise it may when ``inside`` (the address's
    registered domain) or when the person confirmed ``host``."""

    url: str
    host: str
    inside: bool
    domain: str  # the address's domain as people write it (the sentences name it)
    blocked: str | None = None


@dataclass
class AutodiscoverRetry:
    """What the sign-in did about the service that asked (``verify --json`` and the report:
    ``autodiscover``). ``outcome``: found, rejected, exchange_only, nothing_usable, error, or not_sent
    with ``reason`` (outside_domain, no_basic, other_address, not_https, manual)."""

    request: AuthRequest
    password_sent: bool
    outcome: str
    reason: str | None = None
    servers: list[str] = field(default_factory=list)  # "imap box17.hoster.example:993 ssl", as found
    detail: str | None = None  # the source's one line (scrubbed of the password)
    # The discovery result with what the answer said joined in (its servers, or exchange_only): not in JSON.
    joined: DiscoveryResult | None = field(default=None, compare=False, repr=False)

    @property
    def settled(self) -> bool:
        """The service answered the password with its settings: asking it again cannot tell more."""
        return self.outcome in ("found", "exchange_only")

    @property
    def template(self) -> str | None:
        """The sentence (``TEXTS``) that says what happened; None when there is nothing to say to a
        person (the settings typed by hand were used)."""
        return TEXTS.get((self.reason or "") if self.outcome == "not_sent" else self.outcome)

    @property
    def params(self) -> dict[str, str]:
        names = ", ".join(dict.fromkeys(s.split()[1].rsplit(":", 1)[0] for s in self.servers))
        return {"host": self.request.host, "domain": self.request.domain, "servers": names}

    @property
    def message(self) -> str | None:
        """The sentence in English (the CLI's line, the report); the wizard translates ``template``."""
        return self.template.format(**self.params) if self.template else None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.request.url, "host": self.request.host, "password_sent": self.password_sent,
                "outcome": self.outcome, "reason": self.reason, "servers": list(self.servers),
                "message": self.message, "template": self.template, "params": self.params,
                "detail": self.detail}


def auth_request(result: DiscoveryResult | None) -> AuthRequest | None:
    """The Autodiscover service of ``result`` that asked for the password and has not answered it yet,
    the most usable first (one that may get it, inside the domain, by URL), or None."""
    if result is None or result.address is None:
        return None
    # A service that answered since (asked with the password, its answer joined): nothing left to ask.
    answered = {r.target for r in result.sources if r.source == "autodiscover" and r.outcome == "found"}
    found: list[AuthRequest] = []
    for report in result.sources:
        auth = report.auth
        if report.source != "autodiscover" or report.outcome != "auth_required" or auth is None \
                or auth.url in answered:
            continue
        parts = urlsplit(auth.url)
        host = (parts.hostname or "").lower()
        blocked = ("not_https" if parts.scheme != "https" or not host
                   else "other_address" if (auth.address or "").lower() != result.address.lower()
                   else "no_basic" if "basic" not in {s.lower() for s in auth.schemes} else None)
        found.append(AuthRequest(auth.url, host, same_registered_domain(host, result.domain),
                                 result.domain_unicode, blocked))
    if not found:
        return None
    return min(found, key=lambda r: (r.blocked is not None, not r.inside, r.url))


def not_sent(request: AuthRequest, reason: str) -> AutodiscoverRetry:
    return AutodiscoverRetry(request, False, "not_sent", reason)


async def ask_again(address: EmailAddress, result: DiscoveryResult, request: AuthRequest, secret: Secret,
                    settings: Settings, preset: Preset | None = None,
                    progress: ProgressCallback | None = None) -> AutodiscoverRetry:
    """Ask ``request``'s URL with this address's password; probe what it names and join it into
    ``result`` (``joined``), all within ``settings.timeout``. The caller checked that the password may go
    there (``SetupSession.signin_job``); this checks the rules that never bend once more."""
    from assistant.core.model.progress import ProgressEvent

    if request.blocked is not None or not request.url.startswith("https://"):
        return not_sent(request, request.blocked or "not_https")
    label = f"Autodiscover {request.host}"
    if progress is not None:
        progress(ProgressEvent("source", label, "started", key="autodiscover_auth"))
    try:
        async with asyncio.timeout(settings.timeout):
            retry = await _ask(address, result, request, secret, settings, preset)
    except TimeoutError:
        retry = AutodiscoverRetry(request, True, "error", detail=f"no answer within {settings.timeout:g} s")
    if progress is not None:
        progress(ProgressEvent("source", label, "done" if retry.outcome == "found" else "failed",
                               key="autodiscover_auth"))
    return retry


async def _ask(address: EmailAddress, result: DiscoveryResult, request: AuthRequest, secret: Secret,
               settings: Settings, preset: Preset | None) -> AutodiscoverRetry:
    from assistant.core.discovery.join import join
    from assistant.core.discovery.presets import apply_policy
    from assistant.core.discovery.sources.autodiscover import ask_with_password
    from assistant.core.net.http import basic_authorization
    from assistant.core.protocols import probe_endpoint
    from assistant.core.signin.secret import scrub

    auth = basic_authorization(address.address or "", secret.reveal())
    outcome, code = await ask_with_password(address, request.url, auth, settings)
    token = auth.split(" ", 1)[1]  # an answer echoing the header must not carry it into a report
    outcome.reports = [replace(r, detail=scrub(r.detail, secret, extra=(token,))) for r in outcome.reports]
    detail = outcome.reports[0].detail if outcome.reports else None
    if code not in ("found", "exchange_only"):
        return AutodiscoverRetry(request, True, code, detail=detail)
    # Exchange only: no servers, but the warning that says so in words joins the result.
    probes = await asyncio.gather(*(probe_endpoint(c, settings) for c in outcome.candidates))
    joined = join(result, outcome, probes)
    if preset is not None:
        joined = apply_policy(joined, preset)
    servers = [f"{c.protocol} {c.host}:{c.port} {c.security}" for c in outcome.candidates]
    return AutodiscoverRetry(request, True, code, servers=servers, detail=detail, joined=joined)
