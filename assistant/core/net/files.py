"""Reading input files and writing output files, bounded and safe, in one place for every front end.

Inputs are read only from regular files (or stdin as ``-``) and never beyond a size cap: a FIFO or a device
given by mistake must not block or flood us. Outputs are written whole or not at all (temp file + rename in
the same folder), an existing file is replaced only when asked, and nothing that is not a regular file is
ever renamed over: a device node such as /dev/null or a FIFO with a reader is written into directly, anything
else (a symbolic link, a socket, a block device, a folder) is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from assistant.core.words.errors import FIELD, AssistantError, InputError
from assistant.core.words.messages import WHATS, Message, os_detail


def _show(path: str) -> str:
    """A path for an error line: control characters visible, never interpreted by the terminal."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in path)


def _what(what: str) -> Message | str:
    """What the file should have been, in words the wizard can translate."""
    return Message(WHATS[what]) if what in WHATS else what


def read_stdin(limit: int, what: str) -> bytes:
    """Up to ``limit`` + 1 bytes of standard input (the caller refuses more)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"-: standard input is closed, expected a {what}")
    try:
        data: bytes = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "closed"
        raise InputError(f"-: cannot read standard input ({reason})") from None
    return data


def read_bounded(path: str, limit: int, what: str) -> bytes:
    """A whole regular file (``-`` is stdin), refused unread when it is not a regular file or too large."""
    if path == "-":
        data = read_stdin(limit, what)
    else:
        shown = _show(path)
        try:
            # O_NONBLOCK: opening a FIFO without a writer must not hang; the fstat below refuses it anyway.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise InputError(code="no_such_file", params={"path": shown}) from None
        except IsADirectoryError:
            raise InputError(code="read_folder", params={"path": shown, "what": _what(what)}) from None
        except (OSError, ValueError) as exc:
            reason = os_detail(exc) if isinstance(exc, OSError) else Message("invalid_name")
            raise InputError(code="cannot_read", params={"path": shown, "detail": reason}) from None
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(code="read_folder", params={"path": shown, "what": _what(what)})
            if not stat.S_ISREG(mode):
                raise InputError(code="read_special", params={"path": shown, "what": _what(what)})
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(code="cannot_read", params={"path": shown, "detail": os_detail(exc)}) from None
        finally:
            os.close(fd)
    if len(data) > limit:
        raise InputError(code="too_large",
                         params={"path": _show(path), "kib": limit // 1024, "what": _what(what)})
    return data


def write_stdout(data: bytes) -> None:
    """All of ``data`` to standard output; a closed, full or broken one ends as one line, not a traceback."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise AssistantError("standard output is closed; nothing was written")
    try:
        stream.write(data)
        stream.flush()
    except (OSError, ValueError) as exc:
        _silence_stdout()  # the interpreter's final flush must not fail a second time
        if isinstance(exc, BrokenPipeError):
            raise AssistantError("standard output was closed before everything was written") from None
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "closed"
        raise AssistantError(f"cannot write to standard output ({reason})") from None


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


Data = bytes | Iterable[bytes]  # whole, or in pieces (a page made while it is written: memory stays flat)


def _whole(data: Data) -> bytes:
    return data if isinstance(data, bytes) else b"".join(data)


def write_output(path: str | None, data: Data, *, force: bool = False) -> None:
    """Write to stdout (``None`` or ``-``), or whole to ``path``; never clobber without ``force``."""
    if path is None or path == "-":
        write_stdout(_whole(data))
        return
    shown = _show(path)
    try:
        _write_file(path, shown, data, force)
    except OSError as exc:  # a name too long, a foreign folder ...: one line, nothing half-written
        raise InputError(code="cannot_write", params={"path": shown, "detail": os_detail(exc)}) from None
    except ValueError:  # a NUL in the name
        raise InputError(code="cannot_write",
                         params={"path": shown, "detail": Message("invalid_name")}) from None


def _write_file(path: str, shown: str, data: Data, force: bool) -> None:
    target = Path(path)
    try:
        link = os.lstat(target)
    except FileNotFoundError:
        link = None
    if link is not None:
        if stat.S_ISDIR(link.st_mode):
            raise InputError(code="is_folder", params={"path": shown})
        if stat.S_ISLNK(link.st_mode):
            _write_through_link(path, shown, _whole(data), force)
            return
        if not stat.S_ISREG(link.st_mode):
            _write_special(path, shown, _whole(data), link.st_mode)
            return
        if not force:
            raise InputError(code="exists", params={"path": shown, "field": FIELD}, field="force")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(code="folder_missing", params={"path": shown, "folder": _show(str(folder))})
    _replace_atomically(target, folder, data)


def _write_through_link(path: str, shown: str, data: bytes, force: bool) -> None:
    """A symbolic link is never replaced; one to a device or pipe (``/dev/stdout``) is written into."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(f"{shown}: already exists as a symbolic link to nothing; remove it or choose "
                         "another name") from None
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        _write_special(path, shown, data, mode)
        return
    raise InputError(code="symlink", params={
        "path": shown, "what": Message("a_folder" if stat.S_ISDIR(mode) else "a_file"),
        "hint": Message("hint_target" if force else "hint_name")})


def _write_special(path: str, shown: str, data: bytes, mode: int) -> None:
    """Write into a character device or a FIFO that has a reader; refuse sockets and block devices."""
    if stat.S_ISFIFO(mode):
        flags = os.O_WRONLY | os.O_NONBLOCK  # no reader: ENXIO at once instead of waiting forever
    elif stat.S_ISCHR(mode):
        flags = os.O_WRONLY
    else:
        raise InputError(code="write_special", params={"path": shown})
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError(code="write_pipe", params={"path": shown}) from None
        raise InputError(code="cannot_write", params={"path": shown, "detail": os_detail(exc)}) from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise InputError(code="cannot_write", params={"path": shown, "detail": os_detail(exc)}) from None
    finally:
        os.close(fd)


def _replace_atomically(target: Path, folder: Path, data: Data) -> None:
    import tempfile  # not at import time: the wizard's first window imports this module's command line
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, bytes) else data:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
