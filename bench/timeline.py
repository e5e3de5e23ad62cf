"""Where a discovery's time goes: every endpoint's steps timed in one run, bench-only instrumentation.

``traced_discover`` wraps, for the length of one ``discover()``, the steps every probe takes — address
lookup, TCP connect, TLS handshake (implicit or after STARTTLS), greeting, capabilities — and the event loop's
CPU time, then reports the steps of the endpoint the run waited for last (the critical path) together
with when each source finished. Nothing here changes what the engine does; the wrappers only take times.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from assistant.core.discovery.run import discover
from assistant.core.model.address import EmailAddress
from assistant.core.model.progress import ProgressEvent
from assistant.core.model.results import DiscoveryResult
from assistant.core.net import connect as connect_module
from assistant.core.net.settings import Settings
from assistant.core.protocols.base import Chat
from assistant.core.protocols.imap import ImapChat
from assistant.core.protocols.lineconn import LineConnection
from assistant.core.protocols.pop3 import Pop3Chat
from assistant.core.protocols.smtp import SmtpChat

Event = tuple[float, str, str]  # (seconds since the start, "host:port", step)
_ENDPOINT: contextvars.ContextVar[str | None] = contextvars.ContextVar("endpoint", default=None)


@contextmanager
def _patched(obj: Any, name: str, wrapper: Callable[[Any], Any]) -> Iterator[None]:
    """``obj.name`` replaced by ``wrapper(obj.name)`` (a plain function) for the duration."""
    own = obj.__dict__.get(name)
    setattr(obj, name, wrapper(getattr(obj, name)))
    try:
        yield
    finally:
        if own is None:
            delattr(obj, name)
        else:
            setattr(obj, name, own)


def _where(conn: LineConnection) -> str:
    peer = conn.transport.get_extra_info("peername")
    return f"{conn.host}:{peer[1] if peer else '?'}"


class Recorder:
    """Collects (time, endpoint, step) while installed."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.events: list[Event] = []

    def note(self, where: str, step: str) -> None:
        self.events.append((time.perf_counter() - self.t0, where, step))

    def connect(self, original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapped(host: str, port: int, *args: Any) -> Any:
            where = f"{host}:{port}"
            self.note(where, "start")
            token = _ENDPOINT.set(where)
            try:
                out = await original(host, port, *args)
            finally:
                _ENDPOINT.reset(token)
            self.note(where, "tcp")
            return out
        return wrapped

    def attempt(self, original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapped(ip: str, port: int) -> Any:
            where = _ENDPOINT.get()
            if where is not None and not any(w == where and s == "address" for _t, w, s in self.events):
                self.note(where, "address")  # the first connection attempt starts once the address is known
            return await original(ip, port)
        return wrapped

    def open(self, original: Callable[..., Awaitable[LineConnection]]) -> Callable[..., Awaitable[Any]]:
        async def wrapped(sock: Any, host: str, **kw: Any) -> LineConnection:  # the classmethod, bound
            conn = await original(sock, host, **kw)
            if kw.get("ctx") is not None:
                self.note(_where(conn), "tls")
            return conn
        return wrapped

    def starttls(self, original: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
        async def wrapped(conn: LineConnection, *args: Any, **kw: Any) -> None:
            await original(conn, *args, **kw)
            self.note(_where(conn), "tls")
        return wrapped

    def chat(self, step: str, original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapped(chat: Chat, *args: Any, **kw: Any) -> Any:
            out = await original(chat, *args, **kw)
            self.note(_where(chat.conn), step)
            return out
        return wrapped


def traced_discover(address: str, settings: Settings) -> tuple[DiscoveryResult, list[Event], float, float]:
    """One run with every step timed: the result, the events, its wall seconds and loop CPU seconds."""
    rec = Recorder()

    def progress(e: ProgressEvent) -> None:
        if e.kind == "source" and e.state != "started":
            rec.note(e.label, "source done")
        elif e.kind == "endpoint" and e.state != "started":
            rec.note(e.key or e.label, f"endpoint {e.state}")

    with contextlib.ExitStack() as stack:
        stack.enter_context(_patched(connect_module, "connect", rec.connect))
        stack.enter_context(_patched(connect_module, "_attempt", rec.attempt))
        stack.enter_context(_patched(LineConnection, "open", rec.open))
        stack.enter_context(_patched(LineConnection, "starttls", rec.starttls))
        for cls in (ImapChat, Pop3Chat, SmtpChat):
            for name, step in (("greeting", "greeting"), ("capabilities", "capabilities"),
                               ("starttls", "starttls command")):
                stack.enter_context(_patched(cls, name, functools.partial(rec.chat, step)))
        rec.t0 = time.perf_counter()
        cpu = time.thread_time()
        result = asyncio.run(discover(EmailAddress.parse(address), settings, progress))
        cpu = time.thread_time() - cpu
        wall = time.perf_counter() - rec.t0
    return result, rec.events, wall, cpu


def critical_endpoint(result: DiscoveryResult, events: list[Event]) -> str | None:
    """The recommended endpoint whose probe finished last: the one the run waited for."""
    done = {}
    for t, where, step in events:
        if step == "capabilities" or (step == "greeting" and where not in done):
            done[where] = t
    chosen = [f"{r.candidate.host}:{r.candidate.port}" for r in result.recommended.values() if r is not None]
    last = [w for w in chosen if w in done]
    return max(last, key=lambda w: done[w]) if last else None


def steps(events: list[Event], where: str) -> list[tuple[str, float, float]]:
    """(step, at, took) for one endpoint, in order; ``took`` is the time since its previous step."""
    out: list[tuple[str, float, float]] = []
    previous = 0.0
    for t, w, step in events:
        if w == where:
            out.append((step, t, t - previous))
            previous = t
    return out
