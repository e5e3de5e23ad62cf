"""``mail-setup-assistant convert FILE --to FORMAT``: turn one profile format into another.

Admins usually have one of the files and need the others. The input format is recognised from the content;
passwords in an input file are never carried over. Whatever the conversion drops or changes is said on
stderr, one line per item ("dropped: ...", "changed: ..."), and listed under "losses" with ``--json``.
"""

from __future__ import annotations

import argparse
import base64
import json
from typing import Any

from assistant.cli.common import (
    MOBILE_QR,
    add_output_options,
    address_from_args,
    check_mobile_qr_options,
    print_losses,
    signing_args,
    write_mobile_qr_output,
    write_output,
)
from assistant.core.net.files import read_bounded
from assistant.core.profiles import (
    FORMATS,
    MAX_PROFILE_BYTES,
    detect_format,
    import_with_losses,
)
from assistant.core.profiles.losses import Loss
from assistant.core.words.errors import EXIT_OK

SCHEMA_VERSION = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "convert", help="convert a profile to another format",
        description="Read an autoconfig XML, Autodiscover XML, Apple .mobileconfig (signed or not) or a "
                    "Thunderbird-for-Android QR payload (JSON) and write it as another format. Everything "
                    "the target format cannot hold is named on stderr ('dropped: ...', 'changed: ...'). "
                    "Exit codes: 0 written, 2 bad input.")
    p.add_argument("file", metavar="FILE", help="the profile to read ('-' for stdin)")
    p.add_argument("--to", required=True, choices=(*FORMATS, MOBILE_QR), help="the format to write")
    p.add_argument("--address", metavar="ADDRESS",
                   help="personalise the output for this address (fills %%EMAILADDRESS%% and friends)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object (format, losses, and the file unless -o is given)")
    add_output_options(p)
    p.set_defaults(func=run)


def document(source: str, target: str, output: str | None, data: bytes, losses: list[Loss]) -> dict[str, Any]:
    """The ``--json`` object (resources/schemas/convert.schema.json); fields are only ever added."""
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "from": source, "to": target, "output": output,
                           "losses": [loss.to_dict() for loss in losses]}
    if output is None:
        try:
            doc["content"] = data.decode("utf-8")
        except UnicodeDecodeError:  # a signed (DER) profile
            doc["content_base64"] = base64.b64encode(data).decode("ascii")
    return doc


def run(args: argparse.Namespace) -> int:
    from assistant.core.profiles.mobileqr import looks_like_payload
    from assistant.core.setup.exporting import export_one
    from assistant.core.setup.inputs import personalise, with_recognised_provider
    check_mobile_qr_options(args, args.to)
    identity, identity_password = signing_args(args, args.to)
    origin = "stdin" if args.file == "-" else args.file
    data = read_bounded(args.file, MAX_PROFILE_BYTES, "profile")
    source = MOBILE_QR if looks_like_payload(data) else detect_format(data, origin)
    account, losses = import_with_losses(data, origin)
    if args.address:
        account = personalise(account, address_from_args(args.address), origin)
    account = with_recognised_provider(account)
    if args.to == MOBILE_QR:
        print_losses(losses)
        write_mobile_qr_output(args, account)
        return EXIT_OK
    out, more = export_one(account, args.to, sign_identity=identity, sign_password=identity_password,
                           allow_plain=args.allow_plain)
    losses = list(dict.fromkeys(losses + more))
    print_losses(losses)
    if args.json:
        if args.output:
            write_output(args.output, out, force=args.force)
        doc = document(source, args.to, args.output, out, losses)
        write_output(None, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return EXIT_OK
    write_output(args.output, out, force=args.force)
    return EXIT_OK
