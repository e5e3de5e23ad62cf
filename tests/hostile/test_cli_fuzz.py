"""Every command, fed generated arguments and small generated files (security review 3), in-process.

Fails on a traceback or an "internal error" line, an exit code outside 0-3, a multi-line error, or a
partial output file left behind. Nothing reaches the network: discovery commands always end with
``--dns-server`` pointing at a closed loopback port and a short ``--timeout``; the keychain is the
"fail" backend; stdin is not a terminal (no prompt); the wizard has no display (it stops with exit 2).
The budget is fixed (150 examples, derandomized) so CI time and results are stable.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assistant.cli import main

pytestmark = pytest.mark.slow  # about 10 s

DEAD_DNS = ["--dns-server", "127.0.0.1:9", "--timeout", "0.3", "--offline"]
DISCOVERING = {"probe", "export", "verify", "report"}
OPTIONS: dict[str, list[str]] = {
    "probe": ["--json", "--dns-server", "--cafile", "--timeout", "--offline", "--preset"],
    "recommend": ["--devices", "--shared", "--offline", "--limited-storage", "--backup", "--probe", "--json"],
    "export": ["--format", "--probe", "--from", "--protocol", "--name", "--embed-password", "--force",
               "--sign-identity", "--allow-plain", "--cafile", "--preset", "-o", "--output"],
    "convert": ["--to", "--force", "--sign-identity", "--allow-plain", "-o", "--output"],
    "verify": ["--probe", "--protocol", "--password-env", "--pin", "--cafile", "--preset", "--json"],
    "report": ["--probe", "--protocol", "--password-env", "--pin", "--cafile", "--preset", "--format",
               "--force", "--sign-in", "-o", "--output"],
    "gui": ["--address", "--dns-server", "--cafile", "--lang", "--preset"],
}
WORDS = ["", "-", "--", "ann@example.test", "a@b", "@", "ann@例え.テスト", "x" * 300, "0", "-1", "1e308",
         "nan", "inf", "65536", "imap", "pop3", "smtp", "sheet", "autoconfig", "autodiscover", "mobileconfig",
         "html", "json", "computer,phone", "toaster", "zh_TW", "klingon", "127.0.0.1", "[::1]:53",
         "sha256:00", "a\x1b[2Jb", "line\nbreak", "\u202eevil", "MSA_FUZZ_PW", "PATH",
         "/nonexistent/x"]  # no real device: `-o /dev/null --force` as root is tested in a temp dir
FILE_SEEDS = [
    b"", b"{}", b"[]", b"null", b"\xff\xfe\x00", b"<?xml version='1.0'?><clientConfig/>",
    b'name = "x"\n[policy]\nmin_tls = 1.25\n', b'{"schema_version": 1, "domain": "example.test"}',
    b"[" * 5000, b'{"a": ' + b"9" * 5000 + b"}", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>",
    b'name = "x"\ndomains = ' + b"[" * 3000 + b"]" * 3000, b'{"name": "x", "policy": {"min_tls": 1.25}}',
    rb'{"name": "\u001b[2J", "servers": [{"protocol": "imap", "host": "a\u001b.test", "port": 1e400}]}',
    b"-----BEGIN CERTIFICATE-----\n", json.dumps({"schema_version": 1, "address": "a@example.test",
                                                   "domain": "example.test", "candidates": [{}]}).encode(),
]
FILE_NAMES = ["in.json", "in.toml", "in.xml", "in.mobileconfig", "in.pem", "in.p12", "in"]
# A start that gets past argparse, so most examples reach the command itself.
BASE = {
    "probe": [["ann@example.test"], ["ann@example.test", "--json"],
              ["ann@example.test", "--preset", "@file:in.json"],
              ["ann@example.test", "--preset", "@file:in.toml"]],
    "recommend": [[], ["--devices", "computer,phone"], ["--probe", "@file:in.json"]],
    "export": [["ann@example.test", "--format", f] for f in ("sheet", "autoconfig", "mobileconfig")]
              + [["ann@example.test", "--format", "sheet", "--probe", "@file:in.json", "-o", "@out"],
                 ["ann@example.test", "--format", "autodiscover", "--from", "@file:in.xml"]],
    "convert": [["@file:in.xml", "--to", "sheet"],
                ["@file:in.mobileconfig", "--to", "autoconfig", "-o", "@out"]],
    "verify": [["ann@example.test", "--password-env", "MSA_FUZZ_PW"],
               ["ann@example.test", "--password-env", "MSA_FUZZ_PW", "--probe", "@file:in.json"]],
    "report": [["ann@example.test"], ["ann@example.test", "--probe", "@file:in.json", "-o", "@out"]],
    "gui": [[], ["--preset", "@file:in.toml"], ["--preset", "@file:in.json"]],
}


@st.composite
def invocation(draw: st.DrawFn) -> tuple[str, list[tuple[str, object]], dict[str, bytes]]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    content = st.sampled_from(FILE_SEEDS) | st.binary(max_size=200)
    files = draw(st.dictionaries(st.sampled_from(FILE_NAMES), content, min_size=1, max_size=3))
    value = (st.sampled_from(WORDS) | st.text(max_size=12)
             | st.sampled_from([f"@file:{n}" for n in FILE_NAMES]) | st.just("@out"))
    base = draw(st.sampled_from([None, *BASE[command]]))
    items: list[tuple[str, object]] = [("POSITIONAL", w) for w in base or []]
    items += draw(st.lists(st.tuples(st.sampled_from([*OPTIONS[command], "--bogus", "-h", "POSITIONAL"]),
                                     value), max_size=4))
    return command, items, files


@contextmanager
def captured() -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    """stdout/stderr with a binary ``.buffer`` (write_output uses it); stdin is empty, not a terminal."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved


def _argv(command: str, items: list[tuple[str, object]], work: Path) -> tuple[list[str], Path | None]:
    argv, target = [command], None
    for option, value in items:
        text = str(value)
        if text.startswith("@file:"):
            text = str(work / text[6:])
        elif text == "@out":
            target = work / "out" / "result.bin"
            text = str(target)
        argv += [text] if option == "POSITIONAL" else [option, text]
    if command in DISCOVERING:
        argv += DEAD_DNS
    return argv, target


def _run(argv: list[str]) -> tuple[int, str]:
    with captured() as (_out, err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        err.flush()
        text = err.buffer.getvalue().decode("utf-8", "replace")  # type: ignore[attr-defined]
    return code, text


@pytest.fixture
def quiet_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "MSA_DEBUG", "MSA_ISPDB_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("MSA_FUZZ_PW", "fuzz-password")


COUNTER = itertools.count()


def check(argv: list[str], work: Path, target: Path | None) -> int:
    """Run one invocation (in ``work``: a generated relative -o lands there) and assert the review's rules."""
    here = os.getcwd()
    os.chdir(work)
    try:
        code, err = _run(argv)
    finally:
        os.chdir(here)
    shown = f"argv={argv!r}\nexit={code}\nstderr={err!r}"
    assert isinstance(code, int) and 0 <= code <= 3, shown
    assert "Traceback" not in err and "internal error" not in err, shown
    if code >= 2:
        assert err.count("\n") == 1 and err.endswith("\n"), shown
    leftovers = [p.name for p in work.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == [], shown  # no temp file from an interrupted atomic write
    if target is not None and code != 0:
        assert not target.exists(), shown  # a failed run leaves no (partial) output file
    return code


@settings(max_examples=150, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(case=invocation())
def test_every_command_survives_generated_input(quiet_env: None,
                                               case: tuple[str, list[tuple[str, object]], dict[str, bytes]]
                                               ) -> None:
    command, items, files = case
    with tempfile.TemporaryDirectory(prefix=f"fuzz{next(COUNTER)}-") as tmp:
        work = Path(tmp)
        (work / "out").mkdir()
        for name, data in files.items():
            (work / name).write_bytes(data)
        argv, target = _argv(command, items, work)
        event(f"{command} exit {check(argv, work, target)}")


# Every place a command reads a file, with every seed file: the generated runs above may miss a pairing.
READERS = [
    ("probe", ["ann@example.test", "--preset", "@file:in.json"]),
    ("probe", ["ann@example.test", "--preset", "@file:in.toml"]),
    ("probe", ["ann@example.test", "--cafile", "@file:in.pem"]),
    ("gui", ["--preset", "@file:in.json"]),
    ("gui", ["--preset", "@file:in.toml"]),
    ("recommend", ["--probe", "@file:in.json"]),
    ("export", ["ann@example.test", "--format", "sheet", "--probe", "@file:in.json", "-o", "@out"]),
    ("export", ["ann@example.test", "--format", "autoconfig", "--from", "@file:in.xml", "-o", "@out"]),
    ("convert", ["@file:in.xml", "--to", "sheet", "-o", "@out"]),
    ("convert", ["@file:in.mobileconfig", "--to", "autoconfig", "-o", "@out"]),
    ("verify", ["ann@example.test", "--password-env", "MSA_FUZZ_PW", "--probe", "@file:in.json"]),
    ("report", ["ann@example.test", "--probe", "@file:in.json", "--format", "json", "-o", "@out"]),
]


@pytest.mark.parametrize("seed", range(len(FILE_SEEDS)))
@pytest.mark.parametrize(("command", "words"), READERS)
def test_every_reader_survives_every_seed_file(quiet_env: None, tmp_path: Path, command: str,
                                               words: list[str], seed: int) -> None:
    (tmp_path / "out").mkdir()
    for name in FILE_NAMES:
        (tmp_path / name).write_bytes(FILE_SEEDS[seed])
    argv, target = _argv(command, [("POSITIONAL", w) for w in words], tmp_path)
    check(argv, tmp_path, target)
