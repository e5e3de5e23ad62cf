"""Marking user-facing sentences in the Qt-free core for translation.

Qt's ``lupdate`` finds ``QT_TRANSLATE_NOOP("context", "text")`` calls by name in any Python file, so the core
marks its sentence templates with this plain function and stays free of Qt. The CLI prints the English
template formatted with the object's fields; the GUI passes the same template through
``QCoreApplication.translate(context, template)`` and formats it with the same fields.

Rule: user-facing sentences live in module-level dicts keyed by a stable code, as templates whose placeholders
(``{host}``, ``{port}``, ``{protocol}``, ``{date}``...) are filled from fields the result object carries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

Translate = Callable[[str, str], str]  # QCoreApplication.translate(context, text), or a test's stand-in


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the exact name lupdate looks for
    """Return ``text`` unchanged; exists so lupdate can collect it under ``context``."""
    return text


# Punctuation inside a value ("IMAP, POP3", "mail.example.com (IMAP)") is the reader's language's: ``listed``
# and ``aside`` put marks there, and ``fill`` writes them as that language does — ", " and " (…)" in
# English, "、" and "（…）" in Chinese (context "lists").
SEPARATOR, OPEN, CLOSE = "\x1f", "\x1e", "\x1d"
PUNCTUATION: dict[str, str] = {
    SEPARATOR: QT_TRANSLATE_NOOP("lists", ", "),
    OPEN: QT_TRANSLATE_NOOP("lists", " ("),
    CLOSE: QT_TRANSLATE_NOOP("lists", ")"),
}


def listed(items: Iterable[str]) -> str:
    """Items of a list as one value, separated as the reader's language does it when a sentence is filled."""
    return SEPARATOR.join(items)


def aside(text: str, remark: str) -> str:
    """``text`` and a remark in brackets ("mail.example.com (IMAP)"), as the reader's language brackets."""
    return f"{text}{OPEN}{remark}{CLOSE}"


def unlisted(value: str, translate: Translate | None = None) -> str:
    """A value with its list separators and brackets written in the language of ``translate`` (English
    without one)."""
    for mark, english in PUNCTUATION.items():
        if mark in value:
            value = value.replace(mark, translate("lists", english) if translate else english)
    return value


def fill(text: str, original: str, fields: Mapping[str, object], translate: Translate | None = None) -> str:
    """Format a translated template; the English ``original`` when the translation lost a placeholder.
    Lists in the values are separated as ``translate``'s language does it."""
    fields = {k: unlisted(v, translate) if isinstance(v, str) else v for k, v in fields.items()}
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return original.format(**fields)
