"""``report`` end to end against a real Dovecot: HTML and JSON, redacted; every output searched for the
password."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.support.mailbox import ADDRESS, PASSWORD, REPORT_SCHEMA, Mailbox, assert_clean, run_main


@pytest.mark.parametrize(("args", "expected"), [
    (["report", ADDRESS, "-o", "report.txt"], "name the file .html or .json"),
])
def test_bad_input_exits_2(mailbox: Mailbox, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    monkeypatch.delenv("MSA_UNSET_VAR", raising=False)
    code, _out, err = run_main(mailbox, capsys, *args)
    assert code == 2
    assert expected in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_report_html_and_json_redacted(mailbox: Mailbox, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    html_path, json_path = tmp_path / "report.html", tmp_path / "report.json"
    code, out, err = run_main(mailbox, capsys, "report", ADDRESS, "--password-env", "MSA_TEST_PW",
                         "-o", str(html_path))
    assert code == 0, err
    code2, out2, err2 = run_main(mailbox, capsys, "report", ADDRESS, "--password-env", "MSA_TEST_PW",
                            "-o", str(json_path))
    assert code2 == 0, err2
    html_text, json_text = html_path.read_text(), json_path.read_text()
    assert_clean(out, err, out2, err2, html_text, json_text)
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob(".*.tmp"))
    # HTML: plain words first, technical appendix after.
    assert html_text.index("Everything works") < html_text.index("Technical appendix")
    assert "This report contains no password" in html_text
    doc = json.loads(json_text)
    jsonschema.validate(doc, REPORT_SCHEMA)
    assert doc["summary"]["status"] == "working"
    assert doc["signin"]["incoming"]["facts"]["quota_limit_kib"] == 1024 * 1024
    assert doc["app"]["version"] and doc["system"]["os"] and doc["resolver"]
    assert doc["timings"]["signin_ms"] >= 0
    assert doc["recommendation"]["protocol"] in ("imap", "pop3")
    # Not replaced without --force, and the old file is untouched.
    code3, _, err3 = run_main(mailbox, capsys, "report", ADDRESS, "-o", str(json_path))
    assert code3 == 2 and "already exists" in err3
    assert json_path.read_text() == json_text


def test_report_failed_signin_is_still_redacted(mailbox: Mailbox, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = PASSWORD + "-nope"
    monkeypatch.setenv("MSA_TEST_PW", wrong)
    code, out, err = run_main(mailbox, capsys, "report", ADDRESS, "--password-env", "MSA_TEST_PW",
                              "--format", "html")
    assert code == 1
    assert "signing in did not work" in out
    assert wrong not in out + err and PASSWORD not in out + err


def test_report_without_signin(mailbox: Mailbox, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(mailbox, capsys, "report", ADDRESS)
    assert code == 0, err
    doc = json.loads(out)
    jsonschema.validate(doc, REPORT_SCHEMA)
    assert doc["signin"] is None and doc["summary"]["status"] == "found"
