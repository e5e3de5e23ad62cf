"""``mail-setup-assistant audit DOMAIN… | --batch FILE|-``: check many domains as their mail programs would.

For a hosting provider's helpdesk: per domain, what each source publishes, which mail programs find the
settings by themselves, the problems by stable code, and the zone-file lines and files that fix them.
Output streams as the domains finish: a line per domain (or JSON lines with ``--json``, CSV with ``--csv``)
to stdout or ``-o FILE``; ``--html FILE`` adds one self-contained page at the end. Ctrl-C keeps every line
written, finishes the files and exits 130; ``--resume`` skips what ``-o FILE`` already holds. Exit codes:
0 every domain good, 1 some have problems (or do not exist, or have no mail server), 2 bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import IO, Any

from assistant.cli.common import add_discovery_options, settings_from_args
from assistant.core.audit.batch import DEFAULT_JOBS, MAX_JOBS, parse_shard, run_batch, select
from assistant.core.audit.findings import DEFAULT_EXPIRY_DAYS
from assistant.core.audit.inputs import (
    check_file,
    cut,
    domains_from_file,
    parse_domain,
    resume_scan,
)
from assistant.core.audit.record import DEFAULT_MAILBOX, AuditOptions
from assistant.core.audit.report import CSV_COLUMNS, csv_row, person_line, summary_line
from assistant.core.model.address import EmailAddress
from assistant.core.net.shared import DEFAULT_PER_ADDRESS
from assistant.core.words.errors import EXIT_NOTHING_USABLE, EXIT_OK, InputError
from assistant.core.words.printable import printable

# Answers kept (dnspython's LRU, ~2 KB each): the names a batch shares (the hoster's hosts, its MX) stay hot;
# each customer's own names are asked once or twice, so a larger cache would only grow the process.
RESOLVER_CACHE = 4096
DNS_IN_FLIGHT = 64  # queries outstanding at once: a start of 32 domains would otherwise burst ~900
EXIT_INTERRUPTED = 130


def _count(low: int, high: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what}: expected a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what}: must be between {low} and {high}")
        return value
    parse.__name__ = what
    return parse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "audit", help="check many domains: which mail programs find their settings, problems, fixes",
        description="For each DOMAIN (or each line of --batch FILE, '-' for standard input): what SRV, "
                    "autoconfig, Autodiscover, the ISPDB, the MX provider and guessing give, which mail "
                    "programs find the settings by themselves, every server's certificate, the problems by "
                    "code and the DNS records and files that fix them. Exit codes: 0 every domain good, 1 "
                    "some are not, 2 bad input, 130 interrupted.")
    p.add_argument("domains", nargs="*", metavar="DOMAIN",
                   help="a domain to check (or an address: its domain)")
    p.add_argument("--batch", metavar="FILE",
                   help="a list of domains, one per line ('#' comments); '-' reads standard input")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--json", action="store_true", help="one JSON object per domain and line (JSON lines)")
    kind.add_argument("--csv", action="store_true", help="one CSV row per domain, with a header")
    p.add_argument("-o", "--output", metavar="FILE", help="write the lines here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE (and the --html page) if it exists")
    p.add_argument("--resume", action="store_true",
                   help="skip the domains -o FILE already holds and append the others (with --json or --csv)")
    p.add_argument("--html", metavar="FILE", help="also write one self-contained HTML page at the end")
    p.add_argument("--fix-dir", metavar="DIR", help="write the files to publish as DIR/DOMAIN/<web path>")
    p.add_argument("--web-host", metavar="HOST",
                   help="the web server the autoconfig./autodiscover. names should point at (default: the "
                        "domain itself)")
    p.add_argument("--expiry-days", type=_count(0, 3650, "--expiry-days"), default=DEFAULT_EXPIRY_DAYS,
                   metavar="N", help=f"certificates expiring within N days are a problem (default "
                                     f"{DEFAULT_EXPIRY_DAYS})")
    p.add_argument("--jobs", type=_count(1, MAX_JOBS, "--jobs"), default=DEFAULT_JOBS, metavar="N",
                   help=f"domains checked at once (default {DEFAULT_JOBS})")
    p.add_argument("--per-ip", type=_count(1, 64, "--per-ip"), default=DEFAULT_PER_ADDRESS, metavar="N",
                   help=f"connections at once to one server address (default {DEFAULT_PER_ADDRESS})")
    p.add_argument("--shard", metavar="K/N", help="check only part K of N of the list (stable split; run "
                                                  "the N parts anywhere and concatenate their JSON lines)")
    p.add_argument("--mailbox", metavar="NAME", default=DEFAULT_MAILBOX,
                   help=f"the local part sent where a source wants an address (default {DEFAULT_MAILBOX})")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    add_discovery_options(p)
    for action in p._actions:
        if action.dest == "timeout":  # here it bounds each domain, not the whole batch
            action.help = "each domain's check finishes within this many seconds (default %(default)g)"
    p.set_defaults(func=run_audit)


# --- inputs -------------------------------------------------------------------------------------------

def _inputs(args: argparse.Namespace) -> tuple[Iterator[EmailAddress], int | None]:
    """The domains to check (lazily) and how many there are when that is known."""
    given = [parse_domain(text, f"DOMAIN {printable(text[:80])}") for text in args.domains]
    if not given and not args.batch:
        raise InputError("give at least one DOMAIN or --batch FILE ('-' for standard input)")
    total: int | None = len(given)
    if args.batch and args.batch != "-":
        total = len(given) + check_file(args.batch)  # every line checked before the first domain runs
    elif args.batch == "-":
        total = None

    def chain() -> Iterator[EmailAddress]:
        yield from given
        if args.batch:
            yield from domains_from_file(args.batch)
    return chain(), total


def _options(args: argparse.Namespace) -> AuditOptions:
    import dataclasses

    from assistant.core.net.dns import Resolver
    from assistant.core.net.http import lasting
    from assistant.core.net.shared import Batch, ConnectionGate, Memo
    settings = settings_from_args(args)
    resolver = Resolver(settings.resolver.server, settings.resolver.lifetime, cache_size=RESOLVER_CACHE,
                        in_flight=DNS_IN_FLIGHT)
    batch = Batch(resolver, ConnectionGate(args.per_ip), fetches=Memo(size=512, keep_error=lasting))
    settings = dataclasses.replace(settings, resolver=resolver, batch=batch)
    mailbox = args.mailbox.strip()
    if not mailbox or "@" in mailbox:
        raise InputError("--mailbox: a local part such as postmaster, without @")
    parse_domain(f"{mailbox}@example.com", "--mailbox")
    web_host = None
    if args.web_host:
        web_host = parse_domain(args.web_host, "--web-host").domain
    return AuditOptions(settings, args.expiry_days, mailbox, web_host)


def _check_files(args: argparse.Namespace) -> None:
    """Every file problem before the first domain runs: a run of hours must not fail at its end."""
    if args.resume and not args.output:
        raise InputError("--resume: needs -o FILE (the output of the run to continue)")
    if args.resume and not (args.json or args.csv):
        raise InputError("--resume: needs --json or --csv (the formats a run can be continued from)")
    for option, path in (("-o", args.output), ("--html", args.html)):
        if not path or path == "-":
            continue
        target = Path(path)
        if target.is_dir():
            raise InputError(f"{option} {path}: is a folder")
        if not (target.parent if str(target.parent) else Path(".")).is_dir():
            raise InputError(f"{option} {path}: its folder does not exist")
        if target.exists() and not args.force and not (option == "-o" and args.resume):
            raise InputError(f"{option} {path}: exists (--force replaces it, --resume continues it)")
    if args.fix_dir:
        from assistant.core.setup.exporting import make_folder
        make_folder(Path(args.fix_dir))


# --- outputs ------------------------------------------------------------------------------------------

class Sink:
    """Where each record goes as it arrives: the lines, the HTML spool, the fix tree, the progress bar."""

    def __init__(self, args: argparse.Namespace, out: IO[str], spool: IO[str] | None,
                 total: int | None) -> None:
        self.args, self.out, self.spool = args, out, spool
        self.kind = "json" if args.json else "csv" if args.csv else "text"
        self.csv = csv.writer(out, lineterminator="\n") if self.kind == "csv" else None
        self.bar = _progress(total, args) if total is None or total > 0 else None
        self.counts: Counter[str] = Counter()  # this run's verdicts, as they arrive (Ctrl-C keeps them)

    def header(self) -> None:
        if self.csv is not None:
            self.csv.writerow(CSV_COLUMNS)
            self.out.flush()

    def __call__(self, record: dict[str, Any]) -> None:
        self.counts[record["verdict"]] += 1
        if self.kind == "json":
            text = json.dumps(record, ensure_ascii=False) + "\n"
        elif self.kind == "csv":
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerow(csv_row(record))
            text = buf.getvalue()
        else:
            text = printable(person_line(record)) + "\n"
        if self.bar is not None and self.out is sys.stdout and sys.stdout.isatty():
            self.bar.write(text.rstrip("\n"), file=sys.stdout)
        else:
            self.out.write(text)  # one write per record: an interrupted run never leaves half a line
            self.out.flush()
        if self.spool is not None:
            self.spool.write(json.dumps(record, ensure_ascii=False) + "\n")
        if self.args.fix_dir:
            _write_fixes(Path(self.args.fix_dir), record)
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _progress(total: int | None, args: argparse.Namespace) -> Any:
    """A progress bar (done/total, rate, time left) on stderr, only when it is a terminal."""
    if args.no_progress or not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="domain", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _write_fixes(folder: Path, record: dict[str, Any]) -> None:
    from assistant.core.net.files import write_output
    for f in (record.get("fixes") or {}).get("files") or []:
        target = folder / f["path"]  # DOMAIN/...: the domain was validated, the rest is ours
        target.parent.mkdir(parents=True, exist_ok=True)
        write_output(str(target), f["content"].encode("utf-8"), force=True)


def _open_output(args: argparse.Namespace, keep_bytes: int | None) -> IO[str]:
    """stdout, or ``-o FILE`` (appended to when resuming, after cutting a torn last line)."""
    if not args.output or args.output == "-":
        return sys.stdout
    try:
        if keep_bytes is not None:
            cut(args.output, keep_bytes)
            return open(args.output, "a", encoding="utf-8")
        return open(args.output, "w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"-o {args.output}: cannot be written ({exc.strerror or exc})") from None


# --- the command --------------------------------------------------------------------------------------

def run_audit(args: argparse.Namespace) -> int:
    shard = parse_shard(args.shard) if args.shard else None
    _check_files(args)
    options = _options(args)
    domains, total = _inputs(args)
    fmt = "json" if args.json else "csv"
    done = resume_scan(args.output, fmt) if args.resume else None
    todo = select(domains, shard, done.domains if done else None)
    if total is not None and (shard or done):
        total = None  # how many of the list fall in this shard or are left is known only while reading
    counts: Counter[str] = Counter(done.verdicts if done else ())
    spool = _spool(args)
    out = _open_output(args, done.keep_bytes if done else None)
    sink = Sink(args, out, spool, total)
    if not (done and (done.has_header or done.domains)):
        sink.header()
    started = time.monotonic()
    interrupted = False
    try:
        _run(run_batch(todo, options, sink, args.jobs))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sink.close()
        if out is not sys.stdout:
            out.close()
    counts += sink.counts
    _finish(args, spool, counts, time.monotonic() - started, done is not None)
    if interrupted:
        print("mail-setup-assistant: interrupted; every finished domain is written", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK if set(counts) <= {"good"} else EXIT_NOTHING_USABLE


def _run(batch: Coroutine[Any, Any, Counter[str]]) -> None:
    """Run the batch; after Ctrl-C, the lookups still in flight as the loop closes are not news."""
    with asyncio.Runner() as runner:
        runner.get_loop().set_exception_handler(_quiet_shutdown)
        runner.run(batch)


def _quiet_shutdown(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    if str(context.get("message", "")).startswith("unhandled exception during asyncio.run() shutdown"):
        return
    loop.default_exception_handler(context)


def _spool(args: argparse.Namespace) -> IO[str] | None:
    """The records of this run for the HTML page (a temporary JSON-lines file: memory stays flat)."""
    if not args.html:
        return None
    folder = Path(args.html).parent if str(Path(args.html).parent) else Path(".")
    return tempfile.NamedTemporaryFile("w+", encoding="utf-8", suffix=".jsonl", dir=folder,
                                       prefix=".audit-", delete=True)


def _finish(args: argparse.Namespace, spool: IO[str] | None, counts: Counter[str], seconds: float,
            resumed: bool) -> None:
    """The HTML page (whole or not at all) and the closing count."""
    if spool is not None:
        from assistant.core.audit.html import write_page
        spool.flush()
        source = Path(spool.name)
        if resumed and args.json and args.output and args.output != "-":
            source = Path(args.output)  # the whole file: earlier runs' domains too
        try:
            write_page(Path(args.html), source, counts)
        except OSError as exc:
            raise InputError(f"--html {args.html}: cannot be written ({exc.strerror or exc})") from None
        finally:
            spool.close()
    line = summary_line(counts, seconds)
    text_mode = not (args.json or args.csv)
    print(line, file=sys.stdout if text_mode and not args.output else sys.stderr)
