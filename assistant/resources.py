"""Where bundled files (icons, translations, schemas) live: a PyInstaller bundle, a wheel, or the source tree.

A frozen app unpacks data next to the executable (``sys._MEIPASS``); an installed wheel carries them as the
data-only package ``assistant.resources_data`` (setup.py maps the top-level ``resources/`` folder to it and
compiles the ``.qm`` catalogues); a source checkout or editable install reads ``resources/`` in place.
Everything that reads a resource asks here, so all three layouts work. Pip always unpacks wheels onto the
file system, so a plain path is enough (Qt's loaders want file names, not importlib readers).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def root() -> Path:
    """The folder holding ``icons/``, ``translations/`` and ``schemas/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    installed = _PACKAGE / "resources_data"  # an installed wheel; never guess at site-packages/resources
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def path(*parts: str) -> Path:
    """A resource by its path below ``resources/`` (it may not exist; callers check)."""
    return root().joinpath(*parts)
