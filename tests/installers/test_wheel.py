"""A normal ``pip install`` is complete: the wheel carries ``resources/`` (schemas, icon, translations).

The wheel is built from a copy of the source tree by pip (with build isolation, as any installer does),
installed into a fresh virtualenv (its dependencies come from the package index), and that installation
must pass ``--self-test`` and open the wizard on an X server (Xvfb) with its title in Traditional Chinese.
"""

from __future__ import annotations

import ctypes
import os
import select
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.bundle.run import MAP_NOTIFY, Xvfb

REPO = Path(__file__).resolve().parents[2]
SOURCES = ["assistant", "resources", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"]
ZH_TITLE = "郵件設定助理"  # "Mail Setup Assistant" in resources/translations/assistant_zh_TW.ts

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@dataclass
class Installed:
    wheel: Path
    exe: Path
    home: Path


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=400, **kw)  # type: ignore[call-overload]
    if out.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}", pytrace=False)
    return out  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"
    src.mkdir()
    for name in SOURCES:
        item = REPO / name
        if item.is_dir():
            shutil.copytree(item, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.qm", "*.pyc"))
        else:
            shutil.copy2(item, src / name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(src)])
    [wheel] = sorted((root / "dist").glob("mail_setup_assistant-*.whl"))
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])  # fresh: no system or test-venv site-packages
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], cwd=root)
    home = root / "home"
    home.mkdir()
    return Installed(wheel, venv / "bin" / "mail-setup-assistant", home)


def _env(inst: Installed, **extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "DISPLAY")}
    return {**keep, "HOME": str(inst.home), "XDG_CONFIG_HOME": str(inst.home / ".config"), **extra}


def test_wheel_ships_resources_with_compiled_translations(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    data = [n for n in names if n.startswith("assistant/resources_data/")]
    for wanted in ("schemas/probe.schema.json", "schemas/preset.schema.json", "schemas/report.schema.json",
                   "schemas/recommend.schema.json", "schemas/providers.schema.json", "data/providers.json",
                   "icons/mail-setup-assistant.svg",
                   "translations/assistant_zh_TW.qm"):
        assert f"assistant/resources_data/{wanted}" in data, f"{wanted} is not in the wheel: {data}"
    assert not [n for n in names if n.endswith(".ts")], "the .ts sources are not shipped, only the .qm"


def test_installed_wheel_passes_its_self_test(installed: Installed, tmp_path: Path) -> None:
    out = subprocess.run([str(installed.exe), "--self-test"], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path, env=_env(installed, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "FAIL" not in out.stdout
    assert "site-packages/assistant/resources_data/schemas" in out.stdout  # not the source tree's
    assert "assistant_zh_TW.qm loaded" in out.stdout


class TitleWatcher(Xvfb):
    """Xvfb plus reading ``_NET_WM_NAME`` (UTF-8) of the windows a process maps."""

    def __init__(self) -> None:
        super().__init__()
        x = self.x
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte))]
        x.XFree.argtypes = [ctypes.c_void_p]
        self.net_wm_name = x.XInternAtom(self.dpy, b"_NET_WM_NAME", 0)

    def title(self, window: int) -> str:
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self.x.XGetWindowProperty(self.dpy, window, self.net_wm_name, 0, 1024, 0, 0,
                                           ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count),
                                           ctypes.byref(after), ctypes.byref(data))
        if status != 0 or not data:
            return ""
        try:
            return bytes(data[: count.value]).decode("utf-8", "replace")
        finally:
            self.x.XFree(data)

    def mapped_titles(self, proc: subprocess.Popen[bytes], wanted: str, timeout: float) -> Iterator[str]:
        """Titles of the windows mapped until one reads ``wanted`` (or the time is up)."""
        event = (ctypes.c_long * 24)()
        windows: list[int] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                if ctypes.cast(event, ctypes.POINTER(ctypes.c_int))[0] == MAP_NOTIFY:
                    windows.append(event[5])  # XMapEvent.window
            for w in windows:
                name = self.title(w)
                yield name
                if name == wanted:
                    return
            select.select([self.fd], [], [], 0.2)


def test_installed_wheel_opens_the_wizard_in_zh_tw(installed: Installed, tmp_path: Path) -> None:
    xvfb = TitleWatcher()
    proc = subprocess.Popen([str(installed.exe), "gui", "--lang", "zh_TW"], cwd=tmp_path,
                            env=_env(installed, DISPLAY=xvfb.display, QT_QPA_PLATFORM="xcb"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        titles = set(xvfb.mapped_titles(proc, ZH_TITLE, timeout=60))
        running = proc.poll() is None
    finally:
        proc.terminate()
        try:
            output = proc.communicate(timeout=10)[0].decode(errors="replace")
        except subprocess.TimeoutExpired:
            proc.kill()
            output = proc.communicate(timeout=10)[0].decode(errors="replace")
        xvfb.stop()
    assert running, f"the wizard exited early:\n{output}"
    assert ZH_TITLE in titles, f"no window titled {ZH_TITLE!r} (saw {sorted(titles)}):\n{output}"
