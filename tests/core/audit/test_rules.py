"""The audit's rules on made-up discovery results: program views, disagreements, fixes, problem order."""

from __future__ import annotations

from assistant.core.audit.clients import CLIENTS, clients, view
from assistant.core.audit.findings import CODES, SEVERITY, Problem, disagreements
from assistant.core.audit.fixes import srv_lines
from assistant.core.audit.summary import SOURCE_ORDER, SourceSummary
from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, SrvRecord, TlsFacts


def cand(protocol: str, host: str, port: int, security: str = "ssl", source: str = "srv") -> Candidate:
    return Candidate(protocol=protocol, host=host, port=port, security=security,  # type: ignore[arg-type]
                     source=source)  # type: ignore[arg-type]


def ok(c: Candidate) -> ProbeResult:
    return ProbeResult(candidate=c, status="ok", tls=TlsFacts(verified=True, days_left=300))


def result(*probes: ProbeResult, srv: list[SrvRecord] | None = None) -> DiscoveryResult:
    recommended: dict[str, ProbeResult | None] = {"imap": None, "pop3": None, "smtp": None}
    for p in probes:
        if p.secure and recommended.get(p.candidate.protocol) is None:
            recommended[p.candidate.protocol] = p
    return DiscoveryResult(address=None, domain="example.test", domain_unicode="example.test",
                           candidates=list(probes), recommended=recommended, srv=srv or [])


def summaries(**given: SourceSummary) -> dict[str, SourceSummary]:
    return {name: given.get(name, SourceSummary("not_found")) for name in SOURCE_ORDER}


IMAP = cand("imap", "imap.example.test", 993)
SMTP = cand("smtp", "smtp.example.test", 465)


def test_each_program_takes_the_first_source_of_its_own_order() -> None:
    r = result(ok(IMAP), ok(SMTP))
    s = summaries(srv=SourceSummary("found", [IMAP, SMTP]), ispdb=SourceSummary("skipped"),
                  autodiscover=SourceSummary("not_checked"), guess=SourceSummary("found", [IMAP, SMTP]))
    views = clients(s, r)
    assert (views["rfc6186"].finds, views["rfc6186"].source, views["rfc6186"].works) == (True, "srv", True)
    assert views["thunderbird"].source == "guess"  # Thunderbird never reads SRV
    assert views["thunderbird"].unchecked == ["ispdb", "autodiscover"]
    assert views["thunderbird_android"].finds is None  # the ISPDB was not asked: cannot tell
    assert views["outlook"].finds is None and views["apple_mail"].finds is False
    assert [c.name for c in CLIENTS] == ["thunderbird", "thunderbird_android", "outlook", "apple_mail",
                                         "rfc6186"]


def test_autodiscover_asking_for_a_password_still_counts_for_outlook() -> None:
    s = summaries(autodiscover=SourceSummary("auth_required"))
    outlook = view(CLIENTS[2], s, result())
    assert (outlook.finds, outlook.source, outlook.works) == (True, "autodiscover", None)


def test_a_source_whose_servers_failed_does_not_work() -> None:
    bad = ProbeResult(candidate=IMAP, status="tls_error", tls=TlsFacts(verified=False, problems=["expired"]))
    s = summaries(srv=SourceSummary("found", [IMAP, SMTP]))
    assert view(CLIENTS[4], s, result(bad, ok(SMTP))).works is False


def test_two_trusted_sources_naming_other_servers_disagree() -> None:
    stale = cand("imap", "oldmail.example.test", 993, source="autoconfig")
    s = summaries(srv=SourceSummary("found", [IMAP]), autoconfig=SourceSummary("found", [stale]),
                  mx=SourceSummary("found", [cand("imap", "imap.hoster.test", 993, source="mx")]))
    found = disagreements(s, result())
    assert len(found) == 1 and found[0].code == "sources_disagree" and found[0].protocol == "imap"
    assert found[0].params["source"] == "autoconfig" and found[0].params["other_host"] == "imap.example.test"
    assert "out of date" in found[0].sentence()
    s["autoconfig"] = SourceSummary("found", [stale, IMAP])  # one host in common: no disagreement
    assert disagreements(s, result()) == []


def test_srv_fixes_publish_verified_services_and_not_offered_ones() -> None:
    starttls = ok(cand("imap", "imap.example.test", 143, "starttls", "guess"))
    lines = srv_lines(result(ok(IMAP), starttls, ok(SMTP)))
    assert "_imaps._tcp.example.test. 3600 IN SRV 0 1 993 imap.example.test." in lines
    assert "_imap._tcp.example.test. 3600 IN SRV 10 1 143 imap.example.test." in lines
    assert "_pop3s._tcp.example.test. 3600 IN SRV 0 0 0 ." in lines
    assert not any(line.startswith("_submission._tcp") for line in lines)  # 587 not verified: not claimed
    published = [SrvRecord("_imaps._tcp", "imap", "ssl", 0, 1, 993, "imap.example.test")]
    again = srv_lines(result(ok(IMAP), ok(SMTP), srv=published))
    assert not any(line.startswith("_imaps.") for line in again)


def test_nothing_is_said_not_offered_without_a_working_mailbox() -> None:
    only = "_submissions._tcp.example.test. 3600 IN SRV 0 1 465 smtp.example.test."
    assert srv_lines(result(ok(SMTP))) == [only]


def test_every_code_has_a_severity_and_a_sentence() -> None:
    assert set(SEVERITY) == set(CODES)
    for code in CODES:
        params = {"domain": "example.test", "problem": "x"}
        sentence = Problem(code, "h.example.test", params=params).sentence()
        assert sentence and "{" not in sentence
