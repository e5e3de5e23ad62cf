"""``convert`` on the command line: one stderr line per loss, ``--json`` with the same losses
(schema-checked), ``--address`` to personalise, and bad input as one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import tests
from assistant.cli import main

TESTS = Path(tests.__file__).resolve().parent
SCHEMA = json.loads((TESTS.parent / "resources" / "schemas" / "convert.schema.json")
                    .read_text(encoding="utf-8"))
# Google's public settings as the ISPDB lists them (OAuth2 + password, POP3 settings, help links, domains).
GMAIL = str(TESTS / "data" / "ispdb" / "gmail.com.xml")


def test_each_loss_is_one_stderr_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", GMAIL, "--to", "mobileconfig"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert ("dropped: OAuth2 sign-in for imap imap.gmail.com:993 (mobileconfig describes one method it "
            "knows; password-cleartext kept)") in lines
    assert all(line.startswith(("dropped: ", "changed: ")) for line in lines)
    assert "<plist" in captured.out


def test_autoconfig_to_autoconfig_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", GMAIL, "--to", "autoconfig"]) == 0
    assert capsys.readouterr().err == ""


def test_json_lists_the_same_losses(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "gmail.xml"
    assert main(["convert", GMAIL, "--to", "autodiscover", "--json", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    jsonschema.validate(doc, SCHEMA)
    assert (doc["from"], doc["to"], doc["output"]) == ("autoconfig", "autodiscover", str(out))
    assert [f"{loss['kind']}: {loss['message']}" for loss in doc["losses"]] == captured.err.splitlines()
    assert {loss["code"] for loss in doc["losses"]} >= {"auth_methods", "documentation", "domains"}
    assert out.read_bytes().startswith(b"<?xml")


def test_json_without_output_carries_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", GMAIL, "--to", "sheet", "--json", "--address", "bob@gmail.com"]) == 0
    doc = json.loads(capsys.readouterr().out)
    jsonschema.validate(doc, SCHEMA)
    assert doc["output"] is None and "<td>bob@gmail.com</td>" in doc["content"]


def test_address_of_another_domain_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", GMAIL, "--to", "sheet", "--address", "bob@example.org"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "describes gmail.com, not example.org" in err


def test_unknown_encoding_is_exit_2_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "k.xml"
    bad.write_bytes(b'<?xml version="1.0" encoding="x-klingon"?><clientConfig/>')
    assert main(["convert", str(bad), "--to", "sheet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown encoding 'x-klingon'" in err
