"""The audit's inputs: domain lists (arguments, a file, standard input) and an output file to resume.

A list has one domain per line; ``#`` starts a comment, blank lines are skipped, an address
(``alice@example.com``) counts as its domain. A bad line is one error naming the file and line. Files are
read line by line, never whole (lists of a million domains stay cheap); a file is checked entirely before
the run starts, so a typo on line 9,000 does not stop a batch half way, while standard input, which can
only be read once, stops at the bad line with every earlier domain done.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from assistant.core.model.address import EmailAddress, parse_address
from assistant.core.words.errors import InputError

MAX_LINE = 1024  # a domain is at most 253 characters; a longer line is not a domain list


def parse_domain(text: str, where: str) -> EmailAddress:
    """A domain (or an address's domain) as a bare-domain value; InputError naming ``where``."""
    try:
        return parse_address(parse_address(text).domain)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def domains_from_lines(lines: Iterable[str], origin: str) -> Iterator[EmailAddress]:
    """Each domain of a list, in order; InputError ``origin:LINE: why`` at the first bad line."""
    for number, raw in enumerate(lines, 1):
        if len(raw) > MAX_LINE:
            raise InputError(f"{origin}:{number}: line longer than {MAX_LINE} characters; not a domain list")
        text = raw.split("#", 1)[0].strip()
        if text:
            yield parse_domain(text, f"{origin}:{number}")


def _open(path: str) -> IO[str]:
    try:
        fh = open(path, encoding="utf-8", errors="strict")
    except FileNotFoundError:
        raise InputError(code="no_such_file", params={"path": path}) from None
    except IsADirectoryError:
        raise InputError(f"--batch {path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"--batch {path}: cannot be read ({exc.strerror or exc})") from None
    return fh


def _lines(fh: IO[str], origin: str) -> Iterator[str]:
    try:
        yield from fh
    except UnicodeDecodeError:
        raise InputError(f"{origin}: not UTF-8 text") from None


def check_file(path: str) -> int:
    """Read the whole list once: the number of domains in it, or InputError at the first bad line."""
    with _open(path) as fh:
        return sum(1 for _ in domains_from_lines(_lines(fh, path), path))


def domains_from_file(path: str) -> Iterator[EmailAddress]:
    """The list's domains, read lazily (``-`` is standard input)."""
    if path == "-":
        import sys
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict") \
            if hasattr(sys.stdin, "buffer") else sys.stdin
        yield from domains_from_lines(_lines(stdin, "standard input"), "standard input")
        return
    with _open(path) as fh:
        yield from domains_from_lines(_lines(fh, path), path)


@dataclass
class Done:
    """What an earlier run already wrote to the output file: its domains and their verdicts."""

    domains: set[str] = field(default_factory=set)
    verdicts: Counter[str] = field(default_factory=Counter)
    keep_bytes: int = 0  # the file is cut here: everything after is a torn line of an interrupted run
    has_header: bool = False


def resume_scan(path: str, fmt: str) -> Done:
    """The complete records of an output file (JSON lines or CSV), to skip and to count."""
    done = Done()
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return done
    except OSError as exc:
        raise InputError(f"-o {path}: cannot be read to resume ({exc.strerror or exc})") from None
    with fh:
        offset = 0
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # torn: written by a run that was killed mid-line
            domain, verdict = _record_of(raw.decode("utf-8", errors="replace"), fmt)
            if domain is None:  # a header, or a line that is not a record: left as it is
                done.has_header = done.has_header or (offset == 0 and fmt == "csv")
            else:
                done.domains.add(domain)
                done.verdicts[verdict or "error"] += 1
            offset += len(raw)
        done.keep_bytes = offset
    return done


def _record_of(line: str, fmt: str) -> tuple[str | None, str | None]:
    if fmt == "json":
        try:
            record = json.loads(line)
            return str(record["domain"]), str(record.get("verdict"))
        except (ValueError, KeyError, TypeError):
            return None, None
    row = next(csv.reader([line]), [])
    if len(row) < 3 or row[0] == "domain":
        return None, None
    return row[0], row[2]


def cut(path: str, keep_bytes: int) -> None:
    """Drop a torn last line before appending (the domain it held is checked again)."""
    if Path(path).exists() and os.path.getsize(path) > keep_bytes:
        os.truncate(path, keep_bytes)
