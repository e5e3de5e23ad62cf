"""Options and helpers shared by several subcommands (discovery options, output files)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from assistant.core.errors import AssistantError, InputError

DEFAULT_TIMEOUT = 20.0


def add_discovery_options(p: argparse.ArgumentParser) -> None:
    """The options every command that discovers live takes (probe, export, verify, report)."""
    p.add_argument("--dns-server", metavar="IP[:PORT]",
                   help="send every DNS lookup (server addresses included) to this resolver")
    p.add_argument("--cafile", metavar="PEM", help="also trust the CA certificates in this PEM file")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"the whole run finishes within this many seconds (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--offline", action="store_true",
                   help="ask only the domain's own servers (skip the Thunderbird ISPDB)")
    p.add_argument("--ispdb-url", metavar="URL", default=os.environ.get("MSA_ISPDB_URL"),
                   help=argparse.SUPPRESS)


def write_output(path: str | None, data: bytes, *, force: bool = False) -> None:
    """Write to stdout, or atomically to ``path`` (temp file + rename); never clobber without ``force``."""
    if path is None or path == "-":
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # `... | head`: one line, not a traceback (and none again at exit)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise AssistantError("standard output was closed before everything was written") from None
        return
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{path}: is a folder, expected a file name")
    if target.exists() and not force:
        raise InputError(f"{path}: already exists (use --force to replace it)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # read-only or foreign folder: one line, nothing written
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
