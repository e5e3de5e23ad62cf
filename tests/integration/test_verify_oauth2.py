"""A server that offers only OAuth2 (AUTH=XOAUTH2 and LOGINDISABLED), known to no table: the sign-in says
OAuth2 and what to do, and the fake proves no password (and no login command) ever arrived."""

from __future__ import annotations

import ssl
from pathlib import Path

from tests.integration.test_verify_fakes import PASSWORD, Recorder, run
from tests.support.certs import CertFactory
from tests.support.loopback import Subnet


def test_a_server_that_offers_only_oauth2_gets_no_password(tmp_path: Path) -> None:
    ip = Subnet().take()
    certs = CertFactory(tmp_path)
    leaf = certs.good(ip)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(leaf.cert_pem, leaf.key_pem)
    rec = Recorder("IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER SASL-IR LOGINDISABLED")
    r = run(ip, 993, "ssl", rec, ctx, certs.ca_pem)
    assert r.code == "oauth2_required" and r.refused_for_safety
    assert r.message_key == "oauth2_required_server" and "OAuth2" in r.message
    sent = bytes(rec.received)
    assert PASSWORD.encode() not in sent
    assert b"LOGIN " not in sent.upper() and b"AUTHENTICATE" not in sent.upper()
