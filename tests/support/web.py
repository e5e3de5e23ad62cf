"""A small real web server for tests: HTTPS on ip:443 and HTTP on ip:80, files chosen by Host and path.

Each route is a canned answer (status, content type, body, extra headers, optionally chunked) to GET and
POST alike, or a function of the request that picks one (``basic_auth``: an answer only for the right
credentials); every request is logged (method, query, headers, a POST's body) so tests can assert which
URLs were asked, how, and with what — and where a password went. Usage::

    web = start_web(ip, server_ssl_context)
    web.route("autoconfig.example.test", "/mail/config-v1.1.xml", Response(xml_bytes))
    ...  web.requests  ...
    web.stop()
"""

from __future__ import annotations

import base64
import contextlib
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/xml"
    headers: list[tuple[str, str]] = field(default_factory=list)
    chunked: bool = False  # send without Content-Length, in 8 KiB chunks


@dataclass(frozen=True)
class Request:
    scheme: str
    host: str
    path: str
    query: str
    headers: dict[str, str]
    method: str = "GET"
    body: bytes = b""

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}{self.path}" + (f"?{self.query}" if self.query else "")

    @property
    def credentials(self) -> tuple[str, str] | None:
        """The user name and password of a Basic ``Authorization`` header, as sent (None without one)."""
        value = self.headers.get("authorization", "")
        if not value.lower().startswith("basic "):
            return None
        user, _, password = base64.b64decode(value[6:]).decode("utf-8", "replace").partition(":")
        return user, password


Route = Response | Callable[[Request], Response]


def basic_auth(user: str, password: str, answer: Response, challenge: str = 'Basic realm="autodiscover"'
               ) -> Callable[[Request], Response]:
    """A route like Exchange's or mailcow's Autodiscover: ``answer`` for exactly these Basic credentials,
    401 with ``challenge`` for anything else (no credentials, another user, another password)."""
    def pick(request: Request) -> Response:
        if request.credentials == (user, password):
            return answer
        return Response(b"", 401, None, [("WWW-Authenticate", challenge)])
    return pick


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(10)
            self.request.do_handshake()
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._answer("GET", b"")

    def do_POST(self) -> None:
        length = self.headers.get("Content-Length", "0")
        self._answer("POST", self.rfile.read(min(int(length), 1 << 20)) if length.isdigit() else b"")

    def _answer(self, method: str, body: bytes) -> None:
        web = self.server.web
        host = (self.headers.get("Host") or "").lower()
        host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        parts = urlsplit(self.path)
        request = Request(self.server.scheme, host, parts.path, parts.query,
                          {k.lower(): v for k, v in self.headers.items()}, method, body)
        web.requests.append(request)
        route = web.routes.get((self.server.scheme, host, parts.path)) or web.routes.get(
            (None, host, parts.path)) or Response(b"not found", 404, "text/plain")
        resp = route if isinstance(route, Response) else route(request)
        self.send_response(resp.status)
        if resp.content_type:
            self.send_header("Content-Type", resp.content_type)
        for k, v in resp.headers:
            self.send_header(k, v)
        self.send_header("Connection", "close")
        if resp.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            if not resp.chunked:
                self.wfile.write(resp.body)
                return
            for i in range(0, len(resp.body), 8192):
                piece = resp.body[i:i + 8192]
                self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], web: Web, scheme: str) -> None:
        self.web = web
        self.scheme = scheme
        super().__init__(addr, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that reject our certificate or hang up early are part of the tests


class Web:
    """HTTP on ``ip``:80 and HTTPS on ``ip``:443 (``server_context``), sharing routes and a request log."""

    def __init__(self, ip: str, server_context: ssl.SSLContext) -> None:
        self.ip = ip
        self.routes: dict[tuple[str | None, str, str], Route] = {}
        self.requests: list[Request] = []
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        plain = _Server((ip, 80), self, "http")
        tls = _Server((ip, 443), self, "https")
        tls.socket = server_context.wrap_socket(tls.socket, server_side=True, do_handshake_on_connect=False)
        for srv in (plain, tls):
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            t.start()
            self._servers.append(srv)
            self._threads.append(t)

    def route(self, host: str, path: str, response: Route, scheme: str | None = None) -> Web:
        """Answer ``scheme``://``host````path`` (any scheme when None) with ``response`` (or what the
        function ``response`` picks for the request)."""
        self.routes[(scheme, host.lower(), path)] = response
        return self

    def clear(self) -> None:
        self.routes.clear()
        self.requests.clear()

    def asked(self) -> list[str]:
        """The URLs requested so far (scheme://host/path?query)."""
        return [r.url for r in self.requests]

    def stop(self) -> None:
        for srv in self._servers:
            srv.shutdown()
            srv.server_close()
        for t in self._threads:
            t.join(timeout=5)


def start_web(ip: str, server_context: ssl.SSLContext) -> Web:
    """Start the server and check that both ports accept connections."""
    web = Web(ip, server_context)
    for port in (80, 443):
        with socket.create_connection((ip, port), timeout=5):
            pass
    return web


def server_context(cert_pem: Path, key_pem: Path) -> ssl.SSLContext:
    """A TLS server context from PEM files (e.g. ``tests.support.certs.CertFactory().good(...)``)."""
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(str(cert_pem), str(key_pem))
    return ctx


@dataclass
class World:
    """dnsmasq + the web server on two addresses of one subnet, and a CA the client is told to trust."""

    dns: Any  # tests.support.dnsmasq.Dnsmasq
    web: Web
    web_ip: str
    cafile: str

    def settings(self, **overrides: Any) -> Any:
        """Settings pointing every lookup at our dnsmasq and trusting our test CA; short deadlines."""
        from assistant.core.net.settings import Settings
        values: dict[str, Any] = {"resolver": self.dns.resolver(), "cafile": self.cafile,
                                  "http_timeout": 5.0, "connect_timeout": 3.0,
                                  "ispdb_url": "https://ispdb.example.test/v1.1/"}
        values.update(overrides)
        return Settings(**values)

    def stop(self) -> None:
        self.web.stop()
        self.dns.stop()


def start_world(workdir: Path, subnet: Any, web_hosts: list[str], zone: Any,
                cert_hosts: list[str] | None = None) -> World:
    """Every name in ``web_hosts`` resolves to the web server, whose certificate covers ``cert_hosts``
    (default: all of ``web_hosts``); ``zone`` (a dnsmasq Zone) holds the test's other records."""
    from tests.support.certs import CertFactory
    from tests.support.dnsmasq import start_dnsmasq

    dns_ip, web_ip = subnet.take(), subnet.take()
    for host in web_hosts:
        zone.host(host, web_ip)
    certs = CertFactory(workdir / "certs")
    leaf = certs.good(*(cert_hosts if cert_hosts is not None else web_hosts))
    dns = start_dnsmasq(dns_ip, zone, workdir / "dns")
    try:
        web = start_web(web_ip, server_context(leaf.cert_pem, leaf.key_pem))
    except BaseException:
        dns.stop()
        raise
    return World(dns=dns, web=web, web_ip=web_ip, cafile=str(certs.ca_pem))
