"""Per mail program: the steps and the exact values, with the real address and never a placeholder."""

from __future__ import annotations

from dataclasses import replace

from assistant.core.advice.programs import APPLE, CHOICES, PROGRAMS, TEXTS, instructions
from assistant.core.model.account import ServerConfig
from assistant.core.profiles import export_profile
from assistant.core.profiles.sheet import write_sheet
from tests.core.profiles.test_samples import IMAP_ACCOUNT, POP3_ACCOUNT


def values(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("    "):
            key, _, value = line.strip().partition(": ")
            out.setdefault(key, []).append(value)
    return out


def test_every_program_gets_steps_and_the_exact_values() -> None:
    proved = replace(IMAP_ACCOUNT, incoming=(replace(IMAP_ACCOUNT.incoming[0], username="%EMAILLOCALPART%"),
                                             *IMAP_ACCOUNT.incoming[1:]))
    got = instructions(proved, PROGRAMS)
    assert [i.program for i in got] == list(PROGRAMS)
    for steps in got:
        text = steps.plain_text()
        assert "%" not in text, text  # placeholders are filled from the address
        v = values(text)
        assert v["User name"] == ["alice", "alice@example.com"]  # incoming proved the local part
        assert any("imap.example.com" in s for s in v["Server"]) and steps.steps
    new_outlook = values(got[PROGRAMS.index("outlook_new")].plain_text())  # Windows Mail's successor
    assert new_outlook["Secure connection type"] == ["SSL/TLS", "SSL/TLS"]
    assert new_outlook["Server"] == ["imap.example.com", "smtp.example.com"] and new_outlook["Port"]
    outlook = values(got[0].plain_text())
    assert outlook["Encryption method"] == ["SSL/TLS", "SSL/TLS"] and outlook["Port"] == ["993", "465"]
    android = got[PROGRAMS.index("android")]
    assert [s.code for s in android.steps][:2] == ["android_gmail", "android_samsung"]
    assert values(android.plain_text())["Security type"] == ["SSL/TLS", "SSL/TLS"]


def test_no_program_of_the_past() -> None:
    """Windows Mail stopped sending and receiving at the end of 2024: nobody is told to use it, and the
    new Outlook that replaced it says so."""
    every = "\n".join(i.plain_text() for i in instructions(IMAP_ACCOUNT, PROGRAMS))
    assert "Windows Mail" not in every.replace("it replaced Windows Mail, which stopped working", "")
    assert "windows_mail" not in PROGRAMS and "Windows Mail" in CHOICES["outlook_new"]


def test_security_in_each_programs_words() -> None:
    account = replace(IMAP_ACCOUNT, outgoing=(ServerConfig("smtp", "smtp.example.com", 587, "starttls"),))
    [thunderbird, iphone] = instructions(account, ("iphone", "thunderbird"))  # always in PROGRAMS order
    assert values(thunderbird.plain_text())["Connection security"] == ["SSL/TLS", "STARTTLS"]
    assert values(iphone.plain_text())["Use SSL"] == ["On", "On"] and iphone.program == "iphone"


def test_no_program_gives_one_block_for_any_program() -> None:
    [steps] = instructions(IMAP_ACCOUNT)
    assert steps.program == "other" and "alice@example.com" in steps.plain_text()


def test_without_an_address_the_user_name_is_said_in_words() -> None:
    [steps] = instructions(POP3_ACCOUNT, ("android",))
    assert values(steps.plain_text())["User name"] == ["your full email address"] * 2


def test_apple_programs_open_the_profile_when_one_was_saved() -> None:
    files = {"mobileconfig": "alice.mobileconfig"}
    got = {i.program: i for i in instructions(IMAP_ACCOUNT, PROGRAMS, files)}
    for program in PROGRAMS:
        first = got[program].steps[0].render()
        assert ("alice.mobileconfig" in first) == (program in APPLE), (program, first)
        assert got[program].file == (files["mobileconfig"] if program in APPLE else None)


def test_translation_goes_through_the_sheet_context() -> None:
    seen: set[str] = set()

    def translate(context: str, text: str) -> str:
        assert context == "sheet"
        seen.add(text)
        return text.upper() if "{" not in text else text

    text = instructions(IMAP_ACCOUNT, ("outlook",))[0].plain_text(translate)
    assert "CLASSIC OUTLOOK ON WINDOWS" in text and "imap.example.com" in text  # values are not translated
    assert seen <= set(TEXTS.values()) and set(CHOICES) == set(PROGRAMS)


def test_the_sheet_prints_the_chosen_programs_with_their_values() -> None:
    html = write_sheet(IMAP_ACCOUNT, programs=("outlook_new", "iphone"),
                       files={"mobileconfig": "alice.mobileconfig"}).decode()
    assert "New Outlook for Windows" in html and "Secure connection type" in html
    assert "alice.mobileconfig" in html and "Classic Outlook on Windows" not in html
    every = export_profile(IMAP_ACCOUNT, "sheet").decode()  # the CLI: every program's steps
    assert all(TEXTS[p] in every for p in PROGRAMS)


def test_the_sheet_says_first_when_the_settings_are_untested() -> None:
    notice = "The settings for alice@example.com were not tested <yet>."
    html = write_sheet(IMAP_ACCOUNT, notice=notice).decode()
    assert "not tested &lt;yet&gt;" in html and html.index("not tested") < html.index("Incoming mail")
    assert "border:2px" not in write_sheet(IMAP_ACCOUNT).decode()
