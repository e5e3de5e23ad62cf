"""``mail-setup-assistant report ADDRESS -o report.html``: one redacted document for a helpdesk ticket.

Discovery (live or ``--probe FILE``), an optional sign-in (``--password-env VAR`` or ``--sign-in``) and the
IMAP/POP3 recommendation, as HTML for people or JSON for ticket systems (chosen by ``-o``'s extension).
Exit codes: 0 the account looks usable (and sign-in worked if tested), 1 the report shows a problem,
2 bad input, 3 DNS failed. The report is written in every case but bad input.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from assistant.cli.common import write_output
from assistant.cli.verify import add_verify_options, discovery_for, full_address, password_from_args
from assistant.core.address import parse_address
from assistant.core.errors import EXIT_NOTHING_USABLE, EXIT_OK, AssistantError, InputError
from assistant.core.model import DiscoveryResult
from assistant.core.presets import preset_from_args
from assistant.core.report import build_report, render_html, render_json
from assistant.core.signin.secret import Secret
from assistant.core.verify import VerifyResult, parse_pins, servers_from_discovery, verify_account

FORMATS = {".html": "html", ".htm": "html", ".json": "json"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report", help="write a redacted helpdesk report (HTML or JSON)",
        description="Find and test the servers for ADDRESS, optionally sign in, and write one report without "
                    "any password: HTML for people, JSON for ticket systems (chosen by -o's extension). "
                    "Exit codes: 0 usable, 1 the report shows a problem, 2 bad input, 3 DNS failed.")
    add_verify_options(p)
    p.add_argument("-o", "--output", metavar="FILE", help="report.html or report.json (default: JSON on "
                                                          "standard output)")
    p.add_argument("--format", choices=("html", "json"), help="format for standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--sign-in", action="store_true",
                   help="also test the password (from the keychain or a prompt; --password-env implies it)")
    p.set_defaults(func=run)


def output_format(args: argparse.Namespace) -> str:
    if args.output and args.output != "-":
        fmt = FORMATS.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise InputError(f"-o {args.output}: name the file .html or .json to choose the format")
        return fmt
    return args.format or "json"


def _recommendation(result: DiscoveryResult, signin: VerifyResult | None) -> dict[str, Any] | None:
    """The IMAP/POP3 advice for the default situation, with the quota sign-in measured."""
    from dataclasses import replace

    from assistant.core.recommend import ServerFacts, Situation, recommend
    facts = ServerFacts.from_discovery(result)
    if signin is not None and signin.incoming.ok:
        limit = signin.incoming.facts.get("quota_limit_kib")
        if isinstance(limit, int) and not isinstance(limit, bool):
            facts = replace(facts, quota_bytes=limit * 1024)
    try:
        return recommend(Situation(), facts).to_dict()
    except AssistantError:
        return None  # neither protocol usable: the headline already says so


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args)
    if args.output and args.output != "-" and Path(args.output).exists() and not args.force:
        raise InputError(f"{args.output}: already exists (use --force to replace it)")
    parse_pins(args.pin)
    preset = preset_from_args(args)
    wants_signin = bool(args.password_env or args.sign_in)
    secret: Secret | None = None
    address = full_address(args.address) if wants_signin else (parse_address(args.address).address or None)
    if wants_signin:
        assert address is not None
        secret, _ = password_from_args(args, address)
    result = discovery_for(args, preset)
    signin = None
    if secret is not None and address is not None:
        from assistant.cli.probe import settings_from_args
        incoming, outgoing = servers_from_discovery(result, args.protocol)
        signin = asyncio.run(verify_account(address, incoming, outgoing, secret, settings_from_args(args),
                                            pins=parse_pins(args.pin),
                                            min_tls=preset.policy.min_tls if preset else None))
    report = build_report(result, signin, recommendation=_recommendation(result, signin), preset=preset)
    secrets = (secret,) if secret is not None else ()
    text = render_html(report, secrets) if fmt == "html" else render_json(report, secrets)
    write_output(args.output, text.encode("utf-8"), force=args.force)
    return EXIT_OK if report.status in ("working", "found") else EXIT_NOTHING_USABLE
