"""An organisation's own OAuth2 sign-in test, end to end on loopback (issue 19, the optional part).

The organisation's preset names its own app (``[oauth2]`` client ID and endpoints); a small authorization
server in the tests (tests/support/oauth2_server.py) stands in for its identity provider; a real Dovecot
checks the token with its ``oauth2`` passdb (token introspection at that server). The "browser" is the test's
own: it opens the page, which approves at once and comes back to the program's loopback listener. No
password exists anywhere in this test.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.core.discovery.presets import load_preset
from assistant.core.model.address import EmailAddress
from assistant.core.net.settings import Settings
from assistant.core.setup.session import SetupSession
from assistant.core.words.errors import AssistantError
from tests.support.certs import CertFactory
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet
from tests.support.oauth2_server import CLIENT_ID, OAuth2Server, browse
from tests.support.web import server_context

REPO = Path(__file__).resolve().parents[2]
ADDRESS = "ann@org.test"
MAIL_HOST = "mail.org.test"


@dataclass
class OAuthWorld:
    dns: Dnsmasq
    dovecot: DovecotHandle
    idp: OAuth2Server
    cafile: str
    preset: Path
    plain_preset: Path

    def settings(self) -> Settings:
        return Settings(resolver=self.dns.resolver(), cafile=self.cafile, timeout=30.0, offline=True,
                        connect_timeout=3.0, endpoint_timeout=10.0)

    def browser(self, url: str) -> None:
        browse(url, self.cafile)


def _preset(path: Path, idp: OAuth2Server | None) -> Path:
    oauth = (f'\n[oauth2]\nclient_id = "{CLIENT_ID}"\nauthorization_endpoint = "{idp.base}/authorize"\n'
             f'token_endpoint = "{idp.base}/token"\nscopes = ["mail", "offline_access"]\n') if idp else ""
    path.write_text(f'name = "Org"\ndomains = ["org.test"]\n'
                    f'[[servers]]\nprotocol = "imap"\nhost = "{MAIL_HOST}"\nport = 993\nsecurity = "ssl"\n'
                    f'[[servers]]\nprotocol = "smtp"\nhost = "{MAIL_HOST}"\nport = 465\nsecurity = "ssl"\n'
                    f"{oauth}", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OAuthWorld]:
    work = tmp_path_factory.mktemp("oauth2-world")
    subnet = Subnet()
    dns_ip, mail_ip, idp_ip = subnet.take(), subnet.take(), subnet.take()
    certs = CertFactory(work / "certs")
    idp_leaf = certs.good(idp_ip)
    idp = OAuth2Server(idp_ip, 8443, server_context(idp_leaf.cert_pem, idp_leaf.key_pem)).start()
    # Dovecot's auth process runs as nobody: its passdb settings and the CA it trusts for the introspection
    # go where nobody can read them (pytest's own temp folder is private to root).
    shared = Path(tempfile.mkdtemp(prefix="dovecot-oauth2-"))
    shared.chmod(0o755)
    ca = shared / "ca.pem"
    shutil.copyfile(certs.ca_pem, ca)
    passdb = shared / "dovecot-oauth2.conf.ext"
    passdb.write_text(f"introspection_mode = post\nintrospection_url = {idp.base}/introspect\n"
                      f"username_attribute = username\nactive_attribute = active\nactive_value = true\n"
                      f"tls_ca_cert_file = {ca}\n")
    for path in (ca, passdb):
        path.chmod(0o644)
    extra = ("auth_mechanisms = plain login xoauth2 oauthbearer\n"
             f"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {passdb}\n}}\n")
    leaf = certs.good(MAIL_HOST)
    dns = start_dnsmasq(dns_ip, Zone().host(MAIL_HOST, mail_ip).mx("org.test", MAIL_HOST), work / "dns")
    try:
        dovecot = start_dovecot(mail_ip, leaf.cert_pem, leaf.key_pem, extra_conf=extra,
                                protocols=("imap", "submission"), users={})
    except BaseException:
        dns.stop()
        idp.stop()
        shutil.rmtree(shared, ignore_errors=True)
        raise
    w = OAuthWorld(dns, dovecot, idp, str(certs.ca_pem), _preset(work / "org.toml", idp),
                   _preset(work / "plain.toml", None))
    try:
        yield w
    finally:
        dovecot.stop()
        dns.stop()
        idp.stop()
        shutil.rmtree(shared, ignore_errors=True)


def _session(world: OAuthWorld) -> SetupSession:
    preset = load_preset(world.preset)
    session = SetupSession(preset.apply_settings(world.settings()), address=EmailAddress.parse(ADDRESS),
                           preset=preset, accept_recommended=True)
    session.discovery_finished(asyncio.run(session.discovery_job()))
    return session


def test_signs_in_on_the_organisations_page_with_xoauth2(world: OAuthWorld) -> None:
    world.idp.deny = False
    session = _session(world)
    assert session.oauth2_app is not None and session.oauth2_app.client_id == CLIENT_ID
    result = asyncio.run(session.oauth2_job(world.browser))
    assert result.ok, (result.incoming.message, result.outgoing.message)
    assert result.oauth2 and result.incoming.mechanism == "AUTHENTICATE XOAUTH2"
    assert result.outgoing.mechanism == "AUTH XOAUTH2" and result.incoming.username == ADDRESS
    assert session.signin_finished(result)
    assert session.outcome().reasons == ("oauth2_ok",)
    authorize = next(q for path, q in world.idp.requests if path == "/authorize")
    assert authorize["code_challenge_method"] == "S256" and authorize["login_hint"] == ADDRESS
    assert authorize["redirect_uri"].startswith("http://127.0.0.1:") and len(authorize["state"]) >= 20
    token = next(f for path, f in world.idp.requests if path == "/token")
    assert len(token["code_verifier"]) >= 43 and "client_secret" not in token  # a public client: PKCE
    assert any(path == "/introspect" for path, _ in world.idp.requests)  # Dovecot checked the token


def test_a_refusal_on_the_page_is_one_line_and_signs_in_to_nothing(world: OAuthWorld) -> None:
    world.idp.deny = True
    session = _session(world)
    asked = len(world.idp.requests)
    with pytest.raises(AssistantError) as caught:
        asyncio.run(session.oauth2_job(world.browser))
    assert caught.value.code == "oauth2_denied" and "access_denied" in str(caught.value)
    assert not any(path in ("/token", "/introspect") for path, _ in world.idp.requests[asked:])
    world.idp.deny = False


def test_a_token_dovecot_does_not_know_is_refused(world: OAuthWorld) -> None:
    """The token is what Dovecot checks: forget it at the identity provider and the sign-in fails."""
    world.idp.deny = False
    session = _session(world)
    original = world.idp.token

    def revoking(form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        status, headers, body = original(form)
        world.idp.tokens.clear()  # issued, but no longer active when Dovecot asks
        return status, headers, body

    world.idp.token = revoking  # type: ignore[method-assign]
    try:
        result = asyncio.run(session.oauth2_job(world.browser))
    finally:
        world.idp.token = original  # type: ignore[method-assign]
    assert result.incoming.code == "auth_failed" and result.outgoing.code == "auth_failed"


def _cli(world: OAuthWorld, preset: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BROWSER": f"{sys.executable} {REPO / 'tests' / 'support' / 'oauth2_server.py'} %s",
           "MSA_TEST_CAFILE": world.cafile}
    return subprocess.run([sys.executable, "-m", "assistant", "verify", ADDRESS, "--oauth2", "--preset",
                           str(preset), "--dns-server", str(world.dns.ip), "--cafile", world.cafile,
                           "--offline", "--timeout", "30"], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=90, stdin=subprocess.DEVNULL)


def test_verify_oauth2_on_the_command_line(world: OAuthWorld) -> None:
    world.idp.deny = False
    run = _cli(world, world.preset)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("OK incoming") and "OK outgoing" in run.stdout
    assert "Sign in on this page" in run.stderr and "/authorize?" in run.stderr
    without = _cli(world, world.plain_preset)
    assert without.returncode == 2
    assert "[oauth2] client_id" in without.stderr and without.stderr.count("\n") == 1
