"""One real Dovecot with a mailbox and a saved probe of it, for the commands that sign in (verify, report).

The ``mailbox`` fixture (tests/cli/conftest.py) starts it once for the CLI tests; :func:`run_main` runs a
command in process against it (``--probe`` and ``--cafile`` added), and :func:`assert_clean` searches
outputs for the password, escaped forms included.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.core.model.results import Candidate, DiscoveryResult
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.protocols import probe_endpoint
from tests.support.certs import CertFactory
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet
from tests.support.paths import SCHEMAS

REPORT_SCHEMA = json.loads((SCHEMAS / "report.schema.json").read_text())
ADDRESS = "carol@example.test"
# Characters that HTML and JSON escape, so the search covers escaped forms too.
PASSWORD = 'Pa<ss>&"w0rd\'ü'


@dataclass
class Mailbox:
    dovecot: DovecotHandle
    certs: CertFactory
    probe_file: Path


def _probe(ip: str, cafile: str) -> DiscoveryResult:
    settings = Settings(resolver=Resolver(lifetime=2.0), cafile=cafile, timeout=10.0)

    async def go() -> list:  # type: ignore[type-arg]
        cands = [Candidate("imap", ip, 993, "ssl", "manual"), Candidate("pop3", ip, 995, "ssl", "manual"),
                 Candidate("smtp", ip, 465, "ssl", "manual")]
        return list(await asyncio.gather(*(probe_endpoint(c, settings) for c in cands)))

    results = asyncio.run(go())
    assert all(r.secure for r in results), [r.error for r in results]
    return DiscoveryResult(address=ADDRESS, domain="example.test", domain_unicode="example.test",
                           local_part="carol", candidates=results,
                           recommended={r.candidate.protocol: r for r in results})


def start_mailbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mailbox]:
    """Dovecot with ADDRESS's mailbox (quota on) on a fresh address, and ``probe.json`` of it."""
    ip = Subnet().take()
    certs = CertFactory(tmp_path_factory.mktemp("certs"))
    leaf = certs.good(ip)
    dovecot = start_dovecot(ip, leaf.cert_pem, leaf.key_pem, users={ADDRESS: PASSWORD}, quota=True)
    try:
        probe_file = tmp_path_factory.mktemp("probe") / "probe.json"
        probe_file.write_text(json.dumps(_probe(ip, str(certs.ca_pem)).to_dict()))
        yield Mailbox(dovecot, certs, probe_file)
    finally:
        dovecot.stop()


def run_main(box: Mailbox, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main(ARGS --probe ... --cafile ...)`` in process: exit code, stdout, stderr."""
    code = main([*args, "--probe", str(box.probe_file), "--cafile", str(box.certs.ca_pem)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert PASSWORD not in text
        assert "Pa<ss>" not in text and "Pa&lt;ss&gt;" not in text
