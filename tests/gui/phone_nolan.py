"""Run by tests/gui/test_phone.py inside ``unshare -n``: the phone panel with the real LAN lookup and no
network. Prints the link's state, the status sentence, whether a code is shown, whether a new link is
offered (one per line)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.net.settings import Settings
from assistant.core.phone.handoff import Link
from assistant.core.setup.session import SetupSession
from assistant.gui.phone_panel import PhonePanel
from assistant.gui.worker import AsyncWorker


def main() -> None:
    app = QApplication([])
    session = SetupSession(lambda: Settings.create(offline=True),
                           address=EmailAddress.parse("jane@example.com"))
    session.set_manual(ServerConfig("imap", "imap.example.com", 993, "ssl"),
                       ServerConfig("smtp", "smtp.example.com", 465, "ssl"))
    panel = PhonePanel()
    worker = AsyncWorker(panel)  # owned like the wizard's: torn down with the panel, before the app
    panel.show()
    panel.show_for(session, worker)
    end = time.monotonic() + 20
    while panel.state in (Link.STARTING, Link.WAITING) and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    print(panel.state.value)
    print(panel.ios_status.text())
    print("code" if panel.ios_code.isVisible() else "no code")
    print("renew" if panel.renew.isVisible() else "no renew")
    panel.stop()
    worker.shutdown()
    del worker
    panel.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
