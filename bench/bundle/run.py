"""Bundle benchmark: our frozen app against a bare PySide6 QWizard app, built in the same run.

    .venv/bin/python bench/bundle/run.py [--runs 7] [--out DIR]

Builds three one-folder bundles with the same PyInstaller, Python and Qt, all through build.spec so the
base settings (onedir, upx=False, console flags) are identical:
  * ours        — build.spec as shipped (Qt plugins/translations pruned, strip on Linux)
  * bare-naive  — the bare app with PyInstaller's defaults (no excludes, no pruning, no strip): the
                  reference ("a naive build")
  * bare-excludes — the bare app with our module excludes only (what excludes alone save)
  * bare-tuned  — the bare app with our excludes, pruning and strip, to show what the app itself adds
Then measures size on disk and start-up to the first window mapped on an X server (Xvfb, no window
manager): the time from spawning the process to the X server's MapNotify for its first top-level window,
seen through Xlib on the root window. Every process is started fresh; the page cache is warm after the
first run (dropping it would disturb the other work on this machine). Targets: size ≤ 0.8× bare-naive,
start-up ≤ 1.3× bare-naive.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BARE = Path(__file__).resolve().parent / "bare_app.py"
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


def build(kind: str, dist: Path, work: Path) -> tuple[Path, float]:
    bare = ["--", "--bare", str(BARE), "bare"]
    spec_args = {"ours": [], "bare-naive": [*bare, "--no-prune", "--no-excludes"],
                 "bare-excludes": [*bare, "--no-prune"], "bare-tuned": bare}[kind]
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(dist / kind), "--workpath", str(work / kind), str(REPO / "build.spec"),
                    *spec_args], check=True, timeout=1800)
    seconds = time.perf_counter() - start
    return executable(kind, dist), seconds


def executable(kind: str, dist: Path) -> Path:
    folder = dist / kind / ("Mail Setup Assistant" if kind == "ours" else "bare")
    return folder / ("mail-setup-assistant" if kind == "ours" else "bare")


def size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


class Xvfb:
    """An Xvfb on a free display, plus an Xlib connection watching the root window for MapNotify."""

    def __init__(self) -> None:
        rng = random.Random(os.getpid())
        number = next(n for n in (rng.randint(100, 999) for _ in range(200))
                      if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.display = f":{number}"
        self.proc = subprocess.Popen(["Xvfb", self.display, "-nolisten", "tcp", "-screen", "0",
                                      "1280x800x24"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.x = ctypes.cdll.LoadLibrary("libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        for name in ("XDefaultRootWindow", "XConnectionNumber", "XPending", "XFlush"):
            getattr(self.x, name).argtypes = [ctypes.c_void_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        deadline = time.monotonic() + 10
        while not (dpy := self.x.XOpenDisplay(self.display.encode())) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not dpy:
            self.stop()
            raise RuntimeError(f"cannot open X display {self.display} (is xvfb installed?)")
        self.dpy = dpy
        self.x.XSelectInput(self.dpy, self.x.XDefaultRootWindow(self.dpy), SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XFlush(self.dpy)
        self.fd = self.x.XConnectionNumber(self.dpy)

    def drain(self) -> None:
        event = (ctypes.c_long * 24)()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def time_to_first_map(self, exe: Path, home: Path, timeout: float = 60) -> float:
        self.drain()
        env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb", HOME=str(home),
                   XDG_CONFIG_HOME=str(home / ".config"))
        event = (ctypes.c_long * 24)()
        start = time.perf_counter()
        proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                left = start + timeout - time.perf_counter()
                if left <= 0 or proc.poll() is not None:
                    raise RuntimeError(f"{exe.name}: no window within {timeout:g} s (exit {proc.poll()})")
                if not self.x.XPending(self.dpy):
                    select.select([self.fd], [], [], left)
                    continue
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                if ctypes.cast(event, ctypes.POINTER(ctypes.c_int))[0] == MAP_NOTIFY:
                    return time.perf_counter() - start
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@dataclass
class Variant:
    exe: Path
    size_kib: int
    build_s: float
    start_s: list[float] = field(default_factory=list)

    @property
    def start_median_s(self) -> float:
        return statistics.median(self.start_s)


def main() -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--out", type=Path, default=None, help="keep the builds here (default: a temp folder)")
    p.add_argument("--reuse", action="store_true",
                   help="time the builds already in --out again instead of building (build time: 0)")
    args = p.parse_args()
    if args.reuse and args.out is None:
        p.error("--reuse needs --out (the folder of an earlier run)")
    root = args.out or Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    results: dict[str, Variant] = {}
    for kind in ("ours", "bare-naive", "bare-excludes", "bare-tuned"):
        if args.reuse:
            exe, seconds = executable(kind, root / "dist"), 0.0
            if not exe.is_file():
                p.error(f"--reuse: no {kind} build at {exe}")
        else:
            exe, seconds = build(kind, root / "dist", root / "work")
        results[kind] = Variant(exe, size_kib(exe.parent), round(seconds, 1))
    xvfb = Xvfb()
    try:
        home = root / "home"
        for _ in range(args.runs):  # interleave runs so machine noise hits every variant alike
            for v in results.values():
                shutil.rmtree(home, ignore_errors=True)
                home.mkdir()
                v.start_s.append(round(xvfb.time_to_first_map(v.exe, home), 3))
    finally:
        xvfb.stop()
    ref, ours = results["bare-naive"], results["ours"]
    size_ratio = ours.size_kib / ref.size_kib
    start_ratio = ours.start_median_s / ref.start_median_s
    print(json.dumps({k: {"size_kib": v.size_kib, "build_s": v.build_s, "start_s": v.start_s,
                          "start_median_s": v.start_median_s} for k, v in results.items()}, indent=2))
    print("\n| bundle | size (KiB) | build (s) | start-up to first window, median of "
          f"{args.runs} (s) | all runs (s) |\n|---|---|---|---|---|")
    for kind, v in results.items():
        print(f"| {kind} | {v.size_kib:,} | {v.build_s} | {v.start_median_s:.3f} | "
              f"{', '.join(f'{t:.3f}' for t in v.start_s)} |")
    print(f"\nsize: ours / bare-naive = {size_ratio:.3f} (target ≤ 0.8) "
          f"{'PASS' if size_ratio <= 0.8 else 'MISS'}")
    print(f"start-up: ours / bare-naive = {start_ratio:.3f} (target ≤ 1.3) "
          f"{'PASS' if start_ratio <= 1.3 else 'MISS'}")
    print(f"builds kept in {root}")
    return 0 if size_ratio <= 0.8 and start_ratio <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
