"""Servers learnt after a discovery ended, joined into its result: ranked again and warned about again.

An Autodiscover service that wanted the mail password (``auth_required``) is asked again when a sign-in
gives the password (``setup/autodiscover_auth.py``). The servers it names are probed like any candidate
(never with credentials) and join the discovery's result here, so the Selection, the account, the sign-in
and the reports all read one result, ranked by the same rules as a live run.

What ranking computes from the probes (no_incoming, certificate problems, outside_domain …) is computed
again over the joined probes; what only the sources knew (exchange_only, a sources_disagree for a protocol
whose server did not change) is kept. An organisation's policy findings are dropped here: the caller
applies the policy again (``presets.apply_policy``), as ``setup/usecases.discover`` does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from assistant.core.discovery import rank
from assistant.core.discovery.presets import MESSAGES as POLICY_MESSAGES
from assistant.core.model.results import DiscoveryResult, Finding, ProbeResult, SourceOutcome
from assistant.core.words.vocabulary import ROUTES

Key = tuple[str, str, int, str]

# The findings rank.assess makes from the probes themselves: made again over the joined probes.
COMPUTED = frozenset({"no_incoming", "no_outgoing", "plaintext_only", "outside_domain", "certificate_problem",
                      "insecure_config_source", "expires_soon", "starttls_injection", "sources_disagree"})


def _better(new: ProbeResult, old: ProbeResult) -> bool:
    """Whether ``new`` (the same endpoint) should stand for it: it works where ``old`` did not, or it
    works as well and its source ranks higher."""
    return ((rank.tier(new), rank.candidate_key(new.candidate))
            < (rank.tier(old), rank.candidate_key(old.candidate)))


def _key(r: ProbeResult | None) -> Key | None:
    return r.candidate.key if r is not None else None


def _routes(result: DiscoveryResult) -> dict[Key, str]:
    """The forgeable routes the old result's ``outside_domain`` findings named (the run's
    ``SourceOutcome.routes`` are not kept in a result; its warnings say which recommended server had one)."""
    out: dict[Key, str] = {}
    for f in result.warnings:
        route = f.params.get("source", "")
        if f.code != "outside_domain" or route not in ROUTES:
            continue
        for r in result.candidates:
            c = r.candidate
            if c.source == "autodiscover" and c.protocol == f.protocol and c.host.rstrip(".") == f.host:
                out[c.key] = route
    return out


def join(result: DiscoveryResult, outcome: SourceOutcome, probes: Iterable[ProbeResult]) -> DiscoveryResult:
    """``result`` with ``outcome``'s servers (``probes``: their probe results) joined in, ranked again."""
    by_key: dict[Key, ProbeResult] = {r.candidate.key: r for r in result.candidates}
    for p in probes:
        old = by_key.get(p.candidate.key)
        if old is None or _better(p, old):
            by_key[p.candidate.key] = p
    results = rank.order(by_key.values())
    recommended = rank.recommend(results)
    routes = _routes(result)
    routes.update(outcome.routes)
    unchanged = {p for p, r in recommended.items() if _key(r) == _key(result.recommended.get(p))}
    kept: list[Finding] = [w for w in result.warnings
                           if w.code not in COMPUTED and w.code not in POLICY_MESSAGES]
    kept += [w for w in result.warnings if w.code == "sources_disagree" and w.protocol in unchanged]
    named = [r.candidate for r in results] + list(outcome.candidates)
    warnings = rank.assess(result.domain, results, recommended, [*kept, *outcome.warnings],
                           result.not_offered, routes, named)
    return dataclasses.replace(result, candidates=results, recommended=recommended, warnings=warnings,
                               sources=[*result.sources, *outcome.reports])
