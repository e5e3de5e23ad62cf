"""assistant.core.signin.keychain against in-memory keychains: saved, refused, absent — and never leaked."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from assistant.core.signin import keychain
from tests.support.keyrings import BrokenKeyring, LockedKeyring, MemoryKeyring


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_store_get_delete_round_trip(restore_keyring: None) -> None:
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    keychain.store("ann@example.test", "s3cret")
    assert kr.store == {(keychain.SERVICE, "ann@example.test"): "s3cret"}
    assert keychain.get("ann@example.test") == "s3cret"
    assert keychain.delete("ann@example.test") is True
    assert keychain.get("ann@example.test") is None
    assert keychain.delete("ann@example.test") is False


def test_no_backend_is_a_clear_error_and_no_fallback(restore_keyring: None, tmp_path: object) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(keychain.SecretStoreError) as err:
        keychain.store("ann@example.test", "s3cret")
    assert err.value.code == "no_backend"
    assert "keychain" in str(err.value) and "s3cret" not in str(err.value)
    with pytest.raises(keychain.SecretStoreError):
        keychain.get("ann@example.test")


def test_locked_keychain(restore_keyring: None) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(keychain.SecretStoreError) as err:
        keychain.store("ann@example.test", "s3cret")
    assert err.value.code == "locked"
    with pytest.raises(keychain.SecretStoreError) as err2:
        keychain.delete("ann@example.test")
    assert err2.value.code == "locked"


def test_unexpected_backend_error_never_carries_the_password(restore_keyring: None) -> None:
    keyring.set_keyring(BrokenKeyring())
    with pytest.raises(keychain.SecretStoreError) as err:
        keychain.store("ann@example.test", "s3cret-pw")
    assert err.value.code == "failed" and err.value.reason == "OSError"
    assert "s3cret-pw" not in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_empty_password_is_refused(restore_keyring: None) -> None:
    keyring.set_keyring(MemoryKeyring())
    with pytest.raises(keychain.SecretStoreError) as err:
        keychain.store("ann@example.test", "")
    assert err.value.code == "empty"


def test_backend_name_names_the_keychain(restore_keyring: None) -> None:
    keyring.set_keyring(MemoryKeyring())
    assert keychain.backend_name().endswith("MemoryKeyring")
