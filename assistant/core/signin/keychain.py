"""Passwords in the operating system's keychain through ``keyring`` — and nowhere else.

There is deliberately no plaintext fallback: when no keychain is available, or it is locked or refuses,
the caller gets a ``SecretStoreError`` with a sentence a person can act on and carries on without saving.
Messages never contain the password; the account name is an email address, which the person typed.
"""

from __future__ import annotations

import keyring
import keyring.errors

from assistant.core.words.i18n import QT_TRANSLATE_NOOP

SERVICE = "Mail Setup Assistant"

MESSAGES: dict[str, str] = {
    "no_backend": QT_TRANSLATE_NOOP(
        "secrets", "No system keychain is available on this computer, so the password was not saved. "
                   "You will type it in your mail program instead."),
    "locked": QT_TRANSLATE_NOOP(
        "secrets", "The system keychain is locked or refused access, so the password was not saved. "
                   "Unlock it and try again, or type the password in your mail program."),
    "failed": QT_TRANSLATE_NOOP(
        "secrets", "The system keychain could not save the password ({reason}). Nothing was saved."),
    "empty": QT_TRANSLATE_NOOP("secrets", "There is no password to save."),
}


class SecretStoreError(Exception):
    """The keychain could not do what was asked. ``code`` keys ``MESSAGES``; ``reason`` names the backend
    error class (never its text, which some backends fill with the request)."""

    def __init__(self, code: str, reason: str = "") -> None:
        self.code = code
        self.reason = reason
        super().__init__(MESSAGES[code].format(reason=reason))


def backend_name() -> str:
    """The keychain in use, for the diagnostics report ("fail Keyring" when there is none)."""
    kr = keyring.get_keyring()
    return f"{type(kr).__module__.rsplit('.', 1)[-1]} {type(kr).__name__}"


def _map(exc: Exception) -> SecretStoreError:
    if isinstance(exc, keyring.errors.NoKeyringError):
        return SecretStoreError("no_backend")
    if isinstance(exc, (keyring.errors.KeyringLocked, keyring.errors.InitError)):
        return SecretStoreError("locked")
    return SecretStoreError("failed", type(exc).__name__)


def store(account: str, password: str) -> None:
    """Save ``password`` for ``account`` (an email address). Raises ``SecretStoreError``."""
    if not password:
        raise SecretStoreError("empty")
    try:
        keyring.set_password(SERVICE, account, password)
    except Exception as exc:  # any backend error: D-Bus, Keychain, Credential Manager — all mapped
        raise _map(exc) from None


def get(account: str) -> str | None:
    """The saved password for ``account``, or None when none is saved. Raises ``SecretStoreError``."""
    try:
        value = keyring.get_password(SERVICE, account)
    except Exception as exc:
        raise _map(exc) from None
    return value if isinstance(value, str) else None


def delete(account: str) -> bool:
    """Forget the password for ``account``; False when none was saved. Raises ``SecretStoreError``."""
    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise _map(exc) from None
    return True
