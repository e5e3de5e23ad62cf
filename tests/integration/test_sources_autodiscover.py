"""The Autodiscover source against a real dnsmasq and a real local HTTP(S) server holding canned answers.

Each scenario is its own domain: a cPanel-like answer naming the hosting machine, an Exchange-like 401, an
Exchange-only answer, RedirectAddr (followed, and a loop that stops), RedirectUrl, an http→https redirect,
an answer over plain HTTP only (never read), the SRV record pointing to another domain, oversized, garbage
and XXE answers, and a silent server.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.core.discovery.sources import SOURCES
from assistant.core.discovery.sources.autodiscover import CONTENT_TYPE, PATH
from assistant.core.model.address import parse_address
from assistant.core.model.results import AuthChallenge, SourceOutcome, SourceReport
from tests.support.dnsmasq import Zone
from tests.support.loopback import Subnet
from tests.support.web import Request, Response, World, start_world
from tests.support.world import autodiscover_xml

BOX = "box17.hostingco.test"
CPANEL = [("IMAP", BOX, 993), ("POP3", BOX, 995), ("SMTP", BOX, 465)]
ELSEWHERE = "ad.hostingco.test"  # an Autodiscover service in another registered domain
DOMAINS = ["kim.test", "exch.test", "exonly.test", "redir.test", "loop1.test", "loop2.test",
           "httpredir.test", "httpaway.test", "plainonly.test", "big.test", "garbage.test", "xxe.test",
           "html.test", "rurl.test", "rurlhttp.test", "spa.test", "both.test", "forbidden.test"]
WEB_HOSTS = [f"autodiscover.{d}" for d in DOMAINS] + ["secure.httpredir.test", ELSEWHERE]

EXCHANGE_ONLY = b"""<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
<Account><AccountType>email</AccountType><Action>settings</Action>
<Protocol><Type>EXCH</Type><Server>mbx.exonly.test</Server><EwsUrl>https://mail.exonly.test/EWS/Exchange.asmx</EwsUrl></Protocol>
<Protocol><Type>EXPR</Type><Server>mail.exonly.test</Server></Protocol>
<Protocol><Type>WEB</Type><Internal><OWAUrl AuthenticationMethod="Fba">https://mail.exonly.test/owa/</OWAUrl></Internal></Protocol>
</Account></Response></Autodiscover>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Autodiscover [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Autodiscover><Response><Account><Protocol><Type>IMAP</Type><Server>&x;</Server></Protocol></Account></Response>
</Autodiscover>"""


def redirect(kind: str, target: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><Autodiscover '
            f'xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response '
            f'xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"><Account>'
            f"<AccountType>email</AccountType><Action>{kind}</Action><{kind}>{target}</{kind}>"
            f"</Account></Response></Autodiscover>").encode()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    subnet = Subnet()
    silent_ip = subnet.take()
    zone = Zone().host("autodiscover.slow.test", silent_ip)
    zone.srv("_autodiscover._tcp.srvonly.test", ELSEWHERE, 443)
    zone.srv("_autodiscover._tcp.both.test", ELSEWHERE, 443)
    zone.srv("_autodiscover._tcp.dot.test", ".")
    w = start_world(tmp_path_factory.mktemp("autodiscover"), subnet, WEB_HOSTS, zone)
    silent = socket.socket()  # accepts connections (the kernel completes them) and never answers
    silent.bind((silent_ip, 443))
    silent.listen(8)
    yield w
    silent.close()
    w.stop()


@pytest.fixture
def web(world: World) -> Iterator[World]:
    world.web.clear()
    yield world


def route(w: World, host: str, response: Response, scheme: str | None = "https") -> None:
    w.web.route(host, PATH, response, scheme=scheme)


def run(w: World, text: str, **settings: Any) -> SourceOutcome:
    return asyncio.run(SOURCES["autodiscover"](parse_address(text), w.settings(**settings)))


def hosts(out: SourceOutcome) -> list[tuple[str, str, int, str, str]]:
    return [(c.protocol, c.host, c.port, c.security, c.source) for c in out.candidates]


def report(out: SourceOutcome, target: str) -> SourceReport:
    found = [r for r in out.reports if r.target == target]
    assert len(found) == 1, out.reports
    return found[0]


def posts(w: World) -> list[Request]:
    return [r for r in w.web.requests if r.method == "POST"]


def test_cpanel_answer_names_the_hosting_machine_and_is_the_domains_own_word(web: World) -> None:
    route(web, "autodiscover.kim.test", Response(autodiscover_xml(CPANEL, "kim@kim.test")))
    out = run(web, "kim@kim.test")
    assert hosts(out) == [(p, BOX, port, "ssl", "autodiscover")
                          for p, port in (("imap", 993), ("pop3", 995), ("smtp", 465))]
    assert {c.username for c in out.candidates} == {"%EMAILADDRESS%"}
    assert out.routes == {} and out.warnings == []
    assert report(out, f"https://autodiscover.kim.test{PATH}").outcome == "found"
    asked = posts(web)
    assert [(r.scheme, r.host, r.path) for r in asked] == [("https", "autodiscover.kim.test", PATH)]
    assert asked[0].headers["content-type"] == CONTENT_TYPE == "text/xml; charset=utf-8"
    body = asked[0].body.decode()
    assert "<EMailAddress>kim@kim.test</EMailAddress>" in body
    assert ('<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/'
            '2006">') in body
    assert ("<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/"
            "responseschema/2006a</AcceptableResponseSchema>") in body
    assert "authorization" not in asked[0].headers  # never a password
    # The plain-HTTP location was only asked with a GET that carries no address.
    plain = [r for r in web.web.requests if r.scheme == "http"]
    assert plain and all(r.method == "GET" and not r.query and not r.body for r in plain)
    assert report(out, "https://kim.test" + PATH).outcome == "not_found"  # no such web host


def test_the_address_is_escaped_in_the_request(web: World) -> None:
    route(web, "autodiscover.kim.test", Response(autodiscover_xml(CPANEL)))
    out = run(web, "o'neil&co@kim.test")
    assert out.candidates
    assert b"<EMailAddress>o'neil&amp;co@kim.test</EMailAddress>" in posts(web)[0].body


def test_exchange_401_is_auth_required(web: World) -> None:
    route(web, "autodiscover.exch.test", Response(b"", 401, None, [("WWW-Authenticate", 'Basic realm="x"')]))
    out = run(web, "pat@exch.test")
    assert out.candidates == [] and out.warnings == []
    r = report(out, f"https://autodiscover.exch.test{PATH}")
    assert r.outcome == "auth_required"
    assert "wants the mail password" in (r.detail or "") and "Basic" in (r.detail or "")
    # The structured record a retry with the password checks: this URL, Basic offered, this address.
    assert r.auth == AuthChallenge(f"https://autodiscover.exch.test{PATH}", 401, ("Basic",), "pat@exch.test")
    assert [q.headers.get("authorization") for q in web.web.requests] == [None] * len(web.web.requests)


def test_403_after_a_redirect_is_auth_required_at_the_host_that_asked(web: World) -> None:
    asking = f"https://{ELSEWHERE}/login/autodiscover.xml"
    route(web, "autodiscover.forbidden.test", Response(status=302, headers=[("Location", asking)]))
    web.web.route(ELSEWHERE, "/login/autodiscover.xml", Response(b"no", 403, "text/plain"))
    out = run(web, "pat@forbidden.test")
    assert report(out, asking).outcome == "auth_required"
    assert report(out, asking).auth == AuthChallenge(asking, 403, (), "pat@forbidden.test")
    assert [r.method for r in web.web.requests if r.host == ELSEWHERE] == ["POST"]


def test_exchange_only_answer_says_so_in_words(web: World) -> None:
    route(web, "autodiscover.exonly.test", Response(EXCHANGE_ONLY))
    out = run(web, "pat@exonly.test")
    assert out.candidates == []
    assert [w.code for w in out.warnings] == ["exchange_only"]
    message = out.warnings[0].message
    assert "Exchange or Microsoft 365" in message and "administrator" in message and "exonly.test" in message


def test_redirect_addr_is_followed_and_leaves_the_domain(web: World) -> None:
    route(web, "autodiscover.redir.test", Response(redirect("RedirectAddr", "kim@kim.test")))
    route(web, "autodiscover.kim.test", Response(autodiscover_xml(CPANEL)))
    out = run(web, "ann@redir.test")
    assert [c.host for c in out.candidates] == [BOX] * 3
    assert set(out.routes.values()) == {"autodiscover_redirect"}
    assert set(out.routes) == {c.key for c in out.candidates}
    bodies = [(r.host, r.body) for r in posts(web)]
    assert ("autodiscover.redir.test", bodies[0][1]) in bodies and b"ann@redir.test" in bodies[0][1]
    assert any(h == "autodiscover.kim.test" and b"<EMailAddress>kim@kim.test<" in b for h, b in bodies)
    assert "RedirectAddr kim@kim.test" in (report(out, f"https://autodiscover.redir.test{PATH}").detail or "")


def test_redirect_addr_loops_stop_after_two_hops(web: World) -> None:
    route(web, "autodiscover.loop1.test", Response(redirect("RedirectAddr", "b@loop2.test")))
    route(web, "autodiscover.loop2.test", Response(redirect("RedirectAddr", "a@loop1.test")))
    start = time.monotonic()
    out = run(web, "a@loop1.test")
    assert out.candidates == [] and time.monotonic() - start < 5
    assert any("more than 2 Autodiscover redirects" in (r.detail or "") for r in out.reports)
    assert len([r for r in posts(web) if r.host.startswith("autodiscover.loop")]) == 3


def test_redirect_url_only_to_https(web: World) -> None:
    route(web, "autodiscover.rurl.test", Response(redirect("RedirectUrl", f"https://{ELSEWHERE}{PATH}")))
    route(web, ELSEWHERE, Response(autodiscover_xml(CPANEL)))
    out = run(web, "a@rurl.test")
    assert [c.host for c in out.candidates] == [BOX] * 3
    assert set(out.routes.values()) == {"autodiscover_redirect"}
    route(web, "autodiscover.rurlhttp.test", Response(redirect("RedirectUrl", f"http://{ELSEWHERE}{PATH}")))
    out = run(web, "a@rurlhttp.test")
    assert out.candidates == []
    assert "only https" in (report(out, f"https://autodiscover.rurlhttp.test{PATH}").detail or "")


def test_http_is_asked_only_for_a_redirect_to_https_then_posted_there(web: World) -> None:
    secure = f"https://secure.httpredir.test{PATH}"
    route(web, "autodiscover.httpredir.test", Response(status=302, headers=[("Location", secure)]), "http")
    route(web, "secure.httpredir.test", Response(autodiscover_xml(CPANEL)))
    out = run(web, "kim@httpredir.test")
    assert [c.host for c in out.candidates] == [BOX] * 3
    assert out.routes == {}  # the redirect stayed inside the address's domain: its own word
    plain = [r for r in web.web.requests if r.scheme == "http"]
    assert [(r.method, r.body, r.query) for r in plain] == [("GET", b"", "")]
    again = [r for r in posts(web) if r.host == "secure.httpredir.test"]
    assert len(again) == 1 and b"kim@httpredir.test" in again[0].body
    assert report(out, f"http://autodiscover.httpredir.test{PATH}").detail == f"redirects to {secure}"


def test_http_redirect_to_another_domain_makes_its_servers_outside(web: World) -> None:
    route(web, "autodiscover.httpaway.test",
          Response(status=301, headers=[("Location", f"https://{ELSEWHERE}{PATH}")]), "http")
    route(web, ELSEWHERE, Response(autodiscover_xml(CPANEL)))
    out = run(web, "kim@httpaway.test")
    assert [c.host for c in out.candidates] == [BOX] * 3
    assert set(out.routes.values()) == {"autodiscover_redirect"}


def test_an_answer_over_plain_http_is_never_read(web: World) -> None:
    route(web, "autodiscover.plainonly.test", Response(autodiscover_xml(CPANEL)), "http")
    out = run(web, "kim@plainonly.test")
    assert out.candidates == [] and out.warnings == []
    r = report(out, f"http://autodiscover.plainonly.test{PATH}")
    assert r.outcome == "skipped" and "unencrypted HTTP: ignored" in (r.detail or "")
    assert not [r for r in web.web.requests if r.scheme == "http" and r.method == "POST"]


def test_srv_record_pointing_to_another_domain_makes_its_servers_outside(web: World) -> None:
    route(web, ELSEWHERE, Response(autodiscover_xml(CPANEL)))
    out = run(web, "kim@srvonly.test")
    assert [c.host for c in out.candidates] == [BOX] * 3
    assert set(out.routes.values()) == {"autodiscover_srv"}
    assert report(out, "_autodiscover._tcp.srvonly.test").detail == f"{ELSEWHERE} port 443"
    assert [r.host for r in posts(web)] == [ELSEWHERE]


def test_the_domains_own_service_wins_over_the_srv_record(web: World) -> None:
    route(web, "autodiscover.both.test", Response(autodiscover_xml([("IMAP", "imap.both.test", 993),
                                                                   ("SMTP", "smtp.both.test", 465)])))
    route(web, ELSEWHERE, Response(autodiscover_xml(CPANEL)))
    out = run(web, "kim@both.test")
    assert [c.host for c in out.candidates] == ["imap.both.test", "smtp.both.test"]
    assert out.routes == {}


def test_srv_dot_target_is_not_found(web: World) -> None:
    out = run(web, "kim@dot.test")
    assert report(out, "_autodiscover._tcp.dot.test").outcome == "not_found"


@pytest.mark.parametrize(("domain", "response", "words"), [
    ("big.test", Response(b"<Autodiscover>" + b" " * 300_000 + b"</Autodiscover>"), "limit"),
    ("garbage.test", Response(b"\x00\xffnot xml at all <<<"), "not well-formed"),
    ("xxe.test", Response(XXE), "DTD"),
    ("html.test", Response(b"<html>cPanel login</html>", content_type="text/html"), "not XML"),
])
def test_bad_answers_are_one_line_errors(web: World, domain: str, response: Response, words: str) -> None:
    route(web, f"autodiscover.{domain}", response)
    out = run(web, f"kim@{domain}", max_http_body=256 * 1024)
    assert out.candidates == []
    r = report(out, f"https://autodiscover.{domain}{PATH}")
    assert r.outcome == "error" and words in (r.detail or "") and "\n" not in (r.detail or "")


def test_spa_servers_are_dropped_and_said(web: World) -> None:
    answer = autodiscover_xml([("IMAP", BOX, 993)], extra="<SPA>on</SPA>")
    route(web, "autodiscover.spa.test", Response(answer))
    out = run(web, "kim@spa.test")
    assert out.candidates == []
    detail = report(out, f"https://autodiscover.spa.test{PATH}").detail or ""
    assert "Secure Password Authentication" in detail and "cannot set up" in detail


def test_silent_server_ends_at_the_deadline(web: World) -> None:
    start = time.monotonic()
    out = run(web, "kim@slow.test", http_timeout=0.5)
    assert time.monotonic() - start < 3
    r = report(out, f"https://autodiscover.slow.test{PATH}")
    assert r.outcome == "error" and "0.5 s" in (r.detail or "")


def test_bare_domain_is_not_asked(web: World) -> None:
    out = run(web, "kim.test")
    assert out.candidates == [] and [r.outcome for r in out.reports] == ["skipped"]
    assert web.web.requests == []
