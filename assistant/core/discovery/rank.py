"""Ranking probe results and turning what went wrong into warnings people can act on.

The order of preference is fixed by security first, because a verified implicit-TLS server can never be
downgraded by an attacker while STARTTLS can be stripped (RFC 8314); then by how far we trust where the
server's name came from; then by the provider's own order (SRV priority, autoconfig order). Only servers whose
TLS came up with a verified certificate are ever recommended; everything else is listed so people see it.

Warning sentences are templates keyed by a stable code (see ``assistant.core.words.i18n``);
``Finding.params`` keeps the values so the GUI can format its translation with :func:`render`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from assistant.core.model.address import same_registered_domain
from assistant.core.model.results import PROTOCOLS, Candidate, Finding, ProbeResult, TlsFacts
from assistant.core.net.tls import PROBLEM_MESSAGES
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate
from assistant.core.words.vocabulary import PROTOCOL_NAMES, ROUTES, SOURCES

# Lower is better; the order and its reasons live with the source table (core/words/vocabulary.py).
SOURCE_TRUST: dict[str, int] = {name: src.trust for name, src in SOURCES.items()}
SECURITY_RANK: dict[str, int] = {"ssl": 0, "starttls": 1, "plain": 2}
# Sources an attacker on the network could forge: a server outside the domain learnt from them needs consent.
UNSIGNED_SOURCES = frozenset(name for name, src in SOURCES.items() if src.forgeable)
EXPIRY_WARNING_DAYS = 30


WARNINGS: dict[str, str] = {
    "plaintext_only": QT_TRANSLATE_NOOP(
        "warnings", "{service} is only reachable without encryption ({host}:{port}): passwords and mail "
        "would cross the network readable by anyone on the way. It is not recommended."),
    "outside_domain": QT_TRANSLATE_NOOP(
        "warnings", "{host} is not part of {domain}. We learnt of it from {source}, which an attacker "
        "could forge: confirm that your provider really uses this server before you use it."),
    "certificate_problem": QT_TRANSLATE_NOOP(
        "warnings", "{host}: {problem} Servers presenting this certificate are not recommended."),
    "insecure_config_source": QT_TRANSLATE_NOOP(
        "warnings", "Settings for {domain} were found over unencrypted HTTP; anyone on the network could "
        "have changed them, so they never outrank settings found securely."),
    "starttls_injection": QT_TRANSLATE_NOOP(
        "warnings", "{host}:{port} sent data before encryption started that would have been read as if "
        "it were encrypted (STARTTLS injection). This server is not used."),
    "expires_soon": QT_TRANSLATE_NOOP("warnings", "{host}: {problem}"),
    "no_incoming": QT_TRANSLATE_NOOP(
        "warnings", "No incoming server (IMAP or POP3) with verified encryption was found for {domain}."),
    "no_outgoing": QT_TRANSLATE_NOOP(
        "warnings", "No outgoing server (SMTP submission) with verified encryption was found for {domain}."),
    "exchange_only": QT_TRANSLATE_NOOP(
        "warnings", "The mailbox of {domain} is an Exchange or Microsoft 365 mailbox: its Outlook settings "
        "service offers no IMAP, POP3 or SMTP. Outlook adds it as an Exchange account; other programs need "
        "IMAP switched on by its administrator."),
    "sources_disagree": QT_TRANSLATE_NOOP(
        "warnings", "Two sources disagree about the {service} server ({source}: {host}; {other_source}: "
        "{other_host}). {host} is used: {why}"),
}

# Why the server one trusted source named is used over another's (``sources_disagree`` param ``why``).
DISAGREE_REASONS: dict[str, str] = {
    "security": QT_TRANSLATE_NOOP(
        "warnings", "it encrypts from the first byte (implicit TLS), which an attacker cannot strip."),
    "trust": QT_TRANSLATE_NOOP(
        "warnings", "{source} is trusted more. If {other_source} is the newer word, tell the domain's "
        "administrator that the other one is out of date."),
    "unverified": QT_TRANSLATE_NOOP(
        "warnings", "{other_host} could not be reached with verified encryption."),
}
# Sources whose disagreement is worth a warning: the domain's own word and the curated directory. Not the
# MX-based lookup (a hoster's settings, naturally other names), guesses, plain HTTP or an organisation's
# preset (its policy decides on purpose).
_DISAGREEING = ("autoconfig", "autodiscover", "ispdb", "srv")

# TLS problem sentences are the protocols layer's (``tls.PROBLEM_MESSAGES``, context "tls"); an unknown code
# (a newer protocols module) still gets a sentence.
PROBLEMS: dict[str, str] = {
    **PROBLEM_MESSAGES,
    "unknown": QT_TRANSLATE_NOOP("tls", "The certificate could not be verified."),
}

SOURCE_NAMES: dict[str, str] = {**{name: src.label for name, src in SOURCES.items()}, **ROUTES}

# Params whose value is itself a key into a translatable table (in this order: ``why`` uses the others).
_PARAM_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "problem": ("tls", PROBLEMS), "source": ("sources", SOURCE_NAMES),
    "other_source": ("sources", SOURCE_NAMES), "why": ("warnings", DISAGREE_REASONS),
}


def _identity(_context: str, text: str) -> str:
    return text


def render(code: str, params: dict[str, str], translate: Translate | None = None) -> str:
    """The sentence for a warning ``code``; ``translate(context, text)`` is the GUI's translator."""
    tr = translate or _identity
    values = dict(params)
    for name, (context, table) in _PARAM_TABLES.items():
        if name in values and values[name] in table:
            values[name] = _fill(tr(context, table[values[name]]), table[values[name]], values)
    template = WARNINGS.get(code)
    if template is None:
        return values.get("message", code)
    return _fill(tr("warnings", template), template, values)


def finding_sentence(f: Finding, translate: Translate | None = None) -> str:
    """A discovery warning as a sentence (an organisation's policy too); its English ``message`` when no
    template knows its code."""
    if f.code in WARNINGS:
        params = dict(f.params)
        params.setdefault("message", f.message)
        return render(f.code, params, translate)
    from assistant.core.discovery import presets
    template = presets.MESSAGES.get(f.code)
    if template is None:
        return f.message
    return _fill((translate or _identity)("presets", template), template, dict(f.params))


def problem_sentence(code: str, facts: TlsFacts, host: str, translate: Translate | None = None) -> str:
    """A certificate problem in plain words (fields as ``tls.describe``)."""
    template = PROBLEMS.get(code, PROBLEMS["unknown"])
    fields = {"host": host, "date": (facts.not_after or "?")[:10], "start": (facts.not_before or "?")[:10],
              "days": str(facts.days_left) if facts.days_left is not None else "?",
              "version": facts.version or "?"}
    return _fill((translate or _identity)("tls", template), template, fields)


def _fill(text: str, original: str, values: dict[str, str]) -> str:
    """Format a (translated) template; a translation with a broken placeholder falls back to English."""
    safe = _Defaults(values)
    try:
        return text.format_map(safe)
    except (IndexError, ValueError):
        return original.format_map(safe)


class _Defaults(dict[str, str]):
    """Missing placeholders show as "?" instead of raising: a sentence is better than a crash."""

    def __missing__(self, key: str) -> str:
        return "?"


def finding(code: str, host: str | None = None, protocol: str | None = None, **params: Any) -> Finding:
    """A Finding whose English message is rendered from its template and whose params keep the values."""
    values = {k: str(v) for k, v in params.items()}
    if host is not None:
        values.setdefault("host", host)
    return Finding(code=code, message=render(code, values), host=host, protocol=protocol, params=values)


# --- ordering --------------------------------------------------------------------------------------------

def candidate_key(c: Candidate) -> tuple[int, int, int, int, str, int]:
    """Preference among candidates of one protocol, before anything is known about them (lower is better)."""
    return (SECURITY_RANK.get(c.security, 9), SOURCE_TRUST.get(c.source, 9), c.preference, -c.weight,
            c.host.lower(), c.port)


def tier(r: ProbeResult) -> int:
    """0 recommendable, 1 answered but not safely, 2 did not answer usefully."""
    if recommendable(r):
        return 0
    return 1 if r.status == "ok" else 2


def recommendable(r: ProbeResult) -> bool:
    return r.secure and "starttls_injection" not in r.warnings


def result_key(r: ProbeResult) -> tuple[Any, ...]:
    """Order for listing: protocol, then recommendable first, then preference."""
    proto = PROTOCOLS.index(r.candidate.protocol) if r.candidate.protocol in PROTOCOLS else 9
    return (proto, tier(r), *candidate_key(r.candidate))


def order(results: Iterable[ProbeResult]) -> list[ProbeResult]:
    return sorted(results, key=result_key)


def recommend(results: Iterable[ProbeResult]) -> dict[str, ProbeResult | None]:
    """Per protocol the best recommendable result, or None."""
    best: dict[str, ProbeResult | None] = {p: None for p in PROTOCOLS}
    for r in results:
        if not recommendable(r):
            continue
        current = best.get(r.candidate.protocol)
        if current is None or candidate_key(r.candidate) < candidate_key(current.candidate):
            best[r.candidate.protocol] = r
    return best


# --- warnings -------------------------------------------------------------------------------------------

def assess(domain: str, results: list[ProbeResult], recommended: dict[str, ProbeResult | None],
           source_findings: Iterable[Finding] = (), not_offered: Iterable[str] = (),
           routes: Mapping[tuple[str, str, int, str], str] | None = None,
           named: Iterable[Candidate] = (), trusted: Iterable[str] = ()) -> list[Finding]:
    """All warnings for one discovery run, deduplicated, in a stable order.

    ``routes``: candidates an answer reached through a forgeable route named (``SourceOutcome.routes``).
    ``named``: every candidate as each source named it (before one label per endpoint was kept), for
    ``sources_disagree``. ``trusted`` are the hosts of a provider recognised from the domain or its MX
    (discovery/providers.py): no ``outside_domain`` for them.
    """
    out: list[Finding] = []
    seen: set[tuple[str, str | None, str | None, str]] = set()

    def add(f: Finding) -> None:
        key = (f.code, f.host, f.protocol, f.params.get("problem", ""))
        if key not in seen:
            seen.add(key)
            out.append(f)

    skipped = set(not_offered)
    own = {h.lower().rstrip(".") for h in trusted}
    source_list = list(source_findings)
    if recommended.get("imap") is None and recommended.get("pop3") is None:
        add(finding("no_incoming", domain=domain))
    if recommended.get("smtp") is None and "smtp" not in skipped:
        add(finding("no_outgoing", domain=domain))
    for proto in PROTOCOLS:
        mine = [r for r in results if r.candidate.protocol == proto]
        tls_up = any(r.status == "ok" and r.candidate.security != "plain" for r in mine)
        plain = [r for r in mine if r.status == "ok" and r.candidate.security == "plain"]
        if plain and not tls_up:
            c = plain[0].candidate
            add(finding("plaintext_only", host=c.host, protocol=proto, port=c.port,
                        service=PROTOCOL_NAMES[proto]))
    for wanted, chosen in recommended.items():
        if chosen is None:
            continue
        r, c = chosen, chosen.candidate
        route = (routes or {}).get(c.key) if c.source == "autodiscover" else None
        if ((c.source in UNSIGNED_SOURCES or route is not None)
                and not same_registered_domain(c.host.rstrip("."), domain)
                and c.host.lower().rstrip(".") not in own):
            add(finding("outside_domain", host=c.host.rstrip("."), protocol=wanted, domain=domain,
                        source=route or c.source))
        if c.source == "autoconfig_http":  # named only by a file anyone on the path could have forged
            add(finding("insecure_config_source", host=c.host.rstrip("."), protocol=wanted, domain=domain))
        if r.tls is not None and ((r.tls.days_left is not None and r.tls.days_left < EXPIRY_WARNING_DAYS)
                                  or "expires_soon" in r.tls.problems):
            add(finding("expires_soon", host=c.host, problem="expires_soon", **_tls_params(r.tls)))
    for r in results:
        c = r.candidate
        if "starttls_injection" in r.warnings:
            add(finding("starttls_injection", host=c.host, protocol=c.protocol, port=c.port))
        if c.source == "autoconfig_http" and not any(
                f.code == "insecure_config_source" for f in [*out, *source_list]):
            add(finding("insecure_config_source", domain=domain))
        if r.tls is None or r.tls.verified:
            continue
        problems = [p for p in r.tls.problems if p != "expires_soon"]
        for problem in problems or (["unknown"] if r.status == "tls_error" else []):
            add(finding("certificate_problem", host=c.host,
                        problem=problem if problem in PROBLEMS else "unknown", **_tls_params(r.tls)))
    for f in disagreements(results, recommended, named):
        add(f)
    for f in source_list:
        add(f)
    return out


def disagreements(results: list[ProbeResult], recommended: dict[str, ProbeResult | None],
                  named: Iterable[Candidate]) -> list[Finding]:
    """``sources_disagree``: per protocol with a recommended server, the first other trusted source that
    named only other hosts, with the reason the recommended one is used."""
    out: list[Finding] = []
    by_key = {r.candidate.key: r for r in results}
    candidates = [c for c in named if c.source in _DISAGREEING]
    for proto in PROTOCOLS:
        chosen = recommended.get(proto)
        if chosen is None or chosen.candidate.source not in _DISAGREEING:
            continue
        used = chosen.candidate
        host = used.host.lower().rstrip(".")
        hosts: dict[str, list[Candidate]] = {}
        for c in candidates:
            if c.protocol == proto:
                hosts.setdefault(c.source, []).append(c)
        if host not in {c.host.lower().rstrip(".") for c in hosts.get(used.source, [])}:
            continue  # the winning label came from elsewhere; nothing to compare
        for other, theirs in sorted(hosts.items(), key=lambda kv: SOURCE_TRUST.get(kv[0], 9)):
            if other == used.source or any(c.host.lower().rstrip(".") == host for c in theirs):
                continue
            best = min(theirs, key=candidate_key)
            probed = [by_key[c.key] for c in theirs if c.key in by_key]
            if not any(recommendable(p) or p.stopped == "better_found" for p in probed):
                why = "unverified"
            elif SECURITY_RANK[used.security] < min(SECURITY_RANK[c.security] for c in theirs):
                why = "security"
            else:
                why = "trust"
            out.append(finding("sources_disagree", host=host, protocol=proto, service=PROTOCOL_NAMES[proto],
                               source=used.source, other_source=other,
                               other_host=best.host.lower().rstrip("."), why=why))
            break
    return out


def _tls_params(t: TlsFacts) -> dict[str, str]:
    """The values ``tls.PROBLEM_MESSAGES`` templates use."""
    return {"date": (t.not_after or "?")[:10], "start": (t.not_before or "?")[:10],
            "days": str(t.days_left) if t.days_left is not None else "?", "version": t.version or "?"}
