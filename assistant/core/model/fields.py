"""Field readers for untrusted JSON and text: numbers that cannot crash ``int()``, typed JSON fields.

Probe files, config files and server replies all reach these; each reader either returns a value of the
promised type or raises ``ValueError`` naming the field, so callers can turn it into a one-line error.
"""

from __future__ import annotations

from typing import Any, cast


def parse_decimal(text: str | None, max_digits: int = 9) -> int | None:
    """ASCII digits as an int, else None.

    Why not ``text.isdigit()`` + ``int()``: ``isdigit`` accepts "²" (which ``int`` refuses) and ``int``
    refuses more than 4300 digits; both reach us from servers and files and must not raise ValueError.
    """
    if not text or len(text) > max_digits or not text.isascii() or not text.isdigit():
        return None
    return int(text)


def parse_port(text: str | None) -> int | None:
    """A port number 1-65535 written in ASCII digits, else None."""
    value = parse_decimal(text, 5)
    return value if value is not None and 1 <= value <= 65535 else None


def req_str(d: dict[str, Any], key: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v:
        raise ValueError(f"field '{key}' must be a non-empty string")
    return v


def opt_str(d: dict[str, Any], key: str) -> str | None:
    v = d.get(key)
    if v is not None and not isinstance(v, str):
        raise ValueError(f"field '{key}' must be a string or null")
    return v


def int_field(d: dict[str, Any], key: str, default: int = 0) -> int:
    """A JSON integer (not a bool, not 1e400); missing or null is ``default``."""
    v = d.get(key)
    if v is None:
        return default
    if not isinstance(v, int) or isinstance(v, bool) or abs(v) > 2**53:
        raise ValueError(f"field '{key}' must be an integer")
    return v


def list_field(d: dict[str, Any], key: str, item: type | None = None) -> list[Any]:
    """A JSON array (missing or null is empty), optionally of objects of type ``item``."""
    v = d.get(key)
    if v is None:
        return []
    if not isinstance(v, list) or (item is not None and not all(isinstance(x, item) for x in v)):
        raise ValueError(f"field '{key}' must be a list" + (" of objects" if item is dict else ""))
    return v


def port_field(d: dict[str, Any], key: str) -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 65535:
        raise ValueError(f"field '{key}' must be a port number 1-65535")
    return v


def choice(d: dict[str, Any], key: str, allowed: tuple[str, ...]) -> Any:
    v = d.get(key)
    if v not in allowed:
        raise ValueError(f"field '{key}' must be one of {', '.join(allowed)}")
    return cast(Any, v)
