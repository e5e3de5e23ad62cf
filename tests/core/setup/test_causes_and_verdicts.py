"""The verdicts a person reads, in the core without Qt or a network: the cause of a risk is named and
carried, a password refused for safety is "not tested", settings that work are not "ready to use" before a
sign-in, the manual page starts from what was found, a ticked program is a device, typed settings are the
person's choice, a name is not an address, lists and brackets follow the reader's language."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.core.advice.programs import devices_with_programs
from assistant.core.advice.recommend import ServerFacts, Situation, recommend
from assistant.core.model.account import ServerConfig
from assistant.core.model.address import AddressError, parse_address
from assistant.core.model.results import Candidate, ProbeResult, TlsFacts
from assistant.core.profiles.sheet import write_sheet
from assistant.core.setup.causes import probe_cause
from assistant.core.setup.flow import Page
from assistant.core.setup.summary import summarize, used
from assistant.core.words.i18n import aside, fill, listed
from tests.core.profiles.test_samples import IMAP_ACCOUNT
from tests.core.setup.test_outcome import GOOD, by_hand, discovered, probe, result, signed_in

EXPIRED = replace(probe("imap", "mail.expired.test", 993, verified=False, status="tls_error"),
                  tls=TlsFacts(verified=False, problems=["expired"], not_after="2026-12-03T00:00:00",
                               fingerprint_sha256="AB" * 32))
SMTP = probe("smtp", "smtp.expired.test", 465)


def plain(proto: str, port: int) -> ProbeResult:
    return ProbeResult(Candidate(proto, "mail.plain.test", port, "plain", "srv"), "ok",  # type: ignore[arg-type]
                       warnings=["starttls_missing"])


def test_an_accepted_expired_certificate_is_named_with_what_to_ask() -> None:
    s = discovered(result(EXPIRED, SMTP))
    s.confirm("mail.expired.test")
    o = s.outcome()
    assert o.status == "ready_with_risk" and [c.code for c in o.causes] == ["expired"]
    assert o.details()[0] == ("The certificate of mail.expired.test expired on 2026-12-03; ask your provider "
                              "to renew it.")
    assert "expired" in o.codes  # the helpdesk's copy names it too


def test_a_declined_risk_is_where_the_manual_page_starts_and_its_cause_is_said() -> None:
    s = discovered(result(EXPIRED, SMTP))
    s.edit_manually(True)  # the person did not tick the box, and went on by hand
    start = s.manual_start()
    assert start.incoming is not None and start.incoming.host == "mail.expired.test"
    assert start.outgoing is not None and start.outgoing.host == "smtp.expired.test"
    assert [c.code for c in start.causes] == ["expired"]
    s.set_manual(start.incoming, start.outgoing)
    s.manual_tested([replace(EXPIRED), SMTP])
    o = s.outcome()
    # Not "the settings you entered did not work … ask for the settings": the provider must renew it.
    assert (o.status, o.next_step, o.back_to) == ("not_working", "ask_provider_fix", Page.MANUAL)
    assert "expired on 2026-12-03; ask your provider to renew it" in o.headline()
    assert "you entered" not in o.headline()
    s.manual_failure_accepted = True
    o = s.outcome()
    assert o.status == "ready_with_risk" and "renew it" in o.details()[0]


def test_an_accepted_certificate_carries_into_settings_by_hand() -> None:
    s = discovered(result(EXPIRED, SMTP))
    s.confirm("mail.expired.test")
    s.edit_manually(True)
    start = s.manual_start()
    assert start.incoming is not None and start.outgoing is not None and not start.causes
    s.set_manual(start.incoming, start.outgoing)
    s.manual_tested([replace(EXPIRED), SMTP])
    assert s.uses_manual and s.state.manual_check == "ok"  # the very certificate accepted: no new question
    assert s.pins() == {"imap": ("ab" * 32,)}
    o = s.outcome()
    assert o.status == "ready_with_risk" and [c.code for c in o.causes] == ["expired"]
    other = replace(EXPIRED, tls=TlsFacts(verified=False, problems=["expired"], fingerprint_sha256="CD" * 32))
    s.manual_tested([other, SMTP])
    assert s.state.manual_check == "failed" and s.pins() == {}  # another certificate is another question


def test_a_plaintext_server_found_is_said_found_and_started_from() -> None:
    r = result(plain("imap", 143), plain("smtp", 587))
    s = discovered(r)
    summary = summarize(r, s.selection)
    assert [line.code for line in summary.lines] == ["line_plain", "line_plain"]
    assert "no server was found" not in " ".join(line.text() for line in summary.lines)
    start = s.manual_start()
    assert start.incoming == ServerConfig("imap", "mail.plain.test", 143, "plain")
    assert [c.code for c in start.causes] == ["no_encryption", "no_encryption"]


def test_a_password_not_sent_for_safety_is_not_tested_not_failed() -> None:
    s = by_hand()
    s.set_manual(ServerConfig("imap", "mail.plain.test", 143, "plain"),
                 ServerConfig("smtp", "mail.plain.test", 587, "plain"))
    s.manual_tested([probe("imap", "mail.plain.test", 143, "plain"),
                     probe("smtp", "mail.plain.test", 587, "plain")])
    o = s.outcome()
    assert o.status == "ready_with_risk" and "signing in was not tested" in " ".join(o.details())
    assert o.fields["hosts"].count("mail.plain.test") == 1  # one server for both directions: named once
    assert o.details()[0] == "mail.plain.test: your password and mail travel without encryption."
    s.password = "pw"
    signed_in(s, incoming="plaintext_refused", outgoing="plaintext_refused")
    assert s.signin_not_sent and s.keychain_skipped() is None  # nothing was tried with it
    o = s.outcome()
    assert o.status == "ready_with_risk" and o.back_to is None  # no "try the password again"
    assert "password_not_sent" in o.reasons and "signin_failed" not in o.reasons


def test_a_certificate_that_fails_only_at_sign_in_is_an_alarm_not_untested() -> None:
    s = discovered(GOOD)
    signed_in(s, incoming="certificate_not_trusted")
    assert not s.signin_not_sent and s.outcome().status == "not_working"


def test_working_servers_are_not_ready_to_use_before_a_sign_in() -> None:
    assert discovered(GOOD).outcome().title() == "Settings ready"
    s = discovered(GOOD)
    signed_in(s)
    assert s.outcome().title() == "Ready to use"


@pytest.mark.parametrize(("status", "code", "words"), [
    ("dns_error", "no_such_host", "does not exist; ask your provider for the right name"),
    ("timeout", "no_answer", "did not answer on port 993"),
    ("refused", "refused", "refused connections on port 993"),
])
def test_every_failure_by_hand_has_a_cause_in_words(status: str, code: str, words: str) -> None:
    cause = probe_cause(probe("imap", "imap.example.test", 993, status=status))
    assert cause is not None and cause.code == code and words in cause.text()
    s = by_hand(probe("imap", "imap.example.test", 993, status=status),
                probe("smtp", "smtp.example.test", 465))
    assert words in s.outcome().headline() and s.outcome().next_step == "call_provider"


def test_the_details_say_will_be_used_only_once_it_may_be() -> None:
    s = discovered(result(EXPIRED, SMTP))
    assert not used(EXPIRED, s.selection)
    s.confirm("mail.expired.test")
    assert used(EXPIRED, s.selection)


def test_a_ticked_program_is_a_device_reading_the_mail() -> None:
    assert devices_with_programs(("computer",), ("iphone",)) == ("computer", "phone")
    assert devices_with_programs(("computer", "tablet"), ("iphone",)) == ("computer", "tablet")
    assert devices_with_programs(("phone",), ("thunderbird",)) == ("computer", "phone")
    s = discovered(result(*GOOD.candidates, probe("pop3", "pop.example.test", 995)))
    s.devices_answered(Situation(("computer",)), ["iphone", "outlook"])
    assert s.programs == ("outlook", "iphone") and s.situation.readers == 2
    rec = s.recommend()
    assert rec.leading == "several_devices"
    assert "adding a phone later" not in " ".join(r.text() for r in rec.reasons)


def test_settings_typed_for_pop3_are_the_persons_choice_and_say_what_would_suit() -> None:
    rec = recommend(Situation(("computer", "phone")), ServerFacts(imap_offered=False, entered=True))
    assert rec.protocol == "pop3" and rec.leading == "only_pop3_entered"
    assert [c.code for c in rec.caveats[:2]] == ["entered_other_suits", "several_devices"]
    assert rec.caveats[0].text() == "For the way you read mail, IMAP would suit you better, for this reason:"
    suits = recommend(Situation(("computer",), limited_storage=True),
                      ServerFacts(imap_offered=False, entered=True))
    assert not any(c.code == "entered_other_suits" for c in suits.caveats)  # POP3 suits: nothing to say


def test_the_pop3_description_never_contradicts_leaving_mail_on_the_server() -> None:
    from assistant.core.advice.recommend import PROTOCOL_DESCRIPTIONS
    rec = recommend(Situation(("computer",), offline=True), ServerFacts(pop3_uidl=True))
    assert rec.protocol == "pop3" and rec.settings.leave_on_server
    assert "removed from the server" not in PROTOCOL_DESCRIPTIONS["pop3"]


@pytest.mark.parametrize("text", ["Alice Liddell", "Alice Liddell example.com"])
def test_a_name_typed_as_address_says_it_needs_an_at(text: str) -> None:
    with pytest.raises(AddressError) as err:
        parse_address(text)
    assert err.value.code == "no_at"
    assert str(err.value) == "An email address needs an @, like ann@example.com."
    assert parse_address("example.com").domain == "example.com"  # the CLI still takes a bare domain


def test_lists_and_brackets_are_written_as_the_reader_writes_them() -> None:
    zh = {", ": "、", " (": "（", ")": "）"}

    def translate(context: str, text: str) -> str:
        return zh.get(text, text) if context == "lists" else text

    value = listed([aside("mail.plain.test", "IMAP"), "POP3"])
    assert fill("{x}", "{x}", {"x": value}) == "mail.plain.test (IMAP), POP3"
    assert fill("{x}", "{x}", {"x": value}, translate) == "mail.plain.test（IMAP）、POP3"


def test_the_sheet_says_its_language_and_shows_no_second_table() -> None:
    def zh(context: str, text: str) -> str:
        return "zh-Hant-TW" if (context, text) == ("sheet", "en") else text

    assert '<html lang="en">' in write_sheet(IMAP_ACCOUNT).decode()
    html = write_sheet(IMAP_ACCOUNT, translate=zh).decode()
    assert '<html lang="zh-Hant-TW">' in html
    assert html.count("<table>") == 2  # incoming and outgoing; the other protocol is one line
    assert '<html lang="en">' in write_sheet(IMAP_ACCOUNT, translate=lambda c, t: "<x>" if t == "en" else t
                                             ).decode()  # a broken tag is never written


def test_an_expired_certificate_found_now_has_its_date() -> None:
    p = replace(EXPIRED, tls=TlsFacts(verified=False, problems=["expired"], not_after="2025-01-02T00:00:00"))
    cause = probe_cause(p)
    assert cause is not None and "expired on 2025-01-02" in cause.text()
