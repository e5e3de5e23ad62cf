"""Text from files, DNS or servers made safe to print on a terminal or in a one-line report.

A host name, preset name or server reply can carry terminal escape sequences (recolouring, retitling or
clearing the helpdesk's terminal), a newline that forges a second output line, bidi overrides that make
``moc.live`` read as ``evil.com``, or lone surrogates that crash a strict UTF-8 stream. Every text output
passes through ``printable`` at the boundary (error lines, the text report) instead of at each call site.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, Arabic letter mark, LRM/RLM, line/paragraph separators, bidi embeddings,
# overrides and isolates, and lone surrogates (undecodable bytes in argv or file names).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi or line-breaking character replaced by a visible escape."""
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Like ``printable`` but keeps the newlines of a multi-line rendering (each line escaped)."""
    return "\n".join(printable(line) for line in text.split("\n"))
