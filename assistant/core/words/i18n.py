"""Marking user-facing sentences in the Qt-free core for translation.

Qt's ``lupdate`` finds ``QT_TRANSLATE_NOOP("context", "text")`` calls by name in any Python file, so the core
marks its sentence templates with this plain function and stays free of Qt. The CLI prints the English
template formatted with the object's fields; the GUI passes the same template through
``QCoreApplication.translate(context, template)`` and formats it with the same fields.

Rule: user-facing sentences live in module-level dicts keyed by a stable code, as templates whose placeholders
(``{host}``, ``{port}``, ``{protocol}``, ``{date}``...) are filled from fields the result object carries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Translate = Callable[[str, str], str]  # QCoreApplication.translate(context, text), or a test's stand-in


def fill(text: str, original: str, fields: Mapping[str, object]) -> str:
    """Format a translated template; the English ``original`` when the translation lost a placeholder."""
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return original.format(**fields)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the exact name lupdate looks for
    """Return ``text`` unchanged; exists so lupdate can collect it under ``context``."""
    return text
