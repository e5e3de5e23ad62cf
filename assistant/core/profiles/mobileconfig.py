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
from dataclasses import replace
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET

from assistant.core.model.account import AccountConfig, Auth, ServerConfig
from assistant.core.model.address import collapse
from assistant.core.profiles.losses import Loss, pop3_loss, provider_losses
from assistant.core.profiles.servers import (
    PASSWORD_METHODS,
    Express,
    check_identity,
    domain_of,
    fill_host,
    fill_username,
    guess_domain,
    password_fallback,
    reverse_dns,
    select_servers,
    server_name,
)
from assistant.core.profiles.xmlwrite import check_encoding, clean_text, has_bad_chars
from assistant.core.words.errors import FIELD, InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate

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


def _server_keys(prefix: str, server: ServerConfig, account: AccountConfig,
                 losses: list[Loss]) -> dict[str, Any]:
    keys: dict[str, Any] = {
        f"{prefix}MailServerHostName": fill_host(server.host, account, "mobileconfig", losses,
                                                 server_name(server)),
        f"{prefix}MailServerPortNumber": server.port,
        f"{prefix}MailServerUseSSL": server.security != "plain",
        f"{prefix}MailServerAuthentication": _AUTH_OUT[server.auth],
    }
    username = fill_username(server, account, "mobileconfig", losses)
    if username:
        keys[f"{prefix}MailServerUsername"] = username  # absent: the device asks while installing
    read_back = "plain" if server.security == "plain" else (
        "starttls" if server.port in _STARTTLS_PORTS else "ssl")
    if read_back != server.security:
        name = server_name(server)
        losses.append(Loss("changed", "security_by_port", f"{name}: {server.security.upper()} is written as "
                           f"UseSSL and reads back as {read_back.upper()} on that port", server=name,
                           field="security", before=server.security, after=read_back))
    return keys


def _express(losses: list[Loss]) -> Express:
    """OAuth2 gives way to a password method the server also offers (Apple's payload has no OAuth2)."""
    def express(server: ServerConfig) -> ServerConfig | str:
        allowed = (*PASSWORD_METHODS, "none", "client-IP-address", "smtp-after-pop")
        got = password_fallback(server, "mobileconfig", losses, allowed)
        if isinstance(got, str):
            return got
        return replace(got, auth="none") if got.auth not in _AUTH_OUT else got
    return express


def _one_each(servers: list[ServerConfig], losses: list[Loss]) -> ServerConfig:
    for extra in servers[1:]:
        name = server_name(extra)
        losses.append(Loss("dropped", "alternative_server", f"{name} (an Apple mail payload holds one "
                           f"incoming and one outgoing server)", server=name, field="server"))
    return servers[0]


# What the device shows when the profile is installed (context "profile"): translated when the wizard passes
# ``translate``, English otherwise (the CLI).
TEXTS: dict[str, str] = {
    "mail_description": QT_TRANSLATE_NOOP("profile", "Mail account {who}"),
    "mail_name": QT_TRANSLATE_NOOP("profile", "Mail"),
    "description": QT_TRANSLATE_NOOP("profile", "Sets up the mail account {who} in Apple Mail."),
    "name": QT_TRANSLATE_NOOP("profile", "{name} mail"),
}


def _text(code: str, translate: Translate | None, **fields: str) -> str:
    template = TEXTS[code]
    if translate is not None:
        try:
            return translate("profile", template).format(**fields)
        except (KeyError, IndexError, ValueError):
            pass
    return template.format(**fields)


def write_mobileconfig(account: AccountConfig, *, embed_password: bool = False,
                       allow_plain: bool = False, losses: list[Loss] | None = None,
                       translate: Translate | None = None) -> bytes:
    """An unsigned XML plist; the password goes in only with ``embed_password`` (and must be set).

    ``translate(context, text)`` puts the texts the device shows (the profile's name and description) into
    the person's language."""
    lost: list[Loss] = [] if losses is None else losses
    incomings, outgoings = select_servers(account, "mobileconfig", allow_plain=allow_plain, losses=lost,
                                          express=_express(lost))
    incoming, outgoing = _one_each(incomings, lost), _one_each(outgoings, lost)
    identity = (account.address or account.domain).lower()
    if account.address:
        check_identity(account.address, "mobileconfig: address")
    tag = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]
    top_id = f"{reverse_dns(account.domain)}.mailsetup.{tag}"
    name = clean_text(account.provider_name or account.domain, "provider name", lost) or account.domain
    who = account.address or f"@{account.domain}"
    mail: dict[str, Any] = {
        "EmailAccountDescription": f"{name} ({who})" if account.address else name,
        "EmailAccountType": "EmailTypeIMAP" if incoming.protocol == "imap" else "EmailTypePOP",
        **_server_keys("Incoming", incoming, account, lost),
        **_server_keys("Outgoing", outgoing, account, lost),
        "OutgoingPasswordSameAsIncomingPassword": outgoing.auth != "none",
        "PayloadDescription": _text("mail_description", translate, who=who),
        "PayloadDisplayName": _text("mail_name", translate),
        "PayloadIdentifier": f"{top_id}.mail",
        "PayloadType": MAIL_PAYLOAD,
        "PayloadUUID": _uuid("mail", identity),
        "PayloadVersion": 1,
    }
    if account.address:
        mail["EmailAddress"] = account.address
    display = clean_text(account.display_name or "", "person's name", lost)
    if display:
        mail["EmailAccountName"] = display
    if embed_password:
        if not account.password:
            raise InputError(f"mobileconfig: {FIELD} was asked for but there is no password to embed",
                             field="embed_password")
        if has_bad_chars(account.password):
            raise InputError("mobileconfig: the password holds control characters a profile cannot carry")
        mail["IncomingPassword"] = account.password
        if outgoing.auth != "none":
            mail["OutgoingPassword"] = account.password
    if incoming.protocol == "pop3":
        pop3_loss(account, "mobileconfig", lost)
    provider_losses(account, "mobileconfig", lost, name=False)
    profile: dict[str, Any] = {
        "PayloadContent": [mail],
        "PayloadDescription": _text("description", translate, who=who),
        "PayloadDisplayName": _text("name", translate, name=name),
        "PayloadIdentifier": top_id,
        "PayloadOrganization": name,
        "PayloadRemovalDisallowed": False,
        "PayloadType": "Configuration",
        "PayloadUUID": _uuid("profile", identity),
        "PayloadVersion": 1,
    }
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML, sort_keys=True)


# --- reading ----------------------------------------------------------------------------------------

def _payload_losses(content: list[Any], mails: list[dict[str, Any]], losses: list[Loss]) -> None:
    if len(mails) > 1:
        losses.append(Loss("dropped", "mail_payloads", f"{len(mails) - 1} further mail account payload(s) "
                           f"(the first one is read)"))
    others = sorted({str(p.get("PayloadType"))[:60] for p in content
                     if not (isinstance(p, dict) and p.get("PayloadType") == MAIL_PAYLOAD)})
    if others:
        losses.append(Loss("dropped", "other_payloads", f"payloads that are not mail accounts "
                           f"({', '.join(others)})"))
    if any(k in mails[0] for k in ("IncomingPassword", "OutgoingPassword")):
        losses.append(Loss("dropped", "password", "the embedded password (never carried over)"))


def _load_plist(data: bytes, origin: str) -> Any:
    if not data.startswith(b"bplist"):
        check_encoding(data, origin)
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
            IndexError, KeyError, UnicodeError, LookupError, ET.ParseError) as exc:
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


def read_mobileconfig(data: bytes, origin: str, losses: list[Loss] | None = None) -> AccountConfig:
    """The first mail payload of a plain (XML or binary plist) profile; passwords are never carried over."""
    lost: list[Loss] = [] if losses is None else losses
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
        _payload_losses(content, mails, lost)
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


