"""Suite-wide settings and the shared server fixtures (their code lives in tests/support/)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import keyring
import pytest

from tests.support.certs import CertFactory, LeafFiles
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.keyrings import MemoryKeyring
from tests.support.loopback import Subnet
from tests.support.world import ProbeWorld, build_world

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
MAIL_HOST = "mail.example.test"


@pytest.fixture(scope="session")
def subnet() -> Subnet:
    """This session's own 127.A.B.0/24; take() an address per server."""
    return Subnet()


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> CertFactory:
    """The test CA (``certs.ca_pem`` is what --cafile points at) and leaf certificates on demand."""
    return CertFactory(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="session")
def dovecot_factory(subnet: Subnet) -> Iterator[Callable[..., DovecotHandle]]:
    """Start extra Dovecot instances: ``factory(leaf, **start_dovecot_kwargs)`` on a fresh address."""
    started: list[DovecotHandle] = []

    def factory(leaf: LeafFiles, **kwargs: object) -> DovecotHandle:
        handle = start_dovecot(subnet.take(), leaf.cert_pem, leaf.key_pem, **kwargs)  # type: ignore[arg-type]
        started.append(handle)
        return handle

    yield factory
    for handle in started:
        handle.stop()


@pytest.fixture(scope="session")
def dovecot(subnet: Subnet, certs: CertFactory, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[DovecotHandle]:
    """One Dovecot with a good certificate (for MAIL_HOST and its IP), imap+pop3+submission, quota on."""
    ip = subnet.take()
    leaf = certs.good(MAIL_HOST, ip)
    handle = start_dovecot(ip, leaf.cert_pem, leaf.key_pem, quota=True)
    yield handle
    handle.stop()


@pytest.fixture(scope="session")
def probe_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProbeWorld]:
    """The test world (tests/support/world.py: dnsmasq, Dovecot, web server), started on first use."""
    world = build_world(tmp_path_factory.mktemp("probe-world"))
    try:
        yield world
    finally:
        world.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keychain for the test (the system's is never touched)."""
    before = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(before)
