"""Loading the heavy core modules after the first window is up, on a background thread.

The first page needs only Qt and light modules; discovery, sign-in, the keychain and the profile writers
pull in dnspython, asyncio, cryptography and keyring (~0.25 s of imports). Importing them in the GUI thread
before ``show()`` is what made the wizard slow to appear; importing them in the GUI thread afterwards would
freeze it for that long. So they load on a daemon thread once the event loop runs (Qt keeps painting: the
loop does not need the GIL while it waits), and code about to use one calls ``wait()`` first, so the GUI
thread never races the warm-up through the import machinery (two threads importing modules that import
each other can see a half-initialised module).
"""

from __future__ import annotations

import importlib
import threading

# Qt-free modules only (no Qt class is created off the GUI thread), in the order the pages need them.
HEAVY: tuple[str, ...] = (
    "assistant.core.model.results",
    "assistant.core.net.settings",
    "assistant.core.discovery.presets",
    "assistant.core.advice.recommend",
    "assistant.core.setup.account",
    "asyncio",
    "assistant.core.net.dns",
    "assistant.core.discovery.run",
    "assistant.core.signin.verify",
    "assistant.core.signin.keychain",
    "assistant.core.report.document",
    "assistant.core.profiles",
    "assistant.core.protocols",
)

_lock = threading.Lock()
_thread: threading.Thread | None = None


def _load() -> None:
    for name in HEAVY:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: S112 -- the real import, where the module is used, reports the problem
            continue


def start() -> None:
    """Begin loading in the background (once; later calls do nothing)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_load, name="import-warmup", daemon=True)
            _thread.start()


def wait(timeout: float = 30.0) -> None:
    """Block until a started warm-up has finished (bounded); returns at once if none was started."""
    with _lock:
        thread = _thread
    if thread is not None:
        thread.join(timeout)


def finished() -> bool:
    """Whether a warm-up was started and has loaded everything it will (tests wait for this)."""
    with _lock:
        thread = _thread
    return thread is not None and not thread.is_alive()
