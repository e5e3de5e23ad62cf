"""Audit records as text for people (one line per domain, a closing count) and as CSV rows for sheets.

The JSON record is the contract; these are views of it, so they read records (dicts), never results.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from assistant.core.audit.clients import CLIENTS
from assistant.core.audit.findings import CONTEXT, VERDICT_WORDS, VERDICTS
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate

TEXT: dict[str, str] = {
    "more": QT_TRANSLATE_NOOP("audit", "(+{count} more)"),
    "summary": QT_TRANSLATE_NOOP(
        "audit", "{total} domains: {good} good, {problems} with problems, {nothing_found} without a mail "
                 "server, {no_domain} not existing, {error} not checked ({seconds} s, {rate} per minute)"),
}
CSV_COLUMNS: tuple[str, ...] = (
    "domain", "domain_unicode", "verdict", "worst", "problems", *(c.name for c in CLIENTS),
    "certificate_days_left", "dns_fixes", "files_to_publish", "elapsed_ms",
)


def _tr(say: Translate | None, text: str) -> str:
    return say(CONTEXT, text) if say else text


def person_line(record: dict[str, Any], translate: Translate | None = None) -> str:
    """``domain  verdict: the worst problem (+N more)``; the problem's sentence, not its code."""
    verdict = record["verdict"]
    word = _tr(translate, VERDICT_WORDS.get(verdict, verdict))
    problems = record.get("problems") or []
    line = f"{record.get('domain_unicode') or record['domain']}  {word}"
    if problems:
        line += f": [{problems[0]['code']}] {problems[0]['message']}"
        if len(problems) > 1:
            line += " " + _tr(translate, TEXT["more"]).format(count=len(problems) - 1)
    elif record.get("error"):
        line += f": {record['error']}"
    return line


def summary_line(counts: Counter[str], seconds: float, translate: Translate | None = None) -> str:
    """The closing count of a run."""
    total = sum(counts.values())
    rate = total / seconds * 60 if seconds > 0 else 0.0
    values = {v: counts.get(v, 0) for v in VERDICTS}
    return _tr(translate, TEXT["summary"]).format(total=total, seconds=f"{seconds:.1f}", rate=f"{rate:.0f}",
                                                  **values)


def client_cell(view: dict[str, Any] | None) -> str:
    """A program's answer in one word: the source it finds the settings in, ``no`` or ``unknown``."""
    if not view:
        return ""
    if view.get("finds"):
        return str(view.get("source") or "yes")
    return "unknown" if view.get("finds") is None else "no"


def csv_row(record: dict[str, Any]) -> list[str]:
    """One CSV row in ``CSV_COLUMNS`` order (plain values: no formulas can start a cell)."""
    problems = record.get("problems") or []
    days = [s["certificate"]["days_left"] for s in record.get("servers") or []
            if s.get("certificate") and s["certificate"].get("days_left") is not None]
    clients = record.get("clients") or {}
    fixes = record.get("fixes") or {}
    return [record["domain"], record.get("domain_unicode") or record["domain"], record["verdict"],
            problems[0]["code"] if problems else "", " ".join(p["code"] for p in problems),
            *(client_cell(clients.get(c.name)) for c in CLIENTS),
            str(min(days)) if days else "", str(len(fixes.get("dns") or [])),
            str(len(fixes.get("files") or [])), str(record.get("elapsed_ms", 0))]
