"""The words of the diagnostics (``diagnostics.py``): labels, value words, and who says them.

The same lines serve two readers. Without a translator they are the stable English form with codes a
helpdesk searches for ("Outcome: not_working (manual_failed)"); with one, every label and value is said in
words in the interface language, because the wizard shows them on the last page. All templates are
marked for lupdate in context "diagnostics".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate, fill
from assistant.core.words.vocabulary import PROTOCOL_NAMES

LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("diagnostics", "Mail Setup Assistant {version}"),
    "system": QT_TRANSLATE_NOOP("diagnostics", "System: {system}"),
    "python": QT_TRANSLATE_NOOP("diagnostics", "Python: {version}"),
    "address": QT_TRANSLATE_NOOP("diagnostics", "Address: {address}"),
    "resolver": QT_TRANSLATE_NOOP("diagnostics", "Resolver: {resolver}"),
    "cafile": QT_TRANSLATE_NOOP("diagnostics", "CA file: {answer}"),
    "preset": QT_TRANSLATE_NOOP("diagnostics", "Preset: {preset}"),
    "discovery": QT_TRANSLATE_NOOP("diagnostics", "Discovery: {state}"),
    "elapsed": QT_TRANSLATE_NOOP("diagnostics", "Elapsed: {ms} ms"),
    "candidate": QT_TRANSLATE_NOOP(
        "diagnostics", "  {protocol} {host}:{port} {security} via {source}: {status}{extra}"),
    "verified": QT_TRANSLATE_NOOP("diagnostics", ", certificate verified"),
    "problems": QT_TRANSLATE_NOOP("diagnostics", "; problems: {problems}"),
    "warnings": QT_TRANSLATE_NOOP("diagnostics", "; warnings: {warnings}"),
    "finding": QT_TRANSLATE_NOOP("diagnostics", "  warning {what}"),
    "confirmed": QT_TRANSLATE_NOOP("diagnostics", "Confirmed risks for: {servers}"),
    "by_hand": QT_TRANSLATE_NOOP("diagnostics", "Settings by hand: {answer}"),
    "tested": QT_TRANSLATE_NOOP("diagnostics", "tested: {status}"),
    "manual": QT_TRANSLATE_NOOP("diagnostics", "  manual {protocol} {host}:{port} {security} ({tested})"),
    "manual_test": QT_TRANSLATE_NOOP(
        "diagnostics", "Manual test: {state}; continue anyway after a failed test: {answer}"),
    "protocol": QT_TRANSLATE_NOOP("diagnostics", "Protocol: {protocol}"),
    "recommended": QT_TRANSLATE_NOOP("diagnostics", "Recommended: {protocol} ({reason})"),
    "password": QT_TRANSLATE_NOOP("diagnostics", "Password given: {answer}; keychain: {keychain}"),
    "exported": QT_TRANSLATE_NOOP("diagnostics", "Exported: {files}"),
    "outcome": QT_TRANSLATE_NOOP("diagnostics", "Outcome: {status} ({reasons}); next: {next}"),
    "programs": QT_TRANSLATE_NOOP("diagnostics", "Mail programs: {programs}"),
    "autodiscover": QT_TRANSLATE_NOOP("diagnostics", "Outlook settings service: {what}"),
    "signin_none": QT_TRANSLATE_NOOP("diagnostics", "Sign-in test: not run"),
    "signin_oauth2": QT_TRANSLATE_NOOP(
        "diagnostics", "Sign-in test: not run (only the sign-in page of {provider} signs in: OAuth2)"),
    "provider": QT_TRANSLATE_NOOP("diagnostics", "Provider: {provider} ({methods})"),
    "signin": QT_TRANSLATE_NOOP("diagnostics", "Sign-in test: {result} ({ms} ms)"),
    "signin_server": QT_TRANSLATE_NOOP(
        "diagnostics", "  {side} {protocol} {host}:{port} {security}: {result}{details}"),
    "leak": QT_TRANSLATE_NOOP(
        "diagnostics", "The diagnostics cannot be shown without revealing the password."),
    "separator": QT_TRANSLATE_NOOP("diagnostics", ", "),
    "separator_words": QT_TRANSLATE_NOOP("diagnostics", "; "),
}

# The code form's own wording where it differs from the words (key=value, for a helpdesk to search).
CODE_FORMS: dict[str, str] = {
    "verified": " verified", "problems": " problems={problems}", "warnings": " warnings={warnings}",
    "user": " user={form}", "mechanism": " mechanism={mechanism}", "pinned": " pinned",
}

# Values said in words; the English is also the code form, so the helpdesk copy reads as before.
WORDS: dict[str, str] = {
    "yes": QT_TRANSLATE_NOOP("diagnostics", "yes"),
    "no": QT_TRANSLATE_NOOP("diagnostics", "no"),
    "none": QT_TRANSLATE_NOOP("diagnostics", "none"),
    "system": QT_TRANSLATE_NOOP("diagnostics", "system"),
    "unavailable": QT_TRANSLATE_NOOP("diagnostics", "unavailable"),
    "not_chosen": QT_TRANSLATE_NOOP("diagnostics", "not chosen"),
    "not_said": QT_TRANSLATE_NOOP("diagnostics", "not said"),
    "nothing": QT_TRANSLATE_NOOP("diagnostics", "nothing"),
    "n_a": QT_TRANSLATE_NOOP("diagnostics", "n/a"),
    "untested": QT_TRANSLATE_NOOP("diagnostics", "UNTESTED"),
    "ok": QT_TRANSLATE_NOOP("diagnostics", "ok"),
    "failed": QT_TRANSLATE_NOOP("diagnostics", "failed"),
    "incoming": QT_TRANSLATE_NOOP("diagnostics", "incoming"),
    "outgoing": QT_TRANSLATE_NOOP("diagnostics", "outgoing"),
    "full_address": QT_TRANSLATE_NOOP("diagnostics", "full address"),
    "local_part": QT_TRANSLATE_NOOP("diagnostics", "local part"),
    "as_configured": QT_TRANSLATE_NOOP("diagnostics", "as configured"),
    "saved": QT_TRANSLATE_NOOP("diagnostics", "saved"),
    "not_asked": QT_TRANSLATE_NOOP("diagnostics", "not asked"),
    "not_saved": QT_TRANSLATE_NOOP("diagnostics", "not saved"),
}

# FlowState.discovery and FlowState.manual_check, in words (the code form prints the code).
STATES: dict[str, str] = {
    "idle": QT_TRANSLATE_NOOP("diagnostics", "not started"),
    "running": QT_TRANSLATE_NOOP("diagnostics", "running"),
    "done": QT_TRANSLATE_NOOP("diagnostics", "finished"),
    "failed": QT_TRANSLATE_NOOP("diagnostics", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("diagnostics", "cancelled"),
}
MANUAL_CHECKS: dict[str, str] = {
    "untested": QT_TRANSLATE_NOOP("diagnostics", "not tested"),
    "testing": QT_TRANSLATE_NOOP("diagnostics", "testing"),
    "ok": QT_TRANSLATE_NOOP("diagnostics", "worked"),
    "failed": QT_TRANSLATE_NOOP("diagnostics", "did not work"),
}

# What a sign-in learnt (SigninResult.facts) and how it went, in words, joined by "separator_words";
# the code form prints "key=value".
FACTS: dict[str, str] = {
    "mechanism": QT_TRANSLATE_NOOP("diagnostics", "Sign-in method: {value}"),
    "pinned": QT_TRANSLATE_NOOP("diagnostics", "Used the certificate you confirmed: {value}"),
    "idle": QT_TRANSLATE_NOOP("diagnostics", "New mail announced at once (IDLE): {value}"),
    "quota_used_kib": QT_TRANSLATE_NOOP("diagnostics", "Storage used: {value} KiB"),
    "quota_limit_kib": QT_TRANSLATE_NOOP("diagnostics", "Storage limit: {value} KiB"),
    "folders": QT_TRANSLATE_NOOP("diagnostics", "Folders: {value}"),
    "messages": QT_TRANSLATE_NOOP("diagnostics", "Messages on the server: {value}"),
    "uidl": QT_TRANSLATE_NOOP("diagnostics", "Remembers downloaded messages (UIDL): {value}"),
    "auth_accepted": QT_TRANSLATE_NOOP("diagnostics", "Sign-in for sending accepted: {value}"),
}


class Say:
    """Labels and values in the code form (no translator) or in words (the interface language)."""

    def __init__(self, translate: Translate | None) -> None:
        self.translate = translate

    def __call__(self, key: str, **fields: object) -> str:
        if self.translate is None:
            return CODE_FORMS.get(key, LABELS.get(key, "")).format(**fields)
        template = LABELS[key]
        return fill(self.translate("diagnostics", template), template, fields)

    def word(self, key: str) -> str:
        text = WORDS[key]
        return text if self.translate is None else self.translate("diagnostics", text)

    def yes(self, answer: bool) -> str:
        return self.word("yes" if answer else "no")

    def of(self, table: Mapping[str, str], context: str, code: str) -> str:
        """A code in words from ``table`` (its entries marked in ``context``); the code itself without a
        translator or for a code the table does not know."""
        if self.translate is None or code not in table:
            return code
        return self.translate(context, table[code])

    def protocol(self, code: str) -> str:
        return code if self.translate is None else PROTOCOL_NAMES.get(code, code.upper())

    def program(self, code: str) -> str:
        from assistant.core.advice.programs import TEXTS
        label = TEXTS.get(code)
        return code if self.translate is None or label is None else self.translate("sheet", label)

    def fact(self, key: str, value: object) -> str:
        """One fact in words ("Folders: 3"); ``translate`` must be set."""
        assert self.translate is not None
        shown = self.yes(value) if isinstance(value, bool) else str(value)
        template = FACTS.get(key)
        if template is None:
            return f"{key}: {shown}"
        return fill(self.translate("diagnostics", template), template, {"value": shown})

    def join(self, items: Iterable[str], sep: str = ",") -> str:
        """Codes joined by ``sep``; words by the language's list separator."""
        if self.translate is None:
            return sep.join(items)
        return self.translate("diagnostics", LABELS["separator"]).join(items)
