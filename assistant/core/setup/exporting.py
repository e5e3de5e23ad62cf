"""The export use case: which files a setup writes, their bytes, what each format could not hold, and
writing them into a folder (made if needed) — the wizard's export page only shows and asks.

Files are written whole or not at all (``core.files.write_output``). A file this setup already wrote
with the very same bytes is not "replaced" when the person presses Next after saving: only a file that
holds something else needs the replace question.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.core.model.account import AccountConfig
from assistant.core.profiles import export_with_losses, suggested_file_name
from assistant.core.profiles.losses import Loss
from assistant.core.words.errors import InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate
from assistant.core.words.messages import os_detail

# The formats a person needs for their own mail program, and those the people running the domain publish.
PERSONAL: tuple[str, ...] = ("sheet", "mobileconfig")
ADMIN: tuple[str, ...] = ("autoconfig", "autodiscover")

# What a file could not hold, in words a person understands (context "export"); other codes are counted.
LOSSES: dict[str, str] = {
    "pop3_settings": QT_TRANSLATE_NOOP(
        "export", "{file} cannot say how long POP3 leaves mail on the server; your mail program will use "
                  "its own setting."),
    "alternative_server": QT_TRANSLATE_NOOP(
        "export", "{file} holds only the servers you chose; the other servers found are left out."),
    "plain_server": QT_TRANSLATE_NOOP("export", "{file} leaves out the server without encryption."),
    "other": QT_TRANSLATE_NOOP("export", "{file} left out {count} technical detail(s) it cannot hold."),
}
_QUIET = frozenset({"username_placeholder", "host_placeholder", "password", "address"})  # by design


@dataclass
class PlannedFile:
    """One file to write: where, which format, its bytes, and what the format dropped or changed."""

    path: Path
    fmt: str
    data: bytes
    losses: list[Loss] = field(default_factory=list)


def export_one(account: AccountConfig, fmt: str, *, password: str | None = None, allow_plain: bool = False,
               sign_identity: bytes | None = None, sign_password: bytes | None = None,
               translate: Translate | None = None) -> tuple[bytes, list[Loss]]:
    """One profile file of ``account`` and what the format could not hold: the one way every front end
    (export, convert, the wizard) makes a profile. ``password`` goes in only where a format may carry it
    (an Apple profile), and only when given; a signing identity only signs an Apple profile."""
    mobile = fmt == "mobileconfig"
    if password is not None and not mobile:
        raise InputError(f"{fmt}: only an Apple profile (mobileconfig) can carry the password")
    if sign_identity is not None and not mobile:
        raise InputError(f"{fmt}: only an Apple profile (mobileconfig) can be signed")
    if password is not None:
        account = replace(account, password=password)
    return export_with_losses(account, fmt, embed_password=password is not None, sign_identity=sign_identity,
                              sign_password=sign_password, allow_plain=allow_plain, translate=translate)


def plan(account: AccountConfig, formats: Iterable[str], folder: Path, *, allow_plain: bool = False,
         password: str | None = None, sign_identity: bytes | None = None, sign_password: bytes | None = None,
         translate: Translate | None = None, programs: tuple[str, ...] = (),
         notice: str = "") -> list[PlannedFile]:
    """The files for ``formats`` in ``folder``; the sheet is translated and names the chosen programs and
    the Apple profile saved with it, and begins with ``notice`` (settings untested or not working); the
    Apple profile carries ``password`` when one is given. Raises AssistantError (a bad identity, an
    account a format refuses)."""
    from assistant.core.profiles.sheet import write_sheet
    out: list[PlannedFile] = []
    chosen = list(dict.fromkeys(formats))
    for fmt in [f for f in chosen if f != "sheet"]:
        mobile = fmt == "mobileconfig"
        data, losses = export_one(account, fmt, password=password if mobile else None,
                                  sign_identity=sign_identity if mobile else None,
                                  sign_password=sign_password if mobile else None,
                                  allow_plain=allow_plain, translate=translate)
        out.append(PlannedFile(folder / suggested_file_name(account, fmt), fmt, data, losses))
    if "sheet" in chosen:
        files = {p.fmt: p.path.name for p in out}
        losses = []
        data = write_sheet(account, translate=translate, allow_plain=allow_plain, losses=losses,
                           programs=programs, files=files, notice=notice)
        out.insert(0, PlannedFile(folder / suggested_file_name(account, "sheet"), "sheet", data,
                                  list(dict.fromkeys(losses))))
    return out


def make_folder(folder: Path) -> None:
    """The folder, made with its parents if it does not exist; InputError in one line otherwise."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(code="cannot_make_folder",
                         params={"path": str(folder), "detail": os_detail(exc)}) from None
    if not folder.is_dir():
        raise InputError(code="not_a_folder", params={"path": str(folder)})


def already_written(planned: PlannedFile, written: dict[Path, bytes]) -> bool:
    """True when this setup wrote exactly these bytes there and nobody changed the file since."""
    if written.get(planned.path) != planned.data:
        return False
    try:
        return planned.path.read_bytes() == planned.data
    except OSError:
        return False


def conflicts(files: list[PlannedFile], written: dict[Path, bytes]) -> list[Path]:
    """Existing files that would be replaced by something else (the person is asked first)."""
    return [f.path for f in files if f.path.exists() and not already_written(f, written)]


def write(files: list[PlannedFile], written: dict[Path, bytes]) -> list[Path]:
    """Write each file whole (skipping those already there with these bytes); ``written`` remembers them.
    Raises InputError at the first file that cannot be written; the ones before it stay written."""
    from assistant.core.net.files import write_output
    saved: list[Path] = []
    for f in files:
        if not already_written(f, written):
            write_output(str(f.path), f.data, force=True)
            written[f.path] = f.data
        saved.append(f.path)
    return saved


def loss_lines(files: list[PlannedFile]) -> list[tuple[str, str, int]]:
    """(template key of LOSSES, file name, count) for each thing worth telling, one line per kind."""
    out: list[tuple[str, str, int]] = []
    for f in files:
        codes = [loss.code for loss in f.losses if loss.code not in _QUIET]
        for code in dict.fromkeys(c for c in codes if c in LOSSES):
            out.append((code, f.path.name, 1))
        rest = [c for c in codes if c not in LOSSES]
        if rest:
            out.append(("other", f.path.name, len(rest)))
    return out
