"""Why a server in use cannot be trusted or reached, said so a person knows whom to ask for what.

The verdict (``outcome.py``) and the manual page name the cause itself — "mail.example.com's certificate
expired on 2026-12-04; ask your provider to renew it" — rather than "the settings did not work": the person
often entered nothing, and the fix is the provider's. Each cause is a code (a key of CAUSES, stable for the
helpdesk's copy) and the values its sentence names. Qt-free: the sentences are templates (context
"outcome") the front ends translate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate, fill

if TYPE_CHECKING:
    from assistant.core.model.results import ProbeResult

CAUSES: dict[str, str] = {
    "expired": QT_TRANSLATE_NOOP(
        "outcome", "The certificate of {host} expired on {date}; ask your provider to renew it."),
    "not_yet_valid": QT_TRANSLATE_NOOP(
        "outcome", "The certificate of {host} is valid only from {start}: check the date and time of this "
                   "computer, or ask your provider."),
    "hostname_mismatch": QT_TRANSLATE_NOOP(
        "outcome", "The certificate of {host} was issued for another name; ask your provider which server "
                   "name to use."),
    "self_signed": QT_TRANSLATE_NOOP(
        "outcome", "The certificate of {host} is self-signed, so nobody vouches for it; ask your provider "
                   "whether that is intended."),
    "untrusted_issuer": QT_TRANSLATE_NOOP(
        "outcome", "The certificate of {host} comes from an authority this computer does not trust; ask your "
                   "provider or your IT department."),
    "weak_protocol": QT_TRANSLATE_NOOP(
        "outcome", "{host} offers only {version}, which is no longer safe; ask your provider to update it."),
    "certificate": QT_TRANSLATE_NOOP(
        "outcome", "The certificate of {host} could not be verified; ask your provider about it."),
    "no_such_host": QT_TRANSLATE_NOOP(
        "outcome", "The server name {host} does not exist; ask your provider for the right name."),
    "no_answer": QT_TRANSLATE_NOOP(
        "outcome", "{host} did not answer on port {port}; check the port, or ask your provider."),
    "refused": QT_TRANSLATE_NOOP(
        "outcome", "{host} refused connections on port {port}; check the port, or ask your provider."),
    "unreachable": QT_TRANSLATE_NOOP(
        "outcome", "{host} could not be reached; check the network connection and try again."),
    "no_encryption": QT_TRANSLATE_NOOP(
        "outcome", "{host} offers no encryption on port {port}; ask your provider for an encrypted server."),
    "no_tls": QT_TRANSLATE_NOOP(
        "outcome", "The encrypted connection to {host} could not be set up; check the security setting, "
                   "or ask your provider."),
    "unexpected": QT_TRANSLATE_NOOP(
        "outcome", "{host} did not answer like a mail server on port {port}; check the port and the "
                   "protocol."),
}

# TLS problems in the order they are named: the one the provider must fix first.
_CERTIFICATE = ("expired", "not_yet_valid", "hostname_mismatch", "self_signed", "untrusted_issuer",
                "weak_protocol")
_STATUS = {"dns_error": "no_such_host", "timeout": "no_answer", "refused": "refused",
           "unreachable": "unreachable", "protocol_error": "unexpected"}


@dataclass(frozen=True)
class Cause:
    """One cause: a key of CAUSES and the values its sentence names."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def certificate(self) -> bool:
        """A certificate the provider must fix (or the person may accept), not a wrong setting."""
        return self.code in (*_CERTIFICATE, "certificate")

    def text(self, translate: Translate | None = None) -> str:
        template = CAUSES[self.code]
        return fill(translate("outcome", template) if translate else template, template, dict(self.params),
                    translate)


def certificate_cause(p: ProbeResult) -> Cause | None:
    """What is wrong with ``p``'s certificate, the most urgent problem first; None when nothing is."""
    tls, host = p.tls, p.candidate.host.rstrip(".")
    if tls is None or (tls.verified and "weak_protocol" not in tls.problems):
        return None
    code = next((c for c in _CERTIFICATE if c in tls.problems), "certificate")
    return Cause(code, (("host", host), ("date", (tls.not_after or "?")[:10]),
                        ("start", (tls.not_before or "?")[:10]), ("version", tls.version or "?")))


def probe_cause(p: ProbeResult) -> Cause | None:
    """Why the server ``p`` tested cannot be used as it is; None when it answered with verified encryption
    (or, having been chosen without encryption, answered at all)."""
    host, port = p.candidate.host.rstrip("."), str(p.candidate.port)
    if "starttls_missing" in p.warnings:
        return Cause("no_encryption", (("host", host), ("port", port)))
    if p.status == "ok":
        return certificate_cause(p) if p.candidate.security != "plain" else None
    if p.status == "tls_error":
        return certificate_cause(p) or Cause("no_tls", (("host", host),))
    return Cause(_STATUS.get(p.status, "unexpected"), (("host", host), ("port", port)))
