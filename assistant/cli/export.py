"""``mail-setup-assistant export ADDRESS --format FMT``: write a client profile for an account.

The account comes from a saved probe (``--probe``), an existing profile (``--from``) or a live probe. The
file goes to stdout or, atomically, to ``-o FILE`` (replaced only with ``--force``). Secrets (the PKCS#12
password, an embedded mail password) come from the environment or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import replace

import idna

from assistant.cli.common import add_discovery_options, write_output
from assistant.cli.recommend import load_probe, read_bounded
from assistant.core.account import account_from_discovery
from assistant.core.address import parse_address
from assistant.core.errors import EXIT_OK, InputError
from assistant.core.model import AccountConfig
from assistant.core.presets import add_preset_option, apply_policy, preset_from_args
from assistant.core.profiles import FORMATS, export_with_losses, import_profile
from assistant.core.profiles._common import MAX_PROFILE_BYTES

SIGN_PASSWORD_ENV = "MSA_SIGN_PASSWORD"  # noqa: S105 - the name of a variable, not a secret
ACCOUNT_PASSWORD_ENV = "MSA_ACCOUNT_PASSWORD"  # noqa: S105 - a variable name
MAX_IDENTITY_BYTES = 256 * 1024


def add_output_options(p: argparse.ArgumentParser) -> None:
    """Options export and convert share."""
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--sign-identity", metavar="FILE.p12",
                   help=f"sign a mobileconfig with this PKCS#12 identity (password from ${SIGN_PASSWORD_ENV} "
                        f"or a prompt)")
    p.add_argument("--allow-plain", action="store_true",
                   help="allow servers without encryption in the profile (not recommended)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export", help="write a client profile (autoconfig, Autodiscover, Apple, setup sheet)",
        description="Write the mail settings for ADDRESS (or a whole domain) as a Thunderbird autoconfig "
                    "file, an Outlook Autodiscover response, an Apple .mobileconfig or a printable HTML "
                    "setup sheet. Without --probe or --from the servers are probed now. Exit codes: 0 "
                    "written, 1 nothing usable found, 2 bad input, 3 the domain does not exist.")
    p.add_argument("address", metavar="ADDRESS", help="an email address, or a domain for a domain-wide file")
    p.add_argument("--format", required=True, choices=FORMATS, help="the kind of file to write")
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


def _secret(env: str, prompt: str, what: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise InputError(f"{what}: set ${env} or run in a terminal to be asked (never on the command line)")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise InputError(f"{what}: no password was typed") from None


def signing_args(args: argparse.Namespace, fmt: str) -> tuple[bytes | None, bytes | None]:
    """The PKCS#12 bytes and its password (env or prompt; an unprotected file needs neither)."""
    path = getattr(args, "sign_identity", None)
    if not path:
        return None, None
    if fmt != "mobileconfig":
        raise InputError(f"--sign-identity: only a mobileconfig can be signed, not {fmt}")
    identity = read_bounded(path, MAX_IDENTITY_BYTES, "PKCS#12 file")
    env = os.environ.get(SIGN_PASSWORD_ENV)
    if env is not None:
        return identity, env.encode("utf-8")
    from assistant.core.profiles.signing import load_identity
    try:
        load_identity(identity, None, path)
        return identity, None
    except InputError:
        pass
    secret = _secret(SIGN_PASSWORD_ENV, f"Password for {path}: ", f"--sign-identity {path}")
    return identity, secret.encode("utf-8")


def domain_of_arg(text: str) -> str:
    """ADDRESS's domain in ASCII, so bücher.test matches a file written for xn--bcher-kva.test.

    ADDRESS is checked like everywhere else first: it goes into the profile as the account's address.
    """
    parse_address(text)
    domain = text.strip().rpartition("@")[2].lower().rstrip(".")
    if domain.isascii():
        return domain
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise InputError(f"ADDRESS: '{text}' has an invalid domain name") from None


def _with_address(account: AccountConfig, text: str, source: str) -> AccountConfig:
    """Apply ADDRESS to an account read from a file: an address personalises it, a domain must match."""
    text = text.strip()
    domain = domain_of_arg(text)
    known = {account.domain.lower(), *(d.lower() for d in account.domains)}
    if domain not in known:
        raise InputError(f"{source}: describes {account.domain}, not {domain}")
    return replace(account, address=text if "@" in text else account.address)


def account_from_args(args: argparse.Namespace) -> AccountConfig:
    """The account to write. A ``--preset`` policy holds for saved probes as it does for live ones."""
    preset = preset_from_args(args)  # a bad preset file is bad input before anything else is read
    if args.from_file:
        if preset is not None:
            raise InputError("--preset: cannot be checked against a profile (--from); use --probe or a "
                             "live probe")
        data = read_bounded(args.from_file, MAX_PROFILE_BYTES, "profile")
        account = _with_address(import_profile(data, args.from_file), args.address, args.from_file)
        if args.protocol:
            chosen = [s for s in account.incoming if s.protocol == args.protocol]
            if not chosen:
                raise InputError(f"{args.from_file}: has no {args.protocol.upper()} server")
            rest = [s for s in account.incoming if s.protocol != args.protocol]
            account = replace(account, incoming=(chosen[0], *rest))
    else:
        if args.probe:
            result = load_probe(args.probe)
            domain = domain_of_arg(args.address)
            if domain != result.domain.lower():
                raise InputError(f"{args.probe}: is the probe of {result.domain}, not {domain}")
            if preset is not None:
                result = apply_policy(result, preset)
        else:
            from assistant.cli.probe import discover_from_args
            result = discover_from_args(args)
        if "@" in args.address:
            result.address = args.address.strip()
        account = account_from_discovery(result, protocol=args.protocol)
    if args.display_name:
        account = replace(account, display_name=args.display_name)
    return account


def run(args: argparse.Namespace) -> int:
    fmt = args.format
    if args.embed_password and fmt != "mobileconfig":
        raise InputError(f"--embed-password: only a mobileconfig can carry a password, not {fmt}")
    identity, identity_password = signing_args(args, fmt)
    account = account_from_args(args)
    if args.embed_password:
        secret = _secret(ACCOUNT_PASSWORD_ENV, "Mail password to embed: ", "--embed-password")
        if not secret:
            raise InputError("--embed-password: the password is empty")
        account = replace(account, password=secret)
    data, losses = export_with_losses(account, fmt, embed_password=args.embed_password,
                                      sign_identity=identity, sign_password=identity_password,
                                      allow_plain=args.allow_plain)
    write_output(args.output, data, force=args.force)
    for loss in losses:  # one line per item the format dropped or changed
        print(str(loss), file=sys.stderr)
    return EXIT_OK
