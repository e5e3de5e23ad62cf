"""The wizard's "Set up your phone" hand-off without Qt: what the panel shows in each state, the codes at a
size a phone reads from a screen, and the one-time iPhone/iPad link's life on the worker's asyncio loop.

The panel (``assistant/gui/phone_panel.py``) only turns these answers into pixels. Keeping the rules here
means they are tested without a display, and the link's promise — no server outlives the page — is kept by
code that knows the loop: ``PhoneLink.stop`` returns only once the listening socket is closed.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from assistant.core.model.progress import ProgressCallback, ProgressEvent
from assistant.core.phone.share import DEFAULT_EXPIRES, ShareState
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from assistant.core.model.account import AccountConfig

CONTEXT = "phone"
# On screen each code aims at about this many logical pixels a side, and never less than MIN_MODULE_PX per
# module: a phone camera at arm's length resolves 4 px modules on a 96 dpi screen; smaller ones blur.
CODE_PX = 260
MIN_MODULE_PX = 4

TEXTS: dict[str, str] = {
    "android_howto": QT_TRANSLATE_NOOP(
        "phone", "Open Thunderbird for Android, tap Import settings and scan this code."),
    "ios_howto": QT_TRANSLATE_NOOP(
        "phone", "The phone must be on the same Wi-Fi as this computer. Scan the code with the Camera, open "
                 "the link in Safari and allow the download; then open Settings › Profile Downloaded and "
                 "install it. It takes a few screens, and iOS calls the profile “Not Verified” because it is "
                 "not signed."),
    "starting": QT_TRANSLATE_NOOP("phone", "Making a link…"),
    "waiting": QT_TRANSLATE_NOOP(
        "phone", "The link works once, for {minutes} minutes, and only while this page is open."),
    "downloaded": QT_TRANSLATE_NOOP(
        "phone", "The profile was downloaded: on the iPhone or iPad open Settings › Profile Downloaded to "
                 "install it. The link no longer works."),
    "interrupted": QT_TRANSLATE_NOOP(
        "phone", "The profile was sent, but the iPhone or iPad never confirmed receiving it, so the link no "
                 "longer works. If the profile is not in Settings, make a new link."),
    "expired": QT_TRANSLATE_NOOP("phone", "The link expired unused."),
    "stopped": QT_TRANSLATE_NOOP("phone", "The link was stopped."),
    "no_lan": QT_TRANSLATE_NOOP(
        "phone", "This computer is not connected to a local network, so a phone cannot reach it. Connect "
                 "it to the Wi-Fi the phone uses, then make a new link."),
    "failed": QT_TRANSLATE_NOOP("phone", "No link could be made: {reason}"),
    "no_code": QT_TRANSLATE_NOOP("phone", "No code could be made: {reason}"),
    "too_long": QT_TRANSLATE_NOOP(
        "phone", "These settings are too long for one code (a very long name or user name). In Thunderbird "
                 "for Android, add the account by hand with the settings on this page."),
    "password_in_code": QT_TRANSLATE_NOOP(
        "phone", "This code holds your password: do not let anyone photograph it."),
    "plain_refused": QT_TRANSLATE_NOOP(
        "phone", "Settings without encryption are not handed to a phone by code or link. If you must use "
                 "them, enter them on the phone with the values above."),
    "unknown": QT_TRANSLATE_NOOP("phone", "an unexpected problem occurred."),
    "password_rejected": QT_TRANSLATE_NOOP(
        "phone", "The server rejected the password you tested, so it is not offered for the code."),
    # A provider that accepts only its own sign-in page (OAuth2): no profile can hold that.
    "ios_builtin": QT_TRANSLATE_NOOP(
        "phone", "{provider} signs in only on its own page, which a profile cannot hold. On the iPhone or "
                 "iPad open Settings › Apps › Mail › Mail Accounts › Add Account › {account} instead."),
    "ios_builtin_other": QT_TRANSLATE_NOOP(
        "phone", "{provider} signs in only on its own page, which a profile cannot hold: add the account in "
                 "a mail app that opens that page."),
}


def ios_route(account: AccountConfig) -> tuple[str, dict[str, str]] | None:
    """Where the iPhone/iPad adds an account no profile can describe (a provider that accepts only its own
    sign-in page): a TEXTS code and its fields, the provider named in English (the panel names it in the
    interface language); None when a profile works."""
    sign_in = account.sign_in
    if sign_in is None or not sign_in.oauth2_only:
        return None
    if sign_in.apple_account:
        return "ios_builtin", {"provider": sign_in.provider_name, "account": sign_in.apple_account}
    return "ios_builtin_other", {"provider": sign_in.provider_name}


class Link(Enum):
    """Where the iPhone/iPad link stands, as the panel tells it."""

    STARTING = "starting"
    WAITING = "waiting"
    DOWNLOADED = "downloaded"
    INTERRUPTED = "interrupted"
    EXPIRED = "expired"
    STOPPED = "stopped"
    NO_LAN = "no_lan"
    FAILED = "failed"


# How the share ended, as the panel tells it (CLOSED: the page stopped it).
LINK_OF: dict[ShareState, Link] = {
    ShareState.DOWNLOADED: Link.DOWNLOADED, ShareState.INTERRUPTED: Link.INTERRUPTED,
    ShareState.EXPIRED: Link.EXPIRED, ShareState.CLOSED: Link.STOPPED}


@dataclass(frozen=True)
class LinkView:
    """The link's half of the panel: its sentence (a TEXTS code), the code or not, a "new link" button."""

    text: str
    show_code: bool
    can_renew: bool


def link_view(state: Link) -> LinkView:
    """Only a waiting link shows its code (a used, expired or unreachable one would be a dead code); every
    end state offers a new link."""
    return LinkView(state.value, state is Link.WAITING, state not in (Link.STARTING, Link.WAITING))


@dataclass(frozen=True)
class ScreenCode:
    """A QR code as a PNG for the screen: ``side`` logical pixels, drawn at ``ratio`` device px per px."""

    png: bytes
    side: int
    ratio: float


def screen_code(text: str, device_ratio: float = 1.0) -> ScreenCode:
    """``text`` as a PNG whose modules are whole device pixels, at least MIN_MODULE_PX logical pixels each,
    quiet zone kept (a scaled-down print-size PNG would blur the modules into each other)."""
    from assistant.core.profiles.qrimage import QUIET_ZONE, make_qr
    qr = make_qr(text)
    modules = int(qr.symbol_size(scale=1, border=QUIET_ZONE)[0])
    logical = max(MIN_MODULE_PX, CODE_PX // modules)
    device = max(1, math.ceil(logical * max(device_ratio, 1.0)))
    import io
    out = io.BytesIO()
    qr.save(out, kind="png", scale=device, border=QUIET_ZONE, dark="#000", light="#fff")
    return ScreenCode(out.getvalue(), modules * logical, device / logical)


def phone_refusal(account: AccountConfig) -> str | None:
    """Why neither code may be made for ``account`` (a key of TEXTS), None when both may: a server without
    encryption is never handed to a phone, whatever the computer accepted."""
    servers = (*account.incoming[:1], *account.outgoing[:1])
    return "plain_refused" if any(s.security == "plain" for s in servers) else None


def android_text(account: AccountConfig, password: str | None) -> str:
    """The Thunderbird-for-Android payload; the password only when given (the person ticked the box).

    Plaintext servers are never handed to a phone (InputError says so), whatever the computer accepted.
    """
    from dataclasses import replace

    from assistant.core.profiles.mobileqr import payload_json
    if password:
        return payload_json(replace(account, password=password), include_password=True)
    return payload_json(account.without_password())


class PhoneLink:
    """One one-time link: a job on the worker loop (``run``), stopped from the GUI thread (``stop``).

    ``run`` reports the URL once listening (a ProgressEvent of kind "share", the URL in ``detail``) and
    returns how the link ended. ``stop`` (after cancelling the job) waits until the server is closed.
    """

    def __init__(self, account: AccountConfig, *, bind: str | None = None,
                 expires: float = DEFAULT_EXPIRES) -> None:
        self.account, self.bind, self.expires = account, bind, expires
        self._lock = threading.Lock()
        self._entered = self._stopped = False
        self._closed = threading.Event()

    async def run(self, progress: ProgressCallback) -> Link:
        from assistant.core.phone import share_account
        from assistant.core.phone.lan import NoLanAddressError
        with self._lock:
            if self._stopped:
                return Link.STOPPED
            self._entered = True
        try:
            share = share_account(self.account, bind=self.bind, expires=self.expires)
            try:
                url = await share.start()
            except NoLanAddressError:
                return Link.NO_LAN
            try:
                progress(ProgressEvent(kind="share", label="one-time profile link", state="waiting",
                                       detail=url, key="share"))
                state = await share.wait()
            finally:
                await share.close()
            return LINK_OF.get(state, Link.STOPPED)
        finally:
            self._closed.set()

    def stop(self, timeout: float = 2.0) -> bool:
        """Thread-safe; True once no server of this link listens (it never started, or it has closed)."""
        with self._lock:
            self._stopped = True
            if not self._entered:
                return True
        return self._closed.wait(timeout)
