"""Small misbehaving servers for what no real server does (silence, drip, injection, garbage ...).

Each scenario is an ``async def handler(conn)`` run per accepted connection inside the test's own event
loop, listening on a standard port of an address from this session's loopback subnet. ``Conn`` records
every line the client sent, so tests can prove nothing (no credentials, no further command) followed a
refused upgrade. The scenarios more than one test uses live here: silence, drip, an endless line, garbage,
the STARTTLS injectors (a forged post-TLS capability line in the same packet as the go-ahead), a scripted
server and a recording IMAP server; :func:`tls_context` serves them over TLS with a test certificate.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.certs import CertFactory


@dataclass
class Conn:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    received: list[bytes] = field(default_factory=list)

    async def line(self) -> bytes:
        data = await self.reader.readline()
        if data:
            self.received.append(data)
        return data

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def hold(self) -> None:
        """Keep the connection open, saying nothing, until the client goes away."""
        with contextlib.suppress(ConnectionError):
            while await self.reader.read(4096):
                pass

    async def start_tls(self, ctx: ssl.SSLContext) -> None:
        await self.writer.start_tls(ctx)


Handler = Callable[[Conn], Awaitable[None]]


@dataclass
class FakeServer:
    ip: str
    port: int
    connections: list[Conn] = field(default_factory=list)
    connected: asyncio.Event = field(default_factory=asyncio.Event)  # set when the first client is accepted

    @property
    def received(self) -> list[bytes]:
        return [line for c in self.connections for line in c.received]


@contextlib.asynccontextmanager
async def fake_server(ip: str, port: int, handler: Handler, *,
                      ssl_ctx: ssl.SSLContext | None = None) -> AsyncIterator[FakeServer]:
    """Serve ``handler`` on ip:port for the duration of the ``async with`` block."""
    info = FakeServer(ip, port)
    tasks: set[asyncio.Task[None]] = set()

    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = Conn(reader, writer)
        info.connections.append(conn)
        info.connected.set()
        task = asyncio.current_task()
        if task is not None:
            tasks.add(task)
        try:
            await handler(conn)
        except (ConnectionError, ssl.SSLError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(on_client, ip, port, ssl=ssl_ctx, reuse_address=True)
    try:
        yield info
    finally:
        server.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()


def tls_context(certs: CertFactory, *names: str) -> ssl.SSLContext:
    """A server context with a certificate from the test CA for ``names`` (host names or IP addresses)."""
    leaf = certs.good(*names)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(leaf.cert_pem, leaf.key_pem)
    return ctx


# --- silence, drip, endless line, garbage ------------------------------------------------------------

async def silent(conn: Conn) -> None:
    """Accept and never say a word."""
    await conn.hold()


async def drip(conn: Conn) -> None:
    """A greeting one byte every half second: each read succeeds, the whole never arrives in time."""
    for byte in b"* OK IMAP server almost ready, one moment please ..." * 10:
        await conn.send(bytes([byte]))
        await asyncio.sleep(0.5)


async def endless_line(conn: Conn) -> None:
    """A line that never ends."""
    while True:
        await conn.send(b"A" * 65536)


async def garbage(conn: Conn) -> None:
    """Binary noise instead of a greeting."""
    await conn.send(b"\x00\xff\xfe\x16\x03\x01garbage\x80\x81\r\n")
    await conn.hold()


# --- STARTTLS injection: "go ahead" and, in the same packet, a forged post-TLS capability line ---------

async def imap_injector(conn: Conn) -> None:
    await conn.send(b"* OK ready\r\n")
    while line := await conn.line():
        tag, verb = line.split()[:2]
        if verb.upper() == b"CAPABILITY":
            await conn.send(b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag + b" OK done\r\n")
        elif verb.upper() == b"STARTTLS":
            await conn.send(tag + b" OK begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
            await conn.hold()
        else:
            await conn.send(tag + b" BAD no\r\n")


async def pop3_injector(conn: Conn) -> None:
    await conn.send(b"+OK ready\r\n")
    while line := await conn.line():
        if line.startswith(b"CAPA"):
            await conn.send(b"+OK\r\nSTLS\r\n.\r\n")
        elif line.startswith(b"STLS"):
            await conn.send(b"+OK begin TLS\r\n+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
            await conn.hold()


async def smtp_injector(conn: Conn) -> None:
    await conn.send(b"220 fake ESMTP\r\n")
    while line := await conn.line():
        if line.upper().startswith(b"EHLO"):
            await conn.send(b"250-fake\r\n250 STARTTLS\r\n")
        elif line.upper().startswith(b"STARTTLS"):
            await conn.send(b"220 go ahead\r\n250-fake\r\n250 AUTH PLAIN LOGIN\r\n")
            await conn.hold()


INJECTORS: dict[str, Handler] = {"imap": imap_injector, "pop3": pop3_injector, "smtp": smtp_injector}


# --- scripted and recording servers --------------------------------------------------------------------

def scripted(greeting: bytes, reply: Callable[[bytes], bytes | None]) -> Handler:
    """Send ``greeting``, then answer each line with ``reply(line)`` (None: say nothing)."""
    async def handler(conn: Conn) -> None:
        await conn.send(greeting)
        while line := await conn.line():
            answer = reply(line)
            if answer:
                await conn.send(answer)
    return handler


def imap_recorder(caps: str) -> Handler:
    """An IMAP server that offers ``caps`` and refuses everything else (NO), so a test can read in
    ``FakeServer.received`` every byte a client sent it."""
    def reply(line: bytes) -> bytes:
        tag, _, verb = line.decode().strip().partition(" ")
        if verb.upper() == "CAPABILITY":
            return f"* CAPABILITY {caps}\r\n{tag} OK done\r\n".encode()
        if verb.upper() == "LOGOUT":
            return f"* BYE\r\n{tag} OK bye\r\n".encode()
        return f"{tag} NO not here\r\n".encode()
    return scripted(f"* OK [CAPABILITY {caps}] fake ready\r\n".encode(), reply)


# --- a big provider's mail servers -------------------------------------------------------------
# Microsoft 365 and Gmail as a mail program meets them: IMAP on 993, POP3 on 995, SMTP on 465 (TLS) and 587
# (STARTTLS), advertising OAuth2 (AUTH=XOAUTH2, OAUTHBEARER) beside a password mechanism the way the real ones
# do, refusing every password except the app passwords a test allows, and recording every password that
# arrives. No real server answers as Microsoft's or Google's does; the point of the tests is what our client
# sends (nothing, for an OAuth2-only provider).

@dataclass
class ProviderBehaviour:
    """What one provider's fake servers say and accept."""

    imap_caps: str  # after the greeting and after TLS (993 is TLS from the start)
    smtp_auth: str  # the EHLO AUTH line's mechanisms
    pop3_sasl: str
    accept: frozenset[str] = frozenset()  # passwords that sign in (an app password); others are refused
    imap_refusal: str = "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"
    smtp_refusal: str = "535 5.7.8 Username and Password not accepted"


MICROSOFT = ProviderBehaviour(
    imap_caps="IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE "
              "LITERAL+ LOGINDISABLED",
    smtp_auth="LOGIN XOAUTH2", pop3_sasl="PLAIN XOAUTH2",
    imap_refusal="NO AUTHENTICATE failed.", smtp_refusal="535 5.7.139 Authentication unsuccessful, basic "
                                                         "authentication is disabled.")
GOOGLE = ProviderBehaviour(
    imap_caps="IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 XYZZY SASL-IR "
              "AUTH=XOAUTH2 AUTH=PLAIN AUTH=PLAIN-CLIENTTOKEN AUTH=OAUTHBEARER",
    smtp_auth="LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH",
    pop3_sasl="PLAIN XOAUTH2 OAUTHBEARER")


@dataclass
class MailFake:
    """One provider's IMAP, POP3 and SMTP servers on ``ip``, run in a thread with its own event loop, so a
    test can drive the CLI or the wizard against them. ``passwords`` is every password that arrived."""

    ip: str
    tls: ssl.SSLContext
    behaviour: ProviderBehaviour
    passwords: list[str] = field(default_factory=list)
    received: list[bytes] = field(default_factory=list)
    connections: int = 0

    def start(self) -> MailFake:
        import threading
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name=f"mail-fake-{self.ip}", daemon=True)
        self._thread.start()
        if not self._ready.wait(10) or self._error is not None:
            raise RuntimeError(f"fake mail servers on {self.ip} did not start: {self._error}")
        return self

    def stop(self) -> None:
        loop = getattr(self, "_loop", None)
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(10)

    def _main(self) -> None:
        self._error: BaseException | None = None
        self._loop = asyncio.new_event_loop()
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start(), never lost
            self._error = exc
            self._ready.set()
        finally:
            self._loop.close()

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        async with contextlib.AsyncExitStack() as stack:
            for port, handler, ctx in ((993, self._imap, self.tls), (995, self._pop3, self.tls),
                                       (465, self._smtp, self.tls), (587, self._smtp_starttls, None)):
                served = fake_server(self.ip, port, self._counted(handler), ssl_ctx=ctx)
                await stack.enter_async_context(served)
            self._ready.set()
            await self._stopping.wait()

    def _counted(self, handler: Handler) -> Handler:
        async def run(conn: Conn) -> None:
            self.connections += 1
            try:
                await handler(conn)
            finally:
                self.received.extend(conn.received)
        return run

    def _login(self, password: str) -> bool:
        self.passwords.append(password)
        return password in self.behaviour.accept

    @staticmethod
    def _plain(blob: str) -> str:
        import base64
        try:
            return base64.b64decode(blob).split(b"\0")[-1].decode("utf-8", "replace")
        except ValueError:
            return ""

    async def _imap(self, conn: Conn) -> None:
        caps = self.behaviour.imap_caps
        await conn.send(f"* OK [CAPABILITY {caps}] fake IMAP ready\r\n".encode())
        while line := await conn.line():
            tag, _, rest = line.decode("utf-8", "replace").strip().partition(" ")
            verb, _, args = rest.partition(" ")
            verb = verb.upper()
            if verb == "CAPABILITY":
                await conn.send(f"* CAPABILITY {caps}\r\n{tag} OK CAPABILITY completed\r\n".encode())
            elif verb == "AUTHENTICATE" and args.upper().startswith("PLAIN"):
                blob = args[5:].strip()
                if not blob:
                    await conn.send(b"+ \r\n")
                    blob = (await conn.line()).decode("ascii", "replace").strip()
                ok = self._login(self._plain(blob))
                answer = "OK AUTHENTICATE completed" if ok else self.behaviour.imap_refusal
                await conn.send(f"{tag} {answer}\r\n".encode())
            elif verb == "LOGIN":
                parts = args.split(" ", 1)
                self._login(parts[1].strip('"') if len(parts) > 1 else "")
                await conn.send(f"{tag} NO LOGIN is disabled\r\n".encode())
            elif verb == "LIST":
                await conn.send(f'* LIST (\\HasNoChildren) "/" "INBOX"\r\n{tag} OK LIST done\r\n'.encode())
            elif verb == "LOGOUT":
                await conn.send(f"* BYE\r\n{tag} OK LOGOUT completed\r\n".encode())
                return
            else:
                await conn.send(f"{tag} BAD unknown command\r\n".encode())

    async def _pop3(self, conn: Conn) -> None:
        await conn.send(b"+OK fake POP3 ready\r\n")
        while line := await conn.line():
            verb, _, args = line.decode("utf-8", "replace").strip().partition(" ")
            verb = verb.upper()
            if verb == "CAPA":
                await conn.send(f"+OK\r\nUSER\r\nUIDL\r\nSASL {self.behaviour.pop3_sasl}\r\n.\r\n".encode())
            elif verb == "USER":
                await conn.send(b"+OK\r\n")
            elif verb == "PASS":
                ok = self._login(args)
                await conn.send(b"+OK signed in\r\n" if ok else b"-ERR Authentication failed.\r\n")
            elif verb == "AUTH" and args.upper().startswith("PLAIN"):
                ok = self._login(self._plain(args[5:].strip()))
                await conn.send(b"+OK signed in\r\n" if ok else b"-ERR Authentication failed.\r\n")
            elif verb == "QUIT":
                await conn.send(b"+OK bye\r\n")
                return
            else:
                await conn.send(b"-ERR unknown command\r\n")

    def _smtp_answer(self, ok: bool) -> bytes:
        return b"235 2.7.0 Accepted\r\n" if ok else f"{self.behaviour.smtp_refusal}\r\n".encode()

    async def _smtp_starttls(self, conn: Conn) -> None:
        await self._smtp(conn, starttls=True)

    async def _smtp(self, conn: Conn, starttls: bool = False) -> None:
        await conn.send(b"220 fake ESMTP ready\r\n")
        secure = not starttls
        while line := await conn.line():
            verb, _, args = line.decode("utf-8", "replace").strip().partition(" ")
            verb = verb.upper()
            if verb in ("EHLO", "HELO"):
                extra = (f"250-AUTH {self.behaviour.smtp_auth}\r\n" if secure else "250-STARTTLS\r\n")
                await conn.send(f"250-fake at your service\r\n250-SIZE 35882577\r\n{extra}250 8BITMIME\r\n"
                                .encode())
            elif verb == "STARTTLS" and not secure:
                await conn.send(b"220 2.0.0 Ready to start TLS\r\n")
                await conn.start_tls(self.tls)
                secure = True
            elif verb == "AUTH" and args.upper().startswith("PLAIN") and secure:
                blob = args[5:].strip()
                if not blob:
                    await conn.send(b"334 \r\n")
                    blob = (await conn.line()).decode("ascii", "replace").strip()
                await conn.send(self._smtp_answer(self._login(self._plain(blob))))
            elif verb == "AUTH" and args.upper().startswith("LOGIN") and secure:
                import base64
                await conn.send(b"334 VXNlcm5hbWU6\r\n")
                await conn.line()
                await conn.send(b"334 UGFzc3dvcmQ6\r\n")
                raw = (await conn.line()).strip()
                try:
                    password = base64.b64decode(raw).decode("utf-8", "replace")
                except ValueError:
                    password = ""
                await conn.send(self._smtp_answer(self._login(password)))
            elif verb == "QUIT":
                await conn.send(b"221 2.0.0 closing connection\r\n")
                return
            else:
                await conn.send(b"502 5.5.1 Unrecognized command\r\n")
