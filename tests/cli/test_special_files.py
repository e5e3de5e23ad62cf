"""Review 4 (docs/security-review-4.md), B5: a FIFO or a device as ``--cafile`` or ``--preset`` hung ``probe``
and ``gui`` (OpenSSL and the preset loader opened the name themselves, past the bounded reader). Now every
command refuses it at once, in one line, exit 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.core.net import tls
from tests.support.certs import CertFactory

REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists())


def msa(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_") and k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "offscreen"  # gui: the check comes before any window
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=30, check=False, stdin=subprocess.DEVNULL)


COMMANDS = [
    ("probe", "jane@example.com", "--offline"),
    ("export", "jane@example.com", "--offline", "--format", "autoconfig"),
    ("verify", "jane@example.com", "--offline", "--password-env", "NOPE"),
    ("report", "jane@example.com", "--offline"),
    ("gui",),
]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.pem"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_b5_a_fifo_or_device_as_cafile_is_refused_at_once(command: tuple[str, ...], special: str,
                                                           fifo: Path) -> None:
    path = str(fifo) if special == "fifo" else special
    start = time.monotonic()
    proc = msa(*command, "--cafile", path)
    assert time.monotonic() - start < 15
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "--cafile" in proc.stderr and "not a regular file" in proc.stderr


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "verify"], ids=lambda c: c[0])
def test_b5_a_fifo_as_preset_is_refused_at_once(command: tuple[str, ...], tmp_path: Path) -> None:
    preset = tmp_path / "policy.toml"
    os.mkfifo(preset)
    proc = msa(*command, "--preset", str(preset))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "policy.toml: cannot read the preset (not a regular file" in proc.stderr


def test_b5_a_ca_file_is_still_read_with_comments_and_several_certificates(certs: CertFactory,
                                                                         tmp_path: Path) -> None:
    """The certificates are now handed to OpenSSL as text (never by name): comments, also non-ASCII ones as
    in system bundles, and several certificates must still load."""
    ca, other = certs.ca_pem.read_text(), certs.other_ca_pem.read_text()
    bundle = tmp_path / "bundle.pem"
    bundle.write_text(f"# Ünïcode comment — Zertifikat\n{ca}\n# second\n{other}", encoding="utf-8")
    assert len(tls.client_context(str(bundle)).get_ca_certs()) >= 2
    proc = msa("probe", "jane@example.com", "--offline", "--dns-server", "127.0.0.1:9", "--timeout", "1",
               "--cafile", str(bundle))
    assert proc.returncode != 2 and "--cafile" not in proc.stderr, proc.stderr  # accepted
    junk = tmp_path / "junk.pem"
    junk.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n")
    proc = msa("probe", "jane@example.com", "--offline", "--cafile", str(junk))
    assert proc.returncode == 2 and "not a PEM file with CA certificates" in proc.stderr, proc.stderr
