"""Ranking across sources: Autodiscover's place, its forgeable routes, and sources that disagree."""

from __future__ import annotations

from assistant.core.discovery import rank
from assistant.core.model.results import Candidate, ProbeResult
from assistant.core.words.vocabulary import SOURCES
from tests.core.discovery.test_rank import result

DOMAIN = "example.com"


def assess(results: list[ProbeResult], named: list[Candidate] | None = None,
           routes: dict[tuple[str, str, int, str], str] | None = None) -> list:  # type: ignore[type-arg]
    rec = rank.recommend(results)
    return rank.assess(DOMAIN, results, rec, routes=routes,
                       named=[r.candidate for r in results] if named is None else named)


def test_autodiscover_is_the_domains_word_below_its_autoconfig_and_above_the_ispdb() -> None:
    order = sorted(SOURCES.values(), key=lambda s: s.trust)
    names = [s.name for s in order]
    assert names.index("autoconfig") < names.index("autodiscover") < names.index("ispdb") < names.index("srv")
    entry = SOURCES["autodiscover"]
    assert (entry.forgeable, entry.authoritative) == (False, True)
    assert entry.label == "your provider's Outlook settings service"
    ad = result(host="box17.hoster.net", source="autodiscover")
    ispdb = result(host="imap.example.com", source="ispdb")
    assert rank.recommend([ispdb, ad])["imap"] is ad


def test_autodiscover_answer_from_the_domain_needs_no_confirmation_elsewhere() -> None:
    ad = result(host="box17.hoster.net", source="autodiscover")
    assert "outside_domain" not in [f.code for f in assess([ad])]


def test_autodiscover_reached_through_srv_or_a_redirect_is_outside() -> None:
    ad = result(host="box17.hoster.net", source="autodiscover")
    inside = result(protocol="smtp", host="smtp.example.com", port=465, source="autodiscover")
    for route, words in (("autodiscover_srv", "DNS SRV record"), ("autodiscover_redirect", "another domain")):
        found = assess([ad, inside], routes={ad.candidate.key: route, inside.candidate.key: route})
        outside = [f for f in found if f.code == "outside_domain"]
        assert [(f.host, f.protocol, f.params["source"]) for f in outside] == [
            ("box17.hoster.net", "imap", route)]
        assert words in outside[0].message and "forge" in outside[0].message


def test_a_route_does_not_stick_to_another_sources_label() -> None:
    """The same endpoint named by the domain's autoconfig file keeps that label: no warning."""
    ac = result(host="box17.hoster.net", source="autoconfig")
    found = assess([ac], routes={ac.candidate.key: "autodiscover_srv"})
    assert "outside_domain" not in [f.code for f in found]


def test_stale_autoconfig_against_srv_says_which_is_used_and_why() -> None:
    old = result(host="old.example.com", source="autoconfig")
    new = result(host="new.example.com", source="srv", status="timeout", verified=False)
    new.stopped = "better_found"
    found = [f for f in assess([old, new]) if f.code == "sources_disagree"]
    assert len(found) == 1
    f = found[0]
    assert (f.host, f.protocol, f.params["other_host"], f.params["why"]) == (
        "old.example.com", "imap", "new.example.com", "trust")
    assert f.message.startswith(
        "Two sources disagree about the IMAP server (the domain's configuration file: old.example.com; "
        "DNS SRV records: new.example.com). old.example.com is used: the domain's configuration file is "
        "trusted more.")


def test_disagreement_reasons_security_and_unverified() -> None:
    ssl = result(host="a.example.com", source="srv")
    starttls = result(host="b.example.com", port=143, security="starttls", source="autoconfig")
    f = next(f for f in assess([ssl, starttls]) if f.code == "sources_disagree")
    assert f.params["why"] == "security" and "implicit TLS" in f.message
    dead = result(host="b.example.com", source="autoconfig", status="timeout", verified=False)
    f = next(f for f in assess([ssl, dead]) if f.code == "sources_disagree")
    assert f.params["why"] == "unverified" and "b.example.com could not be reached" in f.message


def test_no_disagreement_when_they_share_a_host_or_one_is_not_trusted() -> None:
    a = result(host="imap.example.com", source="autoconfig")
    b = result(host="imap.example.com", port=143, security="starttls", source="srv")
    assert "sources_disagree" not in [f.code for f in assess([a, b])]
    guess = result(host="mail.example.com", source="guess")
    mx = result(host="imap.hoster.net", source="mx")
    assert "sources_disagree" not in [f.code for f in assess([a, guess, mx])]


def test_disagreement_is_rendered_in_the_guis_language() -> None:
    f = next(f for f in assess([result(host="a.example.com", source="autodiscover"),
                                result(host="b.example.com", source="ispdb")])
             if f.code == "sources_disagree")
    seen: list[tuple[str, str]] = []

    def tr(context: str, text: str) -> str:
        seen.append((context, text))
        return text.upper() if context == "sources" else text

    text = rank.finding_sentence(f, tr)
    assert "YOUR PROVIDER'S OUTLOOK SETTINGS SERVICE" in text and "THE THUNDERBIRD ISP DATABASE" in text
    assert ("warnings", rank.DISAGREE_REASONS["trust"]) in seen
