"""The Thunderbird-for-Android QR payload (format version 1): what the writer puts in, and what the reader
refuses. The rules are checked by a spec checker written here from qr-code-format.md, not by our reader.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.profiles.mobileqr import build_payload, payload_json, read_account, read_payload
from assistant.core.words.errors import InputError

PORTS = {("imap", "ssl"): 993, ("imap", "starttls"): 143, ("pop3", "ssl"): 995, ("pop3", "starttls"): 110,
         ("smtp", "ssl"): 465, ("smtp", "starttls"): 587}
IDN = "bücher.test"
IDN_ASCII = "xn--bcher-kva.test"


def make_account(protocol: str = "imap", security: str = "ssl", domain: str = "example.com",
                 password: str | None = None, name: str | None = "Jane Doe") -> AccountConfig:
    incoming = ServerConfig(protocol, f"{protocol}.{domain}", PORTS[protocol, security], security)  # type: ignore[arg-type]
    smtp = ServerConfig("smtp", f"smtp.{domain}", PORTS["smtp", security], security)  # type: ignore[arg-type]
    return AccountConfig(domain=domain, incoming=(incoming,), outgoing=(smtp,), address=f"jane@{domain}",
                         display_name=name, password=password)


def check_spec(payload: Any) -> None:
    """Every rule of format version 1 a writer must follow, for a one-account, one-code payload."""
    assert isinstance(payload, list) and len(payload) == 4
    assert payload[0] == 1 and type(payload[0]) is int
    assert payload[1] == [1, 1]
    incoming, groups = payload[2], payload[3]
    # Optional elements only left off from the end; none beyond the spec's.
    assert len(incoming) in (6, 8), incoming
    assert incoming[0] in (0, 1)
    _check_server(incoming)
    if len(incoming) == 8:
        assert incoming[6] == ""  # account name: the first identity's address, written as "" (not null)
        assert isinstance(incoming[7], str) and incoming[7]
    assert isinstance(groups, list) and len(groups) == 1
    group = groups[0]
    assert len(group) == 2
    outgoing, identity = group
    assert len(outgoing) in (6, 7) and outgoing[0] == 0
    _check_server(outgoing)
    assert len(identity) == 2 and all(isinstance(v, str) for v in identity)
    assert identity[0].isascii() and identity[0].count("@") == 1

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            assert "\r" not in value and "\n" not in value
        else:
            assert type(value) is int  # no null, no float, no bool
    walk(payload)


def _check_server(server: list[Any]) -> None:
    assert isinstance(server[1], str) and server[1].isascii() and server[1] == server[1].lower()
    assert type(server[2]) is int and 1 <= server[2] <= 65535
    assert server[3] in (0, 2, 3)  # 1 is reserved and never written
    assert server[4] in range(7)
    assert isinstance(server[5], str)


@pytest.mark.parametrize("protocol", ["imap", "pop3"])
@pytest.mark.parametrize("security", ["ssl", "starttls"])
@pytest.mark.parametrize("domain", ["example.com", IDN])
@pytest.mark.parametrize("password", [None, "pa ss:wörd"])
def test_payload_follows_spec_and_account(protocol: str, security: str, domain: str,
                                          password: str | None) -> None:
    account = make_account(protocol, security, domain, password)
    payload = json.loads(payload_json(account, include_password=password is not None))
    check_spec(payload)
    ascii_domain = IDN_ASCII if domain == IDN else domain
    address = f"jane@{ascii_domain}"
    sec = {"ssl": 3, "starttls": 2}[security]
    incoming = [{"imap": 0, "pop3": 1}[protocol], f"{protocol}.{ascii_domain}", PORTS[protocol, security],
                sec, 1, address]
    outgoing = [0, f"smtp.{ascii_domain}", PORTS["smtp", security], sec, 1, address]
    if password:
        incoming += ["", password]
        outgoing += [password]
    assert payload == [1, [1, 1], incoming, [[outgoing, [address, "Jane Doe"]]]]


def test_spec_example_is_written_byte_for_byte() -> None:
    account = make_account(domain="domain.example")
    account = AccountConfig(domain="domain.example", incoming=account.incoming, outgoing=account.outgoing,
                            address="user@domain.example", display_name="Jane Doe")
    assert payload_json(account) == (
        '[1,[1,1],[0,"imap.domain.example",993,3,1,"user@domain.example"],'
        '[[[0,"smtp.domain.example",465,3,1,"user@domain.example"],["user@domain.example","Jane Doe"]]]]')


def test_password_only_when_asked() -> None:
    account = make_account(password="secret")
    assert "secret" not in payload_json(account)
    assert "secret" in payload_json(account, include_password=True)
    with pytest.raises(InputError, match="no password"):
        payload_json(make_account(), include_password=True)


def test_non_ascii_display_name_is_escaped_and_survives() -> None:
    text = payload_json(make_account(name="Jürgen Ölmann"))
    assert text.isascii()
    assert json.loads(text)[3][0][1][1] == "Jürgen Ölmann"


def test_auth_codes_and_placeholders() -> None:
    incoming = ServerConfig("imap", "imap.example.com", 993, "ssl", username="%EMAILLOCALPART%",
                            auth="password-encrypted")
    smtp = ServerConfig("smtp", "smtp.example.com", 465, "ssl", auth="OAuth2")
    account = AccountConfig(domain="example.com", incoming=(incoming,), outgoing=(smtp,),
                            address="jane@example.com")
    payload = build_payload(account)
    assert payload[2][4:6] == [2, "jane"]
    assert payload[3][0][0][4] == 6
    assert payload[3][0][1] == ["jane@example.com", ""]


@pytest.mark.parametrize(("change", "message"), [
    ({"address": None}, "needs an email address"),
    ({"display_name": "Jane\nDoe"}, "display name must not contain a line break"),
    ({"password": "a\rb"}, "password must not contain a line break"),
    ({"address": "jäne@example.com"}, "jäne@example.com"),
])
def test_writer_refuses(change: dict[str, Any], message: str) -> None:
    fields = {"domain": "example.com", "incoming": make_account().incoming,
              "outgoing": make_account().outgoing, "address": "jane@example.com", **change}
    account = AccountConfig(**fields)
    with pytest.raises(InputError, match=message):
        payload_json(account, include_password=account.password is not None)


def test_plain_needs_allow_plain() -> None:
    incoming = ServerConfig("imap", "imap.example.com", 143, "plain")
    account = AccountConfig(domain="example.com", incoming=(incoming,), outgoing=make_account().outgoing,
                            address="jane@example.com")
    with pytest.raises(InputError, match="no encryption"):
        build_payload(account)
    assert build_payload(account, allow_plain=True)[2][3] == 0


# --- reader --------------------------------------------------------------------------------------------

GOOD = [1, [1, 1], [0, "imap.example.com", 993, 3, 1, "jane@example.com"],
        [[[0, "smtp.example.com", 465, 3, 1, "jane@example.com"], ["jane@example.com", "Jane Doe"]]]]


def _with(path: tuple[int, ...], value: Any) -> str:
    payload = json.loads(json.dumps(GOOD))
    node = payload
    for i in path[:-1]:
        node = node[i]
    node[path[-1]] = value
    return json.dumps(payload)


def test_reader_round_trip_and_passwords_dropped() -> None:
    for account in (make_account("pop3", "starttls", IDN, "pw"), make_account()):
        text = payload_json(account, include_password=account.password is not None)
        back = read_account(text, "code.json")
        assert back.password is None
        assert back.address == f"jane@{IDN_ASCII if account.domain == IDN else 'example.com'}"
        assert back.incoming[0].protocol == account.incoming[0].protocol
        assert back.incoming[0].security == account.incoming[0].security
        assert back.incoming[0].username == "%EMAILADDRESS%"
        assert back.outgoing[0].port == account.outgoing[0].port
        assert back.display_name == "Jane Doe"


def test_reader_ignores_extra_elements_and_reads_sequences() -> None:
    payload = json.loads(json.dumps(GOOD))
    payload[1] = [2, 3, "future"]
    payload[2] += ["Work", None, "future"]
    payload[3][0][0] += ["", 42]
    payload[3][0][1] += ["future"]
    info = read_payload(json.dumps(payload), "x")
    assert (info.sequence_number, info.sequence_end) == (2, 3)
    assert info.accounts[0].incoming[0].host == "imap.example.com"


def test_reader_skips_bad_account_keeps_good_one() -> None:
    payload = json.loads(json.dumps(GOOD))
    bad = json.loads(json.dumps(GOOD[2]))
    bad[0] = 7
    payload[2:2] = [bad, GOOD[3]]
    info = read_payload(json.dumps(payload), "x")
    assert len(info.accounts) == 1 and "incoming protocol code 7" in info.skipped[0]


def test_reader_skips_bad_identity_and_group() -> None:
    payload = json.loads(json.dumps(GOOD))
    bad_group = [[0, "smtp.bad.example", 465, 1, 1, "x"], ["jane@example.com", "J"]]
    payload[3] = [bad_group, [GOOD[3][0][0], ["jäne@example.com", "J"], ["jane@example.com", "Jane"]]]
    account = read_account(json.dumps(payload), "x")
    assert account.outgoing[0].host == "smtp.example.com"
    assert account.display_name == "Jane"


@pytest.mark.parametrize(("text", "message"), [
    (_with((0,), 2), "format version 2 is not supported"),
    (_with((0,), "1"), "format version '1' is not supported"),
    ("{}", "not a JSON array"),
    ("[1,[1,1]", "not valid JSON"),
    (_with((1,), [2, 1]), "sequence 2 of 1"),
    (_with((2, 0), 2), "incoming protocol code 2 is not supported"),
    (_with((3, 0, 0, 0), 1), "outgoing protocol code 1 is not supported"),
    (_with((2, 3), 1), "connection security code 1 is not supported"),
    (_with((2, 3), 4), "connection security code 4 is not supported"),
    (_with((3, 0, 0, 3), 9), "connection security code 9"),
    (_with((2, 4), 7), "authentication type code 7 is not supported"),
    (_with((2, 4), 4), "authentication NTLM cannot be set up"),
    (_with((2, 1), "imap.bücher.test"), "not an ASCII host name"),
    (_with((2, 1), "imap example.com"), "not an ASCII host name"),
    (_with((2, 2), 0), "port 0 is not 1-65535"),
    (_with((2, 2), 65536), "port 65536"),
    (_with((2, 2), "993"), "port must be an integer"),
    (_with((2, 2), True), "port must be an integer"),
    (_with((2, 5), "jane\n"), "username must not contain a line break"),
    (_with((2,), [*GOOD[2], "Work\r", ""]), "AccountName must not contain a line break"),  # type: ignore[list-item]
    (_with((2,), [*GOOD[2], "", "pass\nword"]), "Password must not contain a line break"),  # type: ignore[list-item]
    (_with((2,), [*GOOD[2], "", 5]), "Password must be a string"),  # type: ignore[list-item]
    (_with((3, 0, 1, 1), "Jane\nDoe"), "display name must not contain a line break"),
    (_with((3, 0, 1, 0), "jäne@example.com"), "is not ASCII"),
    (_with((3, 0, 1, 0), "example.com"), "is not an email address"),
    (_with((3,), []), "OutgoingServerGroups must not be empty"),
    (_with((3, 0), [GOOD[3][0][0]]), "has no Identity"),
    (_with((2,), [0, "imap.example.com", 993]), "connection security must be an integer"),
    (json.dumps(GOOD[:3]), "pairs"),
])
def test_reader_rejects_with_clear_message(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        read_account(text, "code.json")
    assert str(info.value).startswith("code.json: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_reader_bounds_and_encoding() -> None:
    with pytest.raises(InputError, match="larger than"):
        read_account(b"[1," + b" " * 5000 + b"]", "big.json")
    with pytest.raises(InputError, match="not UTF-8"):
        read_account(b"[1,\xff]", "bin.json")


@pytest.mark.parametrize(("text", "message"), [
    ("[1," + "[" * 1500 + "]" * 1500 + "]", "nested too deeply"),
    ('[1,[1,1],[0,"a.example",NaN,3,1,"u"],[]]', "not valid JSON (NaN is not JSON)"),
    ('[1,[1,1],[0,"a.example",993,3,1,"u"],[[[0,"b.example",465,3,1,"u"],["u@example.com","\\ud800"]]]]',
     "display name is not valid Unicode"),
    ("[1,[1,1],\ud800]", "not UTF-8"),
])
def test_reader_hostile_json(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_account(text, "x")


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 70000) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=8), max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), _json_values.map(lambda v: json.dumps([1, [1, 1], v, v]))))
def test_reader_never_fails_otherwise(data: bytes | str) -> None:
    """Whatever arrives, the reader gives accounts or one InputError naming the origin."""
    try:
        info = read_payload(data, "fuzz")
    except InputError as exc:
        assert str(exc).startswith("fuzz: ") and "\n" not in str(exc)
    else:
        assert info.accounts
