"""Whole-probe runs, in-process and through the real CLI, against the test world's real servers."""

from __future__ import annotations

import asyncio
from typing import Any

from assistant.core.discovery.run import discover
from assistant.core.model.address import EmailAddress
from assistant.core.model.progress import ProgressEvent
from assistant.core.model.results import Candidate, DiscoveryResult
from tests.support.fakeserver import Conn, fake_server
from tests.support.loopback import Subnet
from tests.support.world import ProbeWorld, checked, validate


def run(world: ProbeWorld, address: str, timeout: float = 10.0,
        events: list[ProgressEvent] | None = None) -> dict[str, Any]:
    result = asyncio.run(discover(EmailAddress.parse(address), world.settings(timeout),
                                  events.append if events is not None else None))
    return checked(result)


def rec(doc: dict[str, Any], protocol: str) -> tuple[str, int, str, str] | None:
    r = doc["recommended"][protocol]
    return None if r is None else (r["host"], r["port"], r["security"], r["source"])


def candidates(doc: dict[str, Any], protocol: str | None = None) -> list[dict[str, Any]]:
    return [c for c in doc["candidates"] if protocol is None or c["protocol"] == protocol]


def codes(doc: dict[str, Any]) -> list[str]:
    return [w["code"] for w in doc["warnings"]]


def test_srv_domain_recommends_implicit_tls_through_the_cli(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("alice@srv.test")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    doc = out.json
    validate(doc)
    assert rec(doc, "imap") == ("imap.srv.test", 993, "ssl", "srv")
    assert rec(doc, "smtp") == ("smtp.srv.test", 465, "ssl", "srv")
    assert rec(doc, "pop3") == ("pop.srv.test", 995, "ssl", "srv")
    imap = doc["recommended"]["imap"]
    assert imap["tls"]["verified"] is True and imap["secure"] is True
    assert any(c.upper().startswith("IMAP4") for c in imap["capabilities"])
    assert {s["service"] for s in doc["srv"]} >= {"_imaps._tcp", "_submissions._tcp"}
    assert doc["address"] == "alice@srv.test" and doc["domain"] == "srv.test"
    assert doc["mx"] == [{"preference": 10, "host": "mx.srv.test"}]
    # SRV named the servers, so no guesses are listed for those protocols.
    assert not [c for c in candidates(doc) if c["source"] == "guess"]
    assert "no_incoming" not in codes(doc) and "no_outgoing" not in codes(doc)


def test_readable_report_names_the_recommendation(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("alice@srv.test", json_out=False)
    assert out.returncode == 0, out.stderr
    assert "imap.srv.test:993 SSL/TLS" in out.stdout
    assert "smtp.srv.test:465 SSL/TLS" in out.stdout
    assert "Ready:" in out.stdout


def test_srv_fallback_past_a_dead_target(probe_world: ProbeWorld) -> None:
    doc = run(probe_world, "bob@fallback.test")
    assert rec(doc, "imap") == ("imap.fallback.test", 993, "ssl", "srv")
    dead = [c for c in candidates(doc, "imap") if c["host"] == "dead.fallback.test"]
    assert len(dead) == 1 and dead[0]["status"] == "refused" and dead[0]["secure"] is False


def test_not_offered_protocol_is_not_guessed(probe_world: ProbeWorld) -> None:
    doc = run(probe_world, "carol@notoffered.test")
    assert doc["not_offered"] == ["pop3"]
    assert candidates(doc, "pop3") == []
    assert doc["recommended"]["pop3"] is None
    assert rec(doc, "imap") == ("imap.notoffered.test", 993, "ssl", "srv")


def test_https_autoconfig_beats_a_forged_http_file(probe_world: ProbeWorld) -> None:
    doc = run(probe_world, "dave@autocfg.test")
    assert rec(doc, "imap") == ("imap.autocfg.test", 993, "ssl", "autoconfig")
    assert rec(doc, "smtp") == ("smtp.autocfg.test", 465, "ssl", "autoconfig")
    assert not [c for c in candidates(doc) if c["host"] == "evil.attacker.test"]
    assert "insecure_config_source" not in codes(doc)


def test_http_only_autoconfig_is_warned_about_and_never_outranks(probe_world: ProbeWorld) -> None:
    doc = run(probe_world, "erin@httponly.test")
    assert "insecure_config_source" in codes(doc)
    http = [c for c in candidates(doc) if c["source"] == "autoconfig_http"]
    assert {c["host"] for c in http} == {"mailhost.httponly.test", "smtp2.httponly.test"}
    # Either verified and still ranked below the guesses, or not needed once a guess was verified.
    assert all(c["secure"] or c["stopped"] == "better_found" for c in http)
    assert rec(doc, "imap") == ("imap.httponly.test", 993, "ssl", "guess")
    assert rec(doc, "smtp") == ("smtp.httponly.test", 465, "ssl", "guess")


def test_mx_based_lookup(probe_world: ProbeWorld) -> None:
    doc = run(probe_world, "frank@mxbased.test")
    assert doc["mx"] == [{"preference": 10, "host": "mx1.mailprovider.test"}]
    assert rec(doc, "imap") == ("imap.mailprovider.test", 993, "ssl", "mx")
    assert rec(doc, "smtp") == ("smtp.mailprovider.test", 465, "ssl", "mx")
    # Learnt from unsigned DNS and outside the address's domain: the user must confirm.
    outside = {(w["host"], w["protocol"]) for w in doc["warnings"] if w["code"] == "outside_domain"}
    assert ("imap.mailprovider.test", "imap") in outside


def test_guessing_only_domain(probe_world: ProbeWorld) -> None:
    events: list[ProgressEvent] = []
    doc = run(probe_world, "grace@guess.test", events=events)
    assert rec(doc, "imap") == ("imap.guess.test", 993, "ssl", "guess")
    assert rec(doc, "smtp") == ("smtp.guess.test", 465, "ssl", "guess")
    assert doc["recommended"]["pop3"] is None  # no pop./pop3./mail. host exists
    assert {(e.kind, e.state) for e in events} >= {("source", "started"), ("source", "done"),
                                                   ("endpoint", "started"), ("endpoint", "done")}
    # Lower-ranked tries of a protocol whose best server is verified are listed as stopped, not lost.
    for c in candidates(doc):
        if c["stopped"] is not None:
            assert c["stopped"] == "better_found" and c["status"] == "timeout"


def test_idn_address(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("heidi@bücher.test")
    assert out.returncode == 0, out.stderr
    doc = out.json
    validate(doc)
    assert doc["domain"] == "xn--bcher-kva.test" and doc["domain_unicode"] == "bücher.test"
    assert rec(doc, "imap") == ("imap.xn--bcher-kva.test", 993, "ssl", "guess")


def test_outside_domain_srv_target_is_recommended_with_a_warning(probe_world: ProbeWorld) -> None:
    doc = run(probe_world, "ivan@outside.test")
    assert rec(doc, "imap") == ("imap.provider-elsewhere.test", 993, "ssl", "srv")
    outside = [w for w in doc["warnings"] if w["code"] == "outside_domain"]
    assert [(w["host"], w["protocol"]) for w in outside] == [("imap.provider-elsewhere.test", "imap")]
    assert "outside.test" in outside[0]["message"]



async def _slow_plain_imap(conn: Conn) -> None:
    """A plaintext IMAP server that takes a while to greet: long after the SRV servers are verified."""
    await asyncio.sleep(1.5)
    await conn.send(b"* OK slow but fine\r\n")
    while line := await conn.line():
        tag, verb = line.split()[:2]
        if verb.upper() == b"CAPABILITY":
            await conn.send(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
        elif verb.upper() == b"LOGOUT":
            await conn.send(b"* BYE\r\n" + tag + b" OK bye\r\n")
            return


def test_servers_named_by_a_preset_are_probed_to_the_end(probe_world: ProbeWorld) -> None:
    # imaps on imap.srv.test is verified within milliseconds and outranks everything else; a slower server
    # the organisation's preset names must still be probed to the end (its policy may prefer it), where a
    # discovered server ranked as low would be stopped as "better_found".
    ip = Subnet().take()
    preset_server = Candidate("imap", ip, 143, "plain", "manual")

    async def go() -> DiscoveryResult:
        async with fake_server(ip, 143, _slow_plain_imap):
            return await discover(EmailAddress.parse("alice@srv.test"), probe_world.settings(10.0),
                                  extra=(preset_server,))
    doc = checked(asyncio.run(go()))
    imap = {(c["host"], c["port"]): c for c in candidates(doc, "imap")}
    assert imap[(ip, 143)]["status"] == "ok", imap[(ip, 143)]
    assert imap[(ip, 143)]["stopped"] is None
    assert rec(doc, "imap") == ("imap.srv.test", 993, "ssl", "srv")
