"""``mail-setup-assistant verify ADDRESS``: sign in to the recommended servers to prove the account works.

Exit codes: 0 sign-in worked on the incoming and the outgoing server, 1 it failed or was refused for
safety, 2 bad input, 3 DNS failed. The password comes from ``--password-env``, the keychain or a prompt —
never from the command line, where every user of the machine could read it. Discovery and sign-in share
one deadline (``--timeout``).
"""

from __future__ import annotations

import argparse
import json

from assistant.cli.common import (
    add_signin_options,
    address_from_args,
    discover,
    password_from_args,
    preset_from_args,
    run,
    session_from_args,
    write_stdout,
)
from assistant.core.signin.verify import SigninResult, parse_pins
from assistant.core.words.errors import EXIT_NOTHING_USABLE, EXIT_OK, InputError
from assistant.core.words.printable import printable_lines

VERIFY_SCHEMA_VERSION = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify", help="sign in to the servers to prove the account works",
        description="Sign in to the recommended incoming (IMAP or POP3) and outgoing (SMTP) server for "
                    "ADDRESS. The password is only sent over a verified encrypted connection. Exit codes: "
                    "0 both sign-ins worked, 1 a sign-in failed or was refused for safety, 2 bad input, "
                    "3 DNS failed.")
    add_signin_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of sentences")
    p.add_argument("--oauth2", action="store_true",
                   help="sign in on the organisation's own page instead of with a password (needs --preset "
                        "with [oauth2]; the browser opens the page)")
    p.set_defaults(func=main)


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


def _open_browser(url: str) -> bool:
    """The sign-in page in the system browser; the address is printed too, for a machine without one."""
    import sys
    import webbrowser
    sys.stderr.write(f"Sign in on this page (it opens in your browser): {printable_lines(url).strip()}\n")
    sys.stderr.flush()
    return webbrowser.open(url)


def main(args: argparse.Namespace) -> int:
    address = address_from_args(args.address, full=True)
    pins = parse_pins(args.pin)  # bad pins are bad input before anything is asked
    preset = preset_from_args(args)
    session = session_from_args(args, preset, pins=pins, address=address)
    if args.oauth2:
        if session.oauth2_app is None:
            raise InputError(code="oauth2_no_app")
        discover(session, args.probe)
        outcome = run(session.oauth2_job(_open_browser))
    else:
        secret, _source = password_from_args(args, address)
        discover(session, args.probe)
        outcome = run(session.signin_job(secret))
    session.signin_finished(outcome)  # servers the Autodiscover service named for the password join
    retry = session.autodiscover
    if args.json:
        doc = {"schema_version": VERIFY_SCHEMA_VERSION, **outcome.to_dict(),
               "autodiscover": retry.to_dict() if retry is not None else None}
        write_stdout((json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    else:
        said = retry.message if retry is not None else None
        text = f"Autodiscover: {said}\n" if said else ""
        if not outcome.ok and outcome.incoming.message == outcome.outgoing.message:
            text += _line("sign-in", outcome.incoming)  # one reason for both (OAuth2 only): said once
        else:
            text += _line("incoming", outcome.incoming) + _line("outgoing", outcome.outgoing)
        write_stdout(printable_lines(text).encode("utf-8"))
    return EXIT_OK if outcome.ok else EXIT_NOTHING_USABLE
