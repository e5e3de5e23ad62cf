"""The asynchronous steps of a setup, written once for the CLI and the wizard: discover, test, sign in.

Each step is a coroutine over plain data with a progress callback, so the CLI runs it with ``asyncio.run``
and the wizard on its worker thread; neither front end assembles these steps itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.core.model.progress import ProgressCallback, ProgressEvent
from assistant.core.net.settings import Settings
from assistant.core.words.vocabulary import endpoint_key

if TYPE_CHECKING:
    from assistant.core.discovery.presets import Preset
    from assistant.core.model.account import ServerConfig
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.provider import OAuth2App, SignIn
    from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult
    from assistant.core.signin.oauth2 import OpenBrowser
    from assistant.core.signin.secret import Secret
    from assistant.core.signin.verify import SigninResult, VerifyResult


async def discover(address: EmailAddress, settings: Settings, preset: Preset | None = None,
                   progress: ProgressCallback | None = None) -> DiscoveryResult:
    """Find and test the servers for ``address``; an organisation's servers join and its policy decides."""
    from assistant.core.discovery.presets import apply_policy
    from assistant.core.discovery.run import discover as run

    if preset is None:
        return await run(address, settings, progress)
    found = await run(address, preset.apply_settings(settings), progress, extra=preset.candidates())
    return apply_policy(found, preset)


async def test_servers(servers: Sequence[ServerConfig], settings: Settings) -> list[ProbeResult]:
    """Probe servers typed in by hand with the same code discovery uses (no credentials are sent)."""
    from assistant.core.model.results import Candidate
    from assistant.core.protocols import probe_endpoint

    candidates: list[Candidate] = [Candidate(s.protocol, s.host, s.port, s.security, "manual",
                                             username=s.username) for s in servers]
    return list(await asyncio.gather(*(probe_endpoint(c, settings) for c in candidates)))


async def sign_in(address: EmailAddress, incoming: ServerConfig | None, outgoing: ServerConfig | None,
                  secret: Secret | None, settings: Settings, *,
                  pins: Mapping[str, tuple[str, ...]] | None = None, min_tls: str | None = None,
                  progress: ProgressCallback | None = None, provider: SignIn | None = None,
                  token: Secret | None = None) -> VerifyResult:
    """Sign in to the incoming and the outgoing server at once, each with only its own pin.

    ``pins`` maps a protocol to the certificate fingerprints accepted for that server instead of a
    verified chain, so a certificate confirmed for one host never lets a different host through.
    ``provider`` is the recognised provider: where it takes only its own sign-in page (OAuth2) the password
    is never sent, and a refused password where it wants an app password says so (signin/verify.py).
    ``token`` (the organisation's own OAuth2 sign-in, ``oauth2_token``) signs in instead of a password.
    """
    from assistant.core.signin.verify import VerifyResult, no_server, verify_server

    pins = pins or {}
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def one(server: ServerConfig | None, side: str) -> SigninResult:
        if server is None:
            return no_server("imap" if side == "incoming" else "smtp")
        key = endpoint_key(server.protocol, server.host, server.port, server.security)
        label = f"{server.protocol.upper()} {server.host}:{server.port}"
        if progress is not None:
            progress(ProgressEvent("endpoint", label, "started", key=key))
        r = await verify_server(server, address, secret, settings, pins=pins.get(server.protocol, ()),
                                min_tls=min_tls, sign_in=provider, token=token)
        if progress is not None:
            progress(ProgressEvent("endpoint", label, "done" if r.ok else "failed", r.code, key=key))
        return r

    inc, out = await asyncio.gather(one(incoming, "incoming"), one(outgoing, "outgoing"))
    return VerifyResult(address=address.text, incoming=inc, outgoing=out,
                        elapsed_ms=int((loop.time() - start) * 1000))


async def oauth2_token(app: OAuth2App, address: EmailAddress, settings: Settings, open_browser: OpenBrowser,
                       *, timeout: float, progress: ProgressCallback | None = None,
                       done_text: str | None = None) -> Secret:
    """The organisation's own page in the browser, for an access token (signin/oauth2.py) within
    ``timeout`` seconds. Raises AssistantError when the round fails (nothing is signed in then)."""
    from urllib.parse import urlsplit

    from assistant.core.signin import oauth2
    page = urlsplit(app.authorization_endpoint).hostname or "OAuth2"  # the progress line names the page
    if progress is not None:
        progress(ProgressEvent("oauth2", page, "started", key="oauth2"))
    token = await oauth2.authorize(app, settings, open_browser, login_hint=address.address,
                                   done_text=done_text or oauth2.DONE_TEXT, timeout=timeout)
    if progress is not None:
        progress(ProgressEvent("oauth2", page, "done", key="oauth2"))
    return token
