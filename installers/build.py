"""Build the one-folder bundle and the installers: ``python installers/build.py linux|nsis|macos``.

``bash installers/build.sh`` is the documented one command on Linux (it prepares the virtualenv, then runs
``build.py linux``). Every step is a subprocess with a timeout and a clear failure line; nothing is signed
unless the signing secrets are in the environment (see docs/building.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildlib

ROOT = buildlib.ROOT
BUNDLE_NAME = buildlib.APP_NAME
BUILD_TIMEOUT = 1800


class BuildError(Exception):
    """One line saying which step failed and why."""


def run(cmd: list[str], what: str, timeout: float = BUILD_TIMEOUT, **kw: object) -> None:
    print(f"build: {what}", flush=True)
    try:
        subprocess.run(cmd, check=True, timeout=timeout, **kw)  # type: ignore[call-overload]
    except FileNotFoundError:
        raise BuildError(f"{what}: {cmd[0]} is not installed") from None
    except subprocess.CalledProcessError as exc:
        raise BuildError(f"{what}: {Path(cmd[0]).name} exited with {exc.returncode}") from None
    except subprocess.TimeoutExpired:
        raise BuildError(f"{what}: did not finish within {timeout:g} s") from None


def pyinstaller(dist: Path, work: Path) -> Path:
    """Run PyInstaller on build.spec; returns the one-folder bundle (or the .app on macOS)."""
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")],
        "PyInstaller build.spec")
    bundle = dist / (f"{BUNDLE_NAME}.app" if sys.platform == "darwin" else BUNDLE_NAME)
    if not bundle.is_dir():
        raise BuildError(f"PyInstaller finished but {bundle} does not exist")
    return bundle


def linux_tarball(bundle: Path, dist: Path, work: Path) -> Path:
    """bundle + .desktop file + icon in ``mail-setup-assistant-<version>/``, packed as .tar.gz."""
    version = buildlib.project_version()
    arch = platform.machine() or "unknown"
    top = f"mail-setup-assistant-{version}"
    out = dist / f"{top}-linux-{arch}.tar.gz"
    icon = work / "generated" / "icons" / "icon-256.png"
    linux = ROOT / "installers" / "linux"
    tmp = out.with_name(out.name + ".part")
    with tarfile.open(tmp, "w:gz") as tar:
        tar.add(bundle, arcname=f"{top}/{buildlib.APP_NAME}")
        tar.add(linux / "mail-setup-assistant.desktop", arcname=f"{top}/mail-setup-assistant.desktop")
        tar.add(linux / "install.sh", arcname=f"{top}/install.sh")
        if icon.is_file():
            tar.add(icon, arcname=f"{top}/mail-setup-assistant.png")
    os.replace(tmp, out)
    return out


def nsis(bundle: Path, out: Path, work: Path, fast: bool = False) -> Path:
    """Compile installers/windows/installer.nsi against ``bundle``'s exact file list."""
    work.mkdir(parents=True, exist_ok=True)
    files_nsh = work / "files.nsh"
    files_nsh.write_text(buildlib.nsis_file_lists(bundle), encoding="utf-8")
    version = buildlib.project_version()
    defines = {
        "VERSION": version,
        "VERSION4": ".".join(map(str, buildlib.version_tuple(version))),
        "BUNDLE_DIR": bundle.resolve().as_posix(),
        "FILES_NSH": files_nsh.resolve().as_posix(),
        "OUT_FILE": out.resolve().as_posix(),
    }
    icon = work.parent / "generated" / "icons" / "app.ico"
    if icon.is_file():
        defines["ICON"] = icon.resolve().as_posix()
    sign = windows_sign_command()
    if sign:
        for exe in sorted(bundle.glob("*.exe")):
            run([*sign, str(exe)], f"sign {exe.name}")
        defines["SIGN_COMMAND"] = subprocess.list2cmdline(sign)
    args = [f"-D{k}={v}" for k, v in defines.items()] + (["-DMSA_NO_COMPRESS"] if fast else [])
    makensis = shutil.which("makensis") or "makensis"
    out.parent.mkdir(parents=True, exist_ok=True)
    script = ROOT / "installers" / "windows" / "installer.nsi"
    run([makensis, "-V2", "-INPUTCHARSET", "UTF8", *args, str(script)], "makensis installer.nsi")
    return out


def windows_sign_command() -> list[str] | None:
    """signtool's command when a certificate is configured (MSA_WIN_CERT_FILE + MSA_WIN_CERT_PASSWORD)."""
    cert = os.environ.get("MSA_WIN_CERT_FILE")
    if not cert:
        return None
    password = os.environ.get("MSA_WIN_CERT_PASSWORD")
    if password is None:
        raise BuildError("MSA_WIN_CERT_FILE is set but MSA_WIN_CERT_PASSWORD is not")
    tool = os.environ.get("MSA_SIGNTOOL", "signtool")
    stamp = os.environ.get("MSA_TIMESTAMP_URL", "http://timestamp.digicert.com")
    # signtool reads the password from the command line; it never reaches a log because run() prints only
    # the step name.
    return [tool, "sign", "/fd", "sha256", "/td", "sha256", "/tr", stamp, "/f", cert, "/p", password]


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="installers/build.py", description=__doc__)
    p.add_argument("target", choices=["linux", "bundle", "nsis", "macos"])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                   help="PyInstaller work folder")
    p.add_argument("--bundle", type=Path, help="nsis: an existing one-folder bundle (default: build it)")
    p.add_argument("--fast", action="store_true", help="nsis: no compression (CI proof that it compiles)")
    args = p.parse_args(argv)
    try:
        if args.target in ("linux", "bundle", "macos") or args.bundle is None:
            bundle = pyinstaller(args.dist, args.work)
        else:
            bundle = args.bundle
        if args.target == "linux":
            print(f"build: wrote {linux_tarball(bundle, args.dist, args.work)}")
        elif args.target == "nsis":
            version = buildlib.project_version()
            out = args.dist / f"mail-setup-assistant-{version}-windows-setup.exe"
            print(f"build: wrote {nsis(bundle, out, args.work / 'nsis', fast=args.fast)}")
        elif args.target == "macos":
            run(["bash", str(ROOT / "installers" / "macos" / "package.sh"), str(bundle), str(args.dist)],
                "installers/macos/package.sh")
        print(f"build: bundle at {bundle}")
    except (BuildError, ValueError, OSError) as exc:
        print(f"build: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
