"""The plain result (core/setup/summary.py) and "did you mean" (core/discovery/suggest.py), no Qt or network.

The discovery results are built the way ``probe.finish`` builds them: ranked, recommended and assessed by
``core/discovery/rank.py``, so the warnings are the real ones a run produces.
"""

from __future__ import annotations

from assistant.core.discovery import rank
from assistant.core.discovery.suggest import did_you_mean, one_edit, tld_is_real
from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.setup.selection import select
from assistant.core.setup.summary import TEXTS, Sentence, row_kind, shown_host, summarize
from assistant.core.words.errors import DOMAIN_PROBLEMS, DomainError

GOOD = TlsFacts(version="TLSv1.3", verified=True, days_left=300)


def probe(proto: str, host: str, port: int = 993, security: str = "ssl", source: str = "srv",
          status: str = "ok", tls: TlsFacts | None = GOOD, **kw: object) -> ProbeResult:
    return ProbeResult(candidate=Candidate(proto, host, port, security, source),  # type: ignore[arg-type]
                       status=status, tls=tls, **kw)  # type: ignore[arg-type]


def result(domain: str, probes: list[ProbeResult]) -> DiscoveryResult:
    ordered = rank.order(probes)
    recommended = rank.recommend(ordered)
    return DiscoveryResult(address=f"a@{domain}", domain=domain, domain_unicode=shown_host(domain),
                           candidates=ordered, recommended=recommended,
                           warnings=rank.assess(domain, ordered, recommended))


def texts(sentences: object) -> list[str]:
    return [s.text() if isinstance(s, Sentence) else s.message for s in sentences]  # type: ignore[attr-defined]


def test_secure_settings_found_lead_with_one_sentence_per_direction() -> None:
    r = result("example.com", [
        probe("imap", "mail.example.com"), probe("smtp", "smtp.example.com", 465),
        probe("imap", "imap.example.com", source="guess", status="dns_error", tls=None)])
    summary = summarize(r, select(r))
    assert summary.title.text() == "Secure settings found"
    tail = "— encrypted, certificate verified. This server will be used."
    assert texts(summary.lines) == [f"✔ Incoming mail: mail.example.com (IMAP) {tail}",
                                    f"✔ Outgoing mail: smtp.example.com (SMTP) {tail}"]
    assert summary.problems == () and summary.decisions == ()
    both = result("example.com", [probe("imap", "mail.example.com"), probe("pop3", "pop.example.com", 995),
                                  probe("smtp", "smtp.example.com", 465)])
    assert summarize(both, select(both)).lines[0].text() == (
        "✔ Incoming mail: mail.example.com (IMAP) — encrypted, certificate verified. This server will be "
        "used; pop.example.com (POP3) is also available.")
    # a guess that failed while another server was found was simply not needed
    kinds = {p.candidate.host: row_kind(p, select(r)) for p in r.candidates}
    assert kinds == {"mail.example.com": "verified", "smtp.example.com": "verified",
                     "imap.example.com": "unused"}


def test_five_certificate_problems_are_one_sentence_and_the_offered_one_a_decision() -> None:
    bad = [probe("imap", f"{name}.tlsbad.test", status="tls_error",
                 tls=TlsFacts(verified=False, problems=[problem], fingerprint_sha256="ab" * 32))
           for name, problem in (("expired", "expired"), ("future", "not_yet_valid"),
                                 ("wronghost", "hostname_mismatch"), ("selfsigned", "self_signed"),
                                 ("untrusted", "untrusted_issuer"))]
    r = result("tlsbad.test", [*bad, probe("smtp", "smtp.tlsbad.test", 465)])
    assert sum(f.code == "certificate_problem" for f in r.warnings) == 5
    assert any(f.code == "no_incoming" for f in r.warnings)
    selection = select(r)
    summary = summarize(r, selection)
    assert summary.title.code == "title_decide"
    assert summary.lines[0].code == "line_decide" and "could not be verified" in summary.lines[0].text()
    assert summary.lines[1].code == "line_used"
    # "no incoming server" is said by the line; the four other hosts share one sentence
    assert [s.code for s in summary.problems] == ["certificates"]
    offered = selection.choices["imap"]
    assert offered is not None
    others = [p.candidate.host for p in bad if p.candidate.host != offered.host]
    assert all(h in texts(summary.problems)[0] for h in others)
    (decision,) = summary.decisions
    assert decision.host == offered.host and len(decision.problems) == 1
    assert "Ask your provider" in decision.advice[0].text()
    selection = selection.confirm(offered.host)
    assert summarize(r, selection).lines[0].code == "line_accepted"
    assert summarize(r, selection).title.code == "title_accepted"


def test_outside_domain_says_how_to_decide_and_idn_hosts_are_shown_in_unicode() -> None:
    r = result("xn--bcher-kva.test", [probe("imap", "imap.provider-elsewhere.test"),
                                      probe("smtp", "smtp.xn--bcher-kva.test", 465)])
    summary = summarize(r, select(r))
    (decision,) = summary.decisions
    assert decision.advice[0].text() == ("Ask your provider whether imap.provider-elsewhere.test is theirs; "
                                         "it is outside bücher.test. Tick the box only if they say yes.")
    assert "smtp.bücher.test (SMTP)" in summary.lines[1].text()
    assert summary.problems == ()  # the outside-domain warning belongs to the decision, once


def test_plaintext_only_server_offers_no_encryption_once_and_expiry_is_a_note() -> None:
    plain = [probe(p, "mail.plain.test", port, "plain", tls=None, warnings=["starttls_missing"])
             for p, port in (("imap", 143), ("pop3", 110))]
    soon = TlsFacts(verified=True, days_left=5, not_after="2026-12-07T00:00:00")
    r = result("plain.test", [*plain, probe("smtp", "smtp.plain.test", 465, tls=soon)])
    summary = summarize(r, select(r))
    problems = texts(summary.problems)
    assert problems == ["mail.plain.test offers no encryption (IMAP, POP3): passwords and mail would cross "
                        "the network readable by anyone on the way."]
    assert [n.code for n in summary.notes] == ["expires_soon"]
    # Found, not "no server was found": it answered, without encryption; the next page says what to do.
    assert summary.lines[0].code == "line_plain" and summary.title.code == "title_missing"
    assert "mail.plain.test (IMAP) answered, but without encryption" in summary.lines[0].text()
    assert summary.next is not None and summary.next.code == "next_plain"


def test_sentences_translate_nested_parts_and_survive_a_broken_translation() -> None:
    line = Sentence("line_missing", (("side", "side_incoming"),))

    def tr(_context: str, text: str) -> str:
        return {"Incoming mail": "收件", TEXTS["line_missing"]: "✖ {side}：找不到"}.get(text, text)
    assert line.text(tr) == "✖ 收件：找不到"
    assert line.text(lambda _c, t: "{oops}" if t == TEXTS["line_missing"] else t).startswith("✖ Incoming")


def test_did_you_mean_one_slip_from_a_provider_or_a_real_top_level_domain() -> None:
    assert did_you_mean("gmial.com") == "gmail.com"
    assert did_you_mean("hotmal.com") == "hotmail.com"
    assert did_you_mean("example.cmo") == "example.com"
    assert did_you_mean("srv.tset") == "srv.test"
    assert did_you_mean("yahoo.com.tw") is None and did_you_mean("gmail.com") is None
    assert did_you_mean("does-not-exist.test") is None  # a lab's reserved name is real enough
    assert did_you_mean("corp.exmaple.org") is None  # a real top level, no provider near: no guess
    assert did_you_mean("mail.acme.tset", known=("mail.acme.test",)) == "mail.acme.test"
    assert one_edit("ab", "ba") and one_edit("abc", "abxc") and not one_edit("abc", "cba")
    assert tld_is_real("example.co.uk") and not tld_is_real("example.cmo")


def test_domain_error_carries_a_code_for_a_translated_sentence() -> None:
    exc = DomainError("srv.tset: this domain does not exist (DNS answered NXDOMAIN)", "nxdomain",
                      domain="srv.tset")
    assert exc.template().format(**exc.params) == "srv.tset does not exist — check the spelling."
    assert "NXDOMAIN" in str(exc)  # the CLI's line keeps the detail
    assert DomainError("x").code == "dns_failed" and DomainError("x", "bogus").code == "dns_failed"
    for template in DOMAIN_PROBLEMS.values():
        template.format(domain="d", resolver="r")
