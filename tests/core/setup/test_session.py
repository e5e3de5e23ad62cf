"""The setup session's use cases without Qt or a network: each is one method the wizard's pages and the
commands call (discovery from a saved probe, did-you-mean, the keychain, the export plan and its plaintext
rule, the address value and what a new one forgets)."""

from __future__ import annotations

import html
import json
import plistlib
from pathlib import Path

import keyring
import pytest

from assistant.core.discovery.presets import Policy, Preset
from assistant.core.model.address import EmailAddress
from assistant.core.setup.session import SetupSession
from assistant.core.words.errors import DomainError, InputError
from tests.core.setup.test_outcome import ADDRESS, GOOD, discovered, no_settings, probe, result, signed_in
from tests.support.keyrings import LockedKeyring, MemoryKeyring


def test_the_address_is_a_value_and_a_new_one_forgets_what_belonged_to_the_old() -> None:
    s = discovered(GOOD)
    assert s.address == EmailAddress.parse(ADDRESS) and s.address_text == ADDRESS
    s.address = EmailAddress.parse("ANN@Example.Test".replace("ANN", "ann"))  # the same value
    assert s.result is GOOD
    s.address_typed(None)  # the field holds no address now: the session keeps the last one, Next is off
    assert not s.state.address_valid and s.result is GOOD
    s.address_typed(EmailAddress.parse("bob@example.test"))
    assert s.state.address_valid and s.result is None and s.domain() == "example.test"


def test_a_unicode_domain_is_one_value_with_its_a_label() -> None:
    a, b = EmailAddress.parse("Niaj@Bücher.example"), EmailAddress.parse("Niaj@XN--BCHER-KVA.example")
    assert a == b and a.address == "Niaj@xn--bcher-kva.example" and a.shown == "Niaj@bücher.example"
    assert a.expand("%EMAILLOCALPART%.%EMAILDOMAIN%") == "Niaj.xn--bcher-kva.example"
    assert a.collapse("Niaj@xn--bcher-kva.example") == "%EMAILADDRESS%"
    assert a.collapse("Niaj") == "%EMAILLOCALPART%"
    assert EmailAddress.parse("example.test").expand("%EMAILADDRESS%") is None


def test_did_you_mean_only_after_the_domain_was_not_found() -> None:
    s = SetupSession(no_settings, address=EmailAddress.parse("ann@gmial.com"))
    assert s.suggestion() is None  # nothing was looked up yet
    s.discovery_error = DomainError(code="nxdomain", params={"domain": "gmial.com"})
    suggestion = s.suggestion()
    assert suggestion is not None and suggestion.address == "ann@gmail.com"
    s.discovery_error = DomainError("the resolver did not answer", "dns_failed")
    assert s.suggestion() is None  # DNS down is no typing slip


def test_a_saved_probe_must_be_of_the_addresss_domain_and_obeys_the_policy(tmp_path: Path) -> None:
    saved = tmp_path / "probe.json"
    saved.write_text(json.dumps(GOOD.to_dict()))
    s = SetupSession(no_settings, address=EmailAddress.parse("carl@other.test"))
    with pytest.raises(InputError, match=r"is the probe of example\.test, not other\.test"):
        s.discover_from_file(str(saved))
    strict = Preset(name="org", path="org.toml", policy=Policy(forbidden_protocols=("imap",)))
    s = SetupSession(no_settings, address=EmailAddress.parse(ADDRESS), preset=strict)
    found = s.discover_from_file(str(saved))
    assert s.result is found and found.recommended.get("imap") is None
    assert s.address_text == ADDRESS  # the file's address never overwrites the session's


def test_the_keychain_keeps_only_a_password_that_was_not_refused(memory_keyring: MemoryKeyring) -> None:
    s = discovered(GOOD)
    s.password = "pw"
    assert s.save_password(False) == "not_asked" and not memory_keyring.store
    signed_in(s, incoming="auth_failed")
    assert s.save_password(True) == "signin_rejected" and not memory_keyring.store
    assert s.qr_password() is None  # a refused password never goes to a phone either
    s.forget_signin()
    assert s.save_password(True) == "saved" and list(memory_keyring.store.values()) == ["pw"]
    assert s.qr_password() == "pw"


def test_a_refusing_keychain_gives_its_code_and_its_own_words() -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        s = discovered(GOOD)
        s.password = "hunter2"
        assert s.save_password(True) == "locked" == s.keychain
        assert "hunter2" not in s.keychain_reason
    finally:
        keyring.set_keyring(before)


def test_plaintext_goes_into_files_only_for_the_server_the_person_accepted(tmp_path: Path) -> None:
    plain = result(probe("imap", "mail.example.test", 143, "plain"), probe("smtp", "smtp.example.test", 465))
    s = discovered(plain)
    s.confirm("mail.example.test")
    account = s.account()
    assert s.plain_allowed(account)
    s.confirm("mail.example.test", on=False)
    assert not s.plain_allowed(account)
    assert not s.plain_allowed(discovered(GOOD).account())


def test_the_password_goes_into_the_apple_profile_only_when_asked(tmp_path: Path) -> None:
    s = discovered(GOOD)
    s.password = "pw-9"
    files = {f.fmt: f for f in s.export_plan(["mobileconfig", "autoconfig", "sheet"], tmp_path)}
    assert "IncomingPassword" not in plistlib.loads(files["mobileconfig"].data)["PayloadContent"][0]
    files = {f.fmt: f for f in s.export_plan(["mobileconfig", "autoconfig", "sheet"], tmp_path,
                                             embed_password=True)}
    assert plistlib.loads(files["mobileconfig"].data)["PayloadContent"][0]["IncomingPassword"] == "pw-9"
    assert b"pw-9" not in files["autoconfig"].data and b"pw-9" not in files["sheet"].data
    signed_in(s, incoming="auth_failed")  # not working now: the printed sheet says so first
    verdict = s.outcome()
    [sheet] = s.export_plan(["sheet"], tmp_path)
    assert not verdict.usable and html.escape(verdict.headline()).encode() in sheet.data
    assert html.escape(verdict.headline()).encode() not in files["sheet"].data


def test_the_pages_drive_the_navigation_through_the_session() -> None:
    s = discovered(GOOD)
    s.signin_started()
    assert s.state.signin == "running"
    s.signin_stopped(False)
    assert s.state.signin == "idle"
    s.edit_manually(True)
    assert s.state.edit_manually
    s.manual_form(True, True)
    assert s.state.manual_valid and s.state.manual_unconfirmed
