"""Issue 12's classes, one test each: what a conversion keeps, what it announces ("dropped: ...",
"changed: ..."), and what it refuses in one line."""

from __future__ import annotations

import plistlib
from dataclasses import replace

import pytest

from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.profiles import export_profile, export_with_losses, import_profile, import_with_losses
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import IMAP_ACCOUNT
from tests.support.profile_rules import check_autoconfig

IMAP = ("<incomingServer type=\"imap\"><hostname>{host}</hostname><port>993</port>"
        "<socketType>SSL</socketType><username>%EMAILADDRESS%</username>{auth}</incomingServer>")
POP3_PLAIN = ("<incomingServer type=\"pop3\"><hostname>pop.example.com</hostname><port>110</port>"
              "<socketType>plain</socketType><username>%EMAILADDRESS%</username>"
              "<authentication>password-cleartext</authentication></incomingServer>")
SMTP = ("<outgoingServer type=\"smtp\"><hostname>{host}</hostname><port>465</port>"
        "<socketType>SSL</socketType>{user}{auth}</outgoingServer>")
PASSWORD = "<authentication>password-cleartext</authentication>"
OAUTH_THEN_PASSWORD = "<authentication>OAuth2</authentication>" + PASSWORD


def autoconfig(incoming: str | None = None, outgoing: str | None = None, extra: str = "",
               domains: str = "<domain>example.com</domain>") -> bytes:
    incoming = incoming if incoming is not None else IMAP.format(host="imap.example.com", auth=PASSWORD)
    outgoing = outgoing if outgoing is not None else SMTP.format(
        host="smtp.example.com", user="<username>%EMAILADDRESS%</username>", auth=PASSWORD)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">'
            f'<emailProvider id="example.com">{domains}{incoming}{outgoing}{extra}'
            f"</emailProvider></clientConfig>").encode()


def convert(data: bytes, fmt: str, **kw: object) -> tuple[bytes, list[str]]:
    account, losses = import_with_losses(data, "in.xml")
    if "address" in kw:
        account = replace(account, address=str(kw.pop("address")))
    out, more = export_with_losses(account, fmt, **kw)  # type: ignore[arg-type]
    return out, [str(loss) for loss in (*losses, *more)]


# 1 -------------------------------------------------------------------------------------------------------

def test_placeholders_keep_their_case_in_host_names() -> None:
    data = autoconfig(IMAP.format(host="Mail.%EMAILDOMAIN%", auth=PASSWORD))
    out, losses = convert(data, "autoconfig")
    assert b"<hostname>Mail.%EMAILDOMAIN%</hostname>" in out and losses == []
    assert import_profile(out, "out").incoming[0].host == "Mail.%EMAILDOMAIN%"
    assert [p for p in check_autoconfig(out) if p.severity == "error"] == []


def test_formats_without_placeholders_fill_the_host_and_say_so() -> None:
    data = autoconfig(IMAP.format(host="mail.%EMAILDOMAIN%", auth=PASSWORD))
    out, losses = convert(data, "autodiscover")
    assert b"<Server>mail.example.com</Server>" in out
    assert losses == ["changed: host mail.%EMAILDOMAIN% becomes mail.example.com (autodiscover has no "
                      "placeholders; give an address for another domain)"]
    out, losses = convert(data, "mobileconfig", address="bob@example.com")
    assert b"<string>mail.example.com</string>" in out and losses == []


# 2 -------------------------------------------------------------------------------------------------------

DOCS = ('<documentation url="http://example.com/help%28mail%29"><descr lang="en">Help</descr>'
        '<descr lang="de">Hilfe</descr></documentation><documentation url="https://example.com/b"/>')


def test_documentation_links_never_block_and_are_kept() -> None:
    out, losses = convert(autoconfig(extra=DOCS), "autoconfig")
    assert losses == []
    text = out.decode()
    assert '<documentation url="http://example.com/help%28mail%29">' in text
    assert '<descr lang="de">Hilfe</descr>' in text and '<documentation url="https://example.com/b"/>' in text
    back = import_profile(out, "out")
    assert [d.url for d in back.documentation] == ["http://example.com/help%28mail%29", "https://example.com/b"]


def test_documentation_links_dropped_by_formats_without_them_are_named() -> None:
    _, losses = convert(autoconfig(extra=DOCS), "mobileconfig")
    assert losses == [
        "dropped: documentation link http://example.com/help%28mail%29 (mobileconfig cannot hold it)",
        "dropped: documentation link https://example.com/b (mobileconfig cannot hold it)"]


# 3 -------------------------------------------------------------------------------------------------------

def test_every_authentication_of_a_server_is_kept() -> None:
    data = autoconfig(IMAP.format(host="imap.example.com", auth=OAUTH_THEN_PASSWORD))
    out, losses = convert(data, "autoconfig")
    assert out.count(b"<authentication>") == 3 and losses == []
    server = import_profile(out, "out").incoming[0]
    assert (server.auth, server.methods) == ("OAuth2", ("OAuth2", "password-cleartext"))


@pytest.mark.parametrize("fmt", ["autodiscover", "mobileconfig"])
def test_password_fallback_is_used_where_oauth2_cannot_be_said(fmt: str) -> None:
    data = autoconfig(IMAP.format(host="imap.example.com", auth=OAUTH_THEN_PASSWORD))
    out, losses = convert(data, fmt)
    assert losses == [f"dropped: OAuth2 sign-in for imap imap.example.com:993 ({fmt} describes one method it "
                      f"knows; password-cleartext kept)"]
    assert import_profile(out, "out").incoming[0].auth == "password-cleartext"


def test_oauth2_only_is_refused_in_one_line() -> None:
    data = autoconfig(IMAP.format(host="imap.example.com", auth="<authentication>OAuth2</authentication>"))
    with pytest.raises(InputError, match=r"^autodiscover: no incoming .* only OAuth2 sign-in") as info:
        convert(data, "autodiscover")
    assert "\n" not in str(info.value)


# 4 -------------------------------------------------------------------------------------------------------

def test_an_unencrypted_alternative_is_dropped_not_fatal() -> None:
    data = autoconfig(IMAP.format(host="imap.example.com", auth=PASSWORD) + POP3_PLAIN)
    for fmt in ("autoconfig", "autodiscover", "mobileconfig", "sheet"):
        out, losses = convert(data, fmt)
        assert b"pop.example.com" not in out
        assert "dropped: pop3 pop.example.com:110 has no encryption (--allow-plain keeps it)" in losses
    out, losses = convert(data, "autoconfig", allow_plain=True)
    assert b"pop.example.com" in out and losses == []


def test_a_server_with_a_bad_host_name_is_dropped_not_fatal() -> None:
    data = autoconfig(IMAP.format(host="-bad.example.com", auth=PASSWORD) +
                      IMAP.format(host="imap.example.com", auth=PASSWORD))
    out, losses = convert(data, "autoconfig")
    assert b"-bad.example.com" not in out and b"imap.example.com" in out
    assert losses == ["dropped: imap -bad.example.com:993: '-bad.example.com' is not a valid host name"]


def test_refused_only_when_nothing_encrypted_is_left() -> None:
    with pytest.raises(InputError, match="without permission to use a server without encryption"):
        convert(autoconfig(POP3_PLAIN), "autoconfig")


# 5 -------------------------------------------------------------------------------------------------------

def test_a_missing_smtp_user_name_is_treated_like_a_missing_incoming_one() -> None:
    no_user = SMTP.format(host="smtp.example.com", user="", auth=PASSWORD)
    incoming = IMAP.format(host="imap.example.com", auth=PASSWORD).replace(
        "<username>%EMAILADDRESS%</username>", "")
    account = import_profile(autoconfig(incoming, no_user), "in")
    assert (account.incoming[0].username, account.outgoing[0].username) == ("", "")
    out, losses = convert(autoconfig(incoming, no_user), "autoconfig")
    assert b"<username>" not in out and losses == []  # Thunderbird reads the copy as it read the original
    _, losses = convert(autoconfig(incoming, no_user), "mobileconfig")
    assert "changed: no user name was given for smtp smtp.example.com:465; mobileconfig uses the email " \
           "address" in losses


def test_an_incoming_server_without_port_is_written_without_one() -> None:
    """Readers differ on it (a default port, or skipping the server): the copy must read as the original."""
    data = autoconfig(IMAP.format(host="imap.example.com", auth=PASSWORD).replace("<port>993</port>", ""))
    account = import_profile(data, "in")
    assert (account.incoming[0].port, account.incoming[0].port_given) == (993, False)
    out, losses = convert(data, "autoconfig")
    assert out.count(b"<port>") == 1 and losses == []  # only the SMTP server's
    assert b"<Port>993</Port>" in convert(data, "autodiscover")[0]


# 6 -------------------------------------------------------------------------------------------------------

def test_sheet_fills_placeholders_from_the_address_or_writes_words() -> None:
    data = autoconfig(IMAP.format(host="mail.%EMAILDOMAIN%", auth=PASSWORD).replace(
        "%EMAILADDRESS%", "%EMAILLOCALPART%"),
        domains="<domain>example.com</domain><domain>example.net</domain>")
    words = convert(data, "sheet")[0].decode()
    assert "%EMAIL" not in words
    assert "mail.<em>the part of your email address after the @</em>" in words
    assert "<em>the part of your email address before the @</em>" in words
    filled = convert(data, "sheet", address="bob@example.net")[0].decode()
    assert "<td>mail.example.net</td>" in filled and "<td>bob</td>" in filled and "%EMAIL" not in filled
    single = convert(autoconfig(IMAP.format(host="mail.%EMAILDOMAIN%", auth=PASSWORD)), "sheet")[0].decode()
    assert "<td>mail.example.com</td>" in single


# 7 -------------------------------------------------------------------------------------------------------

EXCHANGE_FIRST = ('<incomingServer type="exchange"><hostname>ex.example.com</hostname><port>443</port>'
                  "<username>%EMAILADDRESS%</username><socketType>SSL</socketType>"
                  "<authentication>OAuth2</authentication><ewsURL>https://ex.example.com/ews</ewsURL>"
                  '</incomingServer><incomingServer type="ews"><url>https://ex.example.com/ews</url>'
                  "<authentication>OAuth2</authentication></incomingServer>")


def test_exchange_and_ews_entries_survive_autoconfig_in_their_place() -> None:
    data = autoconfig(EXCHANGE_FIRST + IMAP.format(host="imap.example.com", auth=PASSWORD))
    out, losses = convert(data, "autoconfig")
    text = out.decode()
    assert losses == []
    assert text.index('type="exchange"') < text.index('type="ews"') < text.index('type="imap"')
    assert "<ewsURL>https://ex.example.com/ews</ewsURL>" in text
    _, losses = convert(data, "autodiscover")
    assert "dropped: incoming exchange server ex.example.com (autodiscover cannot hold it)" in losses
    assert "dropped: incoming ews server https://ex.example.com/ews (autodiscover cannot hold it)" in losses


def test_encrypted_password_becomes_normal_in_autodiscover_and_says_so() -> None:
    data = autoconfig(IMAP.format(host="imap.example.com", auth="<authentication>password-encrypted"
                                                                "</authentication>"))
    _, losses = convert(data, "autodiscover")
    assert losses == ["changed: encrypted password sign-in (CRAM-MD5) for imap imap.example.com:993 becomes "
                      "a normal password (Autodiscover's SPA means NTLM)"]


def test_local_part_user_name_becomes_the_address_in_autodiscover_and_says_so() -> None:
    data = autoconfig(IMAP.format(host="imap.example.com", auth=PASSWORD).replace("%EMAILADDRESS%",
                                                                                  "%EMAILLOCALPART%"))
    out, losses = convert(data, "autodiscover")
    assert b"LoginName" not in out
    assert losses == ["changed: user name %EMAILLOCALPART% for imap imap.example.com:993 becomes the full "
                      "email address (autodiscover has no placeholders)"]
    out, losses = convert(data, "autodiscover", address="bob@example.com")
    assert b"<LoginName>bob</LoginName>" in out and losses == []


# 8 -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("root", [b"clientConfig", b"Autodiscover", b"plist"])
def test_an_unknown_xml_encoding_is_one_line_not_a_crash(root: bytes) -> None:
    data = b'<?xml version="1.0" encoding="x-klingon"?>\n<' + root + b"/>"
    expected = r"^in\.xml: the XML declaration names an unknown encoding 'x-klingon'$"
    with pytest.raises(InputError, match=expected):
        import_profile(data, "in.xml")


def _binary_profile(**mail: object) -> bytes:
    profile = plistlib.loads(export_profile(IMAP_ACCOUNT, "mobileconfig"))
    profile["PayloadContent"][0].update(mail)
    return plistlib.dumps(profile, fmt=plistlib.FMT_BINARY)


@pytest.mark.parametrize("fmt", ["autoconfig", "autodiscover", "mobileconfig", "sheet"])
def test_control_characters_in_names_are_stripped_with_a_warning(fmt: str) -> None:
    account = replace(IMAP_ACCOUNT, display_name="Alice\x01\x1b Example", provider_name="Ex\x00ample",
                      address=None if fmt == "sheet" else IMAP_ACCOUNT.address)  # the sheet's title
    out, losses = export_with_losses(account, fmt)
    assert b"\x01" not in out and b"\x1b" not in out and b"\x00" not in out
    assert any(str(loss).startswith("changed: removed control characters from the") for loss in losses)
    if fmt != "sheet":
        import_profile(out, "out")  # well-formed, and our own reader takes it


def test_control_characters_in_a_host_or_user_name_are_refused_naming_the_field() -> None:
    account = import_profile(_binary_profile(IncomingMailServerUsername="al\x07ice"), "bin.mobileconfig")
    for fmt in ("autoconfig", "autodiscover", "mobileconfig", "sheet"):
        with pytest.raises(InputError, match=r"user name: contains control characters"):
            export_profile(account, fmt)
    with pytest.raises(InputError, match=r"^sheet: address: contains control characters"):
        export_profile(import_profile(_binary_profile(EmailAddress="al\x07ice@example.com"), "b"), "sheet")
    bad = ServerConfig("imap", "imap\x0b\n.example.com", 993, "ssl")
    bad_host = AccountConfig(domain="example.com", incoming=(bad,), outgoing=IMAP_ACCOUNT.outgoing)
    with pytest.raises(InputError, match=r"host name: contains control characters") as info:
        export_profile(bad_host, "mobileconfig")
    assert "\n" not in str(info.value) and "\x0b" not in str(info.value)


def test_validator_does_not_take_percent_escapes_for_placeholders() -> None:
    escaped = autoconfig(extra='<documentation url="https://example.com/a%28B%29%2F"/>')
    assert "placeholder_in_url" not in {p.code for p in check_autoconfig(escaped)}
    real = autoconfig(extra='<documentation url="https://example.com/%EMAILDOMAIN%"/>')
    assert "placeholder_in_url" in {p.code for p in check_autoconfig(real)}


def test_every_loss_is_one_line_whatever_the_file_holds() -> None:
    name = b"<displayName>Two\nlines\tname</displayName>"
    data = autoconfig(extra="").replace(b"<domain>", name + b"<domain>", 1)
    _, losses = convert(data, "autodiscover")
    assert "dropped: the provider name 'Two lines name' (autodiscover cannot hold it)" in losses


def test_an_international_host_name_goes_into_autoconfig_as_punycode() -> None:
    account = import_profile(_binary_profile(IncomingMailServerHostName="IMAP.bücher.example"), "idn")
    out = export_profile(account, "autoconfig")
    assert b"<hostname>imap.xn--bcher-kva.example</hostname>" in out
    assert import_profile(out, "out").incoming[0].host == "imap.xn--bcher-kva.example"
