"""Pruning PyInstaller's tables: Qt plugins and translations the app never loads, and the libraries that
only those needed. Pure functions over (dest, source, typecode) entries, so they are tested without a build.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

SHIPPED_LANGUAGES = ("en", "zh_TW")  # English needs no catalog; the others get Qt's qtbase_<lang>.qm

# Qt plugin folders the app uses; each maps to the plugin file stems kept (None = keep the whole folder).
# Everything else under plugins/ (eglfs, evdev, network information, TLS, SQL, QML tooling, the Wayland
# compositor side, virtual keyboard...) is dropped together with libraries only those plugins needed.
KEPT_PLUGINS: dict[str, re.Pattern[str] | None] = {
    "platforms": re.compile(r"^(lib)?q(xcb|wayland.*|offscreen|windows|cocoa)$"),
    "platformthemes": None,
    "platforminputcontexts": re.compile(r"^lib(compose|ibus)platforminputcontextplugin$"),
    "imageformats": re.compile(r"^(lib)?q(svg|ico)$"),
    "iconengines": None,
    "styles": None,
    "printsupport": None,  # the setup sheet's print dialog (QtPrintSupport)
    "wayland-shell-integration": re.compile(r"^libxdg-shell$"),
    "wayland-decoration-client": None,
}


_QT_PART = re.compile(r"^PySide6/(?:Qt/)?(plugins|translations)/(.+)$")


def qt_file_dropped(dest: str) -> bool:
    """Whether a bundled Qt plugin or translation is one the app never loads."""
    m = _QT_PART.match(PurePosixPath(dest.replace("\\", "/")).as_posix())
    if not m:
        return False
    kind, rest = m.groups()
    if kind == "translations":
        wanted = {f"qtbase_{lang}.qm" for lang in SHIPPED_LANGUAGES if lang != "en"}
        return rest not in wanted
    folder, _, filename = rest.partition("/")
    if folder not in KEPT_PLUGINS:
        return True
    pattern = KEPT_PLUGINS[folder]
    stem = filename.split(".")[0]
    return pattern is not None and not pattern.match(stem)


TocEntry = tuple[str, str, str]

# Plugins kept whose own dependencies are not bundled: the GTK theme plugin can only load where GTK 3 is
# installed, and GTK brings cairo, pango, gdk-pixbuf... itself; the CUPS print plugin needs the system's
# CUPS client to reach any printer anyway (without it, the print dialog offers "Print to PDF" only).
SHED_DEPENDENCIES = re.compile(
    r"^PySide6/(?:Qt/)?plugins/(platformthemes/(lib)?qgtk3|printsupport/(lib)?cupsprintersupport)\.")

# System libraries never bundled (Linux): the font stack must match the system's own font configuration
# (a bundled fontconfig cannot read a newer distribution's config files), so it comes from the system, as
# AppImage's exclude list also does.
SYSTEM_LIBRARIES = re.compile(r"^lib(fontconfig|freetype)\.so")


def dropped_from_bundle(dest: str) -> bool:
    """Qt files the app never loads, and system libraries that must come from the system."""
    return qt_file_dropped(dest) or bool(SYSTEM_LIBRARIES.match(_base(dest)))


def shed_dependencies(dest: str) -> bool:
    return bool(SHED_DEPENDENCIES.match(dest.replace("\\", "/")))


def direct_imports(path: str) -> list[str]:
    """The libraries a binary links to directly (ELF DT_NEEDED via objdump; PyInstaller's reader elsewhere).

    ldd would list indirect ones too, which hides that a library was only needed through a dropped one.
    """
    if sys.platform.startswith("linux"):
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, timeout=60)
        if out.returncode == 0:
            return [ln.split()[1] for ln in out.stdout.splitlines() if ln.strip().startswith("NEEDED")]
    from PyInstaller.depend import bindepend  # type: ignore[import-untyped]

    return [name for name, _ in bindepend.get_imports(path)]


def _base(dest: str) -> str:
    return PurePosixPath(dest.replace("\\", "/")).name


def prune_binaries(binaries: Sequence[TocEntry], drop: Callable[[str], bool],
                   imports: Callable[[str], Iterable[str]],
                   shed: Callable[[str], bool] = lambda _d: False) -> tuple[list[TocEntry], list[TocEntry]]:
    """Drop the chosen entries and the shared libraries that only they (or ``shed`` entries) needed.

    A library is removed only if something dropped or shed links to it and nothing kept does (directly or
    through other kept libraries), so libraries a hook added for dlopen() stay.
    """
    files = [e for e in binaries if e[2] != "SYMLINK"]
    by_name = {_base(e[0]): e for e in files}

    roots = [e for e in files if drop(e[0])]
    root_names = {_base(e[0]) for e in roots}

    def closure(start: Iterable[TocEntry]) -> set[str]:
        """Everything reachable from ``start`` without passing through a dropped file."""
        seen: set[str] = set()
        todo = [e[1] for e in start]
        while todo:
            for name in imports(todo.pop()):
                base = _base(name)
                if base in by_name and base not in seen and base not in root_names:
                    seen.add(base)
                    todo.append(by_name[base][1])
        return seen

    candidates = closure([*roots, *(e for e in files if shed(e[0]))])
    kept_start = [e for e in files
                  if not drop(e[0]) and not shed(e[0]) and _base(e[0]) not in candidates]
    needed = closure(kept_start)
    gone = root_names | (candidates - needed)
    kept = [e for e in files if _base(e[0]) not in gone]
    dropped = [e for e in files if _base(e[0]) in gone]
    removed = {PurePosixPath(e[0].replace("\\", "/")).as_posix() for e in dropped}
    kept += [e for e in binaries if e[2] == "SYMLINK" and not symlink_dangles(e, removed)]
    return kept, dropped


def symlink_dangles(entry: TocEntry, removed: set[str]) -> bool:
    """Whether a SYMLINK table entry (dest, target relative to dest's folder) points at a removed file."""
    dest = PurePosixPath(entry[0].replace("\\", "/"))
    target = posixpath.normpath((dest.parent / entry[1].replace("\\", "/")).as_posix())
    return PurePosixPath(target).as_posix() in removed
