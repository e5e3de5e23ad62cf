"""From the servers in use (a Selection's, or a discovery's own recommendation) to the account a profile
describes. A profile hands settings to many people, so only servers that were found usable go into it; when
there is none the input was fine but the result was not (exit code 1, not 2).
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.core.model.account import AUTHS, AccountConfig, Auth, ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import ProbeResult
from assistant.core.words.errors import AssistantError, InputError

INCOMING = ("imap", "pop3")

# SASL mechanisms (upper case) grouped by the autoconfig authentication value a client should use.
_CLEARTEXT = {"PLAIN", "LOGIN", "USER"}
_ENCRYPTED = {"CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-1-PLUS",
              "SCRAM-SHA-256-PLUS", "APOP"}
_OAUTH = {"XOAUTH2", "OAUTHBEARER"}


def auth_for(probe: ProbeResult) -> Auth:
    """What a config file said wins; else what the server announced; else password-cleartext over TLS."""
    for a in probe.candidate.auth:
        if a in AUTHS:
            return a  # type: ignore[return-value]
    mechs = {m.upper() for m in probe.auth_mechanisms}
    if not mechs or mechs & _CLEARTEXT:
        return "password-cleartext"
    if mechs & _ENCRYPTED:
        return "password-encrypted"
    if mechs & _OAUTH:
        return "OAuth2"
    return "password-cleartext"


def server_from_probe(probe: ProbeResult) -> ServerConfig:
    """The server as a profile describes it; every sign-in method its settings file named is kept (OAuth2
    with its password fallback), so a format that cannot hold OAuth2 can still write the fallback."""
    methods = tuple(probe.candidate.auth)
    return ServerConfig(
        protocol=probe.candidate.protocol, host=probe.candidate.host.rstrip("."), port=probe.candidate.port,
        security=probe.candidate.security, username=probe.candidate.username or "%EMAILADDRESS%",
        auth=auth_for(probe), auth_methods=methods if len(methods) > 1 else ())


def account_from_probes(address: EmailAddress, chosen: Mapping[str, ProbeResult | None], *,
                        protocol: str | None = None, display_name: str | None = None) -> AccountConfig:
    """The chosen protocol's server first, the other protocol's as alternative, and the SMTP server.

    ``chosen`` is the server used per protocol (a Selection's accepted probes, or a discovery's own
    recommendation). Without ``protocol`` IMAP is taken when usable (mail stays on the server), else POP3.
    """
    if protocol is None:
        protocol = next((p for p in INCOMING if chosen.get(p) is not None), None)
        if protocol is None:
            raise AssistantError(code="no_incoming", params={"domain": address.domain})
    if protocol not in INCOMING:
        raise InputError(f"protocol: '{protocol}' is not an incoming protocol (use imap or pop3)")
    first = chosen.get(protocol)
    if first is None:
        raise AssistantError(code="no_server_for",
                             params={"domain": address.domain, "protocol": protocol.upper()})
    smtp = chosen.get("smtp")
    if smtp is None:
        raise AssistantError(code="no_outgoing", params={"domain": address.domain})
    incoming = [server_from_probe(first)]
    other = chosen.get("pop3" if protocol == "imap" else "imap")
    if other is not None:
        incoming.append(server_from_probe(other))
    return AccountConfig(
        domain=address.domain, incoming=tuple(incoming), outgoing=(server_from_probe(smtp),),
        address=address.address, display_name=display_name, provider_id=address.domain,
        provider_name=address.domain_unicode, provider_short_name=address.domain_unicode.split(".")[0],
    )
