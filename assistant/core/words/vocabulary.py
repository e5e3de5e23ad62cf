"""One table per vocabulary the front ends share: discovery sources, protocols, security, probe status.

Everything here is keyed by a stable code (``"srv"``, ``"starttls"``, ``"tls_error"``); the words are English
templates marked for translation (``QT_TRANSLATE_NOOP``), so the wizard translates them, the CLI and the
reports print them as they are, and a new source or status is added in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core.words.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Source:
    """A discovery source and what its word is worth.

    ``trust``: rank order, lower is better. ``forgeable``: an attacker on the network path could have
    written its answer (unsigned DNS, plain HTTP), so a server outside the domain learnt from it needs the
    person's consent. ``authoritative``: its word is good enough to stop guessing that protocol.
    ``label`` (context "sources") names it in sentences; ``progress`` (context "progress") names its live
    check, or is empty for sources that are not a check of their own.
    """

    name: str
    trust: int
    forgeable: bool
    authoritative: bool
    label: str
    progress: str = ""


# Sources read over verified HTTPS (the domain's own autoconfig file and Autodiscover service, then the
# ISPDB) come before unsigned DNS (SRV, then the MX-based lookup), then our own guesses; a config file fetched
# over plain HTTP comes last because anyone on the path could have written it (and so it must not suppress a
# verified in-domain guess either). Autodiscover answers reached through its unsigned SRV record or a
# redirect to another domain keep the label but carry ``outside_domain`` (see discovery/sources/autodiscover).
SOURCES: dict[str, Source] = {s.name: s for s in (
    Source("manual", 0, False, True, QT_TRANSLATE_NOOP("sources", "your input")),
    Source("autoconfig", 1, False, True, QT_TRANSLATE_NOOP("sources", "the domain's configuration file"),
           QT_TRANSLATE_NOOP("progress", "autoconfig file")),
    Source("autodiscover", 2, False, True,
           QT_TRANSLATE_NOOP("sources", "your provider's Outlook settings service"),
           QT_TRANSLATE_NOOP("progress", "Outlook settings service (Autodiscover)")),
    Source("ispdb", 3, False, True, QT_TRANSLATE_NOOP("sources", "the Thunderbird ISP database"),
           QT_TRANSLATE_NOOP("progress", "ISP database")),
    Source("srv", 4, True, True, QT_TRANSLATE_NOOP("sources", "DNS SRV records"),
           QT_TRANSLATE_NOOP("progress", "SRV records")),
    Source("mx", 5, True, True, QT_TRANSLATE_NOOP("sources", "the domain's MX records"),
           QT_TRANSLATE_NOOP("progress", "MX-based lookup")),
    Source("guess", 6, False, False, QT_TRANSLATE_NOOP("sources", "guessing"),
           QT_TRANSLATE_NOOP("progress", "guessing")),
    Source("autoconfig_http", 7, True, False,
           QT_TRANSLATE_NOOP("sources", "a configuration file fetched over plain HTTP")),
)}

# How an Autodiscover answer outside the address's domain was reached (context "sources"): the ``source``
# of its ``outside_domain`` warning, so the sentence names the route an attacker could have forged.
ROUTES: dict[str, str] = {
    "autodiscover_srv": QT_TRANSLATE_NOOP(
        "sources", "an Outlook settings service named by the domain's DNS SRV record"),
    "autodiscover_redirect": QT_TRANSLATE_NOOP(
        "sources", "an Outlook settings service in another domain that the answer sent us to"),
}

PROTOCOL_NAMES: dict[str, str] = {"imap": "IMAP", "pop3": "POP3", "smtp": "SMTP"}

# Short names of a connection's security (context "text"): tables, the setup sheet, the HTML report.
SECURITY_NAMES: dict[str, str] = {
    "ssl": QT_TRANSLATE_NOOP("text", "SSL/TLS"),
    "starttls": QT_TRANSLATE_NOOP("text", "STARTTLS"),
    "plain": QT_TRANSLATE_NOOP("text", "None (unencrypted)"),
}

# What became of one probed server (context "text").
STATUS_NAMES: dict[str, str] = {
    "ok": QT_TRANSLATE_NOOP("text", "Reachable"),
    "refused": QT_TRANSLATE_NOOP("text", "Refused"),
    "timeout": QT_TRANSLATE_NOOP("text", "No answer"),
    "tls_error": QT_TRANSLATE_NOOP("text", "Encryption failed"),
    "protocol_error": QT_TRANSLATE_NOOP("text", "Unexpected answer"),
    "dns_error": QT_TRANSLATE_NOOP("text", "Name not found"),
    "unreachable": QT_TRANSLATE_NOOP("text", "Unreachable"),
}

# What a probe noticed about one server (``ProbeResult.warnings`` codes, context "text"): the wizard shows
# these words, never the code.
PROBE_WARNINGS: dict[str, str] = {
    "starttls_injection": QT_TRANSLATE_NOOP("text", "the server sent data that was not encrypted when "
                                                    "encryption started (a sign of an attempted injection)"),
    "starttls_refused": QT_TRANSLATE_NOOP("text", "the server refused to start encryption"),
    "starttls_missing": QT_TRANSLATE_NOOP("text", "this server offers no encryption"),
    "preauth": QT_TRANSLATE_NOOP("text", "the server skipped the sign-in before encryption (PREAUTH)"),
    "logindisabled": QT_TRANSLATE_NOOP("text", "the server refuses passwords without encryption"),
}


# The English wording of the helpdesk documents (the readable probe report, the HTML report), which speak
# in short phrases rather than labels. Not translated: those documents go to a helpdesk as they are.
REPORT_SECURITY: dict[str, str] = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "plain": "no encryption"}
REPORT_STATUS: dict[str, str] = {
    "ok": "answered", "refused": "connection refused", "timeout": "no answer in time",
    "tls_error": "encryption failed", "protocol_error": "protocol error", "dns_error": "name not found",
    "unreachable": "unreachable",
}
HTML_SECURITY: dict[str, str] = {
    "ssl": "encrypted from the start (SSL/TLS)", "starttls": "encrypted after connecting (STARTTLS)",
    "plain": "NOT encrypted",
}
ROLE_NAMES: dict[str, str] = {"imap": "Incoming mail (IMAP)", "pop3": "Incoming mail (POP3)",
                              "smtp": "Outgoing mail (SMTP)"}


def source_label(name: str) -> str:
    """The English sentence label of a source or route (the code itself for one no table knows)."""
    source = SOURCES.get(name)
    return source.label if source else ROUTES.get(name, name)


def progress_label(name: str) -> str:
    """The English name of a source's live check."""
    source = SOURCES.get(name)
    return (source.progress or source.label) if source else name


def endpoint_key(protocol: str, host: str, port: int, security: str) -> str:
    """The stable key of one endpoint in progress events (never shown)."""
    return f"{protocol}:{host.rstrip('.').lower()}:{port}:{security}"
