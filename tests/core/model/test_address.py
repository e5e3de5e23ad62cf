"""Address parsing: IDN to ASCII, clear one-line refusals, registered domains from the bundled PSL."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from publicsuffixlist import PSLFILE, PublicSuffixList

from assistant.core.model.address import (
    ADDRESS_PROBLEMS,
    AddressError,
    known_suffix,
    parse_address,
    registered_domain,
    same_registered_domain,
)
from assistant.core.words.errors import EXIT_BAD_INPUT, InputError


def test_full_address() -> None:
    p = parse_address("  Alice.Smith+tag@Example.TEST. ")
    assert (p.local, p.domain, p.domain_unicode, p.address) == (
        "Alice.Smith+tag", "example.test", "example.test", "Alice.Smith+tag@example.test")


def test_bare_domain() -> None:
    p = parse_address("mail.example.test")
    assert (p.local, p.domain, p.address) == (None, "mail.example.test", None)


@pytest.mark.parametrize("text", ["bücher.test", "BÜCHER.test", "xn--bcher-kva.test", "user@bücher.test"])
def test_idn_domains_become_a_labels(text: str) -> None:
    p = parse_address(text)
    assert p.domain == "xn--bcher-kva.test"
    assert p.domain_unicode == "bücher.test"


def test_idn_address_keeps_an_internationalised_local_part() -> None:
    p = parse_address("jürgen@bücher.test")
    assert p.address == "jürgen@xn--bcher-kva.test"


def test_uts46_mapping_of_fullwidth_and_sharp_s() -> None:
    assert parse_address("ｅｘａｍｐｌｅ.test").domain == "example.test"
    assert parse_address("faß.de").domain == "xn--fa-hia.de"  # IDNA 2008, not transitional "fass.de"


@pytest.mark.parametrize(("text", "code", "fragment"), [
    ("", "empty", "Please enter"),
    ("a@@b.test", "many_at", "'a@@b.test': more than one @"),
    ("user@", "no_domain", "'user@': no domain after @"),
    ("@example.test", "no_local", "nothing before @"),
    ("x@foo_bar.test", "bad_label", "invalid domain label 'foo_bar'"),
    ("x@foo_bar", "bad_label", "'x@foo_bar': invalid domain label 'foo_bar'"),
    ("localhost", "single_label", "'localhost' is not a full domain"),
    ("user@intranet", "single_label", "not a full domain"),
    ("a..b.test", "empty_label", "empty label"),
    ("x@" + "a" * 64 + ".test", "label_long", "longer than 63"),
    ("x@" + ".".join(["abcdefghi"] * 26) + ".test", "domain_long", "longer than 253"),
    ("john doe@example.test", "local_chars", "spaces"),
    ("john\x07@example.test", "local_chars", "'john\\x07@example.test'"),
    ('"john"@example.test', "local_chars", "forbidden"),
    (".john@example.test", "local_dots", "dot"),
    ("jo..hn@example.test", "local_dots", "two dots"),
    ("j" * 65 + "@example.test", "local_long", "64 bytes"),
    ("user@1.2.3.4", "numeric_tld", "IP address"),
    ("-bad.test", "bad_label", "'-bad'"),
])
def test_garbage_is_refused_with_a_reason(text: str, code: str, fragment: str) -> None:
    with pytest.raises(AddressError) as info:
        parse_address(text)
    err = info.value
    assert err.code == code
    assert fragment in str(err)
    assert "\n" not in str(err)
    assert isinstance(err, InputError) and err.exit_code == EXIT_BAD_INPUT
    assert str(err) == ADDRESS_PROBLEMS[code].format(text=err.text, label=err.label)


@pytest.mark.parametrize(("host", "expected"), [
    ("example.test", "example.test"),
    ("mx1.mail.example.test", "example.test"),
    ("imap.example.co.uk", "example.co.uk"),
    ("Deep.Sub.Example.CO.UK.", "example.co.uk"),
    ("someone.github.io", "someone.github.io"),  # private section of the PSL
    ("co.uk", "co.uk"),
])
def test_registered_domain(host: str, expected: str) -> None:
    assert registered_domain(host) == expected


def test_same_registered_domain() -> None:
    assert same_registered_domain("imap.example.co.uk", "example.co.uk")
    assert not same_registered_domain("imap.hoster.co.uk", "example.co.uk")
    assert not same_registered_domain("alice.github.io", "bob.github.io")


def test_the_list_answers_as_the_library_with_its_own_a_label_copies() -> None:
    """The list is built without the library's A-label copies of its rules (too slow mid-discovery); an
    A-label host is decoded instead. Every rule, in Unicode and in A-labels, under one and two more labels,
    must get the answer the library's full build gives."""
    full = PublicSuffixList()
    checked = 0
    with open(PSLFILE, encoding="utf-8") as f:
        for line in f:
            rule = line.strip().split(" ")[0].lower().lstrip("!").replace("*", "x")
            if not rule or rule.startswith("//"):
                continue
            for form in {rule, rule.encode("idna").decode("ascii")}:
                for host in (form, f"b.{form}", f"a.b.{form}"):
                    assert registered_domain(host) == str(full.privatesuffix(host) or host), host
                    known = full.publicsuffix(host, accept_unknown=False) is not None
                    assert known_suffix(host) == known, host
                    checked += 1
    assert checked > 30_000
    assert registered_domain("mail.xn--bcher-kva.xn--p1ai.") == "xn--bcher-kva.xn--p1ai"  # .рф, A-labels kept
    assert registered_domain("mail.bücher.рф") == "bücher.рф"
    assert registered_domain("a.xn--zz-broken.test") == "xn--zz-broken.test"



@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_or_is_refused_with_one_line(text: str) -> None:
    try:
        p = parse_address(text)
    except AddressError as err:
        assert "\n" not in str(err) and err.code in ADDRESS_PROBLEMS
        return
    assert p.domain == p.domain.lower() and p.domain.isascii() and "." in p.domain
    assert parse_address(p.domain).domain == p.domain  # the ASCII form is itself valid and stable
