"""``verify`` and ``report`` for an Exchange- or mailcow-like domain whose Autodiscover service names the
servers only for the mail password, run as a person runs them, against the test world (real dnsmasq, real
Dovecot, a real HTTPS server that answers only for the right Basic credentials and records every request).

The guess reaches the hosting machine under a name its certificate does not hold, so without the password
nothing is usable; with it, the service names the hosting machine, the sign-in works, and the JSON says the
password went to that service. Where it must never go is checked on the server's own request log: not to a
service in another domain a redirect named, not over plain HTTP, not for another address, nowhere else.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import jsonschema
import pytest

from tests.support.cli import msa
from tests.support.mailbox import REPORT_SCHEMA
from tests.support.web import Request
from tests.support.world import BOX, EXCH_PASSWORD, EXCH_USER, ProbeWorld, validate

URL = "https://autodiscover.exch.test/autodiscover/autodiscover.xml"
RETRY_SCHEMA = {**REPORT_SCHEMA["$defs"]["autodiscover"], "$defs": REPORT_SCHEMA["$defs"]}


@pytest.fixture(scope="module")
def world(probe_world: ProbeWorld) -> ProbeWorld:
    return probe_world  # pat's mailbox on the hosting machine comes with the world


def carried(world: ProbeWorld, since: int) -> list[Request]:
    return [r for r in world.base.web.requests[since:] if "authorization" in r.headers]


def verify(world: ProbeWorld, address: str, password: str = EXCH_PASSWORD, *extra: str,
           json_out: bool = True) -> subprocess.CompletedProcess[str]:
    return msa("verify", address, *(["--json"] if json_out else []), "--password-env", "PW", *extra,
               *world.options(20), env={"PW": password}, text=True)


def clean(proc: subprocess.CompletedProcess[str], password: str = EXCH_PASSWORD) -> None:
    for text in (proc.stdout, proc.stderr):
        assert password not in text and "Traceback" not in text


def retry(doc: dict[str, Any]) -> dict[str, Any]:
    record = doc["autodiscover"]
    jsonschema.validate(record, RETRY_SCHEMA)
    assert isinstance(record, dict)
    return record


def test_the_service_names_the_servers_for_the_password_and_the_sign_in_works(world: ProbeWorld) -> None:
    since = len(world.base.web.requests)
    proc = verify(world, EXCH_USER)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    clean(proc)
    doc = json.loads(proc.stdout)
    record = retry(doc)
    assert (record["password_sent"], record["outcome"], record["reason"]) == (True, "found", None)
    assert record["url"] == URL and record["servers"] == [f"imap {BOX}:993 ssl", f"smtp {BOX}:465 ssl"]
    assert record["message"] == ("Your provider's Outlook settings service (autodiscover.exch.test) "
                                 f"accepted the password and named the servers: {BOX}.")
    assert doc["ok"] and doc["incoming"]["host"] == BOX and doc["outgoing"]["host"] == BOX
    assert doc["incoming"]["username"] == EXCH_USER
    # The password went once, over HTTPS, to the service that asked, about this address: nowhere else.
    [request] = carried(world, since)
    assert (request.scheme, request.host, request.path, request.method) == (
        "https", "autodiscover.exch.test", "/autodiscover/autodiscover.xml", "POST")
    assert request.credentials == (EXCH_USER, EXCH_PASSWORD)
    assert f"<EMailAddress>{EXCH_USER}</EMailAddress>".encode() in request.body


def test_without_the_password_nothing_is_usable_and_probe_shows_what_asked(world: ProbeWorld) -> None:
    out = world.cli(EXCH_USER)
    assert out.returncode == 1, out.stderr
    doc = out.json
    validate(doc)
    assert all(r is None for r in doc["recommended"].values())
    [asking] = [s for s in doc["sources"] if s["outcome"] == "auth_required"]
    assert asking["target"] == URL
    assert asking["auth"] == {"url": URL, "status": 401, "schemes": ["Negotiate", "NTLM", "Basic"],
                              "address": EXCH_USER}


def test_the_readable_verify_says_what_the_service_did(world: ProbeWorld) -> None:
    proc = verify(world, EXCH_USER, json_out=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == ("Autodiscover: Your provider's Outlook settings service (autodiscover.exch.test) "
                        f"accepted the password and named the servers: {BOX}.")
    assert lines[1].startswith(f"OK incoming: Signed in to {BOX} (IMAP)")
    assert lines[2].startswith("OK outgoing")
    clean(proc)


def test_a_wrong_password_is_refused_by_the_service_and_said(world: ProbeWorld) -> None:
    since = len(world.base.web.requests)
    proc = verify(world, EXCH_USER, "Not Pat's pw")
    assert proc.returncode == 1, proc.stderr
    clean(proc, "Not Pat's pw")
    doc = json.loads(proc.stdout)
    record = retry(doc)
    assert (record["password_sent"], record["outcome"]) == (True, "rejected")
    assert record["detail"] == "HTTP 401: the password was not accepted (Negotiate, NTLM, Basic)"
    assert doc["incoming"]["code"] == "no_server"
    assert [(r.scheme, r.host) for r in carried(world, since)] == [("https", "autodiscover.exch.test")]


@pytest.mark.parametrize(("address", "reason", "words"), [
    # The service that asked is in another registered domain (a redirect named it): no one confirmed it.
    ("pat@exchaway.test", "outside_domain", "it is not part of exchaway.test and you did not confirm it"),
    # The service asked about another address (a RedirectAddr): this password is not for it.
    ("pat@exchredir.test", "other_address", "it asked about another address"),
])
def test_the_password_never_goes_where_it_does_not_belong(world: ProbeWorld, address: str, reason: str,
                                                          words: str) -> None:
    since = len(world.base.web.requests)
    proc = verify(world, address)
    assert proc.returncode == 1, proc.stderr
    clean(proc)
    record = retry(json.loads(proc.stdout))
    assert (record["password_sent"], record["outcome"], record["reason"]) == (False, "not_sent", reason)
    assert words in record["message"]
    assert carried(world, since) == []
    assert any(r.method == "POST" for r in world.base.web.requests[since:])  # the service was asked, bare


def test_a_service_that_asks_only_over_plain_http_never_gets_it(world: ProbeWorld) -> None:
    since = len(world.base.web.requests)
    proc = verify(world, "pat@exchplain.test")
    assert proc.returncode == 1, proc.stderr
    clean(proc)
    assert json.loads(proc.stdout)["autodiscover"] is None  # a 401 over HTTP is never a request to answer
    plain = [r for r in world.base.web.requests[since:] if r.scheme == "http"]
    assert plain and all(r.method == "GET" and not r.body for r in plain)
    assert carried(world, since) == []


def test_the_report_has_the_servers_and_says_the_password_went_to_the_service(world: ProbeWorld) -> None:
    since = len(world.base.web.requests)
    proc = msa("report", EXCH_USER, "--password-env", "PW", *world.options(20), env={"PW": EXCH_PASSWORD},
               text=True)
    assert proc.returncode == 0, proc.stderr
    clean(proc)
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, REPORT_SCHEMA)
    validate(doc["discovery"])
    assert doc["summary"]["status"] == "working"
    assert doc["autodiscover"]["password_sent"] and doc["autodiscover"]["outcome"] == "found"
    assert doc["discovery"]["recommended"]["imap"]["host"] == BOX
    assert doc["discovery"]["recommended"]["imap"]["source"] == "autodiscover"
    mine = [s for s in doc["discovery"]["sources"] if s["target"] == URL]
    assert [s["outcome"] for s in mine] == ["auth_required", "found"]
    assert "asked with the password" in mine[1]["detail"] and mine[1]["auth"] is None
    assert len(carried(world, since)) == 1


def test_the_html_report_says_it_in_words(world: ProbeWorld, tmp_path: Any) -> None:
    out = tmp_path / "report.html"
    proc = msa("report", EXCH_USER, "--password-env", "PW", "-o", str(out), *world.options(20),
               env={"PW": EXCH_PASSWORD}, text=True)
    assert proc.returncode == 0, proc.stderr
    page = out.read_text()
    assert "accepted the password and named the servers" in page and EXCH_PASSWORD not in page
