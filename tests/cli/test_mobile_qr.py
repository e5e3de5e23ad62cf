"""``export --format mobile-qr`` and ``convert --to mobile-qr`` / from a payload, as the real command runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.profiles import import_profile
from tests.core.profiles.test_mobileqr import check_spec
from tests.support.paths import GOLDEN
from tests.support.qrdecode import decode_grid, decode_png, svg_grid

REPO = Path(__file__).resolve().parents[2]
SECRET = "s3cret pass"


def msa(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, cwd=REPO,
                          env=full_env, stdin=subprocess.DEVNULL, timeout=60, check=False)


def bad_input(proc: subprocess.CompletedProcess[bytes], *words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, (proc.returncode, err)
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err


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
    bad_input(msa("export", "jane@example.com", "--from", str(GOLDEN / "imap.xml"), "--format", "mobile-qr",
                  "-o", str(out), "--include-password"), "MSA_ACCOUNT_PASSWORD", "never on the command line")
    assert not out.exists()
    plain = msa("export", "jane@example.com", "--from", str(GOLDEN / "imap.xml"), "--format", "mobile-qr",
                "--payload", env={"MSA_ACCOUNT_PASSWORD": SECRET})
    assert plain.returncode == 0 and SECRET.encode() not in plain.stdout


def test_bad_options(tmp_path: Path) -> None:
    src = ["jane@example.com", "--from", str(GOLDEN / "imap.xml")]
    bad_input(msa("export", *src, "--format", "mobile-qr"), "-o FILE.png")
    bad_input(msa("export", *src, "--format", "mobile-qr", "-o", str(tmp_path / "x.jpg")), "-o FILE.png")
    bad_input(msa("export", *src, "--format", "autoconfig", "--payload"), "only for mobile-qr")
    bad_input(msa("export", *src, "--format", "mobile-qr", "--payload", "--embed-password"),
              "--embed-password")
    bad_input(msa("export", "example.com", "--from", str(GOLDEN / "imap.xml"), "--format", "mobile-qr",
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
    bad_input(msa("convert", str(src), "--to", "autoconfig", "-o", str(out)), str(src), *words)
    assert not out.exists()
