"""The bounded HTTP(S) fetch against a real local web server resolved through a real dnsmasq."""

from __future__ import annotations

import asyncio
import base64
import socket
from collections.abc import Iterator

import pytest

from assistant.core.net.http import (
    FetchError,
    HttpResult,
    basic_authorization,
    challenge_schemes,
    fetch,
    post,
)
from tests.support.dnsmasq import Zone
from tests.support.loopback import Subnet
from tests.support.web import Response, World, start_world

HOSTS = ["files.example.test", "other.example.test"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    subnet = Subnet()
    silent_ip, closed_ip = subnet.take(), subnet.take()
    zone = Zone().host("silent.example.test", silent_ip).host("closed.example.test", closed_ip)
    w = start_world(tmp_path_factory.mktemp("http"), subnet, [*HOSTS, "wrongname.example.test"], zone,
                    cert_hosts=HOSTS)
    # A listener that accepts connections (the kernel completes the handshake) and never answers.
    silent = socket.socket()
    silent.bind((silent_ip, 443))
    silent.listen(8)
    w.silent = silent  # type: ignore[attr-defined]
    yield w
    silent.close()
    w.stop()


@pytest.fixture
def web(world: World) -> Iterator[World]:
    world.web.clear()
    yield world


def get(world: World, url: str, **overrides: object) -> HttpResult:
    return asyncio.run(fetch(url, world.settings(**overrides)))


def fails(world: World, url: str, **overrides: object) -> FetchError:
    with pytest.raises(FetchError) as info:
        get(world, url, **overrides)
    assert "\n" not in str(info.value)
    return info.value


def test_https_fetch_is_secure_and_returns_the_body(web: World) -> None:
    web.web.route("files.example.test", "/a.xml", Response(b"<a/>", content_type="text/xml; charset=utf-8"))
    r = get(web, "https://files.example.test/a.xml?x=1")
    assert (r.status, r.content_type, r.body, r.secure) == (200, "text/xml", b"<a/>", True)
    assert web.web.requests[0].query == "x=1"
    assert web.web.requests[0].headers["accept"] == "application/xml, text/xml"


def test_plain_http_is_not_secure(web: World) -> None:
    web.web.route("files.example.test", "/a.xml", Response(b"<a/>"))
    r = get(web, "http://files.example.test/a.xml")
    assert r.secure is False and r.body == b"<a/>"


def test_redirects_are_followed_within_https(web: World) -> None:
    web.web.route("files.example.test", "/old", Response(status=301, headers=[("Location", "/mid")]))
    web.web.route("files.example.test", "/mid",
                  Response(status=302, headers=[("Location", "https://other.example.test/new")]))
    web.web.route("other.example.test", "/new", Response(b"<new/>"))
    r = get(web, "https://files.example.test/old")
    assert r.body == b"<new/>" and r.secure and r.final_url == "https://other.example.test/new"


def test_redirect_from_https_to_http_is_refused(web: World) -> None:
    web.web.route("files.example.test", "/old",
                  Response(status=301, headers=[("Location", "http://files.example.test/new")]))
    web.web.route("files.example.test", "/new", Response(b"<new/>"))
    err = fails(web, "https://files.example.test/old")
    assert err.kind == "redirect" and "HTTPS" in str(err)
    assert [r.scheme for r in web.web.requests] == ["https"]


def test_http_to_https_redirect_still_counts_as_insecure(web: World) -> None:
    web.web.route("files.example.test", "/old",
                  Response(status=301, headers=[("Location", "https://files.example.test/new")]),
                  scheme="http")
    web.web.route("files.example.test", "/new", Response(b"<new/>"), scheme="https")
    r = get(web, "http://files.example.test/old")
    assert r.body == b"<new/>" and r.secure is False


def test_redirect_to_a_bad_location_is_a_clean_error(web: World) -> None:
    web.web.route("files.example.test", "/old", Response(status=302, headers=[("Location", "/caf%C3%A9 x")]))
    err = fails(web, "https://files.example.test/old")
    assert err.kind == "bad_url"


def test_more_than_three_redirects_fail(web: World) -> None:
    for i in range(5):
        web.web.route("files.example.test", f"/r{i}",
                      Response(status=302, headers=[("Location", f"/r{i + 1}")]))
    err = fails(web, "https://files.example.test/r0")
    assert err.kind == "redirect" and "more than 3 redirects" in str(err)
    assert len(web.web.requests) == 4


def test_body_over_the_cap_is_refused_by_its_length(web: World) -> None:
    web.web.route("files.example.test", "/big", Response(b"x" * 5000))
    err = fails(web, "https://files.example.test/big", max_http_body=4096)
    assert err.kind == "too_large" and "5000" in str(err)


def test_chunked_body_over_the_cap_is_refused_while_reading(web: World) -> None:
    web.web.route("files.example.test", "/big", Response(b"x" * 200_000, chunked=True))
    err = fails(web, "https://files.example.test/big", max_http_body=4096)
    assert err.kind == "too_large" and "4096" in str(err)


def test_chunked_body_under_the_cap_is_read(web: World) -> None:
    web.web.route("files.example.test", "/ok", Response(b"y" * 20_000, chunked=True))
    assert get(web, "https://files.example.test/ok").body == b"y" * 20_000


def test_endless_headers_are_refused(web: World) -> None:
    web.web.route("files.example.test", "/h", Response(b"<a/>", headers=[("X-Pad", "p" * 40_000)]))
    err = fails(web, "https://files.example.test/h")
    assert err.kind in ("too_large", "http")


def test_unknown_ca_is_a_certificate_problem(web: World) -> None:
    web.web.route("files.example.test", "/a.xml", Response(b"<a/>"))
    err = fails(web, "https://files.example.test/a.xml", cafile=None)
    assert err.kind == "tls" and "certificate problem" in str(err)
    assert web.web.requests == []


def test_certificate_for_another_name_is_a_certificate_problem(web: World) -> None:
    web.web.route("wrongname.example.test", "/a.xml", Response(b"<a/>"))
    err = fails(web, "https://wrongname.example.test/a.xml")
    assert err.kind == "tls" and "certificate problem" in str(err)


def test_unknown_host_is_a_dns_error(web: World) -> None:
    err = fails(web, "https://nothing-here.example.test/a.xml")
    assert err.kind == "dns_error"


def test_closed_port_is_refused(web: World) -> None:
    assert fails(web, "https://closed.example.test/a.xml").kind == "refused"


def test_silent_server_ends_at_the_deadline(web: World) -> None:
    err = fails(web, "https://silent.example.test/a.xml", http_timeout=0.5)
    assert err.kind == "timeout" and "0.5 s" in str(err)


@pytest.mark.parametrize("url", ["ftp://files.example.test/x", "https://user:pw@files.example.test/x",
                                 "https:///nohost", "https://files.example.test/a b",
                                 "https://files.example.test/ü", "https://files.example.test/\r\nX: y"])
def test_bad_urls_are_refused(web: World, url: str) -> None:
    err = fails(web, url)
    assert err.kind == "bad_url" and "pw" not in str(err)


def test_post_sends_the_body_and_content_type(web: World) -> None:
    web.web.route("files.example.test", "/ad", Response(b"<ok/>"))
    r = asyncio.run(post("https://files.example.test/ad", b"<q>x</q>", "text/xml; charset=utf-8",
                         web.settings()))
    assert (r.status, r.body, r.secure) == (200, b"<ok/>", True)
    sent = web.web.requests[0]
    assert (sent.method, sent.body, sent.headers["content-type"]) == ("POST", b"<q>x</q>",
                                                                       "text/xml; charset=utf-8")
    assert sent.headers["content-length"] == "8"


def test_post_redirect_posts_again_and_never_to_http(web: World) -> None:
    web.web.route("files.example.test", "/old",
                  Response(status=302, headers=[("Location", "https://other.example.test/new")]))
    web.web.route("other.example.test", "/new", Response(b"<new/>"))
    r = asyncio.run(post("https://files.example.test/old", b"<q/>", "text/xml", web.settings()))
    assert r.body == b"<new/>" and r.final_url == "https://other.example.test/new"
    assert [(q.method, q.host, q.body) for q in web.web.requests] == [
        ("POST", "files.example.test", b"<q/>"), ("POST", "other.example.test", b"<q/>")]
    web.web.clear()
    web.web.route("files.example.test", "/old",
                  Response(status=307, headers=[("Location", "http://files.example.test/new")]))
    with pytest.raises(FetchError) as info:
        asyncio.run(post("https://files.example.test/old", b"<q/>", "text/xml", web.settings()))
    assert info.value.kind == "redirect" and [q.scheme for q in web.web.requests] == ["https"]


def test_a_redirect_can_be_returned_instead_of_followed(web: World) -> None:
    web.web.route("files.example.test", "/old", Response(status=301, headers=[("Location", "/new")]),
                  scheme="http")
    r = asyncio.run(fetch("http://files.example.test/old", web.settings(), follow_redirects=False))
    assert r.status == 301 and r.redirect == "http://files.example.test/new" and not r.secure
    assert len(web.web.requests) == 1
    web.web.route("files.example.test", "/a", Response(b"<a/>"))
    assert get(web, "https://files.example.test/a").redirect is None


def test_a_401_keeps_its_challenge(web: World) -> None:
    challenge = [("WWW-Authenticate", "Basic realm=x")]
    web.web.route("files.example.test", "/ad", Response(b"", 401, None, challenge))
    r = asyncio.run(post("https://files.example.test/ad", b"<q/>", "text/xml", web.settings()))
    assert r.status == 401 and r.headers["www-authenticate"] == "Basic realm=x"


def test_several_challenges_are_kept_together(web: World) -> None:
    """Exchange sends one WWW-Authenticate header per scheme: none may be lost."""
    challenge = [("WWW-Authenticate", "Negotiate"), ("WWW-Authenticate", "NTLM"),
                 ("WWW-Authenticate", 'Basic realm="autodiscover"')]
    web.web.route("files.example.test", "/ad", Response(b"", 401, None, challenge))
    r = asyncio.run(post("https://files.example.test/ad", b"<q/>", "text/xml", web.settings()))
    assert challenge_schemes(r.headers["www-authenticate"]) == ["Negotiate", "NTLM", "Basic"]


AUTH = basic_authorization("pat@example.test", "Pat's pw ü")


def test_credentials_go_over_https_to_the_named_host_only(web: World) -> None:
    web.web.route("files.example.test", "/ad", Response(b"<ok/>"))
    r = asyncio.run(post("https://files.example.test/ad", b"<q/>", "text/xml", web.settings(),
                         authorization=AUTH))
    assert r.status == 200 and r.body == b"<ok/>"
    assert [q.headers.get("authorization") for q in web.web.requests] == [AUTH]
    assert AUTH == "Basic " + base64.b64encode("pat@example.test:Pat's pw ü".encode()).decode()


def test_credentials_never_follow_a_redirect(web: World) -> None:
    for status in (301, 302, 307, 308):
        web.web.clear()
        web.web.route("files.example.test", "/ad",
                      Response(status=status, headers=[("Location", "https://other.example.test/steal")]))
        web.web.route("other.example.test", "/steal", Response(b"<ok/>"))
        r = asyncio.run(post("https://files.example.test/ad", b"<q/>", "text/xml", web.settings(),
                             authorization=AUTH))
        assert r.status == status and r.redirect == "https://other.example.test/steal"
        assert [(q.host, q.path) for q in web.web.requests] == [("files.example.test", "/ad")]


def test_credentials_are_never_sent_over_plain_http(web: World) -> None:
    web.web.route("files.example.test", "/ad", Response(b"<ok/>"))
    with pytest.raises(FetchError) as info:
        asyncio.run(post("http://files.example.test/ad", b"<q/>", "text/xml", web.settings(),
                         authorization=AUTH))
    assert info.value.kind == "bad_url" and "only sent over HTTPS" in str(info.value)
    assert web.web.requests == []  # not even a connection that carried a request
    assert AUTH.split()[1] not in str(info.value)
