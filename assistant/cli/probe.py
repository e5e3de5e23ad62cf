"""``mail-setup-assistant probe ADDRESS``: find and test the servers, print a report or one JSON object.

Helpdesk scripts depend on this command: the JSON (``--json``) follows ``resources/schemas/probe.schema.json``
and the exit codes are fixed — 0 a verified incoming and outgoing server, 1 finished without, 2 bad input,
3 the domain does not exist or DNS failed entirely.
"""

from __future__ import annotations

import argparse
import json
import math
import ssl
import sys

from assistant.cli import report_text
from assistant.cli.common import add_discovery_options, write_output
from assistant.core.context import Settings
from assistant.core.dns import DnsError, Resolver, parse_server
from assistant.core.errors import EXIT_NOTHING_USABLE, EXIT_OK, DomainError, InputError
from assistant.core.model import DiscoveryResult
from assistant.core.presets import add_preset_option, apply_policy, preset_from_args
from assistant.core.probe import run_discovery
from assistant.core.tls import client_context

MAX_TIMEOUT = 600.0


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


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from the discovery options; raises InputError naming the bad option."""
    timeout = float(args.timeout)
    if not math.isfinite(timeout) or not 0 < timeout <= MAX_TIMEOUT:
        raise InputError(f"--timeout {args.timeout:g}: must be more than 0 and at most {MAX_TIMEOUT:g} "
                         "seconds")
    cafile = getattr(args, "cafile", None)
    if cafile is not None:  # "" is a bad file name, not "no option"
        if not cafile.strip():
            raise InputError("--cafile '': expected the name of a PEM file")
        try:
            client_context(cafile)
        except FileNotFoundError:
            raise InputError(f"--cafile {cafile}: no such file") from None
        except ssl.SSLError:
            raise InputError(f"--cafile {cafile}: not a PEM file with CA certificates") from None
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or "unreadable"
            raise InputError(f"--cafile {cafile}: cannot be read ({reason})") from None
    # `--dns-server ""` is bad input (exit 2), never a silent fall-back to the system resolver.
    dns_server = getattr(args, "dns_server", None)
    server = parse_server(dns_server) if dns_server is not None else None
    try:
        resolver = Resolver(server, lifetime=min(5.0, timeout))
    except DnsError as exc:
        raise DomainError(str(exc)) from None
    settings = Settings(resolver=resolver, cafile=cafile, timeout=timeout, offline=bool(args.offline))
    if getattr(args, "ispdb_url", None):
        settings.ispdb_url = args.ispdb_url
    # Per-step bounds never exceed the whole run's.
    settings.connect_timeout = min(settings.connect_timeout, timeout)
    settings.endpoint_timeout = min(settings.endpoint_timeout, timeout)
    settings.http_timeout = min(settings.http_timeout, timeout)
    return settings


def discover_from_args(args: argparse.Namespace) -> DiscoveryResult:
    """The whole run as the discovery options (and ``--preset``) ask; shared by probe-like commands."""
    preset = preset_from_args(args)
    settings = settings_from_args(args)
    if preset is not None:
        settings = preset.apply_settings(settings)
        result = run_discovery(args.address, settings, extra=preset.candidates())
        return apply_policy(result, preset)
    return run_discovery(args.address, settings)


def run(args: argparse.Namespace) -> int:
    result = discover_from_args(args)
    if args.json:
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_output(None, text.encode("utf-8"))
    else:
        sys.stdout.write(report_text.render(result))
        sys.stdout.flush()
    return EXIT_OK if result.usable() else EXIT_NOTHING_USABLE
