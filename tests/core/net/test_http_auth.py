"""Reading a WWW-Authenticate value: which schemes a 401 offers decides whether Basic may be tried."""

from __future__ import annotations

import pytest

from assistant.core.net.http import challenge_schemes


@pytest.mark.parametrize(("value", "schemes"), [
    ('Basic realm="autodiscover.exch.test"', ["Basic"]),
    ('Negotiate, NTLM, Basic realm="x"', ["Negotiate", "NTLM", "Basic"]),
    ('Bearer authorization_uri="https://login.example/x", error="invalid_token", Basic Realm=""',
     ["Bearer", "Basic"]),
    ('Digest realm="a, b", qop="auth", nonce="1"', ["Digest"]),
    ("", []),
    ("   ,  , ", []),
    ("Basic, Basic", ["Basic"]),
    ("<script> x", []),
])
def test_challenge_schemes(value: str, schemes: list[str]) -> None:
    assert challenge_schemes(value) == schemes
