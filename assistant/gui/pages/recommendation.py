"""Page 5: IMAP or POP3, with the reasons, the alternative and what it would cost; the person may switch.

Each choice has one line saying what it means for someone who has never heard of either. When no incoming
server in use was reached (or the settings typed by hand were not tested), the advice says first that it
is general: nothing in it comes from the server.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout

from assistant.core.advice.recommend import PROTOCOL_DESCRIPTIONS, Reason
from assistant.core.discovery import presets
from assistant.core.setup import flow
from assistant.core.words.errors import AssistantError
from assistant.gui.pages.base import Page
from assistant.gui.text import core_text, error_text

NAMES = {"imap": "IMAP", "pop3": "POP3"}


def reason_text(r: Reason) -> str:
    return core_text("recommend", r.template, **dict(r.params))


class RecommendationPage(Page):
    page_id = flow.Page.RECOMMENDATION

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Our recommendation"))
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.body.addWidget(self.headline)
        self.sections: dict[str, QLabel] = {}
        for key, title in (("reasons", self.tr("Why")), ("settings", self.tr("Settings we will use")),
                           ("caveats", self.tr("Good to know")), ("costs", self.tr("The alternative"))):
            box = QGroupBox(title)
            label = QLabel()
            label.setWordWrap(True)
            label.setAccessibleName(title)
            QVBoxLayout(box).addWidget(label)
            self.sections[key] = label
            self.body.addWidget(box)
        choose = QGroupBox(self.tr("Which one do you want?"))
        cl = QVBoxLayout(choose)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.descriptions: dict[str, QLabel] = {}
        for i, proto in enumerate(("imap", "pop3")):
            radio = QRadioButton()
            radio.setProperty("code", proto)
            self.group.addButton(radio, i)
            self.radios[proto] = radio
            cl.addWidget(radio)
            description = QLabel(core_text("recommend", PROTOCOL_DESCRIPTIONS[proto]))
            description.setWordWrap(True)
            indent = radio.style().pixelMetric(radio.style().PixelMetric.PM_ExclusiveIndicatorWidth)
            description.setContentsMargins(indent + 8, 0, 0, 4)
            radio.setAccessibleDescription(description.text())
            self.descriptions[proto] = description
            cl.addWidget(description)
        self.body.addWidget(choose)
        self.body.addStretch(1)
        self.group.buttonToggled.connect(self._chosen)

    def initializePage(self) -> None:
        s = self.session
        try:
            rec = s.recommend()  # the choice follows the recommendation until the person switches
        except AssistantError as exc:
            self.headline.setText(error_text(exc))
            for label in self.sections.values():
                label.setText("")
            return
        s.recommendation = rec
        name = NAMES[rec.protocol]
        entered = rec.leading.endswith("_entered")  # the person typed one protocol: theirs, not ours
        self.headline.setText(self.tr("You chose {0}.").format(name) if entered
                              else self.tr("We recommend {0}.").format(name) if rec.strength == "clear"
                              else self.tr("We suggest {0}.").format(name))
        bullet = "\n".join
        other = "pop3" if rec.protocol == "imap" else "imap"
        policy = ""
        if s.preset is not None and s.forbidden(other):
            policy = core_text("presets", presets.MESSAGES["policy_protocol_forbidden"],
                               organisation=s.preset.name, protocol=NAMES[other], host="")
        # "The server offers only IMAP" would be wrong when the server offers both and a rule said no.
        reasons = [reason_text(r) for r in rec.reasons
                   if not (policy and r.code == f"only_{rec.protocol}_offered")]
        self.sections["reasons"].setText(bullet("• " + t for t in ([policy] if policy else []) + reasons))
        self.sections["settings"].setText(bullet("• " + reason_text(r) for r in rec.settings.notes))
        self.sections["caveats"].setText(bullet("• " + reason_text(r) for r in rec.caveats))
        box = self.sections["caveats"].parentWidget()
        if box is not None:
            box.setVisible(bool(rec.caveats))
        if rec.alternative:
            costs = bullet("• " + reason_text(r) for r in rec.alternative_costs)
            other = self.tr("You may choose {0} instead.").format(NAMES[rec.alternative])
            self.sections["costs"].setText(other + ("\n" + costs if costs else ""))
        elif rec.leading.endswith("_entered"):  # the server was not asked: the person typed one protocol
            self.sections["costs"].setText(
                self.tr("You entered settings for {0} only. To use {1}, enter its server on the settings "
                        "page.").format(name, NAMES[other]))
        else:
            self.sections["costs"].setText(self.tr("Your server offers only {0}.").format(name))
        if policy:  # say why the other protocol is missing: the organisation's rule, not the server
            self.sections["costs"].setText(policy)
        for proto, radio in self.radios.items():
            offered = (proto == rec.protocol or proto == rec.alternative) and not s.forbidden(proto)
            radio.setEnabled(offered)
            self.descriptions[proto].setEnabled(offered)
            mnemonic = "&" + NAMES[proto]  # Alt+I, Alt+P
            if proto != rec.protocol:
                radio.setText(self.tr("Use {0} instead").format(mnemonic))
            elif entered:
                radio.setText(self.tr("Use {0} (as entered)").format(mnemonic))
            else:
                radio.setText(self.tr("Use {0} (recommended)").format(mnemonic))
        self.radios[rec.protocol].setChecked(True)
        self.radios[rec.protocol].setFocus()

    def _chosen(self, button: object, on: bool) -> None:
        if on and isinstance(button, QRadioButton):
            self.session.protocol = str(button.property("code"))
