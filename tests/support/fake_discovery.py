"""Discovery without a network: the results the test world's real servers give, built as values.

Most GUI tests need only a DiscoveryResult on screen, not the servers behind it. :func:`fake_discover` has
the call of ``assistant.core.setup.usecases.discover`` (pass it as ``SetupSession(discoverer=...)``) and
answers by domain with what a real run against tests/support/world.py answers (the servers, their
certificates, the errors of the probes that failed, ranked and assessed by the real ``core/discovery/rank``
as ``discovery/run`` does), so the same tests pass against either. Compared with a real run it leaves out
most guesses that found no such host. A domain it does not know does not exist (NXDOMAIN), a made-up
top-level domain is refused like the real run refuses it, and ``hang.silent.test`` answers nothing until
the run's deadline. Sign-in and "test these settings" still need the real servers: the settings it gives
(:func:`offline_settings`) point at a DNS server that never answers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.core.discovery import rank
from assistant.core.discovery.presets import apply_policy
from assistant.core.discovery.suggest import tld_is_real
from assistant.core.model.address import EmailAddress
from assistant.core.model.progress import ProgressEvent
from assistant.core.model.results import (
    Candidate,
    DiscoveryResult,
    MxRecord,
    ProbeResult,
    SourceReport,
    SrvRecord,
    TlsFacts,
)
from assistant.core.net.dns import Resolver, parse_server
from assistant.core.net.settings import Settings
from assistant.core.words.errors import DomainError
from assistant.core.words.messages import Message
from assistant.core.words.vocabulary import endpoint_key

if TYPE_CHECKING:
    from assistant.core.discovery.presets import Preset
    from assistant.core.model.progress import ProgressCallback

TEST_CA = "OU=Testing CA #fake,O=Mail Setup Assistant test CA"
PORTS = {("imap", "ssl"): 993, ("imap", "starttls"): 143, ("imap", "plain"): 143, ("pop3", "ssl"): 995,
         ("pop3", "starttls"): 110, ("pop3", "plain"): 110, ("smtp", "ssl"): 465, ("smtp", "starttls"): 587,
         ("smtp", "plain"): 587}
SERVICES = {("imap", "ssl"): "_imaps._tcp", ("imap", "starttls"): "_imap._tcp",
            ("pop3", "ssl"): "_pop3s._tcp", ("pop3", "starttls"): "_pop3._tcp",
            ("smtp", "ssl"): "_submissions._tcp",
            ("smtp", "starttls"): "_submission._tcp"}
# What Dovecot 2.3 (the test world's server) says, per protocol.
CAPABILITIES = {
    "imap": ["IMAP4rev1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE", "LITERAL+", "AUTH=PLAIN",
             "AUTH=LOGIN"],
    "pop3": ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "USER", "SASL PLAIN LOGIN"],
    "smtp": ["8BITMIME", "AUTH PLAIN LOGIN", "BURL imap", "CHUNKING", "ENHANCEDSTATUSCODES", "SIZE",
             "PIPELINING"],
}
GREETINGS = {"imap": "* OK [CAPABILITY " + " ".join(CAPABILITIES["imap"]) + "] Dovecot (Debian) ready.",
             "pop3": "+OK Dovecot (Debian) ready.", "smtp": "mail.example.test Dovecot (Debian) ready."}
# The openssl reason the real run reports for each certificate fault (message "openssl" or a mismatch).
FAULTS = {"expired": "certificate has expired", "not_yet_valid": "certificate is not yet valid",
          "self_signed": "self-signed certificate",
          "untrusted_issuer": "unable to get local issuer certificate"}


def offline_settings(timeout: float = 10.0) -> Settings:
    """Run settings for a session whose discovery is fake: DNS goes to the discard port, where nobody
    answers, so anything that still tries the network fails fast instead of reaching a real server."""
    return Settings(resolver=Resolver(parse_server("127.0.0.1:9"), lifetime=1.0), timeout=timeout,
                    offline=True, connect_timeout=1.0, endpoint_timeout=2.0)


# --- probe results ---------------------------------------------------------------------------------------

def _fingerprint(host: str) -> str:
    return (host.encode().hex() * 32)[:64]


def certificate(host: str, fault: str | None = None, *, today: dt.date | None = None) -> TlsFacts:
    """The TLS facts of the test world's certificates: good until 3000, or with one ``fault``."""
    today = today or dt.datetime.now(dt.UTC).date()
    start, end = dt.date(2000, 1, 1), dt.date(3000, 1, 1)
    subject, issuer = "O=trustme v1.2.1", TEST_CA
    if fault == "expired":
        start, end = today - dt.timedelta(days=400), today - dt.timedelta(days=4)
    elif fault == "not_yet_valid":
        start, end = today + dt.timedelta(days=5), today + dt.timedelta(days=400)
    elif fault == "self_signed":
        start, end = today - dt.timedelta(days=1), today + dt.timedelta(days=364)
        subject = issuer = f"CN={host}"
    elif fault == "untrusted_issuer":
        issuer = "OU=Testing CA #other,O=Some other CA nobody trusts"
    detail = (f"Hostname mismatch, certificate is not valid for '{host}'." if fault == "hostname_mismatch"
              else FAULTS.get(fault or ""))
    return TlsFacts(version="TLSv1.3", cipher="TLS_AES_256_GCM_SHA384", verified=fault is None,
                    problems=[fault] if fault else [], subject=subject, sans=[host], issuer=issuer,
                    not_before=f"{start.isoformat()}T00:00:00+00:00",
                    not_after=f"{end.isoformat()}T00:00:00+00:00",
                    days_left=(end - today).days, fingerprint_sha256=_fingerprint(host), detail=detail)


def answered(protocol: str, host: str, security: str = "ssl", source: str = "srv", preference: int = 0,
             fault: str | None = None) -> ProbeResult:
    """A Dovecot that answered: verified TLS, or a certificate ``fault`` (then status tls_error)."""
    port = PORTS[(protocol, security)]
    cand = Candidate(protocol, host, port, security, source, preference)  # type: ignore[arg-type]
    if security == "plain":
        return ProbeResult(cand, "ok", warnings=["starttls_missing"], elapsed_ms=15, address="127.0.0.2")
    tls = certificate(host, fault)
    caps = list(CAPABILITIES[protocol])
    if fault is None:
        return ProbeResult(cand, "ok", tls=tls, capabilities=caps, auth_mechanisms=["PLAIN", "LOGIN"],
                           elapsed_ms=50, address="127.0.0.2",
                           greeting=GREETINGS[protocol] if security == "ssl" else None)
    reason = (Message("openssl_mismatch", {"host": host}) if fault == "hostname_mismatch"
              else Message("openssl", {"text": FAULTS[fault]}))
    error = Message("cert_not_verified", {"where": f"{host}:{port}", "detail": reason})
    return ProbeResult(cand, "tls_error", tls=tls, elapsed_ms=30, address="127.0.0.3", error=str(error),
                       error_message=error)


def failed(protocol: str, host: str, security: str, status: str, preference: int = 0,
           source: str = "guess", stopped: str | None = None) -> ProbeResult:
    """A probe that got no server: ``dns_error`` (no such host), ``refused``, or ``timeout``."""
    port = PORTS[(protocol, security)]
    cand = Candidate(protocol, host, port, security, source, preference)  # type: ignore[arg-type]
    where = f"{host}:{port}"
    error = {"dns_error": Message("dns_nxdomain", {"name": host}),
             "refused": Message("connect_refused", {"where": where}),
             "timeout": Message("no_answer", {"where": where, "phase": Message("phase_tls")})}[status]
    if stopped == "better_found":
        error = Message("stopped_better")
    return ProbeResult(cand, status, elapsed_ms=5, error=str(error), error_message=error,  # type: ignore[arg-type]
                       stopped=stopped)


def guesses(protocol: str, domain: str, status: str = "dns_error", first: int = 0) -> list[ProbeResult]:
    """Thunderbird's guesses for one protocol that found no server (``mail.DOMAIN`` and the like)."""
    prefix = {"imap": "imap", "pop3": "pop", "smtp": "smtp"}[protocol]
    return [failed(protocol, f"{name}.{domain}", security, status, first + n)
            for n, (name, security) in enumerate(
                [(prefix, "ssl"), ("mail", "ssl"), (prefix, "starttls"), ("mail", "starttls")])]


# --- whole results, per domain of the test world ----------------------------------------------------------

def result(address: str, probes: Sequence[ProbeResult], srv: Sequence[ProbeResult] = ()) -> DiscoveryResult:
    """Ranked, recommended and assessed as ``discovery/run`` finishes a run; ``srv``: the probes SRV named."""
    addr = EmailAddress.parse(address)
    ordered = rank.order(probes)
    recommended = rank.recommend(ordered)
    records = []
    for p in srv:  # a server that turned out plaintext was named by the STARTTLS record
        c = p.candidate
        security = "starttls" if c.security == "plain" else c.security
        records.append(SrvRecord(SERVICES[(c.protocol, security)], c.protocol, security,
                                 c.preference, 0, c.port, c.host))
    sources = [SourceReport("srv", f"_imaps._tcp.{addr.domain}", "found" if records else "not_found"),
               SourceReport("guess", addr.domain, "found", f"{len(probes)} guessed endpoints"),
               SourceReport("ispdb", f"https://autoconfig.thunderbird.net/v1.1/{addr.domain}", "skipped",
                            "--offline: the ISPDB is not asked")]
    return DiscoveryResult(
        address=addr.address, domain=addr.domain, domain_unicode=addr.domain_unicode, local_part=addr.local,
        mx=[MxRecord(10, f"mx.{addr.domain}")] if srv else [], srv=records, candidates=ordered,
        recommended=recommended, warnings=rank.assess(addr.domain, ordered, recommended), sources=sources,
        resolver="127.0.0.1:53 (fake)", elapsed_ms=60)


def _srv_test(address: str) -> DiscoveryResult:
    found = [answered("imap", "imap.srv.test"), answered("imap", "imap.srv.test", "starttls", preference=3),
             answered("pop3", "pop.srv.test", preference=1), answered("smtp", "smtp.srv.test", preference=2)]
    cut = failed("smtp", "smtp.srv.test", "starttls", "timeout", 4, "srv", stopped="better_found")
    return result(address, [*found, cut], srv=[*found, cut])


def _tlsbad_test(address: str) -> DiscoveryResult:
    faults = [("expired", "expired"), ("future", "not_yet_valid"), ("selfsigned", "self_signed"),
              ("untrusted", "untrusted_issuer"), ("wronghost", "hostname_mismatch")]
    bad = [answered("imap", f"{name}.tlsbad.test", preference=n, fault=fault)
           for n, (name, fault) in enumerate(faults)]
    smtp = answered("smtp", "smtp.tlsbad.test", preference=1)
    return result(address, [*bad, smtp, *guesses("pop3", "tlsbad.test")], srv=[*bad, smtp])


def _outside_test(address: str) -> DiscoveryResult:
    named = [answered("imap", "imap.provider-elsewhere.test"), answered("smtp", "smtp.outside.test")]
    return result(address, [*named, *guesses("pop3", "outside.test")], srv=named)


def _plain_test(address: str) -> DiscoveryResult:
    plain = [answered("imap", "mail.plain.test", "plain", preference=1),
             answered("pop3", "mail.plain.test", "plain"),
             answered("smtp", "mail.plain.test", "plain", preference=2)]
    return result(address, plain, srv=plain)


def _nothing(address: str) -> DiscoveryResult:
    domain = address.rpartition("@")[2]
    probes = [p for proto in ("imap", "pop3", "smtp") for p in guesses(proto, domain)]
    probes += [failed(proto, domain, "ssl", "refused", 9) for proto in ("imap", "pop3", "smtp")]
    return result(address, probes)


def _silent(address: str) -> DiscoveryResult:
    hang = [failed("imap", "hang.silent.test", "ssl", "timeout", 2)]
    hang += [failed(proto, "hang.silent.test", "starttls", "refused", 5)
             for proto in ("imap", "pop3", "smtp")]
    return result(address, [*hang, *(p for proto in ("imap", "pop3", "smtp")
                                     for p in guesses(proto, "hang.silent.test"))])


def _idn_test(address: str) -> DiscoveryResult:
    domain = "xn--bcher-kva.test"
    found = [answered("imap", f"imap.{domain}", source="guess"),
             answered("imap", f"imap.{domain}", "starttls", "guess", 3),
             answered("smtp", f"smtp.{domain}", source="guess"),
             answered("smtp", f"smtp.{domain}", "starttls", "guess", 3)]
    return result(address, [*found, *guesses("pop3", domain)])


DOMAINS: dict[str, Callable[[str], DiscoveryResult]] = {
    "srv.test": _srv_test, "tlsbad.test": _tlsbad_test, "outside.test": _outside_test,
    "plain.test": _plain_test, "dead.fallback.test": _nothing, "hang.silent.test": _silent,
    "xn--bcher-kva.test": _idn_test,
}


async def fake_discover(addr: EmailAddress, settings: Settings, preset: Preset | None = None,
                        progress: ProgressCallback | None = None) -> DiscoveryResult:
    """``usecases.discover`` for the domains of the test world, without a network (see the module)."""
    build = DOMAINS.get(addr.domain)
    if build is None:
        if not tld_is_real(addr.domain):
            raise DomainError(f"{addr.domain_unicode}: this domain does not exist (its top-level domain is "
                              "not in the public suffix list)", "nxdomain", domain=addr.domain_unicode)
        raise DomainError(code="nxdomain", params={"domain": addr.domain_unicode})
    found = build(addr.text)
    events = [(probe, endpoint_key(probe.candidate.protocol, probe.candidate.host, probe.candidate.port,
                                   probe.candidate.security),
               f"{probe.candidate.protocol.upper()} {probe.candidate.host}:{probe.candidate.port} "
               f"({probe.candidate.security})") for probe in found.candidates]
    report = progress or (lambda _event: None)
    for _probe, key, label in events:  # what the discovery page shows live while a real run goes on
        report(ProgressEvent("endpoint", label, "started", key=key))
    # A real run against the test world takes a few dozen milliseconds; nothing answers hang.silent.test,
    # so its run ends at the deadline. Either way the page sees a run in progress, as with real servers.
    await asyncio.sleep(settings.timeout if build is _silent else 0.05)
    for probe, key, label in events:
        report(ProgressEvent("endpoint", label, "done" if probe.status == "ok" else "failed", probe.status,
                             key=key))
    return apply_policy(found, preset) if preset is not None else found
