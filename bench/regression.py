"""Has a guessing-only discovery on loopback become slower? Compare against a stored baseline or a commit.

Run as root from the repository root (the servers bind port 53 and the mail ports on loopback addresses)::

    .venv/bin/python -m bench.regression                      # this tree against bench/baseline.json
    .venv/bin/python -m bench.regression --against /tmp/old   # this tree against another checkout, alternated
    .venv/bin/python -m bench.regression --tree /tmp/old      # another checkout against the stored baseline
    .venv/bin/python -m bench.regression --write-baseline     # store this tree's numbers as the baseline

The world: a real dnsmasq and a real Dovecot (IMAP, POP3, submission) on this run's own 127.A.B.0/24, no
added delay. The domain ``guess.test`` publishes nothing (no SRV, no autoconfig, no Autodiscover), so the
whole guessing matrix (30 candidates) is probed; ``imap.``, ``pop.`` and ``smtp.`` reach Dovecot, the other
guessed names do not exist. Each run is ``mail-setup-assistant probe --json`` in a fresh process
(bench/cli_child.py), as a person runs it; with ``--against`` the builds take turns run by run so the load
of a shared machine hits both alike. ``--warm`` instead times ``discover()`` again and again in one
long-lived process per build (bench/discover_child.py): the engine alone, without once-per-process costs.

Measured per run: ``elapsed_ms`` of the JSON (the run as the command reports it); the SRV source's "not
found" answers (on an idle loopback a DNS answer takes well under a millisecond, so anything more is time
the event loop was busy elsewhere); the CPU time spent inside event-loop callbacks (the work that makes
every answer wait — imports and list building during the run count here) and the longest one; the
process's CPU time (Python's start-up and every import included). CPU times hardly move with other
people's load; wall times do. Exit 1 when, against the stored baseline, the median loop CPU grew by more
than ``--loop-margin`` (25 %) or the process CPU by more than ``--cpu-margin`` (15 %); with ``--against``,
when the median ``elapsed_ms`` or process CPU is worse by more than ``--margin`` (10 %). Not a test: the
numbers depend on the machine; the stored baseline is this project's 2-core container.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tests.support.certs import CertFactory
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "bench" / "baseline.json"
ADDRESS = "alice@guess.test"
CANDIDATES = 30


@dataclass
class World:
    dns: Dnsmasq
    dovecot: DovecotHandle
    dns_ip: str
    cafile: str

    def stop(self) -> None:
        self.dovecot.stop()
        self.dns.stop()


def start_world(workdir: Path) -> World:
    subnet = Subnet()
    dns_ip, mail_ip = subnet.take(), subnet.take()
    certs = CertFactory(workdir / "certs")
    leaf = certs.good("imap.guess.test", "pop.guess.test", "smtp.guess.test", mail_ip)
    dovecot = start_dovecot(mail_ip, leaf.cert_pem, leaf.key_pem)
    z = Zone()
    z.mx("guess.test", "mx.guess.test").host("mx.guess.test", mail_ip)
    for name in ("imap", "pop", "smtp"):
        z.host(f"{name}.guess.test", mail_ip)
    dns = start_dnsmasq(dns_ip, z, workdir / "dns")
    return World(dns, dovecot, dns_ip, str(certs.ca_pem))


def _check(root: Path, probe: dict[str, Any]) -> None:
    found = probe.get("candidates", [])
    if len(found) != CANDIDATES or not any(probe.get("recommended", {}).values()):
        raise RuntimeError(f"{root}: expected {CANDIDATES} candidates and a recommendation, got {len(found)}")


def _srv_ms(probe: dict[str, Any]) -> list[int]:
    return [s["elapsed_ms"] for s in probe["sources"] if s["source"] == "srv" and s["outcome"] == "not_found"]


class Fresh:
    """One build, one ``probe --json`` process per run."""

    def __init__(self, root: Path, world: World) -> None:
        self.root = root
        self.args = [sys.executable, str(REPO / "bench" / "cli_child.py"), str(root), "probe", ADDRESS,
                     "--dns-server", world.dns_ip, "--cafile", world.cafile, "--offline", "--json"]

    def run(self) -> dict[str, Any]:
        proc = subprocess.run(self.args, cwd=self.root, capture_output=True, text=True, timeout=60,
                              check=False, env={**os.environ, "PYTHONPATH": str(self.root), "MSA_DEBUG": "1"})
        lines = [line for line in proc.stderr.splitlines() if line.startswith("BENCH ")]
        if not lines:
            raise RuntimeError(f"{self.root}: the probe process failed: {proc.stderr.strip()[-500:]}")
        stats = json.loads(lines[-1][6:])
        try:
            probe = json.loads(proc.stdout)
        except ValueError:
            raise RuntimeError(f"{self.root}: exit {stats['exit']}, no JSON: {proc.stderr[-800:]}") from None
        _check(self.root, probe)
        slow = stats["slow_callbacks"]
        return {"elapsed_ms": probe["elapsed_ms"], "srv_ms": _srv_ms(probe), "cpu_ms": stats["cpu_s"] * 1000,
                "process_ms": stats["wall_s"] * 1000, "loop_cpu_ms": stats["loop_cpu_s"] * 1000,
                "longest_callback_ms": max((s["ms"] for s in slow), default=0.0), "slow_callbacks": slow}

    def close(self) -> None:
        pass


class Warm:
    """One build's ``discover()`` run again and again in one process (bench/discover_child.py)."""

    def __init__(self, root: Path, world: World) -> None:
        self.root = root
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "bench" / "discover_child.py"), str(root), world.dns_ip,
             world.cafile],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(root)})

    def run(self) -> dict[str, Any]:
        stdin, stdout = self.proc.stdin, self.proc.stdout
        assert stdin is not None and stdout is not None
        stdin.write(ADDRESS + "\n")
        stdin.flush()
        line = stdout.readline()
        if not line:
            raise RuntimeError(f"{self.root}: the discovery process ended")
        out: dict[str, Any] = json.loads(line)
        if out["candidates"] != CANDIDATES or not out["usable"]:
            raise RuntimeError(f"{self.root}: expected {CANDIDATES} candidates and a result, got {out}")
        return {"elapsed_ms": out["wall_s"] * 1000, "srv_ms": out["srv_ms"], "cpu_ms": out["cpu_s"] * 1000}

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def med(key: str) -> float:
        return round(float(statistics.median(r[key] for r in runs)), 1)

    elapsed = [r["elapsed_ms"] for r in runs]
    srv = [ms for r in runs for ms in r["srv_ms"]]
    out = {"runs": len(runs), "elapsed_median_ms": med("elapsed_ms"),
           "elapsed_min_ms": round(min(elapsed), 1), "elapsed_max_ms": round(max(elapsed), 1),
           "cpu_median_ms": med("cpu_ms"),
           "srv_not_found_median_ms": statistics.median(srv) if srv else None,
           "srv_not_found_max_ms": max(srv) if srv else None}
    if "process_ms" in runs[0]:
        out["process_median_ms"] = med("process_ms")
        out["loop_cpu_median_ms"] = med("loop_cpu_ms")
        out["longest_callback_median_ms"] = med("longest_callback_ms")
    return out


def measure(builds: list[Fresh] | list[Warm], runs: int, warmup: int, log: IO[str]) -> list[dict[str, Any]]:
    try:
        for build in builds:
            for _ in range(warmup):
                build.run()
        results: list[list[dict[str, Any]]] = [[] for _ in builds]
        for i in range(runs):
            shift = i % len(builds)  # each build takes each place in the round equally often
            for k in [*range(shift, len(builds)), *range(shift)]:
                r = builds[k].run()
                results[k].append(r)
                slow = ", ".join(f"{s['what']} {s['ms']}" for s in r.get("slow_callbacks", ())
                                 if s["ms"] >= 5)
                print(f"run {i + 1:2d} {builds[k].root}: elapsed {r['elapsed_ms']:6.1f} ms, cpu "
                      f"{r['cpu_ms']:6.1f} ms, srv {r['srv_ms']}" + (f"; slow: {slow}" if slow else ""),
                      file=log, flush=True)
    finally:
        for build in builds:
            build.close()
    return [summary(r) for r in results]


def commit(root: Path) -> str | None:
    """The checkout's commit (and "+changes" when its tree differs), for the report."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+changes" if dirty else "")


def load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def compare(mine: dict[str, Any], ref: dict[str, Any], margins: dict[str, float]) -> int:
    """1 when a median is worse than the reference's by more than its margin; each verdict on stderr."""
    worse = [k for k, m in margins.items() if mine[k] > ref[k] * (1 + m)]
    for k, m in margins.items():
        verdict = "SLOWER" if k in worse else "ok"
        print(f"bench: {k}: {mine[k]} against {ref[k]} (+{m:.0%} allowed): {verdict}", file=sys.stderr)
    return 1 if worse else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--margin", type=float, default=0.10,
                    help="with --against (runs alternated): allowed slowdown of elapsed_ms and the process "
                         "CPU (default 0.10)")
    ap.add_argument("--cpu-margin", type=float, default=0.15,
                    help="against the stored baseline: allowed growth of the process CPU (default 0.15)")
    ap.add_argument("--loop-margin", type=float, default=0.25,
                    help="against the stored baseline: allowed growth of the CPU spent in event-loop "
                         "callbacks (default 0.25)")
    ap.add_argument("--against", metavar="DIR", type=Path, action="append", default=[],
                    help="another checkout to run alternately with this one (e.g. a git worktree of an old "
                         "commit) instead of the stored baseline; may be repeated, the first is compared")
    ap.add_argument("--warm", action="store_true", help="discover() again and again in one process per build")
    ap.add_argument("--tree", metavar="DIR", type=Path, default=REPO,
                    help="the checkout to measure (default: this one), e.g. an old commit to see that the "
                         "stored baseline catches it")
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    ap.add_argument("--write-baseline", action="store_true", help="store this tree's numbers as the baseline")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = ap.parse_args(argv)
    if os.geteuid() != 0:
        print("bench: run as root (the servers bind port 53 and the mail ports on loopback)", file=sys.stderr)
        return 2
    roots = [args.tree.resolve(), *(a.resolve() for a in args.against)]
    mode = "warm" if args.warm else "fresh"
    with tempfile.TemporaryDirectory(prefix="msa-regress-") as tmp:
        world = start_world(Path(tmp))
        try:
            builds = [Warm(r, world) for r in roots] if args.warm else [Fresh(r, world) for r in roots]
            load_before = load()
            stats = measure(builds, args.runs, args.warmup, sys.stderr)
            load_after = load()
        finally:
            world.stop()
    mine = stats[0]
    report: dict[str, Any] = {"address": ADDRESS, "mode": mode, "commit": commit(roots[0]),
                              "python": platform.python_version(),
                              "cpus": os.cpu_count(), "load_1min": [load_before, load_after], "this": mine}
    if args.against:
        report["against"] = [{"root": str(a), "commit": commit(a), **s}
                             for a, s in zip(args.against, stats[1:], strict=True)]
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    if args.write_baseline:
        stored = json.loads(args.baseline.read_text()) if args.baseline.exists() else {}
        stored[mode] = report
        args.baseline.write_text(json.dumps(stored, indent=2) + "\n")
        return 0
    if args.against:
        return compare(mine, stats[1], {"elapsed_median_ms": args.margin, "cpu_median_ms": args.margin})
    stored = json.loads(args.baseline.read_text()).get(mode) if args.baseline.exists() else None
    if stored is None:
        print(f"bench: no stored {mode} baseline in {args.baseline}", file=sys.stderr)
        return 0
    margins = {"cpu_median_ms": args.cpu_margin}
    if "loop_cpu_median_ms" in mine:
        margins["loop_cpu_median_ms"] = args.loop_margin
    return compare(mine, stored["this"], margins)


if __name__ == "__main__":
    sys.exit(main())
