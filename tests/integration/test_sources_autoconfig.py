"""Autoconfig, ISPDB and MX-based discovery against a real dnsmasq and a real local HTTP(S) server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.core.discovery.sources import SOURCES
from assistant.core.model.address import parse_address
from assistant.core.model.results import SourceOutcome
from tests.support.dnsmasq import Zone
from tests.support.loopback import Subnet
from tests.support.web import Response, World, start_world

WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml"
AUTOCONFIG = "/mail/config-v1.1.xml"
MAIL_V1 = "/.well-known/mail-v1.xml"

DOMAINS = ["example.test", "wk.test", "forged.test", "httponly.test", "html.test", "huge.test", "bomb.test",
           "xn--bcher-kva.test", "hosted.test", "hosted2.test", "own.test"]
WEB_HOSTS = ([f"autoconfig.{d}" for d in DOMAINS] + DOMAINS
             + ["ispdb.example.test", "autoconfig.mail.hoster.test", "autoconfig.hoster.test",
                "autoconfig.other-hoster.test"])


def config(host: str, provider: str = "example.test", smtp: str | None = None) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1"><emailProvider id="{provider}"><domain>{provider}</domain>
<displayName>{provider} mail</displayName>
<incomingServer type="imap"><hostname>{host}</hostname><port>993</port><socketType>SSL</socketType>
<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
<incomingServer type="pop3"><hostname>{host}</hostname><port>995</port><socketType>SSL</socketType>
<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
<outgoingServer type="smtp"><hostname>{smtp or host}</hostname><port>465</port><socketType>SSL</socketType>
<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>""".encode()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    zone = Zone()
    zone.mx("hosted.test", "mx1.mail.hoster.test", 20).mx("hosted.test", "mx0.mail.hoster.test", 10)
    zone.mx("hosted2.test", "mx.other-hoster.test")
    zone.mx("own.test", "mx.own.test")
    w = start_world(tmp_path_factory.mktemp("autoconfig"), Subnet(), WEB_HOSTS, zone)
    yield w
    w.stop()


@pytest.fixture
def web(world: World) -> Iterator[World]:
    world.web.clear()
    yield world


def run(world: World, source: str, text: str, **settings: Any) -> SourceOutcome:
    return asyncio.run(SOURCES[source](parse_address(text), world.settings(**settings)))


def hosts(out: SourceOutcome) -> list[tuple[str, str, int, str]]:
    return [(c.protocol, c.host, c.port, c.source) for c in out.candidates]


def test_autoconfig_over_https_sends_the_address(web: World) -> None:
    web.web.route("autoconfig.example.test", AUTOCONFIG, Response(config("mail.%EMAILDOMAIN%")))
    out = run(web, "autoconfig", "alice+x@example.test")
    assert hosts(out) == [("imap", "mail.example.test", 993, "autoconfig"),
                          ("pop3", "mail.example.test", 995, "autoconfig"),
                          ("smtp", "mail.example.test", 465, "autoconfig")]
    assert [c.preference for c in out.candidates] == [0, 1, 2]
    assert out.warnings == [] and out.provider_name == "example.test mail"
    asked = [r for r in web.web.requests if r.path == AUTOCONFIG and r.scheme == "https"]
    assert asked[0].query == "emailaddress=alice%2Bx@example.test"
    assert all(not r.query for r in web.web.requests if r.scheme == "http")


def test_well_known_location(web: World) -> None:
    web.web.route("wk.test", WELL_KNOWN, Response(config("imap.wk.test", "wk.test")), scheme="https")
    out = run(web, "autoconfig", "wk.test")
    assert hosts(out)[0] == ("imap", "imap.wk.test", 993, "autoconfig")
    assert "https://wk.test" + WELL_KNOWN in web.web.asked()


def test_the_draft_standards_well_known_file_comes_first(web: World) -> None:
    web.web.route("autoconfig.wk.test", MAIL_V1, Response(config("new.wk.test", "wk.test")), scheme="https")
    web.web.route("autoconfig.wk.test", AUTOCONFIG, Response(config("old.wk.test", "wk.test")))
    out = run(web, "autoconfig", "ann@wk.test")
    assert {c.host for c in out.candidates} == {"new.wk.test"}
    asked = [r for r in web.web.requests if r.path == MAIL_V1]
    assert [(r.scheme, r.host, r.query) for r in asked] == [("https", "autoconfig.wk.test",
                                                             "emailaddress=ann@wk.test")]
    web.web.clear()
    web.web.route("autoconfig.wk.test", MAIL_V1, Response(config("new.wk.test", "wk.test")), scheme="http")
    out = run(web, "autoconfig", "ann@wk.test")
    assert out.candidates == []  # only the legacy locations are asked over plain HTTP
    assert not [r for r in web.web.requests if r.scheme == "http" and r.path == MAIL_V1]


def test_autoconfig_subdomain_beats_well_known_and_redirects_are_noted(web: World) -> None:
    web.web.route("autoconfig.wk.test", AUTOCONFIG,
                  Response(status=302, headers=[("Location", "https://autoconfig.wk.test/moved.xml")]))
    web.web.route("autoconfig.wk.test", "/moved.xml", Response(config("first.wk.test", "wk.test")))
    web.web.route("wk.test", WELL_KNOWN, Response(config("second.wk.test", "wk.test")))
    out = run(web, "autoconfig", "wk.test")
    assert {c.host for c in out.candidates} == {"first.wk.test"}
    found = [r for r in out.reports if r.outcome == "found"]
    assert len(found) == 2 and "via https://autoconfig.wk.test/moved.xml" in (found[0].detail or "")


def test_https_beats_a_forged_http_file(web: World) -> None:
    web.web.route("autoconfig.forged.test", AUTOCONFIG, Response(config("imap.forged.test")), scheme="https")
    web.web.route("autoconfig.forged.test", AUTOCONFIG, Response(config("evil.attacker.test")), scheme="http")
    out = run(web, "autoconfig", "bob@forged.test")
    assert {c.host for c in out.candidates} == {"imap.forged.test"}
    assert {c.source for c in out.candidates} == {"autoconfig"}
    assert out.warnings == []
    assert any(r.source == "autoconfig_http" and r.outcome == "skipped" for r in out.reports)


def test_http_file_is_only_an_untrusted_fallback(web: World) -> None:
    web.web.route("autoconfig.httponly.test", AUTOCONFIG, Response(config("imap.httponly.test")),
                  scheme="http")
    out = run(web, "autoconfig", "carol@httponly.test")
    assert {c.source for c in out.candidates} == {"autoconfig_http"}
    assert len(out.candidates) == 3
    [warning] = out.warnings
    assert warning.code == "insecure_config_source" and warning.host == "autoconfig.httponly.test"
    assert "unencrypted HTTP" in warning.message and "http://autoconfig.httponly.test" in warning.message
    assert warning.params["url"] == "http://autoconfig.httponly.test" + AUTOCONFIG
    http_requests = [r for r in web.web.requests if r.scheme == "http"]
    assert http_requests and all("emailaddress" not in r.query for r in http_requests)


def test_wrong_content_type_is_rejected(web: World) -> None:
    web.web.route("autoconfig.html.test", AUTOCONFIG, Response(config("imap.html.test"),
                                                               content_type="text/html"))
    out = run(web, "autoconfig", "html.test")
    assert out.candidates == []
    assert any(r.outcome == "error" and "text/html" in (r.detail or "") for r in out.reports)


def test_oversized_file_is_rejected(web: World) -> None:
    padding = b"<!--" + b"x" * 300_000 + b"-->"
    body = config("imap.huge.test").replace(b"</clientConfig>", padding + b"</clientConfig>")
    web.web.route("autoconfig.huge.test", AUTOCONFIG, Response(body), scheme="https")
    out = run(web, "autoconfig", "huge.test")
    assert out.candidates == []
    assert any(r.outcome == "error" and "limit" in (r.detail or "") for r in out.reports)


def test_entity_bomb_is_rejected(web: World) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b"<clientConfig><emailProvider id='&b;'/></clientConfig>")
    web.web.route("autoconfig.bomb.test", AUTOCONFIG, Response(bomb))
    out = run(web, "autoconfig", "bomb.test")
    assert out.candidates == []
    assert any(r.outcome == "error" and "DTD" in (r.detail or "") for r in out.reports)


def test_missing_files_are_not_found(web: World) -> None:
    out = run(web, "autoconfig", "nothing.test")
    assert out.candidates == [] and out.warnings == []
    assert {r.outcome for r in out.reports} == {"not_found"}


def test_idn_domain_uses_a_labels(web: World) -> None:
    web.web.route("autoconfig.xn--bcher-kva.test", AUTOCONFIG,
                  Response(config("mail.%EMAILDOMAIN%", "xn--bcher-kva.test")))
    out = run(web, "autoconfig", "leser@bücher.test")
    assert hosts(out)[0] == ("imap", "mail.xn--bcher-kva.test", 993, "autoconfig")
    assert any(r.query == "emailaddress=leser@xn--bcher-kva.test" for r in web.web.requests)


@pytest.mark.parametrize("base", ["https://ispdb.example.test/v1.1/", "https://ispdb.example.test/db/{domain}.xml"])
def test_ispdb_via_a_local_base_url(web: World, base: str) -> None:
    path = "/v1.1/example.test" if base.endswith("/") else "/db/example.test.xml"
    web.web.route("ispdb.example.test", path, Response(config("imap.example.test")))
    out = run(web, "ispdb", "a@example.test", ispdb_url=base)
    assert hosts(out)[0] == ("imap", "imap.example.test", 993, "ispdb")
    assert [r.url for r in web.web.requests] == [f"https://ispdb.example.test{path}"]


def test_offline_skips_the_ispdb(web: World) -> None:
    web.web.route("ispdb.example.test", "/v1.1/example.test", Response(config("imap.example.test")))
    out = run(web, "ispdb", "a@example.test", offline=True)
    assert out.candidates == [] and web.web.requests == []
    assert [r.outcome for r in out.reports] == ["skipped"]


def test_mx_based_lookup_uses_the_lowest_preference_host(web: World) -> None:
    web.web.route("autoconfig.mail.hoster.test", AUTOCONFIG,
                  Response(config("imap.hoster.test", "hoster.test")))
    out = run(web, "mx", "dave@hosted.test")
    assert [(m.preference, m.host) for m in out.mx] == [(10, "mx0.mail.hoster.test"),
                                                        (20, "mx1.mail.hoster.test")]
    assert hosts(out)[0] == ("imap", "imap.hoster.test", 993, "mx")
    assert {c.source for c in out.candidates} == {"mx"}
    assert "https://autoconfig.mail.hoster.test" + AUTOCONFIG in web.web.asked()


def test_mx_next_subdomain_beats_the_registered_domain(web: World) -> None:
    web.web.route("autoconfig.hoster.test", AUTOCONFIG, Response(config("base.hoster.test", "hoster.test")))
    web.web.route("ispdb.example.test", "/v1.1/mail.hoster.test", Response(config("db.hoster.test")))
    web.web.route("autoconfig.mail.hoster.test", AUTOCONFIG,
                  Response(config("sub.hoster.test", "hoster.test")))
    out = run(web, "mx", "dave@hosted.test")
    assert {c.host for c in out.candidates} == {"sub.hoster.test"}


def test_mx_based_lookup_falls_back_to_the_registered_domain_and_ispdb(web: World) -> None:
    web.web.route("ispdb.example.test", "/v1.1/other-hoster.test", Response(config("imap.other-hoster.test")))
    out = run(web, "mx", "erin@hosted2.test")
    assert hosts(out)[0] == ("imap", "imap.other-hoster.test", 993, "mx")
    asked = web.web.asked()
    assert "https://autoconfig.other-hoster.test" + AUTOCONFIG in asked
    assert "https://ispdb.example.test/v1.1/other-hoster.test" in asked


def test_mx_providers_own_file_comes_before_the_ispdb(web: World) -> None:
    """After the MX lookup, https://autoconfig.MXDOMAIN/mail/config-v1.1.xml wins over the ISPDB's entry
    for the same domain (Thunderbird for Android's order)."""
    stale = Response(config("stale.other-hoster.test"))
    web.web.route("ispdb.example.test", "/v1.1/other-hoster.test", stale)
    web.web.route("autoconfig.other-hoster.test", AUTOCONFIG, Response(config("imap.other-hoster.test")))
    out = run(web, "mx", "erin@hosted2.test")
    assert {c.host for c in out.candidates} == {"imap.other-hoster.test"}


def test_mx_based_lookup_offline_skips_the_ispdb(web: World) -> None:
    web.web.route("ispdb.example.test", "/v1.1/other-hoster.test", Response(config("imap.other-hoster.test")))
    out = run(web, "mx", "erin@hosted2.test", offline=True)
    assert out.candidates == []
    assert all("ispdb" not in u for u in web.web.asked())
    assert any(r.outcome == "skipped" and "ispdb" in r.target for r in out.reports)


def test_mx_in_the_own_domain_asks_nothing(web: World) -> None:
    out = run(web, "mx", "own.test")
    assert [m.host for m in out.mx] == ["mx.own.test"] and out.candidates == []
    assert web.web.requests == []
    assert any(r.outcome == "skipped" for r in out.reports)


def test_mx_of_a_missing_domain(web: World) -> None:
    out = run(web, "mx", "x@missing-domain.test")
    assert out.domain_missing and out.mx == []
