"""The export page's options: a signed Apple profile (with and without the password), a wrong certificate
password (clear message, nothing written), a signing identity read with a size bound, and the overwrite
question. The servers come from the fake discovery (tests/support/fake_discovery.py)."""

from __future__ import annotations

import plistlib
from collections.abc import Callable
from pathlib import Path

import pytest
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pytestqt.qtbot import QtBot

from assistant.core.profiles import import_profile
from assistant.core.profiles.signing import looks_signed, signer_certificates, unwrap_signed
from assistant.core.setup.inputs import MAX_IDENTITY_BYTES
from assistant.gui.pages.export import ExportPage
from assistant.gui.wizard import SetupWizard
from tests.gui import walk
from tests.gui.conftest import FOUND

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> Path:
    leaf = trustme.CA().issue_cert("profiles.example.test")
    key = serialization.load_pem_private_key(leaf.private_key_pem.bytes(), None)
    cert = x509.load_pem_x509_certificate(leaf.cert_chain_pems[0].bytes())
    path = tmp_path_factory.mktemp("signer") / "id.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, None, serialization.BestAvailableEncryption(b"p12-pass")))  # type: ignore[arg-type]
    return path


def to_export(qtbot: QtBot, wiz: SetupWizard, password: str = "") -> ExportPage:
    """FOUND's servers, no sign-in test, to the export page."""
    walk.to_discovery(qtbot, wiz, FOUND, typed=False)
    return walk.to_export(qtbot, wiz, password)


def only(export: ExportPage, fmt: str) -> None:
    export.admin.setChecked(fmt in ("autoconfig", "autodiscover") or export.admin.isChecked())
    for name, box in export.formats.items():
        box.setChecked(name == fmt)


def test_signed_profile_with_embedded_password(qtbot: QtBot, make_wizard: Callable[..., SetupWizard],
                                               tmp_path: Path, identity: Path) -> None:
    export = to_export(qtbot, make_wizard(), password="pw-123")
    assert export.embed.isEnabled() and not export.embed.isChecked()  # never the default
    only(export, "mobileconfig")
    export.folder.setText(str(tmp_path))
    export.admin.setChecked(True)  # signing is for the people who run the domain
    export.sign.setChecked(True)
    export.identity.setText(str(identity))
    export.identity_pw.setText("p12-pass")
    export.embed.setChecked(True)
    [path] = export.save()
    data = path.read_bytes()
    assert looks_signed(data)
    names = signer_certificates(data)[0].extensions.get_extension_for_class(x509.SubjectAlternativeName)
    assert names.value.get_values_for_type(x509.DNSName) == ["profiles.example.test"]
    plist = plistlib.loads(unwrap_signed(data, str(path)))
    assert plist["PayloadContent"][0]["IncomingPassword"] == "pw-123"
    assert import_profile(data, str(path)).incoming[0].host == "imap.srv.test"


def test_wrong_certificate_password_writes_nothing(qtbot: QtBot, make_wizard: Callable[..., SetupWizard],
                                                   tmp_path: Path, identity: Path) -> None:
    export = to_export(qtbot, make_wizard())
    assert not export.embed.isEnabled()  # no password given, nothing to embed
    only(export, "mobileconfig")
    export.folder.setText(str(tmp_path))
    export.admin.setChecked(True)
    export.sign.setChecked(True)
    export.identity.setText(str(identity))
    export.identity_pw.setText("n0t-th1s")
    assert export.save() == []
    assert "PKCS#12" in export.status.text() and "n0t-th1s" not in export.status.text()
    assert list(tmp_path.iterdir()) == []


MakeWizard = Callable[..., SetupWizard]


def test_existing_files_are_replaced_only_when_confirmed(qtbot: QtBot, make_wizard: MakeWizard,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    export = to_export(qtbot, make_wizard())
    only(export, "autoconfig")
    export.folder.setText(str(tmp_path))
    (tmp_path / "config-v1.1.xml").write_text("keep me")
    answers: list[list[str]] = []
    monkeypatch.setattr(export, "confirm_replace", lambda names: answers.append(names) or False)
    assert export.save() == []
    assert (tmp_path / "config-v1.1.xml").read_text() == "keep me" and answers == [["config-v1.1.xml"]]
    monkeypatch.setattr(export, "confirm_replace", lambda names: True)
    [path] = export.save()
    assert import_profile(path.read_bytes(), str(path)).outgoing[0].host == "smtp.srv.test"
    assert not list(tmp_path.glob(".*.tmp"))  # atomic write left no temp file


def test_signing_identity_is_read_bounded_and_a_bad_name_is_one_line(
        qtbot: QtBot, make_wizard: MakeWizard, tmp_path: Path) -> None:
    """A huge (or endless, like /dev/zero) file must not be read whole; a name Python cannot open must not
    escape the Save slot as a traceback."""
    export = to_export(qtbot, make_wizard())
    for name, box in export.formats.items():
        box.setChecked(name == "mobileconfig")
    out = tmp_path / "out"
    out.mkdir()
    export.folder.setText(str(out))
    export.admin.setChecked(True)  # signing sits under "For IT administrators"
    export.sign.setChecked(True)
    big = tmp_path / "huge.p12"
    big.write_bytes(b"\0" * (MAX_IDENTITY_BYTES + 1))
    export.identity.setText(str(big))
    assert export.save() == []
    assert "larger than" in export.status.text() and str(big) in export.status.text()
    export.identity.setText(str(tmp_path / "a\0b.p12"))
    assert export.save() == []
    assert export.status.text()
    assert list(out.iterdir()) == []
