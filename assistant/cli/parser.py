"""The one ``ArgumentParser`` every command uses: no abbreviations, and errors that never echo a value.

argparse's defaults are unsafe for a tool that takes secrets: ``--password secret`` silently matched
``--password-env`` (an abbreviation) and the error then printed ``secret``; ``unrecognized arguments: …``
echoes whatever was typed. Options here must be spelled out, and an error names options, never values.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from assistant.core.words.errors import EXIT_BAD_INPUT
from assistant.core.words.printable import printable

# argparse's own templates that quote the value typed (the type name or the choices are kept).
_VALUE_QUOTED = (
    (re.compile(r"invalid (\S+) value: .*\Z", re.S), r"invalid \1 value"),
    (re.compile(r"invalid choice: .*? \(choose from", re.S), "invalid choice (choose from"),
)


def describe_extras(extras: Sequence[str]) -> str:
    """Name unrecognised options (``--opt`` of ``--opt=value``); count the other words, never show them."""
    names = [w.split("=", 1)[0] for w in extras if w.startswith("-") and len(w) > 1]
    others = len(extras) - len(names)
    shown = ", ".join(dict.fromkeys(printable(n[:40]) for n in names))
    if others:
        word = "value" if others == 1 else "values"
        shown = f"{shown} and {others} {word} (not shown)" if shown else f"{others} {word} (not shown)"
    return shown


def redact(message: str) -> str:
    """An argparse message without the value it quoted."""
    for pattern, repl in _VALUE_QUOTED:
        message = pattern.sub(repl, message)
    return message


class Parser(argparse.ArgumentParser):
    """``ArgumentParser`` with ``allow_abbrev=False`` and one-line, value-free errors (exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.fail(f"unrecognized arguments: {describe_extras(extras)}")
        return parsed

    def error(self, message: str) -> NoReturn:
        self.fail(redact(message))

    def fail(self, message: str) -> NoReturn:
        print(f"{self.prog}: error: {printable(message)} (see --help)", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
