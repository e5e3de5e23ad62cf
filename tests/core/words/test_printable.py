"""Untrusted text (host names, preset names, server replies) cannot drive the terminal or forge lines."""

from __future__ import annotations

from assistant.core.model.results import Candidate, DiscoveryResult, Finding, MxRecord, ProbeResult, TlsFacts
from assistant.core.report import probe_text
from assistant.core.words.printable import printable, printable_lines

HOSTILE = "mail.evil.test\x1b]0;pwned\x07\x1b[2J\r\nReady: all safe\u202egnp.exe\u2028\x85\x7f\udcff"


def test_every_control_becomes_a_visible_escape() -> None:
    out = printable(HOSTILE)
    assert out == ("mail.evil.test\\x1b]0;pwned\\x07\\x1b[2J\\r\\nReady: all safe\\u202egnp.exe\\u2028"
                   "\\x85\\x7f\\udcff")
    assert out.isprintable()
    out.encode("utf-8")  # no lone surrogate left to crash a strict stream


def test_ordinary_text_is_unchanged() -> None:
    for text in ("imap.example.com", "郵件.台灣", "C:\\Users\\ann\\org.toml", "tab\u00e9 ünïcode", "a b"):
        assert printable(text) == text.replace("\t", "\\t")
    assert printable_lines("one\ntwo\x1b") == "one\ntwo\\x1b"


def _result() -> DiscoveryResult:
    c = Candidate.from_dict({"protocol": "imap", "host": HOSTILE, "port": 993, "security": "ssl",
                             "source": "srv"})
    r = ProbeResult(candidate=c, status="ok", tls=TlsFacts(version="TLSv1.3", verified=True))
    return DiscoveryResult(address="ann@evil.test", domain="evil.test", domain_unicode="evil.test",
                           candidates=[r], recommended={"imap": r, "pop3": None, "smtp": None},
                           mx=[MxRecord(10, HOSTILE)],
                           warnings=[Finding(code="x", message=f"preset {HOSTILE} says no", host=HOSTILE)])


def test_the_text_report_escapes_names_from_dns_servers_and_files() -> None:
    text = probe_text.render(_result())
    assert "\x1b" not in text and "\r" not in text and "\u202e" not in text and "\x07" not in text
    assert "\nReady: all safe" not in text  # no forged line
    assert "mail.evil.test\\x1b]0;pwned" in text
    assert all(line.isprintable() for line in text.splitlines())
