"""``--self-test``: each check really exercises its part, and a broken part is one FAIL line with exit 1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from assistant import resources, selftest
from tests.support.cli import msa
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.keyrings import MemoryKeyring
from tests.support.loopback import Subnet

REPO = Path(__file__).resolve().parents[2]
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context><name>wizard</name>
<message><source>Next</source><translation>下一步</translation></message>
</context>
</TS>
"""
RUN_CHECKS = (
    "import os, sys\n"
    "for name in filter(None, os.environ.get('BLOCK_MODULES', '').split(',')):\n"
    "    sys.modules[name] = None  # as if the bundle had left it out\n"
    "from pathlib import Path\n"
    "from assistant import selftest\n"
    "checks = selftest.run(Path(sys.argv[1]))\n"
    "print('\\n'.join(c.line() for c in checks))\n"
    "sys.exit(1 if any(c.status == 'FAIL' for c in checks) else 0)\n"
)


def lrelease() -> str:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    if not tool.exists():
        pytest.fail("pyside6-lrelease not found next to Python: install PySide6-Essentials", pytrace=False)
    return str(tool)


def make_resources(root: Path, *, catalog: bool = True, icon: bool = True) -> Path:
    """A resources/ tree like the bundle's: the real schemas and icon, a compiled zh_TW catalog."""
    res = root / "resources"
    shutil.copytree(resources.root() / "schemas", res / "schemas")
    (res / "icons").mkdir()
    (res / "translations").mkdir()
    if icon:
        svgs = sorted((resources.root() / "icons").glob("*.svg"))
        assert svgs, "resources/icons has no SVG source"
        shutil.copy(svgs[0], res / "icons")
    if catalog:
        ts = res / "translations" / "assistant_zh_TW.ts"
        ts.write_text(TS, encoding="utf-8")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                       timeout=60)
        ts.unlink()
    return res


def run_child(res: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The checks in a fresh process: Qt allows one application per process, and tests share theirs."""
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                PYTHON_KEYRING_BACKEND="tests.support.keyrings.MemoryKeyring", **env)
    return subprocess.run([sys.executable, "-c", RUN_CHECKS, str(res)], cwd=REPO, env=full,
                          capture_output=True, text=True, timeout=90)


def test_complete_installation_passes_every_check(tmp_path: Path) -> None:
    out = run_child(make_resources(tmp_path))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert not [ln for ln in lines if ln.startswith(("FAIL", "warn"))]
    text = out.stdout
    assert "platform plugin 'offscreen'" in text
    assert "assistant_zh_TW.qm loaded" in text and "qtbase_zh_TW.qm loaded" in text
    assert "icon " in text and " renders (" in text
    assert "using keyrings MemoryKeyring" in text
    assert "record types SRV" in text and "verified context" in text
    assert "wizard code imports" in text


def test_qt_module_missing_from_an_installation_fails_the_gui_check(tmp_path: Path) -> None:
    out = run_child(make_resources(tmp_path), BLOCK_MODULES="PySide6.QtPrintSupport")
    assert out.returncode == 1
    [line] = [ln for ln in out.stdout.splitlines() if ln.startswith("FAIL")]
    assert line.startswith("FAIL  gui") and "PySide6.QtPrintSupport" in line


def test_missing_catalog_and_icon_each_fail(tmp_path: Path) -> None:
    out = run_child(make_resources(tmp_path, catalog=False, icon=False))
    assert out.returncode == 1
    fails = [ln for ln in out.stdout.splitlines() if ln.startswith("FAIL")]
    assert any("translations" in ln and "assistant_zh_TW.qm is missing" in ln for ln in fails)
    assert any("no SVG icon" in ln for ln in fails)
    assert len(fails) == 2, out.stdout


def test_corrupt_catalog_and_schema_fail(tmp_path: Path) -> None:
    res = make_resources(tmp_path)
    (res / "translations" / "assistant_zh_TW.qm").write_bytes(b"not a catalog")
    (res / "schemas" / "broken.json").write_text("{ nope", encoding="utf-8")
    out = run_child(res)
    assert out.returncode == 1
    assert "did not load as a Qt catalog" in out.stdout
    assert "broken.json: not valid JSON" in out.stdout


def test_catalog_without_any_finished_translation_fails(tmp_path: Path) -> None:
    res = make_resources(tmp_path)
    ts = tmp_path / "empty.ts"
    ts.write_text(TS.replace("<translation>下一步</translation>", '<translation type="unfinished"/>'),
                  encoding="utf-8")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(res / "translations" / "assistant_zh_TW.qm")],
                   check=True, timeout=60)
    out = run_child(res)
    assert out.returncode == 1
    assert "assistant_zh_TW.qm holds no translations" in out.stdout


def test_platform_plugin_that_cannot_load_is_one_fail_line_not_an_abort(tmp_path: Path) -> None:
    out = msa("--self-test", env={"QT_QPA_PLATFORM": "no-such-platform"}, timeout=90, text=True)
    assert out.returncode == 1
    qt_lines = [ln for ln in out.stdout.splitlines() if ln.startswith("FAIL  qt")]
    assert len(qt_lines) == 1 and "'no-such-platform' did not load" in qt_lines[0]
    assert out.stdout.rstrip().endswith("self-test: FAILED")
    assert "Traceback" not in out.stdout + out.stderr


def test_bad_dns_server_option_is_bad_input() -> None:
    out = msa("--self-test", "--dns-server", "mail.example", text=True)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == ["mail-setup-assistant: --dns-server 'mail.example': not an IP "
                                                "address"]
    assert out.stdout == ""


def test_help_lists_the_option() -> None:
    out = msa("--help", text=True)
    assert "--self-test" in out.stdout


# ----- in-process checks (no Qt) ----------------------------------------------------------------------

@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_no_keychain_without_session_bus_is_a_warning(restore_keyring: None, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no "bus" socket in it
    checks = selftest._check_keyring()
    assert [c.status for c in checks] == ["ok", "warn"]
    assert "SecretService" in checks[0].detail and "no D-Bus session bus" in checks[1].detail


def test_no_keychain_with_a_session_bus_fails(restore_keyring: None, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())
    (tmp_path / "bus").touch()
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    checks = selftest._check_keyring()
    assert checks[-1].status == "FAIL" and "fail Keyring" in checks[-1].detail


def test_working_keychain_is_named(restore_keyring: None) -> None:
    keyring.set_keyring(MemoryKeyring())
    assert selftest._check_keyring()[-1] == selftest.Check("keyring", "ok", "using keyrings MemoryKeyring")


@pytest.fixture(scope="module")
def dns_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dnsmasq]:
    zone = Zone().srv("_imaps._tcp.selftest.test", "mail.selftest.test", 993).host("mail.selftest.test",
                                                                                 "127.0.0.1")
    server = start_dnsmasq(Subnet().take(), zone, tmp_path_factory.mktemp("selftest-dns"))
    yield server
    server.stop()


def test_dns_query_against_a_real_server(dns_server: Dnsmasq) -> None:
    checks = selftest._check_dns(dns_server.ip, "_imaps._tcp.selftest.test")
    assert [c.status for c in checks] == ["ok", "ok"]
    assert checks[1].detail == f"_imaps._tcp.selftest.test SRV via {dns_server.ip}:53: 1 SRV record(s)"
    assert "SRV _imaps._tcp.selftest.test" in dns_server.queries()


def test_dns_nxdomain_is_still_an_answer(dns_server: Dnsmasq) -> None:
    checks = selftest._check_dns(dns_server.ip, "_imaps._tcp.absent.test")
    assert checks[-1].status == "ok" and checks[-1].detail.endswith("an NXDOMAIN answer")


def test_dns_server_that_does_not_answer_fails() -> None:
    nobody = Subnet().take()  # nothing listens there: the query is refused or times out (3 s lifetime)
    checks = selftest._check_dns(nobody, "_imaps._tcp.selftest.test")
    assert checks[-1].status == "FAIL" and f"query to {nobody}:53" in checks[-1].detail


def test_schema_checks_read_the_real_schemas() -> None:
    [check] = selftest._check_schemas(resources.root())
    assert check.status == "ok"
    count = len(list((resources.root() / "schemas").glob("*.json")))
    assert check.detail.startswith(f"{count} JSON schema(s)")


def test_oversized_schema_fails(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "huge.json").write_bytes(b" " * (selftest.MAX_SCHEMA_BYTES + 1))
    [check] = selftest._check_schemas(tmp_path)
    assert check.status == "FAIL" and "larger than" in check.detail


def test_tls_context_is_verifying() -> None:
    [check] = selftest._check_tls()
    assert check.status == "ok" and "host names checked" in check.detail


def test_unexpected_error_in_a_group_is_reported_not_raised() -> None:
    def broken() -> list[selftest.Check]:
        raise OSError("disk on fire")

    assert selftest._guard("dns", broken) == [selftest.Check("dns", "FAIL", "OSError: disk on fire")]
