"""A small OAuth2 authorization server for tests: authorize (code flow, PKCE S256), token, introspection.

Real providers' pages cannot be used in tests (and no client ID of theirs is ours to use), so this stands in
for an organisation's identity provider on one loopback address over HTTPS (test-CA certificate for the
address). ``/authorize`` approves at once (or refuses, ``deny``) and redirects to the loopback redirect URI
with a one-time code; ``/token`` gives an access token only for that code, that redirect URI and the
verifier matching the challenge (RFC 7636); ``/introspect`` is what Dovecot's ``oauth2`` passdb asks
(RFC 7662 shape: ``active``, ``username``). Every request is recorded.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

CLIENT_ID = "org-mail-test-client"  # the organisation's own registration in the test world


@dataclass
class Grant:
    challenge: str
    redirect_uri: str
    user: str


@dataclass
class OAuth2Server:
    ip: str
    port: int
    context: ssl.SSLContext
    deny: bool = False
    codes: dict[str, Grant] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # token → user
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"https://{self.ip}:{self.port}"

    def start(self) -> OAuth2Server:
        server = ThreadingHTTPServer((self.ip, self.port), _handler(self))
        server.daemon_threads = True
        server.socket = self.context.wrap_socket(server.socket, server_side=True)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    # --- the endpoints --------------------------------------------------------------------------------------

    def authorize(self, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        redirect = q.get("redirect_uri", "")
        if q.get("client_id") != CLIENT_ID or not redirect.startswith("http://127.0.0.1:"):
            return 400, {}, b"unknown client or redirect"
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256":
            return 400, {}, b"code flow with PKCE S256 only"
        if self.deny:
            answer = {"error": "access_denied", "state": q.get("state", "")}
        else:
            code = secrets.token_urlsafe(16)
            self.codes[code] = Grant(q.get("code_challenge", ""), redirect, q.get("login_hint", ""))
            answer = {"code": code, "state": q.get("state", "")}
        return 302, {"Location": f"{redirect}?{urlencode(answer)}"}, b""

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        grant = self.codes.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier", "").encode("ascii")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).decode().rstrip("=")
        if (grant is None or form.get("grant_type") != "authorization_code"
                or form.get("client_id") != CLIENT_ID or form.get("redirect_uri") != grant.redirect_uri
                or challenge != grant.challenge):
            return 400, {}, json.dumps({"error": "invalid_grant"}).encode()
        access = secrets.token_urlsafe(32)
        self.tokens[access] = grant.user
        body = {"access_token": access, "token_type": "Bearer", "expires_in": 600}
        return 200, {}, json.dumps(body).encode()

    def introspect(self, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        user = self.tokens.get(form.get("token", ""))
        return 200, {}, json.dumps({"active": user is not None, "username": user or ""}).encode()


def _handler(server: OAuth2Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for k, v in {"Content-Type": "application/json", **headers}.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            server.requests.append((parts.path, query))
            if parts.path == "/authorize":
                self._answer(*server.authorize(query))
            else:
                self._answer(404, {}, b"{}")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(min(length, 65536)).decode()).items()}
            path = urlsplit(self.path).path
            server.requests.append((path, form))
            if path == "/token":
                self._answer(*server.token(form))
            elif path == "/introspect":
                self._answer(*server.introspect(form))
            else:
                self._answer(404, {}, b"{}")

    return Handler


def browse(url: str, cafile: str) -> None:
    """What the person's browser does: open the authorization page, which (approving at once) redirects to
    the program's loopback listener; that answer is read, like a browser showing it."""
    import urllib.request
    context = ssl.create_default_context(cafile=cafile)
    with urllib.request.urlopen(url, context=context, timeout=20) as answer:
        answer.read()


if __name__ == "__main__":  # BROWSER="python tests/support/oauth2_server.py %s" for the CLI under test
    import os
    import sys
    browse(sys.argv[1], os.environ["MSA_TEST_CAFILE"])
