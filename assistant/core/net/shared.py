"""What the runs of one batch (``audit``) share: a connection limit per server address, and the work many
domains would otherwise repeat — one probe per server endpoint, one fetch per URL.

A hosting provider's customers usually share one mail server and one web server. Checked one by one, a
thousand customers mean thousands of connections to the same machine, most of them at once: rude, apt to trip
its limits, and what we would then measure is our own flood. So:

* ``ConnectionGate``: at most N connections at once per address (the host's first address, what a
  connection tries first), taken before a probe or fetch starts its own clock: waiting for a slot is our
  queue, never counted against the server's time limit; only the run's whole deadline bounds it.
* ``Memo``: one computation per key at a time (later askers wait for the same one), its result kept for a
  few minutes, at most ``size`` keys. A probe of ``imap mail.hoster.example:993`` says the same whatever
  customer named it (it sends nothing domain-specific); a URL without a per-address query gives the same
  file. Shared work runs with the batch's own resolver, never one run's (a run that ends cancels its own
  lookups), and a run that stops waiting never cancels it for the others.

Idle addresses and expired results are forgotten, so memory stays flat over any number of domains.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from assistant.core.net.dns import DnsError

if TYPE_CHECKING:
    from assistant.core.net.dns import Resolver

T = TypeVar("T")
DEFAULT_PER_ADDRESS = 4


class ConnectionGate:
    """Per-address slots shared by every run of a batch (one event loop)."""

    def __init__(self, per_address: int = DEFAULT_PER_ADDRESS) -> None:
        if per_address < 1:
            raise ValueError("per_address must be at least 1")
        self.per_address = per_address
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._users: dict[str, int] = {}
        self._held: dict[str, int] = {}
        self.most_at_once = 0  # the most connections held to one address at once (tests, bench)

    @contextlib.asynccontextmanager
    async def hold(self, address: str) -> AsyncIterator[None]:
        """One slot for ``address`` while the block runs (waits for one to be free)."""
        sem = self._slots.get(address)
        if sem is None:
            sem = self._slots[address] = asyncio.Semaphore(self.per_address)
        self._users[address] = self._users.get(address, 0) + 1
        try:
            async with sem:
                self._held[address] = self._held.get(address, 0) + 1
                self.most_at_once = max(self.most_at_once, self._held[address])
                try:
                    yield
                finally:
                    self._held[address] -= 1
        finally:
            self._users[address] -= 1
            if not self._users[address]:  # nobody holds or waits: forget the address
                del self._users[address], self._slots[address], self._held[address]


class Memo(Generic[T]):
    """Results by key: one computation at a time per key, kept ``ttl`` seconds, at most ``size`` keys.

    ``keep_error(exc)`` says which failures are worth remembering (a missing file is; a cancellation never).
    """

    def __init__(self, size: int = 4096, ttl: float = 300.0,
                 keep_error: Callable[[BaseException], bool] = lambda _e: False) -> None:
        self.size, self.ttl, self.keep_error = size, ttl, keep_error
        self._done: OrderedDict[Hashable, tuple[float, Any, BaseException | None]] = OrderedDict()
        self._running: dict[Hashable, asyncio.Task[T]] = {}
        self.hits = self.misses = 0

    async def get(self, key: Hashable, compute: Callable[[], Awaitable[T]]) -> T:
        loop = asyncio.get_running_loop()
        hit = self._done.get(key)
        if hit is not None and hit[0] > loop.time():
            self._done.move_to_end(key)
            self.hits += 1
            if hit[2] is not None:
                raise _fresh(hit[2])  # raising the kept one would hang this caller's frames on it
            value: T = hit[1]
            return value
        task = self._running.get(key)
        if task is None:
            self.misses += 1

            async def run() -> T:
                return await compute()

            task = self._running[key] = asyncio.ensure_future(run())
            task.add_done_callback(lambda t: self._store(key, t))
        else:
            self.hits += 1
        return await asyncio.shield(task)  # a waiter that gives up does not cancel it for the others

    def _store(self, key: Hashable, task: asyncio.Task[T]) -> None:
        self._running.pop(key, None)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            if not self.keep_error(exc):
                return
            exc = _fresh(exc)  # the raised one carries its frames (and all they hold)
        expires = asyncio.get_running_loop().time() + self.ttl
        self._done[key] = (expires, None if exc is not None else task.result(), exc)
        self._done.move_to_end(key)
        while len(self._done) > self.size:
            self._done.popitem(last=False)


def _fresh(exc: BaseException) -> BaseException:
    """The same exception (class, args, attributes) without a traceback, made without calling __init__."""
    new = BaseException.__new__(type(exc))
    new.args = exc.args
    new.__dict__.update(exc.__dict__)
    return new


@dataclass
class Batch:
    """Everything one batch's runs share; ``resolver`` is the batch's own (with its answer cache)."""

    resolver: Resolver
    gate: ConnectionGate = field(default_factory=ConnectionGate)
    probes: Memo[Any] = field(default_factory=Memo)
    fetches: Memo[Any] = field(default_factory=lambda: Memo(size=512))



class RunSettings(Protocol):
    """What a connection slot needs of a run's settings (``net/settings.Settings`` is one)."""

    @property
    def batch(self) -> Batch | None: ...

    @property
    def resolver(self) -> Resolver: ...

    @property
    def connect_timeout(self) -> float: ...


@contextlib.asynccontextmanager
async def slot(settings: RunSettings, host: str) -> AsyncIterator[None]:
    """A slot at ``host``'s first address when the settings belong to a batch; no wait otherwise.

    A host that does not resolve gets no slot: the connection that follows fails the same way and says so.
    """
    batch = settings.batch
    if batch is None:
        yield
        return
    try:
        addresses = await settings.resolver.addresses(host.rstrip("."), lifetime=settings.connect_timeout)
    except DnsError:
        addresses = []
    if not addresses:
        yield
        return
    async with batch.gate.hold(addresses[0]):
        yield
