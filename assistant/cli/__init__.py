"""Command-line entry: ``mail-setup-assistant [COMMAND] ...``; no command opens the wizard.

Each subcommand lives in its own module exposing ``register(subparsers)`` (which sets ``func``) so the
commands stay small and independent. Every failure ends as one line on stderr and a documented exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from assistant import __version__
from assistant.core.words.errors import EXIT_BAD_INPUT, EXIT_NOTHING_USABLE, AssistantError

# Module names under assistant.cli, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = ("probe", "recommend", "export", "convert", "share", "verify", "report", "audit",
                             "gui")


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser with ``commands`` registered (all of them unless one command is named)."""
    from assistant.cli.parser import Parser
    parser = Parser(  # no abbreviations, value-free errors; subcommand parsers inherit the class
        prog="mail-setup-assistant",
        description="Find, test and set up the mail servers for an address. Without a command the "
                    "setup wizard opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (Qt, keychain, DNS, TLS, translations) and exit 0/1; "
                             "must come first: --self-test [--dns-server IP[:PORT]]")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"assistant.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-test"]:  # a top-level option with its own small parser (assistant/selftest.py)
        from assistant.selftest import main as self_test
        try:
            return self_test(argv[1:])
        except AssistantError as exc:
            return _fail(exc)
    # Register only the command being run: importing every command costs ~0.2 s (discovery, DNS, TLS, the
    # keychain), which delays the wizard's first window and eats into a probe's --timeout. Opening the wizard
    # (no arguments, what a double-click does) builds no parser at all: the gui command's defaults, checked
    # equal to what its parser gives (tests/gui/test_startup.py); `--help` and unknown words get them all.
    if not argv and "gui" in COMMANDS:
        from assistant.cli import gui
        return _run(gui.run, gui.defaults())
    if argv[:1] and argv[0] in COMMANDS:
        parser = build_parser((argv[0],))
    else:
        parser = build_parser(COMMANDS)
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        if "gui" not in COMMANDS:
            parser.print_help(sys.stderr)
            return EXIT_BAD_INPUT
        args = parser.parse_args(["gui", *argv])
        func = args.func
    return _run(func, args)


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command; every failure becomes one line and an exit code."""
    try:
        return int(func(args))
    except AssistantError as exc:
        return _fail(exc)
    except KeyboardInterrupt:
        print("mail-setup-assistant: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        print("mail-setup-assistant: output closed early (broken pipe)", file=sys.stderr)
        return EXIT_NOTHING_USABLE
    except Exception as exc:
        # A bug of ours. The message text is not printed: it could carry server data or, worse, a secret.
        if os.environ.get("MSA_DEBUG"):
            raise
        print(f"mail-setup-assistant: internal error ({type(exc).__name__}); run again with MSA_DEBUG=1 "
              "for details and please report it", file=sys.stderr)
        return EXIT_NOTHING_USABLE


# The core names the setting an error is about (``AssistantError.field``); the command line names it by its
# option. Every field of assistant/core/words/errors.py FIELDS has one (tests/cli checks it).
FLAGS: dict[str, str] = {
    "timeout": "--timeout", "cafile": "--cafile", "dns_server": "--dns-server", "offline": "--offline",
    "pin": "--pin", "password_env": "--password-env", "allow_plain": "--allow-plain",
    "include_password": "--include-password", "embed_password": "--embed-password", "payload": "--payload",
    "output": "-o", "bind": "--bind", "port": "--port", "expires": "--expires", "force": "--force",
}


def error_line(exc: AssistantError) -> str:
    """An error's one line as the command line says it: its field named by the option."""
    return exc.line(FLAGS.get(exc.field or "", exc.field or ""))


def _fail(exc: AssistantError) -> int:
    """The one error line: its text may name hosts or files from untrusted input, so it is escaped here."""
    from assistant.core.words.printable import printable
    print(f"mail-setup-assistant: {printable(error_line(exc))}", file=sys.stderr)
    return exc.exit_code


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
