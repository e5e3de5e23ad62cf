"""The pieces of an organisation's own OAuth2 sign-in that need no network: PKCE, the authorization URL, the
redirect's answer, the SASL strings, and the preset's ``[oauth2]`` table."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from assistant.core.discovery.presets import load_preset
from assistant.core.model.provider import OAuth2App
from assistant.core.signin import oauth2
from assistant.core.signin.secret import Secret
from assistant.core.words.errors import AssistantError, InputError

APP = OAuth2App("client-1", "https://id.example/authorize?tenant=x", "https://id.example/token", ("mail",))


def test_pkce_s256_matches_rfc_7636_appendix_b() -> None:
    assert oauth2.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == \
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    verifier, challenge = oauth2.pkce_pair()
    assert len(verifier) == 43 and oauth2.challenge(verifier) == challenge
    assert oauth2.pkce_pair()[0] != verifier


def test_the_authorization_url() -> None:
    url = oauth2.authorization_url(APP, "http://127.0.0.1:5000/", "st", "ch", "ann@example.org")
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert url.startswith("https://id.example/authorize?tenant=x&")
    assert query == {"tenant": "x", "response_type": "code", "client_id": "client-1",
                     "redirect_uri": "http://127.0.0.1:5000/", "state": "st", "code_challenge": "ch",
                     "code_challenge_method": "S256", "scope": "mail", "login_hint": "ann@example.org"}


@pytest.mark.parametrize("target, code", [
    ("/?code=abc&state=s1", None),
    ("/?code=abc&state=other", "oauth2_bad_redirect"),
    ("/?state=s1", "oauth2_bad_redirect"),
    ("/?error=access_denied&state=s1", "oauth2_denied"),
    ("/?error=access_denied&state=other", "oauth2_bad_redirect"),  # not ours: it cannot end the sign-in
])
def test_the_redirect_answer(target: str, code: str | None) -> None:
    if code is None:
        assert oauth2.redirect_answer(target, "s1") == "abc"
        return
    with pytest.raises(AssistantError) as caught:
        oauth2.redirect_answer(target, "s1")
    assert caught.value.code == code


def test_sasl_initial_responses() -> None:
    token = Secret("tok")
    assert base64.b64decode(oauth2.sasl("XOAUTH2", "ann@example.org", token)) == \
        b"user=ann@example.org\x01auth=Bearer tok\x01\x01"
    assert base64.b64decode(oauth2.sasl("OAUTHBEARER", "a,b=c@example.org", token)) == \
        b"n,a=a=2Cb=3Dc@example.org,\x01auth=Bearer tok\x01\x01"


def test_the_presets_oauth2_table(tmp_path: Path) -> None:
    good = tmp_path / "org.toml"
    good.write_text('name = "Org"\n[oauth2]\nclient_id = "c"\nauthorization_endpoint = "https://id/a"\n'
                    'token_endpoint = "https://id/t"\nscopes = ["mail"]\n')
    preset = load_preset(good)
    assert preset.oauth2 == OAuth2App("c", "https://id/a", "https://id/t", ("mail",))
    assert preset.to_dict()["oauth2"]["client_id"] == "c"
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "Org"\n[oauth2]\nclient_id = "c"\nauthorization_endpoint = "http://id/a"\n'
                   'token_endpoint = "https://id/t"\n')
    with pytest.raises(InputError, match=r"oauth2\.authorization_endpoint: expected an https:// URL"):
        load_preset(bad)
    odd = tmp_path / "odd.toml"
    odd.write_text('name = "Org"\n[oauth2]\nclient = "c"\n')
    with pytest.raises(InputError, match=r"oauth2\.client: unknown field"):
        load_preset(odd)


def _get(url: str) -> int:
    import urllib.error
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_the_loopback_listener_waits_for_its_own_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A request with another state (a stale tab, another program) is turned away and ends nothing; the
    answer for this sign-in is taken, and the code goes to the token endpoint with the verifier."""
    import asyncio

    from assistant.core.net.dns import Resolver
    from assistant.core.net.settings import Settings
    seen: dict[str, object] = {}

    async def fake_token(app: OAuth2App, code: str, verifier: str, redirect_uri: str,
                         settings: Settings) -> Secret:
        seen.update(code=code, verifier=verifier, redirect=redirect_uri)
        return Secret("tok")

    statuses: list[int] = []

    def browser(url: str) -> None:
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        redirect = query["redirect_uri"]
        statuses.append(_get(f"{redirect}?code=forged&state=not-ours"))
        statuses.append(_get(f"{redirect}favicon.ico"))
        statuses.append(_get(f"{redirect}?code=real&state={query['state']}"))

    monkeypatch.setattr(oauth2, "token", fake_token)
    settings = Settings(resolver=Resolver(lifetime=1.0), timeout=10.0)
    token = asyncio.run(oauth2.authorize(APP, settings, browser, timeout=10))
    assert token.reveal() == "tok" and seen["code"] == "real"
    assert statuses == [400, 404, 200]
    assert oauth2.challenge(str(seen["verifier"]))  # the verifier of this run went along
    assert str(seen["redirect"]).startswith("http://127.0.0.1:")


def test_no_answer_from_the_page_is_bounded() -> None:
    import asyncio

    from assistant.core.net.dns import Resolver
    from assistant.core.net.settings import Settings
    settings = Settings(resolver=Resolver(lifetime=1.0), timeout=5.0)
    with pytest.raises(AssistantError) as caught:
        asyncio.run(oauth2.authorize(APP, settings, lambda url: None, timeout=0.3))
    assert caught.value.code == "oauth2_no_answer"
