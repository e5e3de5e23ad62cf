"""Verified contexts are built once per CA file and minimum version, and nobody can weaken them in place."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from assistant.core.net import tls


def test_contexts_are_shared_per_ca_file_and_minimum_version(tmp_path: Path) -> None:
    first, again = tls.client_context(), tls.client_context()
    strict = tls.client_context(min_version="1.3")
    assert first is again
    assert strict is not first
    assert first.minimum_version == ssl.TLSVersion.TLSv1_2
    assert strict.minimum_version == ssl.TLSVersion.TLSv1_3
    for ctx in (first, strict):
        assert ctx.verify_mode == ssl.CERT_REQUIRED
        assert ctx.check_hostname


def test_a_changed_ca_file_is_read_again(certs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ca = tmp_path / "ca.pem"
    ca.write_bytes(Path(certs.ca_pem).read_bytes())
    before = tls.client_context(str(ca))
    assert any(c.get("issuer") for c in before.get_ca_certs()), "the test CA should be loaded"
    ca.write_bytes(ca.read_bytes() + b"\n")
    assert tls.client_context(str(ca)) is not before


def test_a_missing_ca_file_raises_for_the_caller_to_name(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        tls.client_context(str(tmp_path / "nope.pem"))
