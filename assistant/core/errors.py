"""Errors that end a command with a documented exit code and one readable line (never a traceback)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_BAD_INPUT = 2
EXIT_DNS = 3


class AssistantError(Exception):
    """Base: ``str(exc)`` is the one line shown to the person; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_NOTHING_USABLE


class InputError(AssistantError):
    """Bad address, bad option, unreadable or malformed file. The message names what and where."""

    exit_code = EXIT_BAD_INPUT


class DomainError(AssistantError):
    """The domain does not exist, or DNS failed entirely.

    ``code`` tells the two apart for whoever decides what to do next: "domain_missing" (NXDOMAIN: check the
    spelling of the address) or "dns_failed" (the name server did not answer: try again, call someone).
    """

    exit_code = EXIT_DNS

    def __init__(self, message: str, code: str = "dns_failed") -> None:
        super().__init__(message)
        self.code = code
