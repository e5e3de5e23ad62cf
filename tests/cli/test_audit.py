"""``audit`` on the test world: each case of the issue gets its code, the fixes, the outputs and the files.

One run of the command over every scenario domain (JSON lines, the fix tree and the HTML page at once) is
shared by the tests that read it; the output formats, resuming, shards, bad input and Ctrl-C run their own.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from assistant.resources import path as resource_path
from tests.support.paths import REPO
from tests.support.world import ProbeWorld, _strict

DOMAINS = ["guess.test", "srv.test", "tlsbad.test", "soon.test", "plain.test", "autocfg.test",
           "httponly.test", "mxbased.test", "nosuch.test"]


def audit(world: ProbeWorld, *args: str, timeout: float = 10.0, stdin: str | None = None
          ) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "assistant", "audit", *args, "--dns-server", world.dns_server, "--cafile",
           world.cafile, "--offline", "--timeout", str(timeout)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=120, input=stdin)


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource_path("schemas", "audit.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(_strict(schema))


def lines(text: str) -> dict[str, dict[str, Any]]:
    check = validator()
    out: dict[str, dict[str, Any]] = {}
    for line in text.splitlines():
        record = json.loads(line)
        check.validate(record)
        out[record["domain"]] = record
    return out


def codes(record: dict[str, Any]) -> list[str]:
    return [p["code"] for p in record["problems"]]


@pytest.fixture(scope="module")
def everything(probe_world: ProbeWorld, tmp_path_factory: pytest.TempPathFactory
               ) -> tuple[subprocess.CompletedProcess[str], dict[str, dict[str, Any]], Path]:
    tmp = tmp_path_factory.mktemp("audit")
    proc = audit(probe_world, *DOMAINS, "--json", "--fix-dir", str(tmp / "fixes"), "--html",
                 str(tmp / "audit.html"))
    return proc, lines(proc.stdout), tmp


def test_every_domain_gets_one_valid_line_and_exit_1(everything: Any) -> None:
    proc, records, _tmp = everything
    assert proc.returncode == 1, proc.stderr
    assert sorted(records) == sorted(DOMAINS)
    assert proc.stderr.splitlines()[0].startswith("9 domains:") and len(proc.stderr.splitlines()) == 1


def test_guessing_only_domain_needs_srv_records(everything: Any) -> None:
    record = everything[1]["guess.test"]
    assert record["verdict"] == "problems"
    assert codes(record)[0] == "no_published_settings"
    assert "_imaps._tcp.guess.test. 3600 IN SRV 0 1 993 imap.guess.test." in record["fixes"]["dns"]
    assert "_submissions._tcp.guess.test. 3600 IN SRV 0 1 465 smtp.guess.test." in record["fixes"]["dns"]
    assert "_pop3s._tcp.guess.test. 3600 IN SRV 0 0 0 ." in record["fixes"]["dns"]  # nobody offers POP3
    thunderbird = record["clients"]["thunderbird"]
    assert (thunderbird["finds"], thunderbird["source"], thunderbird["works"]) == (True, "guess", True)
    assert "ispdb" in thunderbird["unchecked"]  # --offline: the directory was not asked
    assert record["clients"]["rfc6186"]["finds"] is False


def test_srv_only_domain_gets_the_files_to_publish(everything: Any) -> None:
    _proc, records, tmp = everything
    record = records["srv.test"]
    assert "no_autoconfig" in codes(record) and "no_published_settings" not in codes(record)
    assert record["clients"]["rfc6186"] == {"finds": True, "source": "srv", "works": True, "unchecked": []}
    files = {f["path"]: f for f in record["fixes"]["files"]}
    assert set(files) >= {"srv.test/mail/config-v1.1.xml",
                          "srv.test/.well-known/autoconfig/mail/config-v1.1.xml",
                          "srv.test/autodiscover/autodiscover.xml"}
    autoconfig = files["srv.test/mail/config-v1.1.xml"]
    assert autoconfig["url"] == "https://autoconfig.srv.test/mail/config-v1.1.xml"
    assert "<hostname>imap.srv.test</hostname>" in autoconfig["content"]
    assert "%EMAILADDRESS%" in autoconfig["content"]
    written = tmp / "fixes" / "srv.test" / "mail" / "config-v1.1.xml"
    assert written.read_text(encoding="utf-8") == autoconfig["content"]
    assert (tmp / "fixes" / "srv.test" / "autodiscover" / "autodiscover.xml").is_file()
    assert not any(line.startswith("_imaps._tcp.srv.test") for line in record["fixes"]["dns"])  # published


def test_certificate_faults_each_get_their_code_and_host(everything: Any) -> None:
    problems = {(p["code"], p["host"]) for p in everything[1]["tlsbad.test"]["problems"]}
    assert {("expired", "expired.tlsbad.test"), ("hostname_mismatch", "wronghost.tlsbad.test"),
            ("self_signed", "selfsigned.tlsbad.test"), ("untrusted", "untrusted.tlsbad.test"),
            ("not_yet_valid", "future.tlsbad.test")} <= problems
    expired = next(p for p in everything[1]["tlsbad.test"]["problems"] if p["code"] == "expired")
    assert expired["days"] is not None and expired["days"] < 0 and expired["severity"] == "critical"


def test_soon_expiring_certificate_has_its_days(everything: Any) -> None:
    soon = [p for p in everything[1]["soon.test"]["problems"] if p["code"] == "certificate_expires_soon"]
    assert {p["host"] for p in soon} == {"imap.soon.test", "smtp.soon.test"}
    assert all(p["days"] == 10 for p in soon)
    assert "certificate_expires_soon" not in codes(everything[1]["srv.test"])  # a long-lived certificate


def test_plaintext_only_server(everything: Any) -> None:
    record = everything[1]["plain.test"]
    plain = [p for p in record["problems"] if p["code"] == "plaintext_only"]
    assert {p["protocol"] for p in plain} == {"imap", "pop3", "smtp"}
    assert codes(record)[0] == "plaintext_only"  # the worst first
    assert any(s["plaintext"] for s in record["servers"])
    assert record["fixes"]["files"] == []  # nothing verified: nothing to publish


def test_forged_plain_http_autoconfig(everything: Any) -> None:
    record = everything[1]["autocfg.test"]
    differs = next(p for p in record["problems"] if p["code"] == "http_config_differs")
    assert "evil.attacker.test" in differs["params"]["http_hosts"]
    assert "imap.autocfg.test" in differs["params"]["https_hosts"]
    assert record["sources"]["autoconfig"]["outcome"] == "found"
    assert record["clients"]["thunderbird"]["source"] == "autoconfig"
    http_only = everything[1]["httponly.test"]
    assert codes(http_only)[0] == "autoconfig_http_only"


def test_missing_domain_and_mx_provider(everything: Any) -> None:
    assert everything[1]["nosuch.test"]["verdict"] == "no_domain"
    mxbased = everything[1]["mxbased.test"]
    assert mxbased["clients"]["thunderbird_android"]["source"] == "mx"
    assert mxbased["sources"]["mx"]["outcome"] == "found"


def test_html_page_is_self_contained_and_escaped(everything: Any) -> None:
    page = (everything[2] / "audit.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for domain in DOMAINS:
        assert f'id="d-{domain}"' in page
    assert "http://" not in page.split("<body>")[0] and "<link" not in page and "src=" not in page
    assert "&lt;clientConfig" in page  # file contents shown as text, never as markup


def test_text_output_one_line_per_domain_worst_first(probe_world: ProbeWorld) -> None:
    proc = audit(probe_world, "plain.test", "srv.test", "nosuch.test")
    assert proc.returncode == 1
    out = proc.stdout.splitlines()
    assert len(out) == 4 and out[-1].startswith("3 domains: 0 good")
    plain = next(line for line in out if line.startswith("plain.test"))
    assert "[plaintext_only]" in plain and "(+" in plain
    assert any(line == "nosuch.test  no such domain" for line in out)


def test_csv_has_a_header_and_a_row_per_domain(probe_world: ProbeWorld) -> None:
    proc = audit(probe_world, "srv.test", "guess.test", "--csv")
    rows = [line.split(",") for line in proc.stdout.splitlines()]
    assert rows[0][:3] == ["domain", "domain_unicode", "verdict"] and len(rows) == 3
    by_domain = {r[0]: r for r in rows[1:]}
    assert by_domain["guess.test"][3] == "no_published_settings"


def test_all_good_exits_0(probe_world: ProbeWorld) -> None:
    proc = audit(probe_world, "complete.test", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "good"


def test_batch_from_stdin_resume_and_torn_line(probe_world: ProbeWorld, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = audit(probe_world, "--batch", "-", "--json", "-o", str(out), stdin="# customers\nsrv.test\n\n")
    assert first.returncode == 1 and first.stdout == ""
    with out.open("a") as fh:
        fh.write('{"domain": "guess.te')  # a run killed in the middle of a line
    again = audit(probe_world, "--batch", "-", "--json", "-o", str(out), "--resume",
                  stdin="srv.test\nguess.test\nSRV.TEST  # twice\nsoon.test\n")
    assert again.returncode == 1, again.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["domain"] for r in records].count("srv.test") == 1
    assert sorted(r["domain"] for r in records) == ["guess.test", "soon.test", "srv.test"]
    assert "3 domains:" in again.stderr  # the count covers the resumed file


def test_shards_split_the_list_once(probe_world: ProbeWorld, tmp_path: Path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text("\n".join(DOMAINS) + "\n")
    seen: list[str] = []
    for k in (1, 2, 3):
        proc = audit(probe_world, "--batch", str(listed), "--json", "--shard", f"{k}/3")
        seen += [json.loads(line)["domain"] for line in proc.stdout.splitlines()]
    assert sorted(seen) == sorted(DOMAINS)


@pytest.mark.parametrize("args, says", [
    (["--batch", "LIST"], "list.txt:3:"),
    (["srv.test", "--shard", "4/3"], "--shard"),
    (["srv.test", "--resume"], "--resume"),
    (["srv.test", "--jobs", "0"], "--jobs"),
    ([], "DOMAIN"),
    (["srv.test", "--csv", "--json"], "not allowed with"),
])
def test_bad_input_is_one_line_exit_2(probe_world: ProbeWorld, tmp_path: Path, args: list[str],
                                      says: str) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text("srv.test\n# fine\nnot a domain!\n")
    proc = audit(probe_world, *[str(listed) if a == "LIST" else a for a in args])
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and says in proc.stderr, proc.stderr


def test_ctrl_c_keeps_finished_lines_and_ends_the_files(probe_world: ProbeWorld, tmp_path: Path) -> None:
    """guess.test finishes first (one job at a time), silent.test then hangs on its silent server."""
    page = tmp_path / "page.html"
    cmd = [sys.executable, "-m", "assistant", "audit", "guess.test", "silent.test", "--jobs", "1", "--json",
           "--html", str(page), "--dns-server", probe_world.dns_server, "--cafile", probe_world.cafile,
           "--offline", "--timeout", "60"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # blocks until the first domain is written
        proc.send_signal(signal.SIGINT)
        rest, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert json.loads(first)["domain"] == "guess.test" and rest == ""
    assert "interrupted" in err and "Traceback" not in err
    assert 'id="d-guess.test"' in page.read_text(encoding="utf-8")


def test_at_most_per_ip_connections_reach_one_server(probe_world: ProbeWorld, tmp_path: Path) -> None:
    """30 customers whose SRV records name 30 different hosts on one address (a relay in front of the real
    Dovecot counts the connections it sees at once): --per-ip 2 holds; a generous limit does not, so the
    check can fail."""
    from bench.relay import RelayThread
    from tests.support.dnsmasq import Zone, start_dnsmasq
    from tests.support.loopback import Subnet

    subnet = Subnet()
    relay_ip, dns_ip = subnet.take(), subnet.take()
    zone = Zone()
    for i in range(30):
        host = f"mail.shared{i}.test"
        zone.host(host, relay_ip).srv(f"_imaps._tcp.shared{i}.test", host, 993)
    dns = start_dnsmasq(dns_ip, zone, tmp_path / "dns")
    relay = RelayThread(0.0)
    try:
        relay.tcp(relay_ip, probe_world.good_ip, [993])
        listed = tmp_path / "list.txt"
        listed.write_text("".join(f"shared{i}.test\n" for i in range(30)))
        peaks = []
        for per_ip in ("2", "16"):
            relay.relay.most_at_once = 0
            cmd = [sys.executable, "-m", "assistant", "audit", "--batch", str(listed), "--json",
                   "--jobs", "30", "--per-ip", per_ip, "--dns-server", dns_ip, "--cafile", probe_world.cafile,
                   "--offline"]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=120)
            assert len(proc.stdout.splitlines()) == 30, proc.stderr
            peaks.append(relay.relay.most_at_once)
    finally:
        relay.stop()
        dns.stop()
    assert 1 <= peaks[0] <= 2, peaks
    assert peaks[1] > 2, peaks


def test_a_resolver_that_does_not_answer_makes_not_checked(probe_world: ProbeWorld) -> None:
    from tests.support.loopback import Subnet

    nobody = Subnet().take()  # nothing listens there: every lookup fails
    cmd = [sys.executable, "-m", "assistant", "audit", "srv.test", "--json", "--dns-server", nobody,
           "--cafile", probe_world.cafile, "--offline", "--timeout", "4"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=60)
    record = lines(proc.stdout)["srv.test"]
    assert proc.returncode == 1
    assert record["verdict"] == "error" and nobody in record["error"]


def test_the_page_is_never_renamed_over_a_link(probe_world: ProbeWorld, tmp_path: Path) -> None:
    mine = tmp_path / "mine.html"
    mine.write_text("someone else's page")
    link = tmp_path / "report.html"
    link.symlink_to(mine)
    proc = audit(probe_world, "srv.test", "--json", "--html", str(link), "--force")
    assert proc.returncode == 2 and "symbolic link" in proc.stderr, proc.stderr
    assert link.is_symlink() and mine.read_text() == "someone else's page"
