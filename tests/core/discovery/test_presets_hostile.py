"""Hostile preset files (security review 3): huge numbers, deep nesting, wrong types and near-miss values end
as one InputError naming the file and, where there is one, the field; never a ValueError or RecursionError."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.discovery.presets import load_preset
from assistant.core.words.errors import InputError
from tests.support.cli import msa

BASE = {"name": "Example Corp", "servers": [
    {"protocol": "imap", "host": "imap.example.test", "port": 993, "security": "ssl"}]}


def preset(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("p.json", '{"name": "x", "schema_version": ' + "9" * 5000 + "}", "p.json: holds a number with too many"),
    ("p.toml", 'name = "x"\nschema_version = ' + "9" * 5000 + "\n", "p.toml: "),
    ("p.json", '{"name": "x", "domains": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "p.json: nested too deeply"),
    ("p.toml", 'name = "x"\ndomains = ' + "[" * 50_000 + "]" * 50_000 + "\n", "p.toml: "),
    ("p.toml", 'name = "x"\ndomains = ' + "{a=" * 20_000 + "1" + "}" * 20_000 + "\n", "p.toml: "),
])
def test_huge_numbers_and_deep_nesting_are_one_line(tmp_path: Path, name: str, text: str,
                                                    expected: str) -> None:
    with pytest.raises(InputError) as info:
        load_preset(preset(tmp_path, name, text))
    assert str(info.value).startswith(expected) and "\n" not in str(info.value)


@pytest.mark.parametrize(("policy", "field"), [
    ('min_tls = 1.25', "policy.min_tls"),       # once read as "1.2"
    ('min_tls = 1.29999', "policy.min_tls"),
    ('min_tls = 1.3000001', "policy.min_tls"),
    ('min_tls = nan', "policy.min_tls"),
    ('min_tls = inf', "policy.min_tls"),
    ('min_tls = 12', "policy.min_tls"),
    ('min_tls = true', "policy.min_tls"),
    ('min_tls = ["1.2"]', "policy.min_tls"),
    ('offline = 1', "policy.offline"),
    ('forbidden_protocols = [["imap"]]', "policy.forbidden_protocols[0]"),
    ('forbidden_protocols = "imap"', "policy.forbidden_protocols"),
])
def test_policy_values_out_of_range_or_of_the_wrong_type(tmp_path: Path, policy: str, field: str) -> None:
    with pytest.raises(InputError, match=rf"^p\.toml: {re.escape(field)}: "):
        load_preset(preset(tmp_path, "p.toml", f'name = "x"\n[policy]\n{policy}\n'))


def test_min_tls_as_a_number_still_reads_exactly(tmp_path: Path) -> None:
    loaded = load_preset(preset(tmp_path, "p.toml", 'name = "x"\n[policy]\nmin_tls = 1.3\n'))
    assert loaded.policy.min_tls == "1.3"


@pytest.mark.parametrize(("server", "field"), [
    ({"port": 99_999_999_999_999_999_999}, "servers[0].port"),
    ({"port": -1}, "servers[0].port"),
    ({"port": 993.0}, "servers[0].port"),
    ({"port": True}, "servers[0].port"),
    ({"host": ["a"]}, "servers[0].host"),
    ({"host": "a" * 100_000}, "servers[0].host"),
    ({"protocol": {"imap": 1}}, "servers[0].protocol"),
    ({"security": ["ssl"]}, "servers[0].security"),
    ({"username": 5}, "servers[0].username"),
])
def test_server_fields_of_the_wrong_type_or_range(tmp_path: Path, server: dict[str, Any], field: str) -> None:
    data = json.loads(json.dumps(BASE))
    data["servers"][0].update(server)
    with pytest.raises(InputError) as info:
        load_preset(preset(tmp_path, "p.json", json.dumps(data)))
    assert str(info.value).startswith(f"p.json: {field}: ")
    assert len(str(info.value)) < 200  # a 100 000-character host is not echoed whole


@pytest.mark.parametrize(("value", "ok"), [(1, True), (1.0, False), (True, False), ("1", False),
                                           (10**30, False)])
def test_schema_version_must_be_the_integer_1(tmp_path: Path, value: Any, ok: bool) -> None:
    path = preset(tmp_path, "p.json", json.dumps({**BASE, "schema_version": value}))
    if ok:
        assert load_preset(path).name == "Example Corp"
    else:
        with pytest.raises(InputError, match=r"^p\.json: schema_version: "):
            load_preset(path)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12)
FIELDS = st.sampled_from(["schema_version", "name", "domains", "support_url", "servers", "policy", "x"])
POLICY = st.fixed_dictionaries({}, optional={k: JSON_VALUES for k in (
    "forbidden_protocols", "min_tls", "allowed_server_domains", "offline", "require_implicit_tls")})
SERVER = st.fixed_dictionaries({}, optional={k: JSON_VALUES | st.sampled_from(["imap", "ssl", 993, "a.test"])
                                             for k in ("protocol", "host", "port", "security", "username")})


@settings(max_examples=150, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(top=st.dictionaries(FIELDS, JSON_VALUES, max_size=4), policy=POLICY,
       servers=st.lists(SERVER, max_size=2))
def test_fuzzed_presets_load_or_fail_with_one_line(tmp_path: Path, top: dict[str, Any],
                                                    policy: dict[str, Any],
                                                    servers: list[dict[str, Any]]) -> None:
    data = {"name": "x", **top, "policy": policy, "servers": servers}
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        load_preset(path)
    except InputError as exc:
        assert str(exc).startswith("fuzz.json: ") and "\n" not in str(exc)


@pytest.mark.parametrize("command", [["probe", "ann@example.test", "--offline"], ["gui"]])
def test_commands_exit_2_naming_the_field(tmp_path: Path, command: list[str]) -> None:
    path = preset(tmp_path, "org.toml", 'name = "x"\n[policy]\nmin_tls = 1.25\n')
    out = msa(*command, "--preset", str(path), env={"QT_QPA_PLATFORM": "offscreen"}, text=True)
    assert out.returncode == 2, out.stderr
    assert out.stderr == "mail-setup-assistant: org.toml: policy.min_tls: expected one of 1.2, 1.3\n"
