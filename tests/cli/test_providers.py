"""Issue 19 on loopback: a Microsoft 365 and a Google Workspace custom domain, recognised through their MX.

The world (tests/support/providers_world.py): real dnsmasq with the two domains' MX records and the providers'
server names on loopback, our own ISPDB files over HTTPS (``--ispdb-url``), fake IMAP/POP3/SMTP servers that
advertise OAuth2 beside a password mechanism and record every password that arrives.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import jsonschema
import pytest

from tests.support.profile_rules import check_autoconfig
from tests.support.providers_world import (
    APP_PASSWORD,
    M365_DOMAIN,
    WORKSPACE_DOMAIN,
    ProviderWorld,
    provider_world,  # noqa: F401 (the fixture)
)

PASSWORD = "Normal-Password-7!"
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "resources" / "schemas" / "probe.schema.json")
                    .read_text(encoding="utf-8"))


def validate(document: dict[str, object]) -> None:
    """probe --json as the published schema says, every described object closed (no field it forgot)."""
    def closed(node: object) -> object:
        if isinstance(node, dict):
            out = {k: closed(v) for k, v in node.items()}
            if "properties" in out and "additionalProperties" not in out:
                out["additionalProperties"] = False
            return out
        return [closed(v) for v in node] if isinstance(node, list) else node
    jsonschema.Draft202012Validator(closed(SCHEMA)).validate(document)
M365 = f"ann@{M365_DOMAIN}"
WORKSPACE = f"bob@{WORKSPACE_DOMAIN}"


@pytest.fixture
def world(provider_world: ProviderWorld) -> ProviderWorld:  # noqa: F811
    provider_world.reset()
    return provider_world


def _forms(password: str, user: str) -> list[bytes]:
    """The password as it would cross the wire: plain, in IMAP/SMTP SASL PLAIN, in AUTH LOGIN."""
    return [password.encode(), base64.b64encode(f"\0{user}\0{password}".encode()),
            base64.b64encode(password.encode())]


@pytest.mark.parametrize("address, provider, methods, url", [
    (M365, "microsoft", ["oauth2"], None),
    (WORKSPACE, "google", ["oauth2", "app_password"], "https://myaccount.google.com/apppasswords"),
])
def test_probe_recognises_the_custom_domain_through_its_mx(world: ProviderWorld, address: str, provider: str,
                                                           methods: list[str], url: str | None) -> None:
    run = world.cli("probe", address, "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    validate(doc)
    sign_in = doc["sign_in"]
    assert (sign_in["provider"], sign_in["methods"], sign_in["app_password_url"]) == (provider, methods, url)
    assert "mx" in sign_in["recognised_by"]
    # The provider's own verified servers, reached through the MX: no "outside the domain" warning.
    assert all(w["code"] != "outside_domain" for w in doc["warnings"]), doc["warnings"]
    assert {c["source"] for c in doc["recommended"].values() if c} == {"mx"}
    text = world.cli("probe", address)
    assert text.returncode == 0
    assert "Sign-in" in text.stdout and "check first" not in text.stdout
    assert ("accepts only its own sign-in page (OAuth2)" in text.stdout) == (provider == "microsoft")


def test_an_unknown_host_keeps_its_outside_domain_warning(world: ProviderWorld) -> None:
    """Google's MX does not vouch for a server that is not Google's: the SRV target outside the domain is
    still named and must be confirmed (the sign-in is an ordinary one there)."""
    run = world.cli("probe", "carl@mixed.test", "--json")
    doc = json.loads(run.stdout)
    validate(doc)
    assert doc["recommended"]["imap"]["host"] == "imap.other-provider.test"
    assert doc["sign_in"] is None
    outside = [w for w in doc["warnings"] if w["code"] == "outside_domain"]
    assert {w["host"] for w in outside} >= {"imap.other-provider.test"}, doc["warnings"]


def test_verify_sends_no_password_to_microsoft_365(world: ProviderWorld) -> None:
    run = world.cli("verify", M365, "--password-env", "MSA_TEST_PW", env={"MSA_TEST_PW": PASSWORD})
    assert run.returncode == 1, run.stdout + run.stderr
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 1, lines  # one line: what happened and what to do
    assert "OAuth2" in lines[0] and "password was not sent" in lines[0] and "mail program" in lines[0]
    assert world.microsoft.passwords == []
    received = b"".join(world.microsoft.received)
    assert not any(form in received for form in _forms(PASSWORD, M365))
    env = {"MSA_TEST_PW": PASSWORD}
    as_json = world.cli("verify", M365, "--json", "--password-env", "MSA_TEST_PW", env=env)
    assert as_json.returncode == 1
    doc = json.loads(as_json.stdout)
    assert {doc["incoming"]["code"], doc["outgoing"]["code"]} == {"oauth2_required"}
    assert doc["incoming"]["provider"] == "microsoft" and doc["incoming"]["refused_for_safety"]
    assert world.microsoft.passwords == []


def test_a_refused_gmail_password_points_to_the_app_password_page(world: ProviderWorld) -> None:
    run = world.cli("verify", WORKSPACE, "--password-env", "MSA_TEST_PW", env={"MSA_TEST_PW": PASSWORD})
    assert run.returncode == 1
    assert "app password" in run.stdout and "https://myaccount.google.com/apppasswords" in run.stdout
    assert PASSWORD in world.google.passwords  # the password is tried: Google takes app passwords
    good = world.cli("verify", WORKSPACE, "--password-env", "MSA_TEST_PW", env={"MSA_TEST_PW": APP_PASSWORD})
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.startswith("OK incoming")


def test_profiles_for_microsoft_365(world: ProviderWorld, tmp_path: Path) -> None:
    """No Apple profile or Autodiscover file where only OAuth2 works, with one line saying why; the
    autoconfig file keeps OAuth2 and the <oAuth2> element; the sheet says how to sign in, in words."""
    for fmt, words in (("mobileconfig", "Add Account › Microsoft Exchange"),
                       ("autodiscover", "Outlook finds the settings")):
        run = world.cli("export", M365, "--format", fmt, "-o", str(tmp_path / f"x.{fmt}"))
        assert run.returncode == 2, run.stderr
        line = run.stderr.strip()
        assert "\n" not in line and "accepts only sign-in on its own page (OAuth2)" in line and words in line
        assert not (tmp_path / f"x.{fmt}").exists()
    auto = world.cli("export", M365, "--format", "autoconfig")
    assert auto.returncode == 0, auto.stderr
    assert "<authentication>OAuth2</authentication>" in auto.stdout and "<oAuth2>" in auto.stdout
    assert "login.microsoftonline.com" in auto.stdout
    check_autoconfig(auto.stdout.encode())
    sheet = world.cli("export", M365, "--format", "sheet")
    assert "Sign in through Microsoft&#x27;s page" in sheet.stdout or "Sign in through Microsoft's page" in \
        sheet.stdout
    qr = world.cli("export", M365, "--format", "mobile-qr", "--payload")
    payload = json.loads(qr.stdout)
    assert payload[2][4] == 6 and payload[3][0][0][4] == 6  # OAuth2 is the method on the phone too


def test_gmail_keeps_the_app_password_method_in_an_apple_profile(world: ProviderWorld) -> None:
    run = world.cli("export", WORKSPACE, "--format", "mobileconfig")
    assert run.returncode == 0, run.stderr
    assert "EmailAuthPassword" in run.stdout
    assert "OAuth2 sign-in" in run.stderr  # the dropped method is announced


def test_the_report_shows_the_sign_in(world: ProviderWorld, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    run = world.cli("report", M365, "-o", str(out))
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert "Microsoft (recognised by the domain&#x27;s MX records" in html
    assert "accepts only its own sign-in page (OAuth2)" in html
    as_json = world.cli("report", M365, "-o", str(tmp_path / "r.json"))
    assert as_json.returncode == 0
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["discovery"]["sign_in"]["provider"] == "microsoft"
