"""Settings typed in by hand, and their test: a part of the setup session kept in its own module.

The page starts from what discovery found (``manual_start``): a server the person declined or one without
encryption is filled in with its cause named, so nobody has to type what was already found.

New settings void a test of other settings and a "continue anyway" given for them; a late test result for
settings that changed meanwhile is refused. ``SetupSession`` inherits this; the state it touches (the flow
state, the manual settings and probes, the run settings) is the session's.
"""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core.model.account import ServerConfig
    from assistant.core.model.results import DiscoveryResult, ProbeResult, Protocol
    from assistant.core.net.settings import Settings
    from assistant.core.setup.causes import Cause
    from assistant.core.setup.flow import FlowState
    from assistant.core.setup.selection import Selection


class ManualSettings:
    """The manual-settings transitions of ``SetupSession`` (see core/setup/session.py)."""

    state: FlowState
    protocol: str | None
    _manual: dict[Protocol, ServerConfig]
    _manual_probes: dict[Protocol, ProbeResult]

    @property
    def settings(self) -> Settings:
        raise NotImplementedError  # the session's run settings

    @property
    def manual(self) -> dict[Protocol, ServerConfig]:
        return dict(self._manual)

    @property
    def manual_probes(self) -> dict[Protocol, ProbeResult]:
        return dict(self._manual_probes)

    def set_manual(self, incoming: ServerConfig, outgoing: ServerConfig) -> None:
        """New settings by hand; a test of different settings no longer says anything about these."""
        new: dict[Protocol, ServerConfig] = {incoming.protocol: incoming, "smtp": outgoing}
        if new != self._manual:
            self._manual, self._manual_probes = new, {}
            self._manual_check("untested")  # and a "continue anyway" was for the old settings
        self.protocol = incoming.protocol

    def manual_pinned(self, probe: ProbeResult) -> bool:
        """A server whose certificate the person already accepted on the discovery page (the state's)."""
        return False

    def _manual_check(self, check: str) -> None:
        self.state.manual_check, self.state.manual_failure_accepted = check, False

    @property
    def manual_failure_accepted(self) -> bool:  # "these settings did not work — continue anyway", for these
        return self.state.manual_failure_accepted

    @manual_failure_accepted.setter
    def manual_failure_accepted(self, on: bool) -> None:
        self.state.manual_failure_accepted = bool(on) and self.state.manual_check == "failed"

    def manual_test_status(self, check: str) -> None:
        """"testing" as a test starts; "failed" when it stopped or broke (untested counts as failed)."""
        self._manual_probes = {}
        self._manual_check(check)

    def manual_test_job(self) -> Coroutine[Any, Any, list[ProbeResult]]:
        from assistant.core.setup.usecases import test_servers
        servers = list(self._manual.values())

        async def run() -> list[ProbeResult]:
            return await test_servers(servers, self.settings)
        return run()

    def manual_tested(self, probes: list[ProbeResult]) -> bool:
        """Keep a test's results if they are for the settings as they are now; False when stale."""
        now = {(s.protocol, s.host, s.port, s.security) for s in self._manual.values()}
        bare = {p.candidate.protocol: "starttls_missing" in p.warnings for p in probes}  # "plain": failed
        if now != {(p.candidate.protocol, p.candidate.host, p.candidate.port,
                    "starttls" if bare[p.candidate.protocol] else p.candidate.security) for p in probes}:
            return False
        self._manual_probes = {p.candidate.protocol: p for p in probes}
        worked = all((p.status == "ok" or self.manual_pinned(p)) and not bare[p.candidate.protocol]
                     for p in probes)
        self._manual_check("ok" if worked else "failed")
        return True



@dataclass(frozen=True)
class ManualStart:
    """What the manual page starts from: per side the server found (None: a guess is all there is), and why
    a server found is not simply used (the causes the page names, so the person knows what to ask)."""

    incoming: ServerConfig | None
    outgoing: ServerConfig | None
    causes: tuple[Cause, ...] = ()


def manual_start(result: DiscoveryResult | None, selection: Selection) -> ManualStart:
    """Per side: the server discovery accepted, else the one it offered with a risk the person declined, else
    one that answered without any encryption (found, never offered: typed or confirmed here, or nowhere)."""
    from assistant.core.model.account import ServerConfig
    from assistant.core.setup.causes import certificate_cause, probe_cause
    accepted = selection.accepted()
    found: list[ServerConfig | None] = []
    causes: list[Cause] = []
    for protocols in (("imap", "pop3"), ("smtp",)):
        ok = next((c for p in protocols if (c := accepted.get(p)) is not None), None)  # type: ignore[call-overload]
        offered = next((c for p in protocols if (c := selection.choices.get(p)) is not None), None)  # type: ignore[call-overload]
        plain = next((r for p in protocols for r in (result.candidates if result else ())
                      if r.candidate.protocol == p and r.status == "ok" and "starttls_missing" in r.warnings),
                     None)
        if ok is not None:
            found.append(ServerConfig.from_candidate(ok.probe.candidate))
        elif offered is not None:
            found.append(ServerConfig.from_candidate(offered.probe.candidate))
            if (cause := certificate_cause(offered.probe)) is not None:
                causes.append(cause)
        elif plain is not None:
            found.append(ServerConfig.from_candidate(plain.candidate))
            if (cause := probe_cause(plain)) is not None and cause not in causes:
                causes.append(cause)
        else:
            found.append(None)
    return ManualStart(found[0], found[1], tuple(dict.fromkeys(causes)))
