"""``mail-setup-assistant share FILE.mobileconfig``: a one-time link for an iPhone or iPad on this network.

Prints the URL and a QR code the phone's camera opens, serves the file to one complete download, and exits
by itself: 0 downloaded, 1 expired unused (or no network), 2 bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from assistant.core.net.files import read_bounded
from assistant.core.phone.share import DEFAULT_EXPIRES, ShareState, check_profile, share_profile
from assistant.core.profiles import MAX_PROFILE_BYTES
from assistant.core.profiles.qrimage import qr_terminal
from assistant.core.words.errors import EXIT_NOTHING_USABLE, EXIT_OK, InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "share", help="hand a .mobileconfig to an iPhone/iPad once, over the local network",
        description="Serve FILE.mobileconfig to one download over the local network: prints a URL and a "
                    "QR code for the phone's camera, and stops after one complete download or when the "
                    "link expires. Only that URL answers; it binds one address (the local network's by "
                    "default). Exit codes: 0 downloaded, 1 expired unused or no local network, 2 bad "
                    "input.")
    p.add_argument("file", metavar="FILE.mobileconfig", help="the profile to hand over ('-' for stdin)")
    p.add_argument("--bind", metavar="ADDRESS",
                   help="listen on this address of this computer (default: the address on the network "
                        "with the default route; 127.0.0.1 only for testing)")
    p.add_argument("--port", type=int, default=0, metavar="N", help="TCP port (default: any free one)")
    p.add_argument("--expires", type=float, default=DEFAULT_EXPIRES, metavar="SECONDS",
                   help=f"the link ends after this many seconds unused (default {DEFAULT_EXPIRES:g})")
    p.add_argument("--allow-password", action="store_true",
                   help="share a profile that contains a mail password (refused otherwise: anyone on the "
                        "network who gets the link first gets the password)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    data = read_bounded(args.file, MAX_PROFILE_BYTES, "mobileconfig profile")
    origin = "stdin" if args.file == "-" else args.file
    if check_profile(data, origin):
        if not args.allow_password:
            raise InputError(f"{origin}: contains a mail password; anyone on the network who opens the "
                             f"link first gets it. Export the profile without --embed-password, or pass "
                             f"--allow-password")
        print("mail-setup-assistant: warning: this profile contains the mail password", file=sys.stderr)
    name = "profile.mobileconfig" if args.file == "-" else args.file
    ansi = sys.stdout.isatty()

    def show(url: str) -> None:
        ends = time.strftime("%H:%M", time.localtime(time.time() + args.expires))
        print("Scan this code with the iPhone or iPad camera, or open the address in Safari:")
        print(f"  {url}")
        print(qr_terminal(url, ansi=ansi), end="")
        print(f"The link works for one download and ends at {ends} if unused. Waiting...", flush=True)

    state = asyncio.run(share_profile(data, name, bind=args.bind, port=args.port, expires=args.expires,
                                      on_url=show))
    if state is ShareState.DOWNLOADED:
        print("Downloaded. On the phone, open Settings, tap 'Profile Downloaded' and install it.")
        return EXIT_OK
    print("mail-setup-assistant: the link expired without a download", file=sys.stderr)
    return EXIT_NOTHING_USABLE
