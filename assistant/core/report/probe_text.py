"""The readable ``probe`` report, in English for a terminal: what to use, why, what is wrong, what was tried.

Written for the person at the helpdesk phone: the answer first, problems in plain words next, the technical
list last. Only text the server sent over verified TLS is ever shown (ProbeResult.greeting guarantees it).
"""

from __future__ import annotations

from assistant.core.discovery.risks import risks_of
from assistant.core.model.results import DiscoveryResult, ProbeResult
from assistant.core.words.printable import printable
from assistant.core.words.vocabulary import PROTOCOL_NAMES, source_label
from assistant.core.words.vocabulary import REPORT_SECURITY as SECURITY_NAMES
from assistant.core.words.vocabulary import REPORT_STATUS as STATUS_WORDS

# Certificate problem codes in words; the Problems section explains each one in a full sentence.
PROBLEM_WORDS = {
    "expired": "certificate expired", "not_yet_valid": "certificate not valid yet",
    "hostname_mismatch": "certificate is for another name", "self_signed": "self-signed certificate",
    "untrusted_issuer": "certificate from an unknown authority", "weak_protocol": "obsolete TLS version",
    "expires_soon": "certificate expires soon",
}
# Findings that leave a verified server recommended but need the person's check before it is used.
CAUTIONS = {
    "outside_domain": "check first: this server is not part of {domain} (see Problems)",
    "insecure_config_source": "check first: its settings came over unprotected HTTP (see Problems)",
}
ROLES = (("imap", "Incoming (IMAP)"), ("pop3", "Incoming (POP3)"), ("smtp", "Outgoing (SMTP)"))


def _problems(codes: list[str]) -> str:
    return ", ".join(PROBLEM_WORDS.get(c, c) for c in codes)


def security_label(r: ProbeResult) -> str:
    """One short phrase: how safe talking to this endpoint is."""
    if r.status != "ok":
        if r.stopped == "better_found":
            return "not needed: a better server was verified"
        if r.stopped == "deadline":
            return "not finished in time"
        words = STATUS_WORDS.get(r.status, r.status)
        if r.tls is not None and r.tls.problems:
            return f"{words} ({_problems(r.tls.problems)})"
        return words
    if r.candidate.security == "plain":
        return "NOT encrypted"
    if r.tls is not None and r.tls.verified:
        return f"encrypted, certificate verified ({r.tls.version or 'TLS'})"
    problems = _problems(r.tls.problems) if r.tls and r.tls.problems else "unverified"
    return f"encrypted, certificate NOT trusted ({problems})"


def _endpoint(r: ProbeResult) -> str:
    c = r.candidate
    return f"{c.host.rstrip('.')}:{c.port} {SECURITY_NAMES[c.security]}"


def why(r: ProbeResult, result: DiscoveryResult) -> str:
    """The reasons a recommended server won, in the ranking's own order."""
    c = r.candidate
    parts = ["direct TLS (cannot be downgraded)" if c.security == "ssl"
             else "STARTTLS verified (no direct-TLS server was verified)"]
    parts.append("certificate verified")
    named = f"named by {source_label(c.source)}"
    if c.source == "srv":
        record = next((s for s in result.srv if s.target.rstrip(".").lower() == c.host.rstrip(".").lower()
                       and s.port == c.port and s.protocol == c.protocol and s.security == c.security), None)
        if record is not None:
            named += f" (priority {record.priority})"
    parts.append(named)
    return "; ".join(parts)


def cautions(r: ProbeResult, result: DiscoveryResult) -> list[str]:
    """What a person must check about a recommended server before using it (the Selection's risks)."""
    return [CAUTIONS[risk].format(domain=result.domain_unicode) for risk in risks_of(r, result)
            if risk in CAUTIONS]


def _missing_guesses(results: list[ProbeResult]) -> tuple[list[ProbeResult], list[str]]:
    """Guessed names that do not exist say nothing each; the report folds them into one line."""
    shown, missing = [], []
    for r in results:
        if r.candidate.source == "guess" and r.status == "dns_error":
            host = r.candidate.host.rstrip(".")
            if host not in missing:
                missing.append(host)
        else:
            shown.append(r)
    return shown, missing


def render(result: DiscoveryResult) -> str:
    lines: list[str] = []
    who = result.address or result.domain_unicode
    domain = result.domain_unicode if result.domain_unicode == result.domain else \
        f"{result.domain_unicode} = {result.domain}"
    lines.append(f"Mail servers for {who} (domain {domain})")
    lines.append(f"DNS: {result.resolver}; finished in {result.elapsed_ms / 1000:.2f} s")
    lines.append("")
    lines.append("Recommended")
    to_check = False
    for proto, role in ROLES:
        r = result.recommended.get(proto)
        if r is not None:
            lines.append(f"  {role + ':':17} {_endpoint(r)}")
            lines.append(f"  {'':17} why: {why(r, result)}")
            checks = cautions(r, result)
            lines.extend(f"  {'':17} {c}" for c in checks)
            to_check = to_check or bool(checks)
        elif proto in result.not_offered:
            lines.append(f"  {role + ':':17} not offered (the provider's SRV record says so)")
        else:
            lines.append(f"  {role + ':':17} none found that is safe to use")
    if not result.usable():
        verdict = "Not ready: no safe incoming and outgoing pair was found."
    elif to_check:
        verdict = ("Almost ready: a verified incoming and outgoing server were found, but confirm the "
                   "server marked \"check first\" before you use it.")
    else:
        verdict = "Ready: a safe incoming and outgoing server were found."
    lines += ["", verdict]
    if result.sign_in is not None:
        sign_in = result.sign_in
        lines += ["", "Sign-in", f"  {sign_in.provider_name} (recognised by {sign_in.recognised_text()})"]
        lines += [f"  {sentence}" for sentence in sign_in.summary()]
    if result.warnings:
        lines += ["", "Problems"]
        for w in result.warnings:
            lines.append(f"  ! {w.message}")
    lines += ["", "Everything that was tried"]
    for proto in ("imap", "pop3", "smtp"):
        mine = [r for r in result.candidates if r.candidate.protocol == proto]
        if not mine:
            continue
        lines.append(f"  {PROTOCOL_NAMES[proto]}")
        mine, missing = _missing_guesses(mine)
        for r in mine:
            mark = "*" if result.recommended.get(proto) is r else ("+" if r.secure else "-")
            lines.append(f"   {mark} {_endpoint(r):42} {security_label(r):48} {r.candidate.source:15} "
                         f"{r.elapsed_ms:>6} ms")
        if missing:
            lines.append(f"   - guessed names that do not exist: {', '.join(missing)}")
    if result.srv:
        lines += ["", "SRV records"]
        for s in result.srv:
            lines.append(f"  {s.service}.{result.domain}  priority {s.priority} weight {s.weight} "
                         f"port {s.port} -> {s.target}")
    if result.mx:
        lines += ["", "MX records", *(f"  {m.preference:>3} {m.host}" for m in result.mx)]
    lines += ["", "Legend: * recommended, + safe alternative, - not safe to use"]
    # Host names, resolver text and messages come from DNS, servers and files: one escape at the boundary.
    return "\n".join(printable(line) for line in lines) + "\n"
