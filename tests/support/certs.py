"""Certificates the tests generate: one "own CA" (what --cafile points at) and leaves with each fault.

trustme issues CA-signed leaves (good, expired, not yet valid, wrong host, other CA); self-signed ones
are built with cryptography because trustme only signs with a CA.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class LeafFiles:
    """A server certificate (chain PEM) and its private key, as files a server can read."""

    cert_pem: Path
    key_pem: Path


class CertFactory:
    """Writes PEM files under ``directory``. ``ca_pem`` is the trusted test CA (for ``--cafile``)."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        self.ca = trustme.CA(organization_name="Mail Setup Assistant test CA")
        self.other_ca = trustme.CA(organization_name="Some other CA nobody trusts")
        self.ca_pem = self.dir / "ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_pem))
        self.other_ca_pem = self.dir / "other-ca.pem"
        self.other_ca.cert_pem.write_to_path(str(self.other_ca_pem))
        self._n = 0

    def _write(self, leaf: trustme.LeafCert, name: str) -> LeafFiles:
        self._n += 1
        cert, key = self.dir / f"{self._n:02d}-{name}.crt", self.dir / f"{self._n:02d}-{name}.key"
        cert.write_bytes(b"".join(p.bytes() for p in leaf.cert_chain_pems))
        key.write_bytes(leaf.private_key_pem.bytes())
        key.chmod(0o644)  # the test servers' unprivileged processes read it
        return LeafFiles(cert, key)

    def good(self, *hosts: str) -> LeafFiles:
        return self._write(self.ca.issue_cert(*hosts), "good")

    def expired(self, *hosts: str) -> LeafFiles:
        now = dt.datetime.now(dt.UTC)
        return self._write(self.ca.issue_cert(*hosts, not_before=now - 400 * DAY, not_after=now - 3 * DAY),
                           "expired")

    def not_yet_valid(self, *hosts: str) -> LeafFiles:
        now = dt.datetime.now(dt.UTC)
        return self._write(self.ca.issue_cert(*hosts, not_before=now + 5 * DAY, not_after=now + 400 * DAY),
                           "future")

    def expiring(self, *hosts: str, days: int = 10) -> LeafFiles:
        now = dt.datetime.now(dt.UTC)
        return self._write(self.ca.issue_cert(*hosts, not_before=now - DAY,
                                              not_after=now + days * DAY + dt.timedelta(hours=1)),
                           "expiring")

    def wrong_host(self, *hosts: str) -> LeafFiles:
        """Signed by the trusted CA, but for names other than ``hosts``."""
        return self._write(self.ca.issue_cert(*[f"other-{h}" for h in hosts] or ["other.example.test"]),
                           "wronghost")

    def untrusted(self, *hosts: str) -> LeafFiles:
        return self._write(self.other_ca.issue_cert(*hosts), "untrusted")

    def self_signed(self, *hosts: str) -> LeafFiles:
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
        now = dt.datetime.now(dt.UTC)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - DAY)
                .not_valid_after(now + 365 * DAY)
                .add_extension(x509.SubjectAlternativeName([_general_name(h) for h in hosts]), critical=False)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
        self._n += 1
        stem = self.dir / f"{self._n:02d}-selfsigned"
        cert_path, key_path = stem.with_suffix(".crt"), stem.with_suffix(".key")
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        key_path.chmod(0o644)
        return LeafFiles(cert_path, key_path)


def _general_name(host: str) -> x509.GeneralName:
    import ipaddress
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)
