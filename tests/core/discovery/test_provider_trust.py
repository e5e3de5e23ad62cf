"""Trust follows recognition: a recognised provider's own verified server, learnt through the domain's MX,
is not "outside the domain"; every other host learnt from unsigned DNS still is (rank.assess, selection)."""

from __future__ import annotations

from assistant.core.discovery import providers, rank
from assistant.core.model.results import Candidate, DiscoveryResult, MxRecord, ProbeResult, TlsFacts
from assistant.core.setup.selection import select

DOMAIN = "contoso.test"
MX = "contoso-test.mail.protection.outlook.com"


def probe(protocol: str, host: str, port: int, source: str = "mx") -> ProbeResult:
    c = Candidate(protocol=protocol, host=host, port=port, security="ssl", source=source,  # type: ignore[arg-type]
                  auth=("OAuth2",))
    tls = TlsFacts(version="TLSv1.3", verified=True, days_left=300)
    return ProbeResult(candidate=c, status="ok", tls=tls)


def discovery(imap_host: str, smtp_host: str, mx: str = MX) -> DiscoveryResult:
    results = [probe("imap", imap_host, 993), probe("smtp", smtp_host, 465)]
    recommended = rank.recommend(results)
    sign_in = providers.recognise(DOMAIN, mx_hosts=[mx], hosts=[imap_host, smtp_host])
    trusted = sign_in.hosts if sign_in is not None and sign_in.trusted else ()
    return DiscoveryResult(address=f"ann@{DOMAIN}", domain=DOMAIN, domain_unicode=DOMAIN, local_part="ann",
                           mx=[MxRecord(0, mx)], candidates=rank.order(results), recommended=recommended,
                           warnings=rank.assess(DOMAIN, results, recommended, trusted=trusted),
                           sign_in=sign_in)


def test_the_providers_own_servers_need_no_confirmation() -> None:
    result = discovery("outlook.office365.com", "smtp.office365.com")
    assert result.sign_in is not None and result.sign_in.trusted
    assert [w.code for w in result.warnings if w.code == "outside_domain"] == []
    selection = select(result)
    assert selection.unconfirmed() == set()
    assert all(c is not None and not c.risks for p, c in selection.choices.items() if p != "pop3")


def test_unknown_hosts_keep_the_warning() -> None:
    result = discovery("imap.elsewhere.test", "smtp.elsewhere.test")
    assert result.sign_in is None  # the servers in use are not Microsoft's
    outside = {w.host for w in result.warnings if w.code == "outside_domain"}
    assert outside == {"imap.elsewhere.test", "smtp.elsewhere.test"}
    assert select(result).unconfirmed() == {"imap.elsewhere.test", "smtp.elsewhere.test"}


def test_only_the_providers_hosts_are_vouched_for() -> None:
    """Microsoft's MX and Microsoft's IMAP server, but an unknown SMTP server: that one is still outside."""
    result = discovery("outlook.office365.com", "smtp.elsewhere.test")
    assert result.sign_in is not None and result.sign_in.provider == "microsoft"
    outside = {w.host for w in result.warnings if w.code == "outside_domain"}
    assert outside == {"smtp.elsewhere.test"}


def test_a_server_name_alone_vouches_for_nothing() -> None:
    """Recognised only by the servers' names (no MX, not the provider's own domain): the warning stays,
    because a forged SRV record could name any server."""
    sign_in = providers.recognise(DOMAIN, hosts=["outlook.office365.com"])
    assert sign_in is not None and not sign_in.trusted
    results = [probe("imap", "outlook.office365.com", 993, "srv")]
    recommended = rank.recommend(results)
    warnings = rank.assess(DOMAIN, results, recommended, trusted=())
    assert "outside_domain" in {w.code for w in warnings}
