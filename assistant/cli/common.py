"""What several commands share: the discovery, preset and sign-in options, and turning them into a setup.

Commands import the core and this module only (never each other); the use cases themselves live in
``assistant/core/setup/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Coroutine
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.core.net.files import write_output, write_stdout
from assistant.core.net.limits import DEFAULT_TIMEOUT
from assistant.core.words.errors import InputError

if TYPE_CHECKING:
    from assistant.core.discovery.presets import Preset
    from assistant.core.model.account import AccountConfig
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.results import DiscoveryResult
    from assistant.core.net.settings import Settings
    from assistant.core.profiles.losses import Loss
    from assistant.core.setup.session import SetupSession
    from assistant.core.signin.secret import Secret

__all__ = ["DEFAULT_TIMEOUT", "write_output", "write_stdout"]

T = TypeVar("T")
PRESET_HELP = "an organisation's preset file (TOML or JSON): its servers and policy"

def add_discovery_options(p: argparse.ArgumentParser) -> None:
    """The options every command that discovers live takes (probe, export, verify, report)."""
    p.add_argument("--dns-server", metavar="IP[:PORT]",
                   help="send every DNS lookup (server addresses included) to this resolver")
    p.add_argument("--cafile", metavar="PEM", help="also trust the CA certificates in this PEM file")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"the whole run finishes within this many seconds (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--offline", action="store_true",
                   help="ask only the domain's own servers (skip the Thunderbird ISPDB)")
    p.add_argument("--ispdb-url", metavar="URL", default=os.environ.get("MSA_ISPDB_URL"),
                   help=argparse.SUPPRESS)


def add_preset_option(parser: argparse.ArgumentParser) -> None:
    """``--preset FILE`` for any command (probe, export, verify, report, gui)."""
    parser.add_argument("--preset", metavar="FILE", help=PRESET_HELP)


def preset_from_args(args: argparse.Namespace) -> Preset | None:
    """The loaded preset named by ``--preset``, or None. Raises InputError for a bad file."""
    path = getattr(args, "preset", None)
    if not path:
        return None
    from assistant.core.discovery.presets import load_preset
    return load_preset(path)


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Run settings from the discovery options (``Settings.create`` checks them and names the bad one)."""
    from assistant.core.net.settings import Settings
    return Settings.create(timeout=args.timeout, dns_server=getattr(args, "dns_server", None),
                           cafile=getattr(args, "cafile", None),
                           offline=bool(getattr(args, "offline", False)),
                           ispdb_url=getattr(args, "ispdb_url", None))


def address_from_args(text: str, *, full: bool = False) -> EmailAddress:
    """The ADDRESS argument as the address value (parsed here, once, and never again); with ``full`` it
    must have a local part. InputError (one line naming the argument) otherwise."""
    from assistant.core.model.address import parse_address
    address = parse_address(text)
    if full and address.local is None:
        raise InputError(f"{text}: signing in needs a full email address (name@domain), not a domain")
    return address


def session_from_args(args: argparse.Namespace, preset: Preset | None, *, pins: tuple[str, ...] = (),
                      address: EmailAddress | None = None) -> SetupSession:
    """A setup for one command: it accepts what discovery recommends (the risks are printed instead of
    asked), a server whose certificate matches a ``--pin``, and has one deadline for the whole run."""
    from assistant.core.setup.session import SetupSession
    if address is None:
        address = address_from_args(args.address)
    settings = settings_from_args(args)
    session = SetupSession(settings, address=address, preset=preset, pins=pins,
                           accept_recommended=True, deadline=time.monotonic() + settings.timeout)
    protocol = getattr(args, "protocol", None)
    if protocol:
        session.protocol = protocol
    return session


def run(coro: Coroutine[Any, Any, T]) -> T:
    """One asynchronous step of a command."""
    import asyncio
    return asyncio.run(coro)


def discover(session: SetupSession, probe_file: str | None = None) -> DiscoveryResult:
    """The session's discovery: live, or from a saved ``probe --json`` file (the policy re-applied). When
    the domain does not exist, "did you mean …?" goes to stderr before the error ends the command."""
    from assistant.core.words.errors import DomainError
    if probe_file:
        return session.discover_from_file(probe_file)
    # The engine is loaded before the clock starts: elapsed_ms is the run's own time (wave 1's meaning), not
    # Python loading ~65 modules once per process (45 ms here, docs/benchmarks.md).
    import assistant.core.discovery.run
    import assistant.core.setup.usecases  # noqa: F401
    from assistant.core.discovery.providers import table
    table()  # the provider table, read once per process like the modules
    started = time.monotonic()
    try:
        result = run(session.discovery_job(None))
    except DomainError:
        suggestion = session.suggestion()
        if suggestion is not None:
            from assistant.core.words.printable import printable
            print(f"mail-setup-assistant: did you mean {printable(suggestion.shown)}?", file=sys.stderr)
        raise
    result.elapsed_ms = max(result.elapsed_ms, int((time.monotonic() - started) * 1000))
    session.discovery_finished(result)
    return result


# --- sign-in options (verify, report) -----------------------------------------------------------------

def add_signin_options(p: argparse.ArgumentParser) -> None:
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


def password_from_args(args: argparse.Namespace, address: EmailAddress) -> tuple[Secret, str]:
    """The password and where it came from ("environment", "keychain", "prompt")."""
    from assistant.core.signin.keychain import SecretStoreError
    from assistant.core.signin.secret import Secret, from_env, from_keychain
    if args.password_env:
        return from_env(args.password_env), "environment"
    try:
        saved = from_keychain(address.text)
    except SecretStoreError:
        saved = None  # no usable keychain: fall through to the prompt
    if saved is not None:
        return saved, "keychain"
    if sys.stdin is None or not sys.stdin.isatty():
        raise InputError("no password: use --password-env VAR, save it in the keychain, or run in a terminal "
                         "to be asked")
    import getpass
    try:
        typed = getpass.getpass(f"Password for {address.text}: ")
    except EOFError:
        raise InputError("no password was typed") from None
    return Secret(typed), "prompt"


def secret_from_env_or_prompt(env: str, prompt: str, what: str) -> str:
    """A secret for a file (a PKCS#12 password, a password to embed): the environment or a prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if sys.stdin is None or not sys.stdin.isatty():
        raise InputError(f"{what}: set ${env} or run in a terminal to be asked (never on the command line)")
    import getpass
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise InputError(f"{what}: no password was typed") from None


# --- profile output options (export, convert) ---------------------------------------------------------

SIGN_PASSWORD_ENV = "MSA_SIGN_PASSWORD"  # noqa: S105 - the name of a variable, not a secret
ACCOUNT_PASSWORD_ENV = "MSA_ACCOUNT_PASSWORD"  # noqa: S105 - a variable name
MOBILE_QR = "mobile-qr"  # the Thunderbird-for-Android QR code (core/phone), beside the profile formats


def add_output_options(p: argparse.ArgumentParser) -> None:
    """Options export and convert share."""
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--sign-identity", metavar="FILE.p12",
                   help=f"sign a mobileconfig with this PKCS#12 identity (password from ${SIGN_PASSWORD_ENV} "
                        f"or a prompt)")
    p.add_argument("--allow-plain", action="store_true",
                   help="allow servers without encryption in the profile (not recommended)")
    p.add_argument("--payload", action="store_true",
                   help=f"{MOBILE_QR}: write the QR code's JSON payload instead of an image")
    p.add_argument("--include-password", action="store_true",
                   help=f"{MOBILE_QR}: put the mail password into the QR code (from ${ACCOUNT_PASSWORD_ENV} "
                        f"or a prompt); anyone who photographs the code can read it")


def signing_args(args: argparse.Namespace, fmt: str) -> tuple[bytes | None, bytes | None]:
    """The PKCS#12 bytes and its password (env or prompt; an unprotected file needs neither)."""
    path = getattr(args, "sign_identity", None)
    if not path:
        return None, None
    if fmt != "mobileconfig":
        raise InputError(f"--sign-identity: only a mobileconfig can be signed, not {fmt}")
    from assistant.core.setup.inputs import read_identity
    identity = read_identity(path)
    env = os.environ.get(SIGN_PASSWORD_ENV)
    if env is not None:
        return identity, env.encode("utf-8")
    from assistant.core.profiles.signing import load_identity
    try:
        load_identity(identity, None, path)
        return identity, None
    except InputError:
        pass
    secret = secret_from_env_or_prompt(SIGN_PASSWORD_ENV, f"Password for {path}: ",
                                       f"--sign-identity {path}")
    return identity, secret.encode("utf-8")


def check_mobile_qr_options(args: argparse.Namespace, fmt: str) -> None:
    """``--payload`` and ``--include-password`` belong to the QR code only; a wrong ``-o`` is bad input
    before anything is probed or read."""
    if fmt != MOBILE_QR:
        if args.payload or args.include_password:
            raise InputError(f"--payload/--include-password: only for {MOBILE_QR}, not {fmt}")
        return
    if getattr(args, "sign_identity", None):
        raise InputError(f"--sign-identity: only a mobileconfig can be signed, not {fmt}")
    mobile_qr_kind(args.output, args.payload)


def mobile_qr_kind(output: str | None, payload: bool) -> str:
    """Which file ``-o`` asks for: the JSON payload with ``--payload``, else PNG or SVG by extension."""
    if payload:
        return "payload"
    suffix = PurePath(output).suffix.lower() if output and output != "-" else ""
    if suffix in (".png", ".svg"):
        return suffix[1:]
    raise InputError(f"--format {MOBILE_QR}: give -o FILE.png or -o FILE.svg, or --payload for the JSON "
                     f"text")


def write_mobile_qr_output(args: argparse.Namespace, account: AccountConfig) -> None:
    """The Thunderbird-for-Android QR code (or its payload) of ``account`` to ``-o``."""
    from dataclasses import replace

    from assistant.core.profiles.mobileqr import write_mobile_qr
    kind = mobile_qr_kind(args.output, args.payload)
    if args.include_password:
        secret = secret_from_env_or_prompt(ACCOUNT_PASSWORD_ENV, "Mail password for the QR code: ",
                                           "--include-password")
        account = replace(account, password=secret or None)
    data = write_mobile_qr(account, kind, args.include_password, allow_plain=args.allow_plain)
    write_output(args.output, data, force=args.force)
    if args.include_password:  # said once the code with the password exists, not before it is refused
        print("mail-setup-assistant: warning: the QR code contains the mail password; anyone who "
              "photographs it can read it", file=sys.stderr)


def print_losses(losses: list[Loss]) -> None:
    """One stderr line per item a format dropped or changed ("dropped: ...", "changed: ...")."""
    from assistant.core.words.printable import printable
    for loss in losses:
        print(printable(str(loss)), file=sys.stderr)
