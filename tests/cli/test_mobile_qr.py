"""``export --format mobile-qr`` and ``convert --to mobile-qr`` / from a payload, as the real command runs:
from files, and live against the test world (dnsmasq + Dovecot), where the decoded code names the servers
``probe`` recommends, for IMAP and POP3 and for an IDN domain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.core.profiles import import_profile
from tests.core.profiles.test_mobileqr import check_spec
from tests.support.cli import msa, one_line_error
from tests.support.paths import GOLDEN
from tests.support.qrdecode import decode_grid, decode_png, svg_grid
from tests.support.world import ProbeWorld

SECRET = "s3cret pass"


@pytest.mark.parametrize(("golden", "protocol"), [("imap.xml", 0), ("pop3.xml", 1)])
@pytest.mark.parametrize("ext", ["png", "svg"])
def test_export_from_profile(tmp_path: Path, golden: str, protocol: int, ext: str) -> None:
    out = tmp_path / f"code.{ext}"
    domain = "example.org" if golden.startswith("pop3") else "example.com"
    proc = msa("export", f"jane@{domain}", "--from", str(GOLDEN / golden), "--format", "mobile-qr",
               "--name", "Jane Doe", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b""
    data = out.read_bytes()
    text, _ = decode_png(data) if ext == "png" else decode_grid(svg_grid(data))
    payload = json.loads(text)
    check_spec(payload)
    account = import_profile((GOLDEN / golden).read_bytes(), golden)
    server = account.incoming[0]
    assert payload[2][:5] == [protocol, server.host, server.port, {"ssl": 3, "starttls": 2}[server.security],
                              1]
    assert payload[3][0][1] == [f"jane@{domain}", "Jane Doe"]


def test_include_password_from_environment_only(tmp_path: Path) -> None:
    proc = msa("export", "jane@example.com", "--from", str(GOLDEN / "imap.xml"), "--format", "mobile-qr",
               "--payload", "--include-password", env={"MSA_ACCOUNT_PASSWORD": SECRET})
    assert proc.returncode == 0, proc.stderr.decode()
    payload = json.loads(proc.stdout)
    check_spec(payload)
    assert payload[2][6:] == ["", SECRET] and payload[3][0][0][6] == SECRET
    assert "photographs" in proc.stderr.decode() and SECRET not in proc.stderr.decode()
    # Without the variable and without a terminal: one line, no file.
    out = tmp_path / "code.png"
    one_line_error(msa("export", "jane@example.com", "--from", str(GOLDEN / "imap.xml"), "--format",
                       "mobile-qr", "-o", str(out), "--include-password"),
                   "MSA_ACCOUNT_PASSWORD", "never on the command line")
    assert not out.exists()
    plain = msa("export", "jane@example.com", "--from", str(GOLDEN / "imap.xml"), "--format", "mobile-qr",
                "--payload", env={"MSA_ACCOUNT_PASSWORD": SECRET})
    assert plain.returncode == 0 and SECRET.encode() not in plain.stdout


def test_bad_options(tmp_path: Path) -> None:
    src = ["jane@example.com", "--from", str(GOLDEN / "imap.xml")]
    one_line_error(msa("export", *src, "--format", "mobile-qr"), "-o FILE.png")
    one_line_error(msa("export", *src, "--format", "mobile-qr", "-o", str(tmp_path / "x.jpg")), "-o FILE.png")
    one_line_error(msa("export", *src, "--format", "autoconfig", "--payload"), "only for mobile-qr")
    one_line_error(msa("export", *src, "--format", "mobile-qr", "--payload", "--embed-password"),
                   "--embed-password")
    one_line_error(msa("export", "example.com", "--from", str(GOLDEN / "imap.xml"), "--format", "mobile-qr",
                       "--payload"), "needs an email address")
    assert list(tmp_path.iterdir()) == []


def test_convert_payload_both_ways(tmp_path: Path) -> None:
    payload = tmp_path / "code.json"
    proc = msa("convert", str(GOLDEN / "imap.mobileconfig"), "--to", "mobile-qr", "--payload",
               "-o", str(payload))
    assert proc.returncode == 0, proc.stderr.decode()
    check_spec(json.loads(payload.read_bytes()))
    svg = tmp_path / "code.svg"
    proc = msa("convert", str(payload), "--to", "mobile-qr", "-o", str(svg))
    assert proc.returncode == 0, proc.stderr.decode()
    assert decode_grid(svg_grid(svg.read_bytes()))[0] == payload.read_text().strip()
    back = tmp_path / "back.mobileconfig"
    proc = msa("convert", str(payload), "--to", "mobileconfig", "-o", str(back))
    assert proc.returncode == 0, proc.stderr.decode()
    account = import_profile(back.read_bytes(), "back")
    assert account.address == json.loads(payload.read_bytes())[3][0][1][0]
    assert account.incoming[0].host == json.loads(payload.read_bytes())[2][1]


@pytest.mark.parametrize(("text", "words"), [
    ('[2,[1,1],[0,"a.example",993,3,1,"u"],[[[0,"b.example",465,3,1,"u"],["u@example.com","U"]]]]',
     ("format version 2",)),
    ('[1,[1,1],[0,"a.example",993,1,1,"u"],[[[0,"b.example",465,3,1,"u"],["u@example.com","U"]]]]',
     ("connection security code 1",)),
    ('[1,[1,1],[0,"ä.example",993,3,1,"u"],[[[0,"b.example",465,3,1,"u"],["u@example.com","U"]]]]',
     ("not an ASCII host name",)),
    ('[1,[1,1],[0,"a.example",993,3,1,"u\\n"],[[[0,"b.example",465,3,1,"u"],["u@example.com","U"]]]]',
     ("line break",)),
])
def test_convert_refuses_bad_payload(tmp_path: Path, text: str, words: tuple[str, ...]) -> None:
    src = tmp_path / "bad.json"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.xml"
    one_line_error(msa("convert", str(src), "--to", "autoconfig", "-o", str(out)), str(src), *words)
    assert not out.exists()


# --- live, against the test world ------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "protocol", "ext"), [
    ("heidi@bücher.test", "imap", "png"),
    ("alice@srv.test", "pop3", "svg"),
    ("alice@srv.test", "imap", "png"),
])
def test_live_mobile_qr_names_the_recommended_servers(probe_world: ProbeWorld, tmp_path: Path, address: str,
                                                      protocol: str, ext: str) -> None:
    probe = probe_world.cli(address, timeout=15)
    assert probe.returncode == 0, probe.stderr
    rec = probe.json["recommended"]
    out = tmp_path / f"code.{ext}"
    proc = msa("export", address, "--format", "mobile-qr", "--protocol", protocol, "--name", "Heidi", "-o",
               str(out), *probe_world.options())
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
