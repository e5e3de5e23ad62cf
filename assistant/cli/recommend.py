"""``mail-setup-assistant recommend``: IMAP or POP3 for how this mailbox is used, with the reasons.

Without ``--probe`` both protocols are assumed offered; with a ``probe --json`` file the server's real
facts (which protocols, UIDL, IDLE) decide too.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.cli.common import write_stdout
from assistant.core.advice.recommend import (
    BACKUPS,
    DEVICES,
    Reason,
    Recommendation,
    ServerFacts,
    Situation,
    recommend,
)
from assistant.core.words.errors import EXIT_OK, InputError
from assistant.core.words.printable import printable

NAMES = {"imap": "IMAP", "pop3": "POP3"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "recommend", help="recommend IMAP or POP3 for how you read mail",
        description="Recommend IMAP or POP3 from the devices that read this mailbox and your needs, and "
                    "say why, what to set, and what the other choice would cost. Exit codes: 0 done, "
                    "1 the server offers neither protocol, 2 bad input.")
    p.add_argument("--devices", default="computer", metavar="LIST",
                   help=f"comma-separated devices that read this mailbox, repeats allowed "
                        f"({', '.join(DEVICES)}; default: computer), e.g. computer,computer,phone")
    p.add_argument("--shared", action="store_true", help="other people read this mailbox too")
    p.add_argument("--offline", action="store_true", help="all mail must be readable without a connection")
    p.add_argument("--limited-storage", action="store_true",
                   help="server storage is limited, or you want mail off the server")
    p.add_argument("--backup", choices=BACKUPS, default="unknown",
                   help="who backs up your mail: me (my device), provider, nobody (default: unknown)")
    p.add_argument("--probe", metavar="FILE", help="the JSON of 'probe --json' for the server's facts")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def situation_from_args(args: argparse.Namespace) -> Situation:
    devices = tuple(d.strip().lower() for d in str(args.devices).split(",") if d.strip())
    if not devices:
        raise InputError("--devices: name at least one device (computer, phone, tablet, webmail)")
    try:
        return Situation(devices=devices, shared=args.shared, offline=args.offline,
                         limited_storage=args.limited_storage, backup=args.backup)
    except InputError as exc:
        raise InputError(f"--{exc}") from None


def _lines(title: str, reasons: list[Reason]) -> list[str]:
    return [title, *(f"  - {r.text()}" for r in reasons)] if reasons else []


def render_text(rec: Any) -> str:
    out = [f"Recommendation: {NAMES[rec.protocol]} ({'clear' if rec.strength == 'clear' else 'leaning'})",
           *_lines("Why:", rec.reasons), *_lines("Settings:", rec.settings.notes)]
    if rec.alternative:
        out += _lines(f"The alternative, {NAMES[rec.alternative]}, would cost:", rec.alternative_costs)
    out += _lines("Good to know:", rec.caveats)
    return "\n".join(printable(line) for line in out) + "\n"  # facts may come from a probe file


def document(situation: Situation, facts: ServerFacts, rec: Recommendation) -> dict[str, Any]:
    """The ``--json`` object (resources/schemas/recommend.schema.json); fields are only ever added."""
    return {"schema_version": 1,
            "situation": {"devices": list(situation.devices), "shared": situation.shared,
                          "offline": situation.offline, "limited_storage": situation.limited_storage,
                          "backup": situation.backup},
            "facts": {"imap_offered": facts.imap_offered, "pop3_offered": facts.pop3_offered,
                      "pop3_uidl": facts.pop3_uidl, "imap_idle": facts.imap_idle,
                      "quota_bytes": facts.quota_bytes},
            "recommendation": rec.to_dict()}


def run(args: argparse.Namespace) -> int:
    situation = situation_from_args(args)
    if args.probe:
        from assistant.core.setup.inputs import load_probe
        facts = ServerFacts.from_discovery(load_probe(args.probe))
    else:
        facts = ServerFacts()
    rec = recommend(situation, facts)
    if args.json:
        doc = document(situation, facts, rec)
        write_stdout((json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    else:
        write_stdout(render_text(rec).encode("utf-8"))
    return EXIT_OK
