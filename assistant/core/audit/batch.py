"""Many domains in one process: bounded concurrency, streaming in and out, shards, counts.

Domains are read from an iterator as slots free up (never all at once) and each record is handed to
``emit`` the moment it is done, so memory stays flat in the number of domains; records come in the order
they finish. At most ``jobs`` domains run at once; the settings' connection gate keeps each server address
at a few connections, and its resolver cache answers the names many domains share (the hoster's hosts,
its MX) once. ``shard`` (K, N) keeps the domains whose stable hash falls in part K of N, so N processes
(or machines) given the same list check it once between them and their JSON lines concatenate.
"""

from __future__ import annotations

import asyncio
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from assistant.core.audit.record import AuditOptions, audit_domain
from assistant.core.model.address import EmailAddress
from assistant.core.words.errors import InputError

DEFAULT_JOBS = 32
MAX_JOBS = 1024


def parse_shard(text: str) -> tuple[int, int]:
    """``K/N`` with 1 ≤ K ≤ N; InputError naming the option otherwise."""
    try:
        k_text, n_text = text.split("/")
        k, n = int(k_text), int(n_text)
    except ValueError:
        raise InputError(f"--shard {text[:40]!r}: expected K/N, e.g. 1/4") from None
    if not 1 <= k <= n:
        raise InputError(f"--shard {text[:40]!r}: K must be between 1 and N")
    return k, n


def in_shard(domain: str, shard: tuple[int, int] | None) -> bool:
    """Stable across processes and machines (CRC-32 of the ASCII domain), unlike Python's ``hash``."""
    if shard is None:
        return True
    k, n = shard
    return zlib.crc32(domain.encode("ascii")) % n == k - 1


def select(domains: Iterable[EmailAddress], shard: tuple[int, int] | None = None,
           skip: set[str] | None = None) -> Iterator[EmailAddress]:
    """Each domain once, in this shard, not in ``skip`` (what a resumed output file already holds)."""
    seen: set[str] = set(skip or ())
    for d in domains:
        if d.domain in seen or not in_shard(d.domain, shard):
            continue
        seen.add(d.domain)
        yield d


async def run_batch(domains: Iterable[EmailAddress], options: AuditOptions,
                    emit: Callable[[dict[str, Any]], None], jobs: int = DEFAULT_JOBS) -> Counter[str]:
    """Audit every domain, at most ``jobs`` at once; ``emit`` each record as it finishes. Returns the
    verdict counts. Cancelling (Ctrl-C) stops the running domains; what was emitted stays emitted."""
    counts: Counter[str] = Counter()
    source = iter(domains)
    running: set[asyncio.Task[dict[str, Any]]] = set()
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) < jobs:
                nxt = next(source, None)  # may raise InputError for a bad line: the batch stops there
                if nxt is None:
                    exhausted = True
                    break
                running.add(asyncio.ensure_future(audit_domain(nxt, options)))
            if not running:
                return counts
            done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                record = task.result()
                counts[record["verdict"]] += 1
                emit(record)
    finally:
        for task in running:
            task.cancel()
        if running:
            await asyncio.wait(running, timeout=1.0)
            for task in running:
                if task.done() and not task.cancelled():
                    task.exception()
