"""Options must be spelled out, and no error line echoes a value that may be a secret (security review 3)."""

from __future__ import annotations

import argparse

import pytest

from assistant.cli import COMMANDS, build_parser, main
from assistant.core.words.errors import AssistantError


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


def test_password_is_not_an_abbreviation_of_password_env(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["verify", "ann@example.test", "--password", "hunter2-secret"], capsys)
    assert code == 2
    assert "hunter2-secret" not in err
    assert "--password" in err and err.count("\n") == 1


def test_password_equals_never_reads_an_environment_variable(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH_LIKE_SECRET", "s3cr3t-value")
    code, err = run(["verify", "ann@example.test", "--password=PATH_LIKE_SECRET"], capsys)
    assert code == 2
    assert "s3cr3t-value" not in err and "PATH_LIKE_SECRET" not in err
    assert "unrecognized arguments: --password" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_no_command_accepts_abbreviations(command: str) -> None:
    top = build_parser((command,))
    assert top.allow_abbrev is False
    [sub] = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    assert sub.choices[command].allow_abbrev is False


def test_an_abbreviated_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["probe", "ann@example.test", "--js"], capsys)
    assert code == 2 and "--js" in err


@pytest.mark.parametrize(("argv", "secret"), [
    (["probe", "ann@example.test", "--timeout", "pw-hunter2"], "pw-hunter2"),
    (["pw-hunter2"], "pw-hunter2"),
    (["probe", "ann@example.test", "pw-hunter2", "more"], "pw-hunter2"),
    (["recommend", "--devices", "computer", "-x", "pw-hunter2"], "pw-hunter2"),
])
def test_argparse_errors_name_options_not_values(argv: list[str], secret: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(argv, capsys)
    assert code == 2
    assert secret not in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_error_lines_escape_control_characters(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import assistant.cli.convert as convert_cmd

    def fail(args: argparse.Namespace) -> int:
        raise AssistantError("mail.evil.test\x1b[2J\nmail-setup-assistant: all good\u202e")

    monkeypatch.setattr(convert_cmd, "run", fail)
    code, err = run(["convert", "whatever.xml", "--to", "sheet"], capsys)
    assert code == 1
    assert err == "mail-setup-assistant: mail.evil.test\\x1b[2J\\nmail-setup-assistant: all good\\u202e\n"


@pytest.mark.parametrize("argv", [
    ["probe", "ann@example.test", "--offline"],
    ["export", "ann@example.test", "--format", "sheet", "--offline"],
    ["verify", "ann@example.test", "--password-env", "MSA_TEST_PW", "--offline"],
    ["report", "ann@example.test", "--offline"],
    ["gui"],
])
@pytest.mark.parametrize("option", ["--dns-server", "--cafile"])
def test_an_empty_server_or_cafile_is_bad_input(argv: list[str], option: str, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """`--dns-server ""` once fell back to the system resolver silently; `--cafile ""` was ignored."""
    monkeypatch.setenv("MSA_TEST_PW", "pw")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    code, err = run([*argv, option, ""], capsys)
    assert code == 2, err
    assert err.startswith(f"mail-setup-assistant: {option} ") and err.count("\n") == 1


@pytest.mark.parametrize(("name", "shown"), [
    ("MSA_UNSET_PASSWORD_VAR", True),
    ("hunter2-secret", False),        # a password typed where the variable's name belongs
    ("Tr0ub4dor&3", False),
    ("pass=word", False),
])
def test_password_env_names_only_conventional_variables(name: str, shown: bool,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(name, raising=False)
    code, err = run(["verify", "ann@example.test", "--password-env", name, "--offline",
                     "--dns-server", "127.0.0.1:9", "--timeout", "0.3"], capsys)
    assert code == 2 and err.count("\n") == 1
    assert (name in err) is shown, err
