"""A real Dovecot with no encryption at all: reported as what it is (plain, answered, never used, warned).

Before security review 3 such a server came back as ``protocol_error`` on a "STARTTLS" candidate, which a
helpdesk reads as "the server is broken" rather than "this server offers no encryption".
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from assistant.core.discovery.run import discover
from assistant.core.model.address import EmailAddress
from assistant.core.net.settings import Settings
from tests.support.certs import CertFactory
from tests.support.cli import msa
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet
from tests.support.world import checked


@dataclass
class PlainWorld:
    dns: Dnsmasq
    mail: DovecotHandle


@pytest.fixture(scope="module")
def plain_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlainWorld]:
    subnet = Subnet()
    certs = CertFactory(tmp_path_factory.mktemp("plain-certs"))
    leaf = certs.good("mail.plain.test")  # written to the config dir, never used (ssl = no)
    mail_ip = subnet.take()
    mail = start_dovecot(mail_ip, leaf.cert_pem, leaf.key_pem, tls=False)
    zone = (Zone().srv("_imap._tcp.plain.test", "mail.plain.test", 143)
            .srv("_pop3._tcp.plain.test", "mail.plain.test", 110)
            .srv("_submission._tcp.plain.test", "mail.plain.test", 587)
            .mx("plain.test", "mail.plain.test").host("mail.plain.test", mail_ip))
    try:
        dns = start_dnsmasq(subnet.take(), zone, tmp_path_factory.mktemp("plain-dns"))
    except BaseException:
        mail.stop()
        raise
    yield PlainWorld(dns, mail)
    dns.stop()
    mail.stop()


def test_no_encryption_is_a_plain_candidate_never_used_with_a_warning(plain_world: PlainWorld) -> None:
    settings = Settings(resolver=plain_world.dns.resolver(), timeout=10, offline=True, connect_timeout=3.0,
                        endpoint_timeout=8.0)
    doc = checked(asyncio.run(discover(EmailAddress.parse("pat@plain.test"), settings)))
    mine = {c["protocol"]: c for c in doc["candidates"]
            if c["host"] == "mail.plain.test" and c["source"] == "srv"}
    assert set(mine) == {"imap", "pop3", "smtp"}, doc["candidates"]
    for proto, c in mine.items():
        assert (c["status"], c["security"]) == ("ok", "plain"), c
        assert "starttls_missing" in c["warnings"] and c["error"] is None
        assert c["auth_mechanisms"] == [] and c["capabilities"] == []  # nothing learnt in plaintext is kept
        assert doc["recommended"][proto] is None
    plain = {w["protocol"]: w for w in doc["warnings"] if w["code"] == "plaintext_only"}
    assert set(plain) == {"imap", "pop3", "smtp"}
    assert plain["imap"]["host"] == "mail.plain.test" and "without encryption" in plain["imap"]["message"]


def test_the_text_report_says_the_server_offers_no_encryption(plain_world: PlainWorld) -> None:
    out = msa("probe", "pat@plain.test", "--dns-server", plain_world.dns.ip, "--offline", "--timeout", "10",
              text=True)
    assert out.returncode == 1, out.stderr  # finished, nothing usable
    tried = out.stdout.split("Everything that was tried", 1)[1]
    assert "mail.plain.test:143" in tried and "NOT encrypted" in tried
    assert "protocol error" not in tried.lower()
    problems = out.stdout.split("\nProblems\n", 1)[1]
    assert "IMAP is only reachable without encryption (mail.plain.test:143)" in problems
