"""What the person typed: ``local@domain`` or a bare domain, checked and turned into the ASCII form DNS needs.

Domains go through IDNA 2008 with UTS 46 mapping (the ``idna`` package), so ``Bücher.test`` and
``xn--bcher-kva.test`` are the same domain. Registered-domain checks use the Public Suffix List bundled
with ``publicsuffixlist`` (no network), so ``mail.example.co.uk`` and ``example.co.uk`` count as one owner.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import idna
from publicsuffixlist import PublicSuffixList

from assistant.core.words.errors import InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

# Why an address was refused; ``{text}`` is the input as typed (shown quoted), ``{label}`` one domain label.
ADDRESS_PROBLEMS: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("address", "Please enter an email address or a domain."),
    "no_at": QT_TRANSLATE_NOOP("address", "An email address needs an @, like ann@example.com."),
    "many_at": QT_TRANSLATE_NOOP("address", "'{text}': more than one @"),
    "no_domain": QT_TRANSLATE_NOOP("address", "'{text}': no domain after @"),
    "no_local": QT_TRANSLATE_NOOP("address", "'{text}': nothing before @"),
    "local_chars": QT_TRANSLATE_NOOP(
        "address", "'{text}': the part before @ contains spaces, control or forbidden characters"),
    "local_dots": QT_TRANSLATE_NOOP(
        "address", "'{text}': the part before @ cannot start or end with a dot or contain two dots in a row"),
    "local_long": QT_TRANSLATE_NOOP("address", "'{text}': the part before @ is longer than 64 bytes"),
    "single_label": QT_TRANSLATE_NOOP(
        "address", "'{text}': '{label}' is not a full domain (it needs a dot, like example.com)"),
    "label_long": QT_TRANSLATE_NOOP(
        "address", "'{text}': domain label '{label}' is longer than 63 characters"),
    "domain_long": QT_TRANSLATE_NOOP("address", "'{text}': the domain is longer than 253 characters"),
    "empty_label": QT_TRANSLATE_NOOP(
        "address", "'{text}': the domain has an empty label (two dots in a row?)"),
    "bad_label": QT_TRANSLATE_NOOP("address", "'{text}': invalid domain label '{label}'"),
    "numeric_tld": QT_TRANSLATE_NOOP(
        "address", "'{text}': an IP address or numeric top-level domain is not a mail domain"),
}

# RFC 5322 atext plus dot; anything above ASCII is allowed too (RFC 6531 internationalised local parts).
_ATEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")


class AddressError(InputError):
    """An address we refuse, with a stable ``code`` and the fields its template needs (for translation)."""

    code: str  # always one of ADDRESS_PROBLEMS

    def __init__(self, code: str, text: str, label: str = "") -> None:
        self.text = text
        self.label = label
        super().__init__(ADDRESS_PROBLEMS[code].format(text=text, label=label), code=code,
                         params={"text": text, "label": label})


@dataclass(frozen=True)
class EmailAddress:
    """One address, parsed once where it enters (the wizard's first page, a CLI argument, a preset, a saved
    probe) and carried as this value through discovery, sign-in and export; nothing parses it again.

    ``local`` is the part before @ as typed (None for a bare domain); ``domain`` is ASCII (IDNA A-labels),
    lowercase, without trailing dot, so ``Bücher.example`` and ``xn--bcher-kva.example`` are one domain;
    ``domain_unicode`` is its Unicode form for display.
    """

    local: str | None
    domain: str
    domain_unicode: str

    @classmethod
    def parse(cls, text: str) -> EmailAddress:
        """Check ``local@domain`` or a bare domain; raise AddressError naming the problem."""
        return parse_address(text)

    @property
    def address(self) -> str | None:
        """``local@domain`` in ASCII, the form servers and profiles get; None for a bare domain."""
        return f"{self.local}@{self.domain}" if self.local is not None else None

    @property
    def text(self) -> str:
        """The ASCII form: the address, or the bare domain."""
        return self.address or self.domain

    @property
    def shown(self) -> str:
        """The form people read: the domain in Unicode."""
        return f"{self.local}@{self.domain_unicode}" if self.local is not None else self.domain_unicode

    def with_domain(self, domain: str) -> EmailAddress:
        """The same local part at another domain (a "did you mean" suggestion), checked like any input."""
        return parse_address(f"{self.local}@{domain}" if self.local is not None else domain)

    def expand(self, template: str) -> str | None:
        """``template`` with %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% filled; None if it names a
        value this address lacks (a local part for a bare domain) or an unknown placeholder."""
        return expand(template, self.address, self.domain)

    def collapse(self, value: str | None) -> str:
        """The reverse of ``expand`` for a user name: this address or its local part as the placeholder."""
        return collapse(value, self.address)

    def __str__(self) -> str:
        return self.text


def _shown(text: str) -> str:
    """The input as we quote it back: control characters escaped so they cannot mangle a terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def parse_address(text: str) -> EmailAddress:
    """Check ``local@domain`` or a bare domain; raise AddressError naming the problem."""
    raw = text.strip()
    shown = _shown(raw)
    if not raw:
        raise AddressError("empty", shown)
    local: str | None = None
    domain_text = raw
    if "@" not in raw and any(ch.isspace() for ch in raw):  # a name ("Alice Liddell"), not a domain
        raise AddressError("no_at", shown)
    if "@" in raw:
        if raw.count("@") > 1:
            raise AddressError("many_at", shown)
        local, domain_text = raw.split("@")
        if not domain_text:
            raise AddressError("no_domain", shown)
        if not local:
            raise AddressError("no_local", shown)
        _check_local(local, shown)
    domain = _ascii_domain(domain_text, shown)
    try:
        domain_unicode = idna.decode(domain)
    except idna.IDNAError:  # pragma: no cover - encode() already validated every label
        domain_unicode = domain
    return EmailAddress(local=local, domain=domain, domain_unicode=domain_unicode)


# --- placeholders: one expand and one collapse for profiles, sign-in and the mail programs' steps -------

EMAILADDRESS = "%EMAILADDRESS%"
EMAILLOCALPART = "%EMAILLOCALPART%"
EMAILDOMAIN = "%EMAILDOMAIN%"
PLACEHOLDER = re.compile(r"%[A-Z0-9]+%")


def expand(template: str, address: str | None, domain: str | None = None) -> str | None:
    """Fill %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN% from ``address`` (``local@domain``), or only
    %EMAILDOMAIN% from a bare ``domain``; None if a placeholder cannot be filled."""
    if not PLACEHOLDER.search(template):
        return template
    values: dict[str, str] = {}
    if address and "@" in address:
        local, _, domain = address.rpartition("@")
        values = {EMAILADDRESS: address, EMAILLOCALPART: local}
    if domain:
        values[EMAILDOMAIN] = domain
    out = PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), template)
    return None if PLACEHOLDER.search(out) else out


def collapse(value: str | None, address: str | None) -> str:
    """A user name equal to the address (or its local part) becomes the placeholder; none: the address."""
    if not value:
        return EMAILADDRESS
    if address and "@" in address:
        if value.lower() == address.lower():
            return EMAILADDRESS
        if value == address.rpartition("@")[0]:
            return EMAILLOCALPART
    return value


def _check_local(local: str, shown: str) -> None:
    if any(ch not in _ATEXT and (ord(ch) < 0x80 or not ch.isprintable() or ch.isspace()) for ch in local):
        raise AddressError("local_chars", shown)
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise AddressError("local_dots", shown)
    if len(local.encode("utf-8")) > 64:
        raise AddressError("local_long", shown)


def _ascii_domain(text: str, shown: str) -> str:
    """IDNA 2008 + UTS 46 to A-labels, one label at a time so the error can name the bad one."""
    name = text[:-1] if text.endswith(".") else text
    if not name:
        raise AddressError("no_domain", shown)
    labels = name.split(".")
    if any(not label for label in labels):
        raise AddressError("empty_label", shown)
    ascii_labels: list[str] = []
    for label in labels:
        try:
            encoded = idna.encode(label, uts46=True, std3_rules=True, transitional=False).decode("ascii")
        except idna.IDNAError as exc:
            if "too long" in str(exc).lower():
                raise AddressError("label_long", shown, _shown(label)) from None
            raise AddressError("bad_label", shown, _shown(label)) from None
        except UnicodeError:
            raise AddressError("bad_label", shown, _shown(label)) from None
        if not encoded:
            raise AddressError("empty_label", shown)
        if len(encoded) > 63:
            raise AddressError("label_long", shown, _shown(label))
        ascii_labels.append(encoded.lower())
    if len(ascii_labels) < 2:
        raise AddressError("single_label", shown, _shown(labels[0]))
    if ascii_labels[-1].isdigit():
        raise AddressError("numeric_tld", shown)
    domain = ".".join(ascii_labels)
    if len(domain) > 253:
        raise AddressError("domain_long", shown)
    return domain


@functools.cache
def _psl() -> PublicSuffixList:
    """The list bundled with the package (never fetched), its rules as written (Unicode).

    Without ``accept_encoded_idn``: that option runs the IDNA codec over all ~10,000 rules to add an A-label
    copy of the few hundred non-ASCII ones, 15 of the 25 ms the list took to build — in the middle of a
    discovery, on the event loop. :func:`_as_rules` decodes the rare A-label host instead.
    """
    return PublicSuffixList(accept_encoded_idn=False)


def _as_rules(name: str) -> str:
    """``name`` spelled as the list's rules are: each A-label (``xn--``) as Unicode (IDNA 2003, the codec
    the library would have encoded the rules with); a label that does not decode stays as it is."""
    if "xn--" not in name:
        return name
    labels = name.split(".")
    for i, label in enumerate(labels):
        if label.startswith("xn--"):
            try:
                labels[i] = label.encode("ascii").decode("idna")
            except UnicodeError:
                pass
    return ".".join(labels)


def _tail(name: str, suffix: str | None) -> str | None:
    """The last labels of ``name``, as many as the list's answer ``suffix`` has (kept in ``name``'s form)."""
    return None if suffix is None else ".".join(name.split(".")[-(suffix.count(".") + 1):])


def registered_domain(host: str) -> str:
    """The domain someone registered (public suffix + one label); the host itself if it is a suffix."""
    name = host.strip().rstrip(".").lower()
    return _tail(name, _psl().privatesuffix(_as_rules(name))) or name


def known_suffix(name: str) -> bool:
    """Whether ``name`` ends in a suffix the list knows (an unknown top level does not count)."""
    name = name.strip().rstrip(".").lower()
    return _psl().publicsuffix(_as_rules(name), accept_unknown=False) is not None


def same_registered_domain(a: str, b: str) -> bool:
    """Whether two host names belong to the same registered domain (one owner, as far as the PSL knows)."""
    return registered_domain(a) == registered_domain(b)
