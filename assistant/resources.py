"""Where bundled files (icons, translations, schemas) live: the source tree or a PyInstaller bundle.

A frozen app unpacks data next to the executable (``sys._MEIPASS``); a source checkout keeps them in the
top-level ``resources/`` folder. Everything that reads a resource asks here, so both layouts work.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder holding ``icons/``, ``translations/`` and ``schemas/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def path(*parts: str) -> Path:
    """A resource by its path below ``resources/`` (it may not exist; callers check)."""
    return root().joinpath(*parts)
