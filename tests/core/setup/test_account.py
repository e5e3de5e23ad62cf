"""From a discovery result to the account a profile describes."""

from __future__ import annotations

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.setup.account import account_from_probes
from assistant.core.words.errors import AssistantError


def probe(protocol: str, host: str, port: int, security: str = "ssl", *, mechs: tuple[str, ...] = (),
          username: str | None = None, auth: tuple[str, ...] = ()) -> ProbeResult:
    c = Candidate(protocol, host, port, security, "autoconfig", username=username, auth=auth)  # type: ignore[arg-type]
    return ProbeResult(candidate=c, status="ok", tls=TlsFacts(verified=True), auth_mechanisms=list(mechs))


def result(**rec: ProbeResult | None) -> DiscoveryResult:
    r = DiscoveryResult(address="alice@example.com", domain="example.com", domain_unicode="example.com")
    r.recommended = {"imap": None, "pop3": None, "smtp": None, **rec}
    return r


def test_chosen_first_other_as_alternative() -> None:
    r = result(imap=probe("imap", "imap.example.com.", 993), pop3=probe("pop3", "pop.example.com", 995),
               smtp=probe("smtp", "smtp.example.com", 587, "starttls"))
    imap = account_from_probes(r, r.recommended)
    assert [s.protocol for s in imap.incoming] == ["imap", "pop3"]
    assert imap.incoming[0] == ServerConfig("imap", "imap.example.com", 993, "ssl")
    assert imap.outgoing == (ServerConfig("smtp", "smtp.example.com", 587, "starttls"),)
    assert imap.address == "alice@example.com" and imap.domain == "example.com"
    pop = account_from_probes(r, r.recommended, protocol="pop3", display_name="Alice")
    assert [s.protocol for s in pop.incoming] == ["pop3", "imap"] and pop.display_name == "Alice"


def test_username_and_auth_from_what_was_learnt() -> None:
    r = result(imap=probe("imap", "imap.example.com", 993, username="%EMAILLOCALPART%",
                          auth=("password-encrypted",)),
               smtp=probe("smtp", "smtp.example.com", 465, mechs=("CRAM-MD5", "SCRAM-SHA-256")))
    account = account_from_probes(r, r.recommended)
    incoming, outgoing = account.incoming[0], account.outgoing[0]
    assert (incoming.username, incoming.auth) == ("%EMAILLOCALPART%", "password-encrypted")
    assert (outgoing.username, outgoing.auth) == ("%EMAILADDRESS%", "password-encrypted")
    r.recommended["smtp"] = probe("smtp", "smtp.example.com", 465, mechs=("PLAIN", "LOGIN", "CRAM-MD5"))
    assert account_from_probes(r, r.recommended).outgoing[0].auth == "password-cleartext"


@pytest.mark.parametrize(("rec", "protocol", "match", "code"), [
    ({}, None, "no usable IMAP or POP3", 1),
    ({"imap": probe("imap", "i.example.com", 993)}, "pop3", "no usable POP3", 1),
    ({"imap": probe("imap", "i.example.com", 993)}, None, "no usable SMTP", 1),
    ({"imap": probe("imap", "i.example.com", 993)}, "smtp", "not an incoming protocol", 2),
])
def test_clear_errors(rec: dict[str, ProbeResult], protocol: str | None, match: str, code: int) -> None:
    """Nothing usable found is exit 1 (the input was fine, the result was not); a bad protocol is 2."""
    with pytest.raises(AssistantError, match=match) as caught:
        account_from_probes(result(**rec), result(**rec).recommended, protocol=protocol)
    assert caught.value.exit_code == code
