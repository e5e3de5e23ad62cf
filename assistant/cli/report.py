"""``mail-setup-assistant report ADDRESS -o report.html``: one redacted document for a helpdesk ticket.

Discovery (live or ``--probe FILE``), an optional sign-in (``--password-env VAR`` or ``--sign-in``) and the
IMAP/POP3 recommendation, as HTML for people or JSON for ticket systems (chosen by ``-o``'s extension).
Exit codes: 0 the account looks usable (and sign-in worked if tested), 1 the report shows a problem,
2 bad input, 3 DNS failed. The report is written in every case but bad input.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli.common import (
    add_signin_options,
    address_from_args,
    discover,
    password_from_args,
    preset_from_args,
    run,
    session_from_args,
    write_output,
)
from assistant.core.signin.verify import parse_pins
from assistant.core.words.errors import EXIT_NOTHING_USABLE, EXIT_OK, InputError

FORMATS = {".html": "html", ".htm": "html", ".json": "json"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report", help="write a redacted helpdesk report (HTML or JSON)",
        description="Find and test the servers for ADDRESS, optionally sign in, and write one report without "
                    "any password: HTML for people, JSON for ticket systems (chosen by -o's extension). "
                    "Exit codes: 0 usable, 1 the report shows a problem, 2 bad input, 3 DNS failed.")
    add_signin_options(p)
    p.add_argument("-o", "--output", metavar="FILE", help="report.html or report.json (default: JSON on "
                                                          "standard output)")
    p.add_argument("--format", choices=("html", "json"), help="format for standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--sign-in", action="store_true",
                   help="also test the password (from the keychain or a prompt; --password-env implies it)")
    p.set_defaults(func=main)


def output_format(args: argparse.Namespace) -> str:
    if args.output and args.output != "-":
        fmt = FORMATS.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise InputError(f"-o {args.output}: name the file .html or .json to choose the format")
        return fmt
    return args.format or "json"


def main(args: argparse.Namespace) -> int:
    from assistant.core.report.render import render_html, render_json
    from assistant.core.setup.diagnostics import helpdesk_report
    fmt = output_format(args)
    if args.output and args.output != "-" and os_lexists(args.output) and not args.force:
        raise InputError(f"{args.output}: already exists (use --force to replace it)")
    pins = parse_pins(args.pin)
    preset = preset_from_args(args)
    wants_signin = bool(args.password_env or args.sign_in)
    address = address_from_args(args.address, full=wants_signin)
    session = session_from_args(args, preset, pins=pins, address=address)
    secret = password_from_args(args, address)[0] if wants_signin else None
    discover(session, args.probe)
    if secret is not None:
        session.signin_finished(run(session.signin_job(secret)))
    report = helpdesk_report(session)
    secrets = (secret,) if secret is not None else ()
    text = render_html(report, secrets) if fmt == "html" else render_json(report, secrets)
    write_output(args.output, text.encode("utf-8"), force=args.force)
    return EXIT_OK if report.status in ("working", "found") else EXIT_NOTHING_USABLE


def os_lexists(path: str) -> bool:
    """Whether anything (a dangling link too) is at ``path``: checked before the slow part of the run."""
    import os
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False
