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
from assistant.core.model.results import TlsFacts
from assistant.core.net.settings import Settings
from assistant.core.signin import imap, pop3, smtp
from assistant.core.signin.secret import Secret, scrub
from assistant.core.signin.session import SessionError, normalise_pin, open_verified
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

# Codes that mean "we refused for safety; no password was sent".
SAFETY_CODES = frozenset({"plaintext_refused", "certificate_not_trusted", "pin_mismatch", "logindisabled",
                          "no_auth_mechanism", "tls_too_old"})

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

    @property
    def ok(self) -> bool:
        return self.code == "ok"

    @property
    def refused_for_safety(self) -> bool:
        return self.code in SAFETY_CODES

    @property
    def params(self) -> dict[str, str]:
        fp = (self.tls.fingerprint_sha256 if self.tls else None) or "?"
        return {"host": self.host, "port": str(self.port), "protocol": self.protocol.upper(),
                "username": self.username or "", "tried": ", ".join(self.tried) or "-",
                "fingerprint": fp}

    def to_dict(self) -> dict[str, Any]:
        return {"protocol": self.protocol, "host": self.host, "port": self.port, "security": self.security,
                "code": self.code, "ok": self.ok, "refused_for_safety": self.refused_for_safety,
                "message": self.message, "template": MESSAGES[self.code], "params": self.params,
                "username": self.username, "tried": list(self.tried), "mechanism": self.mechanism,
                "pinned": self.pinned, "tls": self.tls.to_dict() if self.tls else None,
                "facts": dict(self.facts), "server_response": self.server_response,
                "detail": self.detail, "address": self.address, "elapsed_ms": self.elapsed_ms}


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
    r.message = MESSAGES[code].format(**r.params)
    return r


async def verify_server(server: ServerConfig, address: EmailAddress, secret: Secret, settings: Settings,
                        *, pins: tuple[str, ...] = (), min_tls: str | None = None) -> SigninResult:
    """Sign in to one server within ``settings.timeout`` seconds. Never raises for network trouble."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    deadline = start + settings.timeout
    verified = None
    try:
        async with asyncio.timeout_at(deadline):
            verified = await open_verified(server, settings, deadline, pins=pins, min_tls=min_tls)
            verified.session.conn.deadline = deadline  # the auth-failure delay must fit inside it
            out = await _SIGN_IN[server.protocol](verified.lines, verified.session.capabilities,
                                                  usernames_for(server, address), secret)
    except SessionError as exc:
        result = _result(server, exc.code, tls=exc.tls, detail=scrub(exc.detail, secret))
    except TimeoutError:
        result = _result(server, "timeout", detail=f"no result within {settings.timeout:g} s")
    except (ConnectionError, OSError) as exc:
        result = _result(server, "unreachable", detail=scrub(str(exc.strerror or exc), secret))
    except (ValueError, UnicodeError, LookupError, ArithmeticError) as exc:
        # A reply we failed to foresee must end as a result, not a traceback (which would print locals).
        result = _result(server, "protocol_error", detail=f"unexpected answer ({type(exc).__name__})")
    else:
        result = _result(server, out.code, username=out.username, tried=out.tried, mechanism=out.mechanism,
                         pinned=verified.pinned, tls=verified.tls, facts=out.facts,
                         server_response=out.response, address=verified.session.address)
    finally:
        if verified is not None:
            await verified.session.close()
    result.elapsed_ms = int((loop.time() - start) * 1000)
    return result


def no_server(protocol: str) -> SigninResult:
    """The result for a side that has no usable server to sign in to."""
    return _result(ServerConfig(protocol=protocol, host="", port=1, security="ssl"), "no_server")  # type: ignore[arg-type]
