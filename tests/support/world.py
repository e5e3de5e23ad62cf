"""The "test world" the probe tests run against: real dnsmasq, real Dovecot, a real web server, one subnet.

Each scenario is its own domain under ``.test`` (SRV, fallback, not offered, autoconfig, MX, guessing,
IDN, TLS faults, outside domain, silent server, Autodiscover), so one world built once per session serves
every test.
Servers with a faulty certificate each get their own address (Dovecot has one certificate per listener).
Built by :func:`build_world`; the ``probe_world`` fixture (tests/conftest.py) starts one on first use and
stops it by PID at the end; the GUI tests start their own (tests/gui/conftest.py).
"""

from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from assistant.core.model.results import DiscoveryResult
from assistant.core.net.settings import Settings
from assistant.resources import path as resource_path
from tests.support.certs import CertFactory
from tests.support.cli import msa
from tests.support.dnsmasq import Zone
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet
from tests.support.web import Response, Web, World, basic_auth, start_world

IDN_DOMAIN = "xn--bcher-kva.test"  # bücher.test
# Names served by the good Dovecot (all in its certificate).
GOOD_HOSTS = [
    "imap.srv.test", "smtp.srv.test", "pop.srv.test",
    "imap.fallback.test", "smtp.fallback.test",
    "imap.notoffered.test", "smtp.notoffered.test", "pop.notoffered.test", "pop3.notoffered.test",
    "imap.autocfg.test", "smtp.autocfg.test", "evil.attacker.test",
    "imap.httponly.test", "smtp.httponly.test", "mailhost.httponly.test", "smtp2.httponly.test",
    "imap.mailprovider.test", "smtp.mailprovider.test",
    "imap.guess.test", "smtp.guess.test",
    f"imap.{IDN_DOMAIN}", f"smtp.{IDN_DOMAIN}",
    "imap.provider-elsewhere.test", "smtp.outside.test",
    "imap.silent.test", "smtp.silent.test",
    "smtp.tlsbad.test", "imap.stale.test", "oldmail.stale.test", "smtp.stale.test",
    "imap.complete.test", "smtp.complete.test",
]
# One Dovecot (IMAP only) per certificate fault: name → CertFactory method.
BAD_CERTS = {
    "expired.tlsbad.test": "expired", "future.tlsbad.test": "not_yet_valid",
    "wronghost.tlsbad.test": "wrong_host", "selfsigned.tlsbad.test": "self_signed",
    "untrusted.tlsbad.test": "untrusted",
}
# A cPanel-like hosting machine: its Dovecot's certificate names only BOX, and the domains it hosts answer
# Outlook's Autodiscover with BOX (kimsite.test: its own service; srvad.test: through an SRV record to the
# hoster; httpad.test: only over plain HTTP, never read). exch.test answers like Exchange or mailcow: 401
# without the password, BOX for EXCH_USER's Basic credentials (whose mailbox on BOX exists from the
# start). Where the password must never go: exchaway.test's service redirects to one in another domain
# (hostingco.test) that asks for it; exchplain.test asks only over plain HTTP; exchredir.test sends a
# RedirectAddr to exch.test's address.
BOX = "box17.hostingco.test"
# A server whose certificate expires in 10 days (verified, so only the audit's heads-up): soon.test's SRV.
SOON_HOSTS = ["imap.soon.test", "smtp.soon.test"]
EXCH_USER, EXCH_PASSWORD = "pat@exch.test", "Pat's Exchange pw 3"  # test-only
EXCH_DOMAINS = ("exch.test", "exchaway.test", "exchplain.test", "exchredir.test")
WEB_HOSTS = ["autoconfig.autocfg.test", "autoconfig.httponly.test", "autoconfig.mailprovider.test",
             "autoconfig.stale.test", "autodiscover.kimsite.test", "autodiscover.hostingco.test",
             "autodiscover.httpad.test", *(f"autodiscover.{d}" for d in EXCH_DOMAINS),
             "autoconfig.complete.test", "autodiscover.complete.test"]


def autoconfig_xml(domain: str, servers: list[tuple[str, str, int, str]]) -> bytes:
    """A Thunderbird autoconfig file; ``servers`` are (type, host, port, socketType)."""
    parts = []
    for kind, host, port, socket_type in servers:
        tag = "outgoingServer" if kind == "smtp" else "incomingServer"
        parts.append(f'<{tag} type="{kind}"><hostname>{host}</hostname><port>{port}</port>'
                     f"<socketType>{socket_type}</socketType><username>%EMAILADDRESS%</username>"
                     f"<authentication>password-cleartext</authentication></{tag}>")
    body = "".join(parts)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">'
            f'<emailProvider id="{domain}"><domain>{domain}</domain>'
            f"<displayName>{domain} mail</displayName>{body}</emailProvider></clientConfig>\n").encode()


def autodiscover_xml(servers: list[tuple[str, str, int]], login: str | None = None,
                     extra: str = "") -> bytes:
    """An Outlook Autodiscover answer as cPanel writes it: ``servers`` are (type, host, port), SSL on, SPA
    off, the full address as LoginName; ``extra`` goes into <Protocol> (SPA, Encryption ...)."""
    parts = "".join(
        f"<Protocol><Type>{kind}</Type><Server>{host}</Server><Port>{port}</Port>"
        f"<DomainRequired>off</DomainRequired>{f'<LoginName>{login}</LoginName>' if login else ''}"
        f"{extra or '<SPA>off</SPA>'}<SSL>on</SSL><AuthRequired>on</AuthRequired></Protocol>"
        for kind, host, port in servers)
    return ('<?xml version="1.0" encoding="utf-8" ?>\n<Autodiscover '
            'xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">'
            '<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">'
            f"<User><DisplayName>{login or ''}</DisplayName></User><Account><AccountType>email</AccountType>"
            f"<Action>settings</Action>{parts}</Account></Response></Autodiscover>\n").encode()


def build_zone(good: str, bad: dict[str, str], dead: str, silent: str, inject: str, plain: str,
               box: str = "") -> Zone:
    z = Zone()
    for host in GOOD_HOSTS:
        z.host(host, good)
    for host, ip in bad.items():
        z.host(host, ip)
    for domain in ("srv.test", "fallback.test", "notoffered.test", "autocfg.test", "httponly.test",
                   "guess.test", IDN_DOMAIN, "outside.test", "silent.test", "tlsbad.test", "hostile.test"):
        z.mx(domain, f"mx.{domain}")
        z.host(f"mx.{domain}", good)
    # SRV found and recommended (implicit TLS preferred; STARTTLS listed too).
    z.srv("_imaps._tcp.srv.test", "imap.srv.test", 993).srv("_imap._tcp.srv.test", "imap.srv.test", 143)
    z.srv("_submissions._tcp.srv.test", "smtp.srv.test", 465)
    z.srv("_submission._tcp.srv.test", "smtp.srv.test", 587, priority=10)
    z.srv("_pop3s._tcp.srv.test", "pop.srv.test", 995)
    # Fallback past a dead first target.
    z.host("dead.fallback.test", dead)
    z.srv("_imaps._tcp.fallback.test", "dead.fallback.test", 993, priority=0)
    z.srv("_imaps._tcp.fallback.test", "imap.fallback.test", 993, priority=10)
    z.srv("_submissions._tcp.fallback.test", "smtp.fallback.test", 465)
    # "." = not offered: POP3 must not be guessed although pop./pop3. exist.
    z.srv("_pop3s._tcp.notoffered.test", ".").srv("_pop3._tcp.notoffered.test", ".")
    z.srv("_imaps._tcp.notoffered.test", "imap.notoffered.test", 993)
    z.srv("_submissions._tcp.notoffered.test", "smtp.notoffered.test", 465)
    # MX-based lookup: the MX host's domain publishes the settings.
    z.mx("mxbased.test", "mx1.mailprovider.test").host("mx1.mailprovider.test", good)
    # Certificate faults, one SRV target each.
    for prio, host in enumerate(sorted(bad)):
        z.srv("_imaps._tcp.tlsbad.test", host, 993, priority=prio)
    z.srv("_submissions._tcp.tlsbad.test", "smtp.tlsbad.test", 465)
    # A server in another registered domain named by unsigned DNS.
    z.srv("_imaps._tcp.outside.test", "imap.provider-elsewhere.test", 993)
    z.srv("_submissions._tcp.outside.test", "smtp.outside.test", 465)
    # A silent server ranked above a good one.
    z.host("hang.silent.test", silent)
    z.srv("_imaps._tcp.silent.test", "hang.silent.test", 993, priority=0)
    z.srv("_imaps._tcp.silent.test", "imap.silent.test", 993, priority=10)
    z.srv("_submissions._tcp.silent.test", "smtp.silent.test", 465)
    # A STARTTLS-injecting IMAP server (a fake the test starts at ``inject_ip``:143).
    z.host("inject.hostile.test", inject)
    z.srv("_imap._tcp.hostile.test", "inject.hostile.test", 143)
    z.srv("_submissions._tcp.hostile.test", "smtp.silent.test", 465)
    # A server with no encryption at all (Dovecot with ssl = no): IMAP, POP3 and submission in plaintext.
    z.srv("_imap._tcp.plain.test", "mail.plain.test", 143)
    z.srv("_pop3._tcp.plain.test", "mail.plain.test", 110)
    z.srv("_submission._tcp.plain.test", "mail.plain.test", 587)
    z.mx("plain.test", "mail.plain.test").host("mail.plain.test", plain)
    # The hosting machine: guessing mail.<domain> reaches it but its certificate names only BOX.
    z.host(BOX, box)
    for domain in ("kimsite.test", "srvad.test", "httpad.test", *EXCH_DOMAINS):
        z.mx(domain, f"mail.{domain}").host(f"mail.{domain}", box)
    z.srv("_autodiscover._tcp.srvad.test", "autodiscover.hostingco.test", 443)
    # A stale autoconfig file (oldmail.) against current SRV records (imap.): sources_disagree.
    z.mx("stale.test", "mx.stale.test").host("mx.stale.test", good)
    z.srv("_imaps._tcp.stale.test", "imap.stale.test", 993)
    z.srv("_submissions._tcp.stale.test", "smtp.stale.test", 465)
    # Everything a domain can publish, all agreeing: SRV (POP3 not offered), autoconfig and Autodiscover.
    z.srv("_imaps._tcp.complete.test", "imap.complete.test", 993)
    z.srv("_submissions._tcp.complete.test", "smtp.complete.test", 465)
    z.srv("_pop3s._tcp.complete.test", ".").srv("_pop3._tcp.complete.test", ".")
    return z


@dataclass
class CliRun:
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def json(self) -> dict[str, Any]:
        data = json.loads(self.stdout)
        assert isinstance(data, dict)
        return data


@dataclass
class ProbeWorld:
    base: World
    cafile: str
    good_ip: str
    dead_ip: str
    silent_ip: str
    inject_ip: str
    plain_ip: str = ""
    dovecots: list[DovecotHandle] = field(default_factory=list)
    silent: socket.socket | None = None

    @property
    def dns_server(self) -> str:
        return str(self.base.dns.ip)

    def settings(self, timeout: float = 10.0) -> Settings:
        return Settings(resolver=self.base.dns.resolver(), cafile=self.cafile, timeout=timeout,
                        offline=True, connect_timeout=3.0, endpoint_timeout=min(8.0, timeout))

    def options(self, timeout: float = 15.0) -> list[str]:
        """The command-line options that point a command at this world."""
        return ["--dns-server", self.dns_server, "--cafile", self.cafile, "--offline",
                "--timeout", str(timeout)]

    def cli(self, address: str, *extra: str, timeout: float = 10.0, json_out: bool = True) -> CliRun:
        """``probe ADDRESS`` against this world, timed."""
        args = ["probe", address, *self.options(timeout), *extra, *(["--json"] if json_out else [])]
        start = time.monotonic()
        proc = msa(*args, timeout=timeout + 30, text=True)
        return CliRun(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)

    def stop(self) -> None:
        if self.silent is not None:
            self.silent.close()
        for d in self.dovecots:
            d.stop()
        self.base.stop()


def build_world(workdir: Path) -> ProbeWorld:
    """Start everything; on any failure stop what already runs and re-raise."""
    subnet = Subnet()
    good_ip, dead_ip, silent_ip, inject_ip = subnet.take(), subnet.take(), subnet.take(), subnet.take()
    plain_ip, box_ip = subnet.take(), subnet.take()
    bad_ips = {host: subnet.take() for host in BAD_CERTS}
    certs = CertFactory(workdir / "mail-certs")
    zone = build_zone(good_ip, bad_ips, dead_ip, silent_ip, inject_ip, plain_ip, box_ip)
    soon_ip = subnet.take()
    for host in SOON_HOSTS:
        zone.host(host, soon_ip)
    zone.srv("_imaps._tcp.soon.test", "imap.soon.test", 993)
    zone.srv("_submissions._tcp.soon.test", "smtp.soon.test", 465)
    base = start_world(workdir / "web", subnet, WEB_HOSTS, zone)
    cafile = workdir / "trusted.pem"  # the web world's CA and ours: what --cafile points at
    cafile.write_bytes(Path(base.cafile).read_bytes() + certs.ca_pem.read_bytes())
    world = ProbeWorld(base, str(cafile), good_ip, dead_ip, silent_ip, inject_ip, plain_ip)
    try:
        leaf = certs.good(*GOOD_HOSTS)
        world.dovecots.append(start_dovecot(good_ip, leaf.cert_pem, leaf.key_pem))
        for host, method in BAD_CERTS.items():
            bad = getattr(certs, method)(host)
            world.dovecots.append(start_dovecot(bad_ips[host], bad.cert_pem, bad.key_pem,
                                                protocols=("imap",)))
        soon = certs.expiring(*SOON_HOSTS, days=10)
        world.dovecots.append(start_dovecot(soon_ip, soon.cert_pem, soon.key_pem,
                                            protocols=("imap", "submission")))
        plain_leaf = certs.good("mail.plain.test")  # written to Dovecot's directory, never used (ssl = no)
        world.dovecots.append(start_dovecot(plain_ip, plain_leaf.cert_pem, plain_leaf.key_pem, tls=False))
        box_leaf = certs.good(BOX)
        # pat's mailbox is there from the start: an account added later is not seen by Dovecot for the rest
        # of a second in which it already read its passwd-file (db-passwd-file.c syncs once per second).
        world.dovecots.append(start_dovecot(box_ip, box_leaf.cert_pem, box_leaf.key_pem,
                                            users={"alice@example.test": "s3cret", EXCH_USER: EXCH_PASSWORD}))
        # Accepts TCP connections (the kernel completes them) and never says a word.
        world.silent = socket.socket()
        world.silent.bind((silent_ip, 993))
        world.silent.listen(64)
        web = base.web
        web.route("autoconfig.autocfg.test", "/mail/config-v1.1.xml", Response(autoconfig_xml(
            "autocfg.test", [("imap", "imap.autocfg.test", 993, "SSL"),
                             ("smtp", "smtp.autocfg.test", 465, "SSL")])), scheme="https")
        web.route("autoconfig.autocfg.test", "/mail/config-v1.1.xml", Response(autoconfig_xml(
            "autocfg.test", [("imap", "evil.attacker.test", 993, "SSL"),
                             ("smtp", "evil.attacker.test", 465, "SSL")])), scheme="http")
        web.route("autoconfig.httponly.test", "/mail/config-v1.1.xml", Response(autoconfig_xml(
            "httponly.test", [("imap", "mailhost.httponly.test", 993, "SSL"),
                              ("smtp", "smtp2.httponly.test", 465, "SSL")])), scheme="http")
        web.route("autoconfig.mailprovider.test", "/mail/config-v1.1.xml", Response(autoconfig_xml(
            "mailprovider.test", [("imap", "imap.mailprovider.test", 993, "SSL"),
                                  ("smtp", "smtp.mailprovider.test", 465, "SSL")])), scheme="https")
        web.route("autoconfig.stale.test", "/mail/config-v1.1.xml", Response(autoconfig_xml(
            "stale.test", [("imap", "oldmail.stale.test", 993, "SSL"),
                           ("smtp", "smtp.stale.test", 465, "SSL")])), scheme="https")
        web.route("autoconfig.complete.test", "/mail/config-v1.1.xml", Response(autoconfig_xml(
            "complete.test", [("imap", "imap.complete.test", 993, "SSL"),
                              ("smtp", "smtp.complete.test", 465, "SSL")])), scheme="https")
        web.route("autodiscover.complete.test", "/autodiscover/autodiscover.xml", Response(autodiscover_xml(
            [("IMAP", "imap.complete.test", 993), ("SMTP", "smtp.complete.test", 465)])), scheme="https")
        cpanel = autodiscover_xml([("IMAP", BOX, 993), ("POP3", BOX, 995), ("SMTP", BOX, 465)])
        for host, scheme in (("autodiscover.kimsite.test", "https"), ("autodiscover.hostingco.test", "https"),
                             ("autodiscover.httpad.test", "http")):
            web.route(host, "/autodiscover/autodiscover.xml", Response(cpanel), scheme=scheme)
        exch_route(web)
    except RuntimeError as exc:
        world.stop()
        pytest.fail(f"could not start the test world: {exc}", pytrace=False)
    except BaseException:
        world.stop()
        raise
    return world


AD_PATH = "/autodiscover/autodiscover.xml"


def exch_route(web: Web) -> None:
    """exch.test's Autodiscover asks for the password (Exchange's three challenges) and names BOX's
    IMAP and SMTP for EXCH_USER's; the services of EXCH_DOMAINS where the password must never go."""
    answer = Response(autodiscover_xml([("IMAP", BOX, 993), ("SMTP", BOX, 465)], EXCH_USER))
    exchange = 'Negotiate, NTLM, Basic realm="autodiscover.exch.test"'
    web.route("autodiscover.exch.test", AD_PATH, basic_auth(EXCH_USER, EXCH_PASSWORD, answer, exchange),
              scheme="https")
    away = "https://autodiscover.hostingco.test/exch/autodiscover.xml"
    web.route("autodiscover.exchaway.test", AD_PATH, Response(status=302, headers=[("Location", away)]),
              scheme="https")
    web.route("autodiscover.hostingco.test", "/exch/autodiscover.xml",
              basic_auth(EXCH_USER, EXCH_PASSWORD, answer), scheme="https")
    web.route("autodiscover.exchplain.test", AD_PATH, basic_auth(EXCH_USER, EXCH_PASSWORD, answer),
              scheme="http")
    redirect = (b'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/'
                b'exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/'
                b'exchange/autodiscover/outlook/responseschema/2006a"><Account><Action>redirectAddr</Action>'
                b"<RedirectAddr>" + EXCH_USER.encode() + b"</RedirectAddr></Account></Response>"
                b"</Autodiscover>")
    web.route("autodiscover.exchredir.test", AD_PATH, Response(redirect), scheme="https")


def _strict(node: Any) -> Any:
    """The schema with every described object closed: output fields the schema forgot fail the tests."""
    if isinstance(node, dict):
        out = {k: _strict(v) for k, v in node.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [_strict(v) for v in node]
    return node


_VALIDATOR: jsonschema.Draft202012Validator | None = None


def validate(document: dict[str, Any]) -> None:
    """Every JSON a test produces must match the published schema, and the schema must describe all of it."""
    global _VALIDATOR
    if _VALIDATOR is None:
        schema = json.loads(resource_path("schemas", "probe.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATOR = jsonschema.Draft202012Validator(_strict(schema))
    _VALIDATOR.validate(document)


def checked(result: DiscoveryResult) -> dict[str, Any]:
    """The result's JSON form, validated against the schema."""
    doc = json.loads(json.dumps(result.to_dict()))
    validate(doc)
    return doc


def add_accounts(world: ProbeWorld, accounts: dict[str, str]) -> None:
    """Create mailboxes on every Dovecot of the world: its passwd-file is re-read when it changes.

    Dovecot looks at the file at most once per second (db-passwd-file.c ``passwd_file_sync`` skips a lookup
    in the second of its last look), so a sign-in in the second the file changed may not see the new
    mailbox when another sign-in looked just before the change: the accounts are there once that second
    is over. Returns only then (at most a second later, and only when something was written).
    """
    written = False
    for d in world.dovecots:
        passwd = d.directory / "passwd"
        known = {line.split(":", 1)[0] for line in passwd.read_text().splitlines()}
        new = [f"{u}:{{PLAIN}}{pw}::::::\n" for u, pw in accounts.items() if u not in known]
        if new:
            with passwd.open("a") as fh:
                fh.writelines(new)
            written = True
        d.users.update(accounts)
    if written:
        done = int(time.time())
        while int(time.time()) == done:  # the clock, not another process: Dovecot's one-second view
            time.sleep(0.05)
