"""Sign-in verification: proves the password works on the chosen servers, safely.

The safety rules are enforced here, in core, so no front end can skip them: no password over an
unencrypted connection; none to a server whose certificate failed unless the person pinned exactly that
certificate (and it is the one seen in this very session); LOGINDISABLED honoured; every sign-in runs on
its own freshly opened and verified TLS session; the whole exchange has a deadline.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.model.provider import OTHER, SignIn
from assistant.core.model.results import TlsFacts
from assistant.core.net.settings import Settings
from assistant.core.signin import imap, pop3, smtp
from assistant.core.signin.secret import Secret, scrub
from assistant.core.signin.session import SessionError, normalise_pin, open_verified
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

# Codes that mean "we refused for safety; no password was sent".
SAFETY_CODES = frozenset({"plaintext_refused", "certificate_not_trusted", "pin_mismatch", "logindisabled",
                          "no_auth_mechanism", "tls_too_old", "oauth2_required"})
_OAUTH_MECHANISMS = ("XOAUTH2", "OAUTHBEARER")

MESSAGES: dict[str, str] = {
    "ok": QT_TRANSLATE_NOOP("verify", "Signed in to {host} ({protocol}) as {username}."),
    "auth_failed": QT_TRANSLATE_NOOP(
        "verify", "The server rejected the user name or password ({host}, {protocol}; tried {tried})."),
    "plaintext_refused": QT_TRANSLATE_NOOP(
        "verify", "{host} ({protocol}) would not encrypt the connection, so the password was not sent."),
    "certificate_not_trusted": QT_TRANSLATE_NOOP(
        "verify", "The certificate of {host} could not be verified, so the password was not sent. If your "
                  "provider confirms the fingerprint {fingerprint}, you can pin it."),
    "pin_mismatch": QT_TRANSLATE_NOOP(
        "verify", "The certificate of {host} is not the one you confirmed (it has fingerprint "
                  "{fingerprint}), so the password was not sent."),
    "logindisabled": QT_TRANSLATE_NOOP(
        "verify", "{host} does not allow signing in on this connection (LOGINDISABLED), so the password "
                  "was not sent."),
    "no_auth_mechanism": QT_TRANSLATE_NOOP(
        "verify", "{host} ({protocol}) offers no sign-in method this program can use, so the password was "
                  "not sent."),
    "tls_too_old": QT_TRANSLATE_NOOP(
        "verify", "{host} uses an older TLS version than required, so the password was not sent."),
    "tls_error": QT_TRANSLATE_NOOP("verify", "The secure connection to {host} failed."),
    "timeout": QT_TRANSLATE_NOOP("verify", "{host} ({protocol}) did not answer in time."),
    "refused": QT_TRANSLATE_NOOP("verify", "{host} refused the connection on port {port}."),
    "unreachable": QT_TRANSLATE_NOOP("verify", "{host} could not be reached on port {port}."),
    "dns_error": QT_TRANSLATE_NOOP("verify", "The address of {host} could not be found."),
    "protocol_error": QT_TRANSLATE_NOOP(
        "verify", "{host} ({protocol}) answered in a way this program does not understand."),
    "no_server": QT_TRANSLATE_NOOP("verify", "There is no usable {protocol} server to sign in to."),
    # Providers that refuse the normal password (discovery/providers.py): what to do instead.
    "oauth2_required": QT_TRANSLATE_NOOP(
        "verify", "{provider} accepts only sign-in on its own page (OAuth2), so the password was not sent. "
                  "Add the account in your mail program: it opens the sign-in page of {provider} for you."),
    "oauth2_required_server": QT_TRANSLATE_NOOP(
        "verify", "{host} ({protocol}) offers only sign-in on the provider's own page (OAuth2), so the "
                  "password was not sent. Add the account in a mail program that opens that page for you."),
    "auth_failed_app_password": QT_TRANSLATE_NOOP(
        "verify", "The server rejected the password ({host}, {protocol}; tried {tried}). {provider} needs an "
                  "app password here, not your normal password: make one at {url}"),
    "auth_failed_authorization_code": QT_TRANSLATE_NOOP(
        "verify", "The server rejected the password ({host}, {protocol}; tried {tried}). {provider} needs an "
                  "authorization code here, not your normal password: switch on IMAP/SMTP in its web "
                  "settings and make one ({url})."),
}

_SIGN_IN: dict[str, Any] = {"imap": imap.sign_in, "pop3": pop3.sign_in, "smtp": smtp.sign_in}


@dataclass
class SigninResult:
    """The sign-in on one server. ``code`` keys MESSAGES; ``message`` is the English sentence."""

    protocol: str
    host: str
    port: int
    security: str
    code: str
    message: str = ""
    username: str | None = None  # the form that worked
    tried: list[str] = field(default_factory=list)
    mechanism: str | None = None
    pinned: bool = False
    tls: TlsFacts | None = None
    facts: dict[str, int | bool | None] = field(default_factory=dict)
    server_response: str | None = None  # last reply, password and its encodings removed
    detail: str | None = None
    address: str | None = None  # IP address used
    elapsed_ms: int = 0
    # A provider that refuses the normal password: its id, its name (English) and its app-password page;
    # ``template`` is the MESSAGES key when the sentence says more than ``code`` (what to do instead).
    provider: str | None = None
    provider_name: str = ""
    url: str = ""
    template: str | None = None

    @property
    def ok(self) -> bool:
        return self.code == "ok"

    @property
    def message_key(self) -> str:
        """The key of MESSAGES this result's sentence is made from."""
        return self.template or self.code

    @property
    def refused_for_safety(self) -> bool:
        return self.code in SAFETY_CODES

    @property
    def params(self) -> dict[str, str]:
        fp = (self.tls.fingerprint_sha256 if self.tls else None) or "?"
        return {"host": self.host, "port": str(self.port), "protocol": self.protocol.upper(),
                "username": self.username or "", "tried": ", ".join(self.tried) or "-",
                "fingerprint": fp, "provider": self.provider_name, "url": self.url}

    def to_dict(self) -> dict[str, Any]:
        return {"protocol": self.protocol, "host": self.host, "port": self.port, "security": self.security,
                "code": self.code, "ok": self.ok, "refused_for_safety": self.refused_for_safety,
                "message": self.message, "template": MESSAGES[self.message_key], "params": self.params,
                "username": self.username, "tried": list(self.tried), "mechanism": self.mechanism,
                "pinned": self.pinned, "tls": self.tls.to_dict() if self.tls else None,
                "facts": dict(self.facts), "server_response": self.server_response,
                "detail": self.detail, "address": self.address, "elapsed_ms": self.elapsed_ms,
                "provider": self.provider}


@dataclass
class VerifyResult:
    address: str
    incoming: SigninResult
    outgoing: SigninResult
    elapsed_ms: int = 0

    @property
    def ok(self) -> bool:
        """Exit-code rule: sign-in worked on the incoming and the outgoing server."""
        return self.incoming.ok and self.outgoing.ok

    @property
    def oauth2(self) -> bool:
        """Signed in with an OAuth2 token (the organisation's own page), not a password."""
        return any("OAUTH" in (r.mechanism or "").upper() for r in (self.incoming, self.outgoing))

    def to_dict(self) -> dict[str, Any]:
        return {"address": self.address, "ok": self.ok, "incoming": self.incoming.to_dict(),
                "outgoing": self.outgoing.to_dict(), "elapsed_ms": self.elapsed_ms}


def parse_pins(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Normalised pins; raises InputError naming the bad one."""
    from assistant.core.words.errors import InputError
    out = []
    for v in values or ():
        try:
            out.append(normalise_pin(v))
        except ValueError as exc:
            raise InputError(f"{{field}} {v!r}: {exc}", field="pin") from None
    return tuple(out)


def usernames_for(server: ServerConfig, address: EmailAddress) -> list[str]:
    """The configured form first (placeholders filled), then the full address, then the local part."""
    full, local = address.address or "", address.local or ""
    configured = address.expand(server.username) if server.username else None
    forms = [configured, full, local] if configured else [full, local]
    # A user name comes from files and servers; with a line break in it, it would end our command
    # and start another of the sender's choosing (after which our password follows).
    return [f for f in dict.fromkeys(forms) if f and "%" not in f and _safe_username(f)]


def _safe_username(name: str) -> bool:
    return len(name) <= 320 and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in name)


def _result(server: ServerConfig, code: str, **kw: Any) -> SigninResult:
    r = SigninResult(protocol=server.protocol, host=server.host, port=server.port, security=server.security,
                     code=code, **kw)
    r.message = MESSAGES[r.message_key].format(**r.params)
    return r


async def verify_server(server: ServerConfig, address: EmailAddress, secret: Secret | None,
                        settings: Settings, *, pins: tuple[str, ...] = (), min_tls: str | None = None,
                        sign_in: SignIn | None = None, token: Secret | None = None) -> SigninResult:
    """Sign in to one server within ``settings.timeout`` seconds. Never raises for network trouble.

    ``sign_in`` is the recognised provider of this server: one that takes only OAuth2 gets no password at
    all (nothing is even connected), and a refused password at one that wants an app password says so.
    ``token`` (an organisation's own OAuth2 sign-in, signin/oauth2.py) signs in with XOAUTH2 instead.
    """
    loop = asyncio.get_running_loop()
    start = loop.time()
    provider = sign_in if sign_in is not None and _applies(sign_in, server) else None
    refused = _oauth2_only(server, provider) if token is None else None
    if refused is not None:
        return refused
    if secret is None and token is None:
        raise ValueError("verify_server: a password or a token is needed")
    credential = token if token is not None else secret
    deadline = start + settings.timeout
    verified = None
    try:
        async with asyncio.timeout_at(deadline):
            verified = await open_verified(server, settings, deadline, pins=pins, min_tls=min_tls)
            verified.session.conn.deadline = deadline  # the auth-failure delay must fit inside it
            out = await _sign_in(server, verified, usernames_for(server, address), secret, token)
    except SessionError as exc:
        result = _result(server, exc.code, tls=exc.tls, detail=scrub(exc.detail, credential))
    except TimeoutError:
        result = _result(server, "timeout", detail=f"no result within {settings.timeout:g} s")
    except (ConnectionError, OSError) as exc:
        result = _result(server, "unreachable", detail=scrub(str(exc.strerror or exc), credential))
    except (ValueError, UnicodeError, LookupError, ArithmeticError) as exc:
        # A reply we failed to foresee must end as a result, not a traceback (which would print locals).
        result = _result(server, "protocol_error", detail=f"unexpected answer ({type(exc).__name__})")
    else:
        code, template = out.code, _template(out.code, provider)
        if code in ("logindisabled", "no_auth_mechanism") and _offers_oauth2(verified.session.capabilities):
            code, template = "oauth2_required", "oauth2_required_server"  # the server itself says so
        result = _result(server, code, username=out.username, tried=out.tried, mechanism=out.mechanism,
                         pinned=verified.pinned, tls=verified.tls, facts=out.facts,
                         server_response=out.response, address=verified.session.address,
                         **_provider_fields(provider, template))
    finally:
        if verified is not None:
            await verified.session.close()
    result.elapsed_ms = int((loop.time() - start) * 1000)
    return result


async def _sign_in(server: ServerConfig, verified: Any, usernames: list[str], secret: Secret | None,
                   token: Secret | None) -> Any:
    """The protocol's sign-in: with the password, or with the OAuth2 token (IMAP and SMTP take XOAUTH2)."""
    if token is None:
        caps = verified.session.capabilities
        return await _SIGN_IN[server.protocol](verified.lines, caps, usernames, secret)
    from assistant.core.signin import oauth2
    from assistant.core.signin.imap import Outcome
    user = usernames[0] if usernames else ""
    if server.protocol == "imap":
        return await oauth2.imap_sign_in(verified.lines, verified.session.capabilities, user, token)
    if server.protocol == "smtp":
        return await oauth2.smtp_sign_in(verified.lines, verified.session.capabilities, user, token)
    return Outcome("no_auth_mechanism", tried=[user])  # POP3: this test signs in over IMAP and SMTP only


def _applies(sign_in: SignIn, server: ServerConfig) -> bool:
    """A provider's rules hold for its own servers (any server, for one known only from its settings file)."""
    return sign_in.provider == OTHER or not sign_in.hosts or sign_in.owns(server.host)


def _oauth2_only(server: ServerConfig, provider: SignIn | None) -> SigninResult | None:
    """The result for a server that must never get a password (nothing is sent), else None."""
    methods = set(server.methods)
    server_says = "OAuth2" in methods and not methods & {"password-cleartext", "password-encrypted"}
    if provider is not None and provider.oauth2_only and provider.provider != OTHER:
        return _result(server, "oauth2_required", **_provider_fields(provider, None))
    if server_says or (provider is not None and provider.oauth2_only):
        return _result(server, "oauth2_required", template="oauth2_required_server")
    return None


def _template(code: str, provider: SignIn | None) -> str | None:
    if code != "auth_failed" or provider is None or not provider.app_password:
        return None
    return "auth_failed_authorization_code" if provider.authorization_code else "auth_failed_app_password"


def _provider_fields(provider: SignIn | None, template: str | None) -> dict[str, Any]:
    if provider is None or provider.provider == OTHER:
        return {"template": template} if template else {}
    return {"provider": provider.provider, "provider_name": provider.provider_name,
            "url": provider.app_password_url or provider.help_url or "", "template": template}


def _offers_oauth2(capabilities: list[str]) -> bool:
    words = " ".join(capabilities).upper().replace("=", " ").split()
    return any(m in words for m in _OAUTH_MECHANISMS)


def no_server(protocol: str) -> SigninResult:
    """The result for a side that has no usable server to sign in to."""
    return _result(ServerConfig(protocol=protocol, host="", port=1, security="ssl"), "no_server")  # type: ignore[arg-type]
