"""The dispatcher's last line of defence: an unexpected error is one line and exit 1, never a traceback."""

from __future__ import annotations

import argparse

import pytest

import assistant.cli.convert as convert_cmd
from assistant.cli import main


def _raiser(exc: BaseException):  # type: ignore[no-untyped-def]
    def run(args: argparse.Namespace) -> int:
        raise exc
    return run


def test_a_bug_prints_one_line_without_its_message(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("MSA_DEBUG", raising=False)
    monkeypatch.setattr(convert_cmd, "run", _raiser(ValueError("password=hunter2")))
    code = main(["convert", "whatever.xml", "--to", "sheet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "internal error (ValueError)" in err
    assert "hunter2" not in err and "Traceback" not in err


def test_msa_debug_shows_the_real_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSA_DEBUG", "1")
    monkeypatch.setattr(convert_cmd, "run", _raiser(ValueError("boom")))
    with pytest.raises(ValueError, match="boom"):
        main(["convert", "whatever.xml", "--to", "sheet"])


def test_a_closed_pipe_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(convert_cmd, "run", _raiser(BrokenPipeError()))
    monkeypatch.setattr("assistant.cli._quiet_stdout", lambda: None)  # capsys owns stdout here
    code = main(["convert", "whatever.xml", "--to", "sheet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == "mail-setup-assistant: output closed early (broken pipe)"


def test_a_command_loads_only_its_own_modules() -> None:
    # `probe` must not pay for the keychain or the profile writers: every import delays the run and eats
    # into its --timeout (docs/benchmarks.md, silent servers).
    import subprocess
    import sys
    heavy = ("keyring", "assistant.core.signin.verify", "assistant.core.profiles.mobileconfig", "PySide6")
    code = ("import sys\nfrom assistant.cli import main\nrc = main(['probe', 'a@@b'])\n"
            f"print(rc, sorted(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "2 []", out.stdout + out.stderr
