"""One ``mail-setup-assistant probe --json`` in a fresh process, as a person runs it, with event-loop timing.

Usage: ``python bench/cli_child.py ROOT PROBE-ARGUMENTS…`` — ROOT is the checkout whose ``assistant`` package
runs (this tree, or an old commit checked out with ``git worktree add``). The probe's JSON goes to stdout
as usual; the last line on stderr is ``BENCH {json}``: the process's CPU seconds and wall seconds since this
script started (Python's own start-up excluded, every import included), and the event loop's callbacks that
ran longer than 2 ms (how long, when, and how many modules each imported) — while one runs, every answer
that has arrived waits. Standard library only before ROOT is on ``sys.path``.
"""

from __future__ import annotations

import asyncio.events
import json
import os
import resource
import sys
import time
from typing import Any

T0 = time.perf_counter()
LOOP_CPU = [0.0]  # CPU seconds spent in event-loop callbacks
SLOW = float(os.environ.get("BENCH_SLOW", "0.002"))  # seconds: callbacks longer than this are listed


def _watch(slow: list[dict[str, Any]]) -> None:
    """Time every event-loop callback (``Handle._run``); keep the slow ones."""
    original = asyncio.events.Handle._run

    def timed(self: asyncio.events.Handle) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        modules = len(sys.modules)
        original(self)
        took, cpu = time.perf_counter() - start, time.thread_time() - cpu
        LOOP_CPU[0] += cpu
        if took > SLOW:
            slow.append({"at_ms": round((start - T0) * 1000, 1), "ms": round(took * 1000, 1),
                         "cpu_ms": round(cpu * 1000, 1), "what": _describe(self),
                         "imports": len(sys.modules) - modules})

    asyncio.events.Handle._run = timed  # type: ignore[method-assign]


def _describe(handle: asyncio.events.Handle) -> str:
    callback = handle._callback  # type: ignore[attr-defined]
    owner = getattr(callback, "__self__", None)
    for candidate in (owner, *(getattr(handle, "_args", None) or ())):  # None once a handle is cancelled
        if isinstance(candidate, asyncio.Task):
            return str(candidate.get_coro().__qualname__)  # type: ignore[union-attr]
    return str(getattr(callback, "__qualname__", type(callback).__name__))


def main() -> int:
    root, args = sys.argv[1], sys.argv[2:]
    sys.path.insert(0, root)
    slow: list[dict[str, Any]] = []
    _watch(slow)
    from assistant.cli import main as cli_main

    try:
        code = cli_main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    wall = time.perf_counter() - T0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    sys.stdout.flush()
    print("BENCH " + json.dumps({"exit": code, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
                                 "loop_cpu_s": LOOP_CPU[0],
                                 "slow_callbacks": slow}), file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
