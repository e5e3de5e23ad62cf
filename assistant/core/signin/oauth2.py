"""A real OAuth2 sign-in test for an organisation that registered its own app (its preset's ``[oauth2]``).

Why only then: a provider's page signs in only apps it knows, and borrowing another program's client ID is
not ours to do. With the organisation's own public client the flow is RFC 8252's: the system browser opens
the authorization page, which comes back to a one-time listener on 127.0.0.1 (loopback redirect), the code
is bound to this run by PKCE (RFC 7636, S256) and by ``state``, and the token endpoint turns it into an
access token. IMAP and SMTP then sign in with XOAUTH2 (OAUTHBEARER where XOAUTH2 is not offered). The token
is a ``Secret``: never printed, scrubbed from every server reply kept. Bounded: the browser has
``BROWSER_TIMEOUT`` seconds, each redirect request a size cap, the token answer the HTTP caps.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import json
import secrets
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit

from assistant.core.model.provider import OAuth2App
from assistant.core.net.settings import Settings
from assistant.core.signin.imap import Outcome, Tags, gather_facts, response
from assistant.core.signin.secret import Secret, scrub_cut
from assistant.core.signin.session import Lines
from assistant.core.words.errors import AssistantError

BROWSER_TIMEOUT = 300.0  # a person signing in (two-factor included) needs minutes, not seconds
MAX_REQUEST = 8 * 1024  # the redirect's request line and headers
DONE_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Mail Setup Assistant</title></head>"
             "<body><p>{text}</p></body></html>")
DONE_TEXT = "You are signed in. You can close this page and go back to Mail Setup Assistant."

OpenBrowser = Callable[[str], object]


def pkce_pair() -> tuple[str, str]:
    """A fresh code verifier (43 characters of base64url, 256 bits) and its S256 challenge."""
    verifier = _b64url(secrets.token_bytes(32))
    return verifier, challenge(verifier)


def challenge(verifier: str) -> str:
    """RFC 7636's S256: BASE64URL(SHA256(verifier)) without padding."""
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def authorization_url(app: OAuth2App, redirect_uri: str, state: str, code_challenge: str,
                      login_hint: str | None = None) -> str:
    """The page the browser opens: the code flow for this public client, PKCE S256."""
    query = {"response_type": "code", "client_id": app.client_id, "redirect_uri": redirect_uri,
             "state": state, "code_challenge": code_challenge, "code_challenge_method": "S256"}
    if app.scopes:
        query["scope"] = " ".join(app.scopes)
    if login_hint:
        query["login_hint"] = login_hint
    joiner = "&" if urlsplit(app.authorization_endpoint).query else "?"
    return app.authorization_endpoint + joiner + urlencode(query)


def redirect_answer(target: str, state: str) -> str:
    """The code from the redirect's request target (``/?code=…&state=…``); AssistantError when the answer is
    not for this run (another ``state``: a forged or stale redirect) or the page said no."""
    query = parse_qs(urlsplit(target).query)
    if query.get("state", [""])[0] != state:
        raise AssistantError(code="oauth2_bad_redirect")
    if query.get("error"):
        raise AssistantError(code="oauth2_denied", params={"error": query["error"][0][:100]})
    code = query.get("code", [""])[0]
    if not code or len(code) > 4096:
        raise AssistantError(code="oauth2_bad_redirect")
    return code


async def authorize(app: OAuth2App, settings: Settings, open_browser: OpenBrowser, *,
                    login_hint: str | None = None, done_text: str = DONE_TEXT,
                    timeout: float = BROWSER_TIMEOUT) -> Secret:
    """The whole browser round: the loopback listener, the page opened, the code, the token."""
    verifier, code_challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[str] = loop.create_future()

    async def on_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(10):
                head = await reader.readuntil(b"\r\n\r\n")
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = line.split(" ")
        ours = len(parts) == 3 and parts[0] == "GET" and urlsplit(parts[1]).path == "/"
        status = "404 Not Found"
        if ours and not answer.done():
            try:
                answer.set_result(redirect_answer(parts[1], state))
                status = "200 OK"
            except AssistantError as exc:
                if exc.code != "oauth2_bad_redirect":  # the page said no: the end of this sign-in
                    answer.set_exception(exc)
                    status = "200 OK"
                else:  # another program's (or a stale) answer ends nothing: keep waiting for ours
                    status = "400 Bad Request"
        page = DONE_PAGE.format(text=html.escape(done_text)).encode("utf-8") if status == "200 OK" \
            else status.encode("ascii")
        writer.write(f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                     f"{len(page)}\r\nConnection: close\r\n\r\n".encode("ascii") + page)
        try:
            await writer.drain()
        finally:
            writer.close()

    server = await asyncio.start_server(on_request, "127.0.0.1", 0, limit=MAX_REQUEST)
    browser: asyncio.Future[object] | None = None
    try:
        port = server.sockets[0].getsockname()[1]
        redirect_uri = f"http://127.0.0.1:{port}/"
        url = authorization_url(app, redirect_uri, state, code_challenge, login_hint)
        browser = loop.run_in_executor(None, open_browser, url)  # a browser command may block: not here
        try:
            code = await asyncio.wait_for(answer, timeout)
        except TimeoutError:
            raise AssistantError(code="oauth2_no_answer", params={"seconds": f"{timeout:g}"}) from None
    finally:
        server.close()
        await server.wait_closed()
        if browser is not None and browser.done() and not browser.cancelled():
            browser.exception()  # a browser that failed to start is the timeout's to report
    return await token(app, code, verifier, redirect_uri, settings)


async def token(app: OAuth2App, code: str, verifier: str, redirect_uri: str, settings: Settings) -> Secret:
    """The access token for ``code`` from the organisation's token endpoint (form POST over HTTPS)."""
    from assistant.core.net.http import FetchError, post_form
    fields = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
              "client_id": app.client_id, "code_verifier": verifier}
    where = app.token_endpoint.split("?")[0]
    try:
        answer = await post_form(app.token_endpoint, fields, settings)
    except FetchError as exc:
        raise AssistantError(code="oauth2_token_failed", params={"url": where, "detail": str(exc)}) from None
    try:
        doc = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        doc = None
    value = doc.get("access_token") if isinstance(doc, dict) else None
    if answer.status != 200 or not isinstance(value, str) or not value:
        error = doc.get("error") if isinstance(doc, dict) and isinstance(doc.get("error"), str) else None
        detail = error[:100] if error else f"HTTP {answer.status}"
        raise AssistantError(code="oauth2_token_failed", params={"url": where, "detail": detail})
    try:
        return Secret(value)
    except AssistantError:
        raise AssistantError(code="oauth2_token_failed", params={"url": where, "detail": "unusable token"}) \
            from None


# --- signing in with the token --------------------------------------------------------------------------

def sasl(mechanism: str, user: str, access_token: Secret) -> str:
    """The base64 initial response of XOAUTH2 (Google's and Microsoft's) or OAUTHBEARER (RFC 7628)."""
    if mechanism == "XOAUTH2":
        raw = f"user={user}\x01auth=Bearer {access_token.reveal()}\x01\x01"
    else:
        name = user.replace("=", "=3D").replace(",", "=2C")  # RFC 5801's saslname
        raw = f"n,a={name},\x01auth=Bearer {access_token.reveal()}\x01\x01"
    return base64.b64encode(raw.encode("utf-8")).decode("ascii")


def _pick(offered: list[str]) -> str | None:
    return next((m for m in ("XOAUTH2", "OAUTHBEARER") if m in offered), None)


async def imap_sign_in(lines: Lines, caps: list[str], user: str, access_token: Secret) -> Outcome:
    """AUTHENTICATE with the token (after TLS); a refusal's error challenge is answered with an empty line,
    as the mechanisms require, so the server ends the exchange with its NO."""
    upper = [c.upper() for c in caps]
    mechanism = _pick([c[5:] for c in upper if c.startswith("AUTH=")])
    out = Outcome("no_auth_mechanism", tried=[user])
    if mechanism is None:
        return out
    out.mechanism = f"AUTHENTICATE {mechanism}"
    blob = sasl(mechanism, user, access_token)
    tags = Tags()
    tag = tags.next()
    if "SASL-IR" in upper:
        await lines.send(f"{tag} AUTHENTICATE {mechanism} {blob}")
    else:
        await lines.send(f"{tag} AUTHENTICATE {mechanism}")
        if not (await lines.read_line()).startswith("+"):
            out.code = "protocol_error"
            return out
        await lines.send(blob)
    status, _untagged = await _answer_imap(lines, tag)
    out.response = scrub_cut(status, 300, access_token, extra=(blob,))
    if status.upper().startswith("OK"):
        out.code, out.username = "ok", user
        await gather_facts(lines, tags, out)
    else:
        out.code = "auth_failed"
    return out


async def _answer_imap(lines: Lines, tag: str) -> tuple[str, list[str]]:
    first = await lines.read_line()
    if first.startswith("+"):  # the error challenge: answer empty, the tagged NO follows
        await lines.send("")
        return await response(lines, tag)
    if first.startswith(tag + " "):
        return first[len(tag) + 1:], []
    status, rest = await response(lines, tag)
    return status, [first, *rest]


async def smtp_sign_in(lines: Lines, caps: list[str], user: str, access_token: Secret) -> Outcome:
    """AUTH with the token on the post-TLS EHLO's mechanisms; 235 is signed in."""
    from assistant.core.signin.smtp import mechanisms, reply
    mechanism = _pick(mechanisms(caps))
    out = Outcome("no_auth_mechanism", tried=[user])
    if mechanism is None:
        return out
    out.mechanism = f"AUTH {mechanism}"
    blob = sasl(mechanism, user, access_token)
    await lines.send(f"AUTH {mechanism} {blob}")
    code, text = await reply(lines)
    if code == 334:  # the error challenge: answer empty, the final refusal follows
        await lines.send("")
        code, text = await reply(lines)
    out.response = scrub_cut(f"{code} {' '.join(text)}", 300, access_token, extra=(blob,))
    out.code = "ok" if code == 235 else "auth_failed"
    out.username = user if code == 235 else None
    out.facts["auth_accepted"] = code == 235
    return out
