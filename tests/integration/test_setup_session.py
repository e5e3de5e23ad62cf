"""A whole setup through the Qt-free SetupSession against the real test world, and its invalidation rules.

address → discovery → selection with a risk confirmation → recommendation → sign-in → profiles: exactly
what the wizard's pages do, with no widget in between.
"""

from __future__ import annotations

import asyncio
import re

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.profiles import export_profile, import_profile
from assistant.core.setup.session import SetupSession
from assistant.core.signin.secret import Secret
from assistant.core.words.errors import AssistantError
from tests.support.world import ProbeWorld, add_accounts

CAROL = "carol@tlsbad.test"  # IMAP only behind faulty certificates, SMTP fine
CAROL_PW = "Carol's setup pw 4"
ALICE = "alice@srv.test"  # IMAP, POP3 and SMTP with verified TLS
ALICE_PW = "Alice-Session-1"


@pytest.fixture(scope="module")
def world_with_carol(probe_world: ProbeWorld) -> ProbeWorld:
    add_accounts(probe_world, {"carol": CAROL_PW, ALICE: ALICE_PW})
    return probe_world


def discovered(world: ProbeWorld, address: str) -> SetupSession:
    session = SetupSession(world.settings(15), address=EmailAddress.parse(address))
    session.discovery_started()
    assert session.state.discovery == "running"
    session.discovery_finished(asyncio.run(session.discovery_job()))
    return session


def test_a_whole_setup_with_a_confirmed_certificate_problem(world_with_carol: ProbeWorld) -> None:
    s = discovered(world_with_carol, CAROL)
    imap = s.selection.choices["imap"]
    assert imap is not None and "certificate_problem" in imap.risks
    # Not confirmed: the IMAP server is offered but not used, so nothing can be built or signed in to.
    assert s.state.unconfirmed == {imap.host} and s.selection.accepted()["imap"] is None
    with pytest.raises(AssistantError):
        s.account()
    assert s.pins() == {}

    s.confirm(imap.host)
    assert s.state.unconfirmed == set() and s.state.discovered_usable
    assert s.pins() == {"imap": (imap.fingerprint,)}

    rec = s.recommend()
    assert rec.protocol == "imap" and s.protocol == "imap"  # only IMAP is offered there

    result = asyncio.run(s.signin_job(Secret(CAROL_PW)))
    assert s.signin_finished(result) and s.signin is result
    assert result.ok, (result.incoming.message, result.outgoing.message)
    assert result.incoming.pinned and result.incoming.username == "carol"

    account = s.account()
    assert account.incoming[0].host == imap.host
    assert account.incoming[0].username == "%EMAILLOCALPART%"  # the form the server proved
    back = import_profile(export_profile(account, "autoconfig"), "written")
    assert (back.incoming[0].host, back.outgoing[0].host) == (imap.host, account.outgoing[0].host)
    assert CAROL_PW not in s.report()
    # codes, for a helpdesk: the risk, the proof, and the cause (this certificate expired)
    assert "Outcome: ready_with_risk (certificate_problem, signin_ok, expired)" in s.report()

    # In words (the wizard's last page): every line is translated and no code is left.
    marked = s.report(lambda _context, text: f"«{text}»")
    assert CAROL_PW not in marked
    assert all(line.lstrip().startswith("«") for line in marked.splitlines()), marked
    assert re.findall(r"\b[a-z]+_[a-z_]+\b", marked) == [], marked
    assert f"«Confirmed risks for: {imap.host}»" in marked
    assert "«Ready, with a risk you accepted»" in marked
    assert "«Signing in with your password worked.»" in marked


def test_a_new_password_or_new_servers_void_the_sign_in(world_with_carol: ProbeWorld) -> None:
    s = discovered(world_with_carol, ALICE)
    s.recommend()
    result = asyncio.run(s.signin_job(Secret(ALICE_PW)))
    assert s.signin_finished(result) and s.signin is not None and s.signin.ok
    s.password = "something else"
    assert s.signin is None  # a result belongs to the password it was tested with
    s.password = ALICE_PW
    assert s.signin is None  # and it does not come back: it was dropped

    result = asyncio.run(s.signin_job(Secret(ALICE_PW)))
    assert s.signin_finished(result)
    s.protocol = "pop3"  # other servers: the IMAP sign-in says nothing about them
    assert s.signin is None

    # A result that arrives after the password changed is not kept.
    job = s.signin_job(Secret(ALICE_PW))
    s.password = "typed meanwhile"
    assert not s.signin_finished(asyncio.run(job)) and s.signin is None


def test_a_new_run_or_address_clears_choices_confirmations_and_pins(world_with_carol: ProbeWorld) -> None:
    s = discovered(world_with_carol, CAROL)
    imap = s.selection.choices["imap"]
    assert imap is not None
    s.confirm(imap.host)
    assert s.confirmed == {imap.host} and s.pins()
    s.discovery_started()  # "Check again": a new run may meet another certificate
    assert s.confirmed == frozenset() and s.pins() == {} and s.result is None
    assert s.selection.choices == {}

    s.discovery_finished(asyncio.run(s.discovery_job()))
    s.confirm(imap.host)
    s.recommend()
    s.address = EmailAddress.parse("someone@srv.test")
    assert s.result is None and s.confirmed == frozenset() and s.recommendation is None
    assert s.state.discovery == "idle"


def test_new_manual_settings_clear_their_test(world_with_carol: ProbeWorld) -> None:
    s = SetupSession(world_with_carol.settings(15), address=EmailAddress.parse(ALICE))
    imap = ServerConfig(protocol="imap", host="imap.srv.test", port=993, security="ssl")
    smtp = ServerConfig(protocol="smtp", host="smtp.srv.test", port=465, security="ssl")
    s.set_manual(imap, smtp)
    probes = asyncio.run(s.manual_test_job())
    assert s.manual_tested(probes) and set(s.manual_probes) == {"imap", "smtp"}
    assert all(p.secure for p in probes)
    s.set_manual(imap, smtp)  # the same settings again keep their test
    assert set(s.manual_probes) == {"imap", "smtp"}
    s.set_manual(ServerConfig(protocol="imap", host="imap.srv.test", port=143, security="starttls"), smtp)
    assert s.manual_probes == {}
    assert not s.manual_tested(probes)  # a late result for the old settings is not kept
