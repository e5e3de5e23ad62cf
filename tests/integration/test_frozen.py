"""The frozen Linux bundle, built once per session by the documented command (installers/build.sh).

Only with MSA_TEST_FROZEN=1 (tests/run sets it): the build takes a minute or more on 2 cores. The frozen
binary must pass its self-test and probe the real test servers (dnsmasq + Dovecot) like the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from bench.bundle.run import Xvfb
from tests.support.certs import CertFactory
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet

REPO = Path(__file__).resolve().parents[2]
SIZE_BUDGET_KIB = 135_000  # regression guard; docs/benchmarks-bundle.md has the measured numbers

pytestmark = [
    pytest.mark.skipif(os.environ.get("MSA_TEST_FROZEN") != "1",
                       reason="set MSA_TEST_FROZEN=1 (tests/run does) to build and test the frozen bundle"),
    pytest.mark.timeout(1500),
]


@dataclass
class Built:
    dist: Path
    bundle: Path
    exe: Path
    tarball: Path
    log: str


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ, MSA_BUILD_SKIP_PIP="1")
    cmd = ["bash", str(REPO / "installers" / "build.sh"), "--dist", str(root / "dist"),
           "--work", str(root / "work")]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1400)
    if out.returncode != 0:
        pytest.fail(f"installers/build.sh failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}", pytrace=False)
    bundle = root / "dist" / "Mail Setup Assistant"
    tarballs = sorted((root / "dist").glob("mail-setup-assistant-*-linux-*.tar.gz"))
    assert len(tarballs) == 1
    return Built(root / "dist", bundle, bundle / "mail-setup-assistant", tarballs[0], out.stdout + out.stderr)


def frozen(b: Built, *args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([str(b.exe), *args], env=full, capture_output=True, text=True, timeout=timeout,
                          cwd=b.dist)


@dataclass
class World:
    dns: Dnsmasq
    mail: DovecotHandle
    certs: CertFactory


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    subnet = Subnet()
    certs = CertFactory(tmp_path_factory.mktemp("frozen-certs"))
    mail_ip = subnet.take()
    leaf = certs.good("mail.frozen.test")
    mail = start_dovecot(mail_ip, leaf.cert_pem, leaf.key_pem)
    zone = (Zone().srv("_imaps._tcp.frozen.test", "mail.frozen.test", 993)
            .srv("_submission._tcp.frozen.test", "mail.frozen.test", 587)
            .srv("_pop3s._tcp.frozen.test", "mail.frozen.test", 995)
            .mx("frozen.test", "mail.frozen.test").host("mail.frozen.test", mail_ip))
    try:
        dns = start_dnsmasq(subnet.take(), zone, tmp_path_factory.mktemp("frozen-dns"))
    except BaseException:
        mail.stop()
        raise
    yield World(dns, mail, certs)
    dns.stop()
    mail.stop()


def test_frozen_self_test_passes(built: Built, world: World) -> None:
    out = frozen(built, "--self-test", "--dns-server", world.dns.ip, "--dns-name", "_imaps._tcp.frozen.test")
    print(out.stdout)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "(frozen;" in out.stdout.splitlines()[0]
    assert "FAIL" not in out.stdout
    assert "_imaps._tcp.frozen.test SRV via" in out.stdout and "1 SRV record(s)" in out.stdout
    assert "platform plugin 'offscreen'" in out.stdout


def test_frozen_wizard_opens_a_window_on_x11(built: Built, tmp_path: Path) -> None:
    """The real X11 path: the bundled xcb plugin and libraries load, and the wizard maps its window."""
    xvfb = Xvfb()
    try:
        xvfb.time_to_first_map(built.exe, tmp_path, timeout=90)  # raises if it exits or shows nothing
        out = frozen(built, "--self-test", QT_QPA_PLATFORM="xcb", DISPLAY=xvfb.display)
    finally:
        xvfb.stop()
    assert out.returncode == 0, out.stdout + out.stderr
    assert "platform plugin 'xcb'" in out.stdout


def test_frozen_probe_against_the_test_servers(built: Built, world: World) -> None:
    out = frozen(built, "probe", "alice@frozen.test", "--dns-server", world.dns.ip, "--cafile",
                 str(world.certs.ca_pem), "--offline", "--json", "--timeout", "30")
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout)
    schema = json.loads((REPO / "resources" / "schemas" / "probe.schema.json").read_text())
    jsonschema.validate(result, schema)
    assert result["domain"] == "frozen.test"
    hosts = json.dumps(result["recommended"])
    assert "mail.frozen.test" in hosts
    assert "SRV _imaps._tcp.frozen.test" in world.dns.queries()


def test_frozen_audit_writes_lines_and_the_html_page(built: Built, world: World, tmp_path: Path) -> None:
    """The bundle ships what the audit needs (Jinja2 for the page, its own schema's fields)."""
    page = tmp_path / "audit.html"
    out = frozen(built, "audit", "frozen.test", "--dns-server", world.dns.ip, "--cafile",
                 str(world.certs.ca_pem), "--offline", "--json", "--html", str(page), "--timeout", "30")
    assert out.returncode in (0, 1), out.stdout + out.stderr
    record = json.loads(out.stdout)
    schema = json.loads((REPO / "resources" / "schemas" / "audit.schema.json").read_text())
    jsonschema.validate(record, schema)
    assert record["domain"] == "frozen.test" and record["clients"]["rfc6186"]["finds"] is True
    assert 'id="d-frozen.test"' in page.read_text(encoding="utf-8")


def test_frozen_bad_input_exit_code(built: Built) -> None:
    out = frozen(built, "probe", "not an address", "--offline")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_bundle_is_pruned_and_complete(built: Built) -> None:
    internal = built.bundle / "_internal"
    translations = sorted(p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir())
    assert translations == ["qtbase_zh_TW.qm"]
    platforms = sorted(p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir())
    assert platforms == ["libqoffscreen.so", "libqwayland.so", "libqxcb.so"]
    names = {p.name for p in internal.rglob("*")}
    assert not {n for n in names if n.startswith(("QtNetwork", "QtQml", "QtQuick", "QtWebEngine"))}
    assert "LICENSE" in names and any(n.startswith("keyring-") and n.endswith(".dist-info") for n in names)
    notices = (internal / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "PySide6_Essentials" in notices and "Jinja2" in notices and "tqdm" in notices
    assert (internal / "licenses" / "cryptography").is_dir()
    dangling = [str(p) for p in built.bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    # Every Qt library a bundled file links to is in the bundle (pruning removed nothing still needed).
    missing = set()
    for lib in internal.rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        ldd = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, timeout=30,
                             env=dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal}/PySide6/Qt/lib"))
        missing |= {ln.split()[0] for ln in ldd.stdout.splitlines() if "not found" in ln and "Qt6" in ln}
    assert missing == set()
    size = sum(p.stat().st_size for p in built.bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size: {size // 1024} KiB")
    assert size // 1024 <= SIZE_BUDGET_KIB


def test_tarball_installs_per_user(built: Built, tmp_path: Path) -> None:
    with tarfile.open(built.tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    [top] = list((tmp_path / "unpacked").iterdir())
    assert {"mail-setup-assistant.desktop", "install.sh", "mail-setup-assistant.png"} <= {
        p.name for p in top.iterdir()}
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    subprocess.run(["bash", str(top / "install.sh")], env=env, check=True, timeout=120, capture_output=True)
    link = home / ".local" / "bin" / "mail-setup-assistant"
    version = subprocess.run([str(link), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip().startswith("mail-setup-assistant ")
    desktop = (home / ".local/share/applications/mail-setup-assistant.desktop").read_text()
    assert f"Exec={home}/.local/opt/mail-setup-assistant/mail-setup-assistant" in desktop
    subprocess.run(["bash", str(top / "install.sh"), "--uninstall"], env=env, check=True, timeout=60,
                   capture_output=True)
    assert not link.exists() and not (home / ".local/opt/mail-setup-assistant").exists()


def test_windows_installer_compiles_against_the_bundle_file_list(built: Built, tmp_path: Path) -> None:
    cmd = [sys.executable, str(REPO / "installers" / "build.py"), "nsis", "--bundle", str(built.bundle),
           "--dist", str(tmp_path), "--work", str(tmp_path / "work"), "--fast"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    [exe] = list(tmp_path.glob("*-windows-setup.exe"))
    assert exe.read_bytes()[:2] == b"MZ"
    listed = (tmp_path / "work" / "nsis" / "files.nsh").read_text().count("\n  Delete ")
    assert listed == sum(1 for p in built.bundle.rglob("*") if p.is_file() or p.is_symlink())
