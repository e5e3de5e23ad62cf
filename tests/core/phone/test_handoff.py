"""The phone hand-off's rules without Qt: what each link state shows, screen codes that scan (ZXing) at
whole pixels of at least 4 px a module, which password may go into the Android code, plaintext never to a
phone, and the link's life (served once over loopback; stopped from another thread, it is closed)."""

from __future__ import annotations

import asyncio
import http.client
import io
import json
import threading
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from PIL import Image

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.model.progress import ProgressEvent
from assistant.core.net.settings import Settings
from assistant.core.phone.handoff import (
    CODE_PX,
    MIN_MODULE_PX,
    Link,
    PhoneLink,
    android_text,
    link_view,
    screen_code,
)
from assistant.core.profiles import import_profile
from assistant.core.profiles.qrimage import QUIET_ZONE, make_qr
from assistant.core.setup.session import SetupSession
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import IMAP_ACCOUNT
from tests.support.qrdecode import decode_png


def test_only_a_waiting_link_shows_its_code_and_every_end_offers_a_new_one() -> None:
    views = {state: link_view(state) for state in Link}
    assert [s for s, v in views.items() if v.show_code] == [Link.WAITING]
    assert [s for s, v in views.items() if not v.can_renew] == [Link.STARTING, Link.WAITING]
    assert views[Link.NO_LAN].text == "no_lan" and views[Link.DOWNLOADED].text == "downloaded"


@pytest.mark.parametrize("text", ["http://192.168.1.20:40000/" + "x" * 22,
                                  android_text(IMAP_ACCOUNT, None), "y" * 600])
@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
def test_screen_codes_scan_at_whole_pixels_and_at_least_4_px_a_module(text: str, ratio: float) -> None:
    code = screen_code(text, ratio)
    assert decode_png(code.png)[0] == text
    modules = make_qr(text).symbol_size(scale=1, border=QUIET_ZONE)[0]
    logical = code.side / modules
    assert logical == int(logical) >= MIN_MODULE_PX
    assert code.side <= max(CODE_PX, modules * MIN_MODULE_PX)
    width = Image.open(io.BytesIO(code.png)).width
    assert width == round(code.side * code.ratio) and width % modules == 0  # whole device px per module
    assert code.ratio >= ratio


def test_the_android_code_takes_a_password_only_when_given_and_never_a_plaintext_server() -> None:
    payload = json.loads(android_text(replace(IMAP_ACCOUNT, password="kept-out"), None))
    assert len(payload[2]) == 6 and "kept-out" not in json.dumps(payload)
    assert json.loads(android_text(IMAP_ACCOUNT, "pw-1"))[2][6:] == ["", "pw-1"]
    plain = replace(IMAP_ACCOUNT, incoming=(ServerConfig("imap", "imap.example.com", 143, "plain"),))
    with pytest.raises(InputError):
        android_text(plain, None)


def test_the_codes_password_is_the_sessions_when_there_is_one() -> None:
    session = SetupSession(lambda: Settings.create(offline=True),
                           address=EmailAddress.parse("alice@example.com"))
    assert session.qr_password() is None
    session.password = "pw-2"
    assert session.qr_password() == "pw-2"


def get(url: str) -> bytes:
    """GET over loopback with a plain client (no proxy settings from the environment)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port or 0, timeout=10)
    conn.request("GET", parts.path)
    response = conn.getresponse()
    assert response.status == 200
    return response.read()


def _run_link(link: PhoneLink, urls: list[str]) -> Link:
    def progress(event: ProgressEvent) -> None:
        assert event.kind == "share" and event.detail
        urls.append(event.detail)
    return asyncio.run(link.run(progress))


def test_the_link_serves_once_then_ends_downloaded() -> None:
    link = PhoneLink(IMAP_ACCOUNT, bind="127.0.0.1", expires=30)
    urls: list[str] = []
    result: list[Link] = []
    thread = threading.Thread(target=lambda: result.append(_run_link(link, urls)))
    thread.start()
    for _ in range(500):
        if urls:
            break
        threading.Event().wait(0.01)
    assert import_profile(get(urls[0]), "link").incoming[0].host == "imap.example.com"
    thread.join(10)
    assert result == [Link.DOWNLOADED]
    assert link.stop(0.1)


def test_stop_from_another_thread_closes_the_server_and_a_stopped_link_never_listens() -> None:
    link = PhoneLink(IMAP_ACCOUNT, bind="127.0.0.1", expires=30)
    events: list[ProgressEvent] = []
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever)
    thread.start()
    try:
        future = asyncio.run_coroutine_threadsafe(link.run(events.append), loop)
        for _ in range(500):
            if events:
                break
            threading.Event().wait(0.01)
        future.cancel()  # what Job.detach does
        assert link.stop(2.0)
        with pytest.raises(ConnectionRefusedError):
            get(events[0].detail or "")
        stopped = PhoneLink(IMAP_ACCOUNT, bind="127.0.0.1")
        assert stopped.stop(0.1)
        assert asyncio.run_coroutine_threadsafe(stopped.run(events.append), loop).result(5) is Link.STOPPED
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
