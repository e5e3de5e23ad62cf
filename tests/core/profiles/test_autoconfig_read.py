"""Reading autoconfig files like Thunderbird's readFromXML: skip unusable servers, refuse only when nothing
usable remains, and refuse unsafe XML — every refusal one line naming the file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core.model.account import Pop3Settings
from assistant.core.model.address import EmailAddress, expand
from assistant.core.net.xmlsafe import XmlError, parse_xml
from assistant.core.profiles.autoconfig_read import config_candidates, read_autoconfig
from assistant.core.words.errors import InputError

ORIGIN = "https://autoconfig.example.test/mail/config-v1.1.xml"


def doc(servers: str, provider: str = 'id="example.test"', extra: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider {provider}>
    <domain>example.test</domain>
    <domain>Example-Mail.test</domain>
    <displayName>Example Mail</displayName>
    <displayShortName>Example</displayShortName>
    {servers}
    {extra}
  </emailProvider>
</clientConfig>""".encode()


IMAP = """<incomingServer type="imap"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port>
  <socketType>SSL</socketType><username>%EMAILADDRESS%</username>
  <authentication>password-cleartext</authentication></incomingServer>"""
POP3 = """<incomingServer type="pop3"><hostname>pop.example.test</hostname><port>995</port>
  <socketType>SSL</socketType><username>%EMAILLOCALPART%</username>
  <authentication>plain</authentication>
  <pop3><leaveMessagesOnServer>false</leaveMessagesOnServer>
  <daysToLeaveMessagesOnServer>30</daysToLeaveMessagesOnServer><downloadOnBiff>false</downloadOnBiff></pop3>
  </incomingServer>"""
SMTP = """<outgoingServer type="smtp"><hostname>smtp.example.test</hostname><port>465</port>
  <socketType>SSL</socketType><username>%EMAILADDRESS%</username>
  <authentication>password-encrypted</authentication></outgoingServer>"""


def test_full_file() -> None:
    cfg = read_autoconfig(doc(IMAP + POP3 + SMTP, extra='<documentation url="https://help.example.test/"/>'),
                          ORIGIN)
    assert cfg.provider_id == "example.test"
    assert (cfg.provider_name, cfg.provider_short_name) == ("Example Mail", "Example")
    assert cfg.domains == ("example.test", "example-mail.test")
    assert cfg.documentation_url == "https://help.example.test/"
    assert [(s.protocol, s.host, s.port, s.security, s.username, s.auth) for s in cfg.incoming] == [
        ("imap", "imap.%EMAILDOMAIN%", 993, "ssl", "%EMAILADDRESS%", "password-cleartext"),
        ("pop3", "pop.example.test", 995, "ssl", "%EMAILLOCALPART%", "password-cleartext"),
    ]
    assert [(s.host, s.auth) for s in cfg.outgoing] == [("smtp.example.test", "password-encrypted")]
    assert cfg.pop3 == Pop3Settings(leave_on_server=False, days_to_leave=30, download_on_biff=False)


def test_unusable_servers_are_skipped_not_fatal() -> None:
    odd = """
      <incomingServer type="exchange"><hostname>ex.example.test</hostname></incomingServer>
      <incomingServer type="imap5"><hostname>x.example.test</hostname></incomingServer>
      <incomingServer type="imap"><hostname>a.example.test</hostname><port>993</port>
        <socketType>key-from-DNSSEC</socketType><authentication>password-cleartext</authentication>
      </incomingServer>
      <incomingServer type="imap"><hostname>b.example.test</hostname><port>993</port>
        <socketType>SSL</socketType><authentication>ssl-client-cert</authentication></incomingServer>
      <incomingServer type="imap"><hostname>c.example.test</hostname><port>99999</port>
        <socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>
      <incomingServer type="imap"><hostname>bad host</hostname><port>993</port>
        <socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>
      <outgoingServer type="smtp"><hostname>noport.example.test</hostname>
        <socketType>SSL</socketType><username>u</username>
        <authentication>password-cleartext</authentication></outgoingServer>
      <outgoingServer type="smtp"><hostname>nouser.example.test</hostname><port>587</port>
        <socketType>STARTTLS</socketType><authentication>password-cleartext</authentication></outgoingServer>
    """
    cfg = read_autoconfig(doc(odd + IMAP + SMTP), ORIGIN)
    assert [s.host for s in cfg.incoming] == ["imap.%EMAILDOMAIN%"]
    # Like Thunderbird, a missing <username> does not sink an outgoing server (nor an incoming one).
    assert [(s.host, s.username) for s in cfg.outgoing] == [("nouser.example.test", ""),
                                                           ("smtp.example.test", "%EMAILADDRESS%")]


def test_first_known_socket_type_and_auth_win_and_port_defaults() -> None:
    server = """<incomingServer type="imap"><hostname>imap.example.test</hostname>
      <socketType>weird</socketType><socketType>STARTTLS</socketType><socketType>SSL</socketType>
      <authentication>GSSAPI</authentication><authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication></incomingServer>"""
    smtp = """<outgoingServer type="smtp"><hostname>smtp.example.test</hostname><port>25</port>
      <socketType>plain</socketType><authentication>client-IP-address</authentication></outgoingServer>"""
    cfg = read_autoconfig(doc(server + smtp), ORIGIN)
    imap, smtp_server = cfg.incoming[0], cfg.outgoing[0]
    assert (imap.security, imap.port, imap.auth) == ("starttls", 143, "OAuth2")
    assert (smtp_server.security, smtp_server.auth, smtp_server.username) == ("plain", "none", "")


@pytest.mark.parametrize(("data", "fragment"), [
    (doc(SMTP), "no usable <incomingServer>"),
    (doc(IMAP), "no usable <outgoingServer>"),
    (doc(IMAP.replace("SSL", "TLS1.3") + SMTP), "no usable <incomingServer> (last problem: "
                                                 "imap.%EMAILDOMAIN%: no <socketType>"),
    (doc(IMAP + SMTP, provider='id="bad id!"'), "is not a valid domain name"),
    (doc(IMAP + SMTP, provider=""), "is not a valid domain name"),
    (doc(IMAP + SMTP).replace(b"<domain>example.test</domain>", b"").replace(
        b"<domain>Example-Mail.test</domain>", b"<domain>b\xc3\xbccher.test</domain>"), "no valid <domain>"),
    (b"<clientConfig><notProvider/></clientConfig>", "no <emailProvider>"),
    (b"<autodiscover/>", "the root element is <autodiscover>"),
])
def test_files_with_nothing_usable_are_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        read_autoconfig(data, ORIGIN)
    assert str(info.value).startswith(ORIGIN + ": ")
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<clientConfig><emailProvider id="&lol3;"/></clientConfig>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<clientConfig>&e;</clientConfig>"""


@pytest.mark.parametrize(("data", "fragment"), [
    (BOMB, "DTD"), (EXTERNAL, "DTD"),
    (b"<clientConfig><emailProvider></clientConfig>", "not well-formed XML (mismatched tag at line 1"),
    (b"", "empty file"),
    (b"<a>" + b"x" * 300_000 + b"</a>", "larger than 262144 bytes"),
])
def test_unsafe_or_broken_xml_is_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(XmlError) as info:
        read_autoconfig(data, ORIGIN)
    assert str(info.value).startswith(ORIGIN + ": ") and fragment in str(info.value)


def test_bom_and_namespace_free_parse() -> None:
    assert parse_xml(b"\xef\xbb\xbf<a/>", "x").tag == "a"


def test_candidates_fill_hostname_placeholders_in_file_order() -> None:
    cfg = read_autoconfig(doc(IMAP + POP3 + SMTP), ORIGIN)
    cands = config_candidates(cfg, "autoconfig", EmailAddress.parse("alice@example.test"))
    assert [(c.protocol, c.host, c.port, c.security, c.preference, c.source) for c in cands] == [
        ("imap", "imap.example.test", 993, "ssl", 0, "autoconfig"),
        ("pop3", "pop.example.test", 995, "ssl", 1, "autoconfig"),
        ("smtp", "smtp.example.test", 465, "ssl", 2, "autoconfig"),
    ]
    assert cands[0].username == "%EMAILADDRESS%" and cands[0].auth == ("password-cleartext",)


def test_placeholders_that_cannot_be_filled_drop_the_server() -> None:
    local_host = IMAP.replace("imap.%EMAILDOMAIN%", "%EMAILLOCALPART%.example.test")
    cfg = read_autoconfig(doc(local_host + SMTP), ORIGIN)
    bare, bob = EmailAddress.parse("example.test"), EmailAddress.parse("bob@example.test")
    assert [c.protocol for c in config_candidates(cfg, "autoconfig", bare)] == ["smtp"]
    assert config_candidates(cfg, "autoconfig", bob)[0].host == "bob.example.test"
    assert expand("%UNKNOWN%.example.test", "a@example.test") is None


_PIECES = ["<clientConfig>", "</clientConfig>", '<emailProvider id="e.test">', "</emailProvider>",
           "<domain>e.test</domain>", IMAP, POP3, SMTP, "<port>x</port>", "<socketType>SSL</socketType>",
           "<incomingServer>", "</incomingServer>", "&amp;", "<!DOCTYPE x>", "\x00", "é", "%"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.lists(st.sampled_from(_PIECES), max_size=12).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_a_config_or_a_one_line_input_error(data: bytes) -> None:
    try:
        cfg = read_autoconfig(data, ORIGIN)
    except InputError as err:
        assert str(err).startswith(ORIGIN + ": ") and "\n" not in str(err)
        return
    assert cfg.incoming and cfg.outgoing
