"""The password wrapper and the report's last-line redaction, without any server."""

from __future__ import annotations

import base64
import json
import traceback

import pytest

from assistant.core.model.address import EmailAddress
from assistant.core.model.results import DiscoveryResult, Finding
from assistant.core.report.document import build_report
from assistant.core.report.render import redact, render_html, render_json
from assistant.core.signin.secret import Secret, from_env, scrub
from assistant.core.signin.verify import parse_pins, usernames_for
from assistant.core.words.errors import InputError

PW = 'h<u>n&t"er2\'s'


def test_secret_never_prints() -> None:
    s = Secret(PW)
    assert PW not in repr(s) and PW not in str(s) and PW not in f"{s}" and PW not in f"{s!r}"
    assert s.reveal() == PW
    with pytest.raises(TypeError):
        import pickle
        pickle.dumps(s)


def test_secret_absent_from_tracebacks() -> None:
    def fail(secret: Secret) -> None:
        raise RuntimeError("boom")
    try:
        fail(Secret(PW))
    except RuntimeError as exc:  # locals are rendered with repr(), as crash reporters do
        text = "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())
    assert "Secret('***')" in text and PW not in text


@pytest.mark.parametrize("bad", ["", "a\nb", "a\rb", "a\0b", "x" * 5000])
def test_secret_rejects_unsendable(bad: str) -> None:
    with pytest.raises(InputError) as info:
        Secret(bad)
    assert bad not in str(info.value) or bad == ""


def test_scrub_removes_plain_and_base64_forms() -> None:
    s = Secret(PW)
    b64 = base64.b64encode(PW.encode()).decode()
    assert scrub(f"NO bad {PW} and {b64}", s) == "NO bad [redacted] and [redacted]"
    blob = base64.b64encode(f"\0u\0{PW}".encode()).decode()
    assert blob not in (scrub(f"BAD {blob}", s, extra=(blob,)) or "")


def test_redact_catches_escaped_forms_in_documents() -> None:
    s = Secret(PW)
    result = DiscoveryResult(address="a@example.test", domain="example.test", domain_unicode="example.test",
                             warnings=[Finding(code="x", message=f"server echoed {PW}")])
    report = build_report(result)
    for text in (render_json(report, (s,)), render_html(report, (s,))):
        assert PW not in text
        assert json.dumps(PW)[1:-1] not in text
        assert "h&lt;u&gt;n&amp;t" not in text
    assert render_json(report).count(json.dumps(PW)[1:-1]) == 1  # without the secret nothing is hidden


def test_redact_is_identity_without_secrets() -> None:
    assert redact("plain text", ()) == "plain text"


def test_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSA_PW", PW)
    assert from_env("MSA_PW").reveal() == PW
    monkeypatch.setenv("MSA_EMPTY", "")
    with pytest.raises(InputError, match="MSA_EMPTY: the variable is empty"):
        from_env("MSA_EMPTY")
    with pytest.raises(InputError, match="not a variable name"):
        from_env("A=B")


def test_pins_and_usernames() -> None:
    fp = "AB:" * 31 + "AB"
    assert parse_pins([fp]) == ("ab" * 32,)
    with pytest.raises(InputError, match="certificate fingerprint 'abc'"):
        parse_pins(["abc"])
    from assistant.core.model.account import ServerConfig
    srv = ServerConfig(protocol="imap", host="h", port=993, security="ssl")
    assert usernames_for(srv, EmailAddress.parse("bob@example.test")) == ["bob@example.test", "bob"]
    srv = ServerConfig(protocol="imap", host="h", port=993, security="ssl", username="%EMAILLOCALPART%")
    assert usernames_for(srv, EmailAddress.parse("bob@example.test")) == ["bob", "bob@example.test"]
