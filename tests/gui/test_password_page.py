"""The password page's sign-in test, against the real Dovecot of the test world (mailboxes made here), and
what an organisation's preset does to the recommendation (on the fake discovery).

Success with the user-name form reported, a wrong password, a certificate problem confirmed on the results
page (sign-in goes through the pin of exactly that certificate) and one never confirmed (refused, nothing
sent), the keychain on and off, and the password searched for in everything the wizard shows or copies.
"""

from __future__ import annotations

import logging
import plistlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from assistant.core.discovery.presets import Preset, load_preset
from assistant.core.model.address import EmailAddress
from assistant.core.setup.flow import Page
from assistant.core.signin import keychain
from assistant.gui.pages.export import ExportPage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.signin_text import keychain_text
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING
from tests.gui.walk import click_next, page, sign_in, to_discovery, to_password
from tests.support.keyrings import MemoryKeyring

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]


def everything_shown(wiz: SetupWizard) -> str:
    """All text the wizard's pages show (labels, fields, reports), to search for the password."""
    from PySide6.QtWidgets import QLabel, QPlainTextEdit
    texts = []
    for p in wiz.pages.complete().values():
        texts += [w.text() for w in p.findChildren(QLabel)]
        texts += [w.toPlainText() for w in p.findChildren(QPlainTextEdit)]
    return "\n".join(texts)


def test_sign_in_works_and_names_the_user_name_form(qtbot: QtBot, make_wizard: MakeWizard,
                                                    accounts: dict[str, str], memory_keyring: MemoryKeyring,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = accounts[FOUND]
    wiz = make_wizard(timeout=30.0)
    to_discovery(qtbot, wiz, FOUND)
    pw = to_password(qtbot, wiz)
    text = sign_in(qtbot, wiz, pw, password)
    result = wiz.session.signin
    assert result is not None and result.ok, text
    assert result.incoming.username == FOUND and result.incoming.host == "imap.srv.test"
    assert not result.incoming.pinned  # a verified server needs no pin
    assert "The password works" in text
    assert "Signed in to imap.srv.test (IMAP)" in text and "Signed in to smtp.srv.test (SMTP)" in text
    assert "Your full email address is the user name." in text
    assert "Folders on the server:" in text and "SMTP AUTH" in text
    assert "✔ IMAP imap.srv.test:993" in pw.progress.text()
    # Remember is off: nothing reaches the keychain.
    assert not pw.remember.isChecked()
    click_next(qtbot, wiz)
    assert memory_keyring.store == {}
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DONE
    done = wiz.pages[Page.DONE]
    assert "The password works" in done.summary.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(done.copy_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    report = QApplication.clipboard().text()
    assert "Sign-in test: ok" in report and "user=full address" in report
    assert "imap imap.srv.test:993 ssl: ok" in report
    for leak in (password, "alice@"):
        assert leak not in report
    assert password not in everything_shown(wiz)
    assert password not in caplog.text


def test_wrong_password_is_said_plainly_and_remember_stores_only_when_ticked(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str],
        memory_keyring: MemoryKeyring) -> None:
    wiz = make_wizard(timeout=30.0)
    to_discovery(qtbot, wiz, FOUND)
    pw = to_password(qtbot, wiz)
    text = sign_in(qtbot, wiz, pw, "not-the-password")
    result = wiz.session.signin
    assert result is not None and result.incoming.code == "auth_failed" and not result.ok
    assert "The sign-in test did not succeed." in text
    assert "The server rejected the user name or password (imap.srv.test, IMAP" in text
    # Typing another password voids the result: it belonged to the old one.
    pw.password.setText(accounts[FOUND])
    assert wiz.session.signin is None and pw.result.text() == ""
    pw.remember.setChecked(True)
    click_next(qtbot, wiz)
    assert memory_keyring.store == {(keychain.SERVICE, FOUND): accounts[FOUND]}
    assert wiz.session.keychain == "saved"
    assert "Sign-in test: not run" in wiz.session.report()


def test_confirmed_certificate_problem_signs_in_through_its_pin(qtbot: QtBot, make_wizard: MakeWizard,
                                                               accounts: dict[str, str]) -> None:
    wiz = make_wizard(timeout=30.0)
    disc = to_discovery(qtbot, wiz, CERT_PROBLEM)
    s = wiz.session
    imap = s.choices["imap"]
    assert imap is not None and "certificate_problem" in imap.risks
    assert s.pins() == {}  # nothing confirmed, nothing pinned
    disc.confirm_boxes[imap.host].setChecked(True)
    assert imap.probe.tls is not None and imap.probe.tls.fingerprint_sha256
    assert s.pins() == {"imap": (imap.probe.tls.fingerprint_sha256,)}
    pw = to_password(qtbot, wiz)
    text = sign_in(qtbot, wiz, pw, accounts["carol"])
    result = s.signin
    assert result is not None and result.incoming.ok, text
    assert result.incoming.host == imap.host and result.incoming.pinned
    assert result.incoming.username == "carol" and result.incoming.tried == [CERT_PROBLEM, "carol"]
    assert "The part before the @ (carol) is the user name" in text
    assert "the certificate you confirmed" in text
    assert "pinned" in s.report()


def test_unconfirmed_certificate_problem_is_refused_without_sending(qtbot: QtBot, make_wizard: MakeWizard,
                                                                   accounts: dict[str, str]) -> None:
    wiz = make_wizard(timeout=30.0)
    to_discovery(qtbot, wiz, NOTHING)
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    manual.incoming.host.setText("selfsigned.tlsbad.test")  # self-signed, never confirmed anywhere
    manual.outgoing.host.setText("smtp.srv.test")
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.manual_check == "failed", timeout=30000)
    manual.accept_box.setChecked(True)  # "these settings did not work — continue anyway"
    pw = to_password(qtbot, wiz)
    assert wiz.session.pins() == {}
    text = sign_in(qtbot, wiz, pw, accounts["carol"])
    result = wiz.session.signin
    assert result is not None and result.incoming.code == "certificate_not_trusted"
    assert result.incoming.tried == []  # no user name, let alone a password, was sent
    assert "could not be verified, so the password was not sent" in text
    assert "to protect it" in text


def test_stop_cancels_the_sign_in(qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str]) -> None:
    wiz = make_wizard(timeout=30.0)
    to_discovery(qtbot, wiz, FOUND)
    pw = to_password(qtbot, wiz)
    pw.password.setText("wrong, so the server delays its answer")
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pw.stop_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=30000)
    assert wiz.session.signin is None
    assert pw.result.text() == "The sign-in test was stopped."


def test_profiles_use_the_user_name_the_sign_in_proved(qtbot: QtBot, make_wizard: MakeWizard,
                                                       accounts: dict[str, str], tmp_path: Path) -> None:
    wiz = make_wizard(timeout=30.0)
    disc = to_discovery(qtbot, wiz, CERT_PROBLEM)
    s = wiz.session
    imap = s.choices["imap"]
    assert imap is not None
    disc.confirm_boxes[imap.host].setChecked(True)
    assert s.account().incoming[0].username == "%EMAILADDRESS%"  # nothing proved yet: as found
    pw = to_password(qtbot, wiz)
    text = sign_in(qtbot, wiz, pw, accounts["carol"])
    result = s.signin
    assert result is not None and result.incoming.ok and result.incoming.username == "carol", text
    account = s.account()
    assert account.incoming[0].host == imap.host and account.incoming[0].username == "%EMAILLOCALPART%"
    assert s.account(proved=False).incoming[0].username == "%EMAILADDRESS%"
    outgoing = {CERT_PROBLEM: "%EMAILADDRESS%", "carol": "%EMAILLOCALPART%"}.get(
        result.outgoing.username or "", "%EMAILADDRESS%")
    assert account.outgoing[0].username == (outgoing if result.outgoing.ok else "%EMAILADDRESS%")
    click_next(qtbot, wiz)
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    autoconfig = export.profile_bytes("autoconfig").decode()
    assert "<username>%EMAILLOCALPART%</username>" in autoconfig
    plist = plistlib.loads(export.profile_bytes("mobileconfig"))
    mail = next(p for p in plist["PayloadContent"] if p.get("PayloadType") == "com.apple.mail.managed")
    assert mail["IncomingMailServerUsername"] == "carol"
    sheet = export.profile_bytes("sheet").decode()
    assert "carol" in sheet and CERT_PROBLEM not in sheet.split("User name", 1)[1][:200]


def test_a_failed_sign_in_keeps_the_password_out_of_the_keychain(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str],
        memory_keyring: MemoryKeyring) -> None:
    wiz = make_wizard(timeout=30.0)
    to_discovery(qtbot, wiz, FOUND)
    pw = to_password(qtbot, wiz)
    sign_in(qtbot, wiz, pw, "not-the-password")
    assert wiz.session.signin is not None and wiz.session.signin.incoming.code == "auth_failed"
    pw.remember.setChecked(True)
    click_next(qtbot, wiz)
    assert memory_keyring.store == {}
    assert wiz.session.keychain == "signin_rejected"
    message = keychain_text(wiz.session)
    assert "not saved in the system keychain" in message and "rejected" in message
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    assert export.banner.text() == message and export.banner.isVisible()
    click_next(qtbot, wiz)
    assert message in wiz.pages[Page.DONE].summary.text()  # type: ignore[attr-defined]
    # A successful test with the right password stores it as before.
    wiz.back()
    wiz.back()
    assert wiz.currentId() == int(Page.PASSWORD)
    sign_in(qtbot, wiz, pw, accounts[FOUND])
    assert wiz.session.signin is not None and wiz.session.signin.ok
    pw.remember.setChecked(True)
    click_next(qtbot, wiz)
    assert memory_keyring.store == {(keychain.SERVICE, FOUND): accounts[FOUND]}
    assert wiz.session.keychain == "saved"


# --- presets ----------------------------------------------------------------------------------------------

def preset_file(tmp_path: Path, text: str) -> Preset:
    path = tmp_path / "preset.toml"
    path.write_text(text, encoding="utf-8")
    return load_preset(path)


def test_preset_forbidding_pop3_is_obeyed_and_explained(qtbot: QtBot, make_wizard: MakeWizard,
                                                        tmp_path: Path) -> None:
    wiz = make_wizard()
    wiz.session.preset = preset_file(tmp_path, 'name = "Example Corp"\n[policy]\n'
                                               'forbidden_protocols = ["pop3"]\n')
    disc = to_discovery(qtbot, wiz, FOUND)
    s = wiz.session
    assert s.result is not None and any(r.candidate.protocol == "pop3" and r.secure
                                        for r in s.result.candidates)  # POP3 exists and works ...
    assert s.choices["pop3"] is None  # ... but is not offered
    problems = " ".join(w.text() for w in disc.problems.findChildren(QLabel))
    assert "Example Corp does not allow POP3" in problems
    click_next(qtbot, wiz)
    devices = wiz.pages[Page.DEVICES]
    devices.storage.setChecked(True)  # type: ignore[attr-defined]  # on its own this would lead to POP3
    click_next(qtbot, wiz)
    rec = wiz.pages[Page.RECOMMENDATION]
    assert s.recommendation is not None and s.recommendation.protocol == "imap"
    assert not rec.radios["pop3"].isEnabled()  # type: ignore[attr-defined]
    assert "Example Corp does not allow POP3" in rec.sections["costs"].text()  # type: ignore[attr-defined]
    reasons = rec.sections["reasons"].text()  # type: ignore[attr-defined]
    assert "Example Corp does not allow POP3" in reasons and "but not POP3" not in reasons


def test_preset_without_policy_recommends_pop3_for_limited_storage(qtbot: QtBot,
                                                                   make_wizard: MakeWizard) -> None:
    """The control for the test above: the same answers without the preset do lead to POP3."""
    wiz = make_wizard()
    to_discovery(qtbot, wiz, FOUND)
    click_next(qtbot, wiz)
    wiz.pages[Page.DEVICES].storage.setChecked(True)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    assert wiz.session.recommendation is not None and wiz.session.recommendation.protocol == "pop3"


def test_preset_with_fixed_servers_is_what_gets_set_up(qtbot: QtBot, make_wizard: MakeWizard,
                                                       tmp_path: Path, accounts: dict[str, str]) -> None:
    """Nothing answers for the address's own domain; the organisation's servers (STARTTLS, a fixed user
    name) are found, set up and signed in to. (A domain with its own SRV servers is not used here: the
    probe engine may cancel a preset's STARTTLS server once an implicit-TLS one verified.)"""
    wiz = make_wizard(timeout=30.0)
    wiz.session.preset = preset_file(tmp_path, f"""name = "Srv Org"
domains = ["srv.test"]
[[servers]]
protocol = "imap"
host = "imap.srv.test"
port = 143
security = "starttls"
username = "{FOUND}"
[[servers]]
protocol = "smtp"
host = "smtp.srv.test"
port = 587
security = "starttls"
username = "{FOUND}"
""")
    disc = to_discovery(qtbot, wiz, NOTHING)
    s = wiz.session
    assert s.state.discovered_usable  # without the preset this address finds nothing (see test_wizard)
    problems = " ".join(w.text() for w in disc.problems.findChildren(QLabel))
    assert "not in a domain Srv Org's settings are meant for" in problems
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES
    pw = to_password(qtbot, wiz)
    account = s.account()
    assert [(x.host, x.port, x.security) for x in (*account.incoming, *account.outgoing)] == [
        ("imap.srv.test", 143, "starttls"), ("smtp.srv.test", 587, "starttls")]
    text = sign_in(qtbot, wiz, pw, accounts[FOUND])
    assert s.signin is not None and s.signin.ok, text
    assert s.signin.incoming.username == FOUND and f"The user name {FOUND} worked." in text
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    summary = wiz.pages[Page.DONE].summary.text()  # type: ignore[attr-defined]
    assert "imap.srv.test:143" in summary and "smtp.srv.test:587" in summary
    assert "Preset: Srv Org" in s.report()


def test_sign_in_and_policy_sentences_are_translated(qtbot: QtBot, make_wizard: MakeWizard, tmp_path: Path,
                                                     accounts: dict[str, str]) -> None:
    from tests.gui.test_i18n import check_page, english_sources
    english = english_sources()
    seen: dict[Page, int] = {}
    wiz = make_wizard(lang="zh_TW", timeout=30.0)
    wiz.session.preset = preset_file(tmp_path, 'name = "Example Corp"\ndomains = ["example.com"]\n'
                                               '[policy]\nforbidden_protocols = ["pop3"]\n')
    disc = to_discovery(qtbot, wiz, CERT_PROBLEM)
    problems = [w.text() for w in disc.problems.findChildren(QLabel)]
    assert any("Example Corp" in t and "網域" in t for t in problems), problems  # policy_domain_mismatch
    imap = wiz.session.choices["imap"]
    assert imap is not None
    disc.confirm_boxes[imap.host].setChecked(True)
    check_page(wiz, english, seen)
    pw = to_password(qtbot, wiz)
    text = sign_in(qtbot, wiz, pw, accounts["carol"])
    assert wiz.session.signin is not None and wiz.session.signin.incoming.ok
    lines = [line.strip(" •") for line in text.splitlines()]
    assert "使用者名稱是 @ 前面的部分（carol），而不是完整的地址。" in lines
    assert [line for line in lines if line in english] == []
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in lines), lines
    check_page(wiz, english, seen)


@pytest.mark.parametrize("password", ["Corp-Pass-2024", "redacted", "x" * 5000])
def test_diagnostics_never_show_the_password(password: str) -> None:
    """Even a password that is also a word of the report, or one no server would take, stays out."""
    from assistant.core.model.account import ServerConfig
    from assistant.core.net.dns import Resolver
    from assistant.core.net.settings import Settings
    from assistant.core.setup.session import SetupSession
    s = SetupSession(Settings(resolver=Resolver()),
                     address=EmailAddress.parse(f"{password[:20]}@example.test"))
    s.password = password
    # Nothing the report prints holds the password, unless a person typed it where it does not belong:
    s.set_manual(ServerConfig(protocol="imap", host=password, port=993, security="ssl"),
                 ServerConfig(protocol="smtp", host="smtp.example.test", port=465, security="ssl"))
    report = s.report()
    assert password not in report and password[:20] not in report
    assert report.startswith("Mail Setup Assistant")
