"""Asking an Autodiscover service again with the mail password (``autodiscover.ask_with_password``), against
a real dnsmasq and a real local HTTPS server that answers only for the right Basic credentials.

What is checked here is the source's part: one POST over verified HTTPS to exactly the URL given, nothing
the answer points to followed with the password (an HTTP redirect, RedirectAddr, RedirectUrl), and the
answer read by the same reader as without a password. Which URL may get the password at all is the
setup session's rule (tests/core/setup/test_autodiscover_auth.py, tests/cli/test_verify_autodiscover.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from assistant.core.discovery.sources.autodiscover import PATH, ask_with_password
from assistant.core.model.address import parse_address
from assistant.core.model.results import SourceOutcome
from assistant.core.net.http import basic_authorization
from tests.integration.test_sources_autodiscover import EXCHANGE_ONLY, redirect
from tests.support.dnsmasq import Zone
from tests.support.loopback import Subnet
from tests.support.web import Request, Response, World, basic_auth, start_world
from tests.support.world import autodiscover_xml

BOX = "box17.hostingco.test"
CPANEL = [("IMAP", BOX, 993), ("SMTP", BOX, 465)]
PAT, PASSWORD = "pat@exch.test", "Pat's Exchange pw 1"
URL = f"https://autodiscover.exch.test{PATH}"
HOSTS = ["autodiscover.exch.test", "ad.elsewhere.test"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = start_world(tmp_path_factory.mktemp("autodiscover-auth"), Subnet(), HOSTS, Zone())
    yield w
    w.stop()


@pytest.fixture
def web(world: World) -> Iterator[World]:
    world.web.clear()
    yield world


def ask(w: World, password: str = PASSWORD, address: str = PAT, url: str = URL,
        code: str = "found") -> SourceOutcome:
    """Ask ``url`` with these credentials; what came of it must be ``code``."""
    auth = basic_authorization(address, password)
    out, got = asyncio.run(ask_with_password(parse_address(address), url, auth, w.settings()))
    assert got == code, out.reports
    return out


def with_password(w: World) -> list[Request]:
    return [r for r in w.web.requests if r.credentials is not None]


def answer(w: World, response: Response) -> None:
    w.web.route("autodiscover.exch.test", PATH, basic_auth(PAT, PASSWORD, response), scheme="https")


def test_the_right_password_gets_the_servers(web: World) -> None:
    answer(web, Response(autodiscover_xml(CPANEL, PAT)))
    out = ask(web)
    assert [(c.protocol, c.host, c.port, c.security, c.source) for c in out.candidates] == [
        ("imap", BOX, 993, "ssl", "autodiscover"), ("smtp", BOX, 465, "ssl", "autodiscover")]
    assert out.routes == {}  # a host the caller allowed: its word, like the domain's own service
    [sent] = web.web.requests
    assert (sent.scheme, sent.host, sent.path, sent.method) == (
        "https", "autodiscover.exch.test", PATH, "POST")
    assert sent.credentials == (PAT, PASSWORD)
    assert f"<EMailAddress>{PAT}</EMailAddress>".encode() in sent.body
    [r] = out.reports
    assert (r.target, r.outcome) == (URL, "found") and "asked with the password" in (r.detail or "")
    assert PASSWORD not in repr(out)


def test_a_wrong_password_is_refused_and_nothing_is_found(web: World) -> None:
    answer(web, Response(autodiscover_xml(CPANEL, PAT)))
    out = ask(web, password="wrong", code="rejected")
    assert out.candidates == []
    [r] = out.reports
    assert r.outcome == "auth_required" and "not accepted" in (r.detail or "") and r.auth is None
    assert "wrong" not in (r.detail or "")


def test_an_http_redirect_is_not_followed_with_the_password(web: World) -> None:
    away = f"https://ad.elsewhere.test{PATH}"
    answer(web, Response(status=302, headers=[("Location", away)]))
    web.web.route("ad.elsewhere.test", PATH, Response(autodiscover_xml(CPANEL)))
    out = ask(web, code="nothing_usable")
    assert out.candidates == []
    assert [r.host for r in web.web.requests] == ["autodiscover.exch.test"]
    assert "not followed with the password" in (out.reports[0].detail or "")


@pytest.mark.parametrize("kind, target", [("RedirectAddr", "pat@elsewhere.test"),
                                          ("RedirectUrl", f"https://ad.elsewhere.test{PATH}")])
def test_an_autodiscover_redirect_is_not_followed_with_the_password(web: World, kind: str,
                                                                    target: str) -> None:
    answer(web, Response(redirect(kind, target)))
    web.web.route("ad.elsewhere.test", PATH, Response(autodiscover_xml(CPANEL)))
    out = ask(web, code="nothing_usable")
    assert out.candidates == []
    assert [r.host for r in with_password(web)] == ["autodiscover.exch.test"]
    assert [r.host for r in web.web.requests] == ["autodiscover.exch.test"]
    assert "not followed with the password" in (out.reports[0].detail or "")


def test_an_exchange_only_answer_says_so(web: World) -> None:
    answer(web, Response(EXCHANGE_ONLY))
    out = ask(web, code="exchange_only")
    assert out.candidates == [] and [w.code for w in out.warnings] == ["exchange_only"]


def test_plain_http_is_refused_before_anything_is_sent(web: World) -> None:
    out = ask(web, url=f"http://autodiscover.exch.test{PATH}", code="error")
    assert out.candidates == [] and web.web.requests == []
    assert out.reports[0].outcome == "error" and "only sent over HTTPS" in (out.reports[0].detail or "")
