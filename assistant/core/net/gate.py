"""At most N connections at once to one server address, however many domains a batch checks.

A hosting provider's customers usually share one mail server: an audit of a thousand of their domains would
otherwise open thousands of connections to one machine at once, which is rude, trips its connection limits
and makes its answers slow (so the audit measures our own flood). The gate is keyed by the host's first
address (what a connection tries first), taken before a probe or fetch starts its own clock: waiting for a
free slot is our queue, never counted against the server's time limit. Only the run's whole deadline bounds
the wait. Idle addresses are forgotten, so memory stays flat over any number of servers.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from assistant.core.net.dns import DnsError

if TYPE_CHECKING:
    from assistant.core.net.settings import Settings

DEFAULT_PER_ADDRESS = 4


class ConnectionGate:
    """Per-address slots shared by every run of a batch (one event loop)."""

    def __init__(self, per_address: int = DEFAULT_PER_ADDRESS) -> None:
        if per_address < 1:
            raise ValueError("per_address must be at least 1")
        self.per_address = per_address
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._users: dict[str, int] = {}
        self.most_at_once = 0  # the highest number of connections held to one address (for tests, bench)

    def in_use(self, address: str) -> int:
        sem = self._slots.get(address)
        return 0 if sem is None else self.per_address - sem._value

    @contextlib.asynccontextmanager
    async def hold(self, address: str) -> AsyncIterator[None]:
        """One slot for ``address`` while the block runs (waits for one to be free)."""
        sem = self._slots.get(address)
        if sem is None:
            sem = self._slots[address] = asyncio.Semaphore(self.per_address)
        self._users[address] = self._users.get(address, 0) + 1
        try:
            async with sem:
                self.most_at_once = max(self.most_at_once, self.in_use(address))
                yield
        finally:
            self._users[address] -= 1
            if not self._users[address]:  # nobody holds or waits: forget the address
                del self._users[address]
                del self._slots[address]


@contextlib.asynccontextmanager
async def slot(settings: Settings, host: str) -> AsyncIterator[None]:
    """A slot at ``host``'s first address when the settings carry a gate; nothing to wait for otherwise.

    A host that does not resolve gets no slot: the connection that follows fails the same way and says so.
    """
    gate = settings.gate
    if gate is None:
        yield
        return
    try:
        addresses = await settings.resolver.addresses(host.rstrip("."), lifetime=settings.connect_timeout)
    except DnsError:
        addresses = []
    if not addresses:
        yield
        return
    async with gate.hold(addresses[0]):
        yield
