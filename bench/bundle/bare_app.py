"""The reference app for the bundle benchmark: a bare PySide6 QWizard with two pages, nothing else.

Built with PyInstaller next to the real app so size and start-up are compared on the same machine, in the
same run, with the same PyInstaller and Qt.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def _page(title: str, text: str) -> QWizardPage:
    page = QWizardPage()
    page.setTitle(title)
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel(text))
    return page


def main() -> int:
    app = QApplication(sys.argv)
    wizard = QWizard()
    wizard.setWindowTitle("Bare wizard")
    wizard.addPage(_page("Welcome", "A bare QWizard for the bundle benchmark."))
    wizard.addPage(_page("Done", "Nothing to do."))
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
