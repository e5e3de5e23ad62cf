"""Preset files: every field's validation error names the field; the policy reshapes recommendations."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from assistant.cli.common import add_preset_option, preset_from_args
from assistant.core.discovery.presets import apply_policy, load_preset
from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.words.errors import InputError
from tests.support.paths import SCHEMAS

SCHEMA = json.loads((SCHEMAS / "preset.schema.json").read_text())

GOOD_TOML = """
schema_version = 1
name = "Example Corp"
domains = ["example.test"]
support_url = "https://help.example.test/mail"

[policy]
forbidden_protocols = ["pop3"]
min_tls = "1.3"
allowed_server_domains = ["example.test"]
offline = true

[[servers]]
protocol = "imap"
host = "imap.example.test"
port = 993
security = "ssl"

[[servers]]
protocol = "smtp"
host = "smtp.example.test"
port = 587
security = "starttls"
username = "%EMAILLOCALPART%"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def write_json(tmp_path: Path, data: dict[str, Any]) -> Path:
    return write(tmp_path, "preset.json", json.dumps(data))


def test_good_toml_loads_and_matches_schema(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, "preset.toml", GOOD_TOML))
    assert preset.name == "Example Corp"
    assert preset.domains == ("example.test",)
    assert preset.policy.forbidden_protocols == ("pop3",)
    assert preset.policy.min_tls == "1.3"
    assert preset.policy.offline is True
    assert [(c.protocol, c.host, c.port, c.security, c.source) for c in preset.servers] == [
        ("imap", "imap.example.test", 993, "ssl", "manual"),
        ("smtp", "smtp.example.test", 587, "starttls", "manual")]
    assert preset.servers[1].username == "%EMAILLOCALPART%"
    import tomllib
    jsonschema.validate(tomllib.loads(GOOD_TOML), SCHEMA)


def test_good_json_loads(tmp_path: Path) -> None:
    data = {"name": "Org", "policy": {"min_tls": 1.2}, "servers": [
        {"protocol": "pop3", "host": "Pop.Example.Test.", "port": 995, "security": "ssl"}]}
    jsonschema.validate(data, SCHEMA)
    preset = load_preset(write_json(tmp_path, data))
    assert preset.policy.min_tls == "1.2"
    assert preset.servers[0].host == "pop.example.test"


BAD: list[tuple[dict[str, Any], str]] = [
    ({"name": "X", "schema_version": 2}, "schema_version: expected 1"),
    ({}, "name: expected a non-empty string"),
    ({"name": ""}, "name: expected a non-empty string"),
    ({"name": "X", "colour": "red"}, "colour: unknown field"),
    ({"name": "X", "domains": "example.test"}, "domains: expected a list"),
    ({"name": "X", "domains": ["exa mple.test"]}, "domains[0]: 'exa mple.test' is not a valid"),
    ({"name": "X", "support_url": 5}, "support_url: expected a non-empty string"),
    ({"name": "X", "support_contact": ""}, "support_contact: expected a non-empty string"),
    ({"name": "X", "servers": {}}, "servers: expected a list"),
    ({"name": "X", "servers": ["imap"]}, "servers[0]: expected a table"),
    ({"name": "X", "servers": [{"protocol": "jmap", "host": "a.test", "port": 1, "security": "ssl"}]},
     "servers[0].protocol: expected one of imap, pop3, smtp"),
    ({"name": "X", "servers": [{"protocol": "imap", "host": "", "port": 993, "security": "ssl"}]},
     "servers[0].host:"),
    ({"name": "X", "servers": [{"protocol": "imap", "host": "a.test", "port": 0, "security": "ssl"}]},
     "servers[0].port: expected a port number 1-65535"),
    ({"name": "X", "servers": [{"protocol": "imap", "host": "a.test", "port": True, "security": "ssl"}]},
     "servers[0].port: expected a port number"),
    ({"name": "X", "servers": [{"protocol": "imap", "host": "a.test", "port": 143, "security": "plain"}]},
     "servers[0].security: expected one of ssl, starttls"),
    ({"name": "X", "servers": [{"protocol": "imap", "host": "a.test", "port": 993, "security": "ssl",
                                "username": ""}]}, "servers[0].username: expected a non-empty string"),
    ({"name": "X", "servers": [{"protocol": "imap", "host": "a.test", "port": 993, "security": "ssl",
                                "password": "x"}]}, "servers[0].password: unknown field"),
    ({"name": "X", "policy": []}, "policy: expected a table"),
    ({"name": "X", "policy": {"min_tsl": "1.2"}}, "policy.min_tsl: unknown field"),
    ({"name": "X", "policy": {"min_tls": "1.1"}}, "policy.min_tls: expected one of 1.2, 1.3"),
    ({"name": "X", "policy": {"forbidden_protocols": "pop3"}}, "policy.forbidden_protocols: expected a list"),
    ({"name": "X", "policy": {"forbidden_protocols": ["smtp"]}},
     "policy.forbidden_protocols[0]: expected one of imap, pop3"),
    ({"name": "X", "policy": {"forbidden_protocols": ["imap", "pop3"]}},
     "policy.forbidden_protocols: cannot forbid both"),
    ({"name": "X", "policy": {"allowed_server_domains": ["-"]}}, "policy.allowed_server_domains[0]:"),
    ({"name": "X", "policy": {"offline": "yes"}}, "policy.offline: expected true or false"),
    ({"name": "X", "policy": {"require_implicit_tls": 1}}, "policy.require_implicit_tls: expected true"),
    ({"name": "X", "policy": {"forbidden_protocols": ["pop3"]},
      "servers": [{"protocol": "pop3", "host": "a.test", "port": 995, "security": "ssl"}]},
     "servers[0].protocol: pop3 is forbidden"),
    ({"name": "X", "policy": {"require_implicit_tls": True},
      "servers": [{"protocol": "imap", "host": "a.test", "port": 143, "security": "starttls"}]},
     "servers[0].security: policy.require_implicit_tls allows only ssl"),
    ({"name": "X", "policy": {"allowed_server_domains": ["example.test"]},
      "servers": [{"protocol": "imap", "host": "imap.other.test", "port": 993, "security": "ssl"}]},
     "servers[0].host: not inside policy.allowed_server_domains"),
]


@pytest.mark.parametrize(("data", "expected"), BAD, ids=[e for _, e in BAD])
def test_every_bad_field_is_named(tmp_path: Path, data: dict[str, Any], expected: str) -> None:
    with pytest.raises(InputError) as info:
        load_preset(write_json(tmp_path, data))
    message = str(info.value)
    assert message.startswith("preset.json: "), message
    assert expected in message, message
    assert "\n" not in message


def test_schema_rejects_what_the_loader_rejects() -> None:
    """The published schema and the loader agree on the structural errors a validator can see."""
    structural = [d for d, e in BAD if "is forbidden" not in e and "allows only" not in e
                  and "not inside" not in e and "not a valid" not in e
                  and "servers[0].host:" not in e and "allowed_server_domains[0]" not in e]
    for data in structural:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("preset.toml", "name = ", "not valid TOML"),
    ("preset.json", "{", "not valid JSON"),
    ("preset.json", "[1]", "expected a table/object at the top level"),
    ("preset.yaml", "name: x", "expected a .toml or .json file"),
])
def test_unparsable_files(tmp_path: Path, name: str, text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        load_preset(write(tmp_path, name, text))


def test_missing_and_binary_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.toml: cannot read"):
        load_preset(tmp_path / "missing.toml")
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe name")
    with pytest.raises(InputError, match="not UTF-8"):
        load_preset(tmp_path / "bin.toml")
    (tmp_path / "big.toml").write_text("# " + "x" * 300_000)
    with pytest.raises(InputError, match="larger than"):
        load_preset(tmp_path / "big.toml")


def test_preset_option(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_preset_option(parser)
    assert preset_from_args(parser.parse_args([])) is None
    path = write(tmp_path, "preset.toml", GOOD_TOML)
    preset = preset_from_args(parser.parse_args(["--preset", str(path)]))
    assert preset is not None and preset.name == "Example Corp"


# --- policy ----------------------------------------------------------------------------------------------

def probe(protocol: str, host: str, port: int, security: str = "ssl", source: str = "srv",
          version: str = "TLSv1.3", verified: bool = True) -> ProbeResult:
    c = Candidate.from_dict({"protocol": protocol, "host": host, "port": port, "security": security,
                             "source": source})
    return ProbeResult(candidate=c, status="ok", tls=TlsFacts(version=version, verified=verified))


def discovery(*results: ProbeResult) -> DiscoveryResult:
    rec: dict[str, ProbeResult | None] = {"imap": None, "pop3": None, "smtp": None}
    for r in results:
        if rec[r.candidate.protocol] is None and r.secure:
            rec[r.candidate.protocol] = r
    return DiscoveryResult(address="a@example.test", domain="example.test", domain_unicode="example.test",
                           candidates=list(results), recommended=rec)


def test_policy_drops_forbidden_foreign_and_old_tls(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, "preset.toml", GOOD_TOML.replace('offline = true', '')))
    result = discovery(
        probe("imap", "imap.hoster.test", 993),                      # outside allowed domains
        probe("imap", "imap.example.test", 993, version="TLSv1.2"),  # below min_tls 1.3
        probe("imap", "mail.example.test", 993),                     # complies
        probe("pop3", "pop.example.test", 995),                      # forbidden protocol
        probe("smtp", "smtp.example.test", 465),
    )
    out = apply_policy(result, preset)
    assert out.recommended["imap"] is not None
    assert out.recommended["imap"].candidate.host == "mail.example.test"
    assert out.recommended["pop3"] is None
    assert out.recommended["smtp"] is not None
    codes = {(w.code, w.host) for w in out.warnings}
    assert ("policy_server_not_allowed", "imap.hoster.test") in codes
    assert ("policy_protocol_forbidden", "pop.example.test") in codes
    assert len(out.candidates) == len(result.candidates)  # what was tried stays listed
    messages = [w.message for w in out.warnings]
    assert any("Example Corp does not allow POP3" in m for m in messages)


def test_policy_prefers_secure_preset_servers(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, "preset.toml", GOOD_TOML))
    result = discovery(probe("imap", "other.example.test", 993),
                       probe("imap", "imap.example.test", 993, source="manual"),
                       probe("smtp", "smtp.example.test", 587, security="starttls", source="manual"))
    out = apply_policy(result, preset)
    assert out.recommended["imap"] is not None
    assert out.recommended["imap"].candidate.host == "imap.example.test"


def test_policy_never_recommends_unverified(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, "preset.toml", GOOD_TOML))
    result = discovery(probe("imap", "imap.example.test", 993, source="manual", verified=False))
    out = apply_policy(result, preset)
    assert out.recommended["imap"] is None


def test_policy_implicit_tls_and_domain_mismatch(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"name": "Org", "domains": ["corp.test"],
                                 "policy": {"require_implicit_tls": True}})
    preset = load_preset(path)
    result = discovery(probe("smtp", "smtp.example.test", 587, security="starttls"),
                       probe("smtp", "smtp.example.test", 465))
    out = apply_policy(result, preset)
    assert out.recommended["smtp"] is not None and out.recommended["smtp"].candidate.port == 465
    codes = [w.code for w in out.warnings]
    assert "policy_starttls_not_allowed" in codes and "policy_domain_mismatch" in codes


def test_offline_policy_makes_settings_stricter(tmp_path: Path) -> None:
    from assistant.core.net.dns import Resolver
    from assistant.core.net.settings import Settings
    preset = load_preset(write(tmp_path, "preset.toml", GOOD_TOML))
    settings = Settings(resolver=Resolver(lifetime=1.0))
    assert preset.apply_settings(settings).offline is True
