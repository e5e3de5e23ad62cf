"""What to publish so every mail program finds the domain's settings: zone-file lines and web files.

``dns``: master-file lines to paste (RFC 1035 syntax, absolute names, TTL 3600) — RFC 6186 SRV records for
each verified service the domain does not publish yet (implicit TLS at priority 0, STARTTLS at 10: RFC 8314
§5.1 asks clients to prefer implicit TLS), "." records for a mailbox protocol no server offers, and the
``autoconfig.`` / ``autodiscover.`` names when they do not exist (pointed at ``web_host``, else at the
domain itself, which then needs a certificate covering them). ``files``: the autoconfig file for both of
Thunderbird's locations and the Autodiscover answer, made by the same code as ``export`` (a domain-wide
file: user name ``%EMAILADDRESS%``), each with the path it takes in a tree by domain (``--fix-dir``), the
URL it must be served at and its media type. Only servers the probe verified are ever published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.core.audit.clients import ClientView
from assistant.core.audit.observe import Observed
from assistant.core.audit.summary import SourceSummary
from assistant.core.discovery.sources.srv import SERVICES
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import DiscoveryResult, ProbeResult
from assistant.core.setup.account import account_from_probes
from assistant.core.setup.exporting import export_one
from assistant.core.words.errors import AssistantError

TTL = 3600
ANSWERED = ("ok", "tls_error", "protocol_error")


@dataclass(frozen=True)
class FixFile:
    fmt: str
    path: str  # relative, by domain: DOMAIN/mail/config-v1.1.xml
    url: str
    media_type: str
    content: bytes

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.fmt, "path": self.path, "url": self.url, "media_type": self.media_type,
                "content": self.content.decode("utf-8")}


def _best_verified(result: DiscoveryResult, protocol: str, security: str) -> ProbeResult | None:
    chosen = result.recommended.get(protocol)
    if chosen is not None and chosen.candidate.security == security:
        return chosen
    return next((r for r in result.candidates if r.secure and r.candidate.protocol == protocol
                 and r.candidate.security == security), None)


def srv_lines(result: DiscoveryResult) -> list[str]:
    """SRV records for the verified services the domain does not publish yet, and "." for absent ones."""
    domain = result.domain
    published = {s.service for s in result.srv}
    answered = {r.candidate.protocol for r in result.candidates if r.status in ANSWERED}
    verified = {r.candidate.protocol for r in result.candidates if r.secure}
    has_mailbox = bool(verified & {"imap", "pop3"})
    lines: list[str] = []
    for service, protocol, security in SERVICES:
        if service in published:
            continue
        best = _best_verified(result, protocol, security)
        if best is not None:
            prio = 0 if security == "ssl" else 10
            lines.append(f"{service}.{domain}. {TTL} IN SRV {prio} 1 {best.candidate.port} "
                         f"{best.candidate.host.rstrip('.')}.")
        elif (protocol in ("imap", "pop3") and has_mailbox and protocol not in answered
              and not any(s.protocol == protocol for s in result.srv)):
            lines.append(f"{service}.{domain}. {TTL} IN SRV 0 0 0 .")
    return lines


def name_lines(domain: str, observed: Observed, sources: dict[str, SourceSummary],
               views: dict[str, ClientView], web_host: str | None) -> list[str]:
    """``autoconfig.D`` / ``autodiscover.D`` when a file is needed there and the name does not exist."""
    target = (web_host or "").rstrip(".") or domain
    lines: list[str] = []
    wanted = [("autoconfig", sources["autoconfig"].outcome != "found"),
              ("autodiscover", views["outlook"].finds is not True)]
    for label, needed in wanted:
        name = f"{label}.{domain}"
        if needed and observed.names.get(name) is False:
            if web_host is None and observed.names.get(domain) is False:
                lines.append(f"; {name}: point it at the web server that serves the file below (--web-host)")
            else:
                lines.append(f"{name}. {TTL} IN CNAME {target}.")
    return lines


def fix_files(result: DiscoveryResult, sources: dict[str, SourceSummary], views: dict[str, ClientView],
              problems: set[str]) -> list[FixFile]:
    """The autoconfig and Autodiscover files to publish, when a program needs them and servers verified."""
    domain = result.domain
    try:
        account = account_from_probes(EmailAddress.parse(domain), result.recommended)
    except AssistantError:  # no verified incoming or outgoing server: nothing trustworthy to publish
        return []
    out: list[FixFile] = []
    autoconfig_needed = (sources["autoconfig"].outcome != "found"
                         or bool(problems & {"http_config_differs", "sources_disagree"}))
    if autoconfig_needed:
        data, _losses = export_one(account, "autoconfig")
        out.append(FixFile("autoconfig", f"{domain}/mail/config-v1.1.xml",
                           f"https://autoconfig.{domain}/mail/config-v1.1.xml", "application/xml", data))
        out.append(FixFile("autoconfig", f"{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
                           f"https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml", "application/xml",
                           data))
    if views["outlook"].finds is not True:
        data, _losses = export_one(account, "autodiscover")
        out.append(FixFile("autodiscover", f"{domain}/autodiscover/autodiscover.xml",
                           f"https://autodiscover.{domain}/autodiscover/autodiscover.xml", "text/xml", data))
    return out


def fixes(result: DiscoveryResult, observed: Observed, sources: dict[str, SourceSummary],
          views: dict[str, ClientView], problems: set[str], web_host: str | None = None
          ) -> tuple[list[str], list[FixFile]]:
    """(zone-file lines, files) for one domain."""
    files = fix_files(result, sources, views, problems)
    dns = srv_lines(result)
    if files:
        dns += name_lines(result.domain, observed, sources, views, web_host)
    return dns, files
