"""The sign-in test's outcome in plain words, for the password page and the Done page summary.

The core gives codes, templates (``verify.MESSAGES``) and raw facts (quota in KiB, folder count, UIDL);
this turns them into sentences a person understands, in the interface language. The templates sit in one
dict keyed by a stable code (marked for lupdate) so the catalogue and the code cannot drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.core.words.i18n import QT_TRANSLATE_NOOP
from assistant.gui.text import core_text

if TYPE_CHECKING:  # core.verify brings the sign-in and TLS code: imported once a result exists
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.provider import SignIn
    from assistant.core.setup.state import SetupState
    from assistant.core.signin.verify import SigninResult, VerifyResult

# Why "Remember it in the system keychain" did not store the password: a password the sign-in test could
# not use is most likely mistyped, and a keychain entry would hand it to the mail program silently.
KEYCHAIN_SKIPPED: dict[str, str] = {
    "signin_rejected": QT_TRANSLATE_NOOP(
        "keychain", "The password was not saved in the system keychain: the server rejected it in the "
                    "sign-in test. Correct it and test again."),
    "signin_failed": QT_TRANSLATE_NOOP(
        "keychain", "The password was not saved in the system keychain because the sign-in test did not "
                    "succeed with it."),
}

TEXTS: dict[str, str] = {
    "works": QT_TRANSLATE_NOOP("signin", "The password works: you can receive and send mail."),
    "works_oauth2": QT_TRANSLATE_NOOP(
        "signin", "Signing in on your organisation's page works: you can receive and send mail."),
    "not_sent": QT_TRANSLATE_NOOP(
        "signin", "The password was not sent to at least one server, to protect it."),
    "failed": QT_TRANSLATE_NOOP("signin", "The sign-in test did not succeed."),
    "full_address": QT_TRANSLATE_NOOP("signin", "Your full email address is the user name."),
    "local_part": QT_TRANSLATE_NOOP(
        "signin", "The part before the @ ({name}) is the user name, not the full address."),
    "other_name": QT_TRANSLATE_NOOP("signin", "The user name {name} worked."),
    "pinned": QT_TRANSLATE_NOOP(
        "signin", "The connection used the certificate you confirmed on the results page."),
    "storage": QT_TRANSLATE_NOOP("signin", "Storage used: {used} MB of {limit} MB."),
    "folders": QT_TRANSLATE_NOOP("signin", "Folders on the server: {count}"),
    "idle": QT_TRANSLATE_NOOP("signin", "New mail is announced at once (IDLE)."),
    "messages": QT_TRANSLATE_NOOP("signin", "Messages waiting on the server: {count}"),
    "uidl": QT_TRANSLATE_NOOP(
        "signin", "The server lets your mail program remember which messages it already downloaded "
                  "(UIDL)."),
    "no_uidl": QT_TRANSLATE_NOOP(
        "signin", "The server cannot say which messages were already downloaded (no UIDL), so some may "
                  "be downloaded twice."),
    "smtp_auth": QT_TRANSLATE_NOOP(
        "signin", "The outgoing server accepted your sign-in for sending (SMTP AUTH)."),
}


# The password page at a provider that refuses the normal password (core/discovery/providers.py): what to
# type, if anything, and where an app password or authorization code is made. {link} is an HTML link.
PROVIDER_TEXTS: dict[str, str] = {
    "oauth2_only": QT_TRANSLATE_NOOP(
        "signin", "{provider} signs you in on its own sign-in page (OAuth2), not with a password typed into "
                  "a mail program. Your mail program opens that page when you add the account, so there is "
                  "no password to test here."),
    "oauth2_or_app_password": QT_TRANSLATE_NOOP(
        "signin", "Your mail program can sign in on the page of {provider} (OAuth2); then it needs no "
                  "password from you. A program that asks for a password needs an app password instead of "
                  "your normal one: a separate password that {provider} makes for one program. Make one at "
                  "{link} and test it here."),
    "app_password": QT_TRANSLATE_NOOP(
        "signin", "{provider} does not accept your normal password in mail programs. They sign in with an "
                  "app password: a separate password that {provider} makes for one program. Make one at "
                  "{link} and test it here."),
    "authorization_code": QT_TRANSLATE_NOOP(
        "signin", "{provider} does not accept your normal password in mail programs. They sign in with an "
                  "authorization code, which you make in the web settings of {provider} after switching "
                  "IMAP/SMTP on there. Make one ({link}) and test it here."),
    "app_password_label": QT_TRANSLATE_NOOP("signin", "App &password:"),
    "authorization_code_label": QT_TRANSLATE_NOOP("signin", "Authorization &code:"),
}


def _t(code: str, **fields: object) -> str:
    return core_text("signin", TEXTS[code], **fields)


def provider_help(sign_in: SignIn) -> str:
    """The password page's explanation for a recognised provider, as rich text with the page linked
    (names and the address escaped); then what must be done first (2-Step Verification …)."""
    from html import escape

    from PySide6.QtCore import QCoreApplication
    translate = QCoreApplication.translate
    url = sign_in.app_password_url or sign_in.help_url or ""
    link = f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
    if sign_in.oauth2_only:
        code = "oauth2_only"
    elif sign_in.authorization_code:
        code = "authorization_code"
    elif sign_in.oauth2_first:
        code = "oauth2_or_app_password"
    else:
        code = "app_password"
    text = core_text("signin", PROVIDER_TEXTS[code], provider="\x00", link="\x01")
    text = escape(text).replace("\x00", escape(sign_in.name(translate))).replace("\x01", link)
    if sign_in.oauth2_only:
        return text
    extra = sign_in.summary(translate)[1:]  # the prerequisites; the first sentence is said above
    return "<br>".join([text, *(escape(line) for line in extra)])


def secret_label(sign_in: SignIn | None) -> str | None:
    """The password field's label where an app password or authorization code is typed instead."""
    if sign_in is None or sign_in.provider == "other" or not sign_in.app_password:
        return None
    key = "authorization_code_label" if sign_in.authorization_code else "app_password_label"
    return core_text("signin", PROVIDER_TEXTS[key])


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def headline(result: VerifyResult) -> str:
    if result.ok:
        return _t("works_oauth2" if result.oauth2 else "works")
    if result.incoming.refused_for_safety or result.outgoing.refused_for_safety:
        return _t("not_sent")
    return _t("failed")


def outcome(r: SigninResult, provider: SignIn | None = None) -> str:
    """The core's sentence for one server (signed in, wrong password, refused for safety, ...); a provider's
    name in the interface language."""
    from PySide6.QtCore import QCoreApplication

    from assistant.core.signin import verify
    params = dict(r.params)
    if provider is not None and r.provider == provider.provider:
        params["provider"] = provider.name(QCoreApplication.translate)
    return core_text("verify", verify.MESSAGES[r.message_key], **params)


def username_form(r: SigninResult, address: EmailAddress | None) -> str | None:
    """Which form of the user name worked: what a person types into a mail program's "user name"."""
    if not r.ok or not r.username:
        return None
    if address is not None and r.username == address.address:
        return _t("full_address")
    if address is not None and r.username == address.local:
        return _t("local_part", name=r.username)
    return _t("other_name", name=r.username)


def facts(r: SigninResult) -> list[str]:
    """What the server told us after signing in: storage, folders, messages, UIDL, SMTP AUTH."""
    f = r.facts
    out: list[str] = []
    if r.pinned:
        out.append(_t("pinned"))
    limit, used = _count(f.get("quota_limit_kib")), _count(f.get("quota_used_kib"))
    if limit:
        out.append(_t("storage", used=round((used or 0) / 1024), limit=round(limit / 1024)))
    if (folders := _count(f.get("folders"))) is not None:
        out.append(_t("folders", count=folders))
    if f.get("idle") is True:
        out.append(_t("idle"))
    if (messages := _count(f.get("messages"))) is not None:
        out.append(_t("messages", count=messages))
    if f.get("uidl") is not None:
        out.append(_t("uidl" if f["uidl"] else "no_uidl"))
    if f.get("auth_accepted") is True:
        out.append(_t("smtp_auth"))
    return out


def describe(result: VerifyResult, address: EmailAddress | None, provider: SignIn | None = None) -> str:
    """The whole outcome: a headline, then per server what happened and what we learnt."""
    lines = [headline(result)]
    for r in (result.incoming, result.outgoing):
        lines.append("• " + outcome(r, provider))
        form = username_form(r, address)
        lines.extend("   " + text for text in ([form] if form else []) + facts(r))
    return "\n".join(lines)


def keychain_text(session: SetupState) -> str:
    """Why the password is not in the system keychain (the session's ``keychain`` code) in the interface
    language; "" when it was saved or nobody asked."""
    code = session.keychain
    if code in ("", "saved", "not_asked"):
        return ""
    if code in KEYCHAIN_SKIPPED:
        return core_text("keychain", KEYCHAIN_SKIPPED[code])
    from assistant.core.signin import keychain
    template = keychain.MESSAGES.get(code)
    return core_text("secrets", template, reason=session.keychain_reason) if template else ""
