"""``mail-setup-assistant probe ADDRESS``: find and test the servers, print a report or one JSON object.

Helpdesk scripts depend on this command: the JSON (``--json``) follows ``resources/schemas/probe.schema.json``
and the exit codes are fixed — 0 a verified incoming and outgoing server, 1 finished without, 2 bad input,
3 the domain does not exist or DNS failed entirely.
"""

from __future__ import annotations

import argparse
import json

from assistant.cli.common import (
    add_discovery_options,
    add_preset_option,
    discover,
    preset_from_args,
    session_from_args,
    write_stdout,
)
from assistant.core.words.errors import EXIT_NOTHING_USABLE, EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "probe", help="find and test the mail servers for an address",
        description="Find the IMAP, POP3 and SMTP submission servers for ADDRESS (or a bare domain), test "
                    "each one's TLS without sending credentials, and recommend the safest. Exit codes: 0 a "
                    "verified incoming and outgoing server was found, 1 not, 2 bad input, 3 the domain does "
                    "not exist or DNS failed.")
    p.add_argument("address", metavar="ADDRESS", help="an email address (alice@example.com) or a domain")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    add_discovery_options(p)
    add_preset_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    preset = preset_from_args(args)  # a bad preset file is bad input before anything else is read
    result = discover(session_from_args(args, preset))
    if args.json:
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        from assistant.core.report.probe_text import render
        text = render(result)
    write_stdout(text.encode("utf-8"))
    return EXIT_OK if result.usable() else EXIT_NOTHING_USABLE
