"""The report document as JSON or HTML, redacted.

Redaction is layered: sign-in results are scrubbed where they are made, and ``render_*`` scrub the finished
text once more for every secret they are given, so a leak in some new field still cannot reach the file.
"""

from __future__ import annotations

import html
import json

from assistant.core.report.document import Report
from assistant.core.report.html import html_document
from assistant.core.signin.secret import Secret, scrub


class LeakError(RuntimeError):
    """A secret survived redaction; the caller must not write the document."""


def redact(text: str, secrets: tuple[Secret, ...]) -> str:
    """Replace every form of every secret, then prove none is left (raise LeakError if one is)."""
    forms = [f for s in secrets for f in s.forms()]
    variants = {v for f in forms for v in (f, json.dumps(f, ensure_ascii=False)[1:-1], json.dumps(f)[1:-1],
                                            html.escape(f), html.escape(f, quote=False)) if len(v) >= 3}
    out = scrub(text, extra=tuple(variants)) or ""
    if any(v in out for v in variants):
        raise LeakError("a secret could not be removed from the report")
    return out


def render_json(report: Report, secrets: tuple[Secret, ...] = ()) -> str:
    return redact(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", secrets)


def render_html(report: Report, secrets: tuple[Secret, ...] = ()) -> str:
    return redact(html_document(report), secrets)
