"""Autodiscover export: SSL/Encryption/SPA mean what Outlook and Thunderbird read; round trip."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.net.xmlsafe import local_name, parse_xml
from assistant.core.profiles import export_profile, import_profile
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import ACCOUNTS, IMAP_ACCOUNT, POP3_ACCOUNT
from tests.support.profile_rules import thunderbird_reads_autodiscover


def protocols(data: bytes) -> list[dict[str, str]]:
    root = parse_xml(data, "test")
    return [{local_name(c): (c.text or "") for c in p} for p in root.iter() if local_name(p) == "Protocol"]


@pytest.mark.parametrize(("security", "port", "ssl", "encryption"), [
    ("ssl", 993, "on", "SSL"), ("starttls", 143, "on", "TLS"), ("plain", 143, "off", "None")])
def test_ssl_and_encryption_semantics(security: str, port: int, ssl: str, encryption: str) -> None:
    server = ServerConfig("imap", "imap.example.com", port, security)  # type: ignore[arg-type]
    account = replace(IMAP_ACCOUNT, incoming=(server,))
    data = export_profile(account, "autodiscover", allow_plain=True)
    imap = protocols(data)[0]
    assert (imap["Type"], imap["SSL"], imap["Encryption"]) == ("IMAP", ssl, encryption)
    assert (imap["SPA"], imap["AuthRequired"], imap["DomainRequired"]) == ("off", "on", "off")
    # Thunderbird's reader and ours (Outlook's rules) must both understand the intended security.
    assert thunderbird_reads_autodiscover(data)[0].security == security
    assert import_profile(data, "autodiscover.xml").incoming[0].security == security


def test_starttls_is_never_ssl_off() -> None:
    for account in ACCOUNTS.values():
        for proto in protocols(export_profile(account, "autodiscover")):
            assert proto["SSL"] == "on" and proto["Encryption"] in ("SSL", "TLS")


def test_thunderbird_reads_every_sample_as_intended() -> None:
    for account in ACCOUNTS.values():
        read = thunderbird_reads_autodiscover(export_profile(account, "autodiscover"))
        servers = [*account.incoming, *account.outgoing]
        assert [(r.type.lower(), r.host, r.port, r.security) for r in read] == [
            (s.protocol, s.host, s.port, s.security) for s in servers]
        assert {r.auth for r in read} == {"password-cleartext"}


def test_login_names_and_types() -> None:
    data = export_profile(IMAP_ACCOUNT, "autodiscover")
    entries = protocols(data)
    assert [e["Type"] for e in entries] == ["IMAP", "POP3", "SMTP"]
    assert {e["LoginName"] for e in entries} == {"alice@example.com"}
    # A domain-wide file names no login: clients then use the address the person typed.
    assert all("LoginName" not in e for e in protocols(export_profile(POP3_ACCOUNT, "autodiscover")))


def test_oauth_cannot_be_described() -> None:
    oauth = replace(IMAP_ACCOUNT, incoming=(replace(IMAP_ACCOUNT.incoming[0], auth="OAuth2"),))
    with pytest.raises(InputError, match="OAuth2"):
        export_profile(oauth, "autodiscover")


@pytest.mark.parametrize("name", sorted(ACCOUNTS))
def test_round_trip(name: str) -> None:
    account = ACCOUNTS[name]
    data = export_profile(account, "autodiscover")
    back = import_profile(data, "autodiscover.xml")
    assert back.incoming == account.incoming and back.outgoing == account.outgoing
    assert (back.domain, back.address, back.display_name) == (account.domain, account.address,
                                                              account.display_name)
    assert export_profile(back, "autodiscover") == data


def test_reads_other_writers_files() -> None:
    automx_style = b"""<?xml version="1.0"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
 <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
  <Account><AccountType>email</AccountType><Action>settings</Action>
   <Protocol><Type>EXCH</Type><Server>ex.example.net</Server></Protocol>
   <Protocol><Type>IMAP</Type><Server>mail.example.net</Server><Port>143</Port>
    <LoginName>carol@example.net</LoginName><SSL>off</SSL><Encryption>TLS</Encryption></Protocol>
   <Protocol><Type>SMTP</Type><Server>mail.example.net</Server><Port>465</Port>
    <LoginName>carol@example.net</LoginName></Protocol>
  </Account></Response></Autodiscover>"""
    account = import_profile(automx_style, "automx.xml")
    assert account.domain == "example.net"
    assert account.incoming == (
        ServerConfig("imap", "mail.example.net", 143, "starttls", "carol@example.net"),)
    assert account.outgoing == (ServerConfig("smtp", "mail.example.net", 465, "ssl", "carol@example.net"),)
