"""A small, bounded HTTP(S) GET for autoconfig and ISPDB files.

Not urllib: it resolves with the OS (``--dns-server`` must hold for web hosts too), follows redirects from
HTTPS to HTTP, and reads bodies without a cap. Here the connection comes from ``net.connect`` (our
resolver, Happy Eyeballs), TLS from ``tls.client_context`` (always verified), HTTP/1.1 framing from h11,
and every fetch has a deadline, a header cap, a body cap and a redirect limit.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import h11

from assistant import __version__
from assistant.core.net import shared
from assistant.core.net.connect import ConnectError, connect
from assistant.core.net.settings import Settings
from assistant.core.net.tls import client_context

MAX_REDIRECTS = 3
MAX_HEADER_BYTES = 16 * 1024
_READ_CHUNK = 16 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """The fetch failed; ``str()`` is one line. ``kind``: bad_url, dns_error, refused, timeout, unreachable,
    tls (certificate or handshake problem), http (malformed answer), too_large, redirect."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class HttpResult:
    """The final answer. ``secure`` is True only when every hop was HTTPS with a verified certificate."""

    status: int
    content_type: str  # media type only, lowercase ("text/xml"), "" when absent
    body: bytes
    final_url: str
    secure: bool


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _split(url: str) -> tuple[str, str, int, str]:
    if not url.isascii() or any(ch.isspace() or not ch.isprintable() for ch in url):
        raise FetchError("bad_url", f"{url!r}: URLs must be plain ASCII without spaces")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("bad_url", f"{url}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise FetchError("bad_url", f"{url}: no host name")
    if parts.username or parts.password:  # never echo them: they may be credentials
        raise FetchError("bad_url", f"{parts.scheme}://{parts.hostname}{parts.path}: user names and "
                                    "passwords in URLs are refused")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("bad_url", f"{url}: invalid port") from None
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port, target


async def fetch(url: str, settings: Settings, *, accept: str = "application/xml, text/xml") -> HttpResult:
    """GET ``url``, following at most 3 redirects (never HTTPS → HTTP), within ``settings.http_timeout``.

    In a batch (``settings.batch``) it first waits for a connection slot at the host's address (its clock
    starts after), and a URL without a query is fetched once for all runs (the answer or a lasting
    failure kept a few minutes)."""
    batch = settings.batch
    if batch is None:
        return await _fetch(url, settings, accept)
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None  # _fetch names the bad URL
    if not host:
        return await _fetch(url, settings, accept)
    mine = host

    async def gated(run_settings: Settings) -> HttpResult:
        async with shared.slot(run_settings, mine):
            return await _fetch(url, run_settings, accept)

    if "?" in url:  # asks about one address: nothing another run could use
        return await gated(settings)
    common = batch.settings_for_shared(settings)
    result: HttpResult = await batch.fetches.get(("GET", url, accept), lambda: gated(common))
    return result


def lasting(exc: BaseException) -> bool:
    """A fetch failure worth remembering for the batch: not a timeout (that may pass)."""
    return isinstance(exc, FetchError) and exc.kind != "timeout"


async def _fetch(url: str, settings: Settings, accept: str) -> HttpResult:
    secure = True
    current = url
    try:
        async with asyncio.timeout(settings.http_timeout):
            for _hop in range(MAX_REDIRECTS + 1):
                scheme, host, port, target = _split(current)
                secure = secure and scheme == "https"
                answer = await _get_once(scheme, host, port, target, accept, settings)
                location = answer.headers.get("location")
                if answer.status not in _REDIRECTS or not location:
                    media = answer.headers.get("content-type", "").split(";")[0].strip().lower()
                    return HttpResult(answer.status, media, answer.body, current, secure)
                following = urljoin(current, location.strip())
                if scheme == "https" and urlsplit(following).scheme != "https":
                    raise FetchError("redirect", f"{current}: refused redirect from HTTPS to {following}")
                current = following
    except TimeoutError:
        raise FetchError("timeout", f"{current}: no complete answer within "
                                    f"{settings.http_timeout:g} s") from None
    raise FetchError("redirect", f"{url}: more than {MAX_REDIRECTS} redirects")


async def _get_once(scheme: str, host: str, port: int, target: str, accept: str,
                    settings: Settings) -> _Answer:
    url = f"{scheme}://{host}:{port}{target}"
    try:
        sock, _ip = await connect(host, port, settings.resolver, settings.connect_timeout)
    except ConnectError as exc:
        raise FetchError(exc.kind, str(exc)) from None
    ctx = client_context(settings.cafile) if scheme == "https" else None
    try:
        reader, writer = await asyncio.open_connection(
            sock=sock, ssl=ctx, server_hostname=host if ctx else None, limit=_READ_CHUNK,
            ssl_handshake_timeout=settings.http_timeout if ctx else None)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        raise FetchError("tls", f"{host}:{port}: certificate problem "
                                f"({exc.verify_message or exc.reason})") from None
    except (ssl.SSLError, OSError) as exc:
        sock.close()
        raise FetchError("tls" if ctx else "unreachable",
                         f"{host}:{port}: {'TLS handshake failed' if ctx else 'connection failed'} "
                         f"({getattr(exc, 'reason', None) or exc})") from None
    try:
        return await _exchange(reader, writer, host, port, target, accept, settings.max_http_body, url)
    finally:
        writer.transport.abort()  # we have all we want; a TLS close_notify dance could only stall


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, port: int,
                    target: str, accept: str, cap: int, url: str) -> _Answer:
    conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEADER_BYTES)
    default_port = port in (80, 443)
    host_header = (f"[{host}]" if ":" in host else host) + ("" if default_port else f":{port}")
    request = h11.Request(method="GET", target=target, headers=[
        ("Host", host_header), ("Accept", accept), ("Accept-Encoding", "identity"),
        ("User-Agent", f"mail-setup-assistant/{__version__}"), ("Connection", "close")])
    try:
        writer.write(conn.send(request) + conn.send(h11.EndOfMessage()))
        await writer.drain()
    except h11.LocalProtocolError as exc:
        raise FetchError("bad_url", f"{url}: cannot be requested ({exc})") from None
    except OSError as exc:
        raise FetchError("unreachable", f"{url}: sending the request failed ({exc})") from None
    status = 0
    headers: dict[str, str] = {}
    body = bytearray()
    while True:
        try:
            event = conn.next_event()
        except h11.RemoteProtocolError as exc:
            kind = "too_large" if "exceeds" in str(exc) else "http"
            raise FetchError(kind, f"{url}: malformed HTTP answer ({exc})") from None
        if event is h11.NEED_DATA:
            try:
                data = await reader.read(_READ_CHUNK)
            except ssl.SSLError as exc:
                raise FetchError("tls", f"{url}: TLS error while reading ({exc.reason or exc})") from None
            except OSError as exc:
                raise FetchError("unreachable", f"{url}: connection lost ({exc})") from None
            conn.receive_data(data)
            continue
        if isinstance(event, h11.InformationalResponse):
            continue
        if isinstance(event, h11.Response):
            status = event.status_code
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in event.headers}
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > cap and status not in _REDIRECTS:
                raise FetchError("too_large", f"{url}: answer of {length} bytes is over the "
                                              f"{cap}-byte limit")
        elif isinstance(event, h11.Data):
            body += event.data
            if len(body) > cap and status not in _REDIRECTS:
                raise FetchError("too_large", f"{url}: answer is over the {cap}-byte limit")
            if len(body) > cap:  # a redirect's body is ignored, but not read without end either
                return _Answer(status, headers, b"")
        elif isinstance(event, h11.EndOfMessage):
            return _Answer(status, headers, bytes(body))
        elif isinstance(event, h11.ConnectionClosed):
            raise FetchError("http", f"{url}: connection closed before a complete answer")
