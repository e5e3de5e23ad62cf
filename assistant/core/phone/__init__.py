"""Handing the account to a phone: Thunderbird-for-Android QR codes and a one-time iPhone/iPad link.

``write_mobile_qr`` is what ``export``/``convert --to mobile-qr`` and the wizard call; ``share`` serves a
.mobileconfig once over the local network. Nothing here imports Qt or argparse.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING

from assistant.core.errors import InputError
from assistant.core.model import AccountConfig

if TYPE_CHECKING:
    from assistant.core.phone.share import ProfileShare, ShareState

MOBILE_QR = "mobile-qr"  # the --format / --to name
QR_KINDS: tuple[str, ...] = ("png", "svg", "payload")


def mobile_qr_kind(output: str | None, payload: bool) -> str:
    """Which file ``-o`` asks for: the JSON payload with ``--payload``, else PNG or SVG by extension."""
    if payload:
        return "payload"
    suffix = PurePath(output).suffix.lower() if output and output != "-" else ""
    if suffix in (".png", ".svg"):
        return suffix[1:]
    raise InputError(f"--format {MOBILE_QR}: give -o FILE.png or -o FILE.svg, or --payload for the JSON "
                     f"text")


def write_mobile_qr(account: AccountConfig, kind: str, include_password: bool = False, *,
                    allow_plain: bool = False) -> bytes:
    """The Thunderbird-for-Android QR code of ``account`` as PNG, SVG or its JSON payload (with newline).

    The password goes in only with ``include_password`` (and ``account.password`` set): anyone who
    photographs the code can read it.
    """
    from assistant.core.phone.qrpayload import payload_json
    if kind not in QR_KINDS:
        raise InputError(f"{MOBILE_QR}: kind '{kind}' is not one of {', '.join(QR_KINDS)}")
    text = payload_json(account, include_password=include_password, allow_plain=allow_plain)
    if kind == "payload":
        return (text + "\n").encode("ascii")
    from assistant.core.phone.qrimage import qr_image
    return qr_image(text, kind)


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
