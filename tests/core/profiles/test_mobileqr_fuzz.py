"""Review 4 (docs/security-review-4.md): generated Thunderbird-for-Android payloads through every writer.

Every payload the reader accepts must be written by each format without an internal error, or refused in one
line; and what a writer produced must be read back by our own reader (B8's lesson: a file we write and
cannot read again). Seeded, so a failure repeats.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.core.profiles import export_with_losses, import_with_losses
from assistant.core.profiles.mobileqr import write_mobile_qr
from assistant.core.words.errors import AssistantError

TEXTS = ["", "a", "jane@example.com", "imap.example.com", "::1", "192.0.2.1", "a\tb", "x" * 300, "\udcff",
         "é", "%EMAILADDRESS%", "a\u2028b", "-bad", "xn--bcher-kva.test", "a..b", "UPPER.Example.COM", "\x00",
         "1.2.3.4.5", "%EMAILDOMAIN%", "user@corp_ad", "helpdesk@corp.local"]
VALUES: list[object] = [0, 1, 2, 3, 4, 5, 6, 7, -1, 993, 65535, 65536, True, None, 1.0, "993"]


def server(rng: random.Random, protocol: int, size: int) -> list[object]:
    host = rng.choice(TEXTS) if rng.random() < 0.4 else rng.choice(
        ["imap.example.com", "smtp.example.com", "192.0.2.9"])
    values = [protocol if rng.random() < 0.9 else rng.choice(VALUES), host,
              rng.choice([993, 465, 587, 143]) if rng.random() < 0.8 else rng.choice(VALUES),
              rng.choice([0, 2, 3, 3, 3, 1]) if rng.random() < 0.9 else rng.choice(VALUES),
              rng.choice([0, 1, 1, 1, 2, 6]) if rng.random() < 0.9 else rng.choice(VALUES),
              rng.choice(TEXTS)]
    if rng.random() < 0.3:
        values += [rng.choice([*TEXTS, None]), rng.choice([*TEXTS, None])]
    return values[:size]


def payload(rng: random.Random) -> bytes:
    identity = [rng.choice(["jane@example.com"] * 5 + TEXTS), rng.choice(TEXTS)]
    root: list[object] = [1, [1, 1], server(rng, 0, 8), [[server(rng, 0, 7), identity]]]
    if rng.random() < 0.2:
        root += [server(rng, 1, 8), [[server(rng, 0, 7), ["jane@example.com", "J"]]]]
    return json.dumps(root).encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("seed", range(4))
def test_every_accepted_payload_is_written_and_read_back(seed: int) -> None:
    rng = random.Random(seed)
    accepted = 0
    for _ in range(500):
        data = payload(rng)
        try:
            account, _ = import_with_losses(data, "code.json")
        except AssistantError:
            continue
        accepted += 1
        for fmt in ("autoconfig", "autodiscover", "mobileconfig", "sheet"):
            try:
                written, _ = export_with_losses(account, fmt)
            except AssistantError as exc:
                assert "\n" not in str(exc)
                continue
            if fmt != "sheet":
                import_with_losses(written, f"written.{fmt}")  # what we write, we read
        try:
            write_mobile_qr(account, rng.choice(["png", "payload"]))
        except AssistantError as exc:
            assert "\n" not in str(exc)
    assert accepted > 20  # the generator reaches the writers, not only the reader's refusals
