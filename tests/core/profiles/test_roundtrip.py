"""Round trips between every pair of importable formats, over generated accounts (hypothesis).

read → write → read gives the same servers, or the difference is exactly what the conversion announced
(each Loss names the server and the field, with the value before and after). Every written file is
well-formed and read back by our own reader; an autoconfig output also passes Thunderbird's rules. The
example budget is fixed and derandomised so CI runs the same cases every time.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.model.account import (
    AccountConfig,
    DocLink,
    Pop3Settings,
    RawServer,
    ServerConfig,
    XmlPart,
)
from assistant.core.profiles import IMPORTABLE, export_with_losses, import_with_losses
from assistant.core.profiles.losses import Loss
from assistant.core.profiles.servers import lower_host, server_name
from assistant.core.words.errors import InputError
from tests.support.profile_rules import check_autoconfig

BUDGET = settings(max_examples=70, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
_LABEL = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_PORTS = st.one_of(st.sampled_from([25, 110, 143, 465, 587, 993, 995, 2525]), st.integers(1, 65535))
_NONE_LIKE = {"client-IP-address": "none", "smtp-after-pop": "none"}


@st.composite
def hosts(draw: st.DrawFn) -> str:
    first = draw(_LABEL)
    if draw(st.booleans()):
        first = first.upper() if draw(st.booleans()) else first.capitalize()
    tail = draw(st.sampled_from(["example.com", "%EMAILDOMAIN%", "mail.example.net"]))
    return f"{first}.{tail}"


@st.composite
def servers(draw: st.DrawFn, protocol: str) -> ServerConfig:
    pool = ["OAuth2", "password-cleartext", "password-encrypted"]
    if protocol == "smtp":
        pool += ["none", "client-IP-address"]
    methods = tuple(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)))
    if protocol != "smtp" and draw(st.booleans()):
        methods = tuple(m for m in methods if m != "OAuth2") or ("password-cleartext",)
    auth = _NONE_LIKE.get(methods[0], methods[0])
    username = draw(st.sampled_from(["%EMAILADDRESS%", "%EMAILLOCALPART%", "", "jdoe", "other@example.org"]))
    extras = draw(st.sampled_from([(), (XmlPart("useGlobalPreferredServer", text="false"),)]))
    return ServerConfig(protocol, draw(hosts()), draw(_PORTS),  # type: ignore[arg-type]
                        draw(st.sampled_from(["ssl", "starttls", "plain"])), username=username,
                        auth=auth, auth_methods=methods if len(methods) > 1 or methods[0] != auth else (),
                        extras=extras)


_EWS = RawServer("incoming", "ews", (("url", "https://ex.example.com/EWS/Exchange.asmx"),
                                     ("authentication", "OAuth2")))
_OAUTH = XmlPart("oAuth2", children=(XmlPart("issuer", text="login.example.com"),
                                     XmlPart("scope", text="imap smtp")))


@st.composite
def accounts(draw: st.DrawFn) -> AccountConfig:
    # A loss names a server by protocol, host and port, so two entries never share all three.
    incoming = draw(st.lists(st.sampled_from(["imap", "pop3"]).flatmap(servers), min_size=1, max_size=3,
                             unique_by=server_name))
    outgoing = draw(st.lists(servers("smtp"), min_size=1, max_size=2, unique_by=server_name))
    docs = draw(st.lists(st.sampled_from([DocLink("https://example.com/help"),
                                          DocLink("http://example.com/a%28b%29", (("en", "Help"),))]),
                         max_size=2, unique=True))
    return AccountConfig(
        domain="example.com", incoming=tuple(incoming), outgoing=tuple(outgoing),
        address=draw(st.sampled_from([None, "alice@example.com"])),
        provider_id="example.com", provider_name=draw(st.sampled_from([None, "Example Mail"])),
        documentation=tuple(docs), domains=draw(st.sampled_from([(), ("example.com", "example.net")])),
        pop3=Pop3Settings(draw(st.booleans()), draw(st.sampled_from([None, 7, 14])), draw(st.booleans())),
        other_servers=draw(st.sampled_from([(), (_EWS,)])),
        root_extras=draw(st.sampled_from([(), (_OAUTH,)])))


def _key(server: ServerConfig) -> tuple[object, ...]:
    """What a server is for this comparison: host names are case-insensitive outside placeholders, a
    user name means nothing without sign-in, client-IP-address/smtp-after-pop mean "none" to every reader."""
    methods = tuple(_NONE_LIKE.get(m, m) for m in server.methods)
    username = "" if server.auth == "none" else (server.username or "%EMAILADDRESS%")
    return server.protocol, lower_host(server.host), server.port, server.security, username, methods


def _apply(servers: tuple[ServerConfig, ...], losses: list[Loss]) -> list[tuple[object, ...]]:
    """The servers as they should read back once every announced loss is applied."""
    out = []
    for server in servers:
        mine = [loss for loss in losses if loss.server == server_name(server)]
        if any(loss.field == "server" for loss in mine):
            continue
        key = list(_key(server))
        for loss in mine:
            if loss.field == "host":
                key[1] = lower_host(loss.after or "")
            elif loss.field == "security":
                key[3] = loss.after
            elif loss.field == "username" and server.auth != "none":
                key[4] = loss.after
            elif loss.field == "auth":
                key[5] = tuple(_NONE_LIKE.get(m, m) for m in (loss.after or "").split(","))
        if key[5] == ("none",):  # sign-in dropped to none: the user name no longer matters
            key[4] = ""
        out.append(tuple(key))
    return out


def _normalise_users(keys: list[tuple[object, ...]], address: str | None) -> list[tuple[object, ...]]:
    """Without placeholders a file holds filled-in names; read back, the address becomes %EMAILADDRESS%."""
    return [(*k[:4], "%EMAILADDRESS%" if k[4] == address else k[4], *k[5:]) for k in keys]


def _write(account: AccountConfig, fmt: str) -> tuple[bytes, list[Loss]] | None:
    try:
        return export_with_losses(account, fmt, allow_plain=True)
    except InputError as exc:  # a refusal is one line naming the format, and only when nothing is left
        assert "\n" not in str(exc) and str(exc).startswith(f"{fmt}: no "), str(exc)
        return None


def _check_written(data: bytes, fmt: str) -> AccountConfig:
    account, _ = import_with_losses(data, f"written.{fmt}")
    if fmt == "autoconfig":
        errors = [p for p in check_autoconfig(data) if p.severity == "error" and p.reader == "thunderbird"]
        assert errors == []
    return account


@pytest.mark.parametrize("target", IMPORTABLE)
@pytest.mark.parametrize("source", IMPORTABLE)
@BUDGET
@given(generated=accounts())
def test_round_trip_keeps_the_servers_or_announces_the_difference(source: str, target: str,
                                                                 generated: AccountConfig) -> None:
    first = _write(generated, source)
    if first is None:
        return
    a = _check_written(first[0], source)
    second = _write(a, target)
    if second is None:
        return
    data, losses = second
    b = _check_written(data, target)
    for direction in ("incoming", "outgoing"):
        expected = _normalise_users(_apply(getattr(a, direction), losses), a.address)
        got = _normalise_users([_key(s) for s in getattr(b, direction)], a.address)
        assert got == expected, (direction, [str(loss) for loss in losses])
    named = {server_name(s) for s in (*a.incoming, *a.outgoing)}
    assert all(loss.server in named for loss in losses if loss.server)
    if any(s.protocol == "pop3" for s in b.incoming) and b.pop3 != a.pop3:
        assert any(loss.field == "pop3" for loss in losses)
    if source == target == "autoconfig":
        assert [loss for loss in losses if loss.server] == []
        assert (b.documentation, b.domains, b.pop3) == (a.documentation, a.domains, a.pop3)
        assert (b.other_servers, b.root_extras) == (a.other_servers, a.root_extras)
        assert [s.extras for s in (*b.incoming, *b.outgoing)] == [
            s.extras for s in (*a.incoming, *a.outgoing)]
    elif target != "autoconfig":
        codes = {loss.code for loss in losses}
        assert not a.other_servers or "raw_server" in codes
        assert not a.root_extras or "autoconfig_element" in codes


@pytest.mark.parametrize("fmt", ["autoconfig", "autodiscover", "mobileconfig", "sheet"])
@BUDGET
@given(generated=accounts(), name=st.text(max_size=20), provider=st.text(max_size=20))
def test_any_free_text_gives_a_valid_file(fmt: str, generated: AccountConfig, name: str,
                                          provider: str) -> None:
    """Names from --name, presets or a binary plist may hold anything: the file stays valid, or the
    export refuses in one line; control characters are stripped with a "changed:" line."""
    account = AccountConfig(**{**generated.__dict__, "display_name": name or None,
                               "provider_name": provider or None, "provider_short_name": provider or None})
    written = _write(account, fmt)
    if written is None:
        return
    data, losses = written
    if fmt == "sheet":
        text = data.decode("utf-8")
        assert "%EMAIL" not in text
        assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text)
    else:
        _check_written(data, fmt)
    if fmt == "mobileconfig" and any(ord(c) < 32 and c not in "\t\n\r" for c in name + provider):
        assert any(loss.code == "control_characters" for loss in losses)  # it writes both names
