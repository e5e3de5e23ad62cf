"""What makes a discovered server risky: plaintext, a certificate problem, a host outside the address's
domain, injected STARTTLS, settings learnt over plain HTTP. The setup's Selection offers such a server only
with its risks, and the probe report names them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.core.words.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from assistant.core.model.results import DiscoveryResult, ProbeResult

# The context stays "flow": these sentences were first written for the wizard's navigation module.
RISKS: dict[str, str] = {
    "plaintext": QT_TRANSLATE_NOOP(
        "flow", "{host} port {port} sends your password and mail without encryption; anyone on the network "
        "path can read them."),
    "certificate_problem": QT_TRANSLATE_NOOP(
        "flow", "The certificate of {host} could not be verified, so the connection could be intercepted."),
    "outside_domain": QT_TRANSLATE_NOOP(
        "flow", "{host} is outside your address's domain; make sure your provider really uses this server."),
    "starttls_injection": QT_TRANSLATE_NOOP(
        "flow", "{host} accepted data injected before encryption started (a known STARTTLS weakness)."),
    "insecure_config_source": QT_TRANSLATE_NOOP(
        "flow", "The settings for {host} came over an unprotected channel and could have been altered."),
}

# Finding codes (DiscoveryResult.warnings) that apply to one host and need a confirmation.
_HOST_FINDINGS = ("outside_domain", "insecure_config_source", "starttls_injection", "certificate_problem",
                  "plaintext_only")



def _host(name: str) -> str:
    return name.lower().rstrip(".")


def risks_of(probe: ProbeResult, result: DiscoveryResult | None = None) -> tuple[str, ...]:
    """Every reason this endpoint is less than safe; empty for a verified, unremarkable server."""
    out: list[str] = []
    c = probe.candidate
    if c.security == "plain":
        out.append("plaintext")
    elif probe.tls is None or not probe.tls.verified:
        out.append("certificate_problem")
    if "starttls_injection" in probe.warnings:
        out.append("starttls_injection")
    host = _host(c.host)
    for f in result.warnings if result else []:
        code = "plaintext" if f.code == "plaintext_only" else f.code
        if (f.code in _HOST_FINDINGS and f.host and _host(f.host) == host
                and (f.protocol in (None, c.protocol)) and code not in out):
            out.append(code)
    return tuple(out)
