"""Errors that end a command with a documented exit code and one readable line (never a traceback)."""

from __future__ import annotations

from assistant.core.i18n import QT_TRANSLATE_NOOP

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


# What a DomainError means, by code, for a front end that shows it in the person's language; the English
# ``str(exc)`` (the CLI's line) keeps its technical detail.
DOMAIN_PROBLEMS: dict[str, str] = {
    "nxdomain": QT_TRANSLATE_NOOP("errors", "{domain} does not exist — check the spelling."),
    "dns_failed": QT_TRANSLATE_NOOP(
        "errors", "The mail servers of {domain} cannot be looked up: the name server did not answer. "
                  "Check the network connection and try again."),
    "dns_config": QT_TRANSLATE_NOOP(
        "errors", "This computer's DNS settings cannot be read, so no mail server can be looked up. "
                  "Check the network connection and try again."),
}


class DomainError(AssistantError):
    """The domain does not exist, or DNS failed entirely.

    ``code`` (a key of ``DOMAIN_PROBLEMS``) and ``params`` let the wizard say it in its own language;
    ``str(exc)`` stays the CLI's English line with the technical detail.
    """

    exit_code = EXIT_DNS

    def __init__(self, message: str, code: str = "dns_failed", **params: str) -> None:
        super().__init__(message)
        self.code = code if code in DOMAIN_PROBLEMS else "dns_failed"
        self.params: dict[str, str] = {"domain": "", "resolver": "", **params}

    def template(self) -> str:
        return DOMAIN_PROBLEMS[self.code]
