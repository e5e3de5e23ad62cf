"""The one-time profile link the wizard drives (core/phone/share.ProfileShare) and the checks of what it may
serve and where it may listen, in process, over loopback with a real HTTP client (http.client)."""

from __future__ import annotations

import asyncio
import http.client
import logging
import time
from urllib.parse import urlsplit

import pytest

from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.phone.lan import check_bind_address
from assistant.core.phone.share import ProfileShare, ShareLimits, ShareState, check_profile
from assistant.core.words.errors import InputError
from tests.support.paths import GOLDEN

PROFILE = (GOLDEN / "imap.mobileconfig").read_bytes()


def test_bind_checks() -> None:
    assert check_bind_address("127.0.0.1") == "127.0.0.1"
    assert check_bind_address("[::1]") == "::1"
    for bad in ("0.0.0.0", "::", "224.0.0.1", "host.example"):
        with pytest.raises(InputError):
            check_bind_address(bad)


def test_check_profile() -> None:
    assert check_profile(PROFILE, "p") is False
    with pytest.raises(InputError, match="autoconfig"):
        check_profile((GOLDEN / "imap.xml").read_bytes(), "p")


def _get(url: str) -> tuple[int, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    conn.request("GET", parts.path)
    response = conn.getresponse()
    return response.status, response.read()


def test_share_object_states_and_no_token_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    states: list[ShareState] = []

    async def scenario() -> tuple[str, ShareState]:
        share = ProfileShare(PROFILE, "p.mobileconfig", bind="127.0.0.1", expires=30, on_state=states.append)
        url = await share.start()
        assert share.state is ShareState.WAITING
        assert await asyncio.to_thread(_get, url.rsplit("/", 1)[0] + "/nope") == (404, b"")
        assert await asyncio.to_thread(_get, url) == (200, PROFILE)
        state = await asyncio.wait_for(share.wait(), 5)
        await share.close()  # after the end: stays DOWNLOADED
        return url, state

    with caplog.at_level(logging.DEBUG):
        url, state = asyncio.run(scenario())
    assert state is ShareState.DOWNLOADED and states == [ShareState.WAITING, ShareState.DOWNLOADED]
    token = url.rsplit("/", 1)[1]
    assert caplog.records, "the share logs what it does (without the token)"
    assert token not in caplog.text
    assert all(token not in str(r.args) and token not in r.getMessage() for r in caplog.records)


def test_share_object_close_and_expiry() -> None:
    async def scenario() -> tuple[ShareState, ShareState, float]:
        first = ProfileShare(PROFILE, "p", bind="127.0.0.1", expires=60)
        url = await first.start()
        silent = await asyncio.open_connection("127.0.0.1", int(url.split(":")[2].split("/")[0]))
        await first.close()  # the wizard page was left
        silent[1].close()
        second = ProfileShare(PROFILE, "p", bind="127.0.0.1", expires=1,
                              limits=ShareLimits(request_seconds=0.5))
        await second.start()
        start = time.monotonic()
        state = await asyncio.wait_for(second.wait(), 5)
        return first.state, state, time.monotonic() - start

    closed, expired, took = asyncio.run(scenario())
    assert closed is ShareState.CLOSED and expired is ShareState.EXPIRED and took < 3


def test_tokens_differ() -> None:
    async def two() -> set[str]:
        urls = set()
        for _ in range(2):
            share = ProfileShare(PROFILE, "p", bind="127.0.0.1")
            urls.add((await share.start()).rsplit("/", 1)[1])
            await share.close()
        return urls

    assert len(asyncio.run(two())) == 2


def test_share_account_serves_the_profile_without_password() -> None:
    from assistant.core.phone import share_account
    from assistant.core.profiles import import_profile

    account = AccountConfig(domain="example.com", address="jane@example.com", password="Hunter2!",
                            incoming=(ServerConfig("imap", "imap.example.com", 993, "ssl"),),
                            outgoing=(ServerConfig("smtp", "smtp.example.com", 587, "starttls"),))

    async def scenario() -> tuple[int, bytes, ShareState]:
        share = share_account(account, bind="127.0.0.1", expires=30)
        url = await share.start()
        status, body = await asyncio.to_thread(_get, url)
        return status, body, await share.wait()

    status, body, state = asyncio.run(scenario())
    assert status == 200 and state is ShareState.DOWNLOADED
    assert b"Hunter2!" not in body and check_profile(body, "served") is False
    back = import_profile(body, "served")
    assert (back.incoming, back.outgoing, back.address) == (account.incoming, account.outgoing,
                                                            account.address)
