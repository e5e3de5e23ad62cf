"""A one-time link that hands a .mobileconfig to an iPhone or iPad on the local network.

Anyone on the same network who learns the URL could fetch the profile, so the server is as small as the
job: a random 128-bit token in the path, only ``GET`` of exactly that path answers, one complete download
and it stops, a short life (10 minutes by default), one bound address, and every client held to a small
request and a deadline so a silent or dripping one cannot keep the link (or the program) alive. The token
is never logged.

The object is driven from one asyncio loop: the CLI runs it with ``asyncio.run``, the wizard in its worker
thread (``on_state`` is then called in that thread; the GUI turns it into a queued signal).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from assistant.core.phone.delivery import Delivery, TcpCounter, judge
from assistant.core.phone.lan import check_bind_address, default_lan_address, url_host
from assistant.core.words.errors import InputError

log = logging.getLogger(__name__)

DEFAULT_EXPIRES = 600.0
MEDIA_TYPE = "application/x-apple-aspen-config"
TOKEN_BYTES = 16  # 128 bits


class ShareState(Enum):
    """Where a share stands; ``wait`` returns one of the last three."""

    NEW = "new"
    WAITING = "waiting"
    DOWNLOADED = "downloaded"  # one complete download: the link is dead
    INTERRUPTED = "interrupted"  # the whole profile left but its receipt was never confirmed: dead too
    EXPIRED = "expired"  # nobody downloaded it in time
    CLOSED = "closed"  # stopped by its owner (the wizard page was left)


@dataclass(frozen=True)
class ShareLimits:
    """Bounds on each client. Every value is clamped to something sane."""

    header_bytes: int = 8192  # the whole request head; a GET from Safari is well under 1 KiB
    request_seconds: float = 10.0  # to send that head: a silent or dripping client is cut off here
    send_seconds: float = 60.0  # to receive the profile (and acknowledge it, where the OS can tell)
    max_clients: int = 16  # connections at once; beyond that the oldest silent one gives way
    per_peer: int = 8  # silent connections one address may hold; its oldest gives way to its next one

    def __post_init__(self) -> None:
        object.__setattr__(self, "header_bytes", min(max(int(self.header_bytes), 1024), 65536))
        object.__setattr__(self, "request_seconds", min(max(float(self.request_seconds), 0.05), 120.0))
        object.__setattr__(self, "send_seconds", min(max(float(self.send_seconds), 0.05), 600.0))
        object.__setattr__(self, "max_clients", min(max(int(self.max_clients), 2), 256))
        object.__setattr__(self, "per_peer", min(max(int(self.per_peer), 1), self.max_clients - 1))


@dataclass(eq=False)
class _Client:
    """One connection: who it is and whether it has sent its request (a silent one can be dropped)."""

    writer: asyncio.StreamWriter
    peer: str
    asked: bool = False
    dropped: bool = False

    def drop(self) -> None:
        """Close it unanswered: its handler's pending read ends, so the handler returns by itself."""
        self.dropped = True
        self.writer.transport.abort()


_NOT_FOUND = (b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nCache-Control: no-store\r\n"
              b"Connection: close\r\n\r\n")


def safe_file_name(name: str) -> str:
    """A download name Safari shows: ASCII letters, digits, ``._-``, ending in .mobileconfig."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("._")
    base = base[:-len(".mobileconfig")] if base.lower().endswith(".mobileconfig") else base
    return f"{base[:80] or 'mail'}.mobileconfig"


class ProfileShare:
    """Serve ``profile`` to exactly one complete download, then stop.

    Use: ``url = await share.start()``; show ``url`` (as a QR code); ``state = await share.wait()``;
    ``await share.close()`` stops it early (idempotent). ``on_state`` hears every change of state.
    """

    def __init__(self, profile: bytes, file_name: str, *, bind: str | None = None, port: int = 0,
                 expires: float = DEFAULT_EXPIRES, limits: ShareLimits | None = None,
                 on_state: Callable[[ShareState], None] | None = None) -> None:
        if not profile:
            raise InputError("share: the profile is empty")
        if not 0 <= port <= 65535:
            raise InputError(f"{{field}}: {port} is not 0-65535", field="port")
        if not 1 <= expires <= 86400:
            raise InputError(f"{{field}}: {expires:g} is not 1-86400 seconds", field="expires")
        self._bind = check_bind_address(bind) if bind is not None else None
        self._port = port
        self._expires = float(expires)
        self._limits = limits or ShareLimits()
        self._on_state = on_state
        self._path = b"/" + secrets.token_urlsafe(TOKEN_BYTES).encode("ascii")
        self._response = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {MEDIA_TYPE}\r\n"
            f'Content-Disposition: attachment; filename="{safe_file_name(file_name)}"\r\n'
            f"Content-Length: {len(profile)}\r\nCache-Control: no-store\r\n"
            f"X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n").encode("ascii") + profile
        self._state = ShareState.NEW
        self._server: asyncio.Server | None = None
        self._clients: dict[asyncio.Task[None], _Client] = {}  # in order of arrival
        self._serving = False
        self._expired_pending = False
        self._timer: asyncio.TimerHandle | None = None
        self._done: asyncio.Event | None = None
        self.address = ""
        self.url = ""

    @property
    def state(self) -> ShareState:
        return self._state

    async def start(self) -> str:
        """Listen on the one address and return the URL. NoLanAddressError / InputError when it cannot."""
        if self._state is not ShareState.NEW:
            raise RuntimeError("a ProfileShare starts once")
        self.address = self._bind or default_lan_address()
        self._done = asyncio.Event()
        try:
            self._server = await asyncio.start_server(
                self._accept, host=self.address, port=self._port, limit=self._limits.header_bytes,
                reuse_address=True, backlog=self._limits.max_clients)
        except OSError as exc:
            raise InputError(f"{{field}}: cannot listen on {url_host(self.address)}:{self._port} "
                             f"({exc.strerror or exc})", field="bind") from None
        port = self._server.sockets[0].getsockname()[1]
        if not await _reachable(self.address, port):  # a subnet's broadcast address binds, but answers nobody
            self._server.close()
            await self._server.wait_closed()
            raise InputError(f"{{field}}: {url_host(self.address)} cannot be connected to (a broadcast "
                             f"address?); give an address of this computer", field="bind")
        self.url = f"http://{url_host(self.address)}:{port}{self._path.decode('ascii')}"
        self._timer = asyncio.get_running_loop().call_later(self._expires, self._on_expiry)
        log.info("sharing a profile on %s port %d for %g s", self.address, port, self._expires)
        self._set_state(ShareState.WAITING)
        return self.url

    async def wait(self) -> ShareState:
        """Until the profile was downloaded, the link expired or ``close`` was called."""
        if self._done is None:
            raise RuntimeError("wait() before start()")
        await self._done.wait()
        if self._server is not None:
            await self._server.wait_closed()
        pending = [t for t in self._clients if t is not asyncio.current_task()]
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        return self._state

    async def close(self) -> None:
        """Stop now (the wizard page was left); a finished share stays as it ended."""
        if self._state is ShareState.NEW:
            self._state = ShareState.CLOSED
            return
        self._finish(ShareState.CLOSED)
        await self.wait()

    # --- inside the loop ---------------------------------------------------------------------------------

    def _set_state(self, state: ShareState) -> None:
        self._state = state
        if self._on_state is not None:
            self._on_state(state)

    def _finish(self, state: ShareState) -> None:
        if self._state is not ShareState.WAITING:
            return
        if self._timer is not None:
            self._timer.cancel()
        if self._server is not None:
            self._server.close()
        current = asyncio.current_task()
        for task, client in self._clients.items():
            if task is not current:
                client.drop()  # not task.cancel(): a cancelled handler task ends in a logged traceback
        log.info("profile share ended: %s", state.value)
        self._set_state(state)
        assert self._done is not None
        self._done.set()

    def _on_expiry(self) -> None:
        if self._serving:  # let the transfer under way finish; it is bounded by send_seconds
            self._expired_pending = True
        else:
            self._finish(ShareState.EXPIRED)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        peer = writer.get_extra_info("peername")
        client = _Client(writer, str(peer[0]) if peer else "?")
        self._clients[task] = client
        try:
            if self._state is ShareState.WAITING and self._make_room(client):
                await self._serve(reader, writer, client)
        except (ConnectionError, OSError):
            pass
        except asyncio.CancelledError:
            # The stream server asks each finished handler for its exception, which for a cancelled task
            # raises and prints a traceback (Python 3.11): a handler ends normally however it was stopped.
            pass
        finally:
            del self._clients[task]
            writer.transport.abort()

    def _make_room(self, client: _Client) -> bool:
        """Room for ``client``: connections that have sent nothing give way, the oldest first, so silent
        clients can neither fill the slots nor delay the download. One address keeps at most ``per_peer``
        silent ones. False (close it unanswered) only when every other slot is answering a request."""
        silent = [c for c in self._clients.values() if not c.asked and not c.dropped and c is not client]
        mine = [c for c in silent if c.peer == client.peer]
        while len(mine) >= self._limits.per_peer:
            oldest = mine.pop(0)
            oldest.drop()
            silent.remove(oldest)
        live = sum(1 for c in self._clients.values() if not c.dropped)
        while live > self._limits.max_clients:
            if not silent:
                return False
            silent.pop(0).drop()
            live -= 1
        return True

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     client: _Client) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self._limits.request_seconds)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            return  # silent, dripping, oversized or gone: dropped without an answer
        client.asked = True
        if self._serving or not self._is_download(head):
            writer.write(_NOT_FOUND)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(writer.drain(), self._limits.request_seconds)
            return
        self._serving = True
        try:
            delivery = await self._send(reader, writer)
        finally:
            self._serving = False
        if delivery is Delivery.DELIVERED:
            log.info("profile downloaded by %s", client.peer)
            self._finish(ShareState.DOWNLOADED)
        elif delivery is Delivery.SPENT:  # it may have arrived: never a second copy
            log.info("profile sent to %s, receipt not confirmed; the link is spent", client.peer)
            self._finish(ShareState.INTERRUPTED)
        elif self._expired_pending:
            self._finish(ShareState.EXPIRED)

    def _is_download(self, head: bytes) -> bool:
        """Exactly ``GET /<token> HTTP/1.x``; anything else is answered 404 alike."""
        parts = head.split(b"\r\n", 1)[0].split(b" ")
        if len(parts) != 3 or parts[0] != b"GET" or not parts[2].startswith(b"HTTP/1."):
            return False
        return hmac.compare_digest(parts[1], self._path)

    async def _send(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Delivery:
        """Deliver the response and say how far it got (``delivery.judge``): the kernel's counters decide,
        not how the client behaves afterwards."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._limits.send_seconds
        size = len(self._response)
        counter = TcpCounter.watch(writer.get_extra_info("socket"))
        handed = False
        try:
            try:
                writer.write(self._response)
                await asyncio.wait_for(writer.drain(), self._limits.send_seconds)
                handed = True
                if writer.can_write_eof():
                    writer.write_eof()
                while counter is not None and loop.time() < deadline:
                    counts = counter.counts()
                    if counts is None or counts.acked >= size or counts.closed:
                        break
                    await asyncio.sleep(0.02)
            except (TimeoutError, ConnectionError, OSError):
                pass
            delivery = judge(counter.counts() if counter is not None else None, size, handed)
        finally:
            if counter is not None:
                counter.close()
        if delivery is Delivery.DELIVERED:
            # The client closes once it has the body (Content-Length, Connection: close); a short grace for
            # that keeps the close clean. Whatever it does now (even a reset) changes nothing.
            with contextlib.suppress(TimeoutError, ConnectionError, OSError):
                await asyncio.wait_for(_until_eof(reader), min(1.0, max(deadline - loop.time(), 0.01)))
        return delivery


async def _reachable(address: str, port: int) -> bool:
    """Whether a connection to the bound address gets through at all (it is closed at once, unanswered)."""
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(address, port), 2.0)
    except (TimeoutError, OSError):
        return False
    writer.transport.abort()
    return True


async def _until_eof(reader: asyncio.StreamReader) -> None:
    """Read and drop whatever the client still sends until it closes (bounded by the caller's timeout)."""
    while await reader.read(4096):
        pass


def check_profile(data: bytes, origin: str) -> bool:
    """Refuse what is not a mail .mobileconfig (signed or not); True when it embeds a password."""
    from assistant.core.profiles import detect_format, import_profile
    from assistant.core.profiles.mobileconfig import _load_plist
    from assistant.core.profiles.signing import looks_signed, unwrap_signed
    fmt = detect_format(data, origin)
    if fmt != "mobileconfig":
        raise InputError(f"{origin}: is an {fmt} file; share serves Apple .mobileconfig profiles only")
    import_profile(data, origin)  # the whole profile is checked before anyone is offered it
    plist = _load_plist(unwrap_signed(data, origin) if looks_signed(data) else data, origin)
    found = _has_password(plist)
    if found is None:
        raise InputError(f"{origin}: nested deeper than {MAX_PLIST_DEPTH} levels; a mail profile never is, "
                         f"so it cannot be checked for a password")
    return found


MAX_PLIST_DEPTH = 32  # a mail profile is 4 levels deep; anything deeper is not one of ours to vouch for


def _has_password(node: object, under_password: bool = False, depth: int = 0) -> bool | None:
    """Whether any value under a key naming a password (IncomingPassword, OutgoingPassword, a PKCS#12
    Password ...) holds something: a string, ``<data>``, a number, or a container of such. A flag such as
    OutgoingPasswordSameAsIncomingPassword (a boolean) is not a password. None: too deep to tell."""
    if depth > MAX_PLIST_DEPTH:
        return None
    if isinstance(node, dict):
        items = [(v, under_password or "password" in str(k).lower()) for k, v in node.items()]
    elif isinstance(node, list):
        items = [(v, under_password) for v in node]
    else:
        return under_password and not isinstance(node, bool) and node not in ("", b"")
    found: bool | None = False
    for value, marked in items:
        got = _has_password(value, marked, depth + 1)
        if got:
            return True
        if got is None:
            found = None
    return found


async def share_profile(profile: bytes, file_name: str, *, bind: str | None = None, port: int = 0,
                        expires: float = DEFAULT_EXPIRES, limits: ShareLimits | None = None,
                        on_url: Callable[[str], None] | None = None) -> ShareState:
    """Start, report the URL, wait for the end; what ``share`` runs under ``asyncio.run``."""
    share = ProfileShare(profile, file_name, bind=bind, port=port, expires=expires, limits=limits)
    url = await share.start()
    try:
        if on_url is not None:
            on_url(url)
        return await share.wait()
    finally:
        await share.close()
