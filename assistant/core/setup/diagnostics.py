"""What a helpdesk gets from a setup: the wizard's "Copy diagnostics" text and the ``report`` document.

The text is plain lines without the password (proved for every encoding before it is returned), the local
part masked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from assistant import __version__
from assistant.core.errors import AssistantError, InputError

if TYPE_CHECKING:
    from assistant.core.context import Settings
    from assistant.core.report import Report
    from assistant.core.setup.session import SetupSession
    from assistant.core.verify import SigninResult, VerifyResult


def diagnostics(s: SetupSession) -> str:
    """The helpdesk's diagnostics: what was found and chosen. No password, local part masked."""
    import platform

    from assistant.core.report import LeakError, redact
    from assistant.core.signin.secret import Secret
    local, _, domain = s.address.partition("@")
    shown = f"{local[:1]}…@{domain}" if domain else s.address
    try:
        settings: Settings | None = s.settings
    except AssistantError:
        settings = None
    lines = [f"Mail Setup Assistant {__version__}", f"System: {platform.platform()}",
             f"Python: {platform.python_version()}", f"Address: {shown}",
             f"Resolver: {(settings.resolver.server or 'system') if settings else 'unavailable'}",
             f"CA file: {'yes' if settings and settings.cafile else 'no'}",
             f"Preset: {s.preset.name if s.preset else 'none'}",
             f"Discovery: {s.state.discovery}"]
    if s.result is not None:
        lines.append(f"Elapsed: {s.result.elapsed_ms} ms")
        for r in s.result.candidates:
            c, tls = r.candidate, r.tls
            lines.append(f"  {c.protocol} {c.host}:{c.port} {c.security} via {c.source}: {r.status}"
                         f"{' verified' if tls and tls.verified else ''}"
                         f"{' problems=' + ','.join(tls.problems) if tls and tls.problems else ''}"
                         f"{' warnings=' + ','.join(r.warnings) if r.warnings else ''}")
        for f in s.result.warnings:
            lines.append(f"  warning {f.code} {f.host or ''}")
    lines.append(f"Confirmed risks for: {', '.join(sorted(s.confirmed)) or 'none'}")
    lines.append(f"Settings by hand: {'yes' if s.uses_manual else 'no'}")
    for proto, server in s.manual.items():
        probe = s.manual_probes.get(proto)
        tested = f"tested: {probe.status}" if probe is not None else "UNTESTED"
        lines.append(f"  manual {proto} {server.host}:{server.port} {server.security} ({tested})")
    if s.manual:
        lines.append(f"Manual test: {s.state.manual_check}; continue anyway after a failed test: "
                     f"{'yes' if s.manual_failure_accepted else 'no'}")
    lines.append(f"Protocol: {s.protocol or 'not chosen'}")
    if s.recommendation is not None:
        lines.append(f"Recommended: {s.recommendation.protocol} ({s.recommendation.leading})")
    lines.append(f"Password given: {'yes' if s.password else 'no'}; "
                 f"keychain: {s.keychain or 'n/a'}")
    lines.append(f"Exported: {', '.join(p.name for p in s.exported) or 'nothing'}")
    verdict = s.outcome()
    lines.append(f"Outcome: {verdict.status} ({', '.join(verdict.reasons)}); next: {verdict.next_step}")
    lines.append(f"Mail programs: {', '.join(s.programs) or 'not said'}")
    lines.extend(_signin_lines(s))
    text = "\n".join(lines)
    # Belt and braces: nothing above takes the password, and this proves it for every encoding.
    if not s.password:
        return text
    try:
        return redact(text, (Secret(s.password),))
    except InputError:  # a password no server could take (too long); still never shown
        return text.replace(s.password, "[redacted]")
    except LeakError:  # e.g. a password that is the word "redacted": give nothing rather than risk it
        return lines[0] + "\nThe diagnostics cannot be shown without revealing the password."


def _signin_lines(s: SetupSession) -> list[str]:
    signin = s.signin
    if signin is None:
        return ["Sign-in test: not run"]
    out = [f"Sign-in test: {'ok' if signin.ok else 'failed'} ({signin.elapsed_ms} ms)"]
    for side, r in (("incoming", signin.incoming), ("outgoing", signin.outgoing)):
        facts = " ".join(f"{k}={v}" for k, v in r.facts.items() if v is not None)
        out.append(f"  {side} {r.protocol} {r.host}:{r.port} {r.security}: {r.code}"
                   f"{' user=' + username_form(s, r) if r.username else ''}"
                   f"{' mechanism=' + r.mechanism if r.mechanism else ''}"
                   f"{' pinned' if r.pinned else ''}{' ' + facts if facts else ''}")
    return out


def username_form(s: SetupSession, r: SigninResult) -> str:
    """Which user name worked, named by its form: the report masks the address, so never the name."""
    local = s.address.partition("@")[0]
    return {s.address: "full address", local: "local part"}.get(r.username or "", "as configured")


def helpdesk_report(s: SetupSession) -> Report:
    """The ``report`` command's document: discovery, the sign-in if one ran, and the IMAP/POP3 advice for
    the default situation with the quota the sign-in measured."""
    from assistant.core.report import build_report
    if s.result is None:
        raise InputError("nothing was discovered yet")
    signin = s.signin
    return build_report(s.result, signin, recommendation=_advice(s, signin), preset=s.preset)


def _advice(s: SetupSession, signin: VerifyResult | None) -> dict[str, Any] | None:
    from assistant.core.recommend import Situation, recommend
    facts = s.facts()
    if signin is not None and signin.incoming.ok:
        limit = signin.incoming.facts.get("quota_limit_kib")
        if isinstance(limit, int) and not isinstance(limit, bool):
            facts = replace(facts, quota_bytes=limit * 1024)
    try:
        return recommend(Situation(), facts).to_dict()
    except AssistantError:
        return None  # neither protocol usable: the headline already says so
