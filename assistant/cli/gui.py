"""``mail-setup-assistant gui``: open the setup wizard, optionally pre-filled (for helpdesk use)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from assistant.core.errors import InputError

# The same --preset as ``presets.add_preset_option`` (tests/gui/test_startup.py compares them), written out
# here because importing core.presets brings the data model, which the first window must not wait for.
PRESET_HELP = "an organisation's preset file (TOML or JSON): its servers and policy"


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "gui", help="open the setup wizard (the default without a command)",
        description="Open the setup wizard. The options pre-fill it, so a helpdesk can say what to type.")
    p.add_argument("--address", metavar="ADDRESS", help="the email address to set up")
    p.add_argument("--dns-server", metavar="IP[:PORT]", help="send every DNS lookup to this resolver")
    p.add_argument("--cafile", metavar="PEM", help="also trust the CA certificates in this PEM file")
    p.add_argument("--lang", metavar="LANG", help="interface language: en or zh_TW (default: the system's)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help=argparse.SUPPRESS)
    p.add_argument("--preset", metavar="FILE", help=PRESET_HELP)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.gui import i18n
    if args.lang and i18n.normalise(args.lang) is None:
        raise InputError(f"--lang {args.lang!r}: use one of {', '.join(i18n.LANGUAGES)}")
    if args.dns_server is not None:  # "" is bad input, not the system resolver
        from assistant.core.dns import parse_server
        parse_server(args.dns_server)  # InputError before any window opens
    if args.cafile is not None:
        try:
            with open(args.cafile, "rb"):
                pass
        except OSError as exc:
            raise InputError(f"--cafile {args.cafile}: cannot read ({exc.strerror or exc})") from None
    if args.preset:
        from assistant.core.presets import load_preset
        load_preset(args.preset)  # a bad preset is bad input: one line naming the field, before any window
    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise InputError("no graphical display (DISPLAY is not set); use the probe, recommend and export "
                         "commands instead")
    from assistant.gui.app import Options
    from assistant.gui.app import run as run_gui
    return run_gui(Options(address=args.address, dns_server=args.dns_server, cafile=args.cafile,
                           lang=args.lang, timeout=args.timeout, preset=args.preset))
