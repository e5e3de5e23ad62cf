"""The audit's problem codes (stable: scripts match on them), their sentences, and the verdict per domain.

``CODES`` is in order of harm, worst first: the person's one line shows the first. Certificate codes are
the probe's (``net.tls``), renamed where the audit's contract says it plainer (``untrusted_issuer`` →
``untrusted``, ``weak_protocol`` → ``obsolete_tls``) and carried per host.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.core.audit.clients import ClientView
from assistant.core.audit.observe import Observed
from assistant.core.audit.summary import SourceSummary
from assistant.core.discovery.rank import SOURCE_NAMES, SOURCE_TRUST, problem_sentence
from assistant.core.model.results import Candidate, DiscoveryResult, TlsFacts
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate
from assistant.core.words.vocabulary import PROTOCOL_NAMES

CONTEXT, SOURCES_CONTEXT = "audit", "sources"  # translation contexts (named, not literal, for lupdate)
TLS_CODES: dict[str, str] = {  # the probe's certificate problem → the audit's code
    "expired": "expired", "not_yet_valid": "not_yet_valid", "hostname_mismatch": "hostname_mismatch",
    "self_signed": "self_signed", "untrusted_issuer": "untrusted", "weak_protocol": "obsolete_tls",
    "unknown": "tls_failed",
}
CODES: tuple[str, ...] = (
    "plaintext_only", "expired", "not_yet_valid", "hostname_mismatch", "self_signed", "untrusted",
    "obsolete_tls", "tls_failed", "http_config_differs", "autoconfig_http_only", "no_published_settings",
    "sources_disagree", "no_autoconfig", "no_autodiscover", "certificate_expires_soon",
)
SEVERITY: dict[str, str] = {
    **dict.fromkeys(CODES[:9], "critical"),
    **dict.fromkeys(("autoconfig_http_only", "no_published_settings", "sources_disagree"), "error"),
    **dict.fromkeys(("no_autoconfig", "no_autodiscover", "certificate_expires_soon"), "warning"),
}
VERDICTS: tuple[str, ...] = ("good", "problems", "nothing_found", "no_domain", "error")
DEFAULT_EXPIRY_DAYS = 21
TRUSTED = ("srv", "autoconfig", "autodiscover", "ispdb")  # sources whose disagreement matters (not MX, guess)

MESSAGES: dict[str, str] = {
    "plaintext_only": QT_TRANSLATE_NOOP(
        "audit", "{service} on {host}:{port} works only without encryption: passwords would cross the "
                 "network readable. Switch on TLS there."),
    "tls": QT_TRANSLATE_NOOP("audit", "{host}: {problem}"),
    "certificate_expires_soon": QT_TRANSLATE_NOOP(
        "audit", "{host}: the certificate expires on {date}, in {days} days; renew it before then."),
    "http_config_differs": QT_TRANSLATE_NOOP(
        "audit", "The autoconfig file over plain HTTP ({url}) names other servers ({http_hosts}) than the "
                 "one over HTTPS ({https_hosts}): a stale copy, or someone on the network path changing it. "
                 "Serve the same file over HTTP, or none."),
    "autoconfig_http_only": QT_TRANSLATE_NOOP(
        "audit", "The autoconfig file is served only over plain HTTP ({url}), where anyone on the path can "
                 "change it; serve it over HTTPS."),
    "no_published_settings": QT_TRANSLATE_NOOP(
        "audit", "{domain} publishes no mail settings (no SRV records, no autoconfig file, no Autodiscover "
                 "answer, nothing from its mail provider): mail programs can only guess or use a directory."),
    "sources_disagree": QT_TRANSLATE_NOOP(
        "audit", "{source} names {host} for {service}, but {other_source} names {other_host}: one of them is "
                 "out of date."),
    "no_autoconfig": QT_TRANSLATE_NOOP(
        "audit", "Neither {domain} nor its mail provider publishes an autoconfig file: Thunderbird has to "
                 "guess unless its database knows the domain, and Thunderbird for Android finds nothing."),
    "no_autodiscover": QT_TRANSLATE_NOOP(
        "audit", "{domain} does not answer Outlook's Autodiscover request: Outlook does not find the "
                 "settings."),
}
VERDICT_WORDS: dict[str, str] = {
    "good": QT_TRANSLATE_NOOP("audit", "good"),
    "problems": QT_TRANSLATE_NOOP("audit", "problems"),
    "nothing_found": QT_TRANSLATE_NOOP("audit", "no mail server found"),
    "no_domain": QT_TRANSLATE_NOOP("audit", "no such domain"),
    "error": QT_TRANSLATE_NOOP("audit", "not checked"),
}
COUNT_WORDS: dict[str, str] = {  # after a number: "3 with problems"
    "good": QT_TRANSLATE_NOOP("audit", "good"),
    "problems": QT_TRANSLATE_NOOP("audit", "with problems"),
    "nothing_found": QT_TRANSLATE_NOOP("audit", "without a mail server"),
    "no_domain": QT_TRANSLATE_NOOP("audit", "not existing"),
    "error": QT_TRANSLATE_NOOP("audit", "not checked"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a domain: a stable ``code``, where (``host``, ``protocol``), and the values its
    sentence is made from (``params``; ``days`` for certificates)."""

    code: str
    host: str | None = None
    protocol: str | None = None
    days: int | None = None
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> str:
        return SEVERITY.get(self.code, "error")

    def sentence(self, translate: Translate | None = None) -> str:
        tr = translate or (lambda _c, t: t)
        template = MESSAGES["tls"] if self.code in TLS_CODES.values() else MESSAGES.get(self.code, "{code}")
        values = _Values({"code": self.code, "host": self.host or "", **self.params})
        for key in ("source", "other_source"):
            if key in values and values[key] in SOURCE_NAMES:
                values[key] = tr(SOURCES_CONTEXT, SOURCE_NAMES[values[key]])
        try:
            return tr(CONTEXT, template).format_map(values)
        except (IndexError, ValueError):
            return template.format_map(values)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.sentence(), "host": self.host,
                "protocol": self.protocol, "days": self.days, "params": dict(self.params)}


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _host(name: str) -> str:
    return name.lower().rstrip(".")


def tls_problems(result: DiscoveryResult, expiry_days: int) -> list[Problem]:
    """Every probed server's certificate trouble, one per code and host; soon-expiring verified ones."""
    out: list[Problem] = []
    for r in result.candidates:
        tls, host = r.tls, _host(r.candidate.host)
        if tls is None:
            continue
        if tls.verified:
            if tls.days_left is not None and tls.days_left <= expiry_days:
                out.append(Problem("certificate_expires_soon", host, r.candidate.protocol, tls.days_left,
                                   {"date": (tls.not_after or "?")[:10], "days": str(tls.days_left)}))
            continue
        failures = [p for p in tls.problems if p != "expires_soon"] or (
            ["unknown"] if r.status == "tls_error" else [])
        for code in failures:
            audit_code = TLS_CODES.get(code, "tls_failed")
            out.append(Problem(audit_code, host, r.candidate.protocol, tls.days_left,
                               {"problem": _tls_sentence(code, tls, host)}))
    return out


def _tls_sentence(code: str, tls: TlsFacts, host: str) -> str:
    return problem_sentence(code if code in TLS_CODES else "unknown", tls, host)


def _hosts(candidates: list[Candidate], protocol: str) -> set[str]:
    return {_host(c.host) for c in candidates if c.protocol == protocol}


def disagreements(sources: dict[str, SourceSummary], result: DiscoveryResult) -> list[Problem]:
    """Per protocol: two trusted sources naming entirely different servers (one is out of date)."""
    out: list[Problem] = []
    for proto in ("imap", "pop3", "smtp"):
        named = sorted(((n, _hosts(sources[n].servers, proto)) for n in TRUSTED if n in sources),
                       key=lambda item: SOURCE_TRUST.get(item[0], 9))
        named = [(n, h) for n, h in named if h]
        pair = next(((a, b) for i, a in enumerate(named) for b in named[i + 1:] if not a[1] & b[1]), None)
        if pair is not None:
            (src, hosts), (other, others) = pair
            out.append(Problem("sources_disagree", min(hosts), proto, params={
                "service": PROTOCOL_NAMES[proto], "source": src, "other_source": other,
                "other_host": min(others)}))
    seen = {p.protocol for p in out}
    for w in result.warnings:  # the probe's own finding (newer builds) for what the above did not cover
        if w.code == "sources_disagree" and w.protocol not in seen:
            wanted = ("service", "source", "other_source", "other_host")
            params: dict[str, str] = {k: w.params[k] for k in wanted if k in w.params}
            out.append(Problem("sources_disagree", w.host, w.protocol, params=params))
    return out


def _keys(candidates: list[Candidate]) -> set[tuple[str, str, int, str]]:
    return {c.key for c in candidates}


def assess(result: DiscoveryResult, observed: Observed, sources: dict[str, SourceSummary],
           views: dict[str, ClientView], expiry_days: int = DEFAULT_EXPIRY_DAYS) -> list[Problem]:
    """Every problem of one domain, worst first (``CODES`` order, then host)."""
    domain = result.domain_unicode
    out: list[Problem] = []
    for w in result.warnings:
        if w.code == "plaintext_only":
            out.append(Problem("plaintext_only", w.host and _host(w.host), w.protocol, params={
                "service": w.params.get("service", ""), "port": w.params.get("port", "")}))
    out += tls_problems(result, expiry_days)
    if observed.http_file is not None:
        url, plain = observed.http_file
        https = sources["autoconfig"].servers
        if _keys(plain) != _keys(https):
            out.append(Problem("http_config_differs", params={
                "url": url, "http_hosts": ", ".join(sorted({_host(c.host) for c in plain})),
                "https_hosts": ", ".join(sorted({_host(c.host) for c in https}))}))
    if sources["autoconfig"].outcome != "found" and sources["autoconfig_http"].outcome == "found":
        url = next((r.target for o in observed.outcomes.values() for r in o.reports
                    if r.source == "autoconfig_http" and r.outcome == "found"), "")
        out.append(Problem("autoconfig_http_only", params={"url": url}))
    published = ("srv", "autoconfig", "autoconfig_http", "autodiscover", "mx")
    if not any(sources[name].gives for name in published):
        out.append(Problem("no_published_settings", params={"domain": domain}))
    out += disagreements(sources, result)
    if not any(sources[n].gives for n in ("autoconfig", "autoconfig_http", "ispdb", "mx")):
        out.append(Problem("no_autoconfig", params={"domain": domain}))
    if views["outlook"].finds is False:
        out.append(Problem("no_autodiscover", params={"domain": domain}))
    unique = list(dict.fromkeys(out))
    return sorted(unique, key=lambda p: (CODES.index(p.code) if p.code in CODES else len(CODES),
                                         p.host or "", p.protocol or ""))


def verdict(result: DiscoveryResult, problems: list[Problem]) -> str:
    """``nothing_found`` when no server answered at all; else ``good`` or ``problems``."""
    answered = any(r.status in ("ok", "tls_error", "protocol_error") for r in result.candidates)
    if not answered:
        return "nothing_found"
    return "problems" if problems else "good"
