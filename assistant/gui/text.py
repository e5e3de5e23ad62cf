"""Translating the core's sentence templates and naming things the same way on every page.

The core keeps English templates marked with ``QT_TRANSLATE_NOOP(context, ...)``; here they go through
``QCoreApplication.translate`` with the same context and are formatted with the fields the result carries.
``core.rank`` (which brings the TLS code and cryptography) and ``core.presets`` are imported where they are
needed, not here: the first page uses this module and must show before those load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from assistant.core.words.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Mapping

    from assistant.core.model.results import Finding, ProbeResult, TlsFacts
    from assistant.core.setup.summary import Sentence
    from assistant.core.words.errors import DomainError
    from assistant.core.words.messages import Message


def core_text(context: str, template: str, **fields: object) -> str:
    """``template`` translated in ``context`` and formatted; English if a translation breaks a placeholder."""
    text = QCoreApplication.translate(context, template)
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return template.format(**fields)


def message_text(message: Message | str) -> str:
    """A core sentence (``core/words/messages.py``) in the interface language; free English text as it is."""
    from assistant.core.words.messages import Message, render
    if isinstance(message, Message):
        return render(message.code, message.params, QCoreApplication.translate)
    return message


def error_text(error: BaseException | str, params: Mapping[str, object] | None = None) -> str:
    """What went wrong, in the interface language: an error with a ``code`` (``AssistantError``,
    ``DnsError``, an address problem), or a code and its params. Without a known code: ``str(error)``.

    This is the one way the wizard turns the core's errors into words (pages and the worker's jobs use it).
    """
    from assistant.core.words.errors import FIELDS, AssistantError
    from assistant.core.words.messages import MESSAGES, render
    code: str | None
    if isinstance(error, str):
        code, fields, fallback = error, dict(params or {}), error
    else:
        code, fields, fallback = getattr(error, "code", None), dict(getattr(error, "params", {}) or {}), \
            str(error)
    field = error.field if isinstance(error, AssistantError) else None
    if field:  # the setting at fault in words, never a command-line option
        name = QCoreApplication.translate("fields", FIELDS[field]) if field in FIELDS else field
        fallback = error.line(name)  # type: ignore[union-attr]
        fields = {**fields, "field": name}
    from assistant.core.model.address import ADDRESS_PROBLEMS, AddressError
    from assistant.core.words.errors import DomainError as _DomainError
    if isinstance(error, _DomainError):  # the person's sentence ("… does not exist — check the spelling")
        return domain_error_text(error)
    if isinstance(error, AddressError) and code in ADDRESS_PROBLEMS:
        return core_text("address", ADDRESS_PROBLEMS[code], **fields)
    if code in MESSAGES:
        try:
            return render(code, fields, QCoreApplication.translate)
        except (KeyError, IndexError, ValueError):
            return fallback
    return fallback


def warning_name(code: str) -> str:
    """A probe's warning code in words (never the raw code on screen)."""
    from assistant.core.words.vocabulary import PROBE_WARNINGS
    template = PROBE_WARNINGS.get(code)
    return QCoreApplication.translate("text", template) if template else code


def finding_text(f: Finding) -> str:
    """A discovery warning in the interface language (the English ``message`` when no template matches)."""
    from assistant.core.discovery.rank import finding_sentence
    return finding_sentence(f, QCoreApplication.translate)


def security_name(security: str) -> str:
    from assistant.core.words.vocabulary import SECURITY_NAMES
    template = SECURITY_NAMES.get(security)
    return QCoreApplication.translate("text", template) if template else security


def status_name(status: str) -> str:
    from assistant.core.words.vocabulary import STATUS_NAMES
    template = STATUS_NAMES.get(status)
    return QCoreApplication.translate("text", template) if template else status


def result_name(p: ProbeResult) -> str:
    """What became of one server: its status, unless the run stopped waiting for it, which says why.

    A probe cut short reports the status "timeout", but "No answer" would blame a server that was merely
    not needed (a better one was verified first) or that the whole run's time limit overtook.
    """
    if p.stopped == "better_found":
        return QCoreApplication.translate("text", "Not needed — a better server was found")
    if p.stopped == "deadline":
        return QCoreApplication.translate("text", "Ran out of time")
    return status_name(p.status)


def source_name(source: str) -> str:
    from assistant.core.words.vocabulary import SOURCES
    entry = SOURCES.get(source)
    return QCoreApplication.translate("sources", entry.label) if entry else source


def badge_kind(p: ProbeResult) -> str:
    """One of "verified", "starttls", "problem", "plaintext", "failed" — the badge a row shows."""
    from assistant.core.setup.summary import security_kind
    return security_kind(p)


def badge_text(kind: str) -> str:
    return {
        "verified": QCoreApplication.translate("text", "✔ Verified TLS"),
        "starttls": QCoreApplication.translate("text", "✔ STARTTLS"),
        "problem": QCoreApplication.translate("text", "⚠ Problem"),
        "plaintext": QCoreApplication.translate("text", "✖ Plaintext"),
        "failed": QCoreApplication.translate("text", "– Not usable"),
        "unused": QCoreApplication.translate("text", "– Not used"),
    }.get(kind, kind)


def sentence_text(s: Sentence) -> str:
    """A plain-result sentence (``core/setup/summary.py``) in the interface language."""
    return s.text(QCoreApplication.translate)


def notice_text(item: Finding | Sentence) -> str:
    """A problem or note of the plain result: a collapsed sentence, or a discovery warning."""
    from assistant.core.setup.summary import Sentence
    return sentence_text(item) if isinstance(item, Sentence) else finding_text(item)


def domain_error_text(exc: DomainError) -> str:
    """"srv.tset does not exist — check the spelling." and the other DNS failures, translated."""
    return core_text("errors", exc.template(), **exc.params)


# Labels of the technical details pane; marked for lupdate, translated when shown.
DETAIL_LABELS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("text", "Status: {0}"),
    "source": QT_TRANSLATE_NOOP("text", "Found through: {0}"),
    "address": QT_TRANSLATE_NOOP("text", "Address: {0}"),
    "error": QT_TRANSLATE_NOOP("text", "Error: {0}"),
    "tls": QT_TRANSLATE_NOOP("text", "TLS: {0}"),
    "verified": QT_TRANSLATE_NOOP("text", "Certificate verified: {0}"),
    "yes": QT_TRANSLATE_NOOP("text", "yes"),
    "no": QT_TRANSLATE_NOOP("text", "no"),
    "subject": QT_TRANSLATE_NOOP("text", "Subject: {0}"),
    "issuer": QT_TRANSLATE_NOOP("text", "Issuer: {0}"),
    "not_after": QT_TRANSLATE_NOOP("text", "Valid until: {0}"),
    "fingerprint": QT_TRANSLATE_NOOP("text", "SHA-256 fingerprint: {0}"),
    "sans": QT_TRANSLATE_NOOP("text", "Names: {0}"),
    "problem": QT_TRANSLATE_NOOP("text", "Problem: {0}"),
    "capabilities": QT_TRANSLATE_NOOP("text", "Capabilities: {0}"),
    "auth": QT_TRANSLATE_NOOP("text", "Sign-in methods: {0}"),
    "warnings": QT_TRANSLATE_NOOP("text", "Warnings: {0}"),
}


def _line(key: str, value: object) -> str:
    return QCoreApplication.translate("text", DETAIL_LABELS[key]).format(value)


def tls_problem_text(code: str, facts: TlsFacts, host: str) -> str:
    """A certificate problem in plain words, in the interface language (fields as ``tls.describe``)."""
    from assistant.core.discovery.rank import problem_sentence
    return problem_sentence(code, facts, host, QCoreApplication.translate)


def probe_details(p: ProbeResult) -> str:
    """The technical facts of one endpoint as plain text (certificate, capabilities, source)."""
    c = p.candidate
    lines = [f"{c.protocol.upper()} {c.host}:{c.port} ({security_name(c.security)})",
             _line("status", result_name(p)), _line("source", source_name(c.source))]
    if p.address:
        lines.append(_line("address", p.address))
    if p.error:
        lines.append(_line("error", message_text(p.error_message or p.error)))
    if p.tls:
        tls = p.tls
        lines.append(_line("tls", f"{tls.version or '?'} {tls.cipher or ''}".strip()))
        yes_no = QCoreApplication.translate("text", DETAIL_LABELS["yes" if tls.verified else "no"])
        lines.append(_line("verified", yes_no))
        for key, value in (("subject", tls.subject), ("issuer", tls.issuer), ("not_after", tls.not_after),
                           ("fingerprint", tls.fingerprint_sha256)):
            if value:
                lines.append(_line(key, value))
        if tls.sans:
            lines.append(_line("sans", ", ".join(tls.sans)))
        for problem in tls.problems:
            lines.append(_line("problem", tls_problem_text(problem, tls, c.host)))
        if tls.detail:
            from assistant.core.words.messages import openssl_detail
            lines.append(message_text(openssl_detail(tls.detail)))
    if p.capabilities:
        lines.append(_line("capabilities", " ".join(p.capabilities)))
    if p.auth_mechanisms:
        lines.append(_line("auth", " ".join(p.auth_mechanisms)))
    if p.warnings:
        lines.append(_line("warnings", "; ".join(warning_name(w) for w in p.warnings)))
    return "\n".join(lines)
