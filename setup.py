"""Build hooks pyproject.toml cannot express: ship ``resources/`` inside the wheel, with compiled ``.qm``.

``resources/`` stays at the top of the source tree (the PyInstaller spec and a source checkout read it there);
a wheel carries it as the data-only package ``assistant.resources_data`` (read by ``assistant.resources``).
Translations are committed as Qt Linguist ``.ts`` sources, so building a wheel compiles them with PySide6's
``lrelease`` (a build requirement): an installed app must never start untranslated.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_PACKAGE = "assistant.resources_data"


def lrelease() -> list[str]:
    """PySide6's own lrelease binary (PySide6-Essentials ships it beside the package)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        for name in ("lrelease", "lrelease.exe"):
            exe = Path(spec.origin).parent / name
            if exe.is_file():
                return [str(exe)]
    raise SystemExit("setup.py: PySide6's lrelease was not found; the wheel's translations need "
                     "PySide6-Essentials in the build environment (it is in [build-system] requires)")


class BuildPyWithCatalogues(build_py):
    """``build_py`` plus ``resources/translations/*.ts`` → ``.qm`` in the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # a source tree compiles its catalogues at start-up (assistant.gui.i18n)
        out = Path(self.build_lib, *DATA_PACKAGE.split("."), "translations")
        out.mkdir(parents=True, exist_ok=True)
        sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
        if not sources:
            raise SystemExit("setup.py: no .ts catalogue in resources/translations")
        for ts in sources:
            qm = out / ts.with_suffix(".qm").name
            subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
            if not qm.is_file() or qm.stat().st_size < 64:
                raise SystemExit(f"setup.py: lrelease built no usable {qm.name}")


# Each resources/ folder is a data-only package of its own (setuptools treats every folder as one).
DATA = {f"{DATA_PACKAGE}.schemas": ["*.json"], f"{DATA_PACKAGE}.data": ["*.json"],
        f"{DATA_PACKAGE}.icons": ["*.svg"], f"{DATA_PACKAGE}.translations": ["*.qm"]}

setup(
    packages=[*find_packages(include=["assistant", "assistant.*"]), DATA_PACKAGE, *DATA],
    package_dir={DATA_PACKAGE: "resources"},
    package_data={"assistant": ["py.typed"], **DATA},
    exclude_package_data={f"{DATA_PACKAGE}.translations": ["*.ts"]},
    cmdclass={"build_py": BuildPyWithCatalogues},
)
