"""Alt+letters for controls a page shows a varying number of (one "I understand the risks" box per risky
server): each gets a letter nothing else on the page uses.

A translation keeps its own letter where it can ("我了解風險…(&I)"); only a clash moves it, to the first free
letter of the text in English, or to another letter in the "(&X)" a Chinese label ends with.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

_ACCEL = re.compile(r"&([^&\s])")
_SUFFIX = re.compile(r"\(&([^)])\)")


def letter(text: str) -> str | None:
    """The Alt+letter of a label (lower case), None without one."""
    m = _ACCEL.search(text.replace("&&", ""))
    return m.group(1).lower() if m else None


def free_letter(text: str, taken: Iterable[str]) -> str:
    """``text`` with an Alt+letter not in ``taken``: its own if that is free, else the first free one (no
    letter at all when every one is taken, which a page never reaches)."""
    used = {t.lower() for t in taken if t}
    own = letter(text)
    if own is None or own not in used:
        return text
    suffix = _SUFFIX.search(text)
    if suffix is not None:  # 我了解風險…(&I): another letter in the brackets
        spare = next((c for c in string.ascii_uppercase if c.lower() not in used), None)
        return text if spare is None else text[:suffix.start(1)] + spare + text[suffix.end(1):]
    bare = text.replace("&&", "\0").replace("&", "").replace("\0", "&&")
    for i, ch in enumerate(bare):
        if ch.isascii() and ch.isalpha() and ch.lower() not in used:
            return bare[:i] + "&" + bare[i:]
    return bare
