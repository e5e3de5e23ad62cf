"""A small, bounded HTTP(S) client: GET for autoconfig and ISPDB files, POST for Outlook's Autodiscover
and an OAuth2 token endpoint.

Not urllib: it resolves with the OS (``--dns-server`` must hold for web hosts too), follows redirects from
HTTPS to HTTP, and reads bodies without a cap. Here the connection comes from ``net.connect`` (our
resolver, Happy Eyeballs), TLS from ``tls.client_context`` (always verified), HTTP/1.1 framing from h11,
and every request has a deadline, a header cap, a body cap and a redirect limit.
"""

from __future__ import annotations

import asyncio
import base64
import ssl
from dataclasses import dataclass, field
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
    """The final answer. ``secure`` is True only when every hop was HTTPS with a verified certificate.

    ``headers`` are the final answer's (names lowercase): a redirect that was not followed keeps its
    ``location`` there, a 401 its ``www-authenticate`` (several such headers joined with ", ", as RFC 9110
    allows for this list: Exchange sends one per scheme).
    """

    status: int
    content_type: str  # media type only, lowercase ("text/xml"), "" when absent
    body: bytes
    final_url: str
    secure: bool
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def redirect(self) -> str | None:
        """Where a redirect answer points (absolute URL), or None when this is not a redirect."""
        location = self.headers.get("location", "").strip()
        if self.status not in _REDIRECTS or not location:
            return None
        return urljoin(self.final_url, location)


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class _Ask:
    """What to send: GET, or POST with a body (and, over HTTPS only, an ``Authorization`` header)."""

    method: str
    accept: str
    body: bytes = b""
    content_type: str | None = None
    authorization: str | None = field(default=None, repr=False)


def basic_authorization(user: str, password: str) -> str:
    """The ``Authorization`` value for HTTP Basic (RFC 7617, UTF-8): only for ``post(authorization=)``."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def challenge_schemes(value: str) -> list[str]:
    """The authentication schemes a ``WWW-Authenticate`` value offers, in its order (``Negotiate, NTLM,
    Basic realm="x"`` → Negotiate, NTLM, Basic): the first word of each challenge, parameters skipped."""
    out: list[str] = []
    for part in value.split(","):
        words = part.strip().split()
        if not words or "=" in words[0]:
            continue  # a parameter of the challenge before it (realm="x", charset=...)
        name = words[0][:40]
        if name.isascii() and name.replace("-", "").replace("_", "").isalnum() and name not in out:
            out.append(name)
    return out[:10]


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


async def fetch(url: str, settings: Settings, *, accept: str = "application/xml, text/xml",
                follow_redirects: bool = True) -> HttpResult:
    """GET ``url``, following at most 3 redirects (never HTTPS → HTTP), within ``settings.http_timeout``.

    With ``follow_redirects=False`` a redirect answer is returned as it is (see ``HttpResult.redirect``).
    """
    return await _batched(url, settings, _Ask("GET", accept), follow_redirects)


async def post(url: str, body: bytes, content_type: str, settings: Settings, *,
               accept: str = "text/xml, application/xml", authorization: str | None = None) -> HttpResult:
    """POST ``body`` to ``url`` under the same bounds as ``fetch``.

    A redirect is followed by POSTing the same body again (what Autodiscover clients do), at most 3 times
    and never from HTTPS to HTTP. With ``authorization`` (credentials: ``basic_authorization``) the URL
    must be HTTPS and no redirect is followed: the answer is returned as it is, so the credentials reach
    only the host that was named, over verified TLS.
    """
    if authorization is not None and urlsplit(url).scheme != "https":
        raise FetchError("bad_url", f"{_shown(url)}: credentials are only sent over HTTPS")
    ask = _Ask("POST", accept, body, content_type, authorization)
    return await _batched(url, settings, ask, authorization is None)



async def _batched(url: str, settings: Settings, ask: _Ask, follow_redirects: bool) -> HttpResult:
    """One request; in a batch (``settings.batch``, an audit of many domains) it first waits for a
    connection slot at the host's address (its clock starts after), and a GET of a URL without a query is
    made once for all runs (the answer or a lasting failure kept a few minutes)."""
    batch = settings.batch
    try:
        host = urlsplit(url).hostname if batch is not None else None
    except ValueError:
        host = None  # _request names the bad URL
    if batch is None or not host:
        return await _request(url, settings, ask, follow_redirects)
    mine = host

    async def gated(run_settings: Settings) -> HttpResult:
        async with shared.slot(run_settings, mine):
            return await _request(url, run_settings, ask, follow_redirects)

    if ask.method != "GET" or "?" in url or not follow_redirects:  # about one address: nobody else's use
        return await gated(settings)
    common = settings.for_shared()
    result: HttpResult = await batch.fetches.get(("GET", url, ask.accept), lambda: gated(common))
    return result


def lasting(exc: BaseException) -> bool:
    """A fetch failure worth remembering for the batch: not a timeout (that may pass)."""
    return isinstance(exc, FetchError) and exc.kind != "timeout"


def _shown(url: str) -> str:
    """``url`` without anything after the path, for messages (no query, no user information)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}{parts.path}"


async def _request(url: str, settings: Settings, ask: _Ask, follow_redirects: bool) -> HttpResult:
    secure = True
    current = url
    try:
        async with asyncio.timeout(settings.http_timeout):
            for _hop in range(MAX_REDIRECTS + 1):
                scheme, host, port, target = _split(current)
                secure = secure and scheme == "https"
                answer = await _once(scheme, host, port, target, ask, settings)
                location = answer.headers.get("location")
                if answer.status not in _REDIRECTS or not location or not follow_redirects:
                    media = answer.headers.get("content-type", "").split(";")[0].strip().lower()
                    return HttpResult(answer.status, media, answer.body, current, secure, answer.headers)
                following = urljoin(current, location.strip())
                if scheme == "https" and urlsplit(following).scheme != "https":
                    raise FetchError("redirect", f"{current}: refused redirect from HTTPS to {following}")
                current = following
    except TimeoutError:
        raise FetchError("timeout", f"{current}: no complete answer within "
                                    f"{settings.http_timeout:g} s") from None
    raise FetchError("redirect", f"{url}: more than {MAX_REDIRECTS} redirects")


async def post_form(url: str, fields: dict[str, str], settings: Settings, *,
                    accept: str = "application/json") -> HttpResult:
    """POST ``fields`` as ``application/x-www-form-urlencoded`` to an HTTPS ``url`` (an OAuth2 token
    endpoint): no redirect is followed (a redirected token request would resend the code elsewhere), the
    same deadline and caps as ``fetch``."""
    from urllib.parse import urlencode
    if _split(url)[0] != "https":
        raise FetchError("bad_url", f"{url}: only https URLs take a form")
    body = urlencode(fields).encode("ascii")
    return await _request(url, settings, _Ask("POST", accept, body, "application/x-www-form-urlencoded"),
                          follow_redirects=False)


async def _once(scheme: str, host: str, port: int, target: str, ask: _Ask, settings: Settings) -> _Answer:
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
        return await _exchange(reader, writer, host, port, target, ask, settings.max_http_body, url)
    finally:
        writer.transport.abort()  # we have all we want; a TLS close_notify dance could only stall


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, port: int,
                    target: str, ask: _Ask, cap: int, url: str) -> _Answer:
    conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEADER_BYTES)
    default_port = port in (80, 443)
    host_header = (f"[{host}]" if ":" in host else host) + ("" if default_port else f":{port}")
    sent = [("Host", host_header), ("Accept", ask.accept), ("Accept-Encoding", "identity"),
            ("User-Agent", f"mail-setup-assistant/{__version__}"), ("Connection", "close")]
    if ask.method == "POST":
        sent += [("Content-Type", ask.content_type or "application/octet-stream"),
                 ("Content-Length", str(len(ask.body)))]
    if ask.authorization is not None:
        if not isinstance(writer.get_extra_info("ssl_object"), ssl.SSLObject):  # a second guard: TLS only
            raise FetchError("bad_url", f"{url}: credentials are only sent over HTTPS")
        sent.append(("Authorization", ask.authorization))
    request = h11.Request(method=ask.method, target=target, headers=sent)
    try:
        data = conn.send(request) + (conn.send(h11.Data(data=ask.body)) if ask.body else b"")
        writer.write(data + conn.send(h11.EndOfMessage()))
        await writer.drain()
    except h11.LocalProtocolError as exc:  # h11's words may quote a header: not when one holds credentials
        why = "" if ask.authorization is not None else f" ({exc})"
        raise FetchError("bad_url", f"{url}: cannot be requested{why}") from None
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
            headers = {}
            for k, v in event.headers:
                name, value = k.decode("latin-1").lower(), v.decode("latin-1")
                joined = name == "www-authenticate" and name in headers
                headers[name] = f"{headers[name]}, {value}" if joined else value
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
