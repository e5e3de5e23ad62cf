"""Marking user-facing sentences in the Qt-free core for translation.

Qt's ``lupdate`` finds ``QT_TRANSLATE_NOOP("context", "text")`` calls by name in any Python file, so the core
marks its sentence templates with this plain function and stays free of Qt. The CLI prints the English
template formatted with the object's fields; the GUI passes the same template through
``QCoreApplication.translate(context, template)`` and formats it with the same fields.

Rule: user-facing sentences live in module-level dicts keyed by a stable code, as templates whose placeholders
(``{host}``, ``{port}``, ``{protocol}``, ``{date}``...) are filled from fields the result object carries.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the exact name lupdate looks for
    """Return ``text`` unchanged; exists so lupdate can collect it under ``context``."""
    return text
