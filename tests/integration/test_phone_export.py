"""``export --format mobile-qr`` live against the test world (dnsmasq + Dovecot): the decoded code names the
servers ``probe`` recommends, for IMAP and POP3 and for an IDN domain.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.profiles.test_mobileqr import check_spec
from tests.support.qrdecode import decode_grid, decode_png, svg_grid
from tests.support.world import ProbeWorld

REPO = Path(__file__).resolve().parents[2]


def live(world: ProbeWorld) -> list[str]:
    return ["--dns-server", world.dns_server, "--cafile", world.cafile, "--offline", "--timeout", "15"]


@pytest.mark.parametrize(("address", "protocol", "ext"), [
    ("heidi@bücher.test", "imap", "png"),
    ("alice@srv.test", "pop3", "svg"),
    ("alice@srv.test", "imap", "png"),
])
def test_live_mobile_qr_names_the_recommended_servers(probe_world: ProbeWorld, tmp_path: Path, address: str,
                                                      protocol: str, ext: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_")}
    probe = probe_world.cli(address, timeout=15)
    assert probe.returncode == 0, probe.stderr
    rec = probe.json["recommended"]
    out = tmp_path / f"code.{ext}"
    proc = subprocess.run([sys.executable, "-m", "assistant", "export", address, "--format", "mobile-qr",
                           "--protocol", protocol, "--name", "Heidi", "-o", str(out), *live(probe_world)],
                          capture_output=True, cwd=REPO, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    data = out.read_bytes()
    payload = json.loads(decode_png(data)[0] if ext == "png" else decode_grid(svg_grid(data))[0])
    check_spec(payload)
    ascii_address = address.replace("bücher", "xn--bcher-kva")
    codes = {"ssl": 3, "starttls": 2}
    incoming, smtp = rec[protocol], rec["smtp"]
    assert payload[2] == [{"imap": 0, "pop3": 1}[protocol], incoming["host"], incoming["port"],
                          codes[incoming["security"]], 1, ascii_address]
    assert payload[3] == [[[0, smtp["host"], smtp["port"], codes[smtp["security"]], 1, ascii_address],
                           [ascii_address, "Heidi"]]]
