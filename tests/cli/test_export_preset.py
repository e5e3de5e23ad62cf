"""``export --preset``: the profile is built from the policy-applied result, live and from a saved probe,
against the real test world (dnsmasq + Dovecot)."""

from __future__ import annotations

from pathlib import Path

from assistant.core.profiles import import_profile
from tests.support.cli import msa
from tests.support.world import ProbeWorld

NO_IMAP = 'name = "Example Corp"\n[policy]\nforbidden_protocols = ["imap"]\n'
FIXED = """name = "Srv Org"
[[servers]]
protocol = "imap"
host = "imap.srv.test"
port = 143
security = "starttls"
[[servers]]
protocol = "smtp"
host = "smtp.srv.test"
port = 587
security = "starttls"
"""


def preset(tmp_path: Path, text: str) -> str:
    path = tmp_path / "preset.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def servers(data: bytes, name: str) -> list[tuple[str, str, int, str]]:
    account = import_profile(data, name)
    return [(s.protocol, s.host, s.port, s.security) for s in (*account.incoming, *account.outgoing)]


def test_live_export_obeys_a_forbidden_protocol(probe_world: ProbeWorld, tmp_path: Path) -> None:
    plain = msa("export", "alice@srv.test", "--format", "autoconfig", *probe_world.options())
    assert plain.returncode == 0, plain.stderr.decode()
    assert servers(plain.stdout, "plain.xml")[0][:2] == ("imap", "imap.srv.test")  # the control
    proc = msa("export", "alice@srv.test", "--format", "autoconfig", "--preset",
               preset(tmp_path, NO_IMAP), *probe_world.options())
    assert proc.returncode == 0, proc.stderr.decode()
    found = servers(proc.stdout, "config-v1.1.xml")
    assert [s[0] for s in found] == ["pop3", "smtp"]
    assert found[0][1] == "pop.srv.test"


def test_live_export_uses_the_presets_own_servers(probe_world: ProbeWorld, tmp_path: Path) -> None:
    # bob@dead.fallback.test finds nothing by itself: only the preset's servers can be in the profile.
    bare = msa("export", "bob@dead.fallback.test", "--format", "autoconfig", *probe_world.options())
    # The input was fine, the result was not: exit 1 (docs/profiles.md), one line, no file.
    assert bare.returncode == 1 and bare.stdout == b"", bare.stderr.decode()
    assert bare.stderr.decode().count("\n") == 1 and "no usable" in bare.stderr.decode()
    proc = msa("export", "bob@dead.fallback.test", "--format", "mobileconfig", "--preset",
               preset(tmp_path, FIXED), *probe_world.options())
    assert proc.returncode == 0, proc.stderr.decode()
    assert servers(proc.stdout, "x.mobileconfig") == [("imap", "imap.srv.test", 143, "starttls"),
                                                      ("smtp", "smtp.srv.test", 587, "starttls")]


def test_saved_probe_with_preset_matches_the_live_result(probe_world: ProbeWorld, tmp_path: Path) -> None:
    probe = msa("probe", "alice@srv.test", "--json", *probe_world.options())
    assert probe.returncode == 0, probe.stderr.decode()
    saved = tmp_path / "probe.json"
    saved.write_bytes(probe.stdout)
    proc = msa("export", "alice@srv.test", "--format", "autoconfig", "--probe", str(saved), "--preset",
               preset(tmp_path, NO_IMAP))
    assert proc.returncode == 0, proc.stderr.decode()
    assert [s[:2] for s in servers(proc.stdout, "c.xml")] == [("pop3", "pop.srv.test"),
                                                               ("smtp", "smtp.srv.test")]
