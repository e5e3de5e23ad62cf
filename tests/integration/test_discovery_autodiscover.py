"""Whole probes of cPanel-like and Exchange-like domains: Autodiscover alone finds the hosting machine.

The test world's hosting machine (conftest.BOX) has a certificate for its own name only, so guessing
``mail.<domain>`` fails TLS; the domain publishes no SRV and no autoconfig file, only Autodiscover.
"""

from __future__ import annotations

import asyncio
from typing import Any

from assistant.core.discovery.run import discover
from assistant.core.discovery.sources import SOURCES
from assistant.core.model.address import EmailAddress
from tests.support.world import BOX, ProbeWorld, checked, validate


def rec(doc: dict[str, Any], protocol: str) -> tuple[str, int, str, str] | None:
    r = doc["recommended"][protocol]
    return None if r is None else (r["host"], r["port"], r["security"], r["source"])


def test_cpanel_like_domain_is_found_through_autodiscover_alone_by_the_cli(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("kim@kimsite.test")
    assert out.returncode == 0, out.stderr
    doc = out.json
    validate(doc)
    assert rec(doc, "imap") == (BOX, 993, "ssl", "autodiscover")
    assert rec(doc, "pop3") == (BOX, 995, "ssl", "autodiscover")
    assert rec(doc, "smtp") == (BOX, 465, "ssl", "autodiscover")
    assert doc["recommended"]["imap"]["username"] == "%EMAILADDRESS%"
    # The domain's own service over verified HTTPS: its word, no confirmation needed.
    assert [w["code"] for w in doc["warnings"]] == []
    found = [s for s in doc["sources"] if s["source"] == "autodiscover" and s["outcome"] == "found"]
    assert [s["target"] for s in found] == ["https://autodiscover.kimsite.test/autodiscover/autodiscover.xml"]
    # Autodiscover named servers for every protocol: the guesses (mail.kimsite.test fails TLS) were dropped.
    assert {c["source"] for c in doc["candidates"]} == {"autodiscover"}


def test_readable_report_names_the_outlook_settings_service(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("kim@kimsite.test", json_out=False)
    assert out.returncode == 0, out.stderr
    assert f"{BOX}:993 SSL/TLS" in out.stdout
    assert "named by your provider's Outlook settings service" in out.stdout


def test_without_autodiscover_the_same_domain_has_nothing_safe(probe_world: ProbeWorld) -> None:
    """The issue's starting point: the guess reaches the hosting machine under the wrong name."""
    others = {k: v for k, v in SOURCES.items() if k != "autodiscover"}
    result = asyncio.run(discover(EmailAddress.parse("kim@kimsite.test"), probe_world.settings(),
                                  sources=others))
    assert not result.usable()
    guessed = [r for r in result.candidates
               if r.candidate.host == "mail.kimsite.test" and r.status == "tls_error"]
    assert guessed and all("hostname_mismatch" in (r.tls.problems if r.tls else []) for r in guessed)


def test_exchange_401_shows_as_auth_required(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("pat@exch.test")
    assert out.returncode == 1, out.stderr
    doc = out.json
    validate(doc)
    url = "https://autodiscover.exch.test/autodiscover/autodiscover.xml"
    asked = [s for s in doc["sources"] if s["target"] == url]
    assert [s["outcome"] for s in asked] == ["auth_required"]
    assert "wants the mail password" in asked[0]["detail"]


def test_srv_to_another_domain_carries_outside_domain(probe_world: ProbeWorld) -> None:
    result = asyncio.run(discover(EmailAddress.parse("kim@srvad.test"), probe_world.settings()))
    doc = checked(result)
    assert rec(doc, "imap") == (BOX, 993, "ssl", "autodiscover")
    outside = [w for w in doc["warnings"] if w["code"] == "outside_domain"]
    assert {(w["host"], w["protocol"]) for w in outside} == {(BOX, "imap"), (BOX, "pop3"), (BOX, "smtp")}
    assert {w["params"]["source"] for w in outside} == {"autodiscover_srv"}
    assert "DNS SRV record" in outside[0]["message"] and "srvad.test" in outside[0]["message"]


def test_nothing_learnt_over_plain_http_is_recommended(probe_world: ProbeWorld) -> None:
    result = asyncio.run(discover(EmailAddress.parse("kim@httpad.test"), probe_world.settings()))
    doc = checked(result)
    assert not [c for c in doc["candidates"] if c["host"] == BOX]
    assert all(r is None for r in doc["recommended"].values())
    plain = [s for s in doc["sources"] if s["target"].startswith("http://autodiscover.httpad.test")]
    assert [s["outcome"] for s in plain] == ["skipped"]


def test_stale_autoconfig_against_srv_records_is_said(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("ann@stale.test", json_out=False)
    assert out.returncode == 0, out.stderr
    assert ("Two sources disagree about the IMAP server (the domain's configuration file: "
            "oldmail.stale.test; DNS SRV records: imap.stale.test). oldmail.stale.test is used") in out.stdout
    doc = probe_world.cli("ann@stale.test").json
    validate(doc)
    found = [w for w in doc["warnings"] if w["code"] == "sources_disagree"]
    assert [(w["host"], w["protocol"], w["params"]["other_host"]) for w in found] == [
        ("oldmail.stale.test", "imap", "imap.stale.test")]
