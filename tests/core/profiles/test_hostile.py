"""Hostile profile files: each gets one clear line naming the file and the problem, never a traceback."""

from __future__ import annotations

import plistlib

import pytest

from assistant.core.profiles import export_profile, import_profile
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import IMAP_ACCOUNT

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<clientConfig version="1.1"><emailProvider id="x.example">&d;</emailProvider></clientConfig>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE Autodiscover [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Autodiscover><Response><Account>&x;</Account></Response></Autodiscover>"""
PLIST_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><plist version="1.0"><dict><key>k</key><string>&b;</string>
</dict></plist>"""


def mobileconfig(**changes: object) -> bytes:
    profile = plistlib.loads(export_profile(IMAP_ACCOUNT, "mobileconfig"))
    mail = profile["PayloadContent"][0]
    for key, value in changes.items():
        if value is None:
            del mail[key]
        else:
            mail[key] = value
    return plistlib.dumps(profile)


def autodiscover(old: bytes, new: bytes) -> bytes:
    data = export_profile(IMAP_ACCOUNT, "autodiscover")
    assert old in data
    return data.replace(old, new)


def signed_junk() -> bytes:
    oid = bytes.fromhex("06092a864886f70d010702")
    return b"\x30\x82\x7f\xff" + oid + b"\xa0\x03\x30\x01"


CASES = [
    ("huge", b"<clientConfig>" + b" " * (2 * 1024 * 1024), "larger than"),
    ("empty", b"   \n", "empty"),
    ("billion-laughs", LAUGHS, "refused for safety"),
    ("external-entity", EXTERNAL, "refused"),
    ("plist-entities", PLIST_LAUGHS, "entities"),
    ("text", b"hello, this is not a profile", "not a profile"),
    ("binary-junk", bytes(range(256)) * 4, "not a profile"),
    ("der-junk", signed_junk(), "not a readable signed profile"),
    ("truncated-signature", b"\x30\x80" + bytes.fromhex("06092a864886f70d010702") + b"\xa0\x80\x30",
     "signed"),
    ("bplist-junk", b"bplist00" + b"\xff" * 40, "not a readable property list"),
    ("unknown-root", b"<?xml version='1.0'?><html><body/></html>", "not a known profile"),
    ("broken-xml", b"<clientConfig><emailProvider id='x.example'>", "not well-formed"),
    ("plist-array", plistlib.dumps(["a", "b"]), "not a dictionary"),
    ("plist-no-mail", plistlib.dumps({"PayloadType": "Configuration", "PayloadContent": []}),
     "no com.apple.mail"),
    ("port-as-string", mobileconfig(IncomingMailServerPortNumber="993"), "must be an integer"),
    ("usessl-as-string", mobileconfig(IncomingMailServerUseSSL="yes"), "must be a boolean"),
    ("missing-host", mobileconfig(IncomingMailServerHostName=None), "IncomingMailServerHostName is missing"),
    ("bad-account-type", mobileconfig(EmailAccountType="EmailTypeExchange"), "EmailAccountType"),
    ("bad-port", mobileconfig(OutgoingMailServerPortNumber=70000), "not 1-65535"),
    ("ad-no-smtp", autodiscover(b"<Type>SMTP</Type>", b"<Type>WEB</Type>"), "no SMTP"),
    ("ad-bad-port", autodiscover(b"<Port>993</Port>", b"<Port>imap</Port>"), "Port"),
    ("ad-nested", autodiscover(b"<Server>imap.example.com</Server>", b"<Server><a/></Server>"), "text"),
    ("ad-redirect", autodiscover(b"<Action>settings</Action>", b"<Action>redirectAddr</Action>"), "redirect"),
    ("ad-encryption", autodiscover(b"<Encryption>SSL</Encryption>", b"<Encryption>ROT13</Encryption>"),
     "Encryption"),
    ("ac-no-outgoing", export_profile(IMAP_ACCOUNT, "autoconfig").split(b"<outgoingServer")[0]
     + b"</emailProvider></clientConfig>", "outgoingServer"),
    ("ac-no-provider", b"<clientConfig version='1.1'/>", "emailProvider"),
]


@pytest.mark.parametrize(("data", "match"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input_is_one_clear_line(data: bytes, match: str) -> None:
    with pytest.raises(InputError) as info:
        import_profile(data, "bad-file.xml")
    message = str(info.value)
    assert message.startswith("bad-file.xml: "), message
    assert match in message
    assert "\n" not in message and "Traceback" not in message
