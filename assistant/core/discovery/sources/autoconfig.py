"""The provider's own autoconfig file (Thunderbird's "fromISP" lookup), HTTPS first.

The three HTTPS locations (the draft standard's ``/.well-known/mail-v1.xml`` and Thunderbird's two) are
asked at once, and the plain-HTTP ones alongside so a fallback costs no extra time — but an HTTP file is
used only when no HTTPS location gave a usable file, its candidates are labelled ``autoconfig_http``
(never trusted), and the outcome carries an ``insecure_config_source`` warning: anyone on the path could
have forged it. The address goes in ``?emailaddress=`` over HTTPS only; sending it in clear text would
hand it to every observer on the way.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from assistant.core.model.account import AccountConfig
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Finding, Source, SourceOutcome, SourceReport
from assistant.core.net.http import FetchError, fetch
from assistant.core.net.settings import Settings
from assistant.core.profiles.autoconfig_read import config_candidates, oauth2_issuer, read_autoconfig
from assistant.core.words.errors import InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

XML_TYPES = frozenset({"text/xml", "application/xml"})

WARNINGS: dict[str, str] = {
    "insecure_config_source": QT_TRANSLATE_NOOP(
        "discovery",
        "The settings file {url} came over unencrypted HTTP and may have been forged by anyone on the "
        "network path. Check these servers before you trust them."),
}


@dataclass
class Fetched:
    """One config-file fetch: the file when usable, whether it came entirely over verified HTTPS."""

    config: AccountConfig | None
    secure: bool
    report: SourceReport


def _ms(start: float) -> int:
    return int((time.monotonic() - start) * 1000)


async def fetch_config(url: str, settings: Settings, source: str) -> Fetched:
    """Fetch and read one autoconfig/ISPDB file; never raises for network or file trouble."""
    start = time.monotonic()
    shown = url.split("?")[0]
    try:
        result = await fetch(url, settings)
    except FetchError as exc:
        outcome = "not_found" if exc.kind in ("dns_error", "refused") else "error"
        return Fetched(None, False, SourceReport(source, shown, outcome, str(exc), _ms(start)))
    if result.status in (404, 410):
        return Fetched(None, False, SourceReport(source, shown, "not_found", f"HTTP {result.status}",
                                                 _ms(start)))
    if result.status != 200:
        return Fetched(None, False, SourceReport(source, shown, "error", f"HTTP {result.status}", _ms(start)))
    if result.content_type not in XML_TYPES:
        detail = f"served as {result.content_type or 'no content type'}, not XML; ignored"
        return Fetched(None, False, SourceReport(source, shown, "error", detail, _ms(start)))
    try:
        config = read_autoconfig(result.body, shown)
    except InputError as exc:
        return Fetched(None, False, SourceReport(source, shown, "error", str(exc), _ms(start)))
    detail = f"{config.provider_name or config.provider_id}: {len(config.incoming)} incoming, " \
             f"{len(config.outgoing)} outgoing"
    if result.final_url != url:
        detail += f" (via {result.final_url.split('?')[0]})"
    return Fetched(config, result.secure, SourceReport(source, shown, "found", detail, _ms(start)))


def insecure_finding(url: str) -> Finding:
    host = urlsplit(url).hostname or url
    shown = url.split("?")[0]
    return Finding(code="insecure_config_source",
                   message=WARNINGS["insecure_config_source"].format(url=shown, host=host),
                   host=host, params={"url": shown, "host": host})


def use_config(outcome: SourceOutcome, fetched: Fetched, url: str, source: Source,
               addr: EmailAddress) -> None:
    """Add a fetched file's servers to ``outcome``: as ``source`` when secure, else untrusted + warned."""
    assert fetched.config is not None
    label: Source = source if fetched.secure else "autoconfig_http"
    outcome.candidates.extend(config_candidates(fetched.config, label, addr))
    outcome.provider_name = outcome.provider_name or fetched.config.provider_name
    issuer = oauth2_issuer(fetched.config)
    if issuer:
        outcome.oauth2_issuers.append(issuer)
    if not fetched.secure:
        outcome.warnings.append(insecure_finding(url))


def urls(addr: EmailAddress, scheme: str) -> list[str]:
    """The provider locations, in priority order: over HTTPS the draft standard's well-known
    ``mail-v1.xml`` first, then Thunderbird's two; over plain HTTP only Thunderbird's two."""
    query = f"?emailaddress={quote(addr.address, safe='@')}" if addr.address and scheme == "https" else ""
    legacy = [f"{scheme}://autoconfig.{addr.domain}/mail/config-v1.1.xml{query}",
              f"{scheme}://{addr.domain}/.well-known/autoconfig/mail/config-v1.1.xml{query}"]
    if scheme != "https":
        return legacy
    return [f"https://autoconfig.{addr.domain}/.well-known/mail-v1.xml{query}", *legacy]


async def run(addr: EmailAddress, settings: Settings) -> SourceOutcome:
    """HTTPS locations first; the HTTP ones only count when HTTPS found nothing usable."""
    secure_urls, plain_urls = urls(addr, "https"), urls(addr, "http")
    secure_tasks = [asyncio.ensure_future(fetch_config(u, settings, "autoconfig")) for u in secure_urls]
    plain_tasks = [asyncio.ensure_future(fetch_config(u, settings, "autoconfig_http")) for u in plain_urls]
    outcome = SourceOutcome()
    try:
        secure_results = await asyncio.gather(*secure_tasks)
        outcome.reports.extend(f.report for f in secure_results)
        chosen = next(((f, u) for f, u in zip(secure_results, secure_urls, strict=True) if f.config), None)
        if chosen is not None:
            for task, url in zip(plain_tasks, plain_urls, strict=True):
                task.cancel()
                outcome.reports.append(SourceReport("autoconfig_http", url, "skipped",
                                                    "not needed: a file was found over HTTPS"))
            use_config(outcome, chosen[0], chosen[1], "autoconfig", addr)
            return outcome
        plain_results = await asyncio.gather(*plain_tasks)
        outcome.reports.extend(f.report for f in plain_results)
        chosen = next(((f, u) for f, u in zip(plain_results, plain_urls, strict=True) if f.config), None)
        if chosen is not None:
            use_config(outcome, chosen[0], chosen[1], "autoconfig", addr)
        return outcome
    finally:
        for task in (*secure_tasks, *plain_tasks):
            task.cancel()
