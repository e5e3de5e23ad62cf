"""Review: a confirmation of a risky server belongs to the results it was given for, and names every risk."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assistant.core.flow import Page
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, click_next, page, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
HOST = "expired.tlsbad.test"


def _discover(qtbot: QtBot, wiz: SetupWizard, address: str) -> DiscoveryPage:
    qtbot.keyClicks(wiz.pages[Page.ADDRESS].address, address)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    return disc


def test_check_again_asks_for_the_confirmation_again(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """A new run may see a different certificate: the old "I understand" must not pin it silently."""
    wiz = make_wizard()
    disc = _discover(qtbot, wiz, CERT_PROBLEM)
    next_btn = wiz.button(wiz.WizardButton.NextButton)
    qtbot.mouseClick(disc.confirm_boxes[HOST], Qt.MouseButton.LeftButton)
    assert next_btn.isEnabled() and HOST in wiz.session.confirmed
    qtbot.mouseClick(disc.again_btn, Qt.MouseButton.LeftButton)
    wait_discovery(qtbot, wiz)
    assert wiz.session.state.discovery == "done"
    assert wiz.session.confirmed == set()
    assert not disc.confirm_boxes[HOST].isChecked()
    assert not next_btn.isEnabled()
    assert wiz.session.pins() == {}


def test_a_new_address_asks_for_the_confirmation_again(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    disc = _discover(qtbot, wiz, CERT_PROBLEM)
    qtbot.mouseClick(disc.confirm_boxes[HOST], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(wiz.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.ADDRESS
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    assert wiz.session.confirmed == set() and not disc.confirm_boxes[HOST].isChecked()
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
