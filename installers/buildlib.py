"""Build-time helpers for build.spec, installers/build.py and the tests (no PySide6 import at module level).

Generated artifacts (icons, the Windows version resource, the NSIS file lists, .qm catalogs) are produced
here at build time from sources in the tree, so no generated binary is ever committed.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "Mail Setup Assistant"
APP_ID = "org.mailsetupassistant.MailSetupAssistant"
GUI_EXE = "mail-setup-assistant"          # the windowed program (the .app's executable on macOS)
CONSOLE_EXE = "mail-setup-assistant-cli"  # the console twin for support logs (Windows only)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)

def project_version(root: Path = ROOT) -> str:
    """The one version number, from pyproject.toml, so the bundle and installers never disagree."""
    with (root / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``1.2.3rc1`` → (1, 2, 3, 0): Windows version resources and NSIS want four small integers."""
    nums = [int(m) for m in re.findall(r"\d+", version.split("+")[0].split("rc")[0].split("a")[0])[:4]]
    nums += [0] * (4 - len(nums))
    if any(n > 65535 for n in nums):
        raise ValueError(f"version {version!r}: parts must be at most 65535 for Windows")
    return nums[0], nums[1], nums[2], nums[3]


def windows_version_info(version: str) -> str:
    """The text PyInstaller's EXE(version=...) reads: file/product version and names for Explorer's tab."""
    v = version_tuple(version)
    strings = {
        "CompanyName": "The Mail Setup Assistant developers",
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": GUI_EXE,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{GUI_EXE}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {val!r})" for k, val in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"          {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n"
    )


def find_icon_source(root: Path = ROOT) -> Path | None:
    """The one SVG the icons come from: resources/icons/mail-setup-assistant.svg, else the only SVG there."""
    icons = root / "resources" / "icons"
    preferred = icons / "mail-setup-assistant.svg"
    if preferred.is_file():
        return preferred
    svgs = sorted(icons.glob("*.svg"))
    return svgs[0] if svgs else None


@dataclass(frozen=True)
class Icons:
    png: Path
    ico: Path
    icns: Path


def render_icons(svg: Path, out: Path) -> Icons:
    """Render the SVG with Qt in a child process (keeps Qt out of PyInstaller's) and pack .ico/.icns."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(Path(__file__)), "render-png", str(svg), str(out)],
                   check=True, env=env, timeout=120)
    pngs = {n: (out / f"icon-{n}.png").read_bytes() for n in PNG_SIZES}
    icons = Icons(out / "icon-256.png", out / "app.ico", out / "app.icns")
    icons.ico.write_bytes(pack_ico({n: pngs[n] for n in PNG_SIZES if n <= 256}))
    icns_types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09",
                  1024: b"ic10"}
    icons.icns.write_bytes(pack_icns({icns_types[n]: pngs[n] for n in icns_types}))
    return icons


def pack_ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG images (valid since Windows Vista), smallest first."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for n in sizes:
        data = pngs[n]
        dim = 0 if n >= 256 else n
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def pack_icns(entries: dict[bytes, bytes]) -> bytes:
    """An .icns of PNG-compressed entries (OSType + big-endian length including the 8-byte header)."""
    body = b"".join(kind + struct.pack(">I", len(data) + 8) + data for kind, data in entries.items())
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def _render_png(svg: Path, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG image")
    for n in PNG_SIZES:
        image = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(out / f"icon-{n}.png")):  # format from the suffix
            raise SystemExit(f"{out}: cannot write icon-{n}.png")
    del app


def compile_translations(root: Path = ROOT) -> list[Path]:
    """resources/translations/*.ts → .qm through the app's own step (assistant.gui.i18n.build_catalogues),
    run in a child process; then insist every catalog exists and is newer than its source."""
    code = "from assistant.gui.i18n import build_catalogues; build_catalogues()"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env, timeout=300)
    made = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime or qm.stat().st_size < 64:
            raise RuntimeError(f"{ts.name}: no up-to-date .qm was built (is pyside6-lrelease installed?)")
        made.append(qm)
    return made


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination folder) pairs for every shipped file under resources/ (not the .ts sources)."""
    res = root / "resources"
    pairs = []
    for path in sorted(res.rglob("*")):
        if path.is_file() and path.suffix not in {".ts", ".pro"} and not path.name.startswith("."):
            pairs.append((str(path), str(Path("resources") / path.parent.relative_to(res))))
    return pairs


def runtime_distributions(root_dist: str = "mail-setup-assistant") -> list[str]:
    """The installed distributions the app needs at run time (its requirements, recursively, no extras)."""
    from importlib import metadata

    from packaging.requirements import Requirement

    seen: dict[str, str] = {}
    todo = [root_dist]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return sorted((v for k, v in seen.items() if k != root_dist), key=str.lower)


_LICENSE_NAMES = ("LICENSE", "LICENCE", "COPYING", "NOTICE")
_NO_LICENSE_FILE = {  # wheels that ship no licence text of their own
    "pyside6-essentials": "LGPL-3.0-only (Qt for Python). Qt's libraries are the separate, replaceable files "
                          "under _internal/PySide6/Qt/lib; their source is at https://code.qt.io.",
    "shiboken6": "LGPL-3.0-only (Qt for Python's binding generator runtime); source at https://code.qt.io.",
}


def third_party_notices(out: Path) -> list[tuple[str, str]]:
    """THIRD-PARTY-NOTICES.txt plus each bundled distribution's licence files, as (source, dest) datas."""
    from importlib import metadata

    out.mkdir(parents=True, exist_ok=True)
    lines = [f"{APP_NAME} includes the following software. Licence texts are in the licenses/ folder.", ""]
    pairs: list[tuple[str, str]] = []
    python_license = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / \
        "LICENSE.txt"
    lines.append(f"Python {sys.version.split()[0]} — PSF-2.0")
    if python_license.is_file():
        pairs.append((str(python_license), "licenses/Python"))
    for name in runtime_distributions():
        dist = metadata.distribution(name)
        meta = dist.metadata
        expression = meta.get_all("License-Expression") or []
        classic = [ln for v in meta.get_all("License") or [] for ln in str(v).splitlines()[:1] if ln.strip()]
        text = str((expression or classic or ["see licence file"])[0])
        lines.append(f"{name} {dist.version} — {text}")
        files = [f for f in dist.files or [] if f.name.upper().startswith(_LICENSE_NAMES)]
        for f in files:
            pairs.append((str(f.locate()), f"licenses/{name}"))
        canonical = re.sub(r"[-_.]+", "-", name).lower()
        if not files and canonical in _NO_LICENSE_FILE:
            lines.append(f"    {_NO_LICENSE_FILE[canonical]}")
    notices = out / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(str(notices), "."), *pairs]


# ----- NSIS file lists ------------------------------------------------------------------------------

def _nsis_check(text: str) -> str:
    """A compile-time path (File): NSIS takes it literally, except quotes and ``${`` defines."""
    if '"' in text or "\n" in text or "${" in text:
        raise ValueError(f"{text!r}: cannot be named in an NSIS script")
    return text


def _nsis_quote(text: str) -> str:
    """A run-time path (SetOutPath, Delete, RMDir): ``$`` starts a variable there, so it is doubled."""
    return _nsis_check(text).replace("$", "$$")


def nsis_file_lists(bundle: Path) -> str:
    """Install and uninstall macros naming every file of the bundle, so the uninstaller deletes exactly
    what was installed and removes folders only when empty (never a recursive delete)."""
    files = sorted(p for p in bundle.rglob("*") if p.is_file() or p.is_symlink())
    if not files:
        raise ValueError(f"{bundle}: no files to install")
    lines = ["; Generated by installers/buildlib.py from the bundle; do not edit.", "",
             "!macro MSA_INSTALL_FILES"]
    current: str | None = None
    for path in files:
        rel = path.relative_to(bundle)
        folder = "\\".join(rel.parent.parts)
        if folder != current:
            suffix = "\\" + _nsis_quote(folder) if folder else ""
            lines.append(f'  SetOutPath "$INSTDIR{suffix}"')
            current = folder
        lines.append(f'  File "{_nsis_check(path.resolve().as_posix())}"')
    lines += ['  SetOutPath "$INSTDIR"', "!macroend", "", "!macro MSA_UNINSTALL_FILES"]
    for path in files:
        lines.append(f'  Delete "$INSTDIR\\{_nsis_quote(chr(92).join(path.relative_to(bundle).parts))}"')
    folders = {p.relative_to(bundle) for p in bundle.rglob("*") if p.is_dir() and not p.is_symlink()}
    for folder_path in sorted(folders, key=lambda p: (-len(p.parts), str(p))):
        lines.append(f'  RMDir "$INSTDIR\\{_nsis_quote(chr(92).join(folder_path.parts))}"')
    lines += ["!macroend", ""]
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """Small command line for the pieces the spec runs in a child process."""
    if len(argv) == 3 and argv[0] == "render-png":
        _render_png(Path(argv[1]), Path(argv[2]))
        return 0
    print("usage: buildlib.py render-png SVG OUTDIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
