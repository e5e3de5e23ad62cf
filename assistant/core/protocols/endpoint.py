"""Probe one endpoint: connect, TLS (implicit or a real STARTTLS upgrade), capabilities — never credentials.

Two entry points:

* ``probe_endpoint`` — what discovery runs for every candidate; never raises for network or protocol
  trouble, maps it to a status and one line of ``error``.
* ``open_session`` — the same conversation stopped at the point where a client would sign in, returning
  the live verified session so the sign-in test continues on exactly what was checked.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass, field, replace

from assistant.core.model.results import Candidate, ProbeResult, Status, TlsFacts
from assistant.core.net import connect, shared, tls
from assistant.core.net.settings import Settings
from assistant.core.protocols.base import Chat, clean
from assistant.core.protocols.imap import ImapChat
from assistant.core.protocols.lineconn import LineConnection, ProtocolError
from assistant.core.protocols.pop3 import Pop3Chat
from assistant.core.protocols.smtp import SmtpChat
from assistant.core.words.messages import Message, openssl_detail, os_detail, phase_message

CHATS: dict[str, type[Chat]] = {"imap": ImapChat, "pop3": Pop3Chat, "smtp": SmtpChat}
CLOSE_GRACE = 0.5


class ProbeFailure(Exception):
    """The conversation failed. ``status`` is a ProbeResult status; ``str()`` is the one-line error.

    ``cert_failure``: the verified handshake rejected the certificate (an inspection pass can say why).
    ``version_failure``: no shared TLS version (a legacy pass can tell whether the server is obsolete);
    ``legacy_retry``: that pass is worth trying (also when the server just hung up mid-handshake).
    """

    def __init__(self, status: Status, message: Message | str, *, warning: str | None = None,
                 cert_failure: bool = False, version_failure: bool = False, legacy_retry: bool = False,
                 detail: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message  # by code and fields when it is one of core/words/messages.py's sentences
        self.status: Status = status
        self.warning = warning
        self.cert_failure = cert_failure
        self.version_failure = version_failure
        self.legacy_retry = legacy_retry or version_failure
        self.detail = detail


@dataclass
class Session:
    """A live conversation that reached the point where a client would authenticate.

    ``tls`` holds the facts of the handshake (``tls.verified`` True unless opened for inspection;
    ``None`` for security "plain"); ``capabilities``/``auth_mechanisms`` were read over the final
    session (after TLS when there is TLS — anything learnt before it is discarded). ``chat`` is the
    protocol helper bound to ``conn`` (``ImapChat.next_tag()`` continues the tag sequence). Send
    commands with ``conn.write()`` and read with ``conn.readline()``; every read stays bounded by
    ``conn.max_line`` and ``conn.deadline`` (set it to your own step's deadline). Call ``close()``.
    """

    candidate: Candidate
    conn: LineConnection
    chat: Chat
    address: str
    tls: TlsFacts | None
    capabilities: list[str]
    auth_mechanisms: list[str]
    greeting: str | None = None
    warnings: list[str] = field(default_factory=list)

    async def close(self) -> None:
        """Say goodbye (LOGOUT/QUIT) and close, waiting at most a moment for the server."""
        self.goodbye()
        await self.conn.close(CLOSE_GRACE)

    def goodbye(self) -> None:
        """Send LOGOUT/QUIT and begin closing (close_notify) without waiting for the server's answer."""
        try:
            self.chat.quit()
        except (ProtocolError, OSError):
            pass
        self.conn.start_close()


class Goodbyes:
    """Probed connections whose goodbye was sent but not waited for; ``abort`` ends those still closing.

    A probe's result is known once the capabilities are read. Waiting for the server's answer to LOGOUT/QUIT
    and its close_notify cost one more round trip on every probe, and so on every discovery (100 ms at
    50 ms each way, docs/benchmarks.md). The goodbye still goes out; the run aborts what is left when it
    ends, so no connection outlives it.
    """

    def __init__(self) -> None:
        self._conns: list[LineConnection] = []

    def send(self, session: Session) -> None:
        session.goodbye()
        self._conns.append(session.conn)

    def abort(self) -> None:
        for conn in self._conns:
            conn.abort()
        self._conns.clear()


async def open_session(candidate: Candidate, settings: Settings, *, deadline: float | None = None,
                       ctx: ssl.SSLContext | None = None, verified: bool = True) -> Session:
    """Connect and run greeting → (STARTTLS →) capabilities; raise ProbeFailure on any trouble.

    ``deadline`` (``loop.time()`` based) bounds everything; default ``settings.endpoint_timeout`` from
    now. ``ctx`` defaults to the verified ``tls.client_context(settings.cafile)``; pass another context
    with ``verified=False`` only for inspection. A "starttls" candidate that does not offer or refuses
    the upgrade fails (``protocol_error``): there is no fallback to plaintext.
    """
    loop = asyncio.get_running_loop()
    if deadline is None:
        deadline = loop.time() + settings.endpoint_timeout
    if ctx is None:
        ctx = tls.client_context(settings.cafile)
    host, port, security = candidate.host.rstrip("."), candidate.port, candidate.security
    where = f"{host}:{port}"
    try:
        sock, ip = await connect.connect(host, port, settings.resolver,
                                     max(0.05, min(settings.connect_timeout, deadline - loop.time())))
    except connect.ConnectError as exc:
        status: Status = exc.kind if exc.kind in ("refused", "timeout", "unreachable", "dns_error") \
            else "unreachable"  # type: ignore[assignment]
        raise ProbeFailure(status, exc.message) from None
    conn: LineConnection | None = None
    handed_over = False
    phase = "TLS handshake" if security == "ssl" else "greeting"
    try:
        async with asyncio.timeout_at(deadline):
            conn = await LineConnection.open(sock, host, max_line=settings.max_line,
                                             ctx=ctx if security == "ssl" else None,
                                             handshake_timeout=deadline - loop.time())
            conn.deadline = deadline
            session = await _converse(candidate, conn, ctx, ip, verified, deadline)
            handed_over = True
            return session
    except ssl.SSLCertVerificationError as exc:
        msg = exc.verify_message or exc.reason or str(exc)
        raise ProbeFailure("tls_error", Message("cert_not_verified", {"where": where,
                                                                  "detail": openssl_detail(str(msg))}),
                           cert_failure=True, detail=str(msg)) from None
    except ssl.SSLError as exc:
        raise _tls_failure(where, exc) from None
    except ProtocolError as exc:
        raise ProbeFailure("protocol_error", exc.message, warning=exc.warning) from None
    except TimeoutError:
        phase = conn.phase if conn is not None else phase
        raise ProbeFailure("timeout", Message("no_answer", {"where": where, "phase": phase_message(phase)})) \
            from None
    except (ConnectionError, OSError) as exc:
        raise _broken(where, conn.phase if conn is not None else phase, exc) from None
    finally:
        if conn is None:
            sock.close()
        elif not handed_over:
            conn.abort()


def _broken(where: str, phase: str, exc: OSError) -> ProbeFailure:
    """The connection broke: during the TLS handshake (maybe a version the server refuses) or later."""
    if phase == "TLS handshake":
        if isinstance(exc, ConnectionAbortedError) and "longer" in str(exc):
            return ProbeFailure("timeout", Message("tls_timeout", {"where": where}))
        # Some servers and middleboxes just hang up on a version they refuse: let the legacy pass look.
        return ProbeFailure("tls_error", Message("tls_broken", {
            "where": where, "detail": os_detail(exc)}), legacy_retry=True)
    return ProbeFailure("protocol_error", Message("broke_waiting", {
        "where": where, "phase": phase_message(phase), "detail": os_detail(exc)}))


def _tls_failure(where: str, exc: ssl.SSLError) -> ProbeFailure:
    reason = exc.reason or ""
    if tls.is_version_failure(exc):
        return ProbeFailure("tls_error", Message("tls_no_version", {"where": where}),
                            version_failure=True, detail=str(exc))
    if reason == "WRONG_VERSION_NUMBER":
        return ProbeFailure("tls_error", Message("tls_not_tls", {"where": where}), detail=str(exc))
    return ProbeFailure("tls_error", Message("tls_failed", {"where": where, "detail": reason or exc}),
                        detail=str(exc))


async def _converse(candidate: Candidate, conn: LineConnection, ctx: ssl.SSLContext, ip: str,
                    verified: bool, deadline: float) -> Session:
    loop = asyncio.get_running_loop()
    chat = CHATS[candidate.protocol](conn)
    warnings: list[str] = []
    text, greet_caps = await chat.greeting()
    greeting: str | None = None
    if candidate.security == "starttls":
        if isinstance(chat, ImapChat) and chat.preauth:
            raise ProtocolError(Message("preauth", {"host": conn.host}), warning="preauth")
        # Pre-TLS capabilities only decide whether to ask for the upgrade; they are discarded after it.
        before = greet_caps or await chat.capabilities()
        if not chat.offers_starttls(before):
            raise ProtocolError(Message("starttls_missing", {"host": conn.host}), warning="starttls_missing")
        await chat.starttls()
        await conn.starttls(ctx, handshake_timeout=deadline - loop.time())
        caps = await chat.capabilities()
    elif candidate.security == "ssl":
        greeting = clean(text)
        caps = greet_caps or await chat.capabilities()
    else:
        caps = greet_caps or await chat.capabilities()
        if any(c.upper() == "LOGINDISABLED" for c in caps):
            warnings.append("logindisabled")
    facts = tls.facts_from_ssl(conn.sslobj, conn.host, verified=verified) if conn.tls else None
    return Session(candidate=candidate, conn=conn, chat=chat, address=ip, tls=facts, capabilities=caps,
                   auth_mechanisms=chat.auth_mechanisms(caps), greeting=greeting, warnings=warnings)


async def probe_endpoint(candidate: Candidate, settings: Settings, *,
                         goodbyes: Goodbyes | None = None) -> ProbeResult:
    """Probe one candidate within ``settings.endpoint_timeout``; never raises except on cancellation.

    With ``goodbyes`` the connection is left closing there instead of being waited for (see Goodbyes).
    In a batch (``settings.batch``, an audit of many domains) it first waits for a free connection slot at
    the server's address (its own time limit starts once it has one), and an endpoint a source named is
    probed once for all runs: the conversation sends nothing that depends on the domain being checked (a
    shared probe waits for its goodbye, so the slot covers it). Guesses are the run's own
    (``imap.<domain>`` is never another domain's server, and a guess the run drops must stop at once).
    """
    batch = settings.batch
    if batch is None:
        return await _probe(candidate, settings, goodbyes)

    async def gated(run_settings: Settings, leave: Goodbyes | None) -> ProbeResult:
        async with shared.slot(run_settings, candidate.host):
            return await _probe(candidate, run_settings, leave)

    if candidate.source == "guess":
        return await gated(settings, goodbyes)
    common = settings.for_shared()
    done: ProbeResult = await batch.probes.get(candidate.key, lambda: gated(common, None))
    return _copy_for(candidate, done)


def _copy_for(candidate: Candidate, done: ProbeResult) -> ProbeResult:
    """A shared result as this run's own: its candidate (with the security found), lists not shared."""
    tls_facts = None if done.tls is None else replace(done.tls, problems=list(done.tls.problems),
                                                      sans=list(done.tls.sans))
    return replace(done, candidate=replace(candidate, security=done.candidate.security), tls=tls_facts,
                   capabilities=list(done.capabilities), auth_mechanisms=list(done.auth_mechanisms),
                   warnings=list(done.warnings))


async def _probe(candidate: Candidate, settings: Settings, goodbyes: Goodbyes | None) -> ProbeResult:
    loop = asyncio.get_running_loop()
    start = loop.time()
    deadline = start + settings.endpoint_timeout
    result = ProbeResult(candidate=candidate, status="ok")
    try:
        session = await open_session(candidate, settings, deadline=deadline)
    except ProbeFailure as failure:
        if failure.warning == "starttls_missing":
            return _plaintext_only(result, int((loop.time() - start) * 1000))
        result.status, result.error = failure.status, str(failure)
        result.error_message = failure.message if isinstance(failure.message, Message) else None
        if failure.warning:
            result.warnings.append(failure.warning)
        if failure.cert_failure or failure.legacy_retry:
            await _inspect(candidate, settings, failure, result, deadline, goodbyes)
    else:
        _fill(result, session)
        result.elapsed_ms = int((loop.time() - start) * 1000)
        await _leave(session, goodbyes)
        return result
    result.elapsed_ms = int((loop.time() - start) * 1000)
    return result


def _plaintext_only(result: ProbeResult, elapsed_ms: int) -> ProbeResult:
    """A server that answered but offers no encryption at all: what it is, a plain endpoint that works.

    Not a ``protocol_error`` on a STARTTLS candidate (a helpdesk would read "broken server"): status
    ``ok`` with security ``plain``, so ranking never uses it and warns ``plaintext_only``. Nothing learnt
    in plaintext is kept (no capabilities, no mechanisms) and nothing more was sent.
    """
    result.candidate = replace(result.candidate, security="plain")
    result.status, result.error, result.elapsed_ms = "ok", None, elapsed_ms
    result.warnings.append("starttls_missing")
    return result


async def _leave(session: Session, goodbyes: Goodbyes | None) -> None:
    if goodbyes is None:
        await session.close()
    else:
        goodbyes.send(session)


async def _inspect(candidate: Candidate, settings: Settings, failure: ProbeFailure, result: ProbeResult,
                   deadline: float, goodbyes: Goodbyes | None) -> None:
    """Second, unverified handshake to learn WHY: the certificate's faults or an obsolete TLS version."""
    ctx = tls.legacy_context() if failure.legacy_retry else tls.inspection_context()
    try:
        session = await open_session(candidate, settings, deadline=deadline, ctx=ctx, verified=False)
    except ProbeFailure:
        result.tls = TlsFacts(verified=False, detail=failure.detail)
        if failure.version_failure:
            reason: Message | str = result.error_message or result.error or ""
            result.error_message = Message("obsolete_tls_too", {"reason": reason})
            result.error = str(result.error_message)
        return
    try:
        facts = session.tls
        assert facts is not None  # inspection always runs over TLS
        facts.verified, facts.detail = False, failure.detail
        if failure.legacy_retry and "weak_protocol" not in facts.problems:
            # Modern TLS worked this time, so the certificate was never the question: report no guesses.
            result.tls = TlsFacts(verified=False, detail=failure.detail)
            return
        _fill(result, session)
        if "weak_protocol" in facts.problems:
            result.error_message = Message("tls_weak", {
                "where": f"{candidate.host}:{candidate.port}",
                "version": facts.version or Message("tls_old_version")})
            result.error = str(result.error_message)
        elif not any(p in tls.FAILURES for p in facts.problems):
            facts.problems.insert(0, "untrusted_issuer")
        result.status = "tls_error"
        result.greeting = None  # unverified text is never shown as the server's own
    finally:
        await _leave(session, goodbyes)


def _fill(result: ProbeResult, session: Session) -> None:
    result.tls = session.tls
    result.capabilities = list(session.capabilities)
    result.auth_mechanisms = list(session.auth_mechanisms)
    result.address = session.address
    result.greeting = session.greeting
    result.warnings.extend(w for w in session.warnings if w not in result.warnings)
