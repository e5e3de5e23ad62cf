"""Which mail programs find a domain's settings by themselves, and from where.

Each program asks its own sources in its own order (docs/audit.md cites the code each rule is read from):

* Thunderbird (desktop): the domain's autoconfig file (HTTPS, then plain HTTP), the ISPDB, the MX
  provider's file and ISPDB entry; Autodiscover beside them, used when they all fail; then guessing. It
  never reads SRV records.
* Thunderbird for Android: the autoconfig file (HTTPS, then HTTP), the ISPDB, the MX provider's. No SRV,
  no Autodiscover, no guessing.
* Outlook: Autodiscover only.
* Apple Mail: none of them; settings come from a configuration profile (or are typed).
* RFC 6186 clients: SRV records.

A program "finds" the settings when one source of its list gives them; ``source`` is the first such one;
``works`` says whether that source's servers verified (an incoming and an outgoing one), ``None`` when the
probe could not tell (a server stopped because a better one answered first, a password needed first).
A source this run did not ask (``--offline``, a build without it) is listed in ``unchecked``; when nothing
was found and something was unchecked, ``finds`` is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.core.audit.summary import SourceSummary
from assistant.core.model.results import DiscoveryResult
from assistant.core.words.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Client:
    name: str
    label: str
    sources: tuple[str, ...]


CLIENTS: tuple[Client, ...] = (
    Client("thunderbird", QT_TRANSLATE_NOOP("audit", "Thunderbird"),
           ("autoconfig", "autoconfig_http", "ispdb", "mx", "autodiscover", "guess")),
    Client("thunderbird_android", QT_TRANSLATE_NOOP("audit", "Thunderbird for Android"),
           ("autoconfig", "autoconfig_http", "ispdb", "mx")),
    Client("outlook", QT_TRANSLATE_NOOP("audit", "Outlook"), ("autodiscover",)),
    Client("apple_mail", QT_TRANSLATE_NOOP("audit", "Apple Mail"), ()),
    Client("rfc6186", QT_TRANSLATE_NOOP("audit", "RFC 6186 clients"), ("srv",)),
)
_UNKNOWN = ("skipped", "not_checked")


@dataclass
class ClientView:
    """What one program finds for the domain."""

    finds: bool | None
    source: str | None = None
    works: bool | None = None
    unchecked: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"finds": self.finds, "source": self.source, "works": self.works,
                "unchecked": list(self.unchecked)}


def works(summary: SourceSummary, result: DiscoveryResult) -> bool | None:
    """Did the servers this source names verify? True: an incoming and an outgoing one did."""
    if summary.outcome != "found" or not summary.servers:
        return None
    by_key = {r.candidate.key: r for r in result.candidates}
    verdicts: list[bool | None] = []
    for group in (("imap", "pop3"), ("smtp",)):
        probes = [by_key.get(c.key) for c in summary.servers if c.protocol in group]
        if any(p is not None and p.secure for p in probes):
            verdicts.append(True)
        elif not probes or any(p is None or p.stopped for p in probes):
            verdicts.append(None)  # not named, or not probed to the end: cannot tell
        else:
            verdicts.append(False)
    if False in verdicts:
        return False
    return True if all(verdicts) else None


def view(client: Client, sources: dict[str, SourceSummary], result: DiscoveryResult) -> ClientView:
    unchecked: list[str] = []
    for name in client.sources:
        summary = sources.get(name)
        if summary is None or summary.outcome in _UNKNOWN:
            unchecked.append(name)
            continue
        if summary.gives:
            return ClientView(True, name, works(summary, result), unchecked)
    return ClientView(None if unchecked else False, None, None, unchecked)


def clients(sources: dict[str, SourceSummary], result: DiscoveryResult) -> dict[str, ClientView]:
    """Every program of ``CLIENTS`` by name."""
    return {c.name: view(c, sources, result) for c in CLIENTS}
