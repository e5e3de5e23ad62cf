"""SMTP submission sign-in on a verified session (post-TLS EHLO already read): AUTH PLAIN or LOGIN."""

from __future__ import annotations

import base64

from assistant.core.signin.imap import Outcome
from assistant.core.signin.secret import Secret, scrub_cut
from assistant.core.signin.session import MAX_LINES, Lines, SessionError


async def reply(lines: Lines) -> tuple[int, list[str]]:
    """A (possibly multi-line) reply: its code and the text of each line."""
    out: list[str] = []
    while True:
        line = await lines.read_line()
        if len(line) < 3 or not (line[:3].isascii() and line[:3].isdigit()):
            raise SessionError("protocol_error", "the server sent a malformed SMTP reply")
        out.append(line[4:])
        if len(line) == 3 or line[3] != "-":
            return int(line[:3]), out
        if len(out) >= MAX_LINES:
            raise SessionError("protocol_error", "the server sent too many reply lines")


def mechanisms(caps: list[str]) -> list[str]:
    for c in caps:
        words = c.upper().replace("AUTH=", "AUTH ", 1).split()
        if words[:1] == ["AUTH"]:
            return words[1:]
    return []


async def sign_in(lines: Lines, caps: list[str], usernames: list[str], secret: Secret) -> Outcome:
    """``caps`` are the post-TLS EHLO keywords (RFC 3207: what came before TLS is forgotten)."""
    mechs = mechanisms(caps)
    out = Outcome("auth_failed")
    if "PLAIN" not in mechs and "LOGIN" not in mechs:
        out.code = "no_auth_mechanism"
        return out
    for user in usernames:
        out.tried.append(user)
        if "PLAIN" in mechs:
            out.mechanism = "AUTH PLAIN"
            blob = base64.b64encode(f"\0{user}\0{secret.reveal()}".encode()).decode("ascii")
            extra: tuple[str, ...] = (blob,)
            await lines.send(f"AUTH PLAIN {blob}")
            code, text = await reply(lines)
        else:
            out.mechanism = "AUTH LOGIN"
            p64 = base64.b64encode(secret.reveal().encode()).decode("ascii")
            extra = (p64,)
            await lines.send("AUTH LOGIN")
            code, text = await reply(lines)
            for answer in (base64.b64encode(user.encode()).decode("ascii"), p64):
                if code != 334:
                    break
                await lines.send(answer)
                code, text = await reply(lines)
        out.response = scrub_cut(f"{code} {' '.join(text)}", 300, secret, extra=extra)
        if code == 235:
            out.code, out.username = "ok", user
            break
    out.facts["auth_accepted"] = out.code == "ok"
    return out
