"""The entry point: the version it reports, and the wizard's fast path through the command line.

``assistant.__version__`` is a literal (reading package metadata cost start-up time); pyproject.toml stays
the one place a release changes it, and this test is what keeps the two equal. Opening the wizard
registers only the ``gui`` command; every other use of the command line still sees all commands.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import assistant
from assistant.cli import COMMANDS, build_parser
from tests.support.cli import clean_env, msa

ROOT = Path(__file__).resolve().parents[2]


NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _run(*code_or_args: str) -> subprocess.CompletedProcess[str]:
    """Python itself (``-c CODE``) without a display, like :func:`msa`."""
    return subprocess.run([sys.executable, *code_or_args], cwd=ROOT, env=clean_env(drop=NO_DISPLAY),
                          capture_output=True, text=True, timeout=60)


def test_version_is_the_one_in_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        declared = tomllib.load(fh)["project"]["version"]
    assert assistant.__version__ == declared, "change assistant/__init__.py with pyproject.toml"


def test_version_option_prints_it() -> None:
    out = msa("--version", drop=NO_DISPLAY, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"mail-setup-assistant {assistant.__version__}"


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert all(name in text for name in COMMANDS)


@pytest.mark.parametrize("argv", [[], ["gui"], ["gui", "--address", "ann@example.org"]])
def test_opening_the_wizard_imports_no_other_command(argv: list[str]) -> None:
    # Without a display the gui command stops with exit 2 before Qt starts: what was imported by then
    # is what the command line cost the wizard.
    code = ("import sys; from assistant.cli import main; code = main(sys.argv[1:]); "
            "print(sorted(m for m in sys.modules if m.startswith('assistant.cli.'))); sys.exit(code)")
    out = _run("-c", code, *argv)
    assert out.returncode == 2, out.stderr
    assert "no graphical display" in out.stderr
    # cli/common (the options every command shares) and the parser are not commands; no other command loads.
    # With no argument at all (a double-click) not even the parser is built.
    expected = ["assistant.cli.gui"] if not argv else ["assistant.cli.common", "assistant.cli.gui",
                                                        "assistant.cli.parser"]
    assert out.stdout.strip() == str(expected)


def test_other_commands_keep_the_full_parser() -> None:
    out = msa("probe", "--help", drop=NO_DISPLAY, text=True)
    assert out.returncode == 0, out.stderr
    assert "usage: mail-setup-assistant probe" in out.stdout
    wrong = msa("no-such-command", drop=NO_DISPLAY, text=True)
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr and "probe" in wrong.stderr
