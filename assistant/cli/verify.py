"""``mail-setup-assistant verify ADDRESS``: sign in to the recommended servers to prove the account works.

Exit codes: 0 sign-in worked on the incoming and the outgoing server, 1 it failed or was refused for
safety, 2 bad input, 3 DNS failed. The password comes from ``--password-env``, the keychain or a prompt —
never from the command line, where every user of the machine could read it.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys

from assistant.cli.common import add_discovery_options, write_output
from assistant.core.address import parse_address
from assistant.core.errors import EXIT_NOTHING_USABLE, EXIT_OK, InputError
from assistant.core.model import DiscoveryResult
from assistant.core.presets import Preset, add_preset_option, apply_policy, preset_from_args
from assistant.core.secrets import SecretStoreError
from assistant.core.signin.secret import Secret, from_env, from_keychain
from assistant.core.verify import (
    SigninResult,
    VerifyResult,
    parse_pins,
    servers_from_discovery,
    verify_account,
)

VERIFY_SCHEMA_VERSION = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify", help="sign in to the servers to prove the account works",
        description="Sign in to the recommended incoming (IMAP or POP3) and outgoing (SMTP) server for "
                    "ADDRESS. The password is only sent over a verified encrypted connection. Exit codes: "
                    "0 both sign-ins worked, 1 a sign-in failed or was refused for safety, 2 bad input, "
                    "3 DNS failed.")
    add_verify_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of sentences")
    p.set_defaults(func=run)


def add_verify_options(p: argparse.ArgumentParser) -> None:
    """Options shared by verify and report."""
    p.add_argument("address", metavar="ADDRESS", help="the full email address to sign in with")
    p.add_argument("--probe", metavar="FILE", help="use the servers in this 'probe --json' file instead "
                                                   "of discovering them live")
    p.add_argument("--protocol", choices=("imap", "pop3"), help="the incoming protocol (default: IMAP when "
                                                                 "available)")
    p.add_argument("--password-env", metavar="VAR", help="read the password from environment variable VAR "
                                                         "(otherwise the keychain, then a prompt)")
    p.add_argument("--pin", action="append", metavar="SHA256", default=[],
                   help="accept a server whose certificate does not verify only if its SHA-256 "
                        "fingerprint is this (ask your provider for it); repeatable")
    add_discovery_options(p)
    add_preset_option(p)


def full_address(text: str) -> str:
    parsed = parse_address(text)
    if parsed.address is None:
        raise InputError(f"{text}: signing in needs a full email address (name@domain), not a domain")
    return parsed.address


def password_from_args(args: argparse.Namespace, address: str) -> tuple[Secret, str]:
    """The password and where it came from ("environment", "keychain", "prompt")."""
    if args.password_env:
        return from_env(args.password_env), "environment"
    try:
        saved = from_keychain(address)
    except SecretStoreError:
        saved = None  # no usable keychain: fall through to the prompt
    if saved is not None:
        return saved, "keychain"
    if not sys.stdin.isatty():
        raise InputError("no password: use --password-env VAR, save it in the keychain, or run in a terminal "
                         "to be asked")
    try:
        typed = getpass.getpass(f"Password for {address}: ")
    except EOFError:
        raise InputError("no password was typed") from None
    return Secret(typed), "prompt"


def discovery_for(args: argparse.Namespace, preset: Preset | None) -> DiscoveryResult:
    """From ``--probe FILE`` (policy re-applied) or live discovery with the same options as probe."""
    if args.probe:
        from assistant.cli.recommend import load_probe
        result = load_probe(args.probe)
        return apply_policy(result, preset) if preset else result
    from assistant.cli.probe import discover_from_args
    return discover_from_args(args)


def sign_in(args: argparse.Namespace, address: str, secret: Secret, result: DiscoveryResult,
            preset: Preset | None) -> VerifyResult:
    from assistant.cli.probe import settings_from_args
    settings = settings_from_args(args)
    incoming, outgoing = servers_from_discovery(result, args.protocol)
    min_tls = preset.policy.min_tls if preset else None
    return asyncio.run(verify_account(address, incoming, outgoing, secret, settings,
                                      pins=parse_pins(args.pin), min_tls=min_tls))


def _line(label: str, r: SigninResult) -> str:
    mark = "OK " if r.ok else "NO "
    extra = []
    if r.ok and r.protocol == "imap":
        f = r.facts
        if f.get("quota_limit_kib") is not None:
            extra.append(f"quota {f.get('quota_used_kib')} of {f['quota_limit_kib']} KiB used")
        if f.get("folders") is not None:
            extra.append(f"{f['folders']} folders")
        extra.append("push (IDLE)" if f.get("idle") else "no push (IDLE)")
    if r.ok and r.protocol == "pop3":
        extra.append(f"{r.facts.get('messages')} messages")
        extra.append("UIDL" if r.facts.get("uidl") else "no UIDL")
    if r.pinned:
        extra.append("certificate accepted by your pin")
    tail = f" ({'; '.join(extra)})" if extra else ""
    return f"{mark}{label}: {r.message}{tail}\n"


def run(args: argparse.Namespace) -> int:
    address = full_address(args.address)
    parse_pins(args.pin)  # bad pins are bad input before anything is asked
    preset = preset_from_args(args)
    secret, _source = password_from_args(args, address)
    result = discovery_for(args, preset)
    outcome = sign_in(args, address, secret, result, preset)
    if args.json:
        doc = {"schema_version": VERIFY_SCHEMA_VERSION, **outcome.to_dict()}
        write_output(None, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    else:
        sys.stdout.write(_line("incoming", outcome.incoming) + _line("outgoing", outcome.outgoing))
        sys.stdout.flush()
    return EXIT_OK if outcome.ok else EXIT_NOTHING_USABLE
