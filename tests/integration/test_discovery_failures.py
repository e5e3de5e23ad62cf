"""Certificate faults, silent and hostile servers, deadlines and cancelling, in process and through the real
``probe`` command, against the test world (its exit codes for bad input: tests/cli/test_probe.py)."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest

from assistant.core.discovery.run import discover
from assistant.core.model.address import EmailAddress
from assistant.core.model.progress import ProgressEvent
from assistant.core.net.dns import Resolver, ServerAddress
from assistant.core.net.settings import Settings
from assistant.core.words.errors import DomainError, InputError
from tests.support.fakeserver import fake_server, imap_injector
from tests.support.world import BAD_CERTS, ProbeWorld, checked, validate

EXPECTED_PROBLEM = {
    "expired.tlsbad.test": "expired", "future.tlsbad.test": "not_yet_valid",
    "wronghost.tlsbad.test": "hostname_mismatch", "selfsigned.tlsbad.test": "self_signed",
    "untrusted.tlsbad.test": "untrusted_issuer",
}


def test_nxdomain_in_process_raises_domain_error(probe_world: ProbeWorld) -> None:
    with pytest.raises(DomainError, match="does not exist"):
        asyncio.run(discover(EmailAddress.parse("nosuchdomain.test"), probe_world.settings()))


def test_bad_address_in_process_raises_input_error(probe_world: ProbeWorld) -> None:
    with pytest.raises(InputError):
        asyncio.run(discover(EmailAddress.parse("not an address@"), probe_world.settings()))


def test_each_certificate_problem_is_named_and_never_recommended(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("judy@tlsbad.test")
    assert out.returncode == 1, out.stderr  # outgoing is fine, but no incoming server is safe
    doc = out.json
    validate(doc)
    assert doc["recommended"]["imap"] is None and doc["recommended"]["smtp"] is not None
    by_host = {c["host"]: c for c in doc["candidates"] if c["protocol"] == "imap"}
    assert set(by_host) == set(BAD_CERTS)
    for host, problem in EXPECTED_PROBLEM.items():
        c = by_host[host]
        assert c["secure"] is False and c["tls"] is not None, c
        assert problem in c["tls"]["problems"], (host, c["tls"])
    flagged = {(w["host"], w["params"].get("problem")) for w in doc["warnings"]
               if w["code"] == "certificate_problem"}
    assert flagged >= set(EXPECTED_PROBLEM.items())
    assert "no_incoming" in [w["code"] for w in doc["warnings"]]


def test_silent_server_cannot_stretch_the_run(probe_world: ProbeWorld) -> None:
    timeout = 3.0
    out = probe_world.cli("kim@silent.test", timeout=timeout)
    assert out.seconds < timeout + 3.0  # interpreter start-up included; the run itself is bounded below
    doc = out.json
    validate(doc)
    hang = [c for c in doc["candidates"] if c["host"] == "hang.silent.test"]
    assert len(hang) == 1 and hang[0]["status"] == "timeout" and hang[0]["secure"] is False
    assert doc["elapsed_ms"] <= timeout * 1000 + 500
    # The lower-priority good server is still recommended: a silent first choice does not sink the run.
    assert doc["recommended"]["imap"]["host"] == "imap.silent.test"
    assert out.returncode == 0


def test_deadline_reports_unfinished_probes(probe_world: ProbeWorld) -> None:
    settings = probe_world.settings(timeout=1.5)
    settings.endpoint_timeout = 10.0  # only the run's deadline can stop the silent server
    doc = checked(asyncio.run(discover(EmailAddress.parse("kim@silent.test"), settings)))
    hang = next(c for c in doc["candidates"] if c["host"] == "hang.silent.test")
    assert hang["stopped"] == "deadline" and hang["status"] == "timeout"
    assert doc["elapsed_ms"] <= 2000


def test_cancelling_the_run_stops_everything(probe_world: ProbeWorld) -> None:
    async def cancel_soon() -> None:
        silent_probe = asyncio.Event()  # the run is busy with the server that never answers

        def progress(event: ProgressEvent) -> None:
            if event.kind == "endpoint" and event.state == "started" and "hang.silent.test" in event.label:
                silent_probe.set()

        kim = EmailAddress.parse("kim@silent.test")
        task = asyncio.ensure_future(discover(kim, probe_world.settings(timeout=30), progress))
        await asyncio.wait_for(silent_probe.wait(), 20)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0)
        leftover = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
        assert leftover == []

    asyncio.run(cancel_soon())


def test_resolver_choice_is_reported(probe_world: ProbeWorld) -> None:
    settings = Settings(resolver=Resolver(ServerAddress(probe_world.dns_server, 53)),
                        cafile=probe_world.cafile, offline=True, timeout=10)
    doc = checked(asyncio.run(discover(EmailAddress.parse("srv.test"), settings)))
    assert doc["resolver"] == f"{probe_world.dns_server}:53"
    assert doc["address"] is None and doc["domain"] == "srv.test"


def test_silent_listener_really_is_silent(probe_world: ProbeWorld) -> None:
    """Guard for the hostile test above: the kernel accepts, and nothing is ever sent."""
    with socket.create_connection((probe_world.silent_ip, 993), timeout=2) as s:
        s.settimeout(0.3)
        with pytest.raises(TimeoutError):
            s.recv(1)


def test_starttls_injection_is_warned_and_never_recommended(probe_world: ProbeWorld) -> None:
    async def main() -> dict[str, Any]:
        async with fake_server(probe_world.inject_ip, 143, imap_injector):
            return checked(await discover(EmailAddress.parse("lee@hostile.test"), probe_world.settings()))

    doc = asyncio.run(main())
    injected = [c for c in doc["candidates"] if c["host"] == "inject.hostile.test"]
    assert len(injected) == 1 and injected[0]["status"] == "protocol_error"
    assert "starttls_injection" in injected[0]["warnings"]
    assert doc["recommended"]["imap"] is None
    found = [w for w in doc["warnings"] if w["code"] == "starttls_injection"]
    assert [(w["host"], w["protocol"]) for w in found] == [("inject.hostile.test", "imap")]
