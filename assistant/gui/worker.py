"""One asyncio event loop in one worker thread; results reach widgets only through queued Qt signals.

The core is asyncio (sockets and TLS), which ``QtAsyncio`` cannot drive, so the GUI keeps a plain loop in a
background thread and hands it coroutines. Every job has a number so a late result of a cancelled or
superseded job is dropped instead of landing on a page that has moved on. Widgets are never touched from
the worker thread: it only emits signals of the ``_Bridge`` object, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from assistant.core.context import ProgressEvent
from assistant.core.errors import AssistantError

JobFactory = Callable[[Callable[[ProgressEvent], None]], Coroutine[Any, Any, object]]


class _Bridge(QObject):
    """Emitted from the worker thread; connected with queued connections to the GUI-thread receivers."""

    progress = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str, str)
    cancelled = Signal(int)


GIL_SWITCH_INTERVAL = 0.001  # seconds; see AsyncWorker.__init__


class AsyncWorker(QObject):
    """Runs coroutines on a private asyncio loop; ``cancel()`` cancels the running asyncio task.

    Signals (always on the GUI thread): ``progress(job, ProgressEvent)``, ``finished(job, result)``,
    ``failed(job, message, kind)`` where kind is "input", "domain" or "error", and ``cancelled(job)``.
    """

    progress = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str, str)
    cancelled = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The worker and the GUI share one GIL. At CPython's default 5 ms switch interval the GUI thread,
        # woken by Qt, queues behind the busy worker (convoy effect): measured stalls of 50-90 ms during a
        # probe. Handing the GIL over every 1 ms brought the longest stall to 26-30 ms (docs/gui.md).
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        self._bridge = _Bridge()
        for name in ("progress", "finished", "failed", "cancelled"):
            getattr(self._bridge, name).connect(getattr(self, name).emit, Qt.ConnectionType.QueuedConnection)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="asyncio-worker", daemon=True)
        self._thread.start()
        self._job = 0
        self._future: concurrent.futures.Future[object] | None = None

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    @property
    def busy(self) -> bool:
        return self._future is not None and not self._future.done()

    def start(self, factory: JobFactory) -> int:
        """Run ``factory(progress_callback)`` on the loop; returns the job number the signals carry.

        A job still running is cancelled first: there is only ever one, so its late result is dropped.
        """
        self.cancel()
        self._job += 1
        job = self._job
        bridge = self._bridge

        def report(event: ProgressEvent) -> None:  # runs on the worker thread
            bridge.progress.emit(job, event)

        async def run() -> object:
            return await factory(report)

        future = asyncio.run_coroutine_threadsafe(run(), self._loop)
        future.add_done_callback(lambda f: self._done(job, f))
        self._future = future
        return job

    def _done(self, job: int, future: concurrent.futures.Future[object]) -> None:  # worker thread
        if future.cancelled():
            self._bridge.cancelled.emit(job)
            return
        exc = future.exception()
        if exc is None:
            self._bridge.finished.emit(job, future.result())
        elif isinstance(exc, AssistantError):
            kind = {2: "input", 3: "domain"}.get(exc.exit_code, "error")
            self._bridge.failed.emit(job, str(exc), kind)
        else:  # a bug in the core: say what broke, never the values involved
            self._bridge.failed.emit(job, type(exc).__name__, "error")

    def cancel(self) -> None:
        """Cancel the running job's asyncio task (thread-safe; the loop delivers CancelledError)."""
        if self._future is not None and not self._future.done():
            self._future.cancel()

    def attach(self, page: Any) -> None:
        """Route all four signals to a page's ``_progress``/``_finished``/``_failed``/``_cancelled`` slots.

        Pages that run jobs filter by job number themselves, so one connection per page serves every run.
        """
        self.progress.connect(page._progress)
        self.finished.connect(page._finished)
        self.failed.connect(page._failed)
        self.cancelled.connect(page._cancelled)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Cancel every task on the loop and wait for them to finish, then stop and join the thread.

        Letting cancelled tasks run their cleanup (closing sockets) before the loop closes keeps a
        superseded discovery from dying half-way with "event loop is closed". Bounded; safe to repeat.
        """
        if not self._thread.is_alive():
            return
        self.cancel()
        drained = asyncio.run_coroutine_threadsafe(_drain(), self._loop)
        try:
            drained.result(timeout)
        except (concurrent.futures.TimeoutError, concurrent.futures.CancelledError):
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)


async def _drain() -> None:
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current]
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
