""""Did you mean …?" for a domain that does not exist: one typing slip away from a domain people use.

A person who typed ``gmial.com`` or ``example.cmo`` gets a DNS "no such domain" answer; the wizard turns
that into one click instead of a dead end. Two kinds of slips are caught, both as one edit (a letter
added, dropped, changed, or two neighbours swapped):

- the whole domain is one edit away from a well-known mail provider's domain (or a preset's domain);
- the top-level domain is not a real one (the Public Suffix List bundled with ``publicsuffixlist``) and
  is one edit away from a common one: ``example.cmo`` → ``example.com``.

Only suggestions, never corrections: the person clicks one, and discovery runs again.
"""

from __future__ import annotations

from collections.abc import Iterable

# Mail providers whose domains are typed most often (and mistyped); a preset adds its own.
KNOWN_DOMAINS: tuple[str, ...] = (
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
    "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
    "t-online.de", "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "hinet.net", "yahoo.com.tw",
    "msa.hinet.net", "naver.com",
)

# Top-level domains to offer when the typed one does not exist, most used first. Names reserved for
# testing and private networks (RFC 6761, 2606) are never "not real": a lab uses them on purpose.
COMMON_TLDS: tuple[str, ...] = (
    "com", "net", "org", "de", "tw", "uk", "cn", "jp", "fr", "ru", "nl", "it", "es", "ch", "at", "be",
    "se", "no", "dk", "fi", "pl", "cz", "hk", "kr", "in", "br", "au", "ca", "us", "eu", "io", "co", "me",
    "info", "biz", "edu", "gov", "test",
)
RESERVED_TLDS = frozenset({"test", "example", "invalid", "localhost", "local", "internal", "lan", "home",
                           "corp", "arpa", "onion"})


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1:]


def tld_is_real(domain: str) -> bool:
    """Whether the domain's top level is in the Public Suffix List (or reserved for labs and tests)."""
    from assistant.core.model.address import known_suffix
    name = domain.lower().rstrip(".")
    tld = name.rpartition(".")[2]
    return tld in RESERVED_TLDS or known_suffix(name)


def did_you_mean(domain: str, known: Iterable[str] = ()) -> str | None:
    """The domain the person probably meant, or None when nothing is one slip away.

    ``domain`` is the ASCII (or Unicode) domain that does not exist; ``known`` are extra domains to
    match (an organisation preset's). A known domain wins over a corrected top level.
    """
    name = domain.lower().strip().rstrip(".")
    if not name or "." not in name:
        return None
    domains = tuple(dict.fromkeys(d.lower().rstrip(".") for d in (*known, *KNOWN_DOMAINS) if d))
    if name in domains:
        return None
    for candidate in domains:
        if one_edit(name, candidate):
            return candidate
    if tld_is_real(name):
        return None
    head, _, tld = name.rpartition(".")
    for candidate in COMMON_TLDS:
        if one_edit(tld, candidate):
            return f"{head}.{candidate}"
    return None
