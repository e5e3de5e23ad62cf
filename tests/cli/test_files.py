"""Hardening review 3 (docs/security-review-3.md): output and input files, closed streams, pins, one deadline.

Every case here broke before: a device node replaced by a regular file, a dangling link replaced without
--force, a too-long name as "internal error", a FIFO read forever, a closed stdout as a traceback, a --pin
that could never select its server, and verify taking twice its --timeout.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.cli import msa, one_line_error, shell_msa
from tests.support.world import ProbeWorld, add_accounts, autoconfig_xml

DORA_PW = "Dora's pin pw 5"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "in.xml"
    path.write_bytes(autoconfig_xml("files.test", [("imap", "imap.files.test", 993, "SSL"),
                                                   ("smtp", "smtp.files.test", 465, "SSL")]))
    return path


# --- output files -------------------------------------------------------------------------------------

def test_a_device_node_is_written_into_never_replaced(profile: Path, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null (root only)
    proc = msa("convert", str(profile), "--to", "autoconfig", "-o", str(null), "--force", text=True)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode), "the device node was replaced by a regular file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xml", "null"]  # no temp file left


def test_a_fifo_is_written_into_when_someone_reads_and_refused_when_nobody_does(
        profile: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    convert = ("convert", str(profile), "--to", "autoconfig", "-o", str(fifo))
    one_line_error(msa(*convert, timeout=20, text=True), "nobody reads")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    # Someone reads from the moment this open returns (no thread to wait for): the file is small, so the
    # command writes it into the pipe's buffer and ends, and everything is read back after it.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        proc = msa(*convert, timeout=20, text=True)
        got = b"".join(iter(lambda: os.read(reader, 65536), b""))  # b"": the writer has closed it
    finally:
        os.close(reader)
    assert proc.returncode == 0, proc.stderr
    assert got.startswith(b"<?xml") and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_is_never_replaced(profile: Path, tmp_path: Path, force: bool) -> None:
    dangling = tmp_path / "dangling.xml"
    dangling.symlink_to(tmp_path / "nowhere.xml")
    extra = ["--force"] if force else []
    one_line_error(msa("convert", str(profile), "--to", "autoconfig", "-o", str(dangling), *extra,
                       text=True), "symbolic link")
    assert dangling.is_symlink() and not (tmp_path / "nowhere.xml").exists()
    target = tmp_path / "target.xml"
    target.write_text("keep me")
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    one_line_error(msa("convert", str(profile), "--to", "autoconfig", "-o", str(link), *extra, text=True),
                   "symbolic link")
    assert link.is_symlink() and target.read_text() == "keep me"


def test_a_too_long_name_is_bad_input(profile: Path, tmp_path: Path) -> None:
    name = tmp_path / ("x" * 300 + ".xml")
    one_line_error(msa("convert", str(profile), "--to", "autoconfig", "-o", str(name), text=True),
                   "cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xml"]


# --- input files --------------------------------------------------------------------------------------

def test_a_fifo_or_device_as_input_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "in.pipe"
    os.mkfifo(fifo)  # nobody ever writes: reading it would block forever
    start = time.monotonic()
    one_line_error(msa("convert", str(fifo), "--to", "sheet", timeout=20, text=True), "not a regular file")
    one_line_error(msa("recommend", "--probe", "/dev/zero", timeout=20, text=True), "not a regular file")
    one_line_error(msa("export", "a@example.com", "--format", "sheet", "--from", str(fifo), timeout=20,
                       text=True), "not a regular file")
    assert time.monotonic() - start < 15


# --- closed and full standard streams -----------------------------------------------------------------

def test_closed_or_full_stdout_and_closed_stdin_end_in_one_line(profile: Path) -> None:
    closed = shell_msa(f"msa convert {profile} --to autoconfig >&-")
    one_line_error(closed, "standard output", code=1)
    full = shell_msa(f"msa convert {profile} --to autoconfig > /dev/full")
    one_line_error(full, "standard output", code=1)
    piped = shell_msa("set -o pipefail; msa recommend --devices computer,phone | head -1")
    assert "Traceback" not in piped.stderr and "internal error" not in piped.stderr, piped.stderr
    assert piped.stdout.count("\n") == 1
    stdin_closed = shell_msa("msa convert - --to autoconfig <&-")
    one_line_error(stdin_closed, "standard input")


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
