"""The setup sheet: standalone printable HTML, every value escaped, never a password."""

from __future__ import annotations

import base64
import html.parser
import json
import re
from dataclasses import replace

from assistant.core.profiles import export_profile
from assistant.core.profiles.losses import Loss
from assistant.core.profiles.sheet import QR_CSS_PX, TEXTS, write_sheet
from tests.core.profiles.test_samples import HOSTILE_ACCOUNT, IMAP_ACCOUNT, POP3_ACCOUNT
from tests.support.qrdecode import decode_png


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(data: bytes) -> _Collect:
    p = _Collect()
    p.feed(data.decode("utf-8"))
    return p


def test_standalone_and_printable() -> None:
    data = export_profile(IMAP_ACCOUNT, "sheet")
    page = parse(data)
    assert "script" not in page.tags and "link" not in page.tags and page.tags.count("img") == 1
    assert not any(v and ("http://" in v or "https://" in v) for _, v in page.attrs)
    assert all(v.startswith("data:image/png;base64,") for k, v in page.attrs if k == "src" and v)
    assert b"@media print" in data and b"<style>" in data
    text = "".join(page.text)
    for value in ("imap.example.com", "993", "SSL/TLS", "smtp.example.com", "465", "alice@example.com",
                  "Outlook on Windows", "Thunderbird", "Mail on macOS", "iPhone", "Android"):
        assert value in text


def test_every_value_is_escaped() -> None:
    hostile = replace(HOSTILE_ACCOUNT, address=None)
    page = parse(export_profile(hostile, "sheet"))
    assert page.tags.count("script") == 0 and "b" not in page.tags
    assert "Bücher <script>alert(1)</script> & Co" in "".join(page.text)


def test_never_a_password() -> None:
    secret = "Tr0ub4dor&3-never-printed"
    account = replace(IMAP_ACCOUNT, password=secret)
    assert secret.encode() not in export_profile(account, "sheet")


def test_pop3_settings_and_alternative() -> None:
    text = "".join(parse(export_profile(POP3_ACCOUNT, "sheet")).text)
    assert "Incoming mail (POP3)" in text and "7 days" in text
    # The other protocol in one line, not a second table a reader could type in by mistake.
    assert "Your provider also offers IMAP (mail.example.org, port 143)" in text
    assert text.count("Connection security") == 2
    assert "your full email address" in text


def test_translation_hook_sees_every_template() -> None:
    seen: list[str] = []

    def translate(context: str, text: str) -> str:
        assert context == "sheet"
        seen.append(text)
        return "»" + text if "{who}" not in text else text.replace("{who}", "{WHO}")

    data = write_sheet(POP3_ACCOUNT, translate=translate).decode()
    assert "»Incoming mail (POP3)" in data
    assert "<h1>Mail settings for Example Org</h1>" in data  # a broken translation falls back
    assert set(seen) <= set(TEXTS.values()) and len(set(seen)) > 20


def sheet_qr(data: bytes) -> str | None:
    """The payload of the sheet's QR code, decoded by ZXing from the embedded PNG; None without a code."""
    found = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="[^"]*" width="(\d+)"',
                       data.decode())
    if not found:
        return None
    [(b64, width)] = found
    assert int(width) == QR_CSS_PX
    return decode_png(base64.b64decode(b64))[0]


def test_thunderbird_for_android_code_on_the_sheet_never_holds_the_password() -> None:
    secret = "Tr0ub4dor&3-never-in-the-code"
    payload = sheet_qr(export_profile(replace(IMAP_ACCOUNT, password=secret), "sheet"))
    assert payload is not None and secret not in payload
    incoming, [[outgoing, identity]] = json.loads(payload)[2:4]
    assert incoming == [0, "imap.example.com", 993, 3, 1, "alice@example.com"]
    assert outgoing[1:3] == ["smtp.example.com", 465] and identity == ["alice@example.com", "Alice Example"]
    assert "pop.example.com" not in payload  # the chosen protocol only, as in the sheet's first table
    pop3 = replace(POP3_ACCOUNT, address="bo@example.org")
    pop = json.loads(sheet_qr(export_profile(pop3, "sheet")) or "0")
    assert pop[2][:3] == [1, "mail.example.org", 995]


def test_no_code_without_an_address_and_a_refused_code_is_announced() -> None:
    assert sheet_qr(export_profile(replace(IMAP_ACCOUNT, address=None), "sheet")) is None
    losses: list[Loss] = []
    data = write_sheet(replace(IMAP_ACCOUNT, display_name="Alice\nExample"), losses=losses)
    assert sheet_qr(data) is None and b"imap.example.com" in data  # the sheet itself is still there
    [loss] = [loss for loss in losses if loss.code == "mobile_qr"]
    assert "line break" in str(loss) and str(loss).startswith("dropped: the Thunderbird-for-Android QR")
