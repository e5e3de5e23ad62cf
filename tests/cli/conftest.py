"""Fixtures the command-line tests share (the test world's ``probe_world`` is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.mailbox import Mailbox, start_mailbox


@pytest.fixture(scope="package")
def mailbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mailbox]:
    """A real Dovecot with one mailbox and a saved probe of it (tests/support/mailbox.py)."""
    yield from start_mailbox(tmp_path_factory)
