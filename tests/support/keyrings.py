"""In-memory keyring backends: test doubles for the OS keychain (a working one and refusing ones)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dict, like a keychain that always says yes."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(KeyringBackend):
    """A keychain that is locked: every call fails the way a locked Secret Service does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked(f"cannot unlock to store for {username}")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("the collection is locked")


class BrokenKeyring(LockedKeyring):
    """A backend failing with an unexpected error whose text contains the request (and so the password)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(f"D-Bus said no to {password}")
