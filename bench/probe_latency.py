"""How long a whole probe takes behind 50 ms of latency each way, against its critical path.

Run as root from the repository root (the servers bind port 53 and the mail ports on loopback addresses)::

    .venv/bin/python -m bench.probe_latency [--delay 0.05] [--runs 5] [--silent-timeout 3]

It starts a real dnsmasq and a real Dovecot on this run's own 127.A.B.0/24 (tests.support), puts the relay
(bench/relay.py) in front of both, and measures in-process ``discover()`` wall time for:

* ``srv``: SRV names implicit-TLS servers for IMAP, POP3 and SMTP (STARTTLS variants listed as well);
* ``starttls``: SRV names only STARTTLS servers (the longer conversation);
* ``guess``: no SRV, no autoconfig: Thunderbird-style guessing (compare: Thunderbird 153 ≈ 1.3 s here);
* ``silent``: the first-priority IMAP server accepts TCP and never speaks; run with ``--timeout``;
* ``autodiscover_ab``: the ``srv`` domain with and without the Autodiscover source, runs alternated (the
  machine may be shared), medians compared: the good path must not grow;
* ``*_vs_minimal``: the ``srv`` and ``starttls`` domains' whole discovery against bench/minimal_prober.py
  (SRV → address → TLS → capabilities for the six services at once, nothing else), alternated;
* ``*_where_the_time_goes``: the steps of the endpoint the run waited for last (bench/timeline.py).

Critical path = 2 DNS round trips (SRV, then the target's A/AAAA) + the slowest *necessary* endpoint
conversation measured alone (the best server of each protocol, IP literal, through the relay). Sequential =
every source, then every listed candidate, one after another. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.core.discovery.run import discover
from assistant.core.discovery.sources import SOURCES, SourceRun
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Candidate, DiscoveryResult, Protocol, Security
from assistant.core.net.dns import Resolver, ServerAddress
from assistant.core.net.settings import Settings
from assistant.core.protocols import Goodbyes, probe_endpoint
from bench import minimal_prober, timeline
from bench.relay import RelayThread
from tests.support.certs import CertFactory
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet

MAIL_PORTS = [993, 143, 995, 110, 465, 587]
BEST_SSL: list[tuple[Protocol, int, Security]] = [
    ("imap", 993, "ssl"), ("pop3", 995, "ssl"), ("smtp", 465, "ssl")]
BEST_STARTTLS: list[tuple[Protocol, int, Security]] = [("imap", 143, "starttls"), ("smtp", 587, "starttls")]
REPO = Path(__file__).resolve().parents[1]


@dataclass
class Bench:
    relay_ip: str
    direct_dns: str
    silent_ip: str
    cafile: str
    relay: RelayThread
    dns: Dnsmasq
    dovecot: DovecotHandle
    silent: socket.socket

    def settings(self, via_relay: bool = True, timeout: float = 10.0) -> Settings:
        server = ServerAddress(self.relay_ip if via_relay else self.direct_dns, 53)
        return Settings(resolver=Resolver(server, lifetime=5.0), cafile=self.cafile, timeout=timeout,
                        offline=True)

    def stop(self) -> None:
        self.silent.close()
        self.relay.stop()
        self.dovecot.stop()
        self.dns.stop()


def zone(relay_ip: str, mail_ip: str, silent_ip: str) -> Zone:
    z = Zone()
    for d, ip in (("bench.test", relay_ip), ("starttls.bench-st.test", relay_ip), ("guess.test", relay_ip),
                  ("direct.test", mail_ip), ("silent.test", relay_ip)):
        z.mx(d, f"mx.{d}").host(f"mx.{d}", ip)
    for name in ("imap", "pop", "smtp"):
        z.host(f"{name}.bench.test", relay_ip).host(f"{name}.guess.test", relay_ip)
        z.host(f"{name}.direct.test", mail_ip)
    for d in ("bench.test", "direct.test"):
        z.srv(f"_imaps._tcp.{d}", f"imap.{d}", 993).srv(f"_imap._tcp.{d}", f"imap.{d}", 143, priority=10)
        z.srv(f"_pop3s._tcp.{d}", f"pop.{d}", 995).srv(f"_pop3._tcp.{d}", f"pop.{d}", 110, priority=10)
        z.srv(f"_submissions._tcp.{d}", f"smtp.{d}", 465)
        z.srv(f"_submission._tcp.{d}", f"smtp.{d}", 587, priority=10)
    st = "starttls.bench-st.test"
    z.host(f"imap.{st}", relay_ip).host(f"smtp.{st}", relay_ip)
    z.srv(f"_imap._tcp.{st}", f"imap.{st}", 143).srv(f"_submission._tcp.{st}", f"smtp.{st}", 587)
    z.srv(f"_imaps._tcp.{st}", ".").srv(f"_submissions._tcp.{st}", ".")
    z.srv(f"_pop3s._tcp.{st}", ".").srv(f"_pop3._tcp.{st}", ".")
    z.host("hang.silent.test", silent_ip)
    z.host("imap.silent.test", relay_ip).host("smtp.silent.test", relay_ip)
    z.srv("_imaps._tcp.silent.test", "hang.silent.test", 993, priority=0)
    z.srv("_imaps._tcp.silent.test", "imap.silent.test", 993, priority=10)
    z.srv("_submissions._tcp.silent.test", "smtp.silent.test", 465)
    return z


def start(delay: float, workdir: Path) -> Bench:
    subnet = Subnet()
    dns_ip, relay_ip, mail_ip, silent_ip = subnet.take(), subnet.take(), subnet.take(), subnet.take()
    certs = CertFactory(workdir / "certs")
    names = [f"{n}.{d}" for n in ("imap", "pop", "smtp")
             for d in ("bench.test", "guess.test", "direct.test", "starttls.bench-st.test", "silent.test")]
    leaf = certs.good(*names, relay_ip, mail_ip)
    dovecot = start_dovecot(mail_ip, leaf.cert_pem, leaf.key_pem)
    dns = start_dnsmasq(dns_ip, zone(relay_ip, mail_ip, silent_ip), workdir / "dns")
    relay = RelayThread(delay)
    relay.dns(relay_ip, dns_ip)
    relay.tcp(relay_ip, mail_ip, MAIL_PORTS)
    silent = socket.socket()
    silent.bind((silent_ip, 993))
    silent.listen(64)
    return Bench(relay_ip, dns_ip, silent_ip, str(certs.ca_pem), relay, dns, dovecot, silent)


def timed_discover(b: Bench, address: str, via_relay: bool = True, timeout: float = 10.0,
                   sources: dict[str, SourceRun] | None = None) -> tuple[float, DiscoveryResult]:
    settings = b.settings(via_relay, timeout)
    t0 = time.perf_counter()
    result = asyncio.run(discover(EmailAddress.parse(address), settings, sources=sources))
    return time.perf_counter() - t0, result


def autodiscover_ab(b: Bench, address: str, runs: int) -> dict[str, Any]:
    """The same discovery with and without the Autodiscover source, alternated run by run."""
    without = {name: run for name, run in SOURCES.items() if name != "autodiscover"}
    walls: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(runs):
        for label, sources in (("with", None), ("without", without)):
            wall, result = timed_discover(b, address, sources=sources)
            if not result.usable():
                raise RuntimeError(f"{address}: nothing usable {label} Autodiscover")
            walls[label].append(wall)
    med = {k: statistics.median(v) for k, v in walls.items()}
    return {"with_median_s": round(med["with"], 3), "without_median_s": round(med["without"], 3),
            "difference_s": round(med["with"] - med["without"], 3),
            "with_runs_s": [round(w, 3) for w in walls["with"]],
            "without_runs_s": [round(w, 3) for w in walls["without"]]}


def versus_minimal(b: Bench, domain: str, runs: int) -> dict[str, Any]:
    """A whole discovery against the minimal prober (bench/minimal_prober.py), alternated run by run."""
    walls: dict[str, list[float]] = {"discover": [], "minimal": []}
    for i in range(runs):
        for label in ("discover", "minimal") if i % 2 == 0 else ("minimal", "discover"):
            if label == "discover":
                wall, result = timed_discover(b, f"alice@{domain}")
                if not result.usable():
                    raise RuntimeError(f"{domain}: discovery found nothing usable")
            else:
                t0 = time.perf_counter()
                found = asyncio.run(minimal_prober.probe(domain, b.relay_ip, b.cafile))
                wall = time.perf_counter() - t0
                if not found or any(not f.capabilities or f.tls_version is None for f in found):
                    raise RuntimeError(f"{domain}: the minimal prober did not verify every service: {found}")
            walls[label].append(wall)
    med = {k: statistics.median(v) for k, v in walls.items()}
    return {"discover_median_s": round(med["discover"], 3), "minimal_median_s": round(med["minimal"], 3),
            "ratio": round(med["discover"] / med["minimal"], 2),
            "discover_runs_s": [round(w, 3) for w in walls["discover"]],
            "minimal_runs_s": [round(w, 3) for w in walls["minimal"]]}


def breakdown(b: Bench, address: str, runs: int) -> dict[str, Any]:
    """Where one discovery's time goes: the steps of the endpoint it waited for last (median of ``runs``)."""
    traces = [timeline.traced_discover(address, b.settings()) for _ in range(runs)]
    walls = [wall for _r, _e, wall, _c in traces]
    result, events, wall, cpu = sorted(traces, key=lambda tr: tr[2])[len(traces) // 2]  # the median run
    critical = timeline.critical_endpoint(result, events)
    return {"wall_median_s": round(statistics.median(walls), 3), "this_run_s": round(wall, 3),
            "loop_thread_cpu_ms": round(cpu * 1000, 1), "critical_endpoint": critical,
            "steps_ms": [{"step": step, "at": round(at * 1000, 1), "took": round(took * 1000, 1)}
                         for step, at, took in (timeline.steps(events, critical) if critical else [])],
            "sources_done_ms": {where: round(at * 1000, 1) for at, where, step in events
                                if step == "source done"}}


def endpoint_alone(b: Bench, tries: list[tuple[Protocol, int, Security]]) -> dict[str, float]:
    """Each necessary conversation alone, by IP (no DNS), through the relay: the critical path's tail."""
    out: dict[str, float] = {}

    async def one(protocol: Protocol, port: int, security: Security) -> float:
        c = Candidate(protocol=protocol, host=b.relay_ip, port=port, security=security, source="manual")
        goodbyes = Goodbyes()  # as in a discovery: the goodbye is sent, not waited for
        t0 = time.perf_counter()
        r = await probe_endpoint(c, b.settings(), goodbyes=goodbyes)
        took = time.perf_counter() - t0
        goodbyes.abort()
        if not r.secure:
            raise RuntimeError(f"{protocol}:{port} did not verify: {r.status} {r.error}")
        return took

    for protocol, port, security in tries:
        out[f"{protocol}:{port}"] = statistics.median(
            asyncio.run(one(protocol, port, security)) for _ in range(3))
    return out


def sequential(b: Bench, address: str, result: DiscoveryResult) -> float:
    """The same work without concurrency: each source, then each listed candidate, one after another."""
    from assistant.core.model.address import parse_address

    addr = parse_address(address)
    settings = b.settings()

    async def run() -> None:
        for name, source in SOURCES.items():
            if name != "guess":
                await source(addr, settings)
        for r in result.candidates:
            await probe_endpoint(r.candidate, settings)

    t0 = time.perf_counter()
    asyncio.run(run())
    return time.perf_counter() - t0


def cli_wall(b: Bench, address: str, timeout: float) -> tuple[float, int]:
    args = [sys.executable, "-m", "assistant", "probe", address, "--dns-server", b.relay_ip, "--cafile",
            b.cafile, "--offline", "--timeout", str(timeout), "--json"]
    t0 = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, cwd=REPO, timeout=timeout + 30, check=False)
    return time.perf_counter() - t0, proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--delay", type=float, default=0.05, help="seconds added each way (default 0.05)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--silent-timeout", type=float, default=3.0)
    ap.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    ap.add_argument("--only-autodiscover", action="store_true",
                    help="measure only the SRV domain with and without the Autodiscover source")
    ap.add_argument("--only-minimal", action="store_true",
                    help="measure only discovery against the minimal prober, and where the time goes")
    args = ap.parse_args(argv)
    if os.geteuid() != 0:
        print("bench: run as root (the servers bind port 53 and the mail ports on loopback)", file=sys.stderr)
        return 2
    rtt = 2 * args.delay
    with tempfile.TemporaryDirectory(prefix="msa-bench-") as tmp:
        b = start(args.delay, Path(tmp))
        try:
            report = measure(b, args, rtt)
        finally:
            b.stop()
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


def measure(b: Bench, args: argparse.Namespace, rtt: float) -> dict[str, Any]:
    report: dict[str, Any] = {"delay_each_way_s": args.delay, "rtt_s": rtt, "runs": args.runs}
    timed_discover(b, "warm@bench.test")  # first run pays imports and the certificate cache
    for name, domain in (("srv", "bench.test"), ("starttls", "starttls.bench-st.test")):
        report[f"{name}_vs_minimal"] = versus_minimal(b, domain, args.runs)
        report[f"{name}_where_the_time_goes"] = breakdown(b, f"alice@{domain}", args.runs)
    if args.only_minimal:
        return report
    report["autodiscover_ab"] = autodiscover_ab(b, "alice@bench.test", args.runs)
    if args.only_autodiscover:
        return report
    for name, address, tries in (("srv", "alice@bench.test", BEST_SSL),
                                 ("starttls", "alice@starttls.bench-st.test", BEST_STARTTLS)):
        walls, last = [], None
        for _ in range(args.runs):
            wall, last = timed_discover(b, address)
            walls.append(wall)
        assert last is not None
        if not last.usable():
            raise RuntimeError(f"{address}: the bench world is broken, nothing usable was found")
        alone = endpoint_alone(b, tries)
        bound = 2 * rtt + max(alone.values())
        seq = sequential(b, address, last)
        median = statistics.median(walls)
        report[name] = {
            "wall_median_s": round(median, 3), "wall_min_s": round(min(walls), 3),
            "endpoint_alone_s": {k: round(v, 3) for k, v in alone.items()},
            "endpoint_alone_rtt": {k: round(v / rtt, 2) for k, v in alone.items()} if rtt else None,
            "critical_path_s": round(bound, 3), "critical_path_rtt": round(bound / rtt, 2) if rtt else None,
            "ratio_to_critical_path": round(median / bound, 2),
            "sequential_s": round(seq, 3), "speedup_vs_sequential": round(seq / median, 1),
            "candidates_listed": len(last.candidates),
        }
    guess = [timed_discover(b, "alice@guess.test")[0] for _ in range(args.runs)]
    direct = [timed_discover(b, "alice@direct.test", via_relay=False)[0] for _ in range(args.runs)]
    report["guess"] = {"wall_median_s": round(statistics.median(guess), 3), "thunderbird_153_s": 1.3}
    report["loopback_srv_no_delay"] = {"wall_median_s": round(statistics.median(direct), 3),
                                       "thunderbird_153_guess_s": 0.7}
    t = args.silent_timeout
    wall, result = timed_discover(b, "alice@silent.test", timeout=t)
    cli, code = cli_wall(b, "alice@silent.test", t)
    imap = result.recommended.get("imap")
    report["silent"] = {"timeout_s": t, "in_process_s": round(wall, 3), "over_timeout_s": round(wall - t, 3),
                        "cli_process_s": round(cli, 3), "cli_exit": code,
                        "recommended_imap": imap.candidate.host if imap else None}
    return report


if __name__ == "__main__":
    sys.exit(main())
