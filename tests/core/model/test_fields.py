"""Review: numbers from servers, files and options are read as ASCII digits with a length bound.

``str.isdigit`` accepts "²" and other digits ``int`` refuses, and ``int`` refuses more than 4300 digits;
either used to escape as ValueError (a traceback in the CLI, "internal error" in discovery).
"""

from __future__ import annotations

import pytest

from assistant.core.model.fields import parse_decimal, parse_port
from assistant.core.net.dns import parse_server
from assistant.core.profiles import import_profile
from assistant.core.words.errors import InputError
from tests.support.paths import GOLDEN

ODD = ["²", "٩٩٣", "1" * 5000, "0" * 4400 + "993", "-1", "+993", "99 3", "65536", "0"]


@pytest.mark.parametrize("text", ODD)
def test_odd_ports_are_none(text: str) -> None:
    assert parse_port(text) is None


def test_plain_numbers_still_read() -> None:
    assert parse_port("993") == 993 and parse_port("65535") == 65535 and parse_port("00993") == 993
    assert parse_decimal("123456789") == 123456789 and parse_decimal("1234567890") is None
    assert parse_decimal("1234567890", 12) == 1234567890


@pytest.mark.parametrize("text", ODD)
def test_autoconfig_port(text: str) -> None:
    data = (GOLDEN / "imap.xml").read_bytes().replace(b"<port>993</port>", f"<port>{text}</port>".encode(), 1)
    assert data != (GOLDEN / "imap.xml").read_bytes()
    try:
        account = import_profile(data, "file.xml")
    except InputError as exc:
        assert "port" in str(exc) and len(str(exc)) < 400
    else:  # the bad server entry was skipped, the others remain
        assert all(s.port != 993 or s.protocol != "imap" for s in account.incoming)


@pytest.mark.parametrize("text", ODD)
def test_autoconfig_pop3_days(text: str) -> None:
    data = (GOLDEN / "pop3.xml").read_bytes()
    assert b"<daysToLeaveMessagesOnServer>" in data
    start = data.index(b"<daysToLeaveMessagesOnServer>") + len(b"<daysToLeaveMessagesOnServer>")
    end = data.index(b"</daysToLeaveMessagesOnServer>")
    account = import_profile(data[:start] + text.encode() + data[end:], "file.xml")
    assert account.pop3.days_to_leave == ({"0": 0, "65536": 65536}.get(text, 14))


@pytest.mark.parametrize("text", ODD)
def test_autodiscover_port(text: str) -> None:
    data = (GOLDEN / "imap.autodiscover.xml").read_bytes().replace(b"<Port>993</Port>",
                                                                    f"<Port>{text}</Port>".encode(), 1)
    with pytest.raises(InputError, match="Port"):
        import_profile(data, "file.xml")


@pytest.mark.parametrize("text", ODD)
def test_dns_server_port(text: str) -> None:
    with pytest.raises(InputError, match="port must be 1-65535"):
        parse_server(f"127.0.0.1:{text}")
