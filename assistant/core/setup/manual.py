"""Settings typed in by hand, and their test: a part of the setup session kept in its own module.

New settings void a test of other settings and a "continue anyway" given for them; a late test result for
settings that changed meanwhile is refused. ``SetupSession`` inherits this; the state it touches (the flow
state, the manual settings and probes, the run settings) is the session's.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core.model.account import ServerConfig
    from assistant.core.model.results import ProbeResult, Protocol
    from assistant.core.net.settings import Settings
    from assistant.core.setup.flow import FlowState


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
        worked = all(p.status == "ok" and not bare[p.candidate.protocol] for p in probes)
        self._manual_check("ok" if worked else "failed")
        return True

