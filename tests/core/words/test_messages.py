"""The core's error sentences by code (core/words/messages.py): the CLI's English line is what it always was,
and a translator gets every template, nested ones too."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from assistant.core.model.address import AddressError, parse_address
from assistant.core.net.connect import ConnectError
from assistant.core.net.dns import DnsError, NoSuchDomain
from assistant.core.words.errors import AssistantError, DomainError, InputError
from assistant.core.words.messages import CONTEXT, MESSAGES, OPENSSL_DETAILS, Message, openssl_detail, render


def test_errors_keep_their_english_line_for_the_cli() -> None:
    assert str(DomainError(code="nxdomain", params={"domain": "srv.tset"})) == \
        "srv.tset: this domain does not exist (DNS answered NXDOMAIN)"
    reason = DnsError(code="dns_no_answer", params={"name": "srv.tset", "rdtype": "SOA"})
    assert str(reason) == "srv.tset SOA: no usable answer (SERVFAIL or refused)"
    failed = DomainError(code="dns_failed", params={"server": "10.0.0.1:53", "reason": reason.message()})
    assert str(failed) == "DNS failed (10.0.0.1:53): srv.tset SOA: no usable answer (SERVFAIL or refused)"
    assert str(NoSuchDomain(code="dns_nxdomain", params={"name": "x.test"})) == "x.test: no such domain"
    refused = ConnectError("refused", Message("connect_refused", {"where": "imap.x.test:993"}))
    assert str(refused) == "imap.x.test:993: connection refused"
    assert str(InputError("free text")) == "free text" and InputError("free text").code is None


def test_a_translator_gets_every_template_nested_ones_first() -> None:
    seen: list[tuple[str, str]] = []

    def shout(context: str, text: str) -> str:
        seen.append((context, text))
        return text.upper().replace("{SERVER}", "{server}").replace("{REASON}", "{reason}") \
            .replace("{NAME}", "{name}").replace("{RDTYPE}", "{rdtype}")

    reason = Message("dns_timeout", {"name": "a.test", "rdtype": "MX"})
    text = render("dns_failed", {"server": "system", "reason": reason}, shout)
    assert text == "DNS FAILED (system): a.test MX: THE DNS SERVER DID NOT ANSWER IN TIME"
    assert {ctx for ctx, _ in seen} == {CONTEXT}


def test_a_translation_that_breaks_a_placeholder_falls_back_to_english() -> None:
    assert render("connect_refused", {"where": "h:1"}, lambda _c, _t: "{oops}") == "h:1: connection refused"


def test_every_template_names_only_fields_it_is_given() -> None:
    for code, template in MESSAGES.items():
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert all(re.fullmatch(r"[a-z_]+", n) for n in names), (code, names)
        assert render(code, {n: "x" for n in names})


def test_openssl_reasons_become_translatable_and_stay_the_same_in_english() -> None:
    for text in OPENSSL_DETAILS:
        if text != "hostname_mismatch":
            assert str(openssl_detail(text)) == text
    mismatch = "Hostname mismatch, certificate is not valid for 'a.test'."
    assert isinstance(openssl_detail(mismatch), Message) and str(openssl_detail(mismatch)) == mismatch
    assert openssl_detail("something new") == "something new"


def test_address_errors_keep_their_code() -> None:
    try:
        parse_address("a@@b")
    except AddressError as exc:
        assert exc.code == "many_at" and isinstance(exc, AssistantError)
    else:
        raise AssertionError("not refused")


def test_os_errors_a_person_meets_are_said_in_words_the_rest_keep_the_systems_text() -> None:
    import errno
    import socket

    from assistant.core.words.messages import os_detail
    reset = os_detail(ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"))
    assert reset == Message("os", {"name": "ECONNRESET"}) and str(reset) == "the connection was reset"
    assert render("connect_failed", {"where": "h:1", "detail": reset}, lambda _c, t: f"«{t}»") == \
        "«h:1: «the connection was reset»»"
    again = os_detail(socket.gaierror(socket.EAI_AGAIN, "Temporary failure"))
    assert again == Message("os", {"name": "EAI_AGAIN"})
    assert os_detail(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"
    assert os_detail(OSError()) == "OSError"


def test_file_errors_carry_codes_the_wizard_translates(tmp_path: Path) -> None:
    from assistant.core.net.files import read_bounded, write_output
    from assistant.core.setup.exporting import make_folder
    (tmp_path / "file").write_text("")
    (tmp_path / "link").symlink_to(tmp_path)
    cases = []
    for action in (lambda: read_bounded(str(tmp_path / "nope.p12"), 10, "PKCS#12 file"),
                   lambda: read_bounded(str(tmp_path), 10, "PKCS#12 file"),
                   lambda: make_folder(tmp_path / "file" / "x"),
                   lambda: write_output(str(tmp_path / "link"), b"x", force=True)):
        with pytest.raises(InputError) as caught:
            action()
        cases.append(caught.value)
    assert [e.code for e in cases] == ["no_such_file", "read_folder", "cannot_make_folder", "symlink"]
    assert str(cases[1]) == f"{tmp_path}: is a folder, expected a PKCS#12 file"  # the CLI's line, as before
    assert str(cases[3]).endswith("is a symbolic link to a folder; it is not replaced (remove the link or "
                                  "write to its target)")
    for exc in cases:  # every word of it goes through the translator
        marked = render(exc.code or "", exc.params, lambda _c, t: f"«{t}»")
        assert marked.startswith("«") and marked.endswith("»") and "««" not in marked, marked
