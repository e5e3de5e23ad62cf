"""IMAP or POP3? A recommendation from how the person reads mail and what the server offers.

"IMAP or POP3" is the question helpdesks hear most, and the honest answer depends on habits, not on taste.
The rules follow what the protocols actually do: POP3 downloads mail to one device and by default removes it
from the server (so it suits one device and offline reading, and mail is lost with the device); IMAP keeps
mail on the server and every device in step, but needs server storage. Leaving POP3 mail on the server needs
UIDL. Every reason is a stable code plus an English template (translatable in the GUI).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from assistant.core.model.results import DiscoveryResult, ProbeResult
from assistant.core.words.errors import AssistantError, InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

DEVICES: tuple[str, ...] = ("computer", "phone", "tablet", "webmail")
BACKUPS: tuple[str, ...] = ("unknown", "me", "provider", "nobody")
SMALL_QUOTA_BYTES = 1024 ** 3  # below 1 GiB keeping all mail on the server soon runs out of room
DEFAULT_DAYS_ON_SERVER = 14  # Thunderbird's default for "leave messages on server"

Backup = Literal["unknown", "me", "provider", "nobody"]
KeepOffline = Literal["all", "recent"]

# Sentence templates by stable code. Placeholders are filled from Reason.params.
TEXTS: dict[str, str] = {
    # leading reasons
    "only_imap_offered": QT_TRANSLATE_NOOP(
        "recommend", "The server offers IMAP but not POP3, so IMAP is the only choice."),
    "only_pop3_offered": QT_TRANSLATE_NOOP(
        "recommend", "The server offers POP3 but not IMAP, so POP3 is the only choice."),
    "only_imap_entered": QT_TRANSLATE_NOOP(
        "recommend", "You entered the settings of an IMAP server, so IMAP is used."),
    "only_pop3_entered": QT_TRANSLATE_NOOP(
        "recommend", "You entered the settings of a POP3 server, so POP3 is used."),
    "entered_other_suits": QT_TRANSLATE_NOOP(
        "recommend", "For the way you read mail, {protocol} would suit you better, for this reason:"),
    "advice_general": QT_TRANSLATE_NOOP(
        "recommend", "We could not check what the incoming server offers (it did not answer, or its "
                     "certificate stopped the check), so this advice is general."),
    "advice_untested": QT_TRANSLATE_NOOP(
        "recommend", "Your settings were not tested successfully, so this advice is general: it does not "
                     "know what your server offers."),
    "webmail_in_use": QT_TRANSLATE_NOOP(
        "recommend", "You also read mail in a web browser: webmail shows what is on the server, and POP3 "
                     "would take the mail away from it."),
    "shared_mailbox": QT_TRANSLATE_NOOP(
        "recommend", "Other people read this mailbox too: with IMAP everyone sees the same mail and what "
                     "has been read or answered."),
    "several_devices": QT_TRANSLATE_NOOP(
        "recommend", "You read this mailbox on {count} devices: IMAP keeps them all in step (read, answered, "
                     "sent and deleted mail)."),
    "storage_limited": QT_TRANSLATE_NOOP(
        "recommend", "Space on the server is limited or you want mail off the server: POP3 moves it to "
                     "your device."),
    "quota_small": QT_TRANSLATE_NOOP(
        "recommend", "The mailbox on the server holds only {quota}: POP3 moves mail to your device so it "
                     "does not fill up."),
    "offline_single_device": QT_TRANSLATE_NOOP(
        "recommend", "You read mail on one computer and need all of it without a connection: POP3 keeps "
                     "every message on that computer."),
    "no_backup_keep_on_server": QT_TRANSLATE_NOOP(
        "recommend", "Nobody backs up your device: with IMAP the mail stays on the server, so losing the "
                     "device does not lose the mail."),
    "provider_backup": QT_TRANSLATE_NOOP(
        "recommend", "You rely on the provider's backups, which only cover mail kept on the server: that "
                     "is IMAP."),
    "mobile_device": QT_TRANSLATE_NOOP(
        "recommend", "Phones and tablets get lost and have little room: IMAP keeps the mail safe on the "
                     "server and only recent mail on the device."),
    "default_imap": QT_TRANSLATE_NOOP(
        "recommend", "Nothing calls for POP3: IMAP keeps your mail on the server, safe if this device "
                     "breaks, and adding a phone later just works."),
    # supporting reasons
    "imap_push": QT_TRANSLATE_NOOP(
        "recommend", "The server tells your mail program as soon as new mail arrives, so it appears at "
                     "once."),
    "pop3_uidl": QT_TRANSLATE_NOOP(
        "recommend", "The server tells your mail program which messages it already has, so copies can "
                     "stay on the server for a while."),
    # settings
    "pop3_leave_days": QT_TRANSLATE_NOOP(
        "recommend", "Leave messages on the server for {days} days, as a safety net, then remove them."),
    "pop3_remove": QT_TRANSLATE_NOOP(
        "recommend", "Remove messages from the server once they are downloaded."),
    "imap_offline_all": QT_TRANSLATE_NOOP(
        "recommend", "Keep a copy of all messages on each computer, so mail can be read without a "
                     "connection."),
    "imap_offline_recent": QT_TRANSLATE_NOOP(
        "recommend", "Keep only recent messages on the device; older mail is fetched from the server "
                     "when opened."),
    # costs of the alternative
    "cost_pop3_sync": QT_TRANSLATE_NOOP(
        "recommend", "With POP3 your other devices would not see what you read, answered, sent or filed."),
    "cost_pop3_webmail": QT_TRANSLATE_NOOP(
        "recommend", "With POP3 webmail would show an empty inbox once mail is downloaded."),
    "cost_pop3_device_loss": QT_TRANSLATE_NOOP(
        "recommend", "With POP3 the mail lives on one device and is lost with it unless you back it up."),
    "cost_imap_storage": QT_TRANSLATE_NOOP(
        "recommend", "With IMAP all mail stays on the server and counts against its storage."),
    "cost_imap_online": QT_TRANSLATE_NOOP(
        "recommend", "With IMAP mail not yet copied to the device needs a connection to read."),
    # caveats
    "pop3_backup": QT_TRANSLATE_NOOP(
        "recommend", "With POP3 your mail lives only on this device: back it up, or it is lost with the "
                     "device."),
    "pop3_no_uidl": QT_TRANSLATE_NOOP(
        "recommend", "The server cannot tell your mail program which messages it already has, so "
                     "messages cannot be left on the server: each one is removed once downloaded."),
    "pop3_several_devices": QT_TRANSLATE_NOOP(
        "recommend", "With POP3 on several devices, each downloads its own copies and none sees what the "
                     "others did."),
    "pop3_provider_backup": QT_TRANSLATE_NOOP(
        "recommend", "The provider's backups do not cover mail POP3 has removed from the server."),
    "imap_storage": QT_TRANSLATE_NOOP(
        "recommend", "IMAP keeps all mail on the server: delete or archive old mail before the mailbox "
                     "is full."),
    "imap_quota": QT_TRANSLATE_NOOP(
        "recommend", "The mailbox on the server holds {quota}; watch how full it is."),
    "imap_no_push": QT_TRANSLATE_NOOP(
        "recommend", "The server does not announce new mail: it shows up when your mail program next "
                     "checks."),
    "imap_no_backup": QT_TRANSLATE_NOOP(
        "recommend", "IMAP is not a backup: mail deleted on one device is deleted everywhere."),
}


# One line each under the choice, for people who have never heard of either.
PROTOCOL_DESCRIPTIONS: dict[str, str] = {
    "imap": QT_TRANSLATE_NOOP(
        "recommend", "Your mail stays on the server; every device shows the same mailbox."),
    "pop3": QT_TRANSLATE_NOOP(
        "recommend", "Your mail is downloaded to this device; the server keeps it only for a while, or not "
                     "at all."),
}


class Reason(NamedTuple):
    """One sentence: a stable ``code``, its English ``template`` and the values for its placeholders."""

    code: str
    template: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        """The English sentence (the GUI translates ``template`` first, then formats the same way)."""
        return self.template.format(**dict(self.params))

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "template": self.template, "params": dict(self.params),
                "text": self.text()}


def _r(code: str, **params: object) -> Reason:
    return Reason(code, TEXTS[code], tuple((k, str(v)) for k, v in params.items()))


@dataclass(frozen=True)
class Situation:
    """How the mailbox is used. ``devices`` may repeat ("computer", "computer", "phone")."""

    devices: tuple[str, ...] = ("computer",)
    shared: bool = False
    offline: bool = False  # needs all mail readable without a connection
    limited_storage: bool = False  # server storage is limited, or the person wants mail off the server
    backup: Backup = "unknown"  # who backs up: "me" (my device), "provider", "nobody", "unknown"

    def __post_init__(self) -> None:
        if not self.devices:
            raise InputError("devices: name at least one device (computer, phone, tablet, webmail)")
        bad = [d for d in self.devices if d not in DEVICES]
        if bad:
            raise InputError(f"devices: unknown device '{bad[0]}' (use {', '.join(DEVICES)})")
        if self.backup not in BACKUPS:
            raise InputError(f"backup: unknown value '{self.backup}' (use {', '.join(BACKUPS)})")

    @property
    def readers(self) -> int:
        """Devices that run a mail app (webmail reads the server directly)."""
        return sum(1 for d in self.devices if d != "webmail")


@dataclass(frozen=True)
class ServerFacts:
    """What the server offers. ``None`` means "not known" (no probe, or the server did not say).

    ``reached`` is False when no incoming server in use was ever reached (its probe failed, or settings
    typed by hand were not tested): then nothing is known and the advice says it is general. ``entered``
    marks protocols offered because the person typed their settings, not because a server said so.
    """

    imap_offered: bool = True
    pop3_offered: bool = True
    pop3_uidl: bool | None = None
    imap_idle: bool | None = None
    quota_bytes: int | None = None
    reached: bool = True
    entered: bool = False

    @classmethod
    def from_discovery(cls, result: DiscoveryResult) -> ServerFacts:
        """Offered means a usable (secure, verified) server was found; capabilities come from its probe."""
        return cls.from_probes(result.recommended.get("imap"), result.recommended.get("pop3"))

    @classmethod
    def from_probes(cls, imap: ProbeResult | None, pop3: ProbeResult | None) -> ServerFacts:
        """The facts of the IMAP and POP3 server in use (a Selection's, or typed in and tested).

        Capabilities count only from a server that answered: nothing is said about push or about leaving
        copies on the server from a probe that failed.
        """
        uidl = idle = None
        if pop3 is not None and pop3.status == "ok" and pop3.capabilities:
            uidl = any(c.upper().split()[0] == "UIDL" for c in pop3.capabilities if c.strip())
        if imap is not None and imap.status == "ok" and imap.capabilities:
            idle = any(c.upper() == "IDLE" for c in imap.capabilities)
        reached = any(p is not None and p.status == "ok" for p in (imap, pop3))
        return cls(imap_offered=imap is not None, pop3_offered=pop3 is not None, pop3_uidl=uidl,
                   imap_idle=idle, reached=reached)


@dataclass
class ClientSettings:
    """What to set in the mail app along with the protocol."""

    leave_on_server: bool | None = None  # POP3 only
    days_to_leave: int | None = None  # POP3 only
    keep_offline: KeepOffline | None = None  # IMAP only
    notes: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"leave_on_server": self.leave_on_server, "days_to_leave": self.days_to_leave,
                "keep_offline": self.keep_offline, "notes": [n.to_dict() for n in self.notes]}


@dataclass
class Recommendation:
    protocol: Literal["imap", "pop3"]
    strength: Literal["clear", "leaning"]
    reasons: list[Reason]
    settings: ClientSettings
    alternative: Literal["imap", "pop3"] | None
    alternative_costs: list[Reason]
    caveats: list[Reason]

    @property
    def leading(self) -> str:
        return self.reasons[0].code

    def to_dict(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol, "strength": self.strength,
            "reasons": [r.to_dict() for r in self.reasons], "settings": self.settings.to_dict(),
            "alternative": self.alternative,
            "alternative_costs": [r.to_dict() for r in self.alternative_costs],
            "caveats": [r.to_dict() for r in self.caveats],
        }


def human_size(n: int) -> str:
    """Storage sizes as people read them (1.5 GiB)."""
    if n < 1024:
        return f"{n} bytes"
    value, unit = float(n), "bytes"
    for name in ("KiB", "MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, name
    return f"{value:.1f} {unit}"


def _choose(s: Situation, f: ServerFacts) -> tuple[Literal["imap", "pop3"], bool, Reason]:
    """The protocol, whether the choice is clear, and the leading reason. Order of the rules matters."""
    if not f.imap_offered and not f.pop3_offered:
        raise AssistantError(code="neither_protocol")
    if not f.pop3_offered:
        return "imap", True, _r("only_imap_entered" if f.entered else "only_imap_offered")
    if not f.imap_offered:
        return "pop3", True, _r("only_pop3_entered" if f.entered else "only_pop3_offered")
    if "webmail" in s.devices:
        return "imap", True, _r("webmail_in_use")
    if s.shared:
        return "imap", True, _r("shared_mailbox")
    if s.readers > 1:
        return "imap", True, _r("several_devices", count=s.readers)
    # One device with a mail app from here on.
    mobile = s.devices[0] in ("phone", "tablet")
    small_quota = f.quota_bytes is not None and f.quota_bytes < SMALL_QUOTA_BYTES
    if s.limited_storage:
        return "pop3", s.offline, _r("storage_limited")
    if small_quota and not mobile:
        return "pop3", False, _r("quota_small", quota=human_size(f.quota_bytes or 0))
    if s.backup == "nobody":
        return "imap", False, _r("no_backup_keep_on_server")
    if s.backup == "provider":
        return "imap", False, _r("provider_backup")
    if mobile:
        return "imap", False, _r("mobile_device")
    if s.offline:
        return "pop3", False, _r("offline_single_device")
    return "imap", False, _r("default_imap")


def recommend(situation: Situation, facts: ServerFacts) -> Recommendation:
    """Pick IMAP or POP3 with reasons, settings, the alternative's costs and caveats."""
    s, f = situation, facts
    protocol, clear, lead = _choose(s, f)
    reasons = [lead]
    caveats: list[Reason] = []
    settings = ClientSettings()
    other: Literal["imap", "pop3"] = "pop3" if protocol == "imap" else "imap"
    offered_other = f.pop3_offered if other == "pop3" else f.imap_offered
    costs: list[Reason] = []
    if protocol == "imap":
        if f.imap_idle:
            reasons.append(_r("imap_push"))
        computers = "computer" in s.devices
        settings.keep_offline = "all" if (s.offline or computers) else "recent"
        settings.notes.append(_r("imap_offline_all" if settings.keep_offline == "all"
                                 else "imap_offline_recent"))
        if s.limited_storage:
            caveats.append(_r("imap_storage"))
        if f.quota_bytes is not None:
            caveats.append(_r("imap_quota", quota=human_size(f.quota_bytes)))
        if f.imap_idle is False:
            caveats.append(_r("imap_no_push"))
        caveats.append(_r("imap_no_backup"))
        if offered_other:
            if s.readers > 1 or s.shared:
                costs.append(_r("cost_pop3_sync"))
            if "webmail" in s.devices:
                costs.append(_r("cost_pop3_webmail"))
            costs.append(_r("cost_pop3_device_loss"))
    else:
        can_leave = f.pop3_uidl is not False
        settings.leave_on_server = can_leave and not s.limited_storage
        if f.pop3_uidl and settings.leave_on_server:  # never "copies can stay" next to "remove them"
            reasons.append(_r("pop3_uidl"))
        settings.days_to_leave = DEFAULT_DAYS_ON_SERVER if settings.leave_on_server else None
        settings.notes.append(_r("pop3_leave_days", days=DEFAULT_DAYS_ON_SERVER)
                              if settings.leave_on_server else _r("pop3_remove"))
        caveats.append(_r("pop3_backup"))
        if not can_leave:
            caveats.append(_r("pop3_no_uidl"))
        if s.readers > 1 or s.shared or "webmail" in s.devices:
            caveats.append(_r("pop3_several_devices"))
        if s.backup == "provider":
            caveats.append(_r("pop3_provider_backup"))
        if offered_other:
            costs.append(_r("cost_imap_storage"))
            if s.offline:
                costs.append(_r("cost_imap_online"))
    if f.entered and not offered_other:  # the person typed one protocol: say when the other would suit
        other_choice, _, other_lead = _choose(s, ServerFacts(reached=f.reached))
        if other_choice != protocol:
            caveats[:0] = [_r("entered_other_suits", protocol=other.upper()), other_lead]
    if not f.reached:  # said first: nothing below comes from the server
        caveats.insert(0, _r("advice_untested" if f.entered else "advice_general"))
    return Recommendation(
        protocol=protocol, strength="clear" if clear else "leaning", reasons=reasons, settings=settings,
        alternative=other if offered_other else None, alternative_costs=costs, caveats=caveats)
