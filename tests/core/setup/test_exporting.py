"""The export use case without Qt: which files, the folder made, our own files not "replaced", losses said."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.profiles import import_profile
from assistant.core.setup import exporting
from assistant.core.words.errors import InputError
from tests.core.profiles.test_samples import IMAP_ACCOUNT, POP3_ACCOUNT


def test_plan_names_the_files_and_the_sheet_names_the_apple_profile(tmp_path: Path) -> None:
    files = exporting.plan(IMAP_ACCOUNT, ["mobileconfig", "sheet"], tmp_path, programs=("iphone",))
    assert [f.fmt for f in files] == ["sheet", "mobileconfig"]
    profile = files[1].path.name
    assert profile.endswith(".mobileconfig") and profile.encode() in files[0].data
    assert b"Mail on iPhone and iPad" in files[0].data and b"Outlook on Windows" not in files[0].data


def test_write_makes_the_folder_and_does_not_replace_its_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    exporting.make_folder(folder)
    written: dict[Path, bytes] = {}
    files = exporting.plan(IMAP_ACCOUNT, ["autoconfig"], folder)
    assert exporting.conflicts(files, written) == []
    [path] = exporting.write(files, written)
    assert import_profile(path.read_bytes(), str(path)).incoming[0].host == "imap.example.com"
    assert exporting.conflicts(files, written) == []  # the same bytes this setup wrote: no question
    path.write_text("someone else's")
    assert exporting.conflicts(files, written) == [path]


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot make this folder"):
        exporting.make_folder(blocker / "inside")


def test_losses_are_said_in_plain_words_once_per_kind(tmp_path: Path) -> None:
    files = exporting.plan(POP3_ACCOUNT, ["autodiscover", "mobileconfig"], tmp_path)
    lines = exporting.loss_lines(files)
    assert ("pop3_settings", "autodiscover.xml", 1) in lines
    assert all(key in exporting.LOSSES for key, _, _ in lines)
    assert len(lines) == len(set(lines))
