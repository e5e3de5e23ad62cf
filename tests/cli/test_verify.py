"""``verify`` end to end: against a real Dovecot with a saved probe (every output searched for the password),
and live against the test world, where a --pin selects exactly the server whose certificate it names and
the whole run keeps one deadline (it took twice its --timeout before security review 3)."""

from __future__ import annotations

import json
import subprocess
import time

import jsonschema
import pytest

from tests.support.cli import msa
from tests.support.mailbox import ADDRESS, PASSWORD, REPORT_SCHEMA, Mailbox, assert_clean, run_main
from tests.support.world import ProbeWorld, add_accounts

DORA_PW = "Dora's pin pw 5"


def test_verify_ok_and_json(mailbox: Mailbox, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    code, out, err = run_main(mailbox, capsys, "verify", ADDRESS, "--password-env", "MSA_TEST_PW")
    assert code == 0, out + err
    assert out.startswith("OK incoming: Signed in to") and "OK outgoing" in out
    code, out, err = run_main(mailbox, capsys, "verify", ADDRESS, "--password-env", "MSA_TEST_PW", "--json",
                         "--protocol", "pop3")
    assert code == 0
    doc = json.loads(out)
    assert doc["incoming"]["protocol"] == "pop3" and doc["ok"] is True
    jsonschema.validate(doc["incoming"], REPORT_SCHEMA["$defs"]["signin"])
    assert_clean(out, err)


def test_verify_wrong_password_exits_1(mailbox: Mailbox, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSA_TEST_PW", "wrong-" + PASSWORD)
    code, out, err = run_main(mailbox, capsys, "verify", ADDRESS, "--password-env", "MSA_TEST_PW")
    assert code == 1
    assert "The server rejected the user name or password" in out
    assert "wrong-" not in out + err


@pytest.mark.parametrize(("args", "expected"), [
    (["verify", ADDRESS, "--password-env", "MSA_UNSET_VAR"], "MSA_UNSET_VAR: the variable is not set"),
    (["verify", "example.test", "--password-env", "MSA_TEST_PW"], "needs a full email address"),
    (["verify", ADDRESS, "--password-env", "MSA_TEST_PW", "--pin", "xyz"], "--pin 'xyz'"),
])
def test_bad_input_exits_2(mailbox: Mailbox, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    monkeypatch.delenv("MSA_UNSET_VAR", raising=False)
    code, _out, err = run_main(mailbox, capsys, *args)
    assert code == 2
    assert expected in err and "Traceback" not in err
    assert err.count("\n") == 1


# --- pins and one deadline (live, against the test world) ---------------------------------------------

@pytest.fixture(scope="module")
def tlsbad(probe_world: ProbeWorld) -> dict[str, str]:
    """dora's mailbox on every server, and the SHA-256 of each faulty IMAP server's certificate."""
    add_accounts(probe_world, {"dora": DORA_PW})
    proc = msa("probe", "dora@tlsbad.test", "--json", *probe_world.options(20), text=True)
    found = {c["host"].rstrip("."): c["tls"]["fingerprint_sha256"]
             for c in json.loads(proc.stdout)["candidates"]
             if c["protocol"] == "imap" and c.get("tls") and c["tls"].get("fingerprint_sha256")}
    assert {"expired.tlsbad.test", "selfsigned.tlsbad.test"} <= set(found), found
    return found


def verify(world: ProbeWorld, address: str, *extra: str,
           timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return msa("verify", address, "--json", "--password-env", "PW", *extra, *world.options(timeout),
               env={"PW": DORA_PW}, text=True)


def test_a_pin_selects_exactly_the_server_whose_certificate_it_names(
        probe_world: ProbeWorld, tlsbad: dict[str, str]) -> None:
    unpinned = verify(probe_world, "dora@tlsbad.test")
    assert unpinned.returncode == 1 and json.loads(unpinned.stdout)["incoming"]["code"] == "no_server"
    for host in ("expired.tlsbad.test", "selfsigned.tlsbad.test"):
        proc = verify(probe_world, "dora@tlsbad.test", "--pin", tlsbad[host])
        assert proc.returncode == 0, proc.stdout + proc.stderr
        incoming = json.loads(proc.stdout)["incoming"]
        assert incoming["host"].rstrip(".") == host and incoming["pinned"] and incoming["ok"]


def test_a_wrong_pin_selects_nothing(probe_world: ProbeWorld, tlsbad: dict[str, str]) -> None:
    proc = verify(probe_world, "dora@tlsbad.test", "--pin", "ab" * 32)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["incoming"]["code"] == "no_server"
    assert DORA_PW not in proc.stdout + proc.stderr


def test_report_honours_the_pin_too(probe_world: ProbeWorld, tlsbad: dict[str, str]) -> None:
    proc = msa("report", "dora@tlsbad.test", "--password-env", "PW", "--pin", tlsbad["expired.tlsbad.test"],
               *probe_world.options(20), env={"PW": DORA_PW}, text=True)
    doc = json.loads(proc.stdout)
    assert doc["signin"]["incoming"]["ok"] and doc["signin"]["incoming"]["pinned"], proc.stderr
    assert DORA_PW not in proc.stdout


def test_verify_ends_within_its_timeout(probe_world: ProbeWorld) -> None:
    """Discovery and sign-in share one deadline (it took 6.8 s for --timeout 3)."""
    start = time.monotonic()
    proc = verify(probe_world, "erin@hang.silent.test", timeout=3)
    elapsed = time.monotonic() - start
    assert proc.returncode in (1, 3), proc.stderr
    assert elapsed < 3 + 2.5, f"verify --timeout 3 took {elapsed:.1f} s"
