"""The sign-in test's outcome in plain words, for the password page and the Done page summary.

The core gives codes, templates (``verify.MESSAGES``) and raw facts (quota in KiB, folder count, UIDL);
this turns them into sentences a person understands, in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.core import verify
from assistant.core.verify import SigninResult, VerifyResult
from assistant.gui.text import core_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("signin", text)


def headline(result: VerifyResult) -> str:
    if result.ok:
        return _tr("The password works: you can receive and send mail.")
    if result.incoming.refused_for_safety or result.outgoing.refused_for_safety:
        return _tr("The password was not sent to at least one server, to protect it.")
    return _tr("The sign-in test did not succeed.")


def outcome(r: SigninResult) -> str:
    """The core's sentence for one server (signed in, wrong password, refused for safety, ...)."""
    return core_text("verify", verify.MESSAGES[r.code], **r.params)


def username_form(r: SigninResult, address: str) -> str | None:
    """Which form of the user name worked: what a person types into a mail program's "user name"."""
    if not r.ok or not r.username:
        return None
    if r.username == address:
        return _tr("Your full email address is the user name.")
    if r.username == address.partition("@")[0]:
        return _tr("The part before the @ ({name}) is the user name, not the full address.").format(
            name=r.username)
    return _tr("The user name {name} worked.").format(name=r.username)


def facts(r: SigninResult) -> list[str]:
    """What the server told us after signing in: storage, folders, messages, UIDL, SMTP AUTH."""
    f = r.facts
    out: list[str] = []
    if r.pinned:
        out.append(_tr("The connection used the certificate you confirmed on the results page."))
    limit, used = f.get("quota_limit_kib"), f.get("quota_used_kib")
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
        out.append(_tr("Storage used: {used} MB of {limit} MB.").format(
            used=round((used if isinstance(used, int) else 0) / 1024), limit=round(limit / 1024)))
    if isinstance(f.get("folders"), int) and not isinstance(f.get("folders"), bool):
        out.append(_tr("Folders on the server: {count}").format(count=f["folders"]))
    if f.get("idle") is True:
        out.append(_tr("New mail is announced at once (IDLE)."))
    if isinstance(f.get("messages"), int) and not isinstance(f.get("messages"), bool):
        out.append(_tr("Messages waiting on the server: {count}").format(count=f["messages"]))
    if f.get("uidl") is True:
        out.append(_tr("The server lets your mail program remember which messages it already downloaded "
                       "(UIDL)."))
    elif f.get("uidl") is False:
        out.append(_tr("The server cannot say which messages were already downloaded (no UIDL), so some "
                       "may be downloaded twice."))
    if f.get("auth_accepted") is True:
        out.append(_tr("The outgoing server accepted your sign-in for sending (SMTP AUTH)."))
    return out


def describe(result: VerifyResult, address: str) -> str:
    """The whole outcome: a headline, then per server what happened and what we learnt."""
    lines = [headline(result)]
    for r in (result.incoming, result.outgoing):
        lines.append("• " + outcome(r))
        form = username_form(r, address)
        lines.extend("   " + text for text in ([form] if form else []) + facts(r))
    return "\n".join(lines)
