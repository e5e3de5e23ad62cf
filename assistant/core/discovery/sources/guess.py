"""Thunderbird's guessing matrix, used only for protocols no other source answered.

Order follows Thunderbird's ``sortTriesByPreference``: any TLS before plain, implicit TLS before STARTTLS,
IMAP before POP3, host names in Thunderbird's order. Plain variants come last: they are probed so the report
can say "this server only talks plaintext", never recommended. SMTP port 25 is left out on purpose: it is
the server-to-server relay port, blocked by many networks, and RFC 6409 moved submission to 587/465.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.core.model.address import EmailAddress
from assistant.core.model.results import PROTOCOLS, Candidate, Protocol, Security, SourceOutcome, SourceReport
from assistant.core.net.settings import Settings

_INCOMING_HOSTS: dict[Protocol, tuple[str, ...]] = {
    "imap": ("imap.", "mail.", ""), "pop3": ("pop3.", "pop.", "mail.", ""),
}
_SMTP_HOSTS = ("smtp.", "mail.", "")
# (protocol, port, security) in Thunderbird's preference order, each tried on that protocol's hosts.
_INCOMING_TRIES: tuple[tuple[Protocol, int, Security], ...] = (
    ("imap", 993, "ssl"), ("imap", 143, "starttls"), ("pop3", 995, "ssl"), ("pop3", 110, "starttls"),
    ("imap", 143, "plain"), ("pop3", 110, "plain"),
)
_SMTP_TRIES: tuple[tuple[int, Security], ...] = ((465, "ssl"), (587, "starttls"), (587, "plain"))


def guess_candidates(domain: str, protocols: Iterable[Protocol] = PROTOCOLS) -> list[Candidate]:
    """Every guessed endpoint for the wanted protocols, best first; ``preference`` counts per protocol."""
    wanted = set(protocols)
    out: list[Candidate] = []
    count: dict[str, int] = {}

    def add(protocol: Protocol, prefix: str, port: int, security: Security) -> None:
        out.append(Candidate(protocol=protocol, host=f"{prefix}{domain}", port=port, security=security,
                             source="guess", preference=count.get(protocol, 0)))
        count[protocol] = count.get(protocol, 0) + 1

    for protocol, port, security in _INCOMING_TRIES:
        if protocol in wanted:
            for prefix in _INCOMING_HOSTS[protocol]:
                add(protocol, prefix, port, security)
    if "smtp" in wanted:
        for port, security in _SMTP_TRIES:
            for prefix in _SMTP_HOSTS:
                add("smtp", prefix, port, security)
    return out


async def run(addr: EmailAddress, settings: Settings) -> SourceOutcome:
    """The whole matrix for all protocols; the orchestrator drops protocols other sources answered."""
    candidates = guess_candidates(addr.domain)
    report = SourceReport("guess", addr.domain, "found", f"{len(candidates)} guessed endpoints")
    return SourceOutcome(candidates=candidates, reports=[report])
