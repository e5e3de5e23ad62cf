"""The audit's parts without servers: the connection gate, domain lists, resuming, shards, the text views."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.core.audit.batch import in_shard, parse_shard, run_batch, select
from assistant.core.audit.inputs import check_file, cut, domains_from_lines, resume_scan
from assistant.core.audit.report import CSV_COLUMNS, csv_row, person_line, summary_line
from assistant.core.model.address import EmailAddress
from assistant.core.net.shared import ConnectionGate
from assistant.core.words.errors import InputError


def test_gate_holds_at_most_n_per_address_and_forgets_idle_ones() -> None:
    gate = ConnectionGate(3)
    now: Counter[str] = Counter()
    most: Counter[str] = Counter()

    async def one(address: str) -> None:
        async with gate.hold(address):
            now[address] += 1
            most[address] = max(most[address], now[address])
            await asyncio.sleep(0)  # let the others run into the gate
            await asyncio.sleep(0)
            now[address] -= 1

    async def main() -> None:
        await asyncio.gather(*(one(a) for a in ["10.0.0.1"] * 20 + ["10.0.0.2"] * 2))

    asyncio.run(main())
    assert most == {"10.0.0.1": 3, "10.0.0.2": 2}
    assert gate.most_at_once == 3
    assert gate._slots == {} and gate._users == {} and gate._held == {}  # nothing kept for idle addresses


def test_gate_releases_a_cancelled_holder() -> None:
    gate = ConnectionGate(1)

    async def main() -> None:
        entered = asyncio.Event()

        async def holder() -> None:
            async with gate.hold("a"):
                entered.set()
                await asyncio.Event().wait()

        task = asyncio.ensure_future(holder())
        await entered.wait()
        task.cancel()
        async with asyncio.timeout(1):
            async with gate.hold("a"):
                pass

    asyncio.run(main())


def test_domain_lists_skip_comments_and_name_the_bad_line() -> None:
    got = [d.domain for d in domains_from_lines(
        ["# customers\n", "Example.COM\n", "\n", "alice@bücher.test  # an address counts\n"], "list")]
    assert got == ["example.com", "xn--bcher-kva.test"]
    with pytest.raises(InputError, match=r"^list:2: "):
        list(domains_from_lines(["ok.test\n", "not a domain\n"], "list"))
    with pytest.raises(InputError, match="longer than"):
        list(domains_from_lines(["a" * 5000], "list"))


def test_check_file_counts_or_refuses(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("a.test\nb.test # x\n")
    assert check_file(str(good)) == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"a.test\n\xff\xfe\n")
    with pytest.raises(InputError, match="not UTF-8"):
        check_file(str(bad))
    with pytest.raises(InputError):
        check_file(str(tmp_path / "missing.txt"))


def test_resume_scan_counts_json_lines_and_cuts_a_torn_one(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"domain": "a.test", "verdict": "good"}) + "\n"
                   + "garbage\n" + json.dumps({"domain": "b.test", "verdict": "problems"}) + "\n"
                   + '{"domain": "c.te')
    done = resume_scan(str(out), "json")
    assert done.domains == {"a.test", "b.test"} and done.verdicts == {"good": 1, "problems": 1}
    cut(str(out), done.keep_bytes)
    assert out.read_text().endswith('"problems"}\n')


def test_resume_scan_reads_csv_with_its_header(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text(",".join(CSV_COLUMNS) + "\n" + "a.test,a.test,good\n")
    done = resume_scan(str(out), "csv")
    assert done.has_header and done.domains == {"a.test"}
    assert resume_scan(str(tmp_path / "none.csv"), "csv").domains == set()


def test_shards_are_stable_and_cover_everything_once() -> None:
    assert parse_shard("2/5") == (2, 5)
    for bad in ("0/3", "4/3", "x", "1/0", "1/2/3"):
        with pytest.raises(InputError):
            parse_shard(bad)
    domains = [f"d{i}.test" for i in range(200)]
    parts = [[d for d in domains if in_shard(d, (k, 4))] for k in range(1, 5)]
    assert sorted(d for part in parts for d in part) == sorted(domains)
    assert all(20 < len(p) < 80 for p in parts)  # spread, not all in one
    assert in_shard("d7.test", (1, 4)) == in_shard("d7.test", (1, 4))


def test_select_skips_duplicates_and_resumed_domains() -> None:
    given = [EmailAddress.parse(d) for d in ("a.test", "b.test", "a.test", "c.test")]
    assert [d.domain for d in select(given, None, {"b.test"})] == ["a.test", "c.test"]


def test_run_batch_streams_at_most_jobs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    running = 0
    most = 0
    pulled: list[str] = []

    async def fake(domain: EmailAddress, _options: object) -> dict[str, object]:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0)
        running -= 1
        return {"domain": domain.domain, "verdict": "good"}

    def source() -> object:
        for i in range(50):
            pulled.append(str(i))
            yield EmailAddress.parse(f"d{i}.test")

    monkeypatch.setattr("assistant.core.audit.batch.audit_domain", fake)
    emitted: list[str] = []
    counts = asyncio.run(run_batch(source(), object(), lambda r: emitted.append(str(r["domain"])), jobs=4))  # type: ignore[arg-type]
    assert counts == {"good": 50} and len(emitted) == 50 and most == 4


RECORD = {
    "domain": "xn--bcher-kva.test", "domain_unicode": "bücher.test", "verdict": "problems",
    "problems": [{"code": "expired", "message": "imap.bücher.test: expired"},
                 {"code": "no_autoconfig", "message": "…"}],
    "clients": {"thunderbird": {"finds": True, "source": "guess"}, "outlook": {"finds": None},
                "rfc6186": {"finds": False}},
    "servers": [{"certificate": {"days_left": 40}}, {"certificate": {"days_left": -3}},
                {"certificate": None}],
    "fixes": {"dns": ["x"], "files": []}, "elapsed_ms": 12,
}


def test_person_line_shows_the_worst_problem_and_how_many_more() -> None:
    assert person_line(RECORD) == "bücher.test  problems: [expired] imap.bücher.test: expired (+1 more)"
    assert person_line({"domain": "x.test", "verdict": "good", "problems": []}) == "x.test  good"


def test_csv_row_in_column_order() -> None:
    row = dict(zip(CSV_COLUMNS, csv_row(RECORD), strict=True))
    assert row["worst"] == "expired" and row["problems"] == "expired no_autoconfig"
    assert (row["thunderbird"], row["outlook"], row["rfc6186"]) == ("guess", "unknown", "no")
    assert row["certificate_days_left"] == "-3" and row["dns_fixes"] == "1"


def test_summary_line() -> None:
    line = summary_line(Counter({"good": 3, "problems": 1}), 2.0)
    assert line.startswith("4 domains: 3 good, 1 with problems") and "120 per minute" in line


def test_memo_computes_once_per_key_shares_it_and_survives_a_waiter_giving_up() -> None:
    from assistant.core.net.shared import Memo

    memo: Memo[int] = Memo(size=2, ttl=60)
    calls: list[str] = []

    async def main() -> None:
        release = asyncio.Event()

        async def compute(key: str) -> int:
            calls.append(key)
            await release.wait()
            return len(calls)

        first = asyncio.ensure_future(memo.get("a", lambda: compute("a")))
        second = asyncio.ensure_future(memo.get("a", lambda: compute("a")))
        await asyncio.sleep(0)
        first.cancel()  # one run stops waiting; the other still gets the answer
        release.set()
        assert await second == 1
        assert await memo.get("a", lambda: compute("a")) == 1  # kept
        for key in ("b", "c"):
            await memo.get(key, lambda k=key: compute(k))  # type: ignore[misc]
        assert "a" not in memo._done  # at most `size` keys: the oldest went

    asyncio.run(main())
    assert calls == ["a", "b", "c"]


def test_memo_keeps_only_the_failures_it_is_told_to() -> None:
    from assistant.core.net.http import FetchError, lasting
    from assistant.core.net.shared import Memo

    memo: Memo[int] = Memo(keep_error=lambda e: isinstance(e, KeyError) or lasting(e))
    calls = 0

    async def main() -> None:
        async def boom(exc: Exception) -> int:
            nonlocal calls
            calls += 1
            raise exc

        for _ in range(2):
            with pytest.raises(KeyError):
                await memo.get("k", lambda: boom(KeyError("x")))
            with pytest.raises(FetchError, match="no such host") as caught:
                await memo.get("f", lambda: boom(FetchError("dns_error", "no such host")))
            assert caught.value.kind == "dns_error"
            with pytest.raises(ValueError):
                await memo.get("v", lambda: boom(ValueError("x")))

    asyncio.run(main())
    assert calls == 4  # the KeyError and the FetchError were remembered, the ValueError asked again
    assert memo._done["k"][2] is not None and memo._done["k"][2].__traceback__ is None
