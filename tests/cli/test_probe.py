"""Review: the readable probe report, read as a person without a technical background would read it."""

from __future__ import annotations

from tests.support.world import ProbeWorld


def _recommended_block(text: str) -> str:
    return text.split("\nRecommended\n", 1)[1].split("\n\n", 1)[0]


def test_a_recommended_server_outside_the_domain_is_not_called_safe_without_a_caveat(
        probe_world: ProbeWorld) -> None:
    out = probe_world.cli("dave@outside.test", json_out=False)
    assert out.returncode == 0, out.stderr  # the exit-code rule is unchanged: verified servers were found
    text = out.stdout
    block = _recommended_block(text)
    imap = block.split("imap.provider-elsewhere.test", 1)[1].split("Incoming (POP3)", 1)[0]
    assert "check first" in imap and "outside.test" in imap
    assert "Ready:" not in text
    assert "confirm" in text.split("\nProblems\n", 1)[0].lower()


def test_certificate_problems_are_in_words(probe_world: ProbeWorld) -> None:
    out = probe_world.cli("carol@tlsbad.test", json_out=False)
    tried = out.stdout.split("Everything that was tried", 1)[1].split("SRV records", 1)[0]
    for code in ("not_yet_valid", "hostname_mismatch", "self_signed", "untrusted_issuer"):
        assert code not in tried, tried
    for words in ("certificate expired", "certificate not valid yet", "certificate is for another name",
                  "self-signed certificate", "certificate from an unknown authority"):
        assert words in tried, tried
