"""The files the commands write and read, and their standard streams (docs/security-review-3.md).

Every case here broke before: a device node replaced by a regular file, a dangling link replaced without
--force, a too-long name as "internal error", a FIFO read forever, a closed stdout as a traceback.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.support.cli import msa, one_line_error, shell_msa
from tests.support.world import autoconfig_xml


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
