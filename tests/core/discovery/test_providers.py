"""The provider table (resources/data/providers.json) and recognising a provider from what discovery saw.

Table-driven: each row is what discovery knew (the address's domain, the MX hosts, the servers in use, the
OAuth2 issuer and the sign-in methods a settings file named) and the provider that must come out, or None.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from assistant.core.discovery import providers
from assistant.core.discovery.providers import ProviderTableError, load, recognise
from assistant.core.model.provider import SignIn, language
from assistant.resources import path as resource_path

REPO = Path(__file__).resolve().parents[3]

# (case, domain, mx hosts, servers in use, issuers, file methods) → provider id, how, or None
Case = tuple[str, str, list[str], list[str], list[str], list[list[str]], str | None, tuple[str, ...]]
CASES: list[Case] = [
    ("gmail address", "gmail.com", [], [], [], [], "google", ("domain",)),
    ("googlemail address, Google's servers", "googlemail.com", [], ["imap.gmail.com"], [], [], "google",
     ("domain", "hosts")),
    ("Workspace, classic MX", "contoso.test", ["aspmx.l.google.com", "alt1.aspmx.l.google.com"],
     ["imap.gmail.com", "smtp.gmail.com"], [], [], "google", ("mx", "hosts")),
    ("Workspace, MX since 2023", "contoso.test", ["smtp.google.com"], ["imap.gmail.com"], [], [], "google",
     ("mx", "hosts")),
    ("Workspace, googlemail MX", "contoso.test", ["aspmx2.googlemail.com"], [], [], [], "google", ("mx",)),
    ("Google MX but own servers", "split.test", ["aspmx.l.google.com"], ["imap.split.test"], [], [], None,
     ()),
    ("Microsoft 365 custom domain", "contoso.test", ["contoso-test.mail.protection.outlook.com"],
     ["outlook.office365.com", "smtp.office365.com"], ["login.microsoftonline.com"], [], "microsoft",
     ("mx", "hosts", "oauth2_issuer")),
    ("outlook.com address", "outlook.com", ["outlook-com.olc.protection.outlook.com"], [], [], [],
     "microsoft", ("domain", "mx")),
    ("hotmail address", "hotmail.co.uk", [], [], [], [], "microsoft", ("domain",)),
    ("servers typed by hand", "example.test", [], ["OUTLOOK.office365.com."], [], [], "microsoft",
     ("hosts",)),
    ("AOL before Yahoo (both yahoodns)", "aol.com", ["mx-aol.mail.gm0.yahoodns.net"], [], [], [], "aol",
     ("domain", "mx")),
    ("Yahoo Taiwan", "yahoo.com.tw", ["mta5.am0.yahoodns.net"], [], [], [], "yahoo", ("domain", "mx")),
    ("iCloud custom domain", "family.test", ["mx01.mail.icloud.com"], ["imap.mail.me.com"], [], [], "apple",
     ("mx", "hosts")),
    ("me.com", "me.com", [], [], [], [], "apple", ("domain",)),
    ("Fastmail custom domain", "mine.test", ["in1-smtp.messagingengine.com"], [], [], [], "fastmail",
     ("mx",)),
    ("QQ", "qq.com", ["mx3.qq.com"], ["imap.qq.com"], [], [], "qq", ("domain", "mx", "hosts")),
    ("QQ domain mail", "shop.test", ["mxdomain.qq.com"], [], [], [], "qq", ("mx",)),
    ("Tencent Exmail is not QQ Mail", "corp.test", ["mxbiz1.qq.com"], [], [], [], None, ()),
    ("NetEase 126", "126.com", ["126mx00.mxmail.netease.com"], [], [], [], "netease", ("domain", "mx")),
    ("issuer alone, Google's servers", "college.test", [], ["imap.gmail.com"], ["accounts.google.com"], [],
     "google", ("hosts", "oauth2_issuer")),
    ("issuer names Google, servers are not Google's", "odd.test", [], ["imap.odd.test"],
     ["accounts.google.com"], [], None, ()),
    ("ordinary domain", "example.test", ["mx.example.test"], ["imap.example.test"], [], [], None, ()),
    ("look-alike MX", "evil.test",
     ["aspmx.l.google.com.evil.test", "x.mail.protection.outlook.com.evil.test"], [], [], [], None, ()),
    ("look-alike host", "evil.test", [], ["imap.gmail.com.evil.test"], [], [], None, ()),
    ("unknown OAuth2-only file", "mail.example", [], ["imap.mail.example"], [], [["OAuth2"]], "other",
     ("settings_file",)),
    ("unknown OAuth2 with password", "mail.example", [], ["imap.mail.example"], [],
     [["OAuth2", "password-cleartext"]], "other", ("settings_file",)),
    ("a password-only file", "mail.example", [], [], [], [["password-cleartext"]], None, ()),
]


@pytest.mark.parametrize("case, domain, mx, hosts, issuers, methods, expected, how", CASES,
                         ids=[c[0] for c in CASES])
def test_recognition(case: str, domain: str, mx: list[str], hosts: list[str], issuers: list[str],
                     methods: list[list[str]], expected: str | None, how: tuple[str, ...]) -> None:
    found = recognise(domain, mx_hosts=mx, hosts=hosts, issuers=issuers, file_methods=methods)
    if expected is None:
        assert found is None, case
        return
    assert found is not None, case
    assert (found.provider, found.recognised_by) == (expected, how), case


@pytest.mark.parametrize("provider, methods, oauth2_only, app_password", [
    ("google", ("oauth2", "app_password"), False, True),
    ("microsoft", ("oauth2",), True, False),
    ("yahoo", ("oauth2", "app_password"), False, True),
    ("aol", ("oauth2", "app_password"), False, True),
    ("apple", ("app_password",), False, True),
    ("fastmail", ("oauth2", "app_password"), False, True),
    ("qq", ("app_password",), False, True),
    ("netease", ("app_password",), False, True),
])
def test_each_provider_signs_in_as_documented(provider: str, methods: tuple[str, ...], oauth2_only: bool,
                                              app_password: bool) -> None:
    entry = providers.by_id(provider)
    assert entry is not None
    sign_in = entry.sign_in(("domain",))
    assert sign_in.methods == methods
    assert (sign_in.oauth2_only, sign_in.app_password) == (oauth2_only, app_password)
    if app_password:
        assert sign_in.app_password_url and sign_in.app_password_url.startswith("https://")
    assert sign_in.trusted


def test_google_points_to_the_app_password_page() -> None:
    google = recognise("gmail.com")
    assert google is not None and google.app_password_url == "https://myaccount.google.com/apppasswords"


def test_names_in_each_language() -> None:
    zh = {"providers": {"LANGUAGE_CODE": "zh_TW"}}

    def translate(context: str, text: str) -> str:
        return zh.get(context, {}).get(text, text)

    yahoo, qq = recognise("yahoo.com.tw"), recognise("qq.com")
    assert yahoo is not None and qq is not None
    assert (yahoo.name(), yahoo.name(translate)) == ("Yahoo", "Yahoo奇摩")
    assert (qq.name(), qq.name(translate)) == ("QQ Mail", "QQ郵箱")
    assert language(None) == "en" and language(lambda c, t: t) == "en" and language(translate) == "zh_TW"


def test_json_form_round_trips() -> None:
    found = recognise("contoso.test", mx_hosts=["x.mail.protection.outlook.com"])
    assert found is not None
    back = SignIn.from_dict(json.loads(json.dumps(found.to_dict())))
    assert back is not None and back.to_dict() == found.to_dict()
    assert back.hosts == ()  # the table's own facts are not in the JSON ...
    again = providers.refreshed(back)
    assert again is not None and again.owns("outlook.office365.com")  # ... and come back from the table
    assert SignIn.from_dict(None) is None
    with pytest.raises(ValueError, match=r"sign_in\.methods"):
        SignIn.from_dict({"provider": "x", "provider_name": "X", "methods": ["telepathy"]})


def test_the_table_matches_its_schema() -> None:
    schema = json.loads(resource_path("schemas", "providers.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data: dict[str, Any] = json.loads(resource_path("data", "providers.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    for entry in data["providers"]:
        assert entry["sources"], entry["id"]
        assert entry["names"]["zh_TW"], entry["id"]
    assert [p.id for p in providers.table()] == [e["id"] for e in data["providers"]]


@pytest.mark.parametrize("text, problem", [
    (b"{", "not valid JSON"),
    (b'{"schema_version": 2, "providers": []}', "schema_version"),
    (b'{"schema_version": 1, "providers": [{"id": "x", "names": {}}]}', "English name"),
    (b'{"schema_version": 1, "providers": [{"id": "x", "names": {"en": "X"}, "accounts": {}, '
     b'"methods": ["carrier-pigeon"]}]}', "unknown sign-in method"),
])
def test_a_broken_table_is_one_clear_error(text: bytes, problem: str) -> None:
    with pytest.raises(ProviderTableError, match=problem):
        load(text)


def test_the_table_ships_with_the_app() -> None:
    """setup.py puts resources/data into the wheel; the PyInstaller spec copies every file of resources/."""
    setup = (REPO / "setup.py").read_text(encoding="utf-8")
    assert '.data": ["*.json"]' in setup
    manifest = (REPO / "MANIFEST.in").read_text(encoding="utf-8")
    assert "*.json" in manifest
    import sys
    sys.path.insert(0, str(REPO / "installers"))
    try:
        import buildlib
        shipped = {Path(src).name for src, _dest in buildlib.resource_datas(REPO)}
    finally:
        sys.path.remove(str(REPO / "installers"))
    assert "providers.json" in shipped and "providers.schema.json" in shipped


def test_convert_knows_the_provider_of_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A file of an OAuth2-only provider: no Apple profile, with the reason and the built-in route; an
    autoconfig copy stays exactly as it was (a conversion changes nothing it does not announce); the sheet
    of Google's file says how to sign in there."""
    from assistant.cli import main
    office365 = str(REPO / "tests" / "data" / "ispdb" / "office365.com.xml")
    gmail = str(REPO / "tests" / "data" / "ispdb" / "gmail.com.xml")
    assert main(["convert", office365, "--to", "mobileconfig"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Microsoft accepts only sign-in on its own page (OAuth2)" in err
    assert "Add Account › Microsoft Exchange" in err
    assert main(["convert", office365, "--to", "autoconfig"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["convert", gmail, "--to", "sheet", "--address", "bob@gmail.com"]) == 0
    sheet = capsys.readouterr().out
    assert "Sign in through Google&#x27;s page (OAuth2)" in sheet
    assert "App password (not your normal password)" in sheet
    assert "https://myaccount.google.com/apppasswords" in sheet
