"""The HTML rendering of a helpdesk report: plain words first, the technical appendix after.

Self-contained (inline CSS, no scripts, no remote resources) so it opens anywhere, attaches to a ticket
and prints. Every value is escaped; nothing the server sent is shown unless it came over verified TLS.
"""

from __future__ import annotations

from html import escape
from typing import Any

from assistant.core.model.results import ProbeResult
from assistant.core.report.document import Report
from assistant.core.signin.verify import SigninResult
from assistant.core.words.vocabulary import HTML_SECURITY as SECURITY_WORDS
from assistant.core.words.vocabulary import ROLE_NAMES

CSS = """body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
.headline{font-size:1.15em;padding:.8em;border-radius:6px}
.working,.found{background:#e6f4ea}.signin_failed,.signin_refused,.not_found{background:#fdecea}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;
vertical-align:top}th{background:#f4f4f4}code{font-size:.9em;word-break:break-all}
.small{color:#555;font-size:.9em}"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _server_row(role: str, r: ProbeResult | None, signin: SigninResult | None) -> str:
    if r is None:
        return f"<tr><th>{_e(ROLE_NAMES[role])}</th><td colspan='4'>none found that is safe to use</td></tr>"
    c = r.candidate
    user = signin.username if signin is not None and signin.ok and signin.protocol == role else None
    user_cell = _e(user) if user else "your email address"
    return (f"<tr><th>{_e(ROLE_NAMES[role])}</th><td><code>{_e(c.host.rstrip('.'))}</code></td>"
            f"<td>{c.port}</td><td>{_e(SECURITY_WORDS[c.security])}</td><td>{user_cell}</td></tr>")


def _signin_items(report: Report) -> list[str]:
    asked = report.autodiscover.get("message") if report.autodiscover else None
    items = [_e(str(asked))] if asked else []
    if report.signin is None:
        return items
    return items + [_e(r.message) for r in (report.signin.incoming, report.signin.outgoing)]


def _recommendation_items(rec: dict[str, Any] | None) -> list[str]:
    if not rec:
        return []
    items = [f"Use <b>{_e(str(rec.get('protocol', '')).upper())}</b> for incoming mail."]
    items += [_e(r.get("text")) for r in rec.get("reasons", []) if isinstance(r, dict)]
    items += [_e(r.get("text")) for r in rec.get("caveats", []) if isinstance(r, dict)]
    return items


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def _candidates(report: Report) -> str:
    rows = []
    for r in report.discovery.candidates:
        c = r.candidate
        tls = r.tls
        state = "verified" if tls is not None and tls.verified else "NOT verified"
        tls_text = "" if tls is None else (f"{_e(tls.version)} {state}"
                                           + (f" ({_e(', '.join(tls.problems))})" if tls.problems else ""))
        rows.append(f"<tr><td>{_e(c.protocol)}</td><td><code>{_e(c.host)}:{c.port}</code></td>"
                    f"<td>{_e(c.security)}</td><td>{_e(c.source)}</td><td>{_e(r.status)}</td>"
                    f"<td>{tls_text}</td><td>{r.elapsed_ms}</td><td>{_e(r.error)}</td></tr>")
    head = ("<tr><th>protocol</th><th>endpoint</th><th>security</th><th>source</th><th>status</th>"
            "<th>TLS</th><th>ms</th><th>error</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _signin_table(report: Report) -> str:
    if report.signin is None:
        return "<p>Sign-in was not tested.</p>"
    rows = []
    for r in (report.signin.incoming, report.signin.outgoing):
        tls = r.tls
        facts = ", ".join(f"{k}={v}" for k, v in r.facts.items())
        rows.append(
            f"<tr><td>{_e(r.protocol)}</td><td><code>{_e(r.host)}:{r.port}</code></td><td>{_e(r.code)}</td>"
            f"<td>{_e(r.mechanism)}</td><td>{_e(', '.join(r.tried))}</td><td>{_e(r.username)}</td>"
            f"<td>{_e(tls.version if tls else '')}{' pinned' if r.pinned else ''}</td>"
            f"<td><code>{_e(tls.fingerprint_sha256 if tls else '')}</code></td><td>{_e(facts)}</td>"
            f"<td>{_e(r.server_response)}</td><td>{_e(r.detail)}</td><td>{r.elapsed_ms}</td></tr>")
    head = ("<tr><th>protocol</th><th>server</th><th>result</th><th>method</th><th>user names tried</th>"
            "<th>worked</th><th>TLS</th><th>certificate SHA-256</th><th>facts</th><th>server said</th>"
            "<th>detail</th><th>ms</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def html_document(report: Report) -> str:
    d = report.discovery
    rec = d.recommended
    incoming = rec.get("imap") or rec.get("pop3")
    if report.recommendation and rec.get(str(report.recommendation.get("protocol"))) is not None:
        incoming = rec[str(report.recommendation["protocol"])]
    in_role = incoming.candidate.protocol if incoming else "imap"
    signin = report.signin.incoming if report.signin else None
    out_signin = report.signin.outgoing if report.signin else None
    provider = [f"{_e(d.sign_in.provider_name)} (recognised by {_e(d.sign_in.recognised_text())}): "
                + " ".join(_e(x) for x in d.sign_in.summary())] if d.sign_in else []
    notes = provider + _signin_items(report) + [_e(w.message) for w in d.warnings] + \
        _recommendation_items(report.recommendation)
    system = "; ".join(f"{k}: {v}" for k, v in report.system.items())
    timings = ", ".join(f"{k} {v} ms" for k, v in report.timings.items())
    preset = ""
    if report.preset:
        support = " — ".join(_e(x) for x in (report.preset.support_url, report.preset.support_contact) if x)
        preset = (f"<p>Organisation settings: {_e(report.preset.name)}"
                  f"{'. Help: ' + support if support else ''}</p>")
    sources = "".join(f"<li>{_e(s.source)}: <code>{_e(s.target)}</code> — {_e(s.outcome)}"
                      f"{' (' + _e(s.detail) + ')' if s.detail else ''}</li>" for s in d.sources)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail check for {_e(report.who)}</title><style>{CSS}</style></head>
<body>
<h1>Mail check for {_e(report.who)}</h1>
<p class="headline {_e(report.status)}">{_e(report.headline)}</p>
<p class="small">Made on {_e(report.generated_at)} by {_e(report.to_dict()["app"]["name"])}
{_e(report.to_dict()["app"]["version"])}. This report contains no password.</p>
{preset}
<h2>What to set up in the mail program</h2>
<table><tr><th></th><th>Server</th><th>Port</th><th>Encryption</th><th>User name</th></tr>
{_server_row(in_role, incoming, signin)}
{_server_row("smtp", rec.get("smtp"), out_signin)}
</table>
<h2>Good to know</h2>
{_ul(notes) or "<p>Nothing to add.</p>"}

<h2>Technical appendix</h2>
<p>Address: <code>{_e(d.address)}</code>; domain <code>{_e(d.domain)}</code>
{"(" + _e(d.domain_unicode) + ")" if d.domain_unicode != d.domain else ""}.<br>
DNS resolver: {_e(d.resolver)}. Timings: {_e(timings)}.<br>System: {_e(system)}.</p>
<h3>Sign-in</h3>
{_signin_table(report)}
<h3>Every server tried</h3>
{_candidates(report)}
<h3>Where the settings came from</h3>
{"<ul>" + sources + "</ul>" if sources else "<p>No source details.</p>"}
<h3>DNS records</h3>
<p>MX: {_e(", ".join(f"{m.preference} {m.host}" for m in d.mx) or "none")}<br>
SRV: {_e("; ".join(f"{s.service} {s.priority} {s.weight} {s.port} {s.target}" for s in d.srv) or "none")}</p>
</body></html>
"""
