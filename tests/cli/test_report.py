"""The verify and report commands end to end against real Dovecot; every output searched for the password."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from assistant.cli import main
from assistant.core.model.results import Candidate, DiscoveryResult
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.protocols import probe_endpoint
from tests.support.certs import CertFactory
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet

ROOT = Path(__file__).parents[2]
REPORT_SCHEMA = json.loads((ROOT / "resources/schemas/report.schema.json").read_text())
ADDRESS = "carol@example.test"
# Characters that HTML and JSON escape, so the search covers escaped forms too.
PASSWORD = 'Pa<ss>&"w0rd\'ü'


@dataclass
class Env:
    dovecot: DovecotHandle
    certs: CertFactory
    probe_file: Path


def _probe(ip: str, cafile: str) -> DiscoveryResult:
    settings = Settings(resolver=Resolver(lifetime=2.0), cafile=cafile, timeout=10.0)

    async def go() -> list:  # type: ignore[type-arg]
        cands = [Candidate("imap", ip, 993, "ssl", "manual"), Candidate("pop3", ip, 995, "ssl", "manual"),
                 Candidate("smtp", ip, 465, "ssl", "manual")]
        return list(await asyncio.gather(*(probe_endpoint(c, settings) for c in cands)))

    results = asyncio.run(go())
    assert all(r.secure for r in results), [r.error for r in results]
    return DiscoveryResult(address=ADDRESS, domain="example.test", domain_unicode="example.test",
                           local_part="carol", candidates=results,
                           recommended={r.candidate.protocol: r for r in results})


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    ip = Subnet().take()
    certs = CertFactory(tmp_path_factory.mktemp("certs"))
    leaf = certs.good(ip)
    dovecot = start_dovecot(ip, leaf.cert_pem, leaf.key_pem, users={ADDRESS: PASSWORD}, quota=True)
    try:
        probe_file = tmp_path_factory.mktemp("probe") / "probe.json"
        probe_file.write_text(json.dumps(_probe(ip, str(certs.ca_pem)).to_dict()))
        yield Env(dovecot, certs, probe_file)
    finally:
        dovecot.stop()


def cli(env: Env, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--probe", str(env.probe_file), "--cafile", str(env.certs.ca_pem)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert PASSWORD not in text
        assert "Pa<ss>" not in text and "Pa&lt;ss&gt;" not in text


def test_verify_ok_and_json(env: Env, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    code, out, err = cli(env, capsys, "verify", ADDRESS, "--password-env", "MSA_TEST_PW")
    assert code == 0, out + err
    assert out.startswith("OK incoming: Signed in to") and "OK outgoing" in out
    code, out, err = cli(env, capsys, "verify", ADDRESS, "--password-env", "MSA_TEST_PW", "--json",
                         "--protocol", "pop3")
    assert code == 0
    doc = json.loads(out)
    assert doc["incoming"]["protocol"] == "pop3" and doc["ok"] is True
    jsonschema.validate(doc["incoming"], REPORT_SCHEMA["$defs"]["signin"])
    assert_clean(out, err)


def test_verify_wrong_password_exits_1(env: Env, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSA_TEST_PW", "wrong-" + PASSWORD)
    code, out, err = cli(env, capsys, "verify", ADDRESS, "--password-env", "MSA_TEST_PW")
    assert code == 1
    assert "The server rejected the user name or password" in out
    assert "wrong-" not in out + err


@pytest.mark.parametrize(("args", "expected"), [
    (["verify", ADDRESS, "--password-env", "MSA_UNSET_VAR"], "MSA_UNSET_VAR: the variable is not set"),
    (["verify", "example.test", "--password-env", "MSA_TEST_PW"], "needs a full email address"),
    (["verify", ADDRESS, "--password-env", "MSA_TEST_PW", "--pin", "xyz"], "--pin 'xyz'"),
    (["report", ADDRESS, "-o", "report.txt"], "name the file .html or .json"),
])
def test_bad_input_exits_2(env: Env, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                           args: list[str], expected: str) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    monkeypatch.delenv("MSA_UNSET_VAR", raising=False)
    code, _out, err = cli(env, capsys, *args)
    assert code == 2
    assert expected in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_report_html_and_json_redacted(env: Env, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MSA_TEST_PW", PASSWORD)
    html_path, json_path = tmp_path / "report.html", tmp_path / "report.json"
    code, out, err = cli(env, capsys, "report", ADDRESS, "--password-env", "MSA_TEST_PW",
                         "-o", str(html_path))
    assert code == 0, err
    code2, out2, err2 = cli(env, capsys, "report", ADDRESS, "--password-env", "MSA_TEST_PW",
                            "-o", str(json_path))
    assert code2 == 0, err2
    html_text, json_text = html_path.read_text(), json_path.read_text()
    assert_clean(out, err, out2, err2, html_text, json_text)
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob(".*.tmp"))
    # HTML: plain words first, technical appendix after.
    assert html_text.index("Everything works") < html_text.index("Technical appendix")
    assert "This report contains no password" in html_text
    doc = json.loads(json_text)
    jsonschema.validate(doc, REPORT_SCHEMA)
    assert doc["summary"]["status"] == "working"
    assert doc["signin"]["incoming"]["facts"]["quota_limit_kib"] == 1024 * 1024
    assert doc["app"]["version"] and doc["system"]["os"] and doc["resolver"]
    assert doc["timings"]["signin_ms"] >= 0
    assert doc["recommendation"]["protocol"] in ("imap", "pop3")
    # Not replaced without --force, and the old file is untouched.
    code3, _, err3 = cli(env, capsys, "report", ADDRESS, "-o", str(json_path))
    assert code3 == 2 and "already exists" in err3
    assert json_path.read_text() == json_text


def test_report_failed_signin_is_still_redacted(env: Env, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = PASSWORD + "-nope"
    monkeypatch.setenv("MSA_TEST_PW", wrong)
    code, out, err = cli(env, capsys, "report", ADDRESS, "--password-env", "MSA_TEST_PW", "--format", "html")
    assert code == 1
    assert "signing in did not work" in out
    assert wrong not in out + err and PASSWORD not in out + err


def test_report_without_signin(env: Env, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(env, capsys, "report", ADDRESS)
    assert code == 0, err
    doc = json.loads(out)
    jsonschema.validate(doc, REPORT_SCHEMA)
    assert doc["signin"] is None and doc["summary"]["status"] == "found"
