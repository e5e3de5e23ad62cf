"""The real command line (``python -m assistant``) in a child process, as a person or a script runs it.

One helper for every test that needs the program's own exit code, stdout and stderr: ``msa(...)``. The
child gets the test's environment without ``MSA_*`` variables (a password variable a test did not mean to
pass must not leak in), plus what the test adds, stdin from /dev/null unless the test types something, and
a timeout so a hanging command fails the test instead of the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from typing import IO, Literal, Protocol, overload

from tests.support.paths import REPO

PROGRAM = (sys.executable, "-m", "assistant")


class Finished(Protocol):
    """A finished run: a CompletedProcess, or the world's timed ``probe`` run (tests/support/world.py)."""

    @property
    def returncode(self) -> int: ...
    @property
    def stderr(self) -> str | bytes: ...


def clean_env(extra: Mapping[str, str] | None = None, *, drop: Sequence[str] = ()) -> dict[str, str]:
    """The test's environment without ``MSA_*`` variables and ``drop``, with ``extra`` on top."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_") and k not in drop}
    env.update(extra or {})
    return env


@overload
def msa(*args: str, env: Mapping[str, str] | None = ..., input: bytes | None = ...,
        stdin: int | IO[bytes] | None = ..., timeout: float = ..., prefix: Sequence[str] = ...,
        drop: Sequence[str] = ..., stdout: int | None = ...,
        text: Literal[False] = ...) -> subprocess.CompletedProcess[bytes]: ...


@overload
def msa(*args: str, env: Mapping[str, str] | None = ..., input: bytes | None = ...,
        stdin: int | IO[bytes] | None = ..., timeout: float = ..., prefix: Sequence[str] = ...,
        drop: Sequence[str] = ..., stdout: int | None = ...,
        text: Literal[True]) -> subprocess.CompletedProcess[str]: ...


def msa(*args: str, env: Mapping[str, str] | None = None, input: bytes | None = None,
        stdin: int | IO[bytes] | None = subprocess.DEVNULL, timeout: float = 60,
        prefix: Sequence[str] = (), drop: Sequence[str] = (), stdout: int | None = None,
        text: bool = False) -> subprocess.CompletedProcess[bytes] | subprocess.CompletedProcess[str]:
    """Run ``mail-setup-assistant ARGS`` to its end and capture what it prints.

    The child runs in :func:`clean_env` (``env`` added, ``drop`` left out) in the repository. ``input`` is
    typed on stdin; ``stdout`` (a pipe's end) replaces the captured output; ``prefix`` runs the program
    under another command (``unshare -n``); ``text`` decodes stdout and stderr as UTF-8.
    """
    full = clean_env(env, drop=drop)
    if input is not None:
        stdin = None
    return subprocess.run([*prefix, *PROGRAM, *args], cwd=REPO, env=full, input=input, stdin=stdin,
                          stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE,
                          text=text, timeout=timeout, check=False)


def msa_popen(*args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``mail-setup-assistant ARGS`` and leave it running (stdout and stderr piped)."""
    return subprocess.Popen([*PROGRAM, *args], cwd=REPO, env=clean_env(env), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def shell_msa(command: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``command`` in bash with ``msa`` standing for the program (for redirections a test needs)."""
    env = clean_env({"MSA": " ".join(PROGRAM)})
    return subprocess.run(["bash", "-c", command.replace("msa ", "$MSA ")], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=timeout, check=False)


def one_line_error(proc: Finished, *words: str, code: int = 2) -> str:
    """The run ended with ``code`` and exactly one line on stderr naming every one of ``words``: never a
    traceback or an "internal error". Returns that line."""
    err = proc.stderr if isinstance(proc.stderr, str) else proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == code, (proc.returncode, err)
    assert err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in err, err
    return err
