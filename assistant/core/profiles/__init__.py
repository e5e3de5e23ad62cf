"""Client profiles: one account model to autoconfig, Autodiscover, Apple profile or setup sheet, and back.

Pure functions over bytes, so the CLI, the GUI and the tests share them, and ``convert`` is just
``export_profile(import_profile(data))``. Importers recognise the format from the content, not the name.
"""

from __future__ import annotations

import re

from assistant.core.model.account import AccountConfig
from assistant.core.profiles.losses import Loss
from assistant.core.words.errors import InputError
from assistant.core.words.i18n import Translate

MAX_PROFILE_BYTES = 1024 * 1024  # no real profile comes near this; anything bigger is refused unread

FORMATS: tuple[str, ...] = ("autoconfig", "autodiscover", "mobileconfig", "sheet")
IMPORTABLE: tuple[str, ...] = ("autoconfig", "autodiscover", "mobileconfig")
FILE_NAMES: dict[str, str] = {
    "autoconfig": "config-v1.1.xml", "autodiscover": "autodiscover.xml",
    "mobileconfig": "{name}.mobileconfig", "sheet": "{name}-mail-settings.html",
}
MEDIA_TYPES: dict[str, str] = {
    "autoconfig": "application/xml", "autodiscover": "text/xml; charset=utf-8",
    "mobileconfig": "application/x-apple-aspen-config", "sheet": "text/html; charset=utf-8",
}
_ROOT = re.compile(rb"<\s*([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def suggested_file_name(account: AccountConfig, fmt: str) -> str:
    """The name clients and web servers expect (config-v1.1.xml, autodiscover.xml) or a readable one."""
    base = (account.address or account.domain).replace("@", "_at_")
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._") or "mail"
    return FILE_NAMES[fmt].format(name=base)


def export_profile(account: AccountConfig, fmt: str, *, embed_password: bool = False,
                   sign_identity: bytes | None = None, sign_password: bytes | None = None,
                   allow_plain: bool = False, translate: Translate | None = None) -> bytes:
    """``account`` as ``fmt`` bytes. Only a mobileconfig can carry a password or a signature.

    ``translate(context, text)``: the wizard's translator, so the setup sheet and the Apple profile's
    display texts come out in the person's language (the CLI leaves it out: English)."""
    return export_with_losses(account, fmt, embed_password=embed_password, sign_identity=sign_identity,
                              sign_password=sign_password, allow_plain=allow_plain, translate=translate)[0]


def export_with_losses(account: AccountConfig, fmt: str, *, embed_password: bool = False,
                       sign_identity: bytes | None = None, sign_password: bytes | None = None,
                       allow_plain: bool = False,
                       translate: Translate | None = None) -> tuple[bytes, list[Loss]]:
    """Like ``export_profile``, plus every item the format dropped or changed (for stderr, JSON, the GUI)."""
    if fmt not in FORMATS:
        raise InputError(f"format: '{fmt}' is not one of {', '.join(FORMATS)}")
    if embed_password and fmt != "mobileconfig":
        raise InputError(f"{fmt}: only a mobileconfig can carry a password (it is never put in a {fmt})")
    if sign_identity is not None and fmt != "mobileconfig":
        raise InputError(f"{fmt}: only a mobileconfig can be signed")
    refuse_oauth2_only(account, fmt)
    losses: list[Loss] = []
    if fmt == "autoconfig":
        from assistant.core.profiles.autoconfig import write_autoconfig
        return write_autoconfig(account, allow_plain=allow_plain, losses=losses), _unique(losses)
    if fmt == "autodiscover":
        from assistant.core.profiles.autodiscover import write_autodiscover
        return write_autodiscover(account, allow_plain=allow_plain, losses=losses), _unique(losses)
    if fmt == "sheet":
        from assistant.core.profiles.sheet import write_sheet
        return write_sheet(account, allow_plain=allow_plain, losses=losses, translate=translate), \
            _unique(losses)
    from assistant.core.profiles.mobileconfig import write_mobileconfig
    data = write_mobileconfig(account, embed_password=embed_password, allow_plain=allow_plain, losses=losses,
                              translate=translate)
    if sign_identity is not None:
        from assistant.core.profiles.signing import sign_profile
        data = sign_profile(data, sign_identity, sign_password)
    return data, _unique(losses)


def refuse_oauth2_only(account: AccountConfig, fmt: str) -> None:
    """An Apple profile or an Autodiscover file holds a password sign-in only: for a provider that accepts
    only its own sign-in page (Microsoft) it would ask for a password that never works. Refused in one line
    that says why and where the account is added instead. (A provider that also takes app passwords, such
    as Google, keeps the password method: the person types an app password.)"""
    sign_in = account.sign_in
    if sign_in is None or not sign_in.oauth2_only or fmt not in ("mobileconfig", "autodiscover"):
        return
    params = {"provider": sign_in.provider_name, "account": sign_in.apple_account or ""}
    code = f"oauth2_{fmt}" if fmt == "autodiscover" or sign_in.apple_account else "oauth2_mobileconfig_other"
    raise InputError(code=code, params=params)


def _unique(losses: list[Loss]) -> list[Loss]:
    """One line per item: the same host placeholder filled for two servers is said once."""
    return list(dict.fromkeys(losses))


def detect_format(data: bytes, origin: str) -> str:
    """Which importable format ``data`` is, from its content; InputError naming ``origin`` otherwise."""
    from assistant.core.profiles.signing import looks_signed
    if not data.strip():
        raise InputError(f"{origin}: the file is empty")
    if looks_signed(data) or data.startswith(b"bplist"):
        return "mobileconfig"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        raise InputError(f"{origin}: not a profile (neither XML nor a signed Apple profile)")
    # Skip the XML declaration, comments and a DOCTYPE to the first element.
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", b"", head, flags=re.S)
    match = _ROOT.search(body)
    root = match.group(2).decode("ascii") if match else ""
    formats = {"clientConfig": "autoconfig", "Autodiscover": "autodiscover", "plist": "mobileconfig"}
    if root not in formats:
        raise InputError(f"{origin}: not a known profile (root element <{root or '?'}>; expected "
                         f"clientConfig, Autodiscover or plist)")
    return formats[root]


def import_profile(data: bytes, origin: str) -> AccountConfig:
    """Read an autoconfig, Autodiscover or Apple profile (plain or signed) into an account."""
    return import_with_losses(data, origin)[0]


def import_with_losses(data: bytes, origin: str) -> tuple[AccountConfig, list[Loss]]:
    """Like ``import_profile``, plus what the reader left out (Exchange entries, further payloads ...)."""
    if len(data) > MAX_PROFILE_BYTES:
        raise InputError(f"{origin}: larger than {MAX_PROFILE_BYTES // 1024} KiB, not a profile")
    from assistant.core.profiles.mobileqr import looks_like_payload, read_account_with_losses
    if looks_like_payload(data):  # a Thunderbird-for-Android QR payload (JSON), for convert
        return read_account_with_losses(data, origin)
    fmt = detect_format(data, origin)
    losses: list[Loss] = []
    if fmt == "autoconfig":
        from assistant.core.profiles.autoconfig_read import read_autoconfig
        return read_autoconfig(data, origin, losses), losses  # keeps what it cannot use (other_servers)
    if fmt == "autodiscover":
        from assistant.core.profiles.autodiscover import read_autodiscover
        return read_autodiscover(data, origin, losses), _unique(losses)
    from assistant.core.profiles.mobileconfig import read_mobileconfig
    from assistant.core.profiles.signing import looks_signed, unwrap_signed
    if looks_signed(data):
        data = unwrap_signed(data, origin)
    return read_mobileconfig(data, origin, losses), _unique(losses)

