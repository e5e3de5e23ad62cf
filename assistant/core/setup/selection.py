"""The one decision: which discovered server is used per protocol, what is risky about it, and its pin.

Discovery ranks everything it tried (``DiscoveryResult``); a ``Selection`` is what this setup will use.
Everything downstream — the account, the sign-in, the profiles, the report, the wizard pages — takes a
Selection, so "which server" is decided here and nowhere else. A risky server (plaintext, certificate
problem, outside the domain, injected STARTTLS, settings over plain HTTP) is offered with its risks and
used only once its host is confirmed, by a person in the wizard or by a certificate pin on the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.core.discovery.risks import risks_of
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from assistant.core.discovery.presets import Policy
    from assistant.core.model.results import DiscoveryResult, ProbeResult, Protocol

PROTOCOL_ORDER: tuple[Protocol, ...] = ("imap", "pop3", "smtp")
INCOMING: tuple[Protocol, ...] = ("imap", "pop3")

CONFIRM = QT_TRANSLATE_NOOP("flow", "&I understand the risks and want to use {host} anyway")

def _host(name: str) -> str:
    return name.lower().rstrip(".")


@dataclass(frozen=True)
class Choice:
    """The server offered for one protocol and the risks (keys of ``RISKS``) a person must accept."""

    probe: ProbeResult
    risks: tuple[str, ...] = ()

    @property
    def host(self) -> str:
        return _host(self.probe.candidate.host)

    @property
    def fingerprint(self) -> str | None:
        tls = self.probe.tls
        return tls.fingerprint_sha256.lower() if tls and tls.fingerprint_sha256 else None


@dataclass(frozen=True)
class Selection:
    """Per protocol the offered server (or None) and the hosts whose risks were accepted."""

    choices: Mapping[Protocol, Choice | None] = field(default_factory=dict)
    confirmed: frozenset[str] = frozenset()

    def ok(self, choice: Choice | None) -> bool:
        return choice is not None and (not choice.risks or choice.host in self.confirmed)

    def accepted(self) -> dict[Protocol, Choice | None]:
        """The offered servers that may be used now: safe ones, and risky ones whose host was confirmed."""
        return {p: (c if self.ok(c) else None) for p, c in self.choices.items()}

    def probe(self, protocol: Protocol) -> ProbeResult | None:
        choice = self.accepted().get(protocol)
        return choice.probe if choice else None

    def probes(self) -> dict[str, ProbeResult | None]:
        """The accepted server's probe per protocol (None where nothing may be used)."""
        return {p: self.probe(p) for p in PROTOCOL_ORDER}

    @property
    def found_incoming(self) -> bool:
        return any(self.choices.get(p) is not None for p in INCOMING)

    @property
    def found_outgoing(self) -> bool:
        return self.choices.get("smtp") is not None

    def unconfirmed(self) -> set[str]:
        """Hosts whose confirmation is still needed: a risky server blocks only while nothing acceptable
        covers its side (a safe IMAP server makes an unconfirmed POP3 one irrelevant)."""
        ok = self.accepted()
        out: set[str] = set()
        for side in (INCOMING, ("smtp",)):
            if not any(ok.get(p) for p in side):
                out |= {c.host for p in side if (c := self.choices.get(p)) and c.host not in self.confirmed}
        return out

    def pins(self) -> dict[str, tuple[str, ...]]:
        """Per protocol, the certificate fingerprint a sign-in may accept instead of a verified chain.

        Only a server whose certificate problem was confirmed by name gets one, and only the exact
        certificate its probe saw: never a blanket "ignore certificate errors".
        """
        out: dict[str, tuple[str, ...]] = {}
        for proto, choice in self.accepted().items():
            if choice and "certificate_problem" in choice.risks and choice.fingerprint:
                out[proto] = (choice.fingerprint,)
        return out

    def risky_hosts(self) -> dict[str, list[tuple[str, int]]]:
        """Each offered host with risks, with its (risk, port) pairs: one confirmation per host."""
        out: dict[str, list[tuple[str, int]]] = {}
        for choice in self.choices.values():
            if choice is None or not choice.risks:
                continue
            mine = out.setdefault(choice.host, [])
            for risk in choice.risks:
                if (risk, choice.probe.candidate.port) not in mine:
                    mine.append((risk, choice.probe.candidate.port))
        return out

    def confirm(self, host: str, on: bool = True) -> Selection:
        """This selection with ``host``'s risks accepted (or no longer accepted)."""
        confirmed = self.confirmed | {_host(host)} if on else self.confirmed - {_host(host)}
        return Selection(self.choices, frozenset(confirmed))


def usable_with_risk(p: ProbeResult) -> bool:
    """Reachable, or refused only because its certificate failed verification (a client can still be
    told to accept it, which is exactly what the confirmation is for)."""
    return p.status == "ok" or (p.status == "tls_error" and p.tls is not None and bool(p.tls.problems))


def _fingerprint(p: ProbeResult) -> str | None:
    return p.tls.fingerprint_sha256.lower() if p.tls and p.tls.fingerprint_sha256 else None


def select(result: DiscoveryResult, policy: Policy | None = None, confirmed: Iterable[str] = (),
           pins: Iterable[str] = (), *, accept_recommended: bool = False) -> Selection:
    """Per protocol: the discovery's recommendation, else the best-ranked server usable with a risk.

    ``result.candidates`` is in rank order, so the first usable one is the least bad. With a ``policy``
    (``result`` already passed through ``presets.apply_policy``) the fallback never offers what the policy
    rules out. ``pins`` are certificate fingerprints given in advance (``--pin``): a server whose
    certificate is exactly one of them is preferred as the fallback and counts as confirmed.
    ``accept_recommended`` (the CLI, which prints every risk instead of asking) confirms the servers the
    discovery itself recommended.
    """
    from assistant.core.discovery.presets import violations

    wanted = {p.lower() for p in pins}
    choices: dict[Protocol, Choice | None] = {}
    accepted = {_host(h) for h in confirmed}
    for proto in PROTOCOL_ORDER:
        if policy is not None and proto in policy.forbidden_protocols:
            choices[proto] = None
            continue
        # A server that offers no encryption at all (no STARTTLS) is reported, never offered: whoever
        # wants it must type it in by hand and confirm it there.
        mine = [p for p in result.candidates if p.candidate.protocol == proto
                and "starttls_missing" not in p.warnings and (policy is None or not violations(p, policy))]
        best = result.recommended.get(proto)
        if best is not None and accept_recommended:
            accepted.add(_host(best.candidate.host))
        if best is None:
            best = (next((p for p in mine if usable_with_risk(p) and _fingerprint(p) in wanted), None)
                    or next((p for p in mine if p.status == "ok"), None)
                    or next((p for p in mine if usable_with_risk(p)), None))
        if best is not None and wanted and _fingerprint(best) in wanted:
            accepted.add(_host(best.candidate.host))
        choices[proto] = Choice(best, risks_of(best, result)) if best else None
    return Selection(choices, frozenset(accepted))
