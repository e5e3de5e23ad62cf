"""Translations: the zh_TW catalogue is complete and consistent, and every page shows no English left.

The walk test goes through the whole wizard in zh_TW against the real test world and compares every
visible text (labels, buttons, titles, tabs, headers, placeholders, accessible names) with the English
source strings of the catalogue: a source string shown as is means something escaped translation.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui import i18n
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import FOUND, NOTHING
from tests.gui.walk import click_next, page, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(i18n.ts_file("zh_TW"))
    out = []
    for ctx in tree.getroot().iter("context"):
        for m in ctx.iter("message"):
            out.append((ctx.findtext("name") or "", m.findtext("source") or "", m))
    assert out, "the zh_TW catalogue is empty"
    return out


def test_catalogue_has_no_unfinished_or_empty_entries() -> None:
    bad = []
    for ctx, src, m in messages():
        tr = m.find("translation")
        assert tr is not None
        plural = m.get("numerus") == "yes"
        texts = [f.text or "" for f in tr.iter("numerusform")] if plural else [tr.text or ""]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            bad.append(f"{ctx}: {src!r}")
    hint = "run python -m assistant.gui.i18n_build update, then translate"
    assert bad == [], f"untranslated in zh_TW ({hint}):\n" + "\n".join(bad)


def test_translations_keep_placeholders_and_keyboard_accelerators() -> None:
    for ctx, src, m in messages():
        tr = m.find("translation")
        assert tr is not None
        text = tr.text or "".join(f.text or "" for f in tr.iter("numerusform"))
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(text)), (ctx, src, text)
        if re.search(r"&[^&\s]", src):
            assert re.search(r"&[^&\s]", text), f"accelerator lost: {ctx}: {src!r} -> {text!r}"


def test_catalogue_covers_the_core_sentences() -> None:
    from assistant.core.advice import recommend
    from assistant.core.discovery import rank, risks
    from assistant.core.model.address import ADDRESS_PROBLEMS
    from assistant.core.setup import flow
    from assistant.core.signin import keychain
    sources = {(ctx, src) for ctx, src, _ in messages()}
    tables = [("flow", flow.BLOCKERS), ("flow", risks.RISKS), ("warnings", rank.WARNINGS),
              ("recommend", recommend.TEXTS), ("secrets", keychain.MESSAGES), ("address", ADDRESS_PROBLEMS)]
    for ctx, table in tables:
        for text in table.values():
            assert (ctx, text) in sources, f"not in the catalogue: {ctx}: {text!r}"


def test_language_choice() -> None:
    assert i18n.pick("zh-tw", None) == "zh_TW"
    assert i18n.pick(None, "en", QLocale("zh_TW")) == "en"  # the saved preference beats the system
    assert i18n.pick(None, None, QLocale("zh_TW")) == "zh_TW"
    assert i18n.pick(None, None, QLocale("zh_HK")) == "zh_TW"
    assert i18n.pick(None, None, QLocale("zh_CN")) == "en"  # Simplified Chinese is not offered
    assert i18n.pick(None, None, QLocale("de_DE")) == "en"
    assert i18n.normalise("fr") is None


def english_sources() -> set[str]:
    """Sources whose translation differs: if one of these is visible in zh_TW, it escaped translation."""
    out = set()
    for _ctx, src, m in messages():
        tr = m.find("translation")
        text = (tr.text or "") if tr is not None else ""
        if text and text != src:
            out.add(src.replace("&", ""))
    return out


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see or a screen reader announces."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root.window()):
            continue
        name = f"{type(w).__name__}({w.objectName()})"
        if w.accessibleName():
            yield name, w.accessibleName()
        if w.accessibleDescription():
            yield name, w.accessibleDescription()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            yield name, w.placeholderText()
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                yield name, w.item(i).text().split(" — ")[-1]  # the outcome after the (technical) label
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)
        elif isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                if item:
                    yield name, item.text()


def check_page(wiz: SetupWizard, english: set[str], seen: dict[Page, int]) -> None:
    current = wiz.currentPage()
    texts = [("title", current.title()), ("subtitle", current.subTitle()), ("window", wiz.windowTitle()),
             *visible_texts(current)]
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                  QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton,
                  QWizard.WizardButton.CustomButton1):
        button = wiz.button(which)
        if button.isVisible():
            texts.append(("wizard button", button.text()))
    leftovers = [f"{where}: {text!r}" for where, text in texts
                 if text and (text.replace("&", "") in english or text.replace("&", "").strip(" <>") in
                              {"Next", "Back", "Cancel", "Finish", "Go Back", "Continue", "Done"})]
    assert leftovers == [], f"English left on {page(wiz).name} in zh_TW:\n" + "\n".join(leftovers)
    seen[page(wiz)] = len(texts)


@pytest.mark.real_servers  # the end-to-end walk in Traditional Chinese, discovery included
def test_every_page_is_translated_in_zh_tw(qtbot: QtBot, make_wizard: Callable[..., SetupWizard],
                                           tmp_path: object) -> None:
    english = english_sources()
    seen: dict[Page, int] = {}
    wiz = make_wizard(lang="zh_TW")
    assert wiz.windowTitle() == "郵件設定助理"
    qtbot.keyClicks(wiz.pages[Page.ADDRESS].address, "x")  # type: ignore[attr-defined]
    check_page(wiz, english, seen)  # with the problem line showing
    wiz.pages[Page.ADDRESS].address.setText(FOUND)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    wiz.pages[Page.DISCOVERY].tables["imap"].selectRow(0)  # type: ignore[attr-defined]
    check_page(wiz, english, seen)
    for _ in range(5):  # devices, recommendation, password, export, done
        click_next(qtbot, wiz)
        check_page(wiz, english, seen)
    about = wiz.about_text()
    assert "MIT" in about and "LGPL" in about and "自由軟體" in about
    other = make_wizard(lang="zh_TW")
    other.pages[Page.ADDRESS].address.setText(NOTHING)  # type: ignore[attr-defined]
    click_next(qtbot, other)
    wait_discovery(qtbot, other)
    check_page(other, english, seen)
    click_next(qtbot, other)
    assert page(other) is Page.MANUAL
    check_page(other, english, seen)
    assert set(seen) == set(Page), f"pages not walked: {set(Page) - set(seen)}"


def test_catalogue_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """A string added to the code but not yet in the .ts would show in English: lupdate must add nothing."""
    from assistant.gui.i18n_build import sources
    fresh = tmp_path / "fresh.ts"
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(exe), "-silent", "-locations", "none", *map(str, sources()), "-ts", str(fresh)],
                   check=True, timeout=120)
    found = {(c.findtext("name") or "", m.findtext("source") or "")
             for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
    known = {(ctx, src) for ctx, src, _ in messages()}
    missing = sorted(found - known)
    assert missing == [], "not in resources/translations/assistant_zh_TW.ts (run python -m " \
        "assistant.gui.i18n_build update, then translate):\n" + "\n".join(map(str, missing))


def test_switching_language_rebuilds_the_wizard_and_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from assistant.gui.app import Options, build_wizard
    prefs = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    first = build_wizard(Options(address="ann@example.test", lang="en"), prefs)
    qtbot.addWidget(first)
    first.show()
    assert first.windowTitle() == "Mail Setup Assistant"
    language = first.pages[Page.ADDRESS].language  # type: ignore[attr-defined]
    language.setCurrentIndex(language.findData("zh_TW"))
    app = QApplication.instance()
    assert app is not None
    second = app.property("wizard")
    try:
        assert isinstance(second, SetupWizard) and second is not first
        assert second.windowTitle() == "郵件設定助理"
        assert second.session.address_text == "ann@example.test"
        assert second.button(QWizard.WizardButton.CancelButton).text() != "Cancel"  # Qt's own strings too
        assert prefs.value("language") == "zh_TW"
    finally:
        if isinstance(second, SetupWizard):
            second.shutdown_worker()
            second.close()
            second.deleteLater()
        i18n.install(app, "en")  # type: ignore[arg-type]


def test_fill_translates_only_the_unfinished_entries_it_is_given(tmp_path: Path) -> None:
    from assistant.gui.i18n_build import fill
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="zh_TW">\n'
        "<context>\n    <name>A&amp;B</name>\n"
        "    <message>\n        <source>Yes &amp; no</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "    <message>\n        <source>Kept</source>\n"
        "        <translation>保留</translation>\n    </message>\n"
        "    <message>\n        <source>Later</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "</context>\n</TS>\n", encoding="utf-8")
    assert fill(ts, {"A&B": {"Yes & no": "是<與>否", "Kept": "changed"}, "other": {"Later": "x"}}) == 1
    text = ts.read_text(encoding="utf-8")
    assert "<translation>是&lt;與&gt;否</translation>" in text
    assert "<translation>保留</translation>" in text  # finished entries are never touched
    assert text.count('type="unfinished"') == 1  # "Later" has no translation for its own context
