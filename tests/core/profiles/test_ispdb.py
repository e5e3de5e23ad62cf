"""Provider files in the shapes the Thunderbird ISPDB holds (tests/data/ispdb/ and tests/data/autoconfig/,
written for these tests, see tests/data/README.md): autoconfig → autoconfig comes back as Thunderbird read
the original, and every other conversion either works or refuses with one line, never silently losing a
server.

``thunderbird_reads`` follows Thunderbird's readFromXML (comm-central
mail/components/accountcreation/modules/readFromXML.sys.mjs) for what the issue compares: the first usable
incoming and outgoing server's type, host, port, socket type, authentication and user name. It takes the
first known authentication value; Thunderbird additionally skips OAuth2 for hosts without a built-in OAuth2
provider, which reads the same on both sides because every method is kept in its order.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import tests
from assistant.cli import error_line
from assistant.core.profiles import FORMATS, export_with_losses, import_profile, import_with_losses
from assistant.core.profiles.autoconfig_read import valid_hostname
from assistant.core.words.errors import InputError
from tests.support.profile_rules import check_autoconfig

DATA = Path(tests.__file__).resolve().parent / "data"
# Big providers' public settings (ispdb/) and one file per shape real files have (autoconfig/).
SAMPLES = sorted(str(p.relative_to(DATA)) for folder in ("ispdb", "autoconfig")
                 for p in (DATA / folder).glob("*.xml"))
_IN_TYPES = {"pop3", "imap", "nntp", "exchange", "ews", "owa", "graph"}
_AUTH = {"password-cleartext": "cleartext", "plain": "cleartext", "password-encrypted": "encrypted",
         "secure": "encrypted", "GSSAPI": "GSSAPI", "NTLM": "NTLM", "OAuth2": "OAuth2"}
_AUTH_OUT = {**_AUTH, "none": "none", "client-IP-address": "none", "smtp-after-pop": "none"}


def _texts(el: ET.Element, name: str) -> list[str]:
    return [(c.text or "").strip() for c in el if c.tag == name]


def _server(el: ET.Element, outgoing: bool) -> tuple[str, ...] | None:
    kind = el.get("type", "")
    if (kind != "smtp") if outgoing else (kind not in _IN_TYPES):
        return None
    host = next(iter(_texts(el, "hostname")), None) or urlsplit(next(iter(_texts(el, "url")), "")).hostname
    port = next(iter(_texts(el, "port")), None)
    if not host or not valid_hostname(host) or port is None or not port.isdigit():
        return None
    if not 0 < int(port) < 65536:
        return None
    sockets = [s for s in _texts(el, "socketType") if s in ("plain", "SSL", "STARTTLS")]
    auths = [a for a in _texts(el, "authentication") if a in (_AUTH_OUT if outgoing else _AUTH)]
    if not sockets or not auths:
        return None
    users = _texts(el, "username")
    return kind, host, str(int(port)), sockets[0], (_AUTH_OUT if outgoing else _AUTH)[auths[0]], \
        users[0] if users else "undefined"


def thunderbird_reads(data: bytes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(first usable incoming, first usable outgoing) as Thunderbird reads them."""
    provider = ET.fromstring(data).find("emailProvider")
    assert provider is not None
    incoming = [s for s in (_server(e, False) for e in provider.iter("incomingServer")) if s]
    outgoing = [s for s in (_server(e, True) for e in provider.iter("outgoingServer")) if s]
    return incoming[0], outgoing[0]


def all_auths(data: bytes) -> list[list[str]]:
    provider = ET.fromstring(data).find("emailProvider")
    assert provider is not None
    return [_texts(e, "authentication") for e in provider if e.tag in ("incomingServer", "outgoingServer")]


def has_encrypted_server(data: bytes) -> bool:
    incoming, outgoing = thunderbird_reads(data)
    return "plain" not in (incoming[3], outgoing[3])


@pytest.mark.parametrize("name", SAMPLES)
def test_autoconfig_to_autoconfig_reads_the_same_in_thunderbird(name: str) -> None:
    original = (DATA / name).read_bytes()
    account, read_losses = import_with_losses(original, name)
    assert read_losses == []
    plain = not has_encrypted_server(original)
    try:
        out, losses = export_with_losses(account, "autoconfig", allow_plain=plain)
    except InputError as exc:
        pytest.fail(f"{name}: {exc}")
    assert thunderbird_reads(out) == thunderbird_reads(original)
    # Every authentication list of every server (Exchange and EWS entries too) in the file's order.
    assert all_auths(out) == [[{"plain": "password-cleartext", "secure": "password-encrypted"}.get(a, a)
                               for a in dict.fromkeys(auths)] for auths in all_auths(original)]
    assert [str(loss) for loss in losses if loss.server] == []
    assert "%emaildomain%" not in out.decode()
    # No new problem for either Thunderbird reader: at most the original's own (office365's placeholder typo).
    def errors(data: bytes) -> set[tuple[str, str]]:
        return {(p.reader, p.code) for p in check_autoconfig(data) if p.severity == "error"}
    assert errors(out) <= errors(original)
    again = import_profile(out, "again")
    assert (again.incoming, again.outgoing, again.other_servers) == (
        account.incoming, account.outgoing, account.other_servers)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SAMPLES)
def test_every_conversion_works_or_refuses_in_one_line(name: str, fmt: str) -> None:
    original = (DATA / name).read_bytes()
    account = import_profile(original, name)
    try:
        out, losses = export_with_losses(account, fmt)
    except InputError as exc:
        message = error_line(exc)  # as the command line says it
        assert "\n" not in message and message.startswith(f"{fmt}: no ")
        assert "--allow-plain" in message or "OAuth2" in message, message
        return
    if fmt != "sheet":
        back = import_profile(out, "converted")
        # Each server the source had is either in the output or named in a loss.
        kept = {(s.protocol, s.port) for s in (*back.incoming, *back.outgoing)}
        named = {loss.server for loss in losses if loss.server}
        for server in (*account.incoming, *account.outgoing):
            label = f"{server.protocol} {server.host}:{server.port}"
            assert (server.protocol, server.port) in kept or label in named, (name, fmt, server)


def test_the_sheet_never_shows_raw_placeholders() -> None:
    for name in SAMPLES:
        account = import_profile((DATA / name).read_bytes(), name)
        try:
            out = export_with_losses(account, "sheet", allow_plain=True)[0].decode()
        except InputError:
            continue
        assert "%EMAIL" not in out, name


def _facts(data: bytes) -> set[tuple[str, str, tuple[tuple[str, str], ...]]]:
    """Every element as (path of names, text, attributes), legacy authentication names in today's words."""
    legacy = {"plain": "password-cleartext", "secure": "password-encrypted"}
    out = set()

    def walk(el: ET.Element, path: str) -> None:
        here = f"{path}/{el.tag}"
        text = (el.text or "").strip()
        if el.tag == "authentication":
            text = legacy.get(text, text)
        out.add((here, "" if len(el) else text, tuple(sorted(el.attrib.items()))))
        for child in el:
            if isinstance(child.tag, str):
                walk(child, here)
    walk(ET.fromstring(data), "")
    return out


@pytest.mark.parametrize("name", SAMPLES)
def test_autoconfig_to_autoconfig_drops_no_element(name: str) -> None:
    """oAuth2, webMail, enable, useGlobalPreferredServer, restriction ... all come back (comments aside)."""
    original = (DATA / name).read_bytes()
    account = import_profile(original, name)
    out = export_with_losses(account, "autoconfig", allow_plain=not has_encrypted_server(original))[0]
    missing = _facts(original) - _facts(out)
    assert sorted(missing) == []


def test_other_formats_name_the_autoconfig_elements_they_drop() -> None:
    account = import_profile((DATA / "ispdb" / "gmail.com.xml").read_bytes(), "gmail")
    losses = [str(loss) for loss in export_with_losses(account, "mobileconfig")[1]]
    for element in ("oAuth2", "enable", "webMail"):
        assert f"dropped: the autoconfig <{element}> element (mobileconfig cannot hold it)" in losses



def _all(root: ET.Element, name: str) -> list[str]:
    return [(e.text or "").strip() for e in root.iter(name)]


def _servers_of(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.tag in ("incomingServer", "outgoingServer")]


def _auths(root: ET.Element) -> list[list[str]]:
    return [_texts(e, "authentication") for e in _servers_of(root)]


def _incoming(root: ET.Element) -> list[ET.Element]:
    return list(root.iter("incomingServer"))


# Every shape the tests above must meet in at least one file: the files are ours, this keeps them honest.
SHAPES: dict[str, Callable[[ET.Element], bool]] = {
    "%EMAILDOMAIN% in a host name": lambda r: any("%EMAILDOMAIN%" in h for h in _all(r, "hostname")),
    "%EMAILLOCALPART% as user name": lambda r: "%EMAILLOCALPART%" in _all(r, "username"),
    "OAuth2 with a password fallback": lambda r: ["OAuth2", "password-cleartext"] in _auths(r),
    "OAuth2 only": lambda r: ["OAuth2"] in _auths(r),
    "<oAuth2> with issuer, scope, authURL, tokenURL": lambda r: any(
        {c.tag for c in o} >= {"issuer", "scope", "authURL", "tokenURL"} for o in r.findall("oAuth2")),
    "POP3 only": lambda r: {e.get("type") for e in _incoming(r)} == {"pop3"},
    "plain next to SSL": lambda r: {"plain", "SSL"} <= set(_all(r, "socketType")),
    "STARTTLS": lambda r: "STARTTLS" in _all(r, "socketType"),
    "three or more <domain>": lambda r: len(r.findall("emailProvider/domain")) >= 3,
    "<descr> in three languages": lambda r: any(
        len({d.get("lang") for d in doc.iter("descr")}) >= 3 for doc in r.iter("documentation")),
    "<documentation> without <descr>": lambda r: any(not len(d) for d in r.iter("documentation")),
    "<pop3> leave-on-server settings": lambda r: bool(_all(r, "daysToLeaveMessagesOnServer")),
    "ews entry with a URL only": lambda r: any(
        e.get("type") == "ews" and e.find("hostname") is None for e in _incoming(r)),
    "exchange entry": lambda r: any(e.get("type") == "exchange" for e in _incoming(r)),
    "nntp entry first": lambda r: _incoming(r)[0].get("type") == "nntp",
    "GSSAPI only": lambda r: ["GSSAPI"] in _auths(r),
    "NTLM only": lambda r: ["NTLM"] in _auths(r),
    "<inputField>": lambda r: r.find(".//inputField") is not None,
    "<enable>": lambda r: r.find(".//enable") is not None,
    "<webMail> inside and beside emailProvider": lambda r: (
        r.find("webMail") is not None and r.find("emailProvider/webMail") is not None),
    "<restriction>": lambda r: bool(_all(r, "restriction")),
    "incoming server without <port>": lambda r: any(
        e.find("port") is None and e.find("hostname") is not None for e in _incoming(r)),
    "outgoing server before the incoming ones": lambda r: _servers_of(r)[0].tag == "outgoingServer",
    "legacy authentication names": lambda r: {"plain", "secure"} <= {a for x in _auths(r) for a in x},
    "SMTP without sign-in or user name": lambda r: any(
        _texts(e, "authentication") == ["none"] and e.find("username") is None
        for e in r.iter("outgoingServer")),
    "unbalanced placeholder": lambda r: any(u.count("%") % 2 for u in _all(r, "username")),
}
BIG_PROVIDERS = {"gmail.com", "outlook.com", "office365.com", "yahoo.com", "aol.com", "icloud.com",
                 "fastmail.com", "qq.com", "163.com"}


def test_the_samples_hold_every_shape() -> None:
    roots = {name: ET.fromstring((DATA / name).read_bytes()) for name in SAMPLES}
    missing = [shape for shape, holds in SHAPES.items() if not any(holds(r) for r in roots.values())]
    assert missing == []
    providers = {n.removeprefix("ispdb/").removesuffix(".xml"): r for n, r in roots.items()
                 if n.startswith("ispdb/")}
    assert set(providers) >= BIG_PROVIDERS
    for domain, root in providers.items():  # ispdb/<domain>.xml answers for <domain>, as the ISPDB does
        assert domain in _all(root, "domain"), domain
