"""A loopback world where two custom domains live at Microsoft 365 and Google Workspace (issue 19).

The test DNS server (dnsmasq) gives ``contoso-ms.test`` the MX ``contoso-ms-test.mail.protection.outlook.com``
and ``workspace.test`` the MX ``aspmx.l.google.com``, and answers for the providers' own server names
(``outlook.office365.com``, ``imap.gmail.com`` …) with loopback addresses — in the tests only: the names are
``local=`` there, so nothing is asked upstream. A local HTTPS server stands in for the ISPDB
(``--ispdb-url https://ispdb.test/v1.1/``) and serves our own provider files from ``tests/data/ispdb``. The
mail servers are fakes (``tests/support/fakeserver.py``: no real server answers as Microsoft's or Google's
does) with certificates from the test CA for those names, and they record every password that arrives.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from assistant.core.net.settings import Settings
from tests.support.certs import CertFactory
from tests.support.dnsmasq import Zone
from tests.support.fakeserver import GOOGLE, MICROSOFT, MailFake
from tests.support.loopback import Subnet
from tests.support.web import Response, World, server_context, start_world

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "ispdb"
ISPDB_HOST = "ispdb.test"
ISPDB_URL = f"https://{ISPDB_HOST}/v1.1/"

M365_DOMAIN = "contoso-ms.test"
M365_MX = "contoso-ms-test.mail.protection.outlook.com"
WORKSPACE_DOMAIN = "workspace.test"
WORKSPACE_MX = ("aspmx.l.google.com", "alt1.aspmx.l.google.com")
MICROSOFT_HOSTS = ("outlook.office365.com", "smtp.office365.com")
GOOGLE_HOSTS = ("imap.gmail.com", "pop.gmail.com", "smtp.gmail.com")
# Google's MX, but SRV names servers of another provider: recognising Google must not vouch for them.
MIXED_DOMAIN = "mixed.test"
OTHER_HOSTS = ("imap.other-provider.test", "smtp.other-provider.test")
# The domains whose names the test DNS answers itself (everything else in them is NXDOMAIN).
LOCAL = ("outlook.com", "office365.com", "google.com", "gmail.com", "googlemail.com")
# ISPDB answers: the name asked (the address's domain or the MX-based lookup's) → our provider file.
ISPDB = {"mail.protection.outlook.com": "office365.com.xml", "office365.com": "office365.com.xml",
         "outlook.com": "outlook.com.xml", "google.com": "gmail.com.xml", "gmail.com": "gmail.com.xml"}
APP_PASSWORD = "abcd efgh ijkl mnop"  # the one password the Google fake accepts (an app password)


@dataclass
class CliRun:
    returncode: int
    stdout: str
    stderr: str


@dataclass
class ProviderWorld:
    base: World
    cafile: str
    microsoft: MailFake
    google: MailFake

    @property
    def dns_server(self) -> str:
        return str(self.base.dns.ip)

    def settings(self, timeout: float = 15.0) -> Settings:
        return Settings(resolver=self.base.dns.resolver(), cafile=self.cafile, timeout=timeout, offline=False,
                        ispdb_url=ISPDB_URL, connect_timeout=3.0, endpoint_timeout=min(8.0, timeout))

    def options(self, timeout: float = 15.0) -> list[str]:
        return ["--dns-server", self.dns_server, "--cafile", self.cafile, "--timeout", str(timeout),
                "--ispdb-url", ISPDB_URL]

    def cli(self, *args: str, env: dict[str, str] | None = None, timeout: float = 15.0) -> CliRun:
        import os
        full = [sys.executable, "-m", "assistant", *args, *self.options(timeout)]
        proc = subprocess.run(full, capture_output=True, text=True, cwd=REPO, timeout=timeout + 60,
                              env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)
        return CliRun(proc.returncode, proc.stdout, proc.stderr)

    def reset(self) -> None:
        """Forget what the fakes received (each test proves its own run sent no password)."""
        for fake in (self.microsoft, self.google):
            fake.passwords.clear()
            fake.received.clear()

    def stop(self) -> None:
        for fake in (self.microsoft, self.google):
            fake.stop()
        self.base.stop()


def build_provider_world(workdir: Path) -> ProviderWorld:
    subnet = Subnet()
    ms_ip, google_ip = subnet.take(), subnet.take()
    zone = Zone()
    for domain in LOCAL:
        zone.local(domain)
    zone.mx(M365_DOMAIN, M365_MX, 0)
    for pref, host in enumerate(WORKSPACE_MX):
        zone.mx(WORKSPACE_DOMAIN, host, 1 + 4 * pref)
    for host in MICROSOFT_HOSTS:
        zone.host(host, ms_ip)
    for host in (*GOOGLE_HOSTS, *OTHER_HOSTS):
        zone.host(host, google_ip)
    zone.mx(MIXED_DOMAIN, WORKSPACE_MX[0], 1)
    zone.srv(f"_imaps._tcp.{MIXED_DOMAIN}", OTHER_HOSTS[0], 993)
    zone.srv(f"_submissions._tcp.{MIXED_DOMAIN}", OTHER_HOSTS[1], 465)
    base = start_world(workdir / "web", subnet, [ISPDB_HOST], zone)
    mail_certs = CertFactory(workdir / "mail-certs")
    cafile = workdir / "trusted.pem"
    cafile.write_bytes(Path(base.cafile).read_bytes() + mail_certs.ca_pem.read_bytes())
    leaf = mail_certs.good(*MICROSOFT_HOSTS, *GOOGLE_HOSTS, *OTHER_HOSTS)
    tls = server_context(leaf.cert_pem, leaf.key_pem)
    for name, file in ISPDB.items():
        answer = Response((DATA / file).read_bytes(), content_type="text/xml")
        base.web.route(ISPDB_HOST, f"/v1.1/{name}", answer, scheme="https")
    microsoft = MailFake(ms_ip, tls, MICROSOFT)
    google = MailFake(google_ip, tls, replace(GOOGLE, accept=frozenset({APP_PASSWORD})))
    try:
        microsoft.start()
        google.start()
    except BaseException:
        for fake in (microsoft, google):
            if getattr(fake, "_thread", None) is not None:
                fake.stop()
        base.stop()
        raise
    return ProviderWorld(base, str(cafile), microsoft, google)


@pytest.fixture(scope="session")
def provider_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProviderWorld]:
    world = build_provider_world(tmp_path_factory.mktemp("provider-world"))
    try:
        yield world
    finally:
        world.stop()

