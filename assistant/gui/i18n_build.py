"""Translation build steps: ``python -m assistant.gui.i18n_build update|build|fill LANG FILE.json``.

``update`` runs PySide6's lupdate over every Python file of the GUI *and the core* (whose sentence templates
are marked with ``QT_TRANSLATE_NOOP``) into ``resources/translations/*.ts``, keeping existing translations
and dropping vanished ones. ``build`` compiles the ``.ts`` into ``.qm`` (build output, never committed).
``fill`` writes translations for the unfinished entries from a JSON file ``{context: {source: text}}``
without Qt Linguist, touching nothing else in the ``.ts``.
"""

from __future__ import annotations

import html
import json
import re
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


_ENTRY = re.compile(r'<name>([^<]*)</name>|(<source>([^<]*)</source>(\s*(?:<comment>[^<]*</comment>\s*)?)'
                    r'<translation type="unfinished">[^<]*</translation>)')


def fill(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Give the unfinished entries of ``ts`` found in ``table`` their translation; returns how many."""
    text = ts.read_text(encoding="utf-8")
    out: list[str] = []
    pos, context, filled = 0, "", 0
    for m in _ENTRY.finditer(text):
        if m.group(1) is not None:
            context = html.unescape(m.group(1))
            continue
        translation = table.get(context, {}).get(html.unescape(m.group(3)))
        if translation is None:
            continue
        out += [text[pos:m.start(2)], f"<source>{m.group(3)}</source>{m.group(4)}"
                f"<translation>{html.escape(translation, quote=False)}</translation>"]
        pos, filled = m.end(2), filled + 1
    out.append(text[pos:])
    tmp = ts.with_name(ts.name + ".tmp")
    tmp.write_text("".join(out), encoding="utf-8")
    tmp.replace(ts)
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        for ts in update():
            print(ts)
        return 0
    if argv[:1] == ["build"]:
        for qm in i18n.build_catalogues(force=True):
            print(qm)
        return 0
    if argv[:1] == ["fill"] and len(argv) == 3 and argv[1] in i18n.LANGUAGES:
        table = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(i18n.ts_file(argv[1]), table)} filled in {i18n.ts_file(argv[1])}")
        return 0
    print("usage: python -m assistant.gui.i18n_build update|build|fill LANG FILE.json", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
