"""Errors that end a command with a documented exit code and one readable line (never a traceback).

An error may carry a stable ``code`` and ``params`` (``core/words/messages.py``): its English line is then the
template of that code filled in (what the CLI prints), and the wizard shows the translated template instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.core.words.i18n import QT_TRANSLATE_NOOP

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_BAD_INPUT = 2
EXIT_DNS = 3


# The settings an error can be about (``AssistantError.field``), in words. Each front end names them its
# own way: the CLI by its option (cli/common.py FLAGS), the wizard by these words, translated.
FIELDS: dict[str, str] = {
    "timeout": QT_TRANSLATE_NOOP("fields", "time limit"),
    "cafile": QT_TRANSLATE_NOOP("fields", "CA certificate file"),
    "dns_server": QT_TRANSLATE_NOOP("fields", "DNS server"),
    "offline": QT_TRANSLATE_NOOP("fields", "offline mode"),
    "pin": QT_TRANSLATE_NOOP("fields", "certificate fingerprint"),
    "password_env": QT_TRANSLATE_NOOP("fields", "password variable"),
    "allow_plain": QT_TRANSLATE_NOOP("fields", "permission to use a server without encryption"),
    "include_password": QT_TRANSLATE_NOOP("fields", "password in the QR code"),
    "embed_password": QT_TRANSLATE_NOOP("fields", "password in the profile"),
    "payload": QT_TRANSLATE_NOOP("fields", "QR code text"),
    "output": QT_TRANSLATE_NOOP("fields", "output file"),
    "bind": QT_TRANSLATE_NOOP("fields", "network address"),
    "port": QT_TRANSLATE_NOOP("fields", "port"),
    "expires": QT_TRANSLATE_NOOP("fields", "link lifetime"),
    "force": QT_TRANSLATE_NOOP("fields", "permission to replace the file"),
}
FIELD = "{field}"  # where a message names its field; each front end puts its own name there


class AssistantError(Exception):
    """Base: ``str(exc)`` is the one line shown to the person; ``exit_code`` is what the CLI returns.

    ``AssistantError("text")`` keeps a free sentence (shown as is, in English); ``AssistantError(code=...,
    params=...)`` is the sentence of that code, which the wizard can translate. ``field`` names the setting
    at fault (a key of ``FIELDS``); the message says ``{field}`` where it is named, and ``line(name)`` puts
    a front end's own name for it there (the CLI its option, the wizard its words).
    """

    exit_code = EXIT_NOTHING_USABLE

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 params: Mapping[str, object] | None = None, field: str | None = None) -> None:
        self.code = code
        self.field = field
        self.params: dict[str, object] = dict(params or {})
        if message is None:
            from assistant.core.words.messages import render
            message = render(code or "", self.params)
        self.english = message  # with {field} where the field is named
        super().__init__(self.line(FIELDS.get(field or "", field or "")))

    def line(self, name: str) -> str:
        """The message with the field named ``name``."""
        return self.english.replace(FIELD, name) if self.field else self.english


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

    ``code`` ("nxdomain", "dns_failed", "dns_config") and ``params`` let the wizard say it in its own
    language (``template()``: the person's sentence); ``str(exc)`` stays the CLI's English line with the
    technical detail. Both ``DomainError("line", "nxdomain", domain=...)`` and ``DomainError(code=...,
    params=...)`` (the line then comes from ``core/words/messages.py``) are accepted.
    """

    exit_code = EXIT_DNS

    def __init__(self, message: str | None = None, code: str = "dns_failed", *,
                 params: Mapping[str, object] | None = None, **more: object) -> None:
        super().__init__(message, code=code, params={"domain": "", "resolver": "", **(params or {}), **more})
        if self.code not in DOMAIN_PROBLEMS:  # an unknown code is still a DNS failure to the person
            self.code = "dns_failed"

    def template(self) -> str:
        """The person's sentence for this failure (context "errors")."""
        return DOMAIN_PROBLEMS.get(self.code or "", DOMAIN_PROBLEMS["dns_failed"])
