"""A real DNS server for tests: dnsmasq answering a small in-memory zone on port 53 of a loopback address.

Names use the reserved ``.test`` TLD; ``local=/test/`` makes every unknown name under it NXDOMAIN, like a
real authoritative server. Usage::

    zone = Zone().srv("_imaps._tcp.example.test", "imap.example.test", 993).host("imap.example.test", ip)
    dns = start_dnsmasq(subnet.take(), zone, tmp_dir)
    ...  Resolver(ServerAddress(dns.ip, 53)) ...
    dns.stop()
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import dns.exception
import dns.message
import dns.query
import pytest

from assistant.core.net.dns import Resolver, ServerAddress


@dataclass
class Zone:
    """Records in dnsmasq's own syntax, built with small chainable helpers."""

    lines: list[str] = field(default_factory=list)

    def srv(self, name: str, target: str, port: int = 0, priority: int = 0, weight: int = 0) -> Zone:
        """An SRV record; ``target="."`` is the RFC 2782 "service not offered" answer."""
        if target == ".":
            self.lines.append(f"srv-host={name}")  # dnsmasq answers "0 0 1 ."
        else:
            self.lines.append(f"srv-host={name},{target},{port},{priority},{weight}")
        return self

    def mx(self, domain: str, host: str, preference: int = 10) -> Zone:
        self.lines.append(f"mx-host={domain},{host},{preference}")
        return self

    def host(self, name: str, *ips: str) -> Zone:
        """A/AAAA records (one host-record line holds up to one IPv4 and one IPv6 address)."""
        self.lines.append(f"host-record={name},{','.join(ips)}")
        return self

    def cname(self, alias: str, target: str) -> Zone:
        self.lines.append(f"cname={alias},{target}")
        return self

    def txt(self, name: str, text: str) -> Zone:
        self.lines.append(f'txt-record={name},"{text}"')
        return self

    def local(self, domain: str) -> Zone:
        """Answer for ``domain`` from this zone only (unknown names NXDOMAIN), like ``.test``: lets a test
        give real providers' names (outlook.office365.com) loopback addresses without asking anyone else."""
        self.lines.append(f"local=/{domain}/")
        return self


class Dnsmasq:
    """A running dnsmasq; ``stop()`` ends it by PID."""

    def __init__(self, ip: str, proc: subprocess.Popen[bytes], log: Path) -> None:
        self.ip = ip
        self.port = 53
        self.proc = proc
        self.log = log

    @property
    def server(self) -> ServerAddress:
        return ServerAddress(self.ip, self.port)

    def resolver(self, lifetime: float = 3.0) -> Resolver:
        return Resolver(self.server, lifetime=lifetime)

    def queries(self) -> list[str]:
        """Names asked so far, as "TYPE name" (from dnsmasq's query log)."""
        out = []
        for line in self.log.read_text(errors="replace").splitlines():
            if "query[" in line:
                part = line.split("query[", 1)[1]
                rtype, rest = part.split("]", 1)
                out.append(f"{rtype} {rest.split()[0]}")
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


def _binary() -> str:
    found = shutil.which("dnsmasq") or next(
        (p for p in ("/usr/sbin/dnsmasq", "/sbin/dnsmasq") if Path(p).exists()), None)
    if found is None:
        pytest.fail("dnsmasq is not installed: install dnsmasq-base (bash tests/run does)", pytrace=False)
    return found


def start_dnsmasq(ip: str, zone: Zone, workdir: Path) -> Dnsmasq:
    """Start dnsmasq in the foreground on ``ip``:53 serving ``zone``; wait until it answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / f"dnsmasq-{ip}.conf"
    log = workdir / f"dnsmasq-{ip}.log"
    conf.write_text("\n".join([
        "port=53", f"listen-address={ip}", "bind-interfaces", "no-resolv", "no-hosts", "no-poll",
        "local=/test/", "log-queries", f"log-facility={log}", "user=root", "group=root", "cache-size=0",
        *zone.lines, ""]))
    binary = _binary()
    check = subprocess.run([binary, "--test", f"--conf-file={conf}"], capture_output=True, text=True,
                           timeout=10)
    if check.returncode != 0:
        pytest.fail(f"dnsmasq refused the test zone: {check.stderr.strip()}", pytrace=False)
    proc = subprocess.Popen([binary, "--keep-in-foreground", f"--conf-file={conf}", "--pid-file="],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Dnsmasq(ip, proc, log)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            pytest.fail(f"dnsmasq on {ip}:53 exited at start: {err.strip()}", pytrace=False)
        try:
            dns.query.udp(dns.message.make_query("probe.test.", "A"), ip, port=53, timeout=0.2)
            return server
        except (dns.exception.Timeout, OSError):
            time.sleep(0.05)
    server.stop()
    pytest.fail(f"dnsmasq on {ip}:53 did not answer within 10 s", pytrace=False)
