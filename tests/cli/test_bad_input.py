"""Bad input to every file-reading and file-writing command ends in one line on stderr, exit 2, no file.

Found in review: wrong JSON types deep inside a probe file (a number as user name, ``1e400``, an object
where a list belongs) got past the reader and broke later with a traceback; an unwritable output folder
escaped ``write_output``'s error handling; a closed prompt in ``export`` printed a traceback.
"""

from __future__ import annotations

import json
import os
import pty
import select
import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import PROGRAM, clean_env, msa, one_line_error
from tests.support.paths import REPO

ADDRESS = "alice@example.com"


def server(protocol: str, host: str, number: int, **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"protocol": protocol, "host": host, "port": number, "security": "ssl",
                         "source": "srv", "status": "ok", "tls": {"verified": True, "version": "TLSv1.3"},
                         "capabilities": ["IDLE", "UIDL"]}
    d.update(extra)
    return d


def probe_doc(**imap_extra: Any) -> dict[str, Any]:
    imap = server("imap", "imap.example.com", 993, **imap_extra)
    return {"schema_version": 1, "address": ADDRESS, "domain": "example.com",
            "domain_unicode": "example.com", "candidates": [imap],
            "recommended": {"imap": imap, "pop3": None, "smtp": server("smtp", "smtp.example.com", 465)}}


BAD_PROBES: dict[str, Any] = {
    "username_number": probe_doc(username=5),
    "huge_float_preference": "1e400",
    "tls_not_object": probe_doc(tls="yes"),
    "verified_string": probe_doc(tls={"verified": "false"}),
    "problems_number": probe_doc(tls={"verified": False, "problems": 7}),
    "candidates_object": {**probe_doc(), "candidates": {"a": 1}},
    "address_list": {**probe_doc(), "address": ["x"]},
    "port_string": probe_doc(port="993"),
    "mx_strings": {**probe_doc(), "mx": ["mx.example.com"]},
}


def write_bad(tmp_path: Path, name: str) -> Path:
    value = BAD_PROBES[name]
    path = tmp_path / f"{name}.json"
    if value == "1e400":
        doc = probe_doc()
        text = json.dumps(doc).replace('"port": 993', '"port": 993, "preference": 1e400', 1)
        path.write_text(text, encoding="utf-8")
    else:
        path.write_text(json.dumps(value), encoding="utf-8")
    return path


COMMANDS = {
    "recommend": lambda f: ["recommend", "--probe", f],
    "export": lambda f: ["export", ADDRESS, "--format", "autoconfig", "--probe", f],
    "verify": lambda f: ["verify", ADDRESS, "--probe", f, "--password-env", "MSA_TEST_PW", "--timeout", "2"],
    "report": lambda f: ["report", ADDRESS, "--probe", f],
}


@pytest.mark.parametrize("bad", sorted(BAD_PROBES))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_wrong_types_in_probe_file(tmp_path: Path, command: str, bad: str) -> None:
    path = write_bad(tmp_path, bad)
    proc = msa(*COMMANDS[command](str(path)), env={"MSA_TEST_PW": "pw-never-used"})
    one_line_error(proc, str(path), "not a probe result")
    assert proc.stdout == b""


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe junk \x80", b"[]", b"{\"domain\": 5}"])
@pytest.mark.parametrize("command", ["recommend", "export", "report"])
def test_junk_probe_files(tmp_path: Path, command: str, content: bytes) -> None:
    path = tmp_path / "probe.json"
    path.write_bytes(content)
    one_line_error(msa(*COMMANDS[command](str(path))), str(path))


@pytest.mark.parametrize("command", ["recommend", "export", "report", "convert"])
def test_missing_file_and_folder_as_file(tmp_path: Path, command: str) -> None:
    def args(f: str) -> list[str]:
        return ["convert", f, "--to", "sheet"] if command == "convert" else COMMANDS[command](f)
    one_line_error(msa(*args(str(tmp_path / "nope.json"))), "no such file")
    one_line_error(msa(*args(str(tmp_path))), "is a folder")


@pytest.fixture
def good_probe(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(probe_doc()), encoding="utf-8")
    return path


def _writers(probe: Path, out: str) -> list[list[str]]:
    return [["export", ADDRESS, "--format", "autoconfig", "--probe", str(probe), "-o", out],
            ["report", ADDRESS, "--probe", str(probe), "-o", out]]


@pytest.mark.parametrize("which", [0, 1])
def test_output_targets(tmp_path: Path, good_probe: Path, which: int) -> None:
    suffix = ".json"
    # A folder nobody may create files in, even root: /proc refuses new entries.
    unwritable = "/proc/msa-review-out" + suffix
    one_line_error(msa(*_writers(good_probe, unwritable)[which]), unwritable, "cannot write")
    missing = str(tmp_path / "no-such-folder" / f"out{suffix}")
    one_line_error(msa(*_writers(good_probe, missing)[which]), "does not exist")
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    one_line_error(msa(*_writers(good_probe, str(folder))[which], "--force"), str(folder))
    assert folder.is_dir() and list(folder.iterdir()) == []
    existing = tmp_path / f"existing{suffix}"
    existing.write_text("keep")
    one_line_error(msa(*_writers(good_probe, str(existing))[which]), "already exists")
    assert existing.read_text() == "keep"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_good_probe_still_works(tmp_path: Path, good_probe: Path) -> None:
    """The stricter reader still takes what ``probe --json`` writes."""
    out = tmp_path / "config.xml"
    proc = msa(*_writers(good_probe, str(out))[0])
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"imap.example.com" in out.read_bytes()


def _run_in_terminal(argv: list[str], keys: bytes) -> tuple[int, bytes]:
    """Run the CLI with a real terminal (getpass reads /dev/tty), type ``keys``, collect everything."""
    env = clean_env()
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(REPO)
        os.execve(PROGRAM[0], [*PROGRAM, *argv], env)
    out = b""
    typed = False
    end = time.monotonic() + 60
    try:
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if not typed and b"assword" in out:
                os.write(fd, keys)
                typed = True
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out


def test_closed_prompt_in_export_is_one_line(good_probe: Path) -> None:
    code, out = _run_in_terminal(["export", ADDRESS, "--format", "mobileconfig", "--probe", str(good_probe),
                                  "--embed-password"], b"\x04")
    text = out.decode("utf-8", "replace")
    assert code == 2, text
    assert "Traceback" not in text and "no password was typed" in text, text


# --- export --preset: the policy holds for saved probes too ------------------------------------------------

def test_export_applies_the_preset_policy_to_a_saved_probe(tmp_path: Path) -> None:
    """``export --probe F --preset P`` used to ignore P: a forbidden protocol still went into the profile."""
    doc = probe_doc()
    pop3 = server("pop3", "pop.example.com", 995)
    doc["candidates"] += [pop3, doc["recommended"]["smtp"]]
    doc["recommended"]["pop3"] = pop3
    probe = tmp_path / "probe.json"
    probe.write_text(json.dumps(doc), encoding="utf-8")
    preset = tmp_path / "preset.toml"
    preset.write_text('name = "Example Corp"\n[policy]\nforbidden_protocols = ["imap"]\n', encoding="utf-8")
    proc = msa("export", ADDRESS, "--format", "autoconfig", "--probe", str(probe), "--preset", str(preset))
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"pop.example.com" in proc.stdout and b"imap.example.com" not in proc.stdout
    one_line_error(msa("export", ADDRESS, "--format", "autoconfig", "--probe", str(probe), "--preset",
                       str(tmp_path / "missing.toml")), "missing.toml")
    one_line_error(msa("export", ADDRESS, "--format", "autoconfig", "--probe", str(probe), "--preset",
                       str(tmp_path)), tmp_path.name)


def test_closed_stdout_is_one_line(good_probe: Path) -> None:
    """``export ... | head`` with the reader gone: one line and exit 1, not a BrokenPipeError traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = msa("export", ADDRESS, "--format", "sheet", "--probe", str(good_probe), stdout=write_end)
    finally:
        os.close(write_end)
    one_line_error(proc, "standard output was closed", code=1)


@pytest.mark.parametrize("address", ["x<b>\r\nfoo@example.com", "a b@example.com", "@example.com"])
def test_export_checks_the_address_it_writes(good_probe: Path, address: str) -> None:
    """With --probe or --from, ADDRESS went into the profile unchecked (line breaks and all)."""
    proc = msa("export", address, "--format", "autodiscover", "--probe", str(good_probe))
    one_line_error(proc)
    assert proc.stdout == b""
