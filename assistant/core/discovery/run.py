"""The whole-probe engine: every source and every candidate at once, inside one deadline.

Speed comes from never waiting on a slow step another step does not need: all sources start together, each
candidate is probed the moment a source names it, and guesses start speculatively at once (Thunderbird waits
for every source to fail first, which costs seconds). Correctness comes from settling late: guesses for a
protocol are dropped as soon as a trusted source names servers for it or SRV says it is not offered; a probe
already running for an endpoint a source later names is kept and relabelled, not repeated; lower-ranked
probes are stopped once a better server of the same protocol is verified, and listed with ``stopped``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Iterable
from typing import Any

from assistant.core.discovery import providers, rank
from assistant.core.discovery.sources import SOURCES, SourceRun
from assistant.core.discovery.suggest import tld_is_real
from assistant.core.model.address import EmailAddress
from assistant.core.model.progress import ProgressCallback, ProgressEvent
from assistant.core.model.provider import SignIn
from assistant.core.model.results import (
    PROTOCOLS,
    Candidate,
    DiscoveryResult,
    Finding,
    MxRecord,
    ProbeResult,
    Protocol,
    SourceOutcome,
    SourceReport,
    SrvRecord,
)
from assistant.core.net.dns import DnsError, NoSuchDomain, Resolver
from assistant.core.net.settings import Settings
from assistant.core.protocols import Goodbyes, probe_endpoint
from assistant.core.words.errors import DomainError
from assistant.core.words.messages import Message
from assistant.core.words.vocabulary import SOURCES as SOURCE_TABLE
from assistant.core.words.vocabulary import endpoint_key, progress_label

Key = tuple[str, str, int, str]


class _SharedResolver(Resolver):
    """The run's resolver with host addresses looked up once and shared by every probe of that host.

    Guessing probes the same few hosts on several ports; one A/AAAA lookup per host instead of one per port
    keeps the DNS server's load (and, at high latency, the critical path) down.
    """

    def __init__(self, inner: Resolver) -> None:
        # Not super().__init__: that would build a second dnspython resolver; share the inner one's state.
        self.__dict__.update(inner.__dict__)
        self._inner = inner
        self._hosts: dict[str, asyncio.Task[list[str]]] = {}

    async def addresses(self, host: str, lifetime: float | None = None) -> list[str]:
        key = host.lower().rstrip(".")
        task = self._hosts.get(key)
        if task is None:
            task = asyncio.ensure_future(self._inner.addresses(host, lifetime))
            self._hosts[key] = task
        return await asyncio.shield(task)

    def close(self) -> None:
        for task in self._hosts.values():
            task.cancel()
            if task.done() and not task.cancelled():
                task.exception()  # mark retrieved so asyncio does not log it


def _label(c: Candidate) -> str:
    return f"{c.protocol.upper()} {c.host}:{c.port} ({c.security})"


def _authoritative(source: str) -> bool:
    """Whether a source's word is good enough to stop guessing that protocol (vocabulary.SOURCES)."""
    entry = SOURCE_TABLE.get(source)
    return entry is not None and entry.authoritative


def _key(c: Candidate) -> str:
    return endpoint_key(c.protocol, c.host, c.port, c.security)


class _Run:
    """One discovery run's moving parts; ``execute`` is the only entry point."""

    def __init__(self, addr: EmailAddress, settings: Settings, progress: ProgressCallback | None,
                 sources: dict[str, SourceRun]) -> None:
        self.addr = addr
        self.resolver = _SharedResolver(settings.resolver)
        self.settings = dataclasses.replace(settings, resolver=self.resolver)
        self.progress = progress
        self.sources = sources
        self.loop = asyncio.get_running_loop()
        self.t0 = self.loop.time()
        self.best: dict[Key, Candidate] = {}  # endpoint → its best label
        self.running: dict[asyncio.Task[ProbeResult], Key] = {}
        self.started_at: dict[Key, float] = {}
        self.results: dict[Key, ProbeResult] = {}
        self.source_tasks: dict[asyncio.Task[SourceOutcome], str] = {}
        self.sourced: set[str] = set()  # protocols an authoritative source named servers for
        self.not_offered: set[Protocol] = set()
        self.outcomes: list[SourceOutcome] = []
        self.reports: list[SourceReport] = []
        self.domain_missing = False
        self.dns_check: asyncio.Task[None] | None = None
        self.dns_failure: object = None  # a messages.Message (or English text) saying why DNS failed
        self.nxdomain = False
        self.all_tasks: list[asyncio.Task[Any]] = []
        self.goodbyes = Goodbyes()  # probed connections left closing; aborted when the run ends

    # --- bookkeeping ----------------------------------------------------------------------------------

    def ms(self, since: float | None = None) -> int:
        return int(((self.loop.time()) - (self.t0 if since is None else since)) * 1000)

    def emit(self, kind: str, key: str, label: str, state: str, detail: str | None = None) -> None:
        if self.progress is not None:
            self.progress(ProgressEvent(kind=kind, label=label, state=state, detail=detail,
                                        elapsed_ms=self.ms(), key=key))

    def best_verified(self, protocol: str) -> Candidate | None:
        found = [self.best[k] for k, r in self.results.items()
                 if k[0] == protocol and rank.recommendable(r)]
        return min(found, key=rank.candidate_key) if found else None

    def outranked(self, c: Candidate) -> bool:
        """Not worth waiting for: a better server of its protocol is verified.

        Servers the person or an organisation's preset named ("manual") are always probed to the end,
        since a policy may prefer them over whatever discovery ranks first.
        """
        if c.source == "manual":
            return False
        winner = self.best_verified(c.protocol)
        return winner is not None and rank.candidate_key(winner) < rank.candidate_key(c)

    # --- candidates -----------------------------------------------------------------------------------

    def offer(self, candidates: list[Candidate]) -> None:
        """A source named these: keep the best label per endpoint, start probing unless pointless.

        All labels are updated before guesses are dropped, so a running guess for an endpoint the same
        answer names is relabelled and kept instead of being cancelled and started again.
        """
        keys: list[Key] = []
        for c in candidates:
            if c.source == "guess" and (c.protocol in self.sourced or c.protocol in self.not_offered):
                continue
            old = self.best.get(c.key)
            if old is None or rank.candidate_key(c) < rank.candidate_key(old):
                self.best[c.key] = c
            keys.append(c.key)
        for c in candidates:
            if _authoritative(c.source) and c.protocol not in self.sourced:
                self.sourced.add(c.protocol)
                self.drop_guesses(c.protocol)
        for key in dict.fromkeys(keys):
            if key in self.best:
                self.consider(key)

    def consider(self, key: Key) -> None:
        if key in self.running.values():
            return
        done = self.results.get(key)
        if done is not None and done.stopped != "better_found":
            return
        c = self.best[key]
        if self.outranked(c):
            if done is None:
                self.results[key] = self.stopped(c, "better_found", 0)
            return
        self.results.pop(key, None)
        self.started_at[key] = self.loop.time()
        task = asyncio.ensure_future(probe_endpoint(c, self.settings, goodbyes=self.goodbyes))
        self.running[task] = key
        self.all_tasks.append(task)
        self.emit("endpoint", _key(c), _label(c), "started")

    def drop_guesses(self, protocol: str) -> None:
        """Forget guesses for ``protocol`` that no source named: a source said otherwise."""
        for key, c in list(self.best.items()):
            if key[0] == protocol and c.source == "guess":
                self.cancel_key(key)
                self.results.pop(key, None)
                del self.best[key]

    def cancel_key(self, key: Key) -> asyncio.Task[ProbeResult] | None:
        for task, k in list(self.running.items()):
            if k == key:
                task.cancel()
                del self.running[task]
                return task
        return None

    def stopped(self, c: Candidate, why: str, elapsed_ms: int) -> ProbeResult:
        error = (Message("stopped_better") if why == "better_found"
                 else Message("stopped_deadline", {"seconds": f"{self.settings.timeout:g}"}))
        return ProbeResult(candidate=c, status="timeout", elapsed_ms=elapsed_ms, error=str(error),
                           stopped=why, error_message=error)

    def probe_done(self, task: asyncio.Task[ProbeResult]) -> None:
        key = self.running.pop(task)
        c = self.best[key]
        exc = task.exception()
        if exc is not None:  # a bug in a protocol module must not sink the whole run
            result = ProbeResult(candidate=c, status="protocol_error",
                                 elapsed_ms=self.ms(self.started_at[key]),
                                 error=f"internal error: {type(exc).__name__}",
                                 error_message=Message("internal", {"detail": type(exc).__name__}))
        else:
            done = task.result()
            # The source's own candidate (its preference, username), but the security the probe found: a
            # STARTTLS candidate whose server offers no encryption at all comes back as "plain".
            result = dataclasses.replace(done, candidate=c if done.candidate.security == c.security
                                         else dataclasses.replace(c, security=done.candidate.security))
        self.results[key] = result
        self.emit("endpoint", _key(c), _label(c), "done" if result.status == "ok" else "failed",
                  result.status)
        if rank.recommendable(result):
            for other in list(self.running.values()):
                oc = self.best[other]
                if other[0] == key[0] and self.outranked(oc):
                    self.cancel_key(other)
                    self.results[other] = self.stopped(oc, "better_found", self.ms(self.started_at[other]))
                    self.emit("endpoint", _key(oc), _label(oc), "failed", "cancelled")

    # --- sources --------------------------------------------------------------------------------------

    def source_done(self, task: asyncio.Task[SourceOutcome], name: str) -> None:
        exc = task.exception()
        if exc is not None:  # a source must not fail the run; record it like any other failure
            self.reports.append(SourceReport(source=name, target=self.addr.domain, outcome="error",
                                             detail=f"{type(exc).__name__}: {exc}"[:300]))
            self.emit("source", name, progress_label(name), "failed")
            return
        out = task.result()
        self.outcomes.append(out)
        self.reports.extend(out.reports)
        self.domain_missing = self.domain_missing or out.domain_missing
        if out.not_offered:
            self.not_offered |= out.not_offered
            for proto in out.not_offered:
                if proto not in self.sourced:
                    self.drop_guesses(proto)
        self.offer(out.candidates)
        self.emit("source", name, progress_label(name), "done", f"{len(out.candidates)} servers")

    async def check_dns(self) -> None:
        """Tell "the domain does not exist" and "DNS does not answer" apart from "nothing found"."""
        try:
            # Answer before the run's deadline so a dead resolver is named as such, not as "nothing found".
            lifetime = min(self.settings.resolver.lifetime, self.settings.timeout * 0.8)
            await self.resolver.query(self.addr.domain, "SOA", lifetime=lifetime)
        except NoSuchDomain:
            self.nxdomain = True
        except DnsError as exc:
            self.dns_failure = exc.message()

    # --- the run --------------------------------------------------------------------------------------

    async def execute(self, extra: list[Candidate]) -> DiscoveryResult:
        try:
            try:
                async with asyncio.timeout(self.settings.timeout):
                    await self._run(extra)
            except TimeoutError:
                self.on_deadline()
        finally:
            await self.cleanup()
        return self.finish()

    async def _run(self, extra: list[Candidate]) -> None:
        self.dns_check = asyncio.ensure_future(self.check_dns())
        self.all_tasks.append(self.dns_check)
        for name, runner in self.sources.items():
            task = asyncio.ensure_future(runner(self.addr, self.settings))
            self.source_tasks[task] = name
            self.all_tasks.append(task)
            self.emit("source", name, progress_label(name), "started")
        self.offer(extra)
        while self.source_tasks or self.running:
            waiting: set[asyncio.Task[Any]] = {*self.source_tasks, *self.running}
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            for finished in done:
                if finished in self.source_tasks:
                    self.source_done(finished, self.source_tasks.pop(finished))
                elif finished in self.running:
                    self.probe_done(finished)
        await self.dns_check

    def on_deadline(self) -> None:
        for task, key in list(self.running.items()):
            self.results[key] = self.stopped(self.best[key], "deadline", self.ms(self.started_at[key]))
            task.cancel()
        self.running.clear()
        for source_task, name in self.source_tasks.items():
            source_task.cancel()
            self.reports.append(SourceReport(source=name, target=self.addr.domain, outcome="error",
                                             detail="not finished within the time limit",
                                             elapsed_ms=self.ms()))
        self.source_tasks.clear()

    async def cleanup(self) -> None:
        """Stop whatever still runs and give it a moment to close its sockets (bounded)."""
        for task in self.all_tasks:
            task.cancel()
        self.resolver.close()
        pending = [t for t in self.all_tasks if not t.done()]
        if pending:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait(pending, timeout=0.2)
        for task in self.all_tasks:
            if task.done() and not task.cancelled():
                task.exception()  # retrieved: a cancelled probe's error is not news
        self.goodbyes.abort()

    def found_anything(self) -> bool:
        """A source named a server, or some server answered: the domain exists and DNS works."""
        if any(c.source != "guess" for o in self.outcomes for c in o.candidates):
            return True
        return any(r.status not in ("dns_error", "timeout") for r in self.results.values())

    def finish(self) -> DiscoveryResult:
        if not self.found_anything():
            if self.domain_missing or self.nxdomain:
                raise DomainError(code="nxdomain", params={"domain": self.addr.domain_unicode})
            if self.dns_failure is not None and all(r.status in ("dns_error", "timeout")
                                                    for r in self.results.values()):
                if not tld_is_real(self.addr.domain):  # no answer, but a made-up top level cannot exist
                    raise DomainError(f"{self.addr.domain_unicode}: this domain does not exist (its "
                                      "top-level domain is not in the public suffix list)", "nxdomain",
                                      domain=self.addr.domain_unicode)
                raise DomainError(code="dns_failed", params={
                    "server": self.resolver.describe(), "reason": self.dns_failure,
                    "domain": self.addr.domain_unicode, "resolver": self.resolver.describe()})
        results = rank.order(self.results.values())
        recommended = rank.recommend(results)
        srv: list[SrvRecord] = []
        mx: list[MxRecord] = []
        findings: list[Finding] = []
        routes: dict[Key, str] = {}
        for o in self.outcomes:
            srv.extend(s for s in o.srv if s not in srv)
            mx.extend(m for m in o.mx if m not in mx)
            findings.extend(o.warnings)
            routes.update(o.routes)
        srv.sort(key=lambda s: (PROTOCOLS.index(s.protocol), rank.SECURITY_RANK[s.security], s.priority,
                                -s.weight))
        mx.sort(key=lambda m: (m.preference, m.host))
        not_offered = [p for p in PROTOCOLS if p in self.not_offered]
        sign_in = self.sign_in(mx, recommended)
        # A recognised provider's own server, reached through the domain's MX (or its own domain), is not
        # "outside the domain": a forged MX could only send the person to the real provider.
        trusted = sign_in.hosts if sign_in is not None and sign_in.trusted else ()
        return DiscoveryResult(
            address=self.addr.address, domain=self.addr.domain, domain_unicode=self.addr.domain_unicode,
            local_part=self.addr.local, mx=mx, srv=srv, not_offered=not_offered, candidates=results,
            recommended=recommended,
            warnings=rank.assess(self.addr.domain, results, recommended, findings, not_offered, routes,
                                 [c for o in self.outcomes for c in o.candidates], trusted),
            sources=self.reports, resolver=self.resolver.describe(), elapsed_ms=self.ms(), sign_in=sign_in,
        )

    def sign_in(self, mx: list[MxRecord], recommended: dict[str, ProbeResult | None]) -> SignIn | None:
        """The provider behind the servers discovery recommends (discovery/providers.py), if it is one that
        refuses the normal password; what settings files said about OAuth2 counts too."""
        chosen = [r.candidate for r in providers.in_use(recommended)]
        return providers.recognise(
            self.addr.domain, mx_hosts=[m.host for m in mx], hosts=[c.host for c in chosen],
            issuers=[i for o in self.outcomes for i in o.oauth2_issuers],
            file_methods=[c.auth for c in chosen if c.auth],
            file_name=next((o.provider_name for o in self.outcomes if o.provider_name), None))


async def discover(addr: EmailAddress, settings: Settings, progress: ProgressCallback | None = None,
                   extra: Iterable[Candidate] = (),
                   sources: dict[str, SourceRun] | None = None) -> DiscoveryResult:
    """Find and test the mail servers for ``addr`` (an address or a domain) within ``settings.timeout``.

    Raises DomainError (no such domain, DNS down); network trouble with single
    servers is reported in the result. ``extra`` are candidates known beforehand (a preset's servers, source
    "manual"); ``sources`` replaces the default sources.
    """
    run = _Run(addr, settings, progress, dict(SOURCES) if sources is None else sources)
    return await run.execute(list(extra))
