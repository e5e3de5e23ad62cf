"""Screenshots of every wizard page in English and Traditional Chinese, for docs/ and the README.

Run under a real X server (Xvfb), against the same test world the tests use (dnsmasq + Dovecot on this
machine's loopback; needs root for the standard ports)::

    xvfb-run -a -s "-screen 0 2400x1800x24" .venv/bin/python -m tests.gui.screenshots

It writes docs/screenshots/{en,zh_TW}-NN-page.png for a good domain, {en,zh_TW}-CASE-NN-page.png for every
page each failure path reaches (CASE: nodomain, expired, expired-declined, plaintext, outside; risks
confirmed so the walk goes on, or for expired-declined the settings page with the certificate accepted
there; the settings page is tested as the person would), plus a 200 % scaled pair (QT_SCALE_FACTOR=2)
and a dark-palette pair. Each variant runs in its own process because the scale factor is fixed at
start-up.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "screenshots"
VARIANTS = [  # (lang, extra args, environment)
    ("en", [], {}), ("zh_TW", [], {}),
    ("en", ["--only", "discovery", "--suffix", "scale200"], {"QT_SCALE_FACTOR": "2"}),
    ("zh_TW", ["--only", "discovery", "--suffix", "scale200"], {"QT_SCALE_FACTOR": "2"}),
    ("en", ["--only", "risk", "--dark", "--suffix", "dark"], {}),
    ("zh_TW", ["--only", "risk", "--dark", "--suffix", "dark"], {}),
]


def dark_palette() -> object:
    from PySide6.QtGui import QColor, QPalette
    p = QPalette()
    roles = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
             QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2f2f2f",
             QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
             QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7fd9",
             QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Mid: "#444444",
             QPalette.ColorRole.Midlight: "#3a3a3a", QPalette.ColorRole.PlaceholderText: "#9a9a9a"}
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def shoot(lang: str, only: str | None, suffix: str, dark: bool) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from assistant.core.discovery.presets import load_preset
    from assistant.core.setup.flow import Page
    from assistant.core.setup.session import SetupSession as Session
    from assistant.gui import i18n
    from assistant.gui.app import app_icon, application
    from assistant.gui.wizard import SetupWizard
    from tests.gui.conftest import (
        ACCOUNTS,
        CERT_PROBLEM,
        FOUND,
        NO_DOMAIN,
        NOTHING,
        OUTSIDE,
        PLAINTEXT,
        add_accounts,
    )
    from tests.support.world import build_world

    app = application()
    if dark:
        from assistant.gui import style
        app.setStyle("Fusion")
        app.setPalette(dark_palette())  # type: ignore[arg-type]
        style.apply(app)  # what build_wizard does on a dark Fusion palette
    i18n.build_catalogues()
    i18n.install(app, lang)
    tmp = Path(tempfile.mkdtemp(prefix="shots-"))
    world = build_world(tmp / "world")
    add_accounts(world, ACCOUNTS)
    saved: list[Path] = []
    wizards: list[SetupWizard] = []

    def wizard(address: str) -> SetupWizard:
        prefs = QSettings(str(tmp / "prefs.ini"), QSettings.Format.IniFormat)
        # Next on the export page saves: every wizard into a folder of its own ("Replace files?" is modal).
        prefs.setValue("export/folder", tempfile.mkdtemp(prefix="saved-", dir=tmp))
        wiz = SetupWizard(Session(world.settings(30)), prefs, lang, app_icon())
        wiz.confirm_discard = lambda: True  # type: ignore[method-assign]
        wiz.resize(900, 720)
        wiz.show()
        wizards.append(wiz)
        wiz.pages[Page.ADDRESS].address.setText(address)  # type: ignore[attr-defined]
        wiz.pages[Page.ADDRESS].name.setText("Alice Example" if lang == "en" else "王小明")  # type: ignore[attr-defined]
        return wiz

    def settle(wiz: SetupWizard, until: object = None, ms: int = 30000) -> None:
        import time
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            if until is None or until():  # type: ignore[operator]
                break
            time.sleep(0.01)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)

    def grab(wiz: SetupWizard, name: str) -> None:
        settle(wiz)
        path = OUT / f"{lang}-{name}{'-' + suffix if suffix else ''}.png"
        wiz.grab().save(str(path))
        saved.append(path)

    def ending(wiz: SetupWizard) -> None:
        """Settings by hand that fail their test, continued anyway: the last page says "not working"."""
        manual = wiz.pages[Page.MANUAL]
        for box in (manual.incoming, manual.outgoing):  # type: ignore[attr-defined]
            box.host.setText("dead.fallback.test")
        manual.test_btn.click()  # type: ignore[attr-defined]
        settle(wiz, lambda: len(wiz.session.manual_probes) == 2, 60000)
        wiz.session.manual_failure_accepted = True
        to_end(wiz)
        grab(wiz, "8-done-not-working")

    def to_end(wiz: SetupWizard) -> None:
        while wiz.currentId() != int(Page.DONE):
            here = wiz.currentId()
            wiz.next()
            if wiz.currentId() == here:
                raise RuntimeError(f"the wizard stays on page {Page(here).name}: Next is refused there "
                                   f"({wiz.session.state})")

    def discovered(wiz: SetupWizard) -> bool:
        return wiz.session.state.discovery in ("done", "failed", "cancelled")

    def walk_failure(wiz: SetupWizard, case: str) -> None:
        """Every page this address reaches: the problems as found, then with the risks confirmed."""
        from PySide6.QtWidgets import QWizard
        wiz.next()
        settle(wiz, lambda: discovered(wiz))
        disc = wiz.pages[Page.DISCOVERY]
        for table in disc.tables.values():  # type: ignore[attr-defined]
            if table.rowCount():
                table.selectRow(0)
                break
        grab(wiz, f"{case}-2-discovery")
        if case == "expired-declined":  # the risk not accepted: the settings page, from what was found
            disc.manual_box.setChecked(True)  # type: ignore[attr-defined]
        else:
            for box in getattr(disc, "confirm_boxes", {}).values():
                box.setChecked(True)
        while wiz.currentId() != int(Page.DONE):
            if not wiz.button(QWizard.WizardButton.NextButton).isEnabled():
                if wiz.currentId() != int(Page.MANUAL):
                    break
                by_hand(wiz, case)
            wiz.next()
            current = Page(wiz.currentId())
            grab(wiz, f"{case}-{int(current) + 1}-{current.name.lower()}")

    def by_hand(wiz: SetupWizard, case: str) -> None:
        """The settings page as the person meets it, then what they do there: accept a server without
        encryption, test, and go on after a failure only when they accept it (a domain that does not
        exist gets the settings a provider would give)."""
        manual = wiz.pages[Page.MANUAL]
        if case == "nodomain":
            manual.incoming.host.setText("imap.srv.test")  # type: ignore[attr-defined]
            manual.outgoing.host.setText("smtp.srv.test")  # type: ignore[attr-defined]
        if manual.plain_confirm.isVisible():  # type: ignore[attr-defined]
            manual.plain_confirm.setChecked(True)  # type: ignore[attr-defined]
        manual.test_btn.click()  # type: ignore[attr-defined]
        settle(wiz, lambda: wiz.session.state.manual_check in ("ok", "failed"), 60000)
        grab(wiz, f"{case}-3-manual-tested")
        if wiz.session.state.manual_check == "failed":
            manual.accept_box.setChecked(True)  # type: ignore[attr-defined]

    try:
        OUT.mkdir(parents=True, exist_ok=True)
        if only in (None, "discovery"):
            wiz = wizard(FOUND)
            if only is None:
                grab(wiz, "1-address")
            wiz.next()
            settle(wiz, lambda: discovered(wiz))
            wiz.pages[Page.DISCOVERY].tables["imap"].selectRow(0)  # type: ignore[attr-defined]
            grab(wiz, "2-discovery")
            if only is None:
                for name in ("4-devices", "5-recommendation", "6-password", "7-export", "8-done"):
                    if name == "5-recommendation":  # the programs ticked on the devices page
                        for code in ("thunderbird", "iphone"):
                            wiz.pages[Page.DEVICES].programs[code].setChecked(True)  # type: ignore[attr-defined]
                    wiz.next()
                    if name == "6-password":  # the sign-in test, run for real
                        pw = wiz.pages[Page.PASSWORD]
                        pw.password.setText(ACCOUNTS[FOUND])  # type: ignore[attr-defined]
                        pw.test_btn.click()  # type: ignore[attr-defined]
                        settle(wiz, lambda: wiz.session.state.signin == "done", 60000)
                    if name == "7-export":  # Next saves the files: into a scratch folder, not the home
                        wiz.pages[Page.EXPORT].folder.setText(str(tmp / "saved"))  # type: ignore[attr-defined]
                    grab(wiz, name)
        if only in (None, "risk"):
            wiz = wizard(OUTSIDE)
            wiz.next()
            settle(wiz, lambda: discovered(wiz))
            grab(wiz, "2-discovery-risk")
        if only is None:  # an organisation's preset forbids POP3: the recommendation says why
            preset = tmp / "preset.toml"
            preset.write_text('name = "Example Corp"\n[policy]\nforbidden_protocols = ["pop3"]\n')
            wiz = wizard(FOUND)
            wiz.session.preset = load_preset(preset)
            wiz.next()
            settle(wiz, lambda: discovered(wiz))
            wiz.next()
            wiz.pages[Page.DEVICES].storage.setChecked(True)  # type: ignore[attr-defined]
            wiz.next()
            grab(wiz, "5-recommendation-preset")
        if only is None:
            wiz = wizard(NOTHING)
            wiz.next()
            settle(wiz, lambda: discovered(wiz))
            wiz.next()
            grab(wiz, "3-manual")
            ending(wiz)
        if only is None:  # the other endings: a confirmed certificate problem, a domain that does not exist
            wiz = wizard(CERT_PROBLEM)
            wiz.next()
            settle(wiz, lambda: discovered(wiz))
            for box in wiz.pages[Page.DISCOVERY].confirm_boxes.values():  # type: ignore[attr-defined]
                box.setChecked(True)
            to_end(wiz)
            grab(wiz, "8-done-risk")
            wiz = wizard("zed@nosuch.test")
            wiz.next()
            settle(wiz, lambda: discovered(wiz))
            wiz.next()
            manual = wiz.pages[Page.MANUAL]
            manual.incoming.host.setText("imap.srv.test")  # type: ignore[attr-defined]
            manual.outgoing.host.setText("smtp.srv.test")  # type: ignore[attr-defined]
            manual.test_btn.click()  # type: ignore[attr-defined]  # Next only after a test
            settle(wiz, lambda: wiz.session.state.manual_check in ("ok", "failed"), 60000)
            to_end(wiz)
            grab(wiz, "8-done-no-domain")
        if only is None:  # the failure paths of pages 2 and 3 (issue 10)
            failure_paths(wizard, settle, grab, discovered)
        if only in (None, "failures"):
            for case, address in (("nodomain", NO_DOMAIN), ("expired", CERT_PROBLEM),
                                  ("expired-declined", CERT_PROBLEM), ("plaintext", PLAINTEXT),
                                  ("outside", OUTSIDE)):
                walk_failure(wizard(address), case)
    finally:
        for wiz in wizards:
            wiz.shutdown_worker()
        world.stop()
        QApplication.processEvents()
    return saved


def failure_paths(wizard: Any, settle: Any, grab: Any, discovered: Any) -> None:
    """The details opened, five bad certificates, a typo in the domain, and manual settings that failed."""
    from assistant.core.setup.flow import Page
    from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING
    for address, name in ((FOUND, "2-discovery-details"), (CERT_PROBLEM, "2-discovery-certificate"),
                          ("alice@srv.tset", "2-discovery-typo")):
        wiz = wizard(address)
        wiz.next()
        settle(wiz, lambda wiz=wiz: discovered(wiz))
        if name.endswith("details"):
            wiz.pages[Page.DISCOVERY].details_btn.click()
            wiz.pages[Page.DISCOVERY].tables["imap"].selectRow(0)
        grab(wiz, name)
    wiz = wizard(NOTHING)
    wiz.next()
    settle(wiz, lambda: discovered(wiz))
    wiz.next()
    manual = wiz.pages[Page.MANUAL]
    manual.incoming.host.setText("selfsigned.tlsbad.test")
    manual.outgoing.host.setText("smtp.srv.test")
    manual.test_btn.click()
    settle(wiz, lambda: wiz.session.state.manual_check == "failed")
    grab(wiz, "3-manual-failed")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang")
    parser.add_argument("--only", choices=["discovery", "risk", "failures"])
    parser.add_argument("--suffix", default="")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args(argv)
    if args.lang:
        for path in shoot(args.lang, args.only, args.suffix, args.dark):
            print(path.relative_to(REPO))
        return 0
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not os.environ.get("DISPLAY"):
        print("run under an X server: xvfb-run -a -s '-screen 0 2400x1800x24' .venv/bin/python -m "
              "tests.gui.screenshots", file=sys.stderr)
        return 2
    for lang, extra, env in VARIANTS:
        subprocess.run([sys.executable, "-m", "tests.gui.screenshots", "--lang", lang, *extra], cwd=REPO,
                       env={**os.environ, **env}, check=True, timeout=300)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
