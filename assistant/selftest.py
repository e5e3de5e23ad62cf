"""``mail-setup-assistant --self-test``: does this installation have every part it needs at run time?

Frozen bundles fail in ways a source checkout never shows: a Qt plugin or a translation left out, keyring's
entry-point metadata missing (so it silently finds no keychain), dnspython's record types not collected. Each
check below exercises one such part for real and prints one line; the exit code is 0 when nothing failed,
1 otherwise. Warnings do not fail: on a Linux machine without a D-Bus session bus (a headless CI box, an SSH
session) no keychain can exist, which is that machine's situation, not a broken installation.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import ssl
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from assistant import APP_NAME, __version__, resources

Status = Literal["ok", "warn", "FAIL"]
MAX_SCHEMA_BYTES = 1 << 20
PROBE_LANGUAGE = "zh_TW"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    def line(self) -> str:
        return f"{self.status:<4}  {self.name:<12} {self.detail}"


def _guard(name: str, fn: Callable[[], list[Check]]) -> list[Check]:
    """Run one group of checks; an unexpected exception is that group's failure, never a traceback."""
    try:
        return fn()
    except Exception as exc:  # the point of a self-test is to report, whatever broke
        return [Check(name, "FAIL", f"{type(exc).__name__}: {exc}")]


# ----- Qt ---------------------------------------------------------------------------------------------

def _check_qt(res: Path, emit: Callable[[Check], None]) -> list[Check]:
    from PySide6.QtCore import (
        QLibraryInfo,
        QMessageLogContext,
        QtMsgType,
        QTranslator,
        qInstallMessageHandler,
        qVersion,
    )
    from PySide6.QtGui import QGuiApplication, QImageReader

    qt_messages: list[str] = []

    def handler(mode: QtMsgType, _ctx: QMessageLogContext, message: str) -> None:
        qt_messages.append(message.strip())
        if mode == QtMsgType.QtFatalMsg:
            # Qt aborts the process right after a fatal message (no platform plugin): report it first.
            wanted = os.environ.get("QT_QPA_PLATFORM", "(default)")
            first_lines = " / ".join(m.splitlines()[0] for m in qt_messages if m)
            emit(Check("qt", "FAIL", f"platform plugin {wanted!r} did not load: {first_lines} "
                                     "(run with QT_DEBUG_PLUGINS=1 for details)"))
            print("self-test: FAILED", flush=True)
            sys.stdout.flush()
            os._exit(1)

    previous = qInstallMessageHandler(handler)
    try:
        app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else APP_NAME])
        out = [Check("qt", "ok", f"Qt {qVersion()}, platform plugin {QGuiApplication.platformName()!r}")]
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        out += _check_translations(res, QTranslator, qt_translations)
        out += _check_icon(res, QImageReader)
        del app
        return out
    finally:
        qInstallMessageHandler(previous)


def _check_translations(res: Path, translator: type, qt_dir: str) -> list[Check]:
    from assistant.gui.i18n import CATALOGUE, build_catalogues

    # A source checkout (or an editable install) compiles its catalogues on first start, as the wizard
    # does; a wheel and a bundle carry them compiled and have nothing to build.
    build_catalogues()
    out = []
    qm = res / "translations" / f"{CATALOGUE}_{PROBE_LANGUAGE}.qm"
    ours = translator()
    if not qm.is_file():
        out.append(Check("translations", "FAIL", f"{qm} is missing (the build compiles the .ts sources)"))
    elif not ours.load(str(qm)):
        out.append(Check("translations", "FAIL", f"{qm} did not load as a Qt catalog"))
    elif ours.isEmpty():
        out.append(Check("translations", "FAIL", f"{qm} holds no translations"))
    else:
        out.append(Check("translations", "ok", f"{qm.name} loaded"))
    qt = translator()
    if qt.load(f"qtbase_{PROBE_LANGUAGE}", qt_dir) and not qt.isEmpty():
        out.append(Check("translations", "ok", f"qtbase_{PROBE_LANGUAGE}.qm loaded from {qt_dir}"))
    else:
        out.append(Check("translations", "FAIL", f"qtbase_{PROBE_LANGUAGE}.qm not found in {qt_dir}"))
    return out


def _check_icon(res: Path, reader: type) -> list[Check]:
    svgs = sorted((res / "icons").glob("*.svg"))
    if not svgs:
        return [Check("resources", "FAIL", f"no SVG icon in {res / 'icons'}")]
    r = reader(str(svgs[0]))
    image = r.read()
    if image.isNull():
        return [Check("resources", "FAIL", f"{svgs[0].name}: Qt cannot read it ({r.errorString()}); "
                                           "is the svg image-format plugin bundled?")]
    return [Check("resources", "ok", f"icon {svgs[0].name} renders ({image.width()}x{image.height()})")]


def _check_gui_imports() -> list[Check]:
    """Import the whole wizard: a Qt module left out of a bundle only shows up when its page is imported."""
    import importlib

    importlib.import_module("assistant.gui.app")
    # The wizard builds its later pages after the window shows; import them (and the Qt modules they
    # load on demand) here too.
    importlib.import_module("assistant.gui.wizard").import_deferred()
    loaded = [m for m in sys.modules if m.startswith("assistant.gui")]
    qt = sorted(m.split(".")[1] for m in sys.modules if m.startswith("PySide6.Qt") and m.count(".") == 1)
    return [Check("gui", "ok", f"wizard code imports ({len(loaded)} modules; Qt: {', '.join(qt)})")]


# ----- files, keyring, DNS, TLS -----------------------------------------------------------------------

def _check_schemas(res: Path) -> list[Check]:
    schemas = sorted((res / "schemas").glob("*.json"))
    if not schemas:
        return [Check("resources", "FAIL", f"no JSON schema in {res / 'schemas'}")]
    for path in schemas:
        with path.open("rb") as fh:
            data = fh.read(MAX_SCHEMA_BYTES + 1)
        if len(data) > MAX_SCHEMA_BYTES:
            return [Check("resources", "FAIL", f"{path.name}: larger than {MAX_SCHEMA_BYTES} bytes")]
        try:
            json.loads(data)
        except ValueError as exc:
            return [Check("resources", "FAIL", f"{path.name}: not valid JSON ({exc})")]
    return [Check("resources", "ok", f"{len(schemas)} JSON schema(s) in {res / 'schemas'}")]


def _check_providers() -> list[Check]:
    """The provider table discovery reads (a wheel or bundle without it cannot recognise Gmail & co.)."""
    from assistant.core.discovery.providers import ProviderTableError, table
    try:
        found = table()
    except ProviderTableError as exc:
        return [Check("resources", "FAIL", str(exc))]
    return [Check("resources", "ok", f"provider table: {len(found)} providers")]


def _session_bus_exists() -> bool:
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and Path(runtime, "bus").exists()


def _check_keyring() -> list[Check]:
    import keyring
    from keyring.backends import chainer, fail

    found = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
    if not found:
        return [Check("keyring", "FAIL", "no keyring backends are registered: keyring's package metadata "
                                         "is missing from this installation")]
    out = [Check("keyring", "ok", f"backends registered: {', '.join(found)}")]
    kr = keyring.get_keyring()
    name = f"{type(kr).__module__.rsplit('.', 1)[-1]} {type(kr).__name__}"
    empty_chain = isinstance(kr, chainer.ChainerBackend) and not kr.backends
    usable = not isinstance(kr, fail.Keyring) and not empty_chain
    if usable:
        out.append(Check("keyring", "ok", f"using {name}"))
    elif sys.platform.startswith(("linux", "freebsd", "openbsd")) and not _session_bus_exists():
        out.append(Check("keyring", "warn", "no keychain: this session has no D-Bus session bus (headless?), "
                                            "so passwords cannot be saved here"))
    else:
        out.append(Check("keyring", "FAIL", f"no usable keychain was found (got {name})"))
    return out


def _check_dns(server: str | None, name: str) -> list[Check]:
    import dns.rdata
    import dns.rdataclass
    import dns.rdatatype

    from assistant.core.net.dns import DnsError, NoSuchDomain, Resolver, parse_server

    samples = {"SRV": "0 1 993 imap.example.org.", "MX": "10 mx.example.org.", "TXT": '"v=spf1 -all"',
               "A": "192.0.2.1", "AAAA": "2001:db8::1", "CNAME": "example.org."}
    for rdtype, text in samples.items():
        dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(rdtype), text)
    out = [Check("dns", "ok", f"dnspython {dns.version.version}: record types {', '.join(samples)} parse")]
    if server is None:
        try:
            Resolver()
            out.append(Check("dns", "ok", "system resolver configuration read"))
        except DnsError as exc:
            out.append(Check("dns", "warn", str(exc)))
        return out
    resolver = Resolver(parse_server(server), lifetime=3.0)
    try:
        records = asyncio.run(resolver.query(name, "SRV"))
        answer = f"{len(records)} SRV record(s)"
    except NoSuchDomain:
        answer = "an NXDOMAIN answer"
    except DnsError as exc:
        return [*out, Check("dns", "FAIL", f"query to {resolver.describe()}: {exc}")]
    return [*out, Check("dns", "ok", f"{name} SRV via {resolver.describe()}: {answer}")]


def _check_tls() -> list[Check]:
    import truststore

    from assistant.core.net.tls import client_context

    ctx = client_context()
    problems = []
    if ctx.verify_mode != ssl.CERT_REQUIRED or not ctx.check_hostname:
        problems.append("certificate or host-name checks are off")
    if ctx.minimum_version < ssl.TLSVersion.TLSv1_2:
        problems.append("accepts TLS older than 1.2")
    if problems:
        return [Check("tls", "FAIL", "; ".join(problems))]
    return [Check("tls", "ok", f"truststore {truststore.__version__}, {ssl.OPENSSL_VERSION}: "
                               "verified context (TLS ≥ 1.2, host names checked)")]


# ----- driver ----------------------------------------------------------------------------------------

def run(res: Path | None = None, dns_server: str | None = None, dns_name: str = "_imaps._tcp.example.org",
        emit: Callable[[Check], None] | None = None) -> list[Check]:
    """Every check in order; ``emit`` sees each line as soon as it is known (a Qt abort loses nothing)."""
    res = res or resources.root()
    checks: list[Check] = []

    def add(items: list[Check]) -> None:
        for c in items:
            checks.append(c)
            if emit:
                emit(c)

    sink = emit or (lambda _c: None)
    add(_guard("resources", lambda: _check_schemas(res)))
    add(_guard("resources", _check_providers))
    add(_guard("keyring", _check_keyring))
    add(_guard("dns", lambda: _check_dns(dns_server, dns_name)))
    add(_guard("tls", _check_tls))
    add(_guard("qt", lambda: _check_qt(res, sink)))
    add(_guard("gui", _check_gui_imports))
    return checks


def main(argv: Sequence[str]) -> int:
    from assistant.cli.parser import Parser
    from assistant.core.words.printable import printable

    parser = Parser(prog="mail-setup-assistant --self-test",
                                     description="Check that this installation has everything it needs.")
    parser.add_argument("--dns-server", metavar="IP[:PORT]", help="also send one DNS query to this server")
    parser.add_argument("--dns-name", default="_imaps._tcp.example.org", metavar="NAME",
                        help="the name to query (SRV) with --dns-server")
    args = parser.parse_args(list(argv))
    if args.dns_server is not None:
        from assistant.core.net.dns import parse_server

        parse_server(args.dns_server)  # bad input: one line and exit 2 from the CLI, not a failed check
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"{APP_NAME} {__version__} self-test ({frozen}; Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()})", flush=True)
    checks = run(dns_server=args.dns_server, dns_name=args.dns_name,
                 emit=lambda c: print(printable(c.line()), flush=True))  # DNS and error text
    failed = sum(c.status == "FAIL" for c in checks)
    warned = sum(c.status == "warn" for c in checks)
    verdict = "FAILED" if failed else "passed"
    print(f"self-test: {verdict} ({len(checks)} checks, {failed} failed, {warned} warning(s))", flush=True)
    return 1 if failed else 0
