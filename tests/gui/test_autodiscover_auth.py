"""An Exchange- or mailcow-like domain walked through the wizard, in English and zh_TW, on the test world.

Nothing usable is found without the password: the guess reaches the hosting machine under a name its
certificate does not hold, and the domain's Outlook settings service (Autodiscover) answers 401. So the
password page comes right after the discovery page and says why; its sign-in test asks the service with the
password, the servers it names join the discovery, the sign-in works, and the wizard ends "ready" — with the
password sent once, over HTTPS, to that service only (the test web server's own log). A service outside
the domain gets the password only once the person ticks the box that names it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from assistant.core.setup.autodiscover_auth import TEXTS
from assistant.core.setup.flow import Page
from assistant.gui.pages.password import PasswordPage
from assistant.gui.wizard import SetupWizard
from tests.gui.test_zh_failures import leftovers
from tests.gui.walk import click_next, page, to_discovery
from tests.support.keyrings import MemoryKeyring
from tests.support.web import Request
from tests.support.world import BOX, EXCH_PASSWORD, EXCH_USER, ProbeWorld

pytestmark = [pytest.mark.real_servers, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
SERVICE = "autodiscover.exch.test"


@pytest.fixture(scope="module")
def pat(world: ProbeWorld) -> str:
    return EXCH_PASSWORD  # pat's mailbox on the hosting machine comes with the world


def carried(world: ProbeWorld, since: int) -> list[Request]:
    return [r for r in world.base.web.requests[since:] if "authorization" in r.headers]


def said(code: str, **params: str) -> str:
    """A sentence of the settings service, as the wizard shows it in the language installed now."""
    return QCoreApplication.translate("autodiscover", TEXTS[code]).format(**params)


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_the_password_page_asks_the_settings_service_and_the_setup_works(
        qtbot: QtBot, make_wizard: MakeWizard, world: ProbeWorld, pat: str, lang: str,
        memory_keyring: MemoryKeyring) -> None:
    since = len(world.base.web.requests)
    wiz = make_wizard(EXCH_USER, lang=lang, timeout=30.0)
    english: list[str] = []
    disc = to_discovery(qtbot, wiz)
    s = wiz.session
    assert s.state.discovery == "done" and s.state.password_first
    assert s.result is not None and not s.result.usable()
    assert s.state.unconfirmed == {"mail.exch.test"}  # only the guess, whose certificate names BOX
    notes = " ".join(w.text() for box in (disc.problems, disc.notes)
                     for w in box.findChildren(type(disc.status)))
    note = QCoreApplication.translate("summary", "Your provider's Outlook settings service ({host}) gives "
                                      "the settings only to someone who signs in with the mail password. On "
                                      "the password page, the sign-in test asks it with your password.")
    assert note.format(host=SERVICE) in notes
    english += leftovers(wiz)
    click_next(qtbot, wiz)  # the password first: the service may name safe servers (no box to tick)
    assert page(wiz) is Page.PASSWORD
    pw = wiz.pages[Page.PASSWORD]
    assert isinstance(pw, PasswordPage)
    assert pw.service.isVisible() and pw.service.text() == said("asks", host=SERVICE)
    assert not pw.allow.isVisible()  # the domain's own service: nothing to confirm
    english += leftovers(wiz)
    assert carried(world, since) == []  # nothing was sent before the person asked for the test
    pw.password.setText(pat)
    assert pw.test_btn.isEnabled()
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.state.signin == "done", timeout=60000)
    result = s.signin
    assert result is not None and result.ok, pw.result.text()
    assert result.incoming.host == BOX and result.outgoing.host == BOX
    assert pw.result.text().startswith(said("found", host=SERVICE, servers=BOX))
    assert not pw.service.isVisible()  # the service answered: nothing left to ask it
    assert s.state.discovered_usable and not s.state.unconfirmed and s.result is not None
    assert s.result.recommended["imap"] is not None and s.result.recommended["imap"].candidate.host == BOX
    english += leftovers(wiz)
    [request] = carried(world, since)
    assert (request.scheme, request.host, request.credentials) == ("https", SERVICE, (EXCH_USER, pat))
    assert f"found {SERVICE} password_sent" in s.report() and pat not in s.report()
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES  # the servers are known now: on as usual
    click_next(qtbot, wiz)
    assert page(wiz) is Page.RECOMMENDATION
    english += leftovers(wiz)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.EXPORT  # the password page was already visited
    while page(wiz) is not Page.DONE:
        english += leftovers(wiz)
        click_next(qtbot, wiz)
    english += leftovers(wiz)
    assert s.outcome().status == "ready"
    account = s.account()
    assert account.incoming[0].host == BOX and account.outgoing[0].host == BOX
    assert len(carried(world, since)) == 1
    if lang == "zh_TW":
        unique = list(dict.fromkeys(english))
        assert unique == [], "English on screen in zh_TW:\n" + "\n".join(unique)


def test_a_service_outside_the_domain_gets_the_password_only_when_the_person_ticks_it(
        qtbot: QtBot, make_wizard: MakeWizard, world: ProbeWorld) -> None:
    since = len(world.base.web.requests)
    outside = "autodiscover.hostingco.test"
    wiz = make_wizard("pat@exchaway.test", timeout=30.0)
    to_discovery(qtbot, wiz)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.PASSWORD
    pw = wiz.pages[Page.PASSWORD]
    assert isinstance(pw, PasswordPage)
    assert pw.allow.isVisible() and not pw.allow.isChecked()
    assert pw.allow.text() == said("confirm", host=outside, domain="exchaway.test")
    pw.password.setText(EXCH_PASSWORD)
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)  # not ticked: there is nothing to sign in to
    assert wiz.session.state.signin != "running"
    assert pw.result.text() == "There is no incoming and outgoing server to sign in to yet."
    assert carried(world, since) == []
    qtbot.mouseClick(pw.allow, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=60000)
    assert [(r.scheme, r.host) for r in carried(world, since)] == [("https", outside)]
    assert pw.result.text().startswith(said("rejected", host=outside))  # pat's mailbox is not there
    assert wiz.session.autodiscover is not None and wiz.session.autodiscover.password_sent
