"""One asyncio event loop in one worker thread; each job reports to its own page through queued signals.

The core is asyncio (sockets and TLS), which ``QtAsyncio`` cannot drive, so the GUI keeps a plain loop in a
background thread and hands it coroutines. Starting work returns a ``Job`` with its own signals: a page
connects to the job it started and to nothing else, so a late result of a cancelled or superseded job
simply has no listener. Widgets are never touched from the worker thread: a job's signals are emitted
there and delivered by Qt on the GUI thread (queued connections).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from assistant.core.model.progress import ProgressEvent
from assistant.core.words.errors import AssistantError
from assistant.gui.signals import emit

JobFactory = Callable[[Callable[[ProgressEvent], None]], Coroutine[Any, Any, object]]


class _Bridge(QObject):
    """Emitted from the worker thread; connected with queued connections to the job's own signals.

    ``failed`` carries the error itself (or a bug's class name): it is put into words on the GUI thread,
    in the interface language (``gui/text.py:error_text``).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class Job(QObject):
    """One piece of background work. Signals (always on the GUI thread): ``progress(ProgressEvent)``,
    ``finished(result)``, ``failed(message, kind)`` where kind is "input", "domain" or "error", and
    ``cancelled()``. Exactly one of the last three arrives, unless the job was ``detach``ed first.
    ``message`` is already in the interface language; ``error`` keeps the core's error (its ``code`` and
    ``params``, e.g. ``nxdomain``) for a page that wants to react to what went wrong."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()  # owned by Python: the page that started it and the worker hold it
        self._bridge = _Bridge()
        self._detached = False
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.progress.connect(self._relay_progress, queued)
        self._bridge.finished.connect(self._relay_finished, queued)
        self._bridge.failed.connect(self._relay_failed, queued)
        self._bridge.cancelled.connect(self._relay_cancelled, queued)
        self.future: concurrent.futures.Future[object] | None = None
        self.error: AssistantError | None = None

    # Relays on the GUI thread: a signal already queued when the job was detached is dropped here.
    def _relay_progress(self, event: object) -> None:
        if not self._detached:
            emit(self.progress, event)

    def _relay_finished(self, result: object) -> None:
        if not self._detached:
            emit(self.finished, result)

    def _relay_failed(self, error: object, kind: str) -> None:
        if self._detached:
            return
        if isinstance(error, AssistantError):
            from assistant.gui.text import error_text
            self.error = error
            emit(self.failed, error_text(error), kind)
        else:
            emit(self.failed, str(error), kind)

    def _relay_cancelled(self) -> None:
        if not self._detached:
            emit(self.cancelled)

    @property
    def running(self) -> bool:
        return self.future is not None and not self.future.done()

    def cancel(self) -> None:
        """Cancel the job's asyncio task (thread-safe; its ``cancelled`` signal follows)."""
        if self.future is not None and not self.future.done():
            self.future.cancel()

    def detach(self) -> None:
        """Cancel it and silence it: nothing it reports from now on reaches anyone."""
        self._detached = True
        self.cancel()

    def _done(self, future: concurrent.futures.Future[object]) -> None:  # worker thread
        bridge = self._bridge
        if future.cancelled():
            emit(bridge.cancelled)
            return
        exc = future.exception()
        if exc is None:
            emit(bridge.finished, future.result())
        elif isinstance(exc, AssistantError):
            kind = {2: "input", 3: "domain"}.get(exc.exit_code, "error")
            emit(bridge.failed, exc, kind)
        else:  # a bug in the core: say what broke, never the values involved
            emit(bridge.failed, type(exc).__name__, "error")


GIL_SWITCH_INTERVAL = 0.001  # seconds; see AsyncWorker.__init__


class AsyncWorker(QObject):
    """Runs coroutines on a private asyncio loop, one job at a time (starting one cancels the last)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The worker and the GUI share one GIL. At CPython's default 5 ms switch interval the GUI thread,
        # woken by Qt, queues behind the busy worker (convoy effect): measured stalls of 50-90 ms during a
        # probe. Handing the GIL over every 1 ms brought the longest stall to 26-30 ms (docs/gui.md).
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="asyncio-worker", daemon=True)
        self._thread.start()
        self._job: Job | None = None

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    @property
    def current(self) -> Job | None:
        """The last job started (running or not)."""
        return self._job

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def start(self, factory: JobFactory) -> Job:
        """Run ``factory(progress_callback)`` on the loop and return its Job (connect to it at once: its
        signals are queued, so none is delivered before control returns to the event loop)."""
        self.cancel()
        job = Job()
        bridge = job._bridge

        def report(event: ProgressEvent) -> None:  # runs on the worker thread
            emit(bridge.progress, event)

        async def run() -> object:
            return await factory(report)

        job.future = asyncio.run_coroutine_threadsafe(run(), self._loop)
        job.future.add_done_callback(job._done)
        self._job = job
        return job

    def cancel(self) -> None:
        """Cancel the running job, if any (thread-safe; the loop delivers CancelledError)."""
        if self._job is not None:
            self._job.cancel()

    def shutdown(self, timeout: float = 5.0) -> None:
        """Cancel every task on the loop and wait for them to finish, then stop and join the thread.

        Letting cancelled tasks run their cleanup (closing sockets) before the loop closes keeps a
        superseded discovery from dying half-way with "event loop is closed". Bounded; safe to repeat.
        """
        if not self._thread.is_alive():
            return
        if self._job is not None:
            self._job.detach()  # no signal may reach a page that is being torn down
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
