"""Translation build steps: ``python -m assistant.gui.i18n_build update|build``.

``update`` runs PySide6's lupdate over every Python file of the GUI *and the core* (whose sentence templates
are marked with ``QT_TRANSLATE_NOOP``) into ``resources/translations/*.ts``, keeping existing translations
and dropping vanished ones. ``build`` compiles the ``.ts`` into ``.qm`` (build output, never committed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assistant import resources
from assistant.gui import i18n

PACKAGE = Path(__file__).resolve().parents[1]


def sources() -> list[Path]:
    """Every Python file whose strings may be shown: the GUI and the Qt-free core."""
    return sorted(p for sub in ("gui", "core") for p in (PACKAGE / sub).rglob("*.py"))


def update() -> list[Path]:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    out = [i18n.ts_file(lang) for lang in i18n.LANGUAGES if lang != "en"]
    resources.path("translations").mkdir(parents=True, exist_ok=True)
    subprocess.run([str(exe), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, sources()), "-ts", *map(str, out)], check=True, timeout=300)
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        for ts in update():
            print(ts)
        return 0
    if argv[:1] == ["build"]:
        for qm in i18n.build_catalogues(force=True):
            print(qm)
        return 0
    print("usage: python -m assistant.gui.i18n_build update|build", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
