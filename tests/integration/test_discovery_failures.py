"""Exit codes, certificate faults and hostile servers, through the real CLI against the test world."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from typing import Any

import pytest

from assistant.core.discovery.run import discover
from assistant.core.net.dns import Resolver, ServerAddress
from assistant.core.net.settings import Settings
from assistant.core.words.errors import DomainError, InputError
from tests.support.fakeserver import Conn, fake_server
from tests.support.loopback import Subnet
from tests.support.world import BAD_CERTS, ProbeWorld, checked, validate

EXPECTED_PROBLEM = {
    "expired.tlsbad.test": "expired", "future.tlsbad.test": "not_yet_valid",
    "wronghost.tlsbad.test": "hostname_mismatch", "selfsigned.tlsbad.test": "self_signed",
    "untrusted.tlsbad.test": "untrusted_issuer",
}


def one_line_error(out: Any) -> None:
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr


def test_nxdomain_exits_3(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("alice@nosuchdomain.test")
    assert out.returncode == 3
    one_line_error(out)
    assert "nosuchdomain.test" in out.stderr and "does not exist" in out.stderr


def test_nxdomain_in_process_raises_domain_error(probe_world: ProbeWorld) -> None:
    with pytest.raises(DomainError, match="does not exist"):
        asyncio.run(discover("nosuchdomain.test", probe_world.settings()))


@pytest.mark.parametrize("address", ["alice@@srv.test", "alice@", "@srv.test", "alice@localhost", ""])
def test_bad_address_exits_2(probe_world: ProbeWorld, address: str) -> None:
    out = probe_world.cli(address)
    assert out.returncode == 2
    one_line_error(out)


def test_bad_address_in_process_raises_input_error(probe_world: ProbeWorld) -> None:
    with pytest.raises(InputError):
        asyncio.run(discover("not an address@", probe_world.settings()))


@pytest.mark.parametrize("extra, needle", [
    (["--timeout", "0"], "--timeout"), (["--timeout", "nan"], "--timeout"),
    (["--dns-server", "not-an-ip"], "--dns-server"), (["--cafile", "/nonexistent/ca.pem"], "--cafile"),
])
def test_bad_options_exit_2(probe_world: ProbeWorld, extra: list[str], needle: str) -> None:
    out = probe_world.cli("alice@srv.test", *extra)
    assert out.returncode == 2
    one_line_error(out)
    assert needle in out.stderr


def test_unreadable_cafile_exits_2(probe_world: ProbeWorld, tmp_path: Any) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("this is not a certificate\n")
    out = probe_world.cli("alice@srv.test", "--cafile", str(junk))
    assert out.returncode == 2
    one_line_error(out)


def test_dns_failing_entirely_exits_3(probe_world: ProbeWorld) -> None:
    nobody = Subnet().take()  # an address where no DNS server listens
    args = ["alice@srv.test", "--dns-server", nobody, "--cafile", probe_world.cafile, "--offline",
            "--timeout", "3", "--json"]
    proc = subprocess.run([sys.executable, "-m", "assistant", "probe", *args], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout == "" and "DNS failed" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


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
    doc = checked(asyncio.run(discover("kim@silent.test", settings)))
    hang = next(c for c in doc["candidates"] if c["host"] == "hang.silent.test")
    assert hang["stopped"] == "deadline" and hang["status"] == "timeout"
    assert doc["elapsed_ms"] <= 2000


def test_cancelling_the_run_stops_everything(probe_world: ProbeWorld) -> None:
    async def cancel_soon() -> None:
        task = asyncio.ensure_future(discover("kim@silent.test", probe_world.settings(timeout=30)))
        await asyncio.sleep(0.5)
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
    doc = checked(asyncio.run(discover("srv.test", settings)))
    assert doc["resolver"] == f"{probe_world.dns_server}:53"
    assert doc["address"] is None and doc["domain"] == "srv.test"


def test_silent_listener_really_is_silent(probe_world: ProbeWorld) -> None:
    """Guard for the hostile test above: the kernel accepts, and nothing is ever sent."""
    with socket.create_connection((probe_world.silent_ip, 993), timeout=2) as s:
        s.settimeout(0.3)
        with pytest.raises(TimeoutError):
            s.recv(1)


async def _imap_injector(conn: Conn) -> None:
    """Answers STARTTLS with "go ahead" and, in the same packet, a forged post-TLS capability line."""
    await conn.send(b"* OK ready\r\n")
    while line := await conn.line():
        tag, verb = line.split()[:2]
        if verb.upper() == b"CAPABILITY":
            await conn.send(b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag + b" OK done\r\n")
        elif verb.upper() == b"STARTTLS":
            await conn.send(tag + b" OK begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
            await conn.hold()
        else:
            await conn.send(tag + b" BAD no\r\n")


def test_starttls_injection_is_warned_and_never_recommended(probe_world: ProbeWorld) -> None:
    async def main() -> dict[str, Any]:
        async with fake_server(probe_world.inject_ip, 143, _imap_injector):
            return checked(await discover("lee@hostile.test", probe_world.settings()))

    doc = asyncio.run(main())
    injected = [c for c in doc["candidates"] if c["host"] == "inject.hostile.test"]
    assert len(injected) == 1 and injected[0]["status"] == "protocol_error"
    assert "starttls_injection" in injected[0]["warnings"]
    assert doc["recommended"]["imap"] is None
    found = [w for w in doc["warnings"] if w["code"] == "starttls_injection"]
    assert [(w["host"], w["protocol"]) for w in found] == [("inject.hostile.test", "imap")]
