"""``probe`` on the command line against the test world: the readable report, read as a person without a
technical background would read it, and bad input or a missing domain as one line with its exit code."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.cli import msa, one_line_error
from tests.support.loopback import Subnet
from tests.support.world import ProbeWorld


def _recommended_block(text: str) -> str:
    return text.split("\nRecommended\n", 1)[1].split("\n\n", 1)[0]


def test_a_recommended_server_outside_the_domain_is_not_called_safe_without_a_caveat(
        probe_world: ProbeWorld) -> None:
    out = probe_world.cli("dave@outside.test", json_out=False)
    assert out.returncode == 0, out.stderr  # the exit-code rule is unchanged: verified servers were found
    text = out.stdout
    block = _recommended_block(text)
    imap = block.split("imap.provider-elsewhere.test", 1)[1].split("Incoming (POP3)", 1)[0]
    assert "check first" in imap and "outside.test" in imap
    assert "Ready:" not in text
    assert "confirm" in text.split("\nProblems\n", 1)[0].lower()


def test_certificate_problems_are_in_words(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("carol@tlsbad.test", json_out=False)
    tried = out.stdout.split("Everything that was tried", 1)[1].split("SRV records", 1)[0]
    for code in ("not_yet_valid", "hostname_mismatch", "self_signed", "untrusted_issuer"):
        assert code not in tried, tried
    for words in ("certificate expired", "certificate not valid yet", "certificate is for another name",
                  "self-signed certificate", "certificate from an unknown authority"):
        assert words in tried, tried


# --- exit codes: one line, never a traceback ---------------------------------------------------------------

def test_nxdomain_exits_3(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("alice@nosuchdomain.test")
    one_line_error(out, code=3)
    assert out.stdout == ""
    assert "nosuchdomain.test" in out.stderr and "does not exist" in out.stderr


@pytest.mark.parametrize("address", ["alice@@srv.test", "alice@", "@srv.test", "alice@localhost", ""])
def test_bad_address_exits_2(probe_world: ProbeWorld, address: str) -> None:
    out = probe_world.cli(address)
    one_line_error(out)
    assert out.stdout == ""


@pytest.mark.parametrize("extra, needle", [
    (["--timeout", "0"], "--timeout"), (["--timeout", "nan"], "--timeout"),
    (["--dns-server", "not-an-ip"], "--dns-server"), (["--cafile", "/nonexistent/ca.pem"], "--cafile"),
])
def test_bad_options_exit_2(probe_world: ProbeWorld, extra: list[str], needle: str) -> None:
    out = probe_world.cli("alice@srv.test", *extra)
    one_line_error(out)
    assert out.stdout == ""
    assert needle in out.stderr


def test_unreadable_cafile_exits_2(probe_world: ProbeWorld, tmp_path: Any) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("this is not a certificate\n")
    out = probe_world.cli("alice@srv.test", "--cafile", str(junk))
    one_line_error(out)
    assert out.stdout == ""


def test_dns_failing_entirely_exits_3(probe_world: ProbeWorld) -> None:
    nobody = Subnet().take()  # an address where no DNS server listens
    proc = msa("probe", "alice@srv.test", "--dns-server", nobody, "--cafile", probe_world.cafile, "--offline",
               "--timeout", "3", "--json", text=True)
    one_line_error(proc, "DNS failed", code=3)
    assert proc.stdout == ""
