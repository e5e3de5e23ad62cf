"""Autoconfig export: passes both Thunderbird readers' rules, keeps the chosen protocol first, round-trips."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import tests
from assistant.core.model.account import ServerConfig
from assistant.core.profiles import export_profile, import_profile
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import ACCOUNTS, IMAP_ACCOUNT, POP3_ACCOUNT
from tests.support.profile_rules import check_autoconfig


def errors(data: bytes) -> list[str]:
    return [str(p) for p in check_autoconfig(data) if p.severity == "error"]


def codes(data: bytes) -> set[tuple[str, str]]:
    return {(p.reader, p.code) for p in check_autoconfig(data)}


@pytest.mark.parametrize("name", sorted(ACCOUNTS))
def test_every_export_passes_both_readers_cleanly(name: str) -> None:
    problems = check_autoconfig(export_profile(ACCOUNTS[name], "autoconfig"))
    assert [str(p) for p in problems if p.severity != "info"] == []


def test_chosen_protocol_first_and_imap_kept_for_android() -> None:
    imap = export_profile(IMAP_ACCOUNT, "autoconfig").decode()
    assert imap.index('type="imap"') < imap.index('type="pop3"')
    pop = export_profile(POP3_ACCOUNT, "autoconfig").decode()
    assert pop.index('type="pop3"') < pop.index('type="imap"')
    assert "<leaveMessagesOnServer>true</leaveMessagesOnServer>" in pop
    assert "<daysToLeaveMessagesOnServer>7</daysToLeaveMessagesOnServer>" in pop
    assert "password-cleartext" in imap and ">plain<" not in imap


def test_documentation_inside_provider() -> None:
    text = export_profile(IMAP_ACCOUNT, "autoconfig").decode()
    provider = text[text.index("<emailProvider"):text.index("</emailProvider>")]
    assert '<documentation url="https://example.com/help/mail">' in provider


def test_plain_only_when_insisted() -> None:
    plain = replace(IMAP_ACCOUNT, incoming=(ServerConfig("imap", "imap.example.com", 143, "plain"),))
    with pytest.raises(InputError, match="without permission to use a server without encryption"):
        export_profile(plain, "autoconfig")
    data = export_profile(plain, "autoconfig", allow_plain=True)
    assert ("android", "socket_type") in codes(data)  # Android refuses it: the validator must say so
    assert ("both", "plain") in codes(data)


def test_pop3_only_warns_for_android() -> None:
    only = replace(POP3_ACCOUNT, incoming=POP3_ACCOUNT.incoming[:1])
    data = export_profile(only, "autoconfig")
    assert errors(data) == []
    assert ("android", "no_imap") in codes(data)


@pytest.mark.parametrize("name", sorted(ACCOUNTS))
def test_round_trip(name: str) -> None:
    account = ACCOUNTS[name]
    data = export_profile(account, "autoconfig")
    back = import_profile(data, "config-v1.1.xml")
    assert back.incoming == account.incoming and back.outgoing == account.outgoing
    assert (back.domain, back.provider_id, back.provider_name, back.provider_short_name) == (
        account.domain, account.provider_id, account.provider_name, account.provider_short_name)
    assert back.documentation_url == account.documentation_url
    if any(s.protocol == "pop3" for s in account.incoming):
        assert back.pop3 == account.pop3
    # The file carries no address or name; with them restored the export is byte-identical.
    assert export_profile(back, "autoconfig") == data


# --- the validator itself must catch what the readers reject ---------------------------------------

GOOD_SERVER = ("<hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType>"
               "<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>")
GOOD_SMTP = GOOD_SERVER.replace("imap.", "smtp.").replace("993", "465")


def doc(incoming: str = GOOD_SERVER, outgoing: str = GOOD_SMTP, provider: str = 'id="example.com"',
        extra: str = "", itype: str = "imap") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><clientConfig version="1.1"><emailProvider {provider}>'
            f"<domain>example.com</domain><incomingServer type=\"{itype}\">{incoming}</incomingServer>"
            f'<outgoingServer type="smtp">{outgoing}</outgoingServer>{extra}</emailProvider>'
            f"</clientConfig>").encode()


@pytest.mark.parametrize(("data", "expected"), [
    (doc(), set()),
    (doc(provider=""), {("both", "provider_id")}),
    (doc(incoming=GOOD_SERVER.replace("SSL", "plain")), {("android", "socket_type"), ("both", "plain")}),
    (doc(incoming=GOOD_SERVER.replace("password-cleartext", "plain")),
     {("android", "authentication"), ("android", "legacy_auth")}),
    (doc(outgoing=GOOD_SMTP.replace("<port>465</port>", "")),
     {("thunderbird", "port"), ("thunderbird", "no_outgoing"), ("android", "port")}),
    (doc(incoming=GOOD_SERVER.replace("<username>%EMAILADDRESS%</username>", "")),
     {("thunderbird", "username"), ("android", "username")}),
    (doc(incoming=GOOD_SERVER.replace("%EMAILADDRESS%", "%EMAILADDRESS")), {("both", "placeholder")}),
    (doc(incoming=GOOD_SERVER.replace("993", "70000")),
     {("thunderbird", "port"), ("thunderbird", "no_incoming"), ("android", "port")}),
    (doc(incoming=GOOD_SERVER.replace("SSL", "STARTTLS")), {("both", "port_mismatch")}),
    (doc(incoming=GOOD_SERVER.replace("imap.example.com", "imap example.com")),
     {("thunderbird", "hostname"), ("thunderbird", "no_incoming"), ("android", "hostname")}),
    (doc(itype="pop3"), {("android", "no_imap")}),
    (b"\xef\xbb\xbf" + doc(), {("both", "bom")}),
    (b"<clientConfig", {("both", "not_xml")}),
    (b'<clientConfig xmlns="urn:x"/>', {("both", "root")}),
])
def test_validator_rules(data: bytes, expected: set[tuple[str, str]]) -> None:
    got = {(p.reader, p.code) for p in check_autoconfig(data) if p.severity != "info"}
    assert got == expected


def test_validator_on_isp_shaped_files() -> None:
    folder = Path(tests.__file__).resolve().parent / "data" / "autoconfig"  # see tests/data/README.md
    alternatives = check_autoconfig((folder / "starttls-alternatives.xml").read_bytes())
    assert [p for p in alternatives if p.severity == "error"] == []
    typo = {(p.reader, p.code) for p in check_autoconfig((folder / "placeholder-typo.xml").read_bytes())}
    assert ("both", "placeholder") in typo  # %EMAILADDRESS without its closing %, as in office365.com.xml
    pop3 = {(p.reader, p.code) for p in check_autoconfig((folder / "pop3-plain-only.xml").read_bytes())}
    assert ("android", "no_imap") in pop3 and ("both", "plain") in pop3


def test_validator_reports_a_port_in_non_ascii_digits_instead_of_crashing() -> None:
    # "²".isdigit() is True but int("²") raises: the validator must call it an invalid port.
    server = ("<hostname>{h}</hostname><port>{p}</port><socketType>SSL</socketType><username>u</username>"
              "<authentication>password-cleartext</authentication>")
    xml = ('<clientConfig version="1.1"><emailProvider id="e.test"><domain>e.test</domain>'
           f'<incomingServer type="imap">{server.format(h="i.e.test", p="²")}</incomingServer>'
           f'<outgoingServer type="smtp">{server.format(h="s.e.test", p="465")}</outgoingServer>'
           "</emailProvider></clientConfig>").encode()
    codes = {(p.reader, p.code) for p in check_autoconfig(xml)}
    assert ("thunderbird", "port") in codes
    assert ("android", "port") in codes
