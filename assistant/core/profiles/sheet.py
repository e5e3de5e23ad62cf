"""A printable HTML setup sheet: the settings, and where each kind of device wants them.

For the person at the helpdesk counter and for mail apps no profile reaches. Standalone (inline CSS, no
scripts, no external resources) so it prints and opens anywhere, and the GUI can turn it into a PDF. Every
value is HTML-escaped; a password is never written. Sentences are templates the GUI can translate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape

from assistant.core.advice.programs import PROGRAMS, Instructions, instructions
from assistant.core.advice.programs import TEXTS as STEP_TEXTS
from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.model.address import PLACEHOLDER, expand
from assistant.core.model.provider import OTHER
from assistant.core.profiles.losses import Loss, provider_losses
from assistant.core.profiles.servers import select_servers, server_name
from assistant.core.profiles.xmlwrite import clean_text
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate

TEXTS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("sheet", "Mail settings for {who}"),
    "intro": QT_TRANSLATE_NOOP("sheet", "Enter these settings in your mail app. Your password is not on "
                                        "this sheet: type it in yourself when the app asks."),
    "incoming": QT_TRANSLATE_NOOP("sheet", "Incoming mail ({protocol})"),
    # The language of the sheet as an HTML language tag: each translation gives its own ("zh-Hant-TW").
    "lang": QT_TRANSLATE_NOOP("sheet", "en"),
    "alternative": QT_TRANSLATE_NOOP(
        "sheet", "Your provider also offers {protocol} ({server}, port {port}); this sheet sets up "
                 "{chosen}, so you do not need it."),
    "outgoing": QT_TRANSLATE_NOOP("sheet", "Outgoing mail (SMTP)"),
    "server": QT_TRANSLATE_NOOP("sheet", "Server"),
    "port": QT_TRANSLATE_NOOP("sheet", "Port"),
    "security": QT_TRANSLATE_NOOP("sheet", "Connection security"),
    "username": QT_TRANSLATE_NOOP("sheet", "User name"),
    "auth": QT_TRANSLATE_NOOP("sheet", "Authentication"),
    "your_address": QT_TRANSLATE_NOOP("sheet", "your full email address"),
    "your_local": QT_TRANSLATE_NOOP("sheet", "the part of your email address before the @"),
    "your_domain": QT_TRANSLATE_NOOP("sheet", "the part of your email address after the @"),
    "ssl": QT_TRANSLATE_NOOP("sheet", "SSL/TLS"),
    "starttls": QT_TRANSLATE_NOOP("sheet", "STARTTLS"),
    "plain": QT_TRANSLATE_NOOP("sheet", "None (not encrypted: avoid)"),
    "password-cleartext": QT_TRANSLATE_NOOP("sheet", "Normal password"),
    "password-encrypted": QT_TRANSLATE_NOOP("sheet", "Encrypted password"),
    "OAuth2": QT_TRANSLATE_NOOP("sheet", "OAuth2 (sign in through the provider's web page)"),
    # A recognised provider that refuses the normal password (core/discovery/providers.py).
    "oauth2_provider": QT_TRANSLATE_NOOP("sheet", "Sign in through {provider}'s page (OAuth2)"),
    "app_password_word": QT_TRANSLATE_NOOP("sheet", "App password (not your normal password)"),
    "authorization_code_word": QT_TRANSLATE_NOOP("sheet", "Authorization code (not your normal password)"),
    "intro_oauth2": QT_TRANSLATE_NOOP(
        "sheet", "Your mail program signs in through {provider}'s page: there is no password to type into "
                 "it, and none is on this sheet."),
    "none": QT_TRANSLATE_NOOP("sheet", "No authentication"),
    "pop3_leave": QT_TRANSLATE_NOOP("sheet", "Leave messages on the server for {days} days."),
    "pop3_leave_forever": QT_TRANSLATE_NOOP("sheet", "Leave messages on the server."),
    "pop3_remove": QT_TRANSLATE_NOOP("sheet", "Remove messages from the server after downloading."),
    "where": QT_TRANSLATE_NOOP("sheet", "Where to enter them"),
    # The Thunderbird-for-Android code (issue 11), in a block of its own below the programs' steps.
    "android_qr": QT_TRANSLATE_NOOP("sheet", "Thunderbird for Android: scan this code"),
    "android_qr_steps": QT_TRANSLATE_NOOP(
        "sheet", "Open Thunderbird for Android, tap Import settings and scan this code. It holds the "
                 "settings above, never your password."),
    "android_qr_alt": QT_TRANSLATE_NOOP("sheet", "QR code for Thunderbird for Android"),
    "footer": QT_TRANSLATE_NOOP("sheet", "Made with Mail Setup Assistant. Keep this sheet: it holds no "
                                         "password."),
}
TEXTS.update(STEP_TEXTS)  # the per-program steps share the context, so the sheet and the wizard agree

_WORDS = {"%EMAILADDRESS%": "your_address", "%EMAILLOCALPART%": "your_local", "%EMAILDOMAIN%": "your_domain"}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK TC",sans-serif;
margin:2em auto;max-width:46em;color:#111;line-height:1.4}
h1{font-size:1.5em;border-bottom:2px solid #333;padding-bottom:.2em}
h2{font-size:1.15em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border:1px solid #999;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#eee;width:35%}
td{font-family:ui-monospace,Menlo,Consolas,monospace}
.device{page-break-inside:avoid;break-inside:avoid;margin:.6em 0}
.device h3{font-size:1em;margin:0 0 .2em}
.device ol{margin:.2em 0;padding-left:1.6em}
footer{margin-top:2em;font-size:.85em;color:#555}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{page-break-after:avoid;break-after:avoid}
table{page-break-inside:avoid;break-inside:avoid}th{background:none}}
"""


class _Sheet:
    """The pieces of one sheet: translated texts, placeholders as the person will read them, tables."""

    def __init__(self, account: AccountConfig, translate: Translate | None, losses: list[Loss]) -> None:
        self.account, self.translate, self.losses = account, translate, losses

    def t(self, code: str, **params: object) -> str:
        values = {k: str(v) for k, v in params.items()}
        if self.translate is not None:
            try:  # a broken translation (renamed placeholder) falls back to English, never fails
                return escape(self.translate("sheet", TEXTS[code]).format(**values))
            except (KeyError, IndexError, ValueError):
                pass
        return escape(TEXTS[code].format(**values))

    def person(self, text: str) -> str:
        """Placeholders filled from the address (or the only domain), else written as words."""
        account = self.account
        if account.address:
            text = expand(text, account.address) or text
        elif len(set(account.domains) | {account.domain.lower()}) == 1:
            text = text.replace("%EMAILDOMAIN%", account.domain)
        parts = PLACEHOLDER.split(text)
        out = escape(parts[0])
        for token, part in zip(PLACEHOLDER.findall(text), parts[1:], strict=True):
            out += (f"<em>{self.t(_WORDS[token])}</em>" if token in _WORDS else escape(token)) + escape(part)
        return out

    def method(self, method: str) -> str:
        """A sign-in method in words; at a recognised provider, as that provider names it."""
        sign_in = self.account.sign_in
        if sign_in is not None and sign_in.provider != OTHER:
            if method == "OAuth2":
                return self.t("oauth2_provider", provider=sign_in.name(self.translate))
            if method == "password-cleartext" and sign_in.app_password:
                code = "authorization_code_word" if sign_in.authorization_code else "app_password_word"
                return self.t(code)
        return self.t(method) if method in TEXTS else escape(method)

    def intro(self) -> list[str]:
        """What to type: the password (never on the sheet), or nothing at a provider that signs in on its
        own page; then how that provider's users sign in."""
        sign_in = self.account.sign_in
        if sign_in is None:
            return [f"<p>{self.t('intro')}</p>"]
        first = (self.t("intro_oauth2", provider=sign_in.name(self.translate)) if sign_in.oauth2_only
                 else self.t("intro"))
        return [f"<p>{first}</p>", *(f"<p>{escape(line)}</p>" for line in sign_in.summary(self.translate))]

    def table(self, server: ServerConfig) -> list[str]:
        t = self.t
        methods = " / ".join(self.method(m) for m in server.methods)
        rows = [(t("server"), self.person(server.host)), (t("port"), escape(str(server.port))),
                (t("security"), t(server.security))]
        if server.auth != "none":
            rows.append((t("username"), self.person(server.username or "%EMAILADDRESS%")))
            if not server.username:
                name = server_name(server)
                self.losses.append(Loss("changed", "username_missing", f"no user name was given for {name}; "
                                        f"sheet uses the email address", server=name, field="username",
                                        before="", after="%EMAILADDRESS%"))
        rows.append((t("auth"), methods))
        return ["<table>", *(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows), "</table>"]

    def program(self, steps: Instructions, values: bool) -> list[str]:
        """One program's steps, and with ``values`` its values in its own words."""
        tr = self.translate
        out = ['<section class="device">', f"<h3>{escape(steps.name.render(tr))}</h3>", "<ol>",
               *(f"<li>{escape(step.render(tr))}</li>" for step in steps.steps), "</ol>"]
        for part in steps.sections if values else ():
            out += [f"<table><tr><th colspan=\"2\">{escape(part.title.render(tr))}</th></tr>",
                    *(f"<tr><th>{escape(k.render(tr))}</th><td>{escape(v.render(tr))}</td></tr>"
                      for k, v in part.rows), "</table>"]
        return [*out, "</section>"]

    def pop3_note(self) -> str:
        p, t = self.account.pop3, self.t
        note = (t("pop3_leave", days=p.days_to_leave) if p.leave_on_server and p.days_to_leave
                else t("pop3_leave_forever") if p.leave_on_server else t("pop3_remove"))
        return f"<p>{note}</p>"


def write_sheet(account: AccountConfig, *, translate: Translate | None = None,
                allow_plain: bool = False, losses: list[Loss] | None = None,
                programs: tuple[str, ...] = (), files: dict[str, str] | None = None,
                notice: str = "") -> bytes:
    """The sheet as UTF-8 HTML; ``translate(context, text)`` lets the GUI translate the templates.

    ``programs`` (codes of ``clients.PROGRAMS``) get their steps and their values in their own words;
    without them every program's steps are listed (the values are in the tables above). ``files`` names
    the files saved with the sheet (an Apple profile is opened rather than typed in). ``notice`` (already
    in the reader's language) is printed first, framed: settings that are untested or do not work say so
    on paper too."""
    lost: list[Loss] = [] if losses is None else losses
    incoming, outgoing = select_servers(account, "sheet", allow_plain=allow_plain, losses=lost)
    sheet = _Sheet(account, translate, lost)
    t = sheet.t
    who = sheet.person(clean_text(account.address or account.provider_name or account.domain, "title", lost))
    chosen = incoming[0]
    proto = "IMAP" if chosen.protocol == "imap" else "POP3"
    title = t("title", who="\x00").replace("\x00", who)
    out = ["<!DOCTYPE html>", f'<html lang="{_lang(t("lang"))}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_strip_tags(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{title}</h1>",
           *([f'<p style="border:2px solid #333;padding:.5em"><strong>{escape(notice)}</strong></p>']
             if notice else []),
           *sheet.intro(),
           f"<h2>{t('incoming', protocol=proto)}</h2>", *sheet.table(chosen)]
    if chosen.protocol == "pop3":
        out.append(sheet.pop3_note())
    out += [f"<h2>{t('outgoing')}</h2>", *sheet.table(outgoing[0])]
    alt = next((s for s in incoming[1:] if s.protocol != chosen.protocol), None)
    if alt is not None:  # one line, not a second table a reader could type in by mistake
        alt_proto = "IMAP" if alt.protocol == "imap" else "POP3"
        line = t("alternative", protocol=alt_proto, server="\x00", port=alt.port, chosen=proto)
        out.append(f"<p><small>{line.replace(chr(0), sheet.person(alt.host))}</small></p>")
    for extra in (s for s in (*incoming[1:], *outgoing[1:]) if s is not alt):
        name = server_name(extra)
        lost.append(Loss("dropped", "alternative_server", f"{name} (the sheet shows one server per protocol)",
                         server=name, field="server"))
    out.append(f"<h2>{t('where')}</h2>")
    chosen_account = replace(account, incoming=(chosen, *incoming[1:]), outgoing=tuple(outgoing))
    for steps in instructions(chosen_account, programs or PROGRAMS, files):
        out += sheet.program(steps, values=bool(programs))
    out += _mobile_qr_block(sheet, allow_plain)
    out += [f"<footer>{t('footer')}</footer>", "</body>", "</html>", ""]
    provider_losses(account, "sheet", lost, name=False)
    return "\n".join(out).encode("utf-8")


QR_CSS_PX = 240  # printed at 96 CSS px per inch: 6.3 cm a side, about 1 mm per module for a typical account


def _mobile_qr_block(sheet: _Sheet, allow_plain: bool) -> list[str]:
    """The Thunderbird-for-Android QR code of the account, never with a password, so a helpdesk can print
    or e-mail the sheet. A PNG ``data:`` URI rather than inline SVG: Qt's QTextDocument (the wizard's
    print and PDF) draws no inline SVG, and the sheet stays one standalone file. No address, no code (the
    format sets up one address); a code the format refuses is left off and announced."""
    account = sheet.account
    if not account.address:
        return []
    from base64 import b64encode

    from assistant.core.profiles.mobileqr import write_mobile_qr
    from assistant.core.words.errors import InputError
    try:
        png = write_mobile_qr(account.without_password(), "png", allow_plain=allow_plain)
    except InputError as exc:
        sheet.losses.append(Loss("dropped", "mobile_qr", f"the Thunderbird-for-Android QR code ({exc})"))
        return []
    t, uri = sheet.t, "data:image/png;base64," + b64encode(png).decode("ascii")
    return ['<section class="device qr">', f"<h2>{t('android_qr')}</h2>", f"<p>{t('android_qr_steps')}</p>",
            f'<p><img src="{uri}" alt="{t("android_qr_alt")}" width="{QR_CSS_PX}" height="{QR_CSS_PX}"></p>',
            "</section>"]


def _lang(tag: str) -> str:
    """The translation's language tag when it is one (letters and digits in parts), else "en"."""
    return tag if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag) else "en"


def _strip_tags(html: str) -> str:
    """The <title> holds text only: the words for placeholders lose their emphasis there."""
    return html.replace("<em>", "").replace("</em>", "")
