"""The setup wizard's navigation as a plain state machine, so every branch is testable without Qt.

The GUI keeps one ``FlowState`` up to date from its widgets and asks ``next_page`` where "Next" leads and
``blockers`` whether "Next" may be pressed at all. Which discovered server to offer per protocol, and which
risks a person must confirm before using it, is decided here too: that is policy, not presentation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

from assistant.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # types only: the wizard's first page uses this module and must show before these load
    from assistant.core.model import DiscoveryResult, ProbeResult, Protocol
    from assistant.core.presets import Policy


class Page(IntEnum):
    """Wizard pages; the values are QWizard page ids."""

    ADDRESS = 0
    DISCOVERY = 1
    MANUAL = 2
    DEVICES = 3
    RECOMMENDATION = 4
    PASSWORD = 5
    EXPORT = 6
    DONE = 7


END = -1  # QWizard's "no next page"


@dataclass
class FlowState:
    """What navigation depends on. ``unconfirmed`` holds hosts whose risks still await "I understand"."""

    address_valid: bool = False
    discovery: str = "idle"  # idle | running | done | failed | cancelled
    found_incoming: bool = False
    found_outgoing: bool = False
    unconfirmed: set[str] = field(default_factory=set)
    edit_manually: bool = False
    manual_valid: bool = False
    manual_unconfirmed: bool = False  # manual settings without encryption, not yet confirmed
    signin: str = "idle"  # idle | running | done: the optional sign-in test on the password page

    @property
    def discovered_usable(self) -> bool:
        return self.discovery == "done" and self.found_incoming and self.found_outgoing


# Why "Next" is disabled, in words the page shows next to the button.
BLOCKERS: dict[str, str] = {
    "address_invalid": QT_TRANSLATE_NOOP("flow", "Enter a complete email address to continue."),
    "discovery_running": QT_TRANSLATE_NOOP(
        "flow", "Please wait until the checks have finished, or cancel them."),
    "discovery_idle": QT_TRANSLATE_NOOP("flow", "The checks have not run yet."),
    "risk_unconfirmed": QT_TRANSLATE_NOOP(
        "flow", "Confirm the risks of the servers marked with a warning, or change the settings by hand."),
    "manual_invalid": QT_TRANSLATE_NOOP("flow", "Correct the highlighted fields to continue."),
    "manual_unconfirmed": QT_TRANSLATE_NOOP(
        "flow", "Confirm that you understand the risk of an unencrypted connection."),
    "signin_running": QT_TRANSLATE_NOOP(
        "flow", "Please wait until the sign-in test has finished, or stop it."),
}


def next_page(page: Page, state: FlowState) -> int:
    """Where "Next" leads from ``page`` (``END`` after the last page)."""
    if page is Page.ADDRESS:
        return Page.DISCOVERY
    if page is Page.DISCOVERY:
        if state.edit_manually or not state.discovered_usable:
            return Page.MANUAL
        return Page.DEVICES
    if page is Page.DONE:
        return END
    return page + 1


def blockers(page: Page, state: FlowState) -> list[str]:
    """Codes (keys of ``BLOCKERS``) that keep "Next" disabled on ``page``; empty means it may proceed."""
    out: list[str] = []
    if page is Page.ADDRESS and not state.address_valid:
        out.append("address_invalid")
    elif page is Page.DISCOVERY:
        if state.discovery == "running":
            out.append("discovery_running")
        elif state.discovery == "idle":
            out.append("discovery_idle")
        elif state.discovered_usable and state.unconfirmed and not state.edit_manually:
            out.append("risk_unconfirmed")
    elif page is Page.MANUAL:
        if not state.manual_valid:
            out.append("manual_invalid")
        elif state.manual_unconfirmed:
            out.append("manual_unconfirmed")
    elif page is Page.PASSWORD and state.signin == "running":
        out.append("signin_running")
    return out


# --- which server to offer per protocol, and what must be confirmed -----------------------------------

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

CONFIRM = QT_TRANSLATE_NOOP("flow", "I understand the risks and want to use {host} anyway")

# Finding codes (DiscoveryResult.warnings) that apply to one host and need a confirmation.
_HOST_FINDINGS = ("outside_domain", "insecure_config_source", "starttls_injection", "certificate_problem",
                  "plaintext_only")


@dataclass(frozen=True)
class Choice:
    """The server offered for one protocol and the risks (keys of ``RISKS``) a person must accept."""

    probe: ProbeResult
    risks: tuple[str, ...] = ()

    @property
    def host(self) -> str:
        return self.probe.candidate.host.rstrip(".")


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
    host = c.host.lower().rstrip(".")
    for f in result.warnings if result else []:
        code = "plaintext" if f.code == "plaintext_only" else f.code
        if (f.code in _HOST_FINDINGS and f.host and f.host.lower().rstrip(".") == host
                and (f.protocol in (None, c.protocol)) and code not in out):
            out.append(code)
    return tuple(out)


def usable_with_risk(p: ProbeResult) -> bool:
    """Reachable, or refused only because its certificate failed verification (a client can still be
    told to accept it, which is exactly what the confirmation is for)."""
    return p.status == "ok" or (p.status == "tls_error" and p.tls is not None and bool(p.tls.problems))


def pick(result: DiscoveryResult, policy: Policy | None = None) -> dict[Protocol, Choice | None]:
    """Per protocol: the orchestrator's recommendation, else the best-ranked server usable with a risk.

    ``result.candidates`` is already in rank order, so the first usable one is the least bad. With an
    organisation's ``policy`` (``result`` already passed through ``presets.apply_policy``) the fallback
    never offers what the policy rules out: a forbidden protocol, a server outside the allowed domains.
    """
    from assistant.core.presets import violations

    picked: dict[Protocol, Choice | None] = {}
    for proto in ("imap", "pop3", "smtp"):
        if policy is not None and proto in policy.forbidden_protocols:
            picked[proto] = None
            continue
        mine = [p for p in result.candidates if p.candidate.protocol == proto
                and (policy is None or not violations(p, policy))]
        best = result.recommended.get(proto)
        if best is None:
            best = next((p for p in mine if p.status == "ok"), None) or next(
                (p for p in mine if usable_with_risk(p)), None)
        picked[proto] = Choice(best, risks_of(best, result)) if best else None
    return picked


def accepted(choices: dict[Protocol, Choice | None], confirmed: set[str]) -> dict[Protocol, Choice | None]:
    """The offered servers a person may use now: safe ones, and risky ones whose host they confirmed."""
    return {p: (c if c and (not c.risks or c.host in confirmed) else None) for p, c in choices.items()}


def update_from_choices(state: FlowState, choices: dict[Protocol, Choice | None],
                        confirmed: set[str]) -> None:
    """Fill the discovery part of ``state`` from the offered servers and the hosts confirmed so far.

    A risky server blocks "Next" only while nothing acceptable covers its side (incoming or outgoing):
    a safe IMAP server makes an unconfirmed POP3 one irrelevant, and that one is then simply not offered.
    """
    ok = accepted(choices, confirmed)
    state.found_incoming = any(choices.get(p) is not None for p in ("imap", "pop3"))
    state.found_outgoing = choices.get("smtp") is not None
    state.unconfirmed = set()
    for side in (("imap", "pop3"), ("smtp",)):
        if not any(ok.get(p) for p in side):
            state.unconfirmed |= {c.host for p in side if (c := choices.get(p)) and c.host not in confirmed}


def pins(choices: dict[Protocol, Choice | None], confirmed: set[str]) -> dict[Protocol, tuple[str, ...]]:
    """Per protocol, the certificate fingerprint a sign-in may accept instead of a verified chain.

    Only a server whose certificate problem the person confirmed by name gets one, and only the exact
    certificate its probe saw: never a blanket "ignore certificate errors".
    """
    out: dict[Protocol, tuple[str, ...]] = {}
    for proto, choice in accepted(choices, confirmed).items():
        tls = choice.probe.tls if choice else None
        if (choice and "certificate_problem" in choice.risks and choice.host in confirmed and tls
                and tls.fingerprint_sha256):
            out[proto] = (tls.fingerprint_sha256.lower(),)
    return out
