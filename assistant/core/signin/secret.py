"""The password in transit: a wrapper that never prints it, where it may come from, and scrubbing.

A plain ``str`` password ends up in tracebacks (frame locals), ``repr`` of dataclasses and f-strings by
accident; ``Secret`` makes each of those show ``***`` and forces code that needs the value to say
``reveal()``. Server replies can echo what we sent (a bad SASL reply, a LOGIN error quoting the
argument), so every server text we keep goes through ``scrub`` first.
"""

from __future__ import annotations

import base64
import os
import re

from assistant.core.signin import keychain
from assistant.core.words.errors import InputError

MAX_PASSWORD = 4096  # longer than any real password; bounds what we send and what we search for


class Secret:
    """A password. ``str``/``repr``/``format`` show ``***``; only ``reveal()`` gives the text."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise InputError("the password is empty")
        if len(value) > MAX_PASSWORD:
            raise InputError(f"the password is longer than {MAX_PASSWORD} characters")
        if any(c in value for c in "\r\n\0"):
            raise InputError("the password contains a line break or NUL character, which mail servers "
                             "cannot receive")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return "***"

    def __reduce__(self) -> tuple[object, ...]:  # no pickling into caches or crash dumps
        raise TypeError("a Secret cannot be pickled")

    def forms(self) -> list[str]:
        """Encodings a server could echo back: the text itself and its base64 (SASL) forms."""
        raw = self._value.encode("utf-8")
        out = [self._value, base64.b64encode(raw).decode("ascii")]
        return [f for f in out if len(f) >= 3]


def scrub(text: str | None, *secrets_: Secret | None, extra: tuple[str, ...] = ()) -> str | None:
    """``text`` with every form of the secrets (and any ``extra`` strings, e.g. SASL blobs) replaced."""
    if text is None:
        return None
    needles: list[str] = list(extra)
    for s in secrets_:
        if s is not None:
            needles.extend(s.forms())
    for n in sorted(set(needles), key=len, reverse=True):
        if n:
            text = text.replace(n, "[redacted]")
    return text


_CONVENTIONAL_NAME = re.compile(r"[A-Z_][A-Z0-9_]{0,63}")


def scrub_cut(text: str, limit: int, *secrets_: Secret | None, extra: tuple[str, ...] = ()) -> str:
    """``scrub``, then cut to ``limit``: cutting first could split an echoed password past recognition."""
    return (scrub(text, *secrets_, extra=extra) or "")[:limit]


def _shown_name(var: str) -> str:
    """``var`` when it looks like a conventional variable name (MSA_PASSWORD); otherwise it is not echoed:
    it may be the password itself, typed where the variable's name belongs."""
    return var if _CONVENTIONAL_NAME.fullmatch(var) else "(name not shown)"


def from_env(var: str) -> Secret:
    """The password from environment variable ``var`` (``--password-env``); InputError if unset/empty."""
    if not var or "=" in var or "\0" in var:
        raise InputError(f"{{field}} {_shown_name(var)}: not a variable name", field="password_env")
    value = os.environ.get(var)
    if value is None:
        raise InputError(f"{{field}} {_shown_name(var)}: the variable is not set", field="password_env")
    if not value:
        raise InputError(f"{{field}} {_shown_name(var)}: the variable is empty", field="password_env")
    return Secret(value)


def from_keychain(account: str) -> Secret | None:
    """The password saved for ``account`` in the OS keychain, or None. Raises SecretStoreError."""
    value = keychain.get(account)
    return Secret(value) if value else None
