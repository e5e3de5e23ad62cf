"""``mail-setup-assistant gui``: open the setup wizard, optionally pre-filled (for helpdesk use)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from assistant.core.net.limits import DEFAULT_TIMEOUT
from assistant.core.words.errors import InputError


def defaults() -> argparse.Namespace:
    """What ``gui`` with no option means: the wizard's start without building a parser (a double-click)."""
    return argparse.Namespace(self_test=False, command="gui", address=None, dns_server=None, cafile=None,
                              lang=None, timeout=DEFAULT_TIMEOUT, offline=False, preset=None, func=run)


def register(sub: Any) -> None:
    from assistant.cli.common import add_preset_option
    p: argparse.ArgumentParser = sub.add_parser(
        "gui", help="open the setup wizard (the default without a command)",
        description="Open the setup wizard. The options pre-fill it, so a helpdesk can say what to type.")
    p.add_argument("--address", metavar="ADDRESS", help="the email address to set up")
    p.add_argument("--dns-server", metavar="IP[:PORT]", help="send every DNS lookup to this resolver")
    p.add_argument("--cafile", metavar="PEM", help="also trust the CA certificates in this PEM file")
    p.add_argument("--lang", metavar="LANG", help="interface language: en or zh_TW (default: the system's)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=argparse.SUPPRESS)
    p.add_argument("--offline", action="store_true",
                   help="ask only the domain's own servers (skip the Thunderbird ISPDB)")
    add_preset_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.gui import i18n
    if args.lang and i18n.normalise(args.lang) is None:
        raise InputError(f"--lang {args.lang!r}: use one of {', '.join(i18n.LANGUAGES)}")
    from assistant.core.net.limits import check_timeout
    check_timeout(args.timeout)  # every option is bad input before any window opens
    if args.dns_server is not None:
        from assistant.core.net.dns import parse_server
        parse_server(args.dns_server)
    if args.cafile is not None:  # "" is a bad file name, not "no option"
        from assistant.core.net.tls import read_cafile
        read_cafile(args.cafile)  # bounded: a FIFO is refused at once, not waited on
    if args.preset:
        from assistant.core.discovery.presets import load_preset
        load_preset(args.preset)  # a bad preset is bad input: one line naming the field, before any window
    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise InputError("no graphical display (DISPLAY is not set); use the probe, recommend and export "
                         "commands instead")
    from assistant.gui.app import Options
    from assistant.gui.app import run as run_gui
    return run_gui(Options(address=args.address, dns_server=args.dns_server, cafile=args.cafile,
                           lang=args.lang, timeout=args.timeout, preset=args.preset, offline=args.offline))
