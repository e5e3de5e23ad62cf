"""``mail-setup-assistant share FILE.mobileconfig``: a one-time link for an iPhone or iPad on this network.

Prints the URL and a QR code the phone's camera opens, serves the file to one complete download, and exits
by itself: 0 downloaded, 1 expired unused, sent but never confirmed, or no network (or stdout unusable),
2 bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from assistant.core.net.files import read_bounded, write_stdout
from assistant.core.phone.share import DEFAULT_EXPIRES, ShareState, check_profile, share_profile
from assistant.core.profiles import MAX_PROFILE_BYTES
from assistant.core.profiles.qrimage import qr_terminal
from assistant.core.words.errors import EXIT_OK, AssistantError, InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "share", help="hand a .mobileconfig to an iPhone/iPad once, over the local network",
        description="Serve FILE.mobileconfig to one download over the local network: prints a URL and a "
                    "QR code for the phone's camera, and stops after one complete download or when the "
                    "link expires. Only that URL answers; it binds one address (the local network's by "
                    "default). Exit codes: 0 downloaded, 1 expired unused, sent but never confirmed or no "
                    "local network, 2 bad input.")
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
    ansi = sys.stdout is not None and sys.stdout.isatty()

    def show(url: str) -> None:
        # write_stdout: a closed or full stdout is one line and exit 1 (the share stops at once: nobody
        # could read the link), never a traceback
        ends = time.strftime("%H:%M", time.localtime(time.time() + args.expires))
        write_stdout((f"Scan this code with the iPhone or iPad camera, or open the address in Safari:\n"
                      f"  {url}\n{qr_terminal(url, ansi=ansi)}"
                      f"The link works for one download and ends at {ends} if unused. Waiting...\n"
                      ).encode())

    state = asyncio.run(share_profile(data, name, bind=args.bind, port=args.port, expires=args.expires,
                                      on_url=show))
    if state is ShareState.DOWNLOADED:
        write_stdout(b"Downloaded. On the phone, open Settings, tap 'Profile Downloaded' and install it.\n")
        return EXIT_OK
    if state is ShareState.INTERRUPTED:
        raise AssistantError("the whole profile was sent, but the phone never confirmed receiving it; the "
                             "link no longer works (run share again if the phone has no profile)")
    raise AssistantError("the link expired without a download")
