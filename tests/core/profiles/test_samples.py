"""Sample accounts every profile test uses, and the golden files: same input, byte-identical output.

Run with UPDATE_GOLDEN=1 to rewrite tests/data/golden/ after an intended change (then review the diff).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.core.model.account import AccountConfig, Pop3Settings, ServerConfig
from assistant.core.profiles import FORMATS, export_profile, suggested_file_name

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"

IMAP_ACCOUNT = AccountConfig(
    domain="example.com",
    incoming=(ServerConfig("imap", "imap.example.com", 993, "ssl"),
              ServerConfig("pop3", "pop.example.com", 995, "ssl")),
    outgoing=(ServerConfig("smtp", "smtp.example.com", 465, "ssl"),),
    address="alice@example.com", display_name="Alice Example", provider_id="example.com",
    provider_name="Example Mail", provider_short_name="Example",
    documentation_url="https://example.com/help/mail")

POP3_ACCOUNT = AccountConfig(
    domain="example.org",
    incoming=(ServerConfig("pop3", "mail.example.org", 995, "ssl"),
              ServerConfig("imap", "mail.example.org", 143, "starttls")),
    outgoing=(ServerConfig("smtp", "mail.example.org", 587, "starttls"),),
    provider_id="example.org", provider_name="Example Org", provider_short_name="ExOrg",
    pop3=Pop3Settings(leave_on_server=True, days_to_leave=7, download_on_biff=True))

# Every text field carries markup, quotes and non-ASCII, to prove it is escaped everywhere.
HOSTILE_ACCOUNT = AccountConfig(
    domain="xn--bcher-kva.example",
    incoming=(ServerConfig("imap", "imap.xn--bcher-kva.example", 993, "ssl", username="o'brien&co"),),
    outgoing=(ServerConfig("smtp", "smtp.xn--bcher-kva.example", 587, "starttls", username="o'brien&co"),),
    address="bob@xn--bcher-kva.example", display_name='Bob "<b>Bold</b>" O\'Brien & Søn',
    provider_id="xn--bcher-kva.example", provider_name="Bücher <script>alert(1)</script> & Co",
    provider_short_name="Bücher")

ACCOUNTS = {"imap": IMAP_ACCOUNT, "pop3": POP3_ACCOUNT, "hostile": HOSTILE_ACCOUNT}
EXTENSIONS = {"autoconfig": "xml", "autodiscover": "autodiscover.xml", "mobileconfig": "mobileconfig",
              "sheet": "html"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(ACCOUNTS))
def test_golden(name: str, fmt: str) -> None:
    data = export_profile(ACCOUNTS[name], fmt)
    assert data == export_profile(ACCOUNTS[name], fmt), "export is not deterministic"
    path = GOLDEN / f"{name}.{EXTENSIONS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1 once and review it"
    assert data == path.read_bytes(), f"{fmt} output changed; if intended, UPDATE_GOLDEN=1 and review"


def test_outputs_are_utf8_without_bom() -> None:
    for account in ACCOUNTS.values():
        for fmt in FORMATS:
            data = export_profile(account, fmt)
            assert not data.startswith(b"\xef\xbb\xbf")
            data.decode("utf-8")


def test_suggested_file_names() -> None:
    assert suggested_file_name(IMAP_ACCOUNT, "autoconfig") == "config-v1.1.xml"
    assert suggested_file_name(IMAP_ACCOUNT, "autodiscover") == "autodiscover.xml"
    assert suggested_file_name(IMAP_ACCOUNT, "mobileconfig") == "alice_at_example.com.mobileconfig"
    assert suggested_file_name(POP3_ACCOUNT, "sheet") == "example.org-mail-settings.html"
