"""The setup wizard's navigation as a plain state machine, so every branch is testable without Qt.

The setup session (``core/setup/session.py``) keeps one ``FlowState`` up to date and the GUI asks
``next_page`` where "Next" leads and ``blockers`` whether "Next" may be pressed at all. Which server is used
per protocol, and which risks must be confirmed first, is the Selection's (``core/setup/selection.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

from assistant.core.words.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # types only: the wizard's first page uses this module and must show before these load
    from assistant.core.setup.selection import Selection


class Page(IntEnum):
    """Wizard pages; the values are QWizard page ids."""

    ADDRESS = 0
    DISCOVERY = 1
    MANUAL = 2
    DEVICES = 3
    RECOMMENDATION = 4
    PASSWORD = 5
    EXPORT = 6
    DONE = 7


END = -1  # QWizard's "no next page"


@dataclass
class FlowState:
    """What navigation depends on. ``unconfirmed`` holds hosts whose risks still await "I understand"."""

    address_valid: bool = False
    discovery: str = "idle"  # idle | running | done | failed | cancelled
    found_incoming: bool = False
    found_outgoing: bool = False
    unconfirmed: set[str] = field(default_factory=set)
    edit_manually: bool = False
    manual_valid: bool = False
    manual_unconfirmed: bool = False  # manual settings without encryption, not yet confirmed
    # The test of the settings typed by hand: untested | testing | ok | failed (failed also when the
    # test could not be completed). Next needs "ok", or the person's explicit "continue anyway".
    manual_check: str = "untested"
    manual_failure_accepted: bool = False
    signin: str = "idle"  # idle | running | done: the optional sign-in test on the password page
    # Discovery found no secure servers, but the domain's Autodiscover service names servers to someone
    # who gives the mail password: the password page comes right after discovery (for this result).
    password_first: bool = False

    @property
    def discovered_usable(self) -> bool:
        return self.discovery == "done" and self.found_incoming and self.found_outgoing


# Why "Next" is disabled, in words the page shows next to the button.
BLOCKERS: dict[str, str] = {
    "address_invalid": QT_TRANSLATE_NOOP("flow", "Enter a complete email address to continue."),
    "discovery_running": QT_TRANSLATE_NOOP(
        "flow", "Please wait until the checks have finished, or cancel them."),
    "discovery_idle": QT_TRANSLATE_NOOP("flow", "The checks have not run yet."),
    "risk_unconfirmed": QT_TRANSLATE_NOOP(
        "flow", "Confirm the risks of the servers marked with a warning, or change the settings by hand."),
    "manual_invalid": QT_TRANSLATE_NOOP("flow", "Correct the highlighted fields to continue."),
    "manual_unconfirmed": QT_TRANSLATE_NOOP(
        "flow", "Confirm that you understand the risk of an unencrypted connection."),
    "manual_testing": QT_TRANSLATE_NOOP("flow", "Please wait until the test has finished."),
    "manual_untested": QT_TRANSLATE_NOOP(
        "flow", "Press “Test these settings” first: we check that they work before you go on."),
    "manual_failed": QT_TRANSLATE_NOOP(
        "flow", "These settings did not work. Correct them and test again, or tick “Continue anyway”."),
    "signin_running": QT_TRANSLATE_NOOP(
        "flow", "Please wait until the sign-in test has finished, or stop it."),
}


def next_page(page: Page, state: FlowState) -> int:
    """Where "Next" leads from ``page`` (``END`` after the last page).

    With ``password_first`` (and no settings typed by hand) the password page follows discovery, the
    servers its sign-in test learns lead on to the devices page (without servers that may be used, to the
    manual page), and the recommendation goes straight to the export page.
    """
    first = state.password_first and not state.edit_manually
    if page is Page.ADDRESS:
        return Page.DISCOVERY
    if page is Page.DISCOVERY:
        if first:
            return Page.PASSWORD
        if state.edit_manually or not state.discovered_usable:
            return Page.MANUAL
        return Page.DEVICES
    if first and page is Page.PASSWORD:
        return Page.DEVICES if state.discovered_usable and not state.unconfirmed else Page.MANUAL
    if first and page is Page.RECOMMENDATION:
        return Page.EXPORT
    if page is Page.DONE:
        return END
    return page + 1


def blockers(page: Page, state: FlowState) -> list[str]:
    """Codes (keys of ``BLOCKERS``) that keep "Next" disabled on ``page``; empty means it may proceed."""
    out: list[str] = []
    if page is Page.ADDRESS and not state.address_valid:
        out.append("address_invalid")
    elif page is Page.DISCOVERY:
        if state.discovery == "running":
            out.append("discovery_running")
        elif state.discovery == "idle":
            out.append("discovery_idle")
        elif (state.discovered_usable and state.unconfirmed and not state.edit_manually
              and not state.password_first):  # the password may bring safe servers; asked first
            out.append("risk_unconfirmed")
    elif page is Page.MANUAL:
        if not state.manual_valid:
            out.append("manual_invalid")
        elif state.manual_unconfirmed:
            out.append("manual_unconfirmed")
        elif state.manual_check == "testing":
            out.append("manual_testing")
        elif state.manual_check == "untested":
            out.append("manual_untested")
        elif state.manual_check != "ok" and not state.manual_failure_accepted:
            out.append("manual_failed")
    elif page is Page.PASSWORD and state.signin == "running":
        out.append("signin_running")
    return out


def update_from_selection(state: FlowState, selection: Selection) -> None:
    """Fill the discovery part of ``state`` from the offered servers and the hosts confirmed so far."""
    state.found_incoming = selection.found_incoming
    state.found_outgoing = selection.found_outgoing
    state.unconfirmed = selection.unconfirmed()
