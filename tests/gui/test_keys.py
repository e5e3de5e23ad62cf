"""Keyboard: no two controls a person can see at once share an Alt+letter, in English and in zh_TW, and
Return presses Next.

Every page is walked against the real test world (a good domain to the last page; a certificate problem
and an empty domain for the confirmation boxes and the manual page). The wizard's own buttons (Next, Back,
Finish, About) count as part of each page: Alt+N must not belong to a field too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QPushButton, QTabWidget, QWidget, QWizard
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING
from tests.gui.walk import click_next, page, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
ACCEL = re.compile(r"&([^&\s])")
WIZARD_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton,
                  QWizard.WizardButton.CustomButton1)


def accelerator(text: str) -> str | None:
    m = ACCEL.search(text.replace("&&", ""))
    return m.group(1).lower() if m else None


def shown_texts(wiz: SetupWizard) -> list[tuple[str, str]]:
    """(where, text) of what can carry an Alt+letter: the current page and the wizard's buttons."""
    current = wiz.currentPage()
    out: list[tuple[str, str]] = []
    for w in [current, *current.findChildren(QWidget)]:
        if not w.isVisibleTo(wiz):
            continue
        where = f"{type(w).__name__}({w.objectName() or w.accessibleName()})"
        if isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QLabel) and w.buddy() is not None:
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox) and w.isCheckable():
            out.append((where, w.title()))
        elif isinstance(w, QTabWidget):
            out.extend((where, w.tabText(i)) for i in range(w.count()))
    for which in WIZARD_BUTTONS:
        button = wiz.button(which)
        if button.isVisible():
            out.append((f"wizard {which.name}", button.text()))
    return out


def clashes(wiz: SetupWizard) -> list[str]:
    by_key: dict[str, list[str]] = {}
    for where, text in shown_texts(wiz):
        key = accelerator(text)
        if key:
            by_key.setdefault(key, []).append(f"{where}: {text!r}")
    return [f"Alt+{k.upper()}: " + " | ".join(v) for k, v in by_key.items() if len(v) > 1]


def check(wiz: SetupWizard, found: dict[Page, list[str]]) -> None:
    bad = clashes(wiz)
    if bad:
        found[page(wiz)] = bad


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_no_two_controls_on_a_page_share_an_accelerator(qtbot: QtBot, make_wizard: MakeWizard,
                                                        lang: str) -> None:
    found: dict[Page, list[str]] = {}
    seen: set[Page] = set()
    wiz = make_wizard(FOUND, lang=lang)
    check(wiz, found)
    seen.add(page(wiz))
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    while True:
        check(wiz, found)
        seen.add(page(wiz))
        if page(wiz) is Page.DONE:
            break
        click_next(qtbot, wiz)
    for address in (CERT_PROBLEM, NOTHING):
        other = make_wizard(address, lang=lang)
        click_next(qtbot, other)
        wait_discovery(qtbot, other)
        check(other, found)
        if address == NOTHING:
            click_next(qtbot, other)
            assert page(other) is Page.MANUAL
            check(other, found)
            seen.add(Page.MANUAL)
    report = "\n".join(f"{p.name}: {line}" for p, lines in found.items() for line in lines)
    assert not found, f"shared accelerators in {lang}:\n{report}"
    assert seen == set(Page)


def test_the_wizard_buttons_carry_accelerators_and_say_next_step_in_zh_tw(make_wizard: MakeWizard) -> None:
    wiz = make_wizard(lang="zh_TW")
    texts = {which: wiz.buttonText(which) for which in WIZARD_BUTTONS}
    assert texts[QWizard.WizardButton.NextButton].startswith("下一步")
    assert texts[QWizard.WizardButton.BackButton].lstrip("< ").startswith("上一步")
    assert texts[QWizard.WizardButton.CancelButton] == "取消"
    assert texts[QWizard.WizardButton.FinishButton].startswith("完成")
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CustomButton1):
        assert accelerator(texts[which]), which


def test_return_presses_next(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard(FOUND)
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    assert isinstance(next_button, QPushButton) and next_button.isDefault()
    wiz.pages[Page.ADDRESS].address.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(wiz.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page(wiz) is Page.DISCOVERY, timeout=5000)
    wait_discovery(qtbot, wiz)
    qtbot.keyClick(wiz.focusWidget() or wiz, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page(wiz) is Page.DEVICES, timeout=5000)
