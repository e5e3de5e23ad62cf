"""Progress events: what a front end can show live while discovery or a sign-in runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressEvent:
    """A step the GUI and the readable report can show live: a source or an endpoint changed state.

    ``kind`` is "source" or "endpoint"; ``state`` is "started", "done" or "failed"; ``label`` is short
    English text ("SRV records", "imap.example.com:993 (SSL)"); ``detail`` optional. ``key`` is stable and
    never shown: a source's name ("srv") or an endpoint's ``vocabulary.endpoint_key``, so a front end keys
    its rows and translations by it, never by the English label.
    """

    kind: str
    label: str
    state: str
    detail: str | None = None
    elapsed_ms: int = 0
    key: str = ""


ProgressCallback = Callable[[ProgressEvent], None]
