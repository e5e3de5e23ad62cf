"""IMAP sign-in on a verified session: LOGINDISABLED-aware login, then quota, folder count and IDLE."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field

from assistant.core.signin.secret import Secret, scrub_cut
from assistant.core.signin.session import MAX_LINES, Lines, SessionError

MAX_LITERAL = 64 * 1024
_LITERAL = re.compile(r"\{(\d+)\+?\}$")
_QUOTA = re.compile(r"\bSTORAGE\s+(\d+)\s+(\d+)", re.IGNORECASE)


@dataclass
class Outcome:
    """What one protocol's sign-in found; verify.py turns it into a SigninResult."""

    code: str  # ok | auth_failed | logindisabled | no_auth_mechanism | protocol_error
    username: str | None = None
    mechanism: str | None = None
    tried: list[str] = field(default_factory=list)
    response: str | None = None  # last server line, scrubbed
    facts: dict[str, int | bool | None] = field(default_factory=dict)


class Tags:
    """Our own tag prefix, so our tags never collide with the ones the probe conversation used."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"v{self.n}"


async def response(lines: Lines, tag: str) -> tuple[str, list[str]]:
    """The tagged status (after the tag) and the untagged lines before it, literals inlined."""
    untagged: list[str] = []
    while True:
        line = await lines.read_line()
        while (m := _LITERAL.search(line)) is not None:
            data, rest = await lines.read_literal(int(m.group(1)), MAX_LITERAL)
            line = line[:m.start()] + data.decode("utf-8", "replace") + rest
        if line.startswith(tag + " "):
            return line[len(tag) + 1:], untagged
        if len(untagged) >= MAX_LINES:
            raise SessionError("protocol_error", "the server sent too many lines for one command")
        untagged.append(line)


async def command(lines: Lines, tags: Tags, verb: str) -> tuple[str, list[str]]:
    tag = tags.next()
    await lines.send(f"{tag} {verb}")
    return await response(lines, tag)


def _quote(text: str) -> str | None:
    if not text.isascii():
        return None
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


async def sign_in(lines: Lines, caps: list[str], usernames: list[str], secret: Secret) -> Outcome:
    """Log in with the first username form that works, then gather facts. ``caps`` are post-TLS."""
    tags = Tags()
    upper = [c.upper() for c in caps]
    plain = "AUTH=PLAIN" in upper
    out = Outcome("auth_failed")
    if "LOGINDISABLED" in upper and not plain:
        out.code = "logindisabled"  # RFC 3501: the client MUST NOT send LOGIN
        return out
    for user in usernames:
        out.tried.append(user)
        tag = tags.next()
        if plain:
            out.mechanism = "AUTHENTICATE PLAIN"
            blob = base64.b64encode(f"\0{user}\0{secret.reveal()}".encode()).decode("ascii")
            if "SASL-IR" in upper:
                await lines.send(f"{tag} AUTHENTICATE PLAIN {blob}")
            else:
                await lines.send(f"{tag} AUTHENTICATE PLAIN")
                cont = await lines.read_line()
                if not cont.startswith("+"):
                    out.code, out.response = "protocol_error", scrub_cut(cont, 200, secret, extra=(blob,))
                    return out
                await lines.send(blob)
            status, _ = await response(lines, tag)
            out.response = scrub_cut(status, 300, secret, extra=(blob,))
        else:
            out.mechanism = "LOGIN"
            status = await _login(lines, tag, user, secret)
            out.response = scrub_cut(status, 300, secret)
        if status.upper().startswith("OK"):
            out.code, out.username = "ok", user
            break
        if status.upper().startswith("BAD"):
            out.code = "protocol_error"
            return out
    if out.code == "ok":
        await gather_facts(lines, tags, out)
    return out


async def _login(lines: Lines, tag: str, user: str, secret: Secret) -> str:
    quser, qpass = _quote(user), _quote(secret.reveal())
    if quser is not None and qpass is not None:
        await lines.send(f"{tag} LOGIN {quser} {qpass}")
    else:  # non-ASCII: synchronising literals, waiting for "+" before each
        user_b, pass_b = user.encode(), secret.reveal().encode()
        await lines.send(f"{tag} LOGIN {{{len(user_b)}}}")
        for data in (user_b + f" {{{len(pass_b)}}}".encode(), pass_b):
            cont = await lines.read_line()
            if not cont.startswith("+"):
                return cont[len(tag) + 1:] if cont.startswith(tag + " ") else "BAD literal refused"
            await lines.send(data)
    status, _ = await response(lines, tag)
    return status


async def gather_facts(lines: Lines, tags: Tags, out: Outcome) -> None:
    status, untagged = await command(lines, tags, "CAPABILITY")  # the list may grow after login
    caps = [w.upper() for line in untagged if line.upper().startswith("* CAPABILITY ")
            for w in line.split()[2:]]
    out.facts["idle"] = "IDLE" in caps
    out.facts["quota_used_kib"] = out.facts["quota_limit_kib"] = None
    if any(c == "QUOTA" or c.startswith("QUOTA=") for c in caps):
        status, untagged = await command(lines, tags, "GETQUOTAROOT INBOX")
        for line in untagged:
            m = _QUOTA.search(line) if line.upper().startswith("* QUOTA ") else None
            if m:
                out.facts["quota_used_kib"], out.facts["quota_limit_kib"] = int(m.group(1)), int(m.group(2))
                break
    status, untagged = await command(lines, tags, 'LIST "" "*"')
    out.facts["folders"] = (sum(1 for line in untagged if line.upper().startswith("* LIST "))
                            if status.upper().startswith("OK") else None)
