"""The discovery's outcome in plain words: one sentence per direction first, one warning per problem.

A person who does not know what IMAP is needs to read "incoming mail: mail.example.com — encrypted,
certificate verified; this server will be used", not a table of fifteen endpoints. This module turns a
``DiscoveryResult`` and its ``Selection`` into those sentences; the tables stay available as details.

- One line per direction (incoming, outgoing) naming the server the Selection will use, how it is
  protected, and whether it waits for a confirmation.
- Problems collapsed: one sentence per kind of problem, naming every host it concerns; "no incoming
  server" is already said by the direction line; a certificate that expires soon is a note.
- Per risky server a decision: its problems, and in plain words how to decide ("ask your provider").
- Host names in Unicode (an IDN is shown as people write it; the details keep the ASCII form).

Qt-free: every sentence is a template marked with ``QT_TRANSLATE_NOOP`` and formatted from ``params``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.core.discovery.risks import RISKS
from assistant.core.setup.autodiscover_auth import auth_request
from assistant.core.setup.selection import INCOMING
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate, aside, listed, unlisted

if TYPE_CHECKING:
    from assistant.core.model.results import DiscoveryResult, Finding, ProbeResult
    from assistant.core.setup.selection import Choice, Selection


TEXTS: dict[str, str] = {
    "title_found": QT_TRANSLATE_NOOP("summary", "Secure settings found"),
    "title_accepted": QT_TRANSLATE_NOOP("summary", "Settings found"),
    "title_decide": QT_TRANSLATE_NOOP("summary", "Settings found — one server needs your decision"),
    "title_missing": QT_TRANSLATE_NOOP("summary", "No complete set of settings found"),
    "side_incoming": QT_TRANSLATE_NOOP("summary", "Incoming mail"),
    "side_outgoing": QT_TRANSLATE_NOOP("summary", "Outgoing mail"),
    "how_verified": QT_TRANSLATE_NOOP("summary", "encrypted, certificate verified"),
    "how_unverified": QT_TRANSLATE_NOOP("summary", "encrypted, but the certificate could not be verified"),
    "how_plain": QT_TRANSLATE_NOOP("summary", "not encrypted"),
    "line_used": QT_TRANSLATE_NOOP("summary", "✔ {side}: {servers} — {how}. This server will be used."),
    "line_used_also": QT_TRANSLATE_NOOP(
        "summary", "✔ {side}: {servers} — {how}. This server will be used; {also} is also available."),
    "line_accepted": QT_TRANSLATE_NOOP(
        "summary", "✔ {side}: {servers} — {how}. You accepted the risk; this server will be used."),
    "line_decide": QT_TRANSLATE_NOOP(
        "summary", "⚠ {side}: {servers} — {how}. It is used only if you confirm it below."),
    "line_missing": QT_TRANSLATE_NOOP("summary", "✖ {side}: no server was found."),
    "line_plain": QT_TRANSLATE_NOOP(
        "summary", "⚠ {side}: {servers} answered, but without encryption. It is used only if you accept "
                   "that on the next page."),
    "next_missing": QT_TRANSLATE_NOOP(
        "summary", "Ask your provider for the settings of your mail account; on the next page you can "
                   "enter them and test them."),
    "next_plain": QT_TRANSLATE_NOOP(
        "summary", "On the next page the settings found are filled in. Accept a server without encryption "
                   "only if your provider has no encrypted one for you."),
    "certificates": QT_TRANSLATE_NOOP(
        "summary", "The certificates of {hosts} could not be verified, so these servers are not used."),
    "no_encryption": QT_TRANSLATE_NOOP(
        "summary", "{host} offers no encryption ({services}): passwords and mail would cross the network "
                   "readable by anyone on the way."),
    "advice_outside_domain": QT_TRANSLATE_NOOP(
        "summary", "Ask your provider whether {host} is theirs; it is outside {domain}. Tick the box only "
                   "if they say yes."),
    "advice_certificate_problem": QT_TRANSLATE_NOOP(
        "summary", "Ask your provider whether they know about the certificate problem of {host}. If you "
                   "are not sure, do not tick the box: enter other settings by hand instead."),
    "advice_starttls_injection": QT_TRANSLATE_NOOP(
        "summary", "Do not use {host} unless your provider tells you they have fixed it."),
    "advice_insecure_config_source": QT_TRANSLATE_NOOP(
        "summary", "Ask your provider whether {host} is really their server: the settings naming it could "
                   "have been changed on the way."),
    "advice_plaintext": QT_TRANSLATE_NOOP(
        "summary", "Use {host} only if your provider has no encrypted server for you."),
    "autodiscover_asks": QT_TRANSLATE_NOOP(
        "summary", "Your provider's Outlook settings service ({host}) gives the settings only to someone "
                   "who signs in with the mail password. On the password page, the sign-in test asks it "
                   "with your password."),
}

# Params whose value is itself a key of TEXTS (translated before it is put in).
_NESTED = ("side", "how")
_TABLES: dict[str, dict[str, str]] = {"summary": TEXTS, "flow": RISKS}
# Findings the direction lines already say, and findings that are notes rather than problems.
_SAID_BY_LINES = frozenset({"no_incoming", "no_outgoing"})
_NOTES = frozenset({"expires_soon", "sources_disagree"})
_RISK_FINDING = {"plaintext": "plaintext_only"}


def _identity(_context: str, text: str) -> str:
    return text


def shown_host(host: str) -> str:
    """A host name as people write it: Unicode for an IDN (``xn--bcher-kva.test`` → ``bücher.test``)."""
    name = host.rstrip(".")
    if "xn--" not in name.lower():
        return name
    import idna
    try:
        return str(idna.decode(name))
    except (idna.IDNAError, UnicodeError):
        return name


@dataclass(frozen=True)
class Sentence:
    """A template by ``code`` in ``context`` (TEXTS, or the Selection's RISKS) and its values."""

    code: str
    params: tuple[tuple[str, str], ...] = ()
    context: str = "summary"

    @property
    def template(self) -> str:
        return _TABLES[self.context][self.code]

    def text(self, translate: Translate | None = None) -> str:
        """The sentence in the language ``translate(context, text)`` gives (English without one)."""
        lookup = translate or _identity  # not named "tr": lupdate would take its arguments for sources
        values = dict(self.params)
        for key in _NESTED:
            if values.get(key) in TEXTS:
                values[key] = lookup("summary", TEXTS[values[key]])
        values = {k: unlisted(v, translate) for k, v in values.items()}
        try:
            return lookup(self.context, self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**values)


def _s(code: str, context: str = "summary", **params: str) -> Sentence:
    return Sentence(code, tuple(params.items()), context)


@dataclass(frozen=True)
class Decision:
    """A risky server the person must accept or avoid: what is wrong, and how to decide."""

    host: str  # as the Selection names it (ASCII), the key of the confirmation
    shown: str  # as people write it
    problems: tuple[Finding | Sentence, ...]
    advice: tuple[Sentence, ...]


@dataclass(frozen=True)
class Summary:
    title: Sentence
    lines: tuple[Sentence, ...]  # one per direction: incoming, outgoing
    problems: tuple[Finding | Sentence, ...]  # one per kind of problem, not about a server to decide on
    # Worth knowing, not a problem: a certificate that expires soon, a settings service that wants the
    # password (the password page asks it).
    notes: tuple[Finding | Sentence, ...]
    decisions: tuple[Decision, ...]
    next: Sentence | None = None  # what the next page is for, when no complete pair can be used


def _how(p: ProbeResult) -> str:
    if p.candidate.security == "plain":
        return "how_plain"
    return "how_verified" if p.tls is not None and p.tls.verified else "how_unverified"


def _servers(choices: Iterable[Choice]) -> str:  # "mail.example.com (IMAP)"
    return listed(aside(shown_host(c.host), c.probe.candidate.protocol.upper()) for c in choices)


def _line(side: str, protocols: tuple[str, ...], selection: Selection,
          result: DiscoveryResult) -> tuple[Sentence, str]:
    """The direction's sentence and its state: "used", "accepted", "decide", "plain" (only a server without
    encryption answered: found, but never offered) or "missing"."""
    offered = [c for p in protocols if (c := selection.choices.get(p)) is not None]  # type: ignore[call-overload]
    usable = [c for c in offered if selection.ok(c)]
    if usable:
        first = usable[0]  # IMAP before POP3: what the recommendation starts from
        state = "accepted" if first.risks else "used"
        if state == "used" and len(usable) > 1:
            return _s("line_used_also", side=side, servers=_servers(usable[:1]), how=_how(first.probe),
                      also=_servers(usable[1:])), state
        return _s(f"line_{state}", side=side, servers=_servers(usable[:1]), how=_how(first.probe)), state
    if offered:
        line = _s("line_decide", side=side, servers=_servers(offered[:1]), how=_how(offered[0].probe))
        return line, "decide"
    plain = [p for p in result.candidates if p.candidate.protocol in protocols and p.status == "ok"
             and "starttls_missing" in p.warnings]
    if plain:
        servers = aside(shown_host(plain[0].candidate.host), plain[0].candidate.protocol.upper())
        return _s("line_plain", side=side, servers=servers), "plain"
    return _s("line_missing", side=side), "missing"


def _shown_finding(f: Finding, host: str | None = None) -> Finding:
    """``f`` with its host in Unicode (or ``host``, several names already joined)."""
    name = host if host is not None else shown_host(f.host) if f.host else None
    if name is None:
        return f
    return replace(f, host=name, params={**f.params, "host": name})


def _collapse(findings: list[Finding]) -> list[Finding | Sentence]:
    """One entry per kind of problem: several hosts with a certificate problem, or one host offering no
    encryption on several protocols, become one sentence naming them."""
    out: list[Finding | Sentence] = []
    certs = [f for f in findings if f.code == "certificate_problem"]
    cert_hosts = list(dict.fromkeys(shown_host(f.host or "?") for f in certs))
    plain: dict[str, list[str]] = {}
    for f in findings:
        if f.code == "plaintext_only":
            plain.setdefault(shown_host(f.host or "?"), []).append((f.protocol or "?").upper())
    done: set[str] = set()
    for f in findings:
        if f.code == "certificate_problem" and len(cert_hosts) > 1:
            if "cert" not in done:
                done.add("cert")
                out.append(_s("certificates", hosts=listed(cert_hosts)))
        elif f.code == "plaintext_only":
            host = shown_host(f.host or "?")
            if host not in done:
                done.add(host)
                out.append(_s("no_encryption", host=host, services=listed(dict.fromkeys(plain[host]))))
        elif f not in out:
            out.append(_shown_finding(f))
    return out


def _decision(host: str, risks: list[tuple[str, int]], mine: list[Finding], domain: str) -> Decision:
    problems: list[Finding | Sentence] = list(_collapse(mine))
    codes = {f.code for f in mine}
    shown = shown_host(host)
    for risk, port in risks:
        if _RISK_FINDING.get(risk, risk) not in codes:
            problems.append(_s(risk, "flow", host=shown, port=str(port)))
    advice = [_s(f"advice_{risk}", host=shown, domain=domain) for risk in dict.fromkeys(r for r, _ in risks)
              if f"advice_{risk}" in TEXTS]
    return Decision(host, shown, tuple(dict.fromkeys(problems)), tuple(advice))


def summarize(result: DiscoveryResult, selection: Selection) -> Summary:
    """The plain result of one discovery under its Selection (confirmations included)."""
    lines: list[Sentence] = []
    states: list[str] = []
    for side, protocols in (("side_incoming", INCOMING), ("side_outgoing", ("smtp",))):
        line, state = _line(side, protocols, selection, result)
        lines.append(line)
        states.append(state)
    following = ("next_missing" if "missing" in states else "next_plain" if "plain" in states else None)
    if "missing" in states or "plain" in states:
        title = "title_missing"
    elif "decide" in states:
        title = "title_decide"
    else:
        title = "title_accepted" if "accepted" in states else "title_found"
    domain = shown_host(result.domain_unicode or result.domain)
    risky = selection.risky_hosts()
    findings = [f for f in result.warnings if f.code not in _SAID_BY_LINES]
    notes: tuple[Finding | Sentence, ...] = tuple(_shown_finding(f) for f in findings if f.code in _NOTES)
    request = auth_request(result)
    if request is not None and request.blocked is None:
        notes += (_s("autodiscover_asks", host=shown_host(request.host)),)
    about = {h: [f for f in findings if f.host and f.host.lower().rstrip(".") == h and f.code not in _NOTES]
             for h in risky}
    decisions = tuple(_decision(h, risks, about[h], domain) for h, risks in risky.items())
    taken = {id(f) for fs in about.values() for f in fs}
    general = [f for f in findings if f.code not in _NOTES and id(f) not in taken]
    return Summary(_s(title), tuple(lines), tuple(_collapse(general)), notes, decisions,
                   _s(following) if following else None)


def chosen(p: ProbeResult, selection: Selection) -> bool:
    """Whether ``p`` is the server the Selection offers for its protocol (the one that will be used)."""
    choice = selection.choices.get(p.candidate.protocol)
    return choice is not None and choice.probe is p


def row_kind(p: ProbeResult, selection: Selection) -> str:
    """The badge of one tried server: "unused" for one that was simply not needed (stopped because a
    better one answered, or a guess that failed while the protocol has a server), else its security."""
    if p.status != "ok" and not chosen(p, selection):
        needed = selection.choices.get(p.candidate.protocol) is None
        if p.stopped == "better_found" or (p.candidate.source == "guess" and not needed):
            return "unused"
        return "failed"
    return security_kind(p)


def used(p: ProbeResult, selection: Selection) -> bool:
    """Whether ``p`` is offered and may be used now (safe, or its risks accepted): "Will be used"."""
    choice = selection.choices.get(p.candidate.protocol)
    return choice is not None and choice.probe is p and selection.ok(choice)


def security_kind(p: ProbeResult) -> str:
    """"failed", "plaintext", "problem" (certificate or injection: a server that answered and only its
    certificate failed is a risk to decide on, not "not usable"), "verified" (SSL) or "starttls"."""
    if p.status == "tls_error" and p.tls is not None and p.tls.problems:
        return "problem"
    if p.status != "ok":
        return "failed"
    if p.candidate.security == "plain":
        return "plaintext"
    if p.tls is None or not p.tls.verified or "starttls_injection" in p.warnings:
        return "problem"
    return "verified" if p.candidate.security == "ssl" else "starttls"
