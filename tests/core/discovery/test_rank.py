"""Ranking and warnings over plain result data: the rules that decide what is recommended."""

from __future__ import annotations

from assistant.core.discovery import rank
from assistant.core.model.results import Candidate, ProbeResult, TlsFacts


def result(protocol: str = "imap", host: str = "imap.example.com", port: int = 993, security: str = "ssl",
           source: str = "srv", preference: int = 0, status: str = "ok", verified: bool = True,
           problems: list[str] | None = None, warnings: list[str] | None = None,
           days_left: int | None = 200) -> ProbeResult:
    c = Candidate(protocol=protocol, host=host, port=port, security=security,  # type: ignore[arg-type]
                  source=source, preference=preference)  # type: ignore[arg-type]
    tls = None if security == "plain" else TlsFacts(version="TLSv1.3", verified=verified,
                                                      problems=problems or [], days_left=days_left,
                                                      not_after="2030-01-01T00:00:00Z")
    return ProbeResult(candidate=c, status=status, tls=tls, warnings=warnings or [])  # type: ignore[arg-type]


def codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in findings]


def test_implicit_tls_beats_starttls_even_from_a_better_source() -> None:
    starttls = result(port=143, security="starttls", source="autoconfig")
    ssl = result(port=993, security="ssl", source="guess", preference=5)
    assert rank.recommend([starttls, ssl])["imap"] is ssl


def test_source_trust_then_provider_preference() -> None:
    guess = result(host="imap.example.com", source="guess")
    srv_second = result(host="b.example.com", source="srv", preference=10)
    srv_first = result(host="a.example.com", source="srv", preference=0)
    assert rank.recommend([guess, srv_second, srv_first])["imap"] is srv_first
    assert rank.recommend([guess, srv_second])["imap"] is srv_second


def test_http_config_never_outranks_a_guess() -> None:
    http = result(host="evil.example.net", source="autoconfig_http")
    guess = result(host="imap.example.com", source="guess", preference=3)
    assert rank.recommend([http, guess])["imap"] is guess


def test_unverified_plain_and_injected_are_never_recommended() -> None:
    unverified = result(verified=False, problems=["expired"])
    plain = result(port=143, security="plain")
    injected = result(port=143, security="starttls", warnings=["starttls_injection"])
    failed = result(status="timeout", verified=False)
    rec = rank.recommend([unverified, plain, injected, failed])
    assert rec == {"imap": None, "pop3": None, "smtp": None}


def test_order_is_protocol_then_recommendable_then_preference() -> None:
    bad = result(protocol="imap", verified=False, problems=["self_signed"])
    good = result(protocol="imap", port=143, security="starttls")
    smtp = result(protocol="smtp", host="smtp.example.com", port=465)
    pop = result(protocol="pop3", host="pop.example.com", port=995)
    assert rank.order([smtp, bad, pop, good]) == [good, bad, pop, smtp]


def test_certificate_problem_per_host_and_problem() -> None:
    a = result(verified=False, problems=["expired"], status="tls_error")
    b = result(port=143, security="starttls", verified=False, problems=["expired"], status="tls_error")
    c = result(host="pop.example.com", protocol="pop3", verified=False, problems=["hostname_mismatch"],
               status="tls_error")
    findings = rank.assess("example.com", [a, b, c], rank.recommend([a, b, c]))
    cert = [f for f in findings if f.code == "certificate_problem"]
    assert [(f.host, f.params["problem"]) for f in cert] == [
        ("imap.example.com", "expired"), ("pop.example.com", "hostname_mismatch")]
    assert "2030-01-01" in cert[0].message
    assert {"no_incoming", "no_outgoing"} <= set(codes(findings))


def test_outside_domain_only_for_unsigned_sources() -> None:
    srv = result(host="mail.provider.example.net", source="srv")
    ispdb = result(protocol="smtp", host="smtp.provider.example.net", port=465, source="ispdb")
    inside = result(protocol="pop3", host="pop.sub.example.com", port=995, source="srv")
    results = [srv, ispdb, inside]
    findings = rank.assess("example.com", results, rank.recommend(results))
    outside = [f for f in findings if f.code == "outside_domain"]
    assert [(f.host, f.protocol) for f in outside] == [("mail.provider.example.net", "imap")]
    assert "DNS SRV records" in outside[0].message


def test_plaintext_only_and_injection_and_http_source() -> None:
    plain = result(protocol="pop3", host="pop.example.com", port=110, security="plain")
    refused = result(protocol="pop3", host="pop.example.com", port=995, status="refused", verified=False)
    injected = result(port=143, security="starttls", status="protocol_error", verified=False,
                      warnings=["starttls_injection"])
    http = result(protocol="smtp", host="smtp.example.com", port=465, source="autoconfig_http")
    results = [plain, refused, injected, http]
    found = codes(rank.assess("example.com", results, rank.recommend(results)))
    assert "plaintext_only" in found
    assert "starttls_injection" in found
    assert found.count("insecure_config_source") == 1


def test_expires_soon_for_the_recommended_server() -> None:
    r = result(days_left=5)
    findings = rank.assess("example.com", [r], rank.recommend([r]))
    soon = [f for f in findings if f.code == "expires_soon"]
    assert len(soon) == 1 and "5 days" in soon[0].message


def test_render_uses_the_translator_and_survives_a_broken_translation() -> None:
    f = rank.finding("outside_domain", host="x.example.net", protocol="imap", domain="example.com",
                     source="srv")
    marked = rank.render(f.code, f.params, lambda ctx, text: f"<{ctx}:{text}>")
    assert marked.startswith("<warnings:x.example.net is not part of example.com")
    assert "<sources:DNS SRV records>" in marked
    broken = rank.render(f.code, f.params, lambda ctx, text: text + " {")
    assert broken == f.message
    assert rank.render("no_such_code", {"host": "h"}) == "no_such_code"


def test_a_server_named_only_by_a_plain_http_file_carries_its_own_warning() -> None:
    # In the address's own domain and with a verified certificate, yet named only by a file anyone on the path
    # could have forged: the warning must name the server so the wizard asks about exactly that server.
    from assistant.core.model.results import DiscoveryResult
    from assistant.core.setup.selection import risks_of
    http = result(protocol="smtp", host="smtp.example.com", port=465, source="autoconfig_http")
    recommended = rank.recommend([http])
    findings = rank.assess("example.com", [http], recommended)
    mine = [f for f in findings if f.code == "insecure_config_source"]
    assert [(f.host, f.protocol) for f in mine] == [("smtp.example.com", "smtp")]
    doc = DiscoveryResult(address="a@example.com", domain="example.com", domain_unicode="example.com",
                          candidates=[http], recommended=recommended, warnings=findings)
    assert "insecure_config_source" in risks_of(http, doc)
