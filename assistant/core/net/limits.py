"""The run's time limit: its default, its ceiling and its check, light enough for the wizard's first window.

``--timeout`` bounds a whole run (discovery, tests, sign-in together); the per-step bounds inside it live
with the run settings (``core/net/settings.py``), which load after the first window.
"""

from __future__ import annotations

import math

from assistant.core.words.errors import InputError

DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 600.0


def check_timeout(value: object) -> float:
    """``--timeout`` as a number of seconds in (0, MAX_TIMEOUT]; InputError otherwise."""
    try:
        timeout = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{{field}} {value!r}: not a number of seconds", field="timeout") from None
    if not math.isfinite(timeout) or not 0 < timeout <= MAX_TIMEOUT:
        raise InputError(f"{{field}} {timeout:g}: must be more than 0 and at most {MAX_TIMEOUT:g} seconds",
                         field="timeout")
    return timeout
