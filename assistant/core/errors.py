"""Errors that end a command with a documented exit code and one readable line (never a traceback).

An error may carry a stable ``code`` and ``params`` (``core/messages.py``): its English line is then the
template of that code filled in (what the CLI prints), and the wizard shows the translated template instead.
"""

from __future__ import annotations

from collections.abc import Mapping

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_BAD_INPUT = 2
EXIT_DNS = 3


class AssistantError(Exception):
    """Base: ``str(exc)`` is the one line shown to the person; ``exit_code`` is what the CLI returns.

    ``AssistantError("text")`` keeps a free sentence (shown as is, in English); ``AssistantError(code=...,
    params=...)`` is the sentence of that code, which the wizard can translate.
    """

    exit_code = EXIT_NOTHING_USABLE

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        if message is None:
            from assistant.core.messages import render
            message = render(code or "", self.params)
        super().__init__(message)


class InputError(AssistantError):
    """Bad address, bad option, unreadable or malformed file. The message names what and where."""

    exit_code = EXIT_BAD_INPUT


class DomainError(AssistantError):
    """The domain does not exist, or DNS failed entirely."""

    exit_code = EXIT_DNS
