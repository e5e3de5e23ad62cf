"""The setup sheet: standalone printable HTML, every value escaped, never a password."""

from __future__ import annotations

import html.parser
from dataclasses import replace

from assistant.core.profiles import export_profile
from assistant.core.profiles.sheet import TEXTS, write_sheet
from tests.core.test_profiles_samples import HOSTILE_ACCOUNT, IMAP_ACCOUNT, POP3_ACCOUNT


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
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert not any(v and ("http://" in v or "https://" in v) for _, v in page.attrs)
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
    assert "Also possible: incoming mail with IMAP" in text
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
