"""An organisation's preset: its own servers and a policy that discovery results must obey.

Helpdesks ship one file (TOML or JSON, schema in ``resources/schemas/preset.schema.json``) so every
machine ends up with the same, approved settings. The policy is applied to a finished DiscoveryResult
(``apply_policy``) rather than inside discovery, so probe, export, verify, report and the GUI all enforce
it the same way by calling one function.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.core.model.provider import OAuth2App
from assistant.core.model.results import (
    PROTOCOLS,
    SECURITIES,
    Candidate,
    DiscoveryResult,
    Finding,
    ProbeResult,
)
from assistant.core.net.settings import Settings
from assistant.core.words.errors import InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

PRESET_SCHEMA_VERSION = 1
MAX_PRESET_BYTES = 256 * 1024  # a preset is a few lines; anything bigger is the wrong file
TLS_VERSIONS = ("1.2", "1.3")
INCOMING = ("imap", "pop3")

# Findings the policy adds; placeholders come from the Finding's host/protocol fields and the preset.
MESSAGES: dict[str, str] = {
    "policy_protocol_forbidden": QT_TRANSLATE_NOOP(
        "presets", "{organisation} does not allow {protocol}; it is not recommended."),
    "policy_server_not_allowed": QT_TRANSLATE_NOOP(
        "presets", "{host} is not one of the servers {organisation} allows; it is not recommended."),
    "policy_tls_too_old": QT_TRANSLATE_NOOP(
        "presets", "{host} uses an older TLS version than {organisation} requires; it is not recommended."),
    "policy_starttls_not_allowed": QT_TRANSLATE_NOOP(
        "presets", "{organisation} requires direct TLS; {host} (STARTTLS) is not recommended."),
    "policy_domain_mismatch": QT_TRANSLATE_NOOP(
        "presets", "This address is not in a domain {organisation}'s settings are meant for."),
}


@dataclass(frozen=True)
class Policy:
    """Rules a recommendation must meet. Defaults allow everything our own safety rules allow."""

    forbidden_protocols: tuple[str, ...] = ()
    min_tls: str = "1.2"
    allowed_server_domains: tuple[str, ...] = ()  # empty: any
    offline: bool = False
    require_implicit_tls: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"forbidden_protocols": list(self.forbidden_protocols), "min_tls": self.min_tls,
                "allowed_server_domains": list(self.allowed_server_domains), "offline": self.offline,
                "require_implicit_tls": self.require_implicit_tls}


@dataclass(frozen=True)
class Preset:
    name: str
    path: str
    domains: tuple[str, ...] = ()
    support_url: str | None = None
    support_contact: str | None = None
    servers: tuple[Candidate, ...] = ()
    policy: Policy = field(default_factory=Policy)
    oauth2: OAuth2App | None = None  # the organisation's own app, for a real OAuth2 sign-in test

    def to_dict(self) -> dict[str, Any]:
        out = {"name": self.name, "domains": list(self.domains), "support_url": self.support_url,
               "support_contact": self.support_contact,
               "servers": [s.to_dict() for s in self.servers], "policy": self.policy.to_dict()}
        if self.oauth2 is not None:
            out["oauth2"] = self.oauth2.to_dict()
        return out

    def candidates(self, protocol: str | None = None) -> list[Candidate]:
        """The preset's servers as discovery candidates (source "manual"), optionally of one protocol."""
        return [s for s in self.servers if protocol is None or s.protocol == protocol]

    def apply_settings(self, settings: Settings) -> Settings:
        """Settings with the policy's offline switch applied (a preset can only make a run stricter)."""
        return replace(settings, offline=settings.offline or self.policy.offline)


# --- loading ---------------------------------------------------------------------------------------------

class _Where:
    """Builds "preset.toml: policy.min_tls: ..." messages."""

    def __init__(self, path: Path) -> None:
        self.name = path.name

    def error(self, key: str, text: str) -> InputError:
        key = key if len(key) <= 80 else key[:77] + "..."  # a field name from the file: keep the line short
        return InputError(f"{self.name}: {key}: {text}" if key else f"{self.name}: {text}")


def load_preset(path: str | Path) -> Preset:
    """Read and validate a preset file (``.toml`` or ``.json``). Raises InputError naming the bad field."""
    from assistant.core.net.files import read_bounded
    p = Path(path)
    where = _Where(p)
    try:  # bounded and regular files only: a FIFO is refused at once instead of blocking the read
        raw = read_bounded(str(p), MAX_PRESET_BYTES, "preset file")
    except InputError as exc:
        if exc.code == "too_large":
            raise where.error("", f"larger than {MAX_PRESET_BYTES // 1024} KiB; not a preset file") from None
        why = {"no_such_file": "no such file", "read_folder": "it is a folder",
               "read_special": "not a regular file: a device, pipe or socket"}.get(
            exc.code or "", str(exc.params.get("detail", "unreadable")))
        raise where.error("", f"cannot read the preset ({why})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise where.error("", "not UTF-8 text") from None
    data = _parse(text, p, where)
    return _preset(data, p, where)


def _parse(text: str, p: Path, where: _Where) -> dict[str, Any]:
    import json  # here, not at the top: the wizard imports this module before its first window shows
    import tomllib
    suffix = p.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
        elif suffix == ".toml":
            data = tomllib.loads(text)
        else:
            raise where.error("", "expected a .toml or .json file")
    except json.JSONDecodeError as exc:
        raise where.error("", f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except tomllib.TOMLDecodeError as exc:
        raise where.error("", f"not valid TOML ({exc})") from None
    except RecursionError:  # "[[[[…": the readers recurse per level
        raise where.error("", "nested too deeply; not a preset file") from None
    except ValueError:  # an integer of thousands of digits (Python's int-to-string limit)
        raise where.error("", "holds a number with too many digits; not a preset file") from None
    if not isinstance(data, dict):
        raise where.error("", "expected a table/object at the top level")
    return data


_TOP = {"schema_version", "name", "domains", "support_url", "support_contact", "servers", "policy", "oauth2"}
_OAUTH2 = {"client_id", "authorization_endpoint", "token_endpoint", "scopes"}
_POLICY = {"forbidden_protocols", "min_tls", "allowed_server_domains", "offline", "require_implicit_tls"}
_SERVER = {"protocol", "host", "port", "security", "username"}


def _preset(d: dict[str, Any], p: Path, where: _Where) -> Preset:
    _known(d, _TOP, "", where)
    version = d.get("schema_version", PRESET_SCHEMA_VERSION)
    if type(version) is not int or version != PRESET_SCHEMA_VERSION:  # not true, not 1.0
        raise where.error("schema_version", f"expected {PRESET_SCHEMA_VERSION}")
    name = _text(d, "name", "name", where, required=True)
    assert name is not None
    domains = tuple(_domain(x, f"domains[{i}]", where) for i, x in enumerate(_list(d, "domains", "domains",
                                                                                      where)))
    servers_raw = d.get("servers", [])
    if not isinstance(servers_raw, list):
        raise where.error("servers", "expected a list of server tables")
    servers = tuple(_server(s, f"servers[{i}]", i, where) for i, s in enumerate(servers_raw))
    pol = d.get("policy", {})
    if not isinstance(pol, dict):
        raise where.error("policy", "expected a table/object")
    policy = _policy(pol, where)
    for i, s in enumerate(servers):
        if s.protocol in policy.forbidden_protocols:
            raise where.error(f"servers[{i}].protocol",
                              f"{s.protocol} is forbidden by policy.forbidden_protocols")
        if policy.require_implicit_tls and s.security != "ssl":
            raise where.error(f"servers[{i}].security", "policy.require_implicit_tls allows only ssl")
        if policy.allowed_server_domains and not host_allowed(s.host, policy.allowed_server_domains):
            raise where.error(f"servers[{i}].host", "not inside policy.allowed_server_domains")
    return Preset(name=name, path=str(p), domains=domains,
                  support_url=_text(d, "support_url", "support_url", where),
                  support_contact=_text(d, "support_contact", "support_contact", where),
                  servers=servers, policy=policy, oauth2=_oauth2(d.get("oauth2"), where))


def _oauth2(d: Any, where: _Where) -> OAuth2App | None:
    """The organisation's own OAuth2 app: its client ID and its endpoints, which must be HTTPS."""
    if d is None:
        return None
    if not isinstance(d, dict):
        raise where.error("oauth2", "expected a table/object")
    _known(d, _OAUTH2, "oauth2.", where)
    client_id = _text(d, "client_id", "oauth2.client_id", where, required=True)
    urls = {}
    for k in ("authorization_endpoint", "token_endpoint"):
        url = _text(d, k, f"oauth2.{k}", where, required=True) or ""
        if not url.startswith("https://") or any(c.isspace() for c in url) or len(url) > 2000:
            raise where.error(f"oauth2.{k}", "expected an https:// URL")
        urls[k] = url
    scopes = _list(d, "scopes", "oauth2.scopes", where)
    if not all(isinstance(s, str) and s and not any(c.isspace() for c in s) for s in scopes):
        raise where.error("oauth2.scopes", "expected a list of scope names without spaces")
    return OAuth2App(client_id=client_id or "", authorization_endpoint=urls["authorization_endpoint"],
                     token_endpoint=urls["token_endpoint"], scopes=tuple(scopes))


def _policy(d: dict[str, Any], where: _Where) -> Policy:
    _known(d, _POLICY, "policy.", where)
    forbidden = []
    for i, x in enumerate(_list(d, "forbidden_protocols", "policy.forbidden_protocols", where)):
        if x not in INCOMING:
            raise where.error(f"policy.forbidden_protocols[{i}]", "expected one of imap, pop3")
        forbidden.append(x)
    if set(forbidden) >= set(INCOMING):
        raise where.error("policy.forbidden_protocols", "cannot forbid both imap and pop3")
    min_tls = d.get("min_tls", "1.2")
    if type(min_tls) is float:  # TOML/JSON readers turn a bare 1.2 into a float; 1.25 must not become "1.2"
        min_tls = next((v for v in TLS_VERSIONS if float(v) == min_tls), None)
    if type(min_tls) is not str or min_tls not in TLS_VERSIONS:
        raise where.error("policy.min_tls", f"expected one of {', '.join(TLS_VERSIONS)}")
    domains = tuple(_domain(x, f"policy.allowed_server_domains[{i}]", where)
                    for i, x in enumerate(_list(d, "allowed_server_domains",
                                                "policy.allowed_server_domains", where)))
    return Policy(forbidden_protocols=tuple(dict.fromkeys(forbidden)), min_tls=str(min_tls),
                  allowed_server_domains=domains,
                  offline=_bool(d, "offline", "policy.offline", where),
                  require_implicit_tls=_bool(d, "require_implicit_tls", "policy.require_implicit_tls", where))


def _server(s: Any, key: str, index: int, where: _Where) -> Candidate:
    if not isinstance(s, dict):
        raise where.error(key, "expected a table/object")
    _known(s, _SERVER, f"{key}.", where)
    protocol = s.get("protocol")
    if protocol not in PROTOCOLS:
        raise where.error(f"{key}.protocol", f"expected one of {', '.join(PROTOCOLS)}")
    host = _domain(s.get("host"), f"{key}.host", where)
    port = s.get("port")
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise where.error(f"{key}.port", "expected a port number 1-65535")
    security = s.get("security")
    if security not in SECURITIES or security == "plain":
        raise where.error(f"{key}.security", "expected one of ssl, starttls")
    username = _text(s, "username", f"{key}.username", where)
    return Candidate(protocol=protocol, host=host, port=port, security=security, source="manual",
                     preference=index, username=username)


def _known(d: dict[str, Any], allowed: set[str], prefix: str, where: _Where) -> None:
    for k in d:
        if k not in allowed:
            raise where.error(f"{prefix}{k}", "unknown field (check the spelling; see docs/presets.md)")


def _text(d: dict[str, Any], k: str, key: str, where: _Where, *, required: bool = False) -> str | None:
    v = d.get(k)
    if v is None and not required:
        return None
    if not isinstance(v, str) or not v.strip():
        raise where.error(key, "expected a non-empty string")
    return v.strip()


def _list(d: dict[str, Any], k: str, key: str, where: _Where) -> list[Any]:
    v = d.get(k, [])
    if not isinstance(v, list):
        raise where.error(key, "expected a list")
    return v


def _bool(d: dict[str, Any], k: str, key: str, where: _Where) -> bool:
    v = d.get(k, False)
    if not isinstance(v, bool):
        raise where.error(key, "expected true or false")
    return v


def _domain(v: Any, key: str, where: _Where) -> str:
    if not isinstance(v, str):
        raise where.error(key, "expected a host or domain name")
    name = v.strip().rstrip(".").lower()
    try:
        ascii_name = name.encode("idna").decode("ascii") if name else ""
    except UnicodeError:
        ascii_name = ""
    labels = ascii_name.split(".")
    if not ascii_name or len(ascii_name) > 253 or any(
            not lab or len(lab) > 63 or lab[0] == "-" or lab[-1] == "-"
            or not all(c.isascii() and (c.isalnum() or c == "-") for c in lab) for lab in labels):
        shown = repr(v) if len(v) <= 80 else repr(v[:77]) + "..."
        raise where.error(key, f"{shown} is not a valid host or domain name")
    return ascii_name


# --- applying the policy ---------------------------------------------------------------------------------

def host_allowed(host: str, domains: tuple[str, ...]) -> bool:
    """True when ``host`` is one of ``domains`` or inside one (no allowed domains = everything allowed)."""
    h = host.lower().rstrip(".")
    return not domains or any(h == d or h.endswith("." + d) for d in domains)


def violations(result: ProbeResult, policy: Policy) -> list[str]:
    """Codes of the policy rules one probed endpoint breaks (empty when it complies)."""
    c = result.candidate
    codes = []
    if c.protocol in policy.forbidden_protocols:
        codes.append("policy_protocol_forbidden")
    if not host_allowed(c.host, policy.allowed_server_domains):
        codes.append("policy_server_not_allowed")
    if policy.require_implicit_tls and c.security != "ssl":
        codes.append("policy_starttls_not_allowed")
    version = (result.tls.version or "") if result.tls else ""
    if result.status == "ok" and _tls_rank(version) < _tls_rank("TLSv" + policy.min_tls):
        codes.append("policy_tls_too_old")
    return codes


def _tls_rank(version: str) -> int:
    order = {"TLSv1": 10, "TLSv1.1": 11, "TLSv1.2": 12, "TLSv1.3": 13}
    return order.get(version, 0)


def finding(code: str, preset: Preset, host: str | None = None, protocol: str | None = None) -> Finding:
    """A policy Finding whose English message is the template filled from its own fields."""
    params = {"organisation": preset.name, "host": host or "", "protocol": (protocol or "").upper()}
    return Finding(code=code, message=MESSAGES[code].format(**params), host=host, protocol=protocol,
                   params=params)


def apply_policy(result: DiscoveryResult, preset: Preset) -> DiscoveryResult:
    """Drop recommendations the policy forbids, fall back to a compliant secure alternative, add Findings.

    Preset servers are preferred when they probed secure; otherwise the first compliant secure candidate
    in the result's own (ranked) order is taken. Candidates stay listed: the report shows what was tried.
    """
    policy = preset.policy
    warnings = list(result.warnings)
    if preset.domains and result.domain.lower() not in preset.domains:
        warnings.append(finding("policy_domain_mismatch", preset))
    recommended: dict[str, ProbeResult | None] = {}
    for protocol in PROTOCOLS:
        current = result.recommended.get(protocol)
        if protocol in policy.forbidden_protocols:
            if current is not None:
                warnings.append(
                    finding("policy_protocol_forbidden", preset, current.candidate.host, protocol))
            recommended[protocol] = None
            continue
        if current is not None:
            for code in violations(current, policy):
                warnings.append(finding(code, preset, current.candidate.host, protocol))
        compliant = [r for r in result.candidates
                     if r.candidate.protocol == protocol and r.secure and not violations(r, policy)]
        preferred = [r for r in compliant if r.candidate.source == "manual"
                     and any(r.candidate.key == s.key for s in preset.servers)]
        if preferred:
            recommended[protocol] = preferred[0]
        elif current is not None and current in compliant:
            recommended[protocol] = current
        else:
            recommended[protocol] = compliant[0] if compliant else None
    return replace(result, recommended=recommended, warnings=warnings)
