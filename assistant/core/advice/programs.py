"""Per mail program: the steps to add the account and the exact values, in that program's own words.

A person setting up classic or new Outlook, Apple Mail, Thunderbird, an iPhone or an Android phone (Gmail,
Samsung Email, Thunderbird for Android) needs the menu path and the values to type — the server, the port,
the security as that program names it ("Use SSL: On", "Encryption method: SSL/TLS") and the user name as
the real address, never ``%EMAILADDRESS%``. The
wizard shows these (copyable) and the setup sheet prints the same. Qt-free: every sentence is a template
(context "sheet", shared with the sheet) rendered by whoever shows it, through its own ``translate``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant.core.advice import provider_steps
from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.model.address import expand
from assistant.core.model.provider import language
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate

PROGRAMS: tuple[str, ...] = ("outlook", "outlook_new", "apple_mail", "thunderbird", "iphone", "android")
APPLE = frozenset({"apple_mail", "iphone"})  # the programs an Apple profile (.mobileconfig) sets up
# What each program tells about where mail is read (the recommendation counts these devices too).
DEVICES: dict[str, str] = {"outlook": "computer", "outlook_new": "computer", "apple_mail": "computer",
                           "thunderbird": "computer", "iphone": "phone", "android": "phone"}

# What the devices page offers to tick (short) and the heading of each program's steps. Windows Mail is
# not offered: it stopped sending and receiving at the end of 2024, and the new Outlook replaced it.
CHOICES: dict[str, str] = {
    "outlook": QT_TRANSLATE_NOOP("sheet", "&Outlook (classic)"),
    "outlook_new": QT_TRANSLATE_NOOP("sheet", "New O&utlook for Windows (replaces Windows Mail)"),
    "apple_mail": QT_TRANSLATE_NOOP("sheet", "Appl&e Mail (Mac)"),
    "thunderbird": QT_TRANSLATE_NOOP("sheet", "T&hunderbird"),
    "iphone": QT_TRANSLATE_NOOP("sheet", "iPhone or iPa&d"),
    "android": QT_TRANSLATE_NOOP("sheet", "And&roid"),
}

# The steps follow each program as it is today (sources in docs/gui.md, "Steps for each mail program").
TEXTS: dict[str, str] = {
    "outlook": QT_TRANSLATE_NOOP("sheet", "Classic Outlook on Windows"),
    "outlook_new": QT_TRANSLATE_NOOP("sheet", "New Outlook for Windows"),
    "apple_mail": QT_TRANSLATE_NOOP("sheet", "Apple Mail on macOS"),
    "thunderbird": QT_TRANSLATE_NOOP("sheet", "Thunderbird (Windows, macOS, Linux)"),
    "iphone": QT_TRANSLATE_NOOP("sheet", "Mail on iPhone and iPad"),
    "android": QT_TRANSLATE_NOOP("sheet", "Android (Gmail, Samsung Email, Thunderbird for Android)"),
    "other": QT_TRANSLATE_NOOP("sheet", "Any mail program"),
    "outlook_1": QT_TRANSLATE_NOOP("sheet", "In Outlook choose File › Add Account."),
    "outlook_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter {address}, open Advanced options, tick “Let me set up my account manually” and "
                 "choose Connect."),
    "outlook_3": QT_TRANSLATE_NOOP(
        "sheet", "Choose {protocol}, enter the server values, then your password."),
    "outlook_new_1": QT_TRANSLATE_NOOP(
        "sheet", "Open the new Outlook (it replaced Windows Mail, which stopped working at the end of 2024) "
                 "and choose Settings › Accounts › Email accounts › Add account."),
    "outlook_new_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter {address} and choose Continue; when Outlook asks which kind of account it is, "
                 "choose {protocol}."),
    "outlook_new_3": QT_TRANSLATE_NOOP(
        "sheet", "Enter your password, open Show more and enter the server values; then choose Continue."),
    "apple_mail_file": QT_TRANSLATE_NOOP(
        "sheet", "Open {file} on your Mac, then install it in System Settings › General › Device "
                 "Management (macOS 15 and later) or System Settings › Privacy & Security › Profiles "
                 "(macOS 14 and earlier)."),
    "apple_mail_1": QT_TRANSLATE_NOOP(
        "sheet", "In Mail choose Mail › Settings › Accounts › + › Other Mail Account."),
    "apple_mail_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter your name, {address} and your password; choose Sign In."),
    "apple_ios_file": QT_TRANSLATE_NOOP(
        "sheet", "Open {file} on the iPhone or iPad: scan the iPhone code under “Set up your phone” (the "
                 "phone must be on the same Wi-Fi as this computer), or send the file from a Mac with "
                 "AirDrop. Then open Settings › Profile Downloaded › Install: it takes a few screens, asks "
                 "for your passcode, and iOS calls the profile “Not Verified” because it is not signed."),
    "iphone_by_hand": QT_TRANSLATE_NOOP(
        "sheet", "Or add the account by hand: open Settings › Apps › Mail › Mail Accounts › Add Account › "
                 "Other › Add Mail Account (iOS 17 and earlier: Settings › Mail › Accounts)."),
    "iphone_1": QT_TRANSLATE_NOOP(
        "sheet", "Open Settings › Apps › Mail › Mail Accounts › Add Account › Other › Add Mail Account "
                 "(iOS 17 and earlier: Settings › Mail › Accounts)."),
    "iphone_2": QT_TRANSLATE_NOOP("sheet", "Enter your name, {address} and your password; choose Next."),
    "apple_3": QT_TRANSLATE_NOOP("sheet", "Choose {protocol} and fill in the server values; then Save."),
    "file_values": QT_TRANSLATE_NOOP(
        "sheet", "The file holds the server values; you need them only to set the account up by hand."),
    "thunderbird_1": QT_TRANSLATE_NOOP(
        "sheet", "In Thunderbird open ≡ › Account Settings › Account Actions › Add Mail Account."),
    "thunderbird_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter your name, {address} and your password; choose Configure manually."),
    "thunderbird_3": QT_TRANSLATE_NOOP("sheet", "Enter the server values, choose Re-test, then Done."),
    "android_gmail": QT_TRANSLATE_NOOP(
        "sheet", "Gmail app: tap your profile picture › Add another account › Other, enter {address}, "
                 "choose Manual setup and then Personal ({protocol})."),
    "android_samsung": QT_TRANSLATE_NOOP(
        "sheet", "Samsung Email: choose Add account › Other, enter {address} and your password, choose "
                 "Manual setup and then {protocol} account."),
    "android_thunderbird": QT_TRANSLATE_NOOP(
        "sheet", "Thunderbird for Android or K-9 Mail: choose Add account, enter {address} and choose "
                 "Manual setup, then {protocol}."),
    "android_values": QT_TRANSLATE_NOOP(
        "sheet", "In each app enter the incoming server values, then the outgoing ones."),
    "other_1": QT_TRANSLATE_NOOP(
        "sheet", "Add a new mail account, choose to set it up by hand and enter the server values."),
    "incoming": QT_TRANSLATE_NOOP("sheet", "Incoming mail ({protocol})"),
    "outgoing": QT_TRANSLATE_NOOP("sheet", "Outgoing mail (SMTP)"),
    "account_type": QT_TRANSLATE_NOOP("sheet", "Account type"),
    "server": QT_TRANSLATE_NOOP("sheet", "Server"),
    "port": QT_TRANSLATE_NOOP("sheet", "Port"),
    "username": QT_TRANSLATE_NOOP("sheet", "User name"),
    "security": QT_TRANSLATE_NOOP("sheet", "Connection security"),
    "security_type": QT_TRANSLATE_NOOP("sheet", "Security type"),
    "secure_connection": QT_TRANSLATE_NOOP("sheet", "Secure connection type"),
    "encryption": QT_TRANSLATE_NOOP("sheet", "Encryption method"),
    "use_tls": QT_TRANSLATE_NOOP("sheet", "Use TLS/SSL"),
    "use_ssl": QT_TRANSLATE_NOOP("sheet", "Use SSL"),
    "auth_method": QT_TRANSLATE_NOOP("sheet", "Authentication method"),
    "normal_password": QT_TRANSLATE_NOOP("sheet", "Normal password"),
    "on": QT_TRANSLATE_NOOP("sheet", "On"),
    "off": QT_TRANSLATE_NOOP("sheet", "Off"),
    "none_word": QT_TRANSLATE_NOOP("sheet", "None"),
    "your_address": QT_TRANSLATE_NOOP("sheet", "your full email address"),
    "your_local": QT_TRANSLATE_NOOP("sheet", "the part of your email address before the @"),
}
TEXTS.update(provider_steps.TEXTS)  # a recognised provider's own steps (provider_steps.py), same context
_WORDS = {"%EMAILADDRESS%": "your_address", "%EMAILLOCALPART%": "your_local"}

# How each program names the security setting: "words" (SSL/TLS, STARTTLS, None) or a switch (On/Off).
_SECURITY_ROW: dict[str, tuple[str, str]] = {
    "outlook": ("encryption", "words"), "outlook_new": ("secure_connection", "words"),
    "thunderbird": ("security", "words"), "android": ("security_type", "words"),
    "other": ("security", "words"), "apple_mail": ("use_tls", "switch"), "iphone": ("use_ssl", "switch"),
}
_STEPS: dict[str, tuple[str, ...]] = {
    "outlook": ("outlook_1", "outlook_2", "outlook_3"),
    "outlook_new": ("outlook_new_1", "outlook_new_2", "outlook_new_3"),
    "apple_mail": ("apple_mail_1", "apple_mail_2", "apple_3"),
    "iphone": ("iphone_1", "iphone_2", "apple_3"),
    "thunderbird": ("thunderbird_1", "thunderbird_2", "thunderbird_3"),
    "android": ("android_gmail", "android_samsung", "android_thunderbird", "android_values"),
    "other": ("other_1",),
}
# With a saved Apple profile: open it; the Mac needs the values only by hand, the iPhone gets the manual
# route too (the profile needs a few screens and the same Wi-Fi, or a Mac to AirDrop it from).
_FILE_STEPS: dict[str, tuple[str, ...]] = {
    "apple_mail": ("apple_mail_file", "file_values"),
    "iphone": ("apple_ios_file", "iphone_by_hand", "iphone_2", "apple_3"),
}


@dataclass(frozen=True)
class Text:
    """A template (a key of TEXTS, or an exact value when ``code`` is None) and the fields it names."""

    code: str | None
    value: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    # Fields whose value is itself a key of TEXTS (translated first), and a provider's names by language
    # (the ``{provider}`` field, in the reader's language): provider_steps.py uses both.
    words: tuple[tuple[str, str], ...] = ()
    names: tuple[tuple[str, str], ...] = ()

    def render(self, translate: Translate | None = None) -> str:
        if self.code is None:
            return self.value  # a server name, a port, an address: never translated
        template = TEXTS[self.code]
        fields = dict(self.fields)
        fields.update({name: Text(code).render(translate) for name, code in self.words})
        if self.names:
            names = dict(self.names)
            fields["provider"] = names.get(language(translate)) or names.get("en") or ""
        if translate is not None:
            try:
                return translate("sheet", template).format(**fields)
            except (KeyError, IndexError, ValueError):
                pass  # a broken translation falls back to English
        return template.format(**fields)


def _t(code: str, **fields: str) -> Text:
    return Text(code, fields=tuple(fields.items()))


def _v(value: object) -> Text:
    return Text(None, str(value))


@dataclass(frozen=True)
class Section:
    """The values for one server, as (label, value) rows."""

    title: Text
    rows: tuple[tuple[Text, Text], ...]


@dataclass(frozen=True)
class Instructions:
    """One program: its name, numbered steps, the values to type and the file to open (if any)."""

    program: str
    name: Text
    steps: tuple[Text, ...]
    sections: tuple[Section, ...]
    file: str | None = None

    def plain_text(self, translate: Translate | None = None) -> str:
        """The steps and values as plain text, for the clipboard."""
        lines = [self.name.render(translate)]
        lines += [f"{i}. {step.render(translate)}" for i, step in enumerate(self.steps, 1)]
        for section in self.sections:
            lines.append(section.title.render(translate))
            lines += [f"    {k.render(translate)}: {v.render(translate)}" for k, v in section.rows]
        return "\n".join(lines)


def _protocol(server: ServerConfig, program: str) -> str:
    return server.protocol.upper()


def _section(server: ServerConfig, program: str, address: str | None, incoming: bool,
             method: str | None = None) -> Section:
    """One server in ``program``'s words; the user name and host with the address filled in."""
    host = expand(server.host, address) or server.host
    name = server.username or "%EMAILADDRESS%"
    user = _v(expand(name, address)) if expand(name, address) else (
        _t(_WORDS[name]) if name in _WORDS else _v(name))
    label, style = _SECURITY_ROW[program]
    if style == "switch":
        secure = _t("off" if server.security == "plain" else "on")
    else:
        secure = _v({"ssl": "SSL/TLS", "starttls": "STARTTLS"}[server.security]) \
            if server.security != "plain" else _t("none_word")
    rows: list[tuple[Text, Text]] = []
    if incoming:
        rows.append((_t("account_type"), _v(_protocol(server, program))))
    rows += [(_t("server"), _v(host)), (_t("port"), _v(server.port))]
    rows.append((_t(label), secure))
    if server.auth != "none":
        rows.append((_t("username"), user))
        method = method or ("normal_password" if server.auth == "password-cleartext" else None)
        if program in ("thunderbird", "android", "other") and method:
            rows.append((_t("auth_method"), _t(method)))
    title = _t("incoming", protocol=_protocol(server, "")) if incoming else _t("outgoing")
    return Section(title, tuple(rows))


def instructions(account: AccountConfig, programs: tuple[str, ...] = (),
                 files: Mapping[str, str] | None = None) -> list[Instructions]:
    """The steps for each of ``programs`` (codes of PROGRAMS; none: one block for any program) with the
    account's chosen incoming and outgoing server. ``files`` maps a format ("mobileconfig") to the name of
    the file saved for it, which Apple Mail and the iPhone open instead of typing."""
    files = files or {}
    incoming, outgoing = account.incoming[0], account.outgoing[0]
    out: list[Instructions] = []
    for program in [p for p in PROGRAMS if p in programs] or ["other"]:
        method = provider_steps.method_word(account.sign_in, program)
        sections = (_section(incoming, program, account.address, True, method),
                    _section(outgoing, program, account.address, False, method))
        fields = {"address": account.address or "", "protocol": _protocol(incoming, program)}
        profile = files.get("mobileconfig") if program in APPLE else None
        steps: tuple[Text, ...]
        own = _provider_steps(account, program, fields, profile)
        if own is not None:
            steps, profile = own, None
        else:
            codes = _FILE_STEPS[program] if profile else _STEPS[program]
            steps = tuple(_t(code, **fields, file=profile or "") for code in codes)
        out.append(Instructions(program, _t(program), steps, sections, profile))
    return out


def _provider_steps(account: AccountConfig, program: str, fields: dict[str, str],
                    profile: str | None) -> tuple[Text, ...] | None:
    """A recognised provider's own route for ``program`` (provider_steps.py), or None for the generic one."""
    sign_in = account.sign_in
    if sign_in is None or not provider_steps.applies(sign_in):
        return None
    found = provider_steps.steps(sign_in, program, fields["address"], fields["protocol"], profile)
    if found is None:
        return None
    return tuple(Text(s.code, fields=s.fields, words=s.words, names=s.names) for s in found)


def devices_with_programs(devices: tuple[str, ...], programs: tuple[str, ...]) -> tuple[str, ...]:
    """The devices the person ticked, and the kind each program ticked runs on when none of that kind was
    ticked: "iPhone or iPad" means a phone reads this mailbox even with "On a phone" left empty."""
    out = list(devices)
    kinds = {DEVICES[p] for p in programs if p in DEVICES}
    if "phone" in kinds and not {"phone", "tablet"} & set(out):
        out.append("phone")
    if "computer" in kinds and "computer" not in out:
        out.insert(0, "computer")
    return tuple(out)
