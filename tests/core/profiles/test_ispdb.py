"""Real provider files (the 20 ISPDB samples): autoconfig → autoconfig comes back as Thunderbird read the
original, and every other conversion either works or refuses with one line, never silently losing a server.

``thunderbird_reads`` follows Thunderbird's readFromXML (readFromXML.sys.mjs, see
shared/reference/mail-setup-prior-art.md §3.1) for what the issue compares: the first usable incoming and
outgoing server's type, host, port, socket type, authentication and user name. It takes the first known
authentication value; Thunderbird additionally skips OAuth2 for hosts without a built-in OAuth2 provider,
which reads the same on both sides because every method is kept in its order.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from assistant.core.profiles import FORMATS, export_with_losses, import_profile, import_with_losses
from assistant.core.profiles.autoconfig_read import valid_hostname
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import reference
from tests.support.profile_rules import check_autoconfig

SAMPLES = sorted(p.name for p in reference("ispdb-samples").glob("*.xml"))
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
    original = reference("ispdb-samples", name).read_bytes()
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
    original = reference("ispdb-samples", name).read_bytes()
    account = import_profile(original, name)
    try:
        out, losses = export_with_losses(account, fmt)
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(f"{fmt}: no ")
        assert "allow-plain" in message or "OAuth2" in message, message
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
        account = import_profile(reference("ispdb-samples", name).read_bytes(), name)
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
    original = reference("ispdb-samples", name).read_bytes()
    account = import_profile(original, name)
    out = export_with_losses(account, "autoconfig", allow_plain=not has_encrypted_server(original))[0]
    missing = _facts(original) - _facts(out)
    assert sorted(missing) == []


def test_other_formats_name_the_autoconfig_elements_they_drop() -> None:
    account = import_profile(reference("ispdb-samples", "googlemail.com.xml").read_bytes(), "gmail")
    losses = [str(loss) for loss in export_with_losses(account, "mobileconfig")[1]]
    for element in ("oAuth2", "enable", "webMail"):
        assert f"dropped: the autoconfig <{element}> element (mobileconfig cannot hold it)" in losses
