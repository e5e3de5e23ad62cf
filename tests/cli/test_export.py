"""recommend, export and convert from the command line: live against the real test world (dnsmasq +
Dovecot), from saved probe results, and with hostile files. Outputs are atomic: a failed run leaves no file.
"""

from __future__ import annotations

import json
import os
import plistlib
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.profiles import FORMATS, import_profile
from tests.support.cli import msa, one_line_error
from tests.support.paths import SCHEMAS
from tests.support.profile_rules import check_autoconfig
from tests.support.world import ProbeWorld

SECRET = 'Embed<me>&"now"ü'


# --- live, against the test world ------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_live_export(probe_world: ProbeWorld, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"profile.{fmt}"
    proc = msa("export", "alice@srv.test", "--format", fmt, "-o", str(out), *probe_world.options())
    assert proc.returncode == 0, proc.stderr.decode()
    data = out.read_bytes()
    if fmt == "sheet":
        assert b"imap.srv.test" in data and b"alice@srv.test" in data
        return
    if fmt == "autoconfig":
        assert [str(p) for p in check_autoconfig(data) if p.severity == "error"] == []
    account = import_profile(data, out.name)
    first = account.incoming[0]
    assert (first.protocol, first.host, first.port, first.security) == ("imap", "imap.srv.test", 993, "ssl")
    smtp = account.outgoing[0]
    assert (smtp.host, smtp.port, smtp.security) == ("smtp.srv.test", 465, "ssl")


def test_saved_probe_drives_export_and_recommend(probe_world: ProbeWorld, tmp_path: Path) -> None:
    run = probe_world.cli("alice@srv.test")
    assert run.returncode == 0, run.stderr
    probe = tmp_path / "probe.json"
    probe.write_text(run.stdout, encoding="utf-8")
    proc = msa("export", "alice@srv.test", "--format", "mobileconfig", "--probe", str(probe),
               "--protocol", "pop3")
    assert proc.returncode == 0, proc.stderr.decode()
    mail = plistlib.loads(proc.stdout)["PayloadContent"][0]
    assert (mail["EmailAccountType"], mail["IncomingMailServerHostName"]) == ("EmailTypePOP", "pop.srv.test")
    rec = msa("recommend", "--devices", "computer,phone", "--probe", str(probe), "--json")
    assert rec.returncode == 0, rec.stderr.decode()
    doc = json.loads(rec.stdout)
    jsonschema.validate(doc, json.loads((SCHEMAS / "recommend.schema.json").read_text()))
    assert doc["facts"]["imap_offered"] and doc["facts"]["pop3_offered"]
    assert doc["recommendation"]["protocol"] == "imap"
    assert doc["recommendation"]["reasons"][0]["code"] == "several_devices"


# --- from saved files, no network ------------------------------------------------------------------------

def _probe(protocol: str, host: str, port: int) -> ProbeResult:
    c = Candidate(protocol, host, port, "ssl", "srv")  # type: ignore[arg-type]
    return ProbeResult(candidate=c, status="ok", tls=TlsFacts(verified=True), capabilities=["UIDL", "IDLE"])


@pytest.fixture
def probe_file(tmp_path: Path) -> Path:
    result = DiscoveryResult(address="alice@example.com", domain="example.com", domain_unicode="example.com")
    result.recommended = {"imap": _probe("imap", "imap.example.com", 993),
                          "pop3": _probe("pop3", "pop.example.com", 995),
                          "smtp": _probe("smtp", "smtp.example.com", 465)}
    path = tmp_path / "probe.json"
    path.write_text(json.dumps(result.to_dict()), encoding="utf-8")
    return path


def test_existing_file_needs_force_and_writes_are_atomic(probe_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "config-v1.1.xml"
    out.write_text("keep me")
    proc = msa("export", "alice@example.com", "--format", "autoconfig", "--probe", str(probe_file), "-o",
               str(out))
    one_line_error(proc, "already exists", "--force")
    assert out.read_text() == "keep me"
    proc = msa("export", "alice@example.com", "--format", "autoconfig", "--probe", str(probe_file), "-o",
               str(out), "--force")
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"<clientConfig" in out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config-v1.1.xml", "probe.json"]


@pytest.mark.parametrize(("content", "words"), [
    (b"{not json", ["broken.json", "not JSON"]),
    (b'{"domain": 5}', ["broken.json", "domain"]),
    (b"\xff\xfe\x00junk", ["broken.json", "UTF-8"]),
    (b"[1, 2]", ["broken.json", "JSON object"]),
])
def test_broken_probe_file_exit_2_and_no_output(tmp_path: Path, content: bytes, words: list[str]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_bytes(content)
    out = tmp_path / "out.xml"
    one_line_error(msa("export", "a@example.com", "--format", "autoconfig", "--probe", str(bad), "-o",
                       str(out)), *words)
    one_line_error(msa("recommend", "--probe", str(bad)), *words)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_convert_chain_keeps_the_servers(probe_file: Path, tmp_path: Path) -> None:
    first = tmp_path / "config-v1.1.xml"
    assert msa("export", "alice@example.com", "--format", "autoconfig", "--probe", str(probe_file), "-o",
               str(first)).returncode == 0
    previous = first
    for fmt, name in (("mobileconfig", "a.mobileconfig"), ("autodiscover", "autodiscover.xml"),
                      ("autoconfig", "again.xml")):
        target = tmp_path / name
        proc = msa("convert", str(previous), "--to", fmt, "-o", str(target))
        assert proc.returncode == 0, proc.stderr.decode()
        previous = target
    start, end = import_profile(first.read_bytes(), "a"), import_profile(previous.read_bytes(), "b")
    assert end.incoming[0] == start.incoming[0] and end.outgoing == start.outgoing
    # stdin works too, and stdout is the default
    proc = msa("convert", "-", "--to", "sheet", input=first.read_bytes())
    assert proc.returncode == 0 and b"imap.example.com" in proc.stdout


@pytest.mark.parametrize("content", [b"<!DOCTYPE x [<!ENTITY a 'b'>]><clientConfig>&a;</clientConfig>",
                                     b"\x00\x01binary junk", b"<plist><array/></plist>",
                                     b"x" * (2 * 1024 * 1024)])
def test_convert_hostile_file_leaves_nothing(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "hostile.xml"
    bad.write_bytes(content)
    out = tmp_path / "out.mobileconfig"
    one_line_error(msa("convert", str(bad), "--to", "mobileconfig", "-o", str(out)), "hostile.xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.xml"]


def test_embed_password_from_env_only(probe_file: Path) -> None:
    base = ["export", "alice@example.com", "--format", "mobileconfig", "--probe", str(probe_file)]
    plain = msa(*base)
    assert plain.returncode == 0 and SECRET.encode() not in plain.stdout
    assert b"<key>IncomingPassword</key>" not in plain.stdout
    with_pw = msa(*base, "--embed-password", env={"MSA_ACCOUNT_PASSWORD": SECRET})
    assert with_pw.returncode == 0, with_pw.stderr.decode()
    assert plistlib.loads(with_pw.stdout)["PayloadContent"][0]["IncomingPassword"] == SECRET
    no_tty = msa(*base, "--embed-password")
    one_line_error(no_tty, "MSA_ACCOUNT_PASSWORD")
    wrong_format = msa("export", "alice@example.com", "--format", "autoconfig", "--probe", str(probe_file),
                       "--embed-password", env={"MSA_ACCOUNT_PASSWORD": SECRET})
    one_line_error(wrong_format, "only a mobileconfig")
    assert SECRET not in wrong_format.stderr.decode()


def test_signed_export_verifies(probe_file: Path, tmp_path: Path) -> None:
    ca = trustme.CA()
    leaf = ca.issue_cert("profiles.example.com")
    key = serialization.load_pem_private_key(leaf.private_key_pem.bytes(), None)
    cert = x509.load_pem_x509_certificate(leaf.cert_chain_pems[0].bytes())
    p12 = tmp_path / "id.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"id", key, cert, None, serialization.BestAvailableEncryption(b"pkcs-pass")))  # type: ignore[arg-type]
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    out = tmp_path / "signed.mobileconfig"
    args = ["export", "alice@example.com", "--format", "mobileconfig", "--probe", str(probe_file),
            "--sign-identity", str(p12), "-o", str(out)]
    one_line_error(msa(*args, env={"MSA_SIGN_PASSWORD": "wrong"}), "wrong password")
    assert not out.exists()
    proc = msa(*args, env={"MSA_SIGN_PASSWORD": "pkcs-pass"})
    assert proc.returncode == 0, proc.stderr.decode()
    openssl = shutil.which("openssl")
    assert openssl, "the openssl command is needed: apt-get install openssl"
    verify = subprocess.run([openssl, "cms", "-verify", "-inform", "DER", "-in", str(out), "-CAfile",
                             str(tmp_path / "ca.pem"), "-purpose", "any", "-out", os.devnull],
                            capture_output=True, timeout=60, check=False)
    assert verify.returncode == 0, verify.stderr.decode()
    assert import_profile(out.read_bytes(), "signed").incoming[0].host == "imap.example.com"


def test_usage_errors(probe_file: Path, tmp_path: Path) -> None:
    one_line_error(msa("export", "bob@other.example", "--format", "sheet", "--probe", str(probe_file)),
                   "example.com", "other.example")
    one_line_error(msa("export", "a@example.com", "--format", "sheet", "--from", str(tmp_path / "nope.xml")),
                   "no such file")
    one_line_error(msa("recommend", "--devices", "computer,toaster"), "toaster")
    assert msa("export", "a@example.com", "--format", "pdf").returncode == 2
