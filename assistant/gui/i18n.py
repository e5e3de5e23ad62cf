"""Languages: choosing one, building the ``.qm`` catalogues from the ``.ts`` sources, installing translators.

``.qm`` files are build output (not committed): ``build_catalogues()`` runs PySide6's ``lrelease`` when a
``.ts`` is newer than its ``.qm``; the app calls it at start-up from a source tree, and the frozen build
ships the ``.qm`` already built. Qt's own ``qtbase_<lang>.qm`` is loaded too so Back / Next / Cancel and the
file dialogs speak the same language.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant import resources

# Code → the language's own name (shown in the language menu untranslated, as is customary).
LANGUAGES: dict[str, str] = {"en": "English", "zh_TW": "繁體中文（台灣）"}
CATALOGUE = "assistant"


def pick(override: str | None, saved: str | None, system: QLocale | None = None) -> str:
    """``--lang`` wins, then the saved preference, then the system locale; English as a fallback."""
    for choice in (override, saved):
        if choice:
            norm = normalise(choice)
            if norm:
                return norm
    loc = system or QLocale.system()
    name = loc.name()  # e.g. zh_TW, zh_HK, en_US
    if name.startswith("zh") and (loc.script() == QLocale.Script.TraditionalHanScript
                                  or name in ("zh_TW", "zh_HK", "zh_MO")):
        return "zh_TW"
    return "en"


def normalise(text: str) -> str | None:
    """``zh-tw``, ``zh_TW.UTF-8``, ``zh-Hant`` → ``zh_TW``; ``en*`` → ``en``; unknown → None."""
    t = text.strip().replace("-", "_").split(".")[0].lower()
    if t in ("zh_tw", "zh_hant", "zh_hant_tw", "zh_hk", "zh_mo"):
        return "zh_TW"
    if t == "en" or t.startswith("en_") or t in ("c", "posix"):
        return "en"
    return None


def ts_file(lang: str) -> Path:
    return resources.path("translations", f"{CATALOGUE}_{lang}.ts")


def _lrelease() -> list[str] | None:
    import shutil
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def build_catalogues(force: bool = False) -> list[Path]:
    """Compile every outdated ``.ts`` under ``resources/translations`` into ``.qm``; returns what it built.

    Silent when the tool is missing (a frozen bundle already carries its ``.qm``); bounded by a timeout.
    """
    built: list[Path] = []
    tool = _lrelease()
    folder = resources.path("translations")
    if tool is None or not folder.is_dir():
        return built
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        import subprocess  # only when there is something to build: not on every start-up
        try:
            subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except (OSError, subprocess.SubprocessError):
            continue
        built.append(qm)
    return built


_installed: list[QTranslator] = []


def install(app: QCoreApplication, lang: str) -> bool:
    """Replace the installed translators with ``lang``'s (ours and Qt's); True when ours loaded."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        return True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    ok = ours.load(str(resources.path("translations", f"{CATALOGUE}_{lang}.qm")))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    return ok
