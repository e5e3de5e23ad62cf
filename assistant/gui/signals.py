"""Emitting a Qt signal from Python without breaking the interpreter's reference to ``True``.

Why this exists: PySide6 6.12's ``SignalInstance.emit()`` returns ``True`` without taking a reference to it,
so every ``signal.emit(...)`` made from Python takes one reference from ``True`` away. A discovery run emits a
few hundred signals (progress from the worker, the job relays, "Next" re-checks); when the interpreter tears
down, ``True``'s count reaches zero while objects still hold it and CPython aborts with "Fatal Python error:
bool_dealloc" (exit 134). The failure paths emit the most, which is why closing the app after a non-existent,
silent or plaintext-only domain crashed and a good domain did not.

``emit()`` measures the defect once (one emit of a private signal, the count of ``True`` before and after)
and, only when it is there, gives the references back. With a PySide6 that counts correctly it does nothing
more than ``signal.emit(...)``. The references are repaid in batches (and at exit) rather than one by one:
giving one back needs ``ctypes``, whose import would otherwise sit on the first window's path, and the
interpreter's ``True`` and ``False`` hold thousands of references, so a debt of a few dozen is harmless.
Every ``.emit(`` in ``assistant/gui`` goes through here
(``tests/gui/test_exit.py`` checks both the process exit code and this rule).
"""

from __future__ import annotations

import atexit
import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_lock = threading.Lock()
_borrowed: bool | None = None  # None until measured
_owed: dict[bool, int] = {True: 0, False: 0}  # references emit() took away and we have not repaid yet
PAY_AT = 32


class _Probe(QObject):
    ping = Signal()


def _measure() -> bool:
    """True when ``emit()`` hands out a reference it does not own (majority of five tries: another thread
    may touch ``True`` between two counts). The caller holds the lock."""
    probe = _Probe()
    drops = 0
    for _ in range(5):
        before = sys.getrefcount(True)
        probe.ping.emit()
        if sys.getrefcount(True) - before == -1:
            drops += 1
    if drops >= 3:
        _owed[True] += 5  # the five references the measurement itself took away
    return drops >= 3


def _owe(value: bool, count: int = 1) -> None:
    with _lock:
        _owed[value] += count
        if _owed[value] >= PAY_AT:
            _repay()


def _repay() -> None:
    """Give back every reference owed (caller holds the lock, or the interpreter is exiting)."""
    import ctypes
    for value, count in _owed.items():
        for _ in range(count):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))
        _owed[value] = 0


def owed() -> int:
    """How many references are waiting to be repaid (for the tests)."""
    return sum(_owed.values())


@atexit.register
def _repay_at_exit() -> None:
    with _lock:
        _repay()


def borrowed() -> bool:
    """Whether this PySide6 returns a borrowed bool from ``emit()`` (measured on first use)."""
    global _borrowed
    if _borrowed is None:
        with _lock:
            if _borrowed is None:
                _borrowed = _measure()
    return _borrowed


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, keeping ``True``/``False`` reference counts right on every PySide6."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # the stubs say None; it is a bool
    if isinstance(result, bool) and borrowed():
        _owe(result)
