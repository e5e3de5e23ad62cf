"""``mail-setup-assistant convert FILE --to FORMAT``: turn one profile format into another.

Admins usually have one of the files and need the others. The input format is recognised from the content;
passwords in an input file are never carried over.
"""

from __future__ import annotations

import argparse

from assistant.cli.common import (
    MOBILE_QR,
    add_output_options,
    check_mobile_qr_options,
    signing_args,
    write_mobile_qr_output,
    write_output,
)
from assistant.core.errors import EXIT_OK
from assistant.core.files import read_bounded
from assistant.core.profiles import FORMATS, export_profile, import_profile
from assistant.core.profiles._common import MAX_PROFILE_BYTES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "convert", help="convert a profile to another format",
        description="Read an autoconfig XML, Autodiscover XML, Apple .mobileconfig (signed or not) or a "
                    "Thunderbird-for-Android QR payload (JSON) and write it as another format. Exit codes: 0 "
                    "written, 2 bad input.")
    p.add_argument("file", metavar="FILE", help="the profile to read ('-' for stdin)")
    p.add_argument("--to", required=True, choices=(*FORMATS, MOBILE_QR), help="the format to write")
    add_output_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_mobile_qr_options(args, args.to)
    identity, identity_password = signing_args(args, args.to)
    data = read_bounded(args.file, MAX_PROFILE_BYTES, "profile")
    account = import_profile(data, "stdin" if args.file == "-" else args.file)
    if args.to == MOBILE_QR:
        write_mobile_qr_output(args, account)
        return EXIT_OK
    out = export_profile(account, args.to, sign_identity=identity, sign_password=identity_password,
                         allow_plain=args.allow_plain)
    write_output(args.output, out, force=args.force)
    return EXIT_OK
