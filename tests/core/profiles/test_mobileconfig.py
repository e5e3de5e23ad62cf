"""Apple profile: keys and types as Apple documents them, canonical stable UUIDs, password only on request,
CMS signature that `openssl cms -verify` accepts with the chain included, round trips (plain and signed)."""

from __future__ import annotations

import datetime
import plistlib
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import trustme
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

import tests
from assistant.core.profiles import export_profile, import_profile
from assistant.core.profiles.signing import looks_signed, unwrap_signed
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import ACCOUNTS, IMAP_ACCOUNT, POP3_ACCOUNT

# Apple's keys, types, required keys and allowed values, written down from its device-management schema.
APPLE = Path(tests.__file__).resolve().parent / "data" / "apple"
UUID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
REVERSE_DNS = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
TYPES: dict[str, type] = {
    "string": str, "integer": int, "boolean": bool, "array": list, "dictionary": dict, "data": bytes,
    "real": float, "date": datetime.datetime}


def schema(name: str) -> dict[str, dict[str, Any]]:
    keys: dict[str, dict[str, Any]] = yaml.safe_load((APPLE / name).read_text(encoding="utf-8"))
    for key, spec in keys.items():  # a typo in the data must not pass as "no rule"
        assert set(spec) <= {"type", "required", "allowed"} and spec["type"] in TYPES, (name, key)
    return keys


def check_against(d: dict[str, Any], keys: dict[str, dict[str, Any]], where: str) -> None:
    for key, value in d.items():
        assert key in keys, f"{where}: {key} is not a documented key"
        expected = TYPES[keys[key]["type"]]
        assert isinstance(value, expected) and not (expected is int and isinstance(value, bool)), (
            f"{where}: {key} should be {keys[key]['type']}, is {type(value).__name__}")
        if "allowed" in keys[key]:
            assert value in keys[key]["allowed"], f"{where}: {key}={value!r} not allowed"
    for key, spec in keys.items():
        if spec.get("required"):
            assert key in d, f"{where}: required {key} missing"


@pytest.mark.parametrize("name", sorted(ACCOUNTS))
def test_keys_and_types_follow_apple_schema(name: str) -> None:
    profile = plistlib.loads(export_profile(ACCOUNTS[name], "mobileconfig"))
    check_against(profile, schema("toplevel.yaml"), "top level")
    (mail,) = profile["PayloadContent"]
    mail_keys = {**schema("common-payload-keys.yaml"), **schema("com.apple.mail.managed.yaml")}
    check_against(mail, mail_keys, "mail")
    assert mail["PayloadType"] == "com.apple.mail.managed"
    for d in (profile, mail):
        assert UUID.match(d["PayloadUUID"]) and REVERSE_DNS.match(d["PayloadIdentifier"])
    assert mail["PayloadIdentifier"].startswith(profile["PayloadIdentifier"] + ".")
    assert profile["PayloadUUID"] != mail["PayloadUUID"]


def test_settings_are_all_there() -> None:
    (mail,) = plistlib.loads(export_profile(IMAP_ACCOUNT, "mobileconfig"))["PayloadContent"]
    assert mail["EmailAccountType"] == "EmailTypeIMAP"
    assert mail["IncomingMailServerHostName"] == "imap.example.com"
    assert mail["IncomingMailServerPortNumber"] == 993
    assert mail["OutgoingMailServerHostName"] == "smtp.example.com"
    assert mail["OutgoingMailServerPortNumber"] == 465
    assert mail["IncomingMailServerUseSSL"] is True and mail["OutgoingMailServerUseSSL"] is True
    assert mail["IncomingMailServerAuthentication"] == "EmailAuthPassword"
    assert mail["IncomingMailServerUsername"] == "alice@example.com" == mail["EmailAddress"]
    (pop,) = plistlib.loads(export_profile(POP3_ACCOUNT, "mobileconfig"))["PayloadContent"]
    assert pop["EmailAccountType"] == "EmailTypePOP"
    assert "IncomingMailServerUsername" not in pop and "EmailAddress" not in pop  # the device asks


def test_uuids_are_stable_per_account_and_differ_between_accounts() -> None:
    one = plistlib.loads(export_profile(IMAP_ACCOUNT, "mobileconfig"))
    moved = replace(IMAP_ACCOUNT, incoming=(replace(IMAP_ACCOUNT.incoming[0], host="imap2.example.com"),))
    again = plistlib.loads(export_profile(moved, "mobileconfig"))
    assert one["PayloadUUID"] == again["PayloadUUID"]
    assert one["PayloadIdentifier"] == again["PayloadIdentifier"]
    other = plistlib.loads(export_profile(replace(IMAP_ACCOUNT, address="bob@example.com"), "mobileconfig"))
    assert other["PayloadUUID"] != one["PayloadUUID"]
    assert other["PayloadIdentifier"] != one["PayloadIdentifier"]


def test_password_only_when_asked() -> None:
    secret = "s3cret-Pässword"
    account = replace(IMAP_ACCOUNT, password=secret)
    assert secret.encode() not in export_profile(account, "mobileconfig")
    (mail,) = plistlib.loads(export_profile(account, "mobileconfig", embed_password=True))["PayloadContent"]
    assert mail["IncomingPassword"] == secret == mail["OutgoingPassword"]
    with pytest.raises(InputError, match="no password"):
        export_profile(IMAP_ACCOUNT, "mobileconfig", embed_password=True)
    for fmt in ("autoconfig", "autodiscover", "sheet"):
        with pytest.raises(InputError, match="only a mobileconfig"):
            export_profile(account, fmt, embed_password=True)
    # Importing never carries a password on.
    back = import_profile(export_profile(account, "mobileconfig", embed_password=True), "p.mobileconfig")
    assert back.password is None


@pytest.mark.parametrize("name", sorted(ACCOUNTS))
def test_round_trip(name: str) -> None:
    account = ACCOUNTS[name]
    data = export_profile(account, "mobileconfig")
    back = import_profile(data, "p.mobileconfig")
    assert back.incoming == account.incoming[:1] and back.outgoing == account.outgoing[:1]
    assert (back.domain, back.address, back.display_name, back.provider_name) == (
        account.domain, account.address, account.display_name, account.provider_name)
    assert export_profile(back, "mobileconfig") == data
    binary = plistlib.dumps(plistlib.loads(data), fmt=plistlib.FMT_BINARY)
    assert import_profile(binary, "binary.mobileconfig") == back


# --- signing -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A root CA, an intermediate, and a leaf identity in a password-protected PKCS#12."""
    root = trustme.CA()
    intermediate = root.create_child_ca()
    leaf = intermediate.issue_cert("profiles.example.com")
    folder = tmp_path_factory.mktemp("signer")
    root.cert_pem.write_to_path(str(folder / "root.pem"))
    key = serialization.load_pem_private_key(leaf.private_key_pem.bytes(), None)
    chain = [x509.load_pem_x509_certificate(p.bytes()) for p in leaf.cert_chain_pems]
    p12 = pkcs12.serialize_key_and_certificates(
        b"signer", key, chain[0], chain[1:],  # type: ignore[arg-type]
        serialization.BestAvailableEncryption(b"p12-password"))
    other = trustme.CA()
    other.cert_pem.write_to_path(str(folder / "other.pem"))
    return {"p12": p12, "root": folder / "root.pem", "other": folder / "other.pem", "chain": chain}


def openssl_verify(signed: bytes, cafile: Path, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    openssl = shutil.which("openssl")
    assert openssl, "the openssl command is needed: apt-get install openssl"
    (tmp_path / "signed.der").write_bytes(signed)
    return subprocess.run([openssl, "cms", "-verify", "-inform", "DER", "-in", str(tmp_path / "signed.der"),
                           "-CAfile", str(cafile), "-purpose", "any", "-out", str(tmp_path / "content")],
                          capture_output=True, timeout=60, check=False)


def test_signed_profile_verifies_with_openssl(signer: dict[str, Any], tmp_path: Path) -> None:
    plain = export_profile(IMAP_ACCOUNT, "mobileconfig")
    signed = export_profile(IMAP_ACCOUNT, "mobileconfig", sign_identity=signer["p12"],
                            sign_password=b"p12-password")
    assert looks_signed(signed) and signed[:1] == b"\x30"  # DER
    done = openssl_verify(signed, signer["root"], tmp_path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert (tmp_path / "content").read_bytes() == plain  # signed data attached, byte for byte
    carried = pkcs7.load_der_pkcs7_certificates(signed)
    assert {c.fingerprint(c.signature_hash_algorithm) for c in carried} >= {  # type: ignore[arg-type]
        c.fingerprint(c.signature_hash_algorithm) for c in signer["chain"]}  # type: ignore[arg-type]


def test_signature_does_not_verify_against_another_ca(signer: dict[str, Any], tmp_path: Path) -> None:
    signed = export_profile(IMAP_ACCOUNT, "mobileconfig", sign_identity=signer["p12"],
                            sign_password=b"p12-password")
    assert openssl_verify(signed, signer["other"], tmp_path).returncode != 0


def test_tampered_signed_profile_fails_openssl(signer: dict[str, Any], tmp_path: Path) -> None:
    signed = bytearray(export_profile(IMAP_ACCOUNT, "mobileconfig", sign_identity=signer["p12"],
                                      sign_password=b"p12-password"))
    at = bytes(signed).index(b"imap.example.com")
    signed[at] = ord("X")
    assert openssl_verify(bytes(signed), signer["root"], tmp_path).returncode != 0


def test_signed_round_trip_and_openssl_signed_input(signer: dict[str, Any], tmp_path: Path) -> None:
    plain = export_profile(POP3_ACCOUNT, "mobileconfig")
    signed = export_profile(POP3_ACCOUNT, "mobileconfig", sign_identity=signer["p12"],
                            sign_password=b"p12-password")
    assert unwrap_signed(signed, "s") == plain
    assert import_profile(signed, "signed.mobileconfig") == import_profile(plain, "plain.mobileconfig")
    # A profile signed by openssl itself (BER, streaming) must be readable too.
    (tmp_path / "p.plist").write_bytes(plain)
    (tmp_path / "id.p12").write_bytes(signer["p12"])
    openssl = shutil.which("openssl")
    assert openssl, "the openssl command is needed: apt-get install openssl"
    subprocess.run([openssl, "pkcs12", "-in", str(tmp_path / "id.p12"), "-passin", "pass:p12-password",
                    "-nodes", "-out", str(tmp_path / "id.pem")], check=True, capture_output=True, timeout=60)
    subprocess.run([openssl, "cms", "-sign", "-nodetach", "-binary", "-stream", "-outform", "DER",
                    "-signer", str(tmp_path / "id.pem"), "-in", str(tmp_path / "p.plist"),
                    "-out", str(tmp_path / "s.der")], check=True, capture_output=True, timeout=60)
    streamed = (tmp_path / "s.der").read_bytes()
    assert import_profile(streamed, "streamed.mobileconfig") == import_profile(plain, "plain.mobileconfig")


def test_bad_identity_is_one_clear_line(signer: dict[str, Any]) -> None:
    with pytest.raises(InputError, match="wrong password") as info:
        export_profile(IMAP_ACCOUNT, "mobileconfig", sign_identity=signer["p12"], sign_password=b"nope")
    assert "nope" not in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError, match="not PKCS#12"):
        export_profile(IMAP_ACCOUNT, "mobileconfig", sign_identity=b"junk", sign_password=None)
    with pytest.raises(InputError, match="only a mobileconfig"):
        export_profile(IMAP_ACCOUNT, "autoconfig", sign_identity=signer["p12"])
