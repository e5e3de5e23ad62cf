"""What a helpdesk gets from a setup: the wizard's diagnostics text and the ``report`` document.

The text is plain lines without the password (proved for every encoding before it is returned), the local
part masked: stable codes for the helpdesk, or every label and value in words in the interface language
(``diagnostics_text.py``) for the wizard's last page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from assistant import __version__
from assistant.core.discovery.rank import SOURCE_NAMES, finding_sentence, problem_sentence
from assistant.core.setup.diagnostics_text import LABELS, MANUAL_CHECKS, STATES, Say
from assistant.core.setup.outcome import decide, join
from assistant.core.words.errors import AssistantError, InputError
from assistant.core.words.i18n import Translate, fill
from assistant.core.words.vocabulary import PROBE_WARNINGS, SECURITY_NAMES, STATUS_NAMES

if TYPE_CHECKING:
    from assistant.core.net.settings import Settings
    from assistant.core.report.document import Report
    from assistant.core.setup.state import SetupState
    from assistant.core.signin.verify import SigninResult, VerifyResult


def diagnostics(s: SetupState, translate: Translate | None = None) -> str:
    """The helpdesk's diagnostics: what was found and chosen. No password, local part masked.

    Without ``translate`` the values are stable codes (the copy a helpdesk searches); with it every label
    and value is said in words in the interface language (what the wizard shows)."""
    import platform

    from assistant.core.report.render import LeakError, redact
    from assistant.core.signin.secret import Secret
    say = Say(translate)
    address = s.address
    shown = (f"{address.local[:1]}…@{address.domain}" if address is not None and address.local is not None
             else s.address_text)
    try:
        settings: Settings | None = s.settings
    except AssistantError:
        settings = None
    resolver = (settings.resolver.server or say.word("system")) if settings else say.word("unavailable")
    lines = [say("title", version=__version__), say("system", system=platform.platform()),
             say("python", version=platform.python_version()), say("address", address=shown),
             say("resolver", resolver=resolver),
             say("cafile", answer=say.yes(bool(settings and settings.cafile))),
             say("preset", preset=s.preset.name if s.preset else say.word("none")),
             say("discovery", state=say.of(STATES, "diagnostics", s.state.discovery))]
    lines += _discovery_lines(s, say)
    lines.append(say("confirmed", servers=say.join(sorted(s.confirmed), ", ") or say.word("none")))
    lines.append(say("by_hand", answer=say.yes(s.uses_manual)))
    for proto, server in s.manual.items():
        probe = s.manual_probes.get(proto)
        tested = (say("tested", status=say.of(STATUS_NAMES, "text", probe.status)) if probe is not None
                  else say.word("untested"))
        lines.append(say("manual", protocol=say.protocol(proto), host=server.host, port=server.port,
                         security=say.of(SECURITY_NAMES, "text", server.security), tested=tested))
    if s.manual:
        lines.append(say("manual_test", state=say.of(MANUAL_CHECKS, "diagnostics", s.state.manual_check),
                         answer=say.yes(s.manual_failure_accepted)))
    lines.append(say("protocol", protocol=say.protocol(s.protocol) if s.protocol else say.word("not_chosen")))
    if s.recommendation is not None:
        leading = s.recommendation.reasons[0]
        reason = (leading.code if translate is None
                  else fill(translate("recommend", leading.template), leading.template, dict(leading.params)))
        lines.append(say("recommended", protocol=say.protocol(s.recommendation.protocol), reason=reason))
    lines.append(say("password", answer=say.yes(bool(s.password)),
                     keychain=_keychain(s.keychain, say)))
    lines.append(say("exported", files=", ".join(p.name for p in s.exported) or say.word("nothing")))
    lines.append(_outcome_line(s, say))
    lines.append(say("programs", programs=say.join((say.program(p) for p in s.programs), ", ")
                     or say.word("not_said")))
    lines.extend(_provider_lines(s, say))
    lines.extend(_signin_lines(s, say))
    text = "\n".join(lines)
    # Belt and braces: nothing above takes the password, and this proves it for every encoding.
    if not s.password:
        return text
    try:
        return redact(text, (Secret(s.password),))
    except InputError:  # a password no server could take (too long); still never shown
        return text.replace(s.password, "[redacted]")
    except LeakError:  # e.g. a password that is the word "redacted": give nothing rather than risk it
        return lines[0] + "\n" + say("leak")


def _discovery_lines(s: SetupState, say: Say) -> list[str]:
    if s.result is None:
        return []
    lines = [say("elapsed", ms=s.result.elapsed_ms)]
    for r in s.result.candidates:
        c, tls = r.candidate, r.tls
        extra = say("verified") if tls and tls.verified else ""
        if tls and tls.problems:
            shown = (",".join(tls.problems) if say.translate is None
                     else join(*(problem_sentence(p, tls, c.host, say.translate) for p in tls.problems)))
            extra += say("problems", problems=shown)
        if r.warnings:
            extra += say("warnings", warnings=say.join(say.of(PROBE_WARNINGS, "text", w) for w in r.warnings))
        lines.append(say("candidate", protocol=say.protocol(c.protocol), host=c.host, port=c.port,
                         security=say.of(SECURITY_NAMES, "text", c.security),
                         source=say.of(SOURCE_NAMES, "sources", c.source),
                         status=say.of(STATUS_NAMES, "text", r.status), extra=extra))
    for f in s.result.warnings:
        what = (f"{f.code} {f.host or ''}" if say.translate is None
                else finding_sentence(f, say.translate))
        lines.append(say("finding", what=what))
    return lines


def _keychain(code: str, say: Say) -> str:
    if not code:
        return say.word("n_a")
    if say.translate is None:
        return code
    return say.word("saved" if code == "saved" else "not_asked" if code == "not_asked" else "not_saved")


def _outcome_line(s: SetupState, say: Say) -> str:
    verdict = decide(s)
    if say.translate is None:
        return say("outcome", status=verdict.status, reasons=", ".join(verdict.codes),
                   next=verdict.next_step)
    return say("outcome", status=verdict.title(say.translate),
               reasons=join(*verdict.reason_texts(say.translate)), next=verdict.next_text(say.translate))


def _provider_lines(s: SetupState, say: Say) -> list[str]:
    """The recognised provider that refuses the normal password, and how its users sign in."""
    provider = s.provider
    if provider is None:
        return []
    if say.translate is None:
        return [say("provider", provider=provider.provider, methods=",".join(provider.methods))]
    return [say("provider", provider=provider.name(say.translate),
                methods=join(*provider.summary(say.translate)))]


def _autodiscover_line(s: SetupState, say: Say) -> list[str]:
    """What the sign-in did about a settings service that wanted the password (codes, or its sentence)."""
    asked = s.autodiscover
    if asked is None:
        return []
    template = asked.template
    if say.translate is None or template is None:
        what = " ".join(x for x in (asked.outcome, asked.reason or "", asked.request.host,
                                    "password_sent" if asked.password_sent else "") if x)
    else:
        what = fill(say.translate("autodiscover", template), template, asked.params)
    return [say("autodiscover", what=what)]


def _signin_lines(s: SetupState, say: Say) -> list[str]:
    signin = s.signin
    if signin is None:
        provider = s.provider
        if provider is not None and provider.oauth2_only:
            return [*_autodiscover_line(s, say), say("signin_oauth2", provider=provider.name(say.translate))]
        return [*_autodiscover_line(s, say), say("signin_none")]
    out = [*_autodiscover_line(s, say),
           say("signin", result=say.word("ok" if signin.ok else "failed"), ms=signin.elapsed_ms)]
    for side, r in (("incoming", signin.incoming), ("outgoing", signin.outgoing)):
        form = username_form(s, r)
        if say.translate is None:
            result = r.code
            details = say("user", form=say.word(form)) if r.username else ""
            details += say("mechanism", mechanism=r.mechanism) if r.mechanism else ""
            details += say("pinned") if r.pinned else ""
            details += "".join(f" {k}={v}" for k, v in r.facts.items() if v is not None)
        else:  # the core's sentence (with the user name as its form: the address is masked), then facts
            from assistant.core.signin.verify import MESSAGES
            template = MESSAGES.get(r.message_key, r.code)
            facts = {"mechanism": r.mechanism or None, "pinned": True if r.pinned else None, **r.facts}
            said = [say.fact(k, v) for k, v in facts.items() if v is not None]
            named = {"provider": s.provider.name(say.translate)} if s.provider is not None else {}
            result = join(fill(say.translate("verify", template), template,
                               {**r.params, "username": say.word(form), **named}),
                          say.translate("diagnostics", LABELS["separator_words"]).join(said))
            details = ""
        out.append(say("signin_server", side=say.word(side), protocol=say.protocol(r.protocol), host=r.host,
                       port=r.port, security=say.of(SECURITY_NAMES, "text", r.security), result=result,
                       details=details))
    return out


def username_form(s: SetupState, r: SigninResult) -> str:
    """Which user name worked, named by its form (a key of WORDS): the report masks the address, so never
    the name."""
    address = s.address
    if address is None or address.local is None:
        return "as_configured"
    forms = {address.address: "full_address", address.local: "local_part"}
    return forms.get(r.username or "", "as_configured")


def helpdesk_report(s: SetupState) -> Report:
    """The ``report`` command's document: discovery, the sign-in if one ran, and the IMAP/POP3 advice for
    the default situation with the quota the sign-in measured."""
    from assistant.core.report.document import build_report
    if s.result is None:
        raise InputError("nothing was discovered yet")
    signin = s.signin
    asked = s.autodiscover.to_dict() if s.autodiscover is not None else None
    return build_report(s.result, signin, recommendation=_advice(s, signin), preset=s.preset,
                        autodiscover=asked)


def _advice(s: SetupState, signin: VerifyResult | None) -> dict[str, Any] | None:
    from assistant.core.advice.recommend import Situation, recommend
    facts = s.facts()
    if signin is not None and signin.incoming.ok:
        limit = signin.incoming.facts.get("quota_limit_kib")
        if isinstance(limit, int) and not isinstance(limit, bool):
            facts = replace(facts, quota_bytes=limit * 1024)
    try:
        return recommend(Situation(), facts).to_dict()
    except AssistantError:
        return None  # neither protocol usable: the headline already says so
