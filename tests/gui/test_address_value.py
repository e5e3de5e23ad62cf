"""One address value from page 1 (or the command line) to the written file: the same person typed with a
Unicode or an A-label domain, in any case, gets byte-identical server settings and the same address and
user names in every profile, from the CLI and from the wizard (the CLI used to write the Unicode form)."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui.pages.export import ExportPage
from assistant.gui.wizard import SetupWizard
from tests.gui.walk import click_next, page, wait_discovery
from tests.support.world import ProbeWorld

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

REPO = Path(__file__).resolve().parents[2]
SPELLINGS = ["Niaj@Bücher.test", "Niaj@xn--bcher-kva.test", "Niaj@BÜCHER.TEST", "Niaj@XN--BCHER-KVA.test"]
ASCII = "Niaj@xn--bcher-kva.test"


def cli_profile(world: ProbeWorld, address: str, fmt: str, out: Path) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_")}
    args = ["export", address, "--format", fmt, "-o", str(out), "--dns-server", world.dns_server,
            "--cafile", world.cafile, "--offline", "--timeout", "15"]
    proc = subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, cwd=REPO, env=env,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    return out.read_bytes()


def mail_payload(data: bytes) -> dict[str, object]:
    payload = plistlib.loads(data)["PayloadContent"][0]
    assert isinstance(payload, dict)
    return payload


def identity(payload: dict[str, object]) -> tuple[object, ...]:
    """What a spelling may not change: the address, the user names and every server setting."""
    keys = ("EmailAddress", "IncomingMailServerUsername", "OutgoingMailServerUsername",
            "IncomingMailServerHostName", "IncomingMailServerPortNumber", "IncomingMailServerUseSSL",
            "OutgoingMailServerHostName", "OutgoingMailServerPortNumber", "OutgoingMailServerUseSSL")
    return tuple(payload.get(k) for k in keys)


def wizard_profile(qtbot: QtBot, wiz: SetupWizard, address: str, folder: Path) -> bytes:
    wiz.pages[Page.ADDRESS].address.setText(address)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    while page(wiz) is not Page.EXPORT:
        click_next(qtbot, wiz)
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    for name, box in export.formats.items():
        box.setChecked(name == "mobileconfig")
    export.folder.setText(str(folder))
    [path] = export.save()
    return path.read_bytes()


def test_every_spelling_gives_the_same_profile_from_the_cli_and_the_wizard(
        qtbot: QtBot, world: ProbeWorld, make_wizard: Callable[..., SetupWizard], tmp_path: Path) -> None:
    from_cli = {a: mail_payload(cli_profile(world, a, "mobileconfig", tmp_path / f"{i}.mobileconfig"))
                for i, a in enumerate(SPELLINGS)}
    first = identity(from_cli[SPELLINGS[0]])
    assert first[0] == ASCII and first[1] == ASCII and first[2] == ASCII, first
    assert all(identity(p) == first for p in from_cli.values()), from_cli
    from_wizard = mail_payload(wizard_profile(qtbot, make_wizard(), "Niaj@Bücher.test", tmp_path / "wizard"))
    assert identity(from_wizard) == first


def test_the_autoconfig_file_is_byte_identical_for_every_spelling(world: ProbeWorld, tmp_path: Path) -> None:
    files = {cli_profile(world, a, "autoconfig", tmp_path / f"{i}.xml") for i, a in enumerate(SPELLINGS)}
    assert len(files) == 1
