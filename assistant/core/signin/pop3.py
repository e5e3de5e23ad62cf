"""POP3 sign-in on a verified session: AUTH PLAIN or USER/PASS, then STAT and UIDL support."""

from __future__ import annotations

import base64

from assistant.core.model.fields import parse_decimal
from assistant.core.signin.imap import Outcome
from assistant.core.signin.secret import Secret, scrub_cut
from assistant.core.signin.session import MAX_LINES, Lines, SessionError


async def capa(lines: Lines) -> list[str] | None:
    """CAPA lines (upper case), or None when the server does not know CAPA."""
    await lines.send("CAPA")
    if not (await lines.read_line()).startswith("+OK"):
        return None
    out: list[str] = []
    while (line := await lines.read_line()) != ".":
        if len(out) >= MAX_LINES:
            raise SessionError("protocol_error", "the server sent too many CAPA lines")
        out.append(line.upper())
    return out


async def sign_in(lines: Lines, caps: list[str], usernames: list[str], secret: Secret) -> Outcome:
    """``caps`` are the post-TLS CAPA lines ([] when the server has no CAPA: try USER/PASS)."""
    upper = [c.upper() for c in caps]
    sasl = next((c.split()[1:] for c in upper if c.split()[:1] == ["SASL"]), [])
    plain = "PLAIN" in sasl
    out = Outcome("auth_failed")
    if upper and not plain and not any(c.split()[:1] == ["USER"] for c in upper):
        out.code = "no_auth_mechanism"
        return out
    for user in usernames:
        out.tried.append(user)
        if plain:
            out.mechanism = "AUTH PLAIN"
            blob = base64.b64encode(f"\0{user}\0{secret.reveal()}".encode()).decode("ascii")
            await lines.send(f"AUTH PLAIN {blob}")
            reply = await lines.read_line()
            if reply.rstrip() == "+":  # server wants the initial response on its own line
                await lines.send(blob)
                reply = await lines.read_line()
            out.response = scrub_cut(reply, 300, secret, extra=(blob,))
        else:
            out.mechanism = "USER/PASS"
            await lines.send(f"USER {user}")
            reply = await lines.read_line()
            if reply.startswith("+OK"):
                await lines.send(f"PASS {secret.reveal()}")
                reply = await lines.read_line()
            out.response = scrub_cut(reply, 300, secret)
        if reply.startswith("+OK"):
            out.code, out.username = "ok", user
            break
    if out.code != "ok":
        return out
    await lines.send("STAT")
    parts = (await lines.read_line()).split()
    out.facts["messages"] = parse_decimal(parts[1], 12) if parts[:1] == ["+OK"] and len(parts) > 1 else None
    after = await capa(lines)
    out.facts["uidl"] = any(c.split()[:1] == ["UIDL"] for c in (after if after is not None else upper))
    return out
