"""One build's ``discover()`` in a long-lived process, driven line by line from bench/regression.py.

Usage: ``python bench/discover_child.py ROOT DNS_IP CAFILE`` — ROOT is the checkout whose ``assistant``
package is measured (this tree, or an old commit checked out with ``git worktree add``). It reads one
address per line on stdin and answers one JSON line per run: wall and CPU seconds of an in-process
``discover()``, the SRV lookups' own ``elapsed_ms`` and how many candidates were listed. Module paths moved
between waves, so both layouts are imported. Standard library only before ROOT is on ``sys.path``.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import time
from collections.abc import Callable, Coroutine
from typing import Any


def _load(root: str) -> tuple[Callable[..., Coroutine[Any, Any, Any]], Callable[[str, str], Any]]:
    """(run(address, settings, progress), settings(dns_ip, cafile)) for the build at ``root``."""
    sys.path.insert(0, root)
    try:  # wave 2 and later: rooms
        engine: Any = importlib.import_module("assistant.core.discovery.run")
        address: Any = importlib.import_module("assistant.core.model.address")
        dns: Any = importlib.import_module("assistant.core.net.dns")
        settings_class: Any = importlib.import_module("assistant.core.net.settings").Settings

        def run(text: str, settings: Any, progress: Any = None) -> Coroutine[Any, Any, Any]:
            return engine.discover(address.EmailAddress.parse(text), settings, progress)  # type: ignore[no-any-return]
    except ImportError:  # wave 1: flat core modules
        engine = importlib.import_module("assistant.core.probe")
        dns = importlib.import_module("assistant.core.dns")
        settings_class = importlib.import_module("assistant.core.context").Settings

        def run(text: str, settings: Any, progress: Any = None) -> Coroutine[Any, Any, Any]:
            return engine.discover(text, settings, progress)  # type: ignore[no-any-return]

    def settings(dns_ip: str, cafile: str) -> Any:
        resolver = dns.Resolver(dns.ServerAddress(dns_ip, 53), lifetime=5.0)
        return settings_class(resolver=resolver, cafile=cafile, timeout=10.0, offline=True)

    return run, settings


def _timeline(events: list[str], start: float) -> Callable[[Any], None]:
    """A progress callback writing each event with the milliseconds since ``start``."""
    def progress(e: Any) -> None:
        events.append(f"{(time.perf_counter() - start) * 1000:7.1f} {e.kind} {e.label} {e.state} {e.detail}")
    return progress


def main() -> int:
    root, dns_ip, cafile = sys.argv[1:4]
    run, make_settings = _load(root)
    for line in sys.stdin:
        address, _, mode = line.strip().partition(" ")
        if not address:
            continue
        settings = make_settings(dns_ip, cafile)
        events: list[str] = []
        w0, c0 = time.perf_counter(), time.process_time()
        progress = _timeline(events, w0) if mode == "timeline" else None
        result = asyncio.run(run(address, settings, progress))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        srv = [r.elapsed_ms for r in result.sources if r.source == "srv" and r.elapsed_ms is not None]
        print(json.dumps({"wall_s": wall, "cpu_s": cpu, "srv_ms": srv, "candidates": len(result.candidates),
                          "statuses": sorted({c.status for c in result.candidates}),
                          "usable": any(result.recommended.values()),
                          "events": events}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
