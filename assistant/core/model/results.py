"""What discovery finds: candidates, probe results, records, findings and the whole discovery result.

Everything here is a dataclass with a JSON form (``to_dict``/``from_dict``) because the CLI's JSON is a
published interface (``resources/schemas/probe.schema.json``) and other commands read it back
(``--probe probe.json``). Fields are only ever added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from assistant.core.model.fields import choice as _choice
from assistant.core.model.fields import int_field as _int
from assistant.core.model.fields import list_field as _list
from assistant.core.model.fields import opt_str as _opt_str
from assistant.core.model.fields import port_field as _port
from assistant.core.model.fields import req_str as _str
from assistant.core.model.kinds import (
    PROTOCOLS,
    SECURITIES,
    SOURCES,
    STATUSES,
    Protocol,
    Security,
    Source,
    Status,
)
from assistant.core.model.provider import SignIn
from assistant.core.words.messages import Message

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Candidate:
    """One endpoint worth probing, and where we learnt of it.

    ``preference`` orders candidates of one protocol as their source meant (SRV priority, autoconfig file
    order, Thunderbird's guess order); lower is better. ``username``/``auth`` carry what a config file said
    (placeholders such as ``%EMAILADDRESS%`` kept) so profiles can reuse it.
    """

    protocol: Protocol
    host: str
    port: int
    security: Security
    source: Source
    preference: int = 0
    weight: int = 0
    username: str | None = None
    auth: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, int, str]:
        """Identity of the endpoint regardless of which source named it."""
        return (self.protocol, self.host.lower().rstrip("."), self.port, self.security)

    def to_dict(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol, "host": self.host, "port": self.port, "security": self.security,
            "source": self.source, "preference": self.preference, "weight": self.weight,
            "username": self.username, "auth": list(self.auth),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Candidate:
        return cls(
            protocol=_choice(d, "protocol", PROTOCOLS), host=_str(d, "host"), port=_port(d, "port"),
            security=_choice(d, "security", SECURITIES), source=_choice(d, "source", SOURCES),
            preference=_int(d, "preference"), weight=_int(d, "weight"),
            username=_opt_str(d, "username"), auth=tuple(str(a) for a in _list(d, "auth")),
        )


@dataclass
class TlsFacts:
    """What the TLS handshake showed. ``verified`` is True only when chain and host name both checked out."""

    version: str | None = None
    cipher: str | None = None
    verified: bool = False
    problems: list[str] = field(default_factory=list)  # expired, not_yet_valid, hostname_mismatch, ...
    subject: str | None = None
    sans: list[str] = field(default_factory=list)
    issuer: str | None = None
    not_before: str | None = None  # ISO 8601, UTC
    not_after: str | None = None
    days_left: int | None = None
    fingerprint_sha256: str | None = None  # hex, of the leaf certificate (what a user "pins")
    detail: str | None = None  # the verifier's own words, for the technical appendix

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TlsFacts:
        kw: dict[str, Any] = {}
        for f in fields(cls):
            if d.get(f.name) is None:
                continue
            if f.name == "verified":
                if not isinstance(d["verified"], bool):
                    raise ValueError("field 'tls.verified' must be true or false")
                kw["verified"] = d["verified"]
            elif f.name in ("problems", "sans"):
                kw[f.name] = [str(v) for v in _list(d, f.name)]
            elif f.name == "days_left":
                kw["days_left"] = _int(d, "days_left")
            else:
                kw[f.name] = _opt_str(d, f.name)
        return cls(**kw)


@dataclass(frozen=True)
class Finding:
    """A warning with a stable ``code`` scripts can match on and a sentence people can read."""

    code: str
    message: str
    host: str | None = None
    protocol: str | None = None
    # The values the English ``message`` was formatted from, so the GUI can format its translated template
    # (``assistant.core.discovery.rank.render``) instead of showing English.
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "host": self.host, "protocol": self.protocol,
                "params": dict(self.params)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        params = d.get("params") or {}
        return cls(code=_str(d, "code"), message=_str(d, "message"), host=_opt_str(d, "host"),
                   protocol=_opt_str(d, "protocol"),
                   params={str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {})


@dataclass
class ProbeResult:
    """The outcome of talking to one candidate (never with credentials)."""

    candidate: Candidate
    status: Status
    tls: TlsFacts | None = None
    capabilities: list[str] = field(default_factory=list)
    auth_mechanisms: list[str] = field(default_factory=list)
    elapsed_ms: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # codes, e.g. starttls_injection, logindisabled
    address: str | None = None  # the IP address we ended up talking to
    greeting: str | None = None  # only text received over TLS; pre-TLS text is never shown
    # Why we stopped waiting before the conversation ended: "better_found" (a higher-ranked server of the
    # same protocol was verified first) or "deadline" (the run's --timeout ran out); None when it finished.
    stopped: str | None = None
    # ``error`` by code and fields (core/words/messages.py), for the wizard to translate; not in the JSON.
    error_message: Message | None = field(default=None, compare=False, repr=False)

    @property
    def secure(self) -> bool:
        """Usable without a warning: TLS up, certificate verified for this host name."""
        return (self.status == "ok" and self.candidate.security != "plain"
                and self.tls is not None and self.tls.verified)

    def to_dict(self) -> dict[str, Any]:
        d = self.candidate.to_dict()
        d.update({
            "status": self.status, "tls": self.tls.to_dict() if self.tls else None,
            "capabilities": list(self.capabilities), "auth_mechanisms": list(self.auth_mechanisms),
            "elapsed_ms": self.elapsed_ms, "error": self.error, "warnings": list(self.warnings),
            "address": self.address, "greeting": self.greeting, "secure": self.secure,
            "stopped": self.stopped,
        })
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ProbeResult:
        if not isinstance(d, dict):
            raise ValueError("each probe result must be an object")
        tls = d.get("tls")
        if tls is not None and not isinstance(tls, dict):
            raise ValueError("field 'tls' must be an object or null")
        return cls(
            candidate=Candidate.from_dict(d), status=_choice(d, "status", STATUSES),
            tls=TlsFacts.from_dict(tls) if tls is not None else None,
            capabilities=[str(c) for c in _list(d, "capabilities")],
            auth_mechanisms=[str(c) for c in _list(d, "auth_mechanisms")],
            elapsed_ms=_int(d, "elapsed_ms"), error=_opt_str(d, "error"),
            warnings=[str(w) for w in _list(d, "warnings")], address=_opt_str(d, "address"),
            greeting=_opt_str(d, "greeting"), stopped=_opt_str(d, "stopped"),
        )


@dataclass(frozen=True)
class SrvRecord:
    """One RFC 6186/8314 answer. ``target == "."`` means the provider says the service is not offered."""

    service: str  # e.g. "_imaps._tcp"
    protocol: Protocol
    security: Security
    priority: int
    weight: int
    port: int
    target: str

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SrvRecord:
        if not isinstance(d, dict):
            raise ValueError("each SRV record must be an object")
        return cls(service=_str(d, "service"), protocol=_choice(d, "protocol", PROTOCOLS),
                   security=_choice(d, "security", SECURITIES), priority=_int(d, "priority"),
                   weight=_int(d, "weight"), port=_int(d, "port"), target=_str(d, "target"))


@dataclass(frozen=True)
class MxRecord:
    preference: int
    host: str

    def to_dict(self) -> dict[str, Any]:
        return {"preference": self.preference, "host": self.host}


@dataclass(frozen=True)
class AuthChallenge:
    """A web source's 401/403: the URL that answered it (after any redirect), its status, the schemes its
    ``WWW-Authenticate`` offered and the address the request was about — what a later retry with the
    mail password must check before anything is sent (only this host, Basic, this address)."""

    url: str
    status: int
    schemes: tuple[str, ...] = ()
    address: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "schemes": list(self.schemes),
                "address": self.address}


@dataclass(frozen=True)
class SourceReport:
    """What one discovery source did (URL fetched, records read) — the technical appendix of a report."""

    source: str
    target: str  # URL or DNS name asked
    outcome: str  # found | not_found | error | skipped | auth_required
    detail: str | None = None
    elapsed_ms: int = 0
    auth: AuthChallenge | None = None  # with outcome auth_required

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "outcome": self.outcome,
                "detail": self.detail, "elapsed_ms": self.elapsed_ms,
                "auth": self.auth.to_dict() if self.auth is not None else None}


@dataclass
class DiscoveryResult:
    address: str | None
    domain: str
    domain_unicode: str
    local_part: str | None = None
    mx: list[MxRecord] = field(default_factory=list)
    srv: list[SrvRecord] = field(default_factory=list)
    not_offered: list[Protocol] = field(default_factory=list)
    candidates: list[ProbeResult] = field(default_factory=list)
    recommended: dict[str, ProbeResult | None] = field(
        default_factory=lambda: {"imap": None, "pop3": None, "smtp": None})
    warnings: list[Finding] = field(default_factory=list)
    sources: list[SourceReport] = field(default_factory=list)
    resolver: str = "system"
    elapsed_ms: int = 0
    schema_version: int = SCHEMA_VERSION
    # A provider that refuses the normal password (Google, Microsoft …) and how its users sign in; None for an
    # ordinary server (discovery/providers.py).
    sign_in: SignIn | None = None

    def usable(self) -> bool:
        """Exit-code rule: a verified secure incoming and outgoing server was found."""
        incoming = any(self.recommended.get(p) is not None for p in ("imap", "pop3"))
        return incoming and self.recommended.get("smtp") is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version, "address": self.address, "domain": self.domain,
            "domain_unicode": self.domain_unicode, "local_part": self.local_part,
            "mx": [m.to_dict() for m in self.mx], "srv": [s.to_dict() for s in self.srv],
            "not_offered": list(self.not_offered),
            "candidates": [c.to_dict() for c in self.candidates],
            "recommended": {p: (r.to_dict() if r else None) for p, r in self.recommended.items()},
            "warnings": [w.to_dict() for w in self.warnings],
            "sources": [s.to_dict() for s in self.sources],
            "resolver": self.resolver, "elapsed_ms": self.elapsed_ms,
            "sign_in": self.sign_in.to_dict() if self.sign_in else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DiscoveryResult:
        """Read a ``probe --json`` document back. Raises ``ValueError`` naming the bad field."""
        if not isinstance(d, dict):
            raise ValueError("expected a JSON object")
        rec = d.get("recommended") or {}
        if not isinstance(rec, dict):
            raise ValueError("'recommended' must be an object")
        try:
            return cls(
                address=_opt_str(d, "address"), domain=_str(d, "domain"),
                domain_unicode=_opt_str(d, "domain_unicode") or _str(d, "domain"),
                local_part=_opt_str(d, "local_part"),
                mx=[MxRecord(_int(m, "preference"), _str(m, "host")) for m in _list(d, "mx", dict)],
                srv=[SrvRecord.from_dict(s) for s in _list(d, "srv")],
                not_offered=[_choice({"p": p}, "p", PROTOCOLS) for p in _list(d, "not_offered")],
                candidates=[ProbeResult.from_dict(c) for c in _list(d, "candidates")],
                recommended={p: (ProbeResult.from_dict(r) if isinstance(r, dict) else None)
                             for p, r in rec.items() if p in PROTOCOLS},
                warnings=[Finding.from_dict(w) for w in _list(d, "warnings", dict)],
                resolver=_opt_str(d, "resolver") or "system", elapsed_ms=_int(d, "elapsed_ms"),
                schema_version=_int(d, "schema_version", SCHEMA_VERSION),
                sign_in=SignIn.from_dict(d.get("sign_in")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"missing or malformed field {exc}") from None


@dataclass
class SourceOutcome:
    """What one discovery source contributed. Every source returns one, even when it found nothing."""

    candidates: list[Candidate] = field(default_factory=list)
    reports: list[SourceReport] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    srv: list[SrvRecord] = field(default_factory=list)
    mx: list[MxRecord] = field(default_factory=list)
    not_offered: set[Protocol] = field(default_factory=set)
    domain_missing: bool = False  # the source saw NXDOMAIN for the address's domain itself
    provider_name: str | None = None  # displayName from a config file, for profiles
    # Candidates (by ``Candidate.key``) named by an answer reached through a forgeable route (an unsigned
    # SRV record, a redirect to another domain), by route code (``vocabulary.ROUTES``): when one of them
    # is recommended under this source's label, ranking warns ``outside_domain`` as for SRV or MX.
    routes: dict[tuple[str, str, int, str], str] = field(default_factory=dict)
    oauth2_issuers: list[str] = field(default_factory=list)  # a config file's <oAuth2><issuer>

__all__ = ["PROTOCOLS", "SCHEMA_VERSION", "SECURITIES", "SOURCES", "STATUSES", "AuthChallenge", "Candidate",
           "DiscoveryResult", "Finding", "MxRecord", "ProbeResult", "Protocol", "Security", "Source",
           "SourceOutcome", "SourceReport", "SrvRecord", "Status", "TlsFacts"]
