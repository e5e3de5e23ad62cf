"""How fast and how lean ``audit`` is for many customer domains on one shared server, over loopback.

Run as root from the repository root (the servers bind port 53, 80/443 and the mail ports)::

    .venv/bin/python -m bench.audit_scale [--sizes 100,1000,10000] [--jobs 32] [--per-ip 4] [--json FILE]

The world is a hoster's: one real Dovecot (``mail.hoster.test``: IMAP, POP3, submission), one web server
with the hoster's own autoconfig file (``autoconfig.hoster.test``, which Thunderbird's MX-based lookup
finds) and a real dnsmasq holding a generated zone of N customer domains, each with an MX record to
``mx.hoster.test`` and the RFC 6186 SRV records ``_imaps``, ``_pop3s`` and ``_submissions`` pointing at
``mail.hoster.test`` (records live 5 minutes, as real zones' do). For each size the whole command runs as
its own process (``audit --batch LIST --json -o FILE``, Python's start-up included): wall time, domains per
minute and the process's peak memory (``wait4``'s maximum resident set size). Not a test: the numbers
depend on the machine and on what else runs on it, so the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support.certs import CertFactory
from tests.support.dnsmasq import Zone
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet
from tests.support.web import Response, World, start_world

REPO = Path(__file__).resolve().parents[1]
HOSTER = "hoster.test"
MAIL = f"mail.{HOSTER}"


def customer(i: int) -> str:
    return f"customer{i:05d}.test"


def hoster_autoconfig() -> bytes:
    servers = "".join(
        f'<{tag} type="{kind}"><hostname>{MAIL}</hostname><port>{port}</port><socketType>SSL</socketType>'
        f"<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></{tag}>"
        for tag, kind, port in (("incomingServer", "imap", 993), ("incomingServer", "pop3", 995),
                                ("outgoingServer", "smtp", 465)))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">'
            f'<emailProvider id="{HOSTER}"><domain>{HOSTER}</domain><displayName>Hoster</displayName>'
            f"{servers}</emailProvider></clientConfig>\n").encode()


def zone(n: int, mail_ip: str) -> Zone:
    z = Zone()
    z.lines.append("local-ttl=300")  # real zones' records live minutes, not zero seconds
    z.host(MAIL, mail_ip).host(f"mx.{HOSTER}", mail_ip)
    for i in range(n):
        d = customer(i)
        z.mx(d, f"mx.{HOSTER}")
        z.srv(f"_imaps._tcp.{d}", MAIL, 993).srv(f"_pop3s._tcp.{d}", MAIL, 995)
        z.srv(f"_submissions._tcp.{d}", MAIL, 465)
    return z


class Hoster:
    def __init__(self, n: int, workdir: Path) -> None:
        subnet = Subnet()
        mail_ip = subnet.take()
        certs = CertFactory(workdir / "mail-certs")
        leaf = certs.good(MAIL, f"mx.{HOSTER}")
        self.dovecot: DovecotHandle = start_dovecot(mail_ip, leaf.cert_pem, leaf.key_pem)
        try:
            self.world: World = start_world(workdir / "web", subnet, [f"autoconfig.{HOSTER}"],
                                            zone(n, mail_ip))
        except BaseException:
            self.dovecot.stop()
            raise
        self.world.web.route(f"autoconfig.{HOSTER}", "/mail/config-v1.1.xml", Response(hoster_autoconfig()),
                             scheme="https")
        self.cafile = workdir / "trusted.pem"
        self.cafile.write_bytes(Path(self.world.cafile).read_bytes() + certs.ca_pem.read_bytes())

    def stop(self) -> None:
        self.world.stop()
        self.dovecot.stop()


def run_audit(h: Hoster, listing: Path, out: Path, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "assistant", "audit", "--batch", str(listing), "--json", "-o", str(out),
           "--force", "--no-progress", "--dns-server", str(h.world.dns.ip), "--cafile", str(h.cafile),
           "--offline", "--jobs", str(args.jobs), "--per-ip", str(args.per_ip), "--timeout", "20"]
    load = os.getloadavg()[0]
    errors = out.with_suffix(".stderr")
    start = time.perf_counter()
    with errors.open("wb") as err_file:  # a file, not a pipe: a full pipe would stall the audit
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err_file)
        _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = errors.read_text(errors="replace")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    verdicts = Counter(r["verdict"] for r in records)
    errors_seen = Counter(str(r["error"])[:120] for r in records if r.get("error"))
    n = sum(verdicts.values())
    return {"domains": n, "exit": os.waitstatus_to_exitcode(status), "wall_s": round(wall, 2),
            "domains_per_minute": round(n / wall * 60), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "verdicts": dict(verdicts),
            "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2),
            "errors": dict(errors_seen.most_common(3)), "stderr_lines": len(err.splitlines()),
            "stderr_tail": err.strip().splitlines()[-1:]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated numbers of domains")
    ap.add_argument("--jobs", type=int, default=32)
    ap.add_argument("--per-ip", type=int, default=4)
    ap.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = ap.parse_args(argv)
    if os.geteuid() != 0:
        print("bench: run as root (the servers bind port 53, 80/443 and the mail ports)", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, Any] = {"cpus": os.cpu_count(), "jobs": args.jobs, "per_ip": args.per_ip, "runs": []}
    with tempfile.TemporaryDirectory(prefix="msa-audit-bench-") as tmp:
        work = Path(tmp)
        h = Hoster(max(sizes), work)
        try:
            for n in sizes:
                listing = work / f"list-{n}.txt"
                listing.write_text("".join(customer(i) + "\n" for i in range(n)))
                result = run_audit(h, listing, work / f"out-{n}.jsonl", args)
                print(json.dumps(result), flush=True)
                report["runs"].append(result)
        finally:
            h.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
