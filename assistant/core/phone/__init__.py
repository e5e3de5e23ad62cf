"""Handing the account to a phone: a one-time iPhone/iPad link, and the wizard's phone panel.

The Thunderbird-for-Android QR code is a profile format (``core/profiles/mobileqr.py``); ``share`` serves a
.mobileconfig once over the local network. Nothing here imports Qt or argparse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.core.model.account import AccountConfig

if TYPE_CHECKING:
    from assistant.core.phone.share import ProfileShare, ShareState

def share_account(account: AccountConfig, *, bind: str | None = None, expires: float = 600.0,
                  on_state: Callable[[ShareState], None] | None = None) -> ProfileShare:
    """A one-time link serving ``account`` as an Apple profile **without** password (the wizard's page).

    iOS asks for the password while installing, so nothing secret travels over the plain-HTTP link.
    Call ``await share.start()`` for the URL, ``wait()``/``close()`` as the page lives and goes.
    """
    from assistant.core.phone.share import ProfileShare
    from assistant.core.profiles import export_profile, suggested_file_name
    profile = export_profile(account.without_password(), "mobileconfig")
    return ProfileShare(profile, suggested_file_name(account, "mobileconfig"), bind=bind, expires=expires,
                        on_state=on_state)
