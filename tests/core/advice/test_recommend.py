"""IMAP or POP3: a table of situations, each with the protocol and the leading reason it must produce."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

import assistant.core.advice.recommend as recommend_module
from assistant.cli.recommend import document
from assistant.core.advice.recommend import TEXTS, ServerFacts, Situation, human_size, recommend
from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.words.errors import AssistantError, InputError
from tests.support.paths import SCHEMAS

BOTH = ServerFacts()
NO_UIDL = ServerFacts(pop3_uidl=False)
UIDL = ServerFacts(pop3_uidl=True)
IMAP_ONLY = ServerFacts(pop3_offered=False)
POP3_ONLY = ServerFacts(imap_offered=False)
IDLE = ServerFacts(imap_idle=True)
SMALL = ServerFacts(quota_bytes=200 * 1024 ** 2)
BIG = ServerFacts(quota_bytes=50 * 1024 ** 3)


def S(devices: str = "computer", **kw: object) -> Situation:
    return Situation(devices=tuple(devices.split(",")), **kw)  # type: ignore[arg-type]


SCENARIOS = [
    # (id, situation, facts, protocol, leading reason)
    ("one-computer-default", S(), BOTH, "imap", "default_imap"),
    ("one-computer-offline", S(offline=True), BOTH, "pop3", "offline_single_device"),
    ("one-computer-offline-uidl", S(offline=True), UIDL, "pop3", "offline_single_device"),
    ("one-computer-limited", S(limited_storage=True), BOTH, "pop3", "storage_limited"),
    ("one-computer-limited-offline", S(limited_storage=True, offline=True), BOTH, "pop3", "storage_limited"),
    ("two-computers", S("computer,computer"), BOTH, "imap", "several_devices"),
    ("computer-phone", S("computer,phone"), BOTH, "imap", "several_devices"),
    ("computer-tablet-phone", S("computer,tablet,phone"), BOTH, "imap", "several_devices"),
    ("computer-webmail", S("computer,webmail"), BOTH, "imap", "webmail_in_use"),
    ("webmail-only", S("webmail"), BOTH, "imap", "webmail_in_use"),
    ("phone-only", S("phone"), BOTH, "imap", "mobile_device"),
    ("tablet-only", S("tablet"), BOTH, "imap", "mobile_device"),
    ("phone-limited", S("phone", limited_storage=True), BOTH, "pop3", "storage_limited"),
    ("shared-one-computer", S(shared=True), BOTH, "imap", "shared_mailbox"),
    ("shared-offline-limited", S(shared=True, offline=True, limited_storage=True), BOTH, "imap",
     "shared_mailbox"),
    ("several-devices-limited", S("computer,phone", limited_storage=True), BOTH, "imap", "several_devices"),
    ("only-imap-offline-limited", S(offline=True, limited_storage=True), IMAP_ONLY, "imap",
     "only_imap_offered"),
    ("only-pop3-several", S("computer,phone,webmail"), POP3_ONLY, "pop3", "only_pop3_offered"),
    ("only-pop3-one", S(), POP3_ONLY, "pop3", "only_pop3_offered"),
    ("only-imap-phone", S("phone"), IMAP_ONLY, "imap", "only_imap_offered"),
    ("offline-nobody-backs-up", S(offline=True, backup="nobody"), BOTH, "imap", "no_backup_keep_on_server"),
    ("offline-provider-backup", S(offline=True, backup="provider"), BOTH, "imap", "provider_backup"),
    ("offline-i-back-up", S(offline=True, backup="me"), BOTH, "pop3", "offline_single_device"),
    ("default-provider-backup", S(backup="provider"), BOTH, "imap", "provider_backup"),
    ("small-quota-computer", S(), SMALL, "pop3", "quota_small"),
    ("small-quota-phone", S("phone"), SMALL, "imap", "mobile_device"),
    ("big-quota-computer", S(), BIG, "imap", "default_imap"),
    ("idle-computer", S(), IDLE, "imap", "default_imap"),
    ("webmail-beats-shared", S("webmail,computer", shared=True), BOTH, "imap", "webmail_in_use"),
    ("limited-nobody-backs-up", S(limited_storage=True, backup="nobody"), NO_UIDL, "pop3", "storage_limited"),
]


@pytest.mark.parametrize(("situation", "facts", "protocol", "leading"),
                         [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_scenario(situation: Situation, facts: ServerFacts, protocol: str, leading: str) -> None:
    rec = recommend(situation, facts)
    assert (rec.protocol, rec.leading) == (protocol, leading)
    assert rec.reasons[0].code == leading
    for reason in (*rec.reasons, *rec.settings.notes, *rec.caveats, *rec.alternative_costs):
        assert reason.template == TEXTS[reason.code]
        assert "{" not in reason.text()


def test_table_is_big_enough_and_covers_every_leading_reason() -> None:
    assert len(SCENARIOS) >= 25
    leading_codes = {"only_imap_offered", "only_pop3_offered", "webmail_in_use", "shared_mailbox",
                     "several_devices", "storage_limited", "quota_small", "offline_single_device",
                     "no_backup_keep_on_server", "provider_backup", "mobile_device", "default_imap"}
    assert {s[4] for s in SCENARIOS} == leading_codes


def test_hard_facts_give_a_clear_answer_soft_ones_lean() -> None:
    assert recommend(S("computer,phone"), BOTH).strength == "clear"
    assert recommend(S(), POP3_ONLY).strength == "clear"
    assert recommend(S(), BOTH).strength == "leaning"
    assert recommend(S(offline=True), BOTH).strength == "leaning"


def test_pop3_settings_follow_uidl_and_storage() -> None:
    rec = recommend(S(offline=True), UIDL)
    assert (rec.settings.leave_on_server, rec.settings.days_to_leave) == (True, 14)
    assert "pop3_uidl" in [r.code for r in rec.reasons]
    assert "pop3_backup" in [c.code for c in rec.caveats]
    no_uidl = recommend(S(offline=True), NO_UIDL)
    assert no_uidl.settings.leave_on_server is False and no_uidl.settings.days_to_leave is None
    assert "pop3_no_uidl" in [c.code for c in no_uidl.caveats]
    limited = recommend(S(limited_storage=True), UIDL)
    assert limited.settings.leave_on_server is False
    assert [n.code for n in limited.settings.notes] == ["pop3_remove"]


def test_pop3_forced_on_several_devices_warns() -> None:
    rec = recommend(S("computer,phone"), POP3_ONLY)
    assert "pop3_several_devices" in [c.code for c in rec.caveats]
    assert rec.alternative is None and rec.alternative_costs == []


def test_imap_settings_and_costs_of_pop3() -> None:
    rec = recommend(S("computer,webmail"), ServerFacts(imap_idle=False, quota_bytes=2 * 1024 ** 3))
    assert rec.settings.keep_offline == "all"
    assert rec.alternative == "pop3"
    assert [c.code for c in rec.alternative_costs] == ["cost_pop3_webmail", "cost_pop3_device_loss"]
    codes = [c.code for c in rec.caveats]
    assert "imap_no_push" in codes and "imap_quota" in codes
    assert "2.0 GiB" in next(c.text() for c in rec.caveats if c.code == "imap_quota")
    assert recommend(S("phone"), BOTH).settings.keep_offline == "recent"
    assert "imap_push" in [r.code for r in recommend(S(), IDLE).reasons]


def test_nothing_offered_is_an_error() -> None:
    with pytest.raises(AssistantError, match="neither"):
        recommend(S(), ServerFacts(imap_offered=False, pop3_offered=False))


@pytest.mark.parametrize(("kw", "match"), [({"devices": ()}, "at least one"),
                                          ({"devices": ("fridge",)}, "fridge"),
                                          ({"backup": "cloud"}, "cloud")])
def test_bad_situation_names_the_problem(kw: dict[str, object], match: str) -> None:
    with pytest.raises(InputError, match=match):
        Situation(**kw)  # type: ignore[arg-type]


def _probe(protocol: str, caps: list[str]) -> ProbeResult:
    port = {"imap": 993, "pop3": 995, "smtp": 465}[protocol]
    return ProbeResult(candidate=Candidate(protocol, f"{protocol}.example.com", port, "ssl", "guess"),  # type: ignore[arg-type]
                       status="ok", tls=TlsFacts(verified=True), capabilities=caps)


def test_server_facts_from_discovery() -> None:
    result = DiscoveryResult(address="a@example.com", domain="example.com", domain_unicode="example.com")
    result.recommended = {"imap": _probe("imap", ["IMAP4rev1", "IDLE"]),
                          "pop3": _probe("pop3", ["TOP", "UIDL", "SASL PLAIN"]), "smtp": None}
    facts = ServerFacts.from_discovery(result)
    assert (facts.imap_offered, facts.pop3_offered) == (True, True)
    assert (facts.imap_idle, facts.pop3_uidl) == (True, True)
    result.recommended = {"imap": _probe("imap", ["IMAP4rev1"]), "pop3": None, "smtp": None}
    facts = ServerFacts.from_discovery(result)
    assert (facts.pop3_offered, facts.imap_idle, facts.pop3_uidl) == (False, False, None)


def test_every_template_is_marked_and_fills() -> None:
    source = Path(recommend_module.__file__).read_text(encoding="utf-8")
    marked = len(re.findall(r'QT_TRANSLATE_NOOP\(\s*"recommend"', source))
    assert marked == len(TEXTS) + len(recommend_module.PROTOCOL_DESCRIPTIONS)
    for template in TEXTS.values():
        for name in re.findall(r"{(\w+)}", template):
            assert name in {"count", "quota", "days", "protocol"}


def test_human_size() -> None:
    assert human_size(512) == "512 bytes"
    assert human_size(1536 * 1024 ** 2) == "1.5 GiB"


RECOMMEND_SCHEMA = json.loads((SCHEMAS
                               / "recommend.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("situation", "facts"), [s[1:3] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_every_scenario_fits_the_published_json_schema(situation: Situation, facts: ServerFacts) -> None:
    jsonschema.validate(document(situation, facts, recommend(situation, facts)), RECOMMEND_SCHEMA)


def test_no_advice_from_a_server_that_was_never_reached() -> None:
    """A failed probe's capabilities say nothing: no "new mail appears at once", and the advice says it
    is general; settings typed by hand and not tested say so in their own words."""
    failed = _probe("imap", ["IMAP4rev1", "IDLE"])
    failed.status = "timeout"
    facts = ServerFacts.from_probes(failed, None)
    assert (facts.imap_idle, facts.reached) == (None, False)
    rec = recommend(Situation(), facts)
    assert "imap_push" not in [r.code for r in rec.reasons]
    assert rec.caveats[0].code == "advice_general"
    typed = ServerFacts(imap_offered=True, pop3_offered=False, reached=False, entered=True)
    rec = recommend(Situation(), typed)
    assert rec.leading == "only_imap_entered" and rec.caveats[0].code == "advice_untested"
    reached = ServerFacts.from_probes(_probe("imap", ["IDLE"]), None)
    assert recommend(Situation(), reached).reasons[1].code == "imap_push"


def test_pop3_advice_never_says_keep_copies_and_remove_them_at_once() -> None:
    for limited in (False, True):
        rec = recommend(Situation(limited_storage=limited, offline=True), ServerFacts(pop3_uidl=True))
        codes = {r.code for r in [*rec.reasons, *rec.settings.notes, *rec.caveats]}
        assert not ({"pop3_uidl", "pop3_remove"} <= codes), codes
        assert ("pop3_remove" in codes) == limited
    for text in TEXTS.values():
        assert "IDLE" not in text and "UIDL" not in text  # said in plain words


def test_each_protocol_has_a_one_line_description() -> None:
    assert set(recommend_module.PROTOCOL_DESCRIPTIONS) == {"imap", "pop3"}
