"""Core errors name the setting at fault by field, never by a command-line option: the CLI says its option,
the wizard its words (the wizard shows these errors too, where an option means nothing)."""

from __future__ import annotations

import pytest

from assistant.cli import FLAGS, error_line
from assistant.core.net.limits import check_timeout
from assistant.core.net.settings import check_cafile
from assistant.core.words.errors import FIELDS, InputError


def test_every_field_has_an_option_and_words() -> None:
    assert set(FLAGS) == set(FIELDS)


@pytest.mark.parametrize("call, flag", [
    (lambda: check_timeout("soon"), "--timeout"),
    (lambda: check_cafile("/nonexistent/ca.pem"), "--cafile"),
])
def test_the_cli_names_the_option_and_the_core_does_not(call, flag) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        call()
    exc = caught.value
    assert error_line(exc).startswith(flag + " ")
    assert "--" not in str(exc) and str(exc).startswith(FIELDS[exc.field or ""])


def test_an_error_without_a_field_is_said_as_it_is() -> None:
    exc = InputError("profile.xml: not XML (line 1) {field}")
    assert error_line(exc) == str(exc) == "profile.xml: not XML (line 1) {field}"
