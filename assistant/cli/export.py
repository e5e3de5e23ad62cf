"""``mail-setup-assistant export ADDRESS --format FMT``: write a client profile for an account.

The account comes from a saved probe (``--probe``), an existing profile (``--from``) or a live probe. The
file goes to stdout or, atomically, to ``-o FILE`` (replaced only with ``--force``). Secrets (the PKCS#12
password, an embedded mail password) come from the environment or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from assistant.cli.common import (
    ACCOUNT_PASSWORD_ENV,
    MOBILE_QR,
    add_discovery_options,
    add_output_options,
    add_preset_option,
    address_from_args,
    check_mobile_qr_options,
    discover,
    preset_from_args,
    print_losses,
    secret_from_env_or_prompt,
    session_from_args,
    signing_args,
    write_mobile_qr_output,
    write_output,
)
from assistant.core.model.account import AccountConfig
from assistant.core.profiles import FORMATS
from assistant.core.setup.exporting import export_one
from assistant.core.words.errors import EXIT_OK, InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export", help="write a client profile (autoconfig, Autodiscover, Apple, setup sheet)",
        description="Write the mail settings for ADDRESS (or a whole domain) as a Thunderbird autoconfig "
                    "file, an Outlook Autodiscover response, an Apple .mobileconfig or a printable HTML "
                    "setup sheet. Without --probe or --from the servers are probed now. Exit codes: 0 "
                    "written, 1 nothing usable found, 2 bad input, 3 the domain does not exist.")
    p.add_argument("address", metavar="ADDRESS", help="an email address, or a domain for a domain-wide file")
    p.add_argument("--format", required=True, choices=(*FORMATS, MOBILE_QR), help="the kind of file to write")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--probe", metavar="FILE", help="use this 'probe --json' result instead of probing")
    src.add_argument("--from", dest="from_file", metavar="FILE",
                     help="take the servers from this profile (autoconfig, autodiscover or mobileconfig)")
    p.add_argument("--protocol", choices=("imap", "pop3"), help="incoming protocol (default: IMAP if usable)")
    p.add_argument("--name", dest="display_name", metavar="NAME", help="the person's name for sent mail")
    p.add_argument("--embed-password", action="store_true",
                   help=f"put the mail password into a mobileconfig (from ${ACCOUNT_PASSWORD_ENV} or a "
                        f"prompt); anyone with the file can read it")
    add_output_options(p)
    add_discovery_options(p)
    add_preset_option(p)
    p.set_defaults(func=run)


def account_from_args(args: argparse.Namespace) -> AccountConfig:
    """The account to write. A ``--preset`` policy holds for saved probes as it does for live ones."""
    name = check_name(args.display_name) if args.display_name else None  # bad input before any probe
    preset = preset_from_args(args)  # a bad preset file is bad input before anything else is read
    address = address_from_args(args.address)
    if args.from_file:
        if preset is not None:
            raise InputError("--preset: cannot be checked against a profile (--from); use --probe or a "
                             "live probe")
        from assistant.core.setup.inputs import account_from_profile
        account = account_from_profile(args.from_file, address, args.protocol)
    else:
        session = session_from_args(args, preset, address=address)
        discover(session, args.probe)
        account = session.account()
    if name:
        account = replace(account, display_name=name)
    return account


def check_name(name: str) -> str:
    """``--name``: bytes that are not UTF-8 reach us as lone surrogates, which no file can carry."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("--name: not valid text (the bytes are not UTF-8)") from None
    return name


def run(args: argparse.Namespace) -> int:
    fmt = args.format
    check_mobile_qr_options(args, fmt)
    if args.embed_password and fmt != "mobileconfig":
        raise InputError(f"--embed-password: only a mobileconfig can carry a password, not {fmt}")
    if fmt == MOBILE_QR:
        write_mobile_qr_output(args, account_from_args(args))
        return EXIT_OK
    identity, identity_password = signing_args(args, fmt)
    account = account_from_args(args)
    password = None
    if args.embed_password:
        password = secret_from_env_or_prompt(ACCOUNT_PASSWORD_ENV, "Mail password to embed: ",
                                             "--embed-password")
        if not password:
            raise InputError("--embed-password: the password is empty")
    data, losses = export_one(account, fmt, password=password, sign_identity=identity,
                              sign_password=identity_password, allow_plain=args.allow_plain)
    write_output(args.output, data, force=args.force)
    print_losses(losses)  # one line per item the format dropped or changed
    return EXIT_OK
