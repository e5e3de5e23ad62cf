"""Apple configuration profile (.mobileconfig) with one com.apple.mail.managed payload: writer and reader.

Identifiers and UUIDs are derived from the account (its address, or the domain for a domain-wide profile),
not random: exporting again for the same account produces a profile that *replaces* the installed one
(same PayloadIdentifier) and updates its mail payload in place (same PayloadUUID), instead of adding a
second copy of the account. Apple's payload has one boolean for TLS, so STARTTLS and implicit TLS both
become UseSSL true; the reader tells them apart by the port.
"""

from __future__ import annotations

import hashlib
import plistlib
import re
import uuid
import xml.etree.ElementTree as ET
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET

from assistant.core.errors import InputError
from assistant.core.model import AccountConfig, Auth, ServerConfig
from assistant.core.profiles._common import (
    check_servers,
    collapse,
    domain_of,
    expand,
    fill_host,
    guess_domain,
    reverse_dns,
)

MAIL_PAYLOAD = "com.apple.mail.managed"
# Fixed namespace for our deterministic UUIDs (itself uuid5(NAMESPACE_URL, "mail-setup-assistant:profiles")).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "mail-setup-assistant:profiles")
_AUTH_OUT: dict[str, str] = {"password-cleartext": "EmailAuthPassword",
                             "password-encrypted": "EmailAuthCRAMMD5", "none": "EmailAuthNone"}
_AUTH_IN: dict[str, Auth] = {"EmailAuthPassword": "password-cleartext",
                             "EmailAuthCRAMMD5": "password-encrypted", "EmailAuthNone": "none"}
_STARTTLS_PORTS = {143, 110, 587, 25}
_OUR_ID = re.compile(r"^(?P<rev>[a-z0-9.-]+)\.mailsetup\.[0-9a-f]{12}$")
# The mail payload keys we read, with their documented plist types.
_TYPES: dict[str, type] = {
    "EmailAccountType": str, "EmailAccountDescription": str, "EmailAccountName": str, "EmailAddress": str,
    "IncomingMailServerHostName": str, "IncomingMailServerPortNumber": int, "IncomingMailServerUseSSL": bool,
    "IncomingMailServerAuthentication": str, "IncomingMailServerUsername": str,
    "OutgoingMailServerHostName": str, "OutgoingMailServerPortNumber": int, "OutgoingMailServerUseSSL": bool,
    "OutgoingMailServerAuthentication": str, "OutgoingMailServerUsername": str,
    "PayloadIdentifier": str, "PayloadUUID": str, "PayloadType": str, "PayloadVersion": int,
}
_PLIST_NAMES = {str: "a string", int: "an integer", bool: "a boolean", float: "a real", list: "an array",
                dict: "a dictionary", bytes: "data"}


def _uuid(kind: str, identity: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{identity}")).upper()


def _server_keys(prefix: str, server: ServerConfig, account: AccountConfig) -> dict[str, Any]:
    if server.auth not in _AUTH_OUT:
        raise InputError(f"mobileconfig: {server.host} uses {server.auth} sign-in, which Apple's mail "
                         f"payload cannot describe")
    keys: dict[str, Any] = {
        f"{prefix}MailServerHostName": fill_host(server.host, account, "mobileconfig"),
        f"{prefix}MailServerPortNumber": server.port,
        f"{prefix}MailServerUseSSL": server.security != "plain",
        f"{prefix}MailServerAuthentication": _AUTH_OUT[server.auth],
    }
    username = expand(server.username or "%EMAILADDRESS%", account.address)
    if username and server.auth != "none":
        keys[f"{prefix}MailServerUsername"] = username  # absent: the device asks while installing
    return keys


def write_mobileconfig(account: AccountConfig, *, embed_password: bool = False,
                       allow_plain: bool = False) -> bytes:
    """An unsigned XML plist; the password goes in only with ``embed_password`` (and must be set)."""
    check_servers(account, "mobileconfig", allow_plain=allow_plain)
    incoming, outgoing = account.incoming[0], account.outgoing[0]
    identity = (account.address or account.domain).lower()
    tag = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]
    top_id = f"{reverse_dns(account.domain)}.mailsetup.{tag}"
    name = account.provider_name or account.domain
    who = account.address or f"@{account.domain}"
    mail: dict[str, Any] = {
        "EmailAccountDescription": f"{name} ({who})" if account.address else name,
        "EmailAccountType": "EmailTypeIMAP" if incoming.protocol == "imap" else "EmailTypePOP",
        **_server_keys("Incoming", incoming, account),
        **_server_keys("Outgoing", outgoing, account),
        "OutgoingPasswordSameAsIncomingPassword": outgoing.auth != "none",
        "PayloadDescription": f"Mail account {who}",
        "PayloadDisplayName": "Mail",
        "PayloadIdentifier": f"{top_id}.mail",
        "PayloadType": MAIL_PAYLOAD,
        "PayloadUUID": _uuid("mail", identity),
        "PayloadVersion": 1,
    }
    if account.address:
        mail["EmailAddress"] = account.address
    if account.display_name:
        mail["EmailAccountName"] = account.display_name
    if embed_password:
        if not account.password:
            raise InputError("mobileconfig: --embed-password was given but there is no password to embed")
        mail["IncomingPassword"] = account.password
        if outgoing.auth != "none":
            mail["OutgoingPassword"] = account.password
    profile: dict[str, Any] = {
        "PayloadContent": [mail],
        "PayloadDescription": f"Sets up the mail account {who} in Apple Mail.",
        "PayloadDisplayName": f"{name} mail",
        "PayloadIdentifier": top_id,
        "PayloadOrganization": name,
        "PayloadRemovalDisallowed": False,
        "PayloadType": "Configuration",
        "PayloadUUID": _uuid("profile", identity),
        "PayloadVersion": 1,
    }
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML, sort_keys=True)


# --- reading ----------------------------------------------------------------------------------------

def _load_plist(data: bytes, origin: str) -> Any:
    if not data.startswith(b"bplist"):
        try:  # entities and external references refused before plistlib sees the text
            DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        except defusedxml.DefusedXmlException:
            raise InputError(f"{origin}: declares XML entities or external references, refused for "
                             f"safety") from None
        except (ET.ParseError, ValueError) as exc:
            raise InputError(f"{origin}: not well-formed XML ({str(exc).split(':')[0]})") from None
    try:
        return plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError, RecursionError,
            IndexError, KeyError, UnicodeError, ET.ParseError) as exc:
        raise InputError(f"{origin}: not a readable property list ({exc})") from None


def _get(d: dict[str, Any], key: str, *, required: bool = False) -> Any:
    if key not in d:
        if required:
            raise InputError(f"{key} is missing")
        return None
    value = d[key]
    expected = _TYPES.get(key)
    if expected is not None and (type(value) is not expected):
        names = {str: "a string", int: "an integer", bool: "a boolean (true/false)"}
        raise InputError(f"{key} must be {names[expected]}, not {_PLIST_NAMES.get(type(value), 'that')}")
    return value


def _read_server(d: dict[str, Any], prefix: str, protocol: str, address: str | None) -> ServerConfig:
    host = _get(d, f"{prefix}MailServerHostName", required=True).strip().lower().rstrip(".")
    if not host:
        raise InputError(f"{prefix}MailServerHostName is empty")
    use_ssl = bool(_get(d, f"{prefix}MailServerUseSSL"))
    defaults = {"imap": (993, 143), "pop3": (995, 110), "smtp": (465, 587)}[protocol]
    port = _get(d, f"{prefix}MailServerPortNumber")
    if port is None:
        port = defaults[0] if use_ssl else defaults[1]
    if not 1 <= port <= 65535:
        raise InputError(f"{prefix}MailServerPortNumber {port} is not 1-65535")
    auth_key = _get(d, f"{prefix}MailServerAuthentication", required=True)
    if auth_key not in _AUTH_IN:
        raise InputError(f"{prefix}MailServerAuthentication {auth_key!r} cannot be set up by this program")
    security = "plain" if not use_ssl else ("starttls" if port in _STARTTLS_PORTS else "ssl")
    return ServerConfig(protocol=protocol, host=host, port=port, security=security,  # type: ignore[arg-type]
                        username=collapse(_get(d, f"{prefix}MailServerUsername"), address),
                        auth=_AUTH_IN[auth_key])


def read_mobileconfig(data: bytes, origin: str) -> AccountConfig:
    """The first mail payload of a plain (XML or binary plist) profile; passwords are never carried over."""
    profile = _load_plist(data, origin)
    try:
        if not isinstance(profile, dict):
            raise InputError("the top level is not a dictionary")
        if profile.get("PayloadType") != "Configuration":
            raise InputError("PayloadType is not 'Configuration'")
        content = profile.get("PayloadContent")
        if not isinstance(content, list):
            raise InputError("PayloadContent must be an array")
        mails = [p for p in content if isinstance(p, dict) and p.get("PayloadType") == MAIL_PAYLOAD]
        if not mails:
            raise InputError(f"no {MAIL_PAYLOAD} payload")
        mail = mails[0]
        kind = _get(mail, "EmailAccountType", required=True)
        if kind not in ("EmailTypeIMAP", "EmailTypePOP"):
            raise InputError(f"EmailAccountType {kind!r} is not EmailTypeIMAP or EmailTypePOP")
        address = _get(mail, "EmailAddress") or None
        incoming = _read_server(mail, "Incoming", "imap" if kind == "EmailTypeIMAP" else "pop3", address)
        outgoing = _read_server(mail, "Outgoing", "smtp", address)
        display = _get(mail, "EmailAccountName") or None
    except InputError as exc:
        raise InputError(f"{origin}: {exc}") from None
    top_id = profile.get("PayloadIdentifier")
    ours = _OUR_ID.match(top_id) if isinstance(top_id, str) else None
    domain = (domain_of(address) or (".".join(reversed(ours.group("rev").split("."))) if ours else None)
              or guess_domain(incoming.host))
    organization = profile.get("PayloadOrganization")
    return AccountConfig(domain=domain, incoming=(incoming,), outgoing=(outgoing,), address=address,
                         display_name=display,
                         provider_name=organization if isinstance(organization, str) and organization
                         else None)


