"""Thunderbird's "Export for Mobile" QR payload, format version 1: writer and validating reader.

Spec: thunderbird-android, ``feature/migration/qrcode/qr-code-format.md`` (version 1, 2025-02-06). The
payload is JSON made of arrays (positions, not names) so it fits a QR code. Thunderbird for Android 8.0+
scans it. The reader applies every rule of the spec, even to fields ``convert`` does not use, so a code we
accept is one Thunderbird accepts too.
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import dataclass
from typing import Any

from assistant.core.model.account import AccountConfig, Auth, ServerConfig
from assistant.core.model.address import collapse, expand, parse_address
from assistant.core.model.results import Security
from assistant.core.profiles.losses import Loss
from assistant.core.profiles.qrimage import MAX_QR_BYTES, QrTooLargeError
from assistant.core.profiles.servers import check_server, fill_host, guess_domain
from assistant.core.words.errors import FIELD, InputError

FORMAT_VERSION = 1
MAX_PAYLOAD_BYTES = 4096  # a version-40 QR code holds at most 2953 bytes; anything bigger is not a payload

# Integer codes, exactly as the spec numbers them.
PROTOCOL_CODES: dict[str, int] = {"imap": 0, "pop3": 1}
SMTP_CODE = 0
SECURITY_CODES: dict[Security, int] = {"plain": 0, "starttls": 2, "ssl": 3}  # 1 is reserved: never written
AUTH_CODES: dict[Auth, int] = {"none": 0, "password-cleartext": 1, "password-encrypted": 2, "OAuth2": 6}
# Codes a reader must accept (3 GSSAPI, 4 NTLM, 5 TLS client certificate) but our model cannot carry.
AUTH_NAMES: dict[int, str] = {0: "none", 1: "password-cleartext", 2: "password-encrypted", 3: "GSSAPI",
                              4: "NTLM", 5: "TLS client certificate", 6: "OAuth2"}
_SECURITY_BY_CODE = {v: k for k, v in SECURITY_CODES.items()}
_AUTH_BY_CODE = {v: k for k, v in AUTH_CODES.items()}
_PROTOCOL_BY_CODE = {v: k for k, v in PROTOCOL_CODES.items()}
_LINE_BREAK = re.compile(r"[\r\n]")
_HOST = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


# --- writer ---------------------------------------------------------------------------------------------

MOBILE_QR = "mobile-qr"  # the --format / --to name
QR_KINDS: tuple[str, ...] = ("png", "svg", "payload")


def write_mobile_qr(account: AccountConfig, kind: str, include_password: bool = False, *,
                    allow_plain: bool = False) -> bytes:
    """The Thunderbird-for-Android QR code of ``account`` as PNG, SVG or its JSON payload (with newline).

    The password goes in only with ``include_password`` (and ``account.password`` set): anyone who
    photographs the code can read it.
    """
    if kind not in QR_KINDS:
        raise InputError(f"{MOBILE_QR}: kind '{kind}' is not one of {', '.join(QR_KINDS)}")
    text = payload_json(account, include_password=include_password, allow_plain=allow_plain)
    if kind == "payload":
        return (text + "\n").encode("ascii")
    from assistant.core.profiles.qrimage import qr_image
    return qr_image(text, kind)


def build_payload(account: AccountConfig, *, include_password: bool = False,
                  allow_plain: bool = False) -> list[Any]:
    """The payload of one account (the chosen incoming server and the first SMTP server) as JSON arrays.

    A writer must not add elements the spec does not list; optional ones are left off from the end, and
    the account name is written as ``""`` (the first identity's address) only when a password follows.
    """
    if not account.incoming or not account.outgoing:
        missing = "outgoing" if account.incoming else "incoming"
        raise InputError(f"mobile-qr: the account has no {missing} server")
    chosen, sending = account.incoming[0], account.outgoing[0]
    for server in (chosen, sending):  # the two servers the code carries; the others do not matter here
        check_server(server, "mobile-qr", allow_plain=allow_plain)
    if not account.address:
        raise InputError("mobile-qr: needs an email address, not just a domain (the phone sets up one "
                         "account)")
    address = _ascii_address(account.address, "mobile-qr: address")
    password = account.password if include_password else None
    if include_password and not password:
        raise InputError(f"mobile-qr: {FIELD} was asked for but there is no password",
                         field="include_password")
    if password is not None:
        _single_line(password, "mobile-qr: password")
    incoming = _server_array(chosen, account, address, PROTOCOL_CODES[chosen.protocol])
    if password is not None:
        incoming += ["", password]
    outgoing = _server_array(sending, account, address, SMTP_CODE)
    if password is not None and sending.auth != "none":
        outgoing.append(password)
    display = account.display_name or ""
    _single_line(display, "mobile-qr: display name")
    return [FORMAT_VERSION, [1, 1], incoming, [[outgoing, [address, display]]]]


def payload_json(account: AccountConfig, *, include_password: bool = False,
                 allow_plain: bool = False) -> str:
    """The payload as compact JSON text, ASCII only (non-ASCII names as \\u escapes).

    ASCII keeps the QR code free of any character-set guessing by the scanner; JSON readers undo the
    escapes, so a display name such as "Jürgen" arrives intact.
    """
    payload = build_payload(account, include_password=include_password, allow_plain=allow_plain)
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=True)
    if len(text) > MAX_QR_BYTES:  # what no QR code holds is not written, not even as --payload
        raise QrTooLargeError(f"mobile-qr: the settings take {len(text)} bytes, more than one QR code holds "
                              f"({MAX_QR_BYTES}): shorten the display name or the user names")
    return text


def _server_array(server: ServerConfig, account: AccountConfig, address: str,
                  protocol_code: int) -> list[Any]:
    where = f"mobile-qr: {server.protocol.upper()} server {server.host}"
    username = expand(server.username, address)
    if username is None:
        raise InputError(f"{where}: user name '{server.username}' cannot be filled in")
    _single_line(username, f"{where}: user name")
    if server.auth not in AUTH_CODES:
        raise InputError(f"{where}: sign-in method '{server.auth}' has no code in the format")
    host = fill_host(server.host, account, where)
    return [protocol_code, host, server.port, SECURITY_CODES[server.security], AUTH_CODES[server.auth],
            username]


def _ascii_address(text: str, what: str) -> str:
    """The address with its domain as A-labels; the spec allows ASCII-only addresses."""
    parsed = parse_address(text)
    if parsed.address is None or not parsed.address.isascii():
        raise InputError(f"{what}: '{text}' is not an ASCII email address (the format allows no other)")
    return parsed.address


def _single_line(value: str, what: str) -> None:
    """One line of real text: a line break, or a lone surrogate (bytes that were not UTF-8, from the command
    line), would make a code that Thunderbird (and our reader) refuses."""
    if _LINE_BREAK.search(value):
        raise InputError(f"{what} must not contain a line break")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{what} is not valid text (UTF-8)") from None


# --- reader ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PayloadInfo:
    """What a payload said besides the accounts: where it stands in a multi-code export."""

    sequence_number: int
    sequence_end: int
    accounts: tuple[AccountConfig, ...]
    skipped: tuple[str, ...]  # why accounts were skipped (the spec's forward-compatibility rule)
    passwords: tuple[bool, ...] = ()  # per account: the code carried a password (never carried over)


def looks_like_payload(data: bytes) -> bool:
    """A JSON array starting with an integer: the only root the format has (profiles are XML or plists)."""
    return re.match(rb"^\s*\[\s*-?\d", data[:64]) is not None


def read_payload(data: bytes | str, origin: str) -> PayloadInfo:
    """Parse and validate a payload; InputError naming ``origin`` and the first problem.

    Per the spec, an account (or an outgoing group, or an identity) with an unsupported value is skipped;
    when no account is left, the reason of the first one is the error.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if len(raw) > MAX_PAYLOAD_BYTES:
            raise InputError(f"{origin}: larger than {MAX_PAYLOAD_BYTES} bytes, not a QR code payload")
        root = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeError:
        raise InputError(f"{origin}: not UTF-8 text, expected a QR code payload (JSON)") from None
    except RecursionError:
        raise InputError(f"{origin}: nested too deeply, not a QR code payload") from None
    except ValueError as exc:
        raise InputError(f"{origin}: not valid JSON ({str(exc).split(':')[0]})") from None
    try:
        return _read_root(root)
    except InputError as exc:
        raise InputError(f"{origin}: {exc}") from None


def read_account(data: bytes | str, origin: str) -> AccountConfig:
    """The first account of a payload (``convert`` reads one); passwords are never carried over."""
    return read_payload(data, origin).accounts[0]


def read_account_with_losses(data: bytes | str, origin: str) -> tuple[AccountConfig, list[Loss]]:
    """Like ``read_account``, plus what was left behind, as for every other format: the password, and
    the further or skipped accounts of the code."""
    info = read_payload(data, origin)
    more = len(info.accounts) - 1
    losses = [Loss("dropped", "password", "the password in the code (never carried over)")] \
        if info.passwords and info.passwords[0] else []
    losses += [Loss("dropped", "accounts", f"{more} more account{'s' if more > 1 else ''} in the code "
                    "(convert reads the first)")] if more else []
    return info.accounts[0], losses + [Loss("dropped", "skipped_account", why) for why in info.skipped]


def _read_root(root: object) -> PayloadInfo:
    if not isinstance(root, list) or not root:
        raise InputError("the payload is not a JSON array")
    version = root[0]
    if not _is_int(version) or version != FORMAT_VERSION:
        raise InputError(f"format version {version!r} is not supported (only {FORMAT_VERSION})")
    misc = _array(root, 1, "MiscellaneousData")
    number, end = _int(misc, 0, "SequenceNumber"), _int(misc, 1, "SequenceEnd")
    if not 1 <= number <= end:
        raise InputError(f"sequence {number} of {end} is not a valid position")
    rest = root[2:]
    if not rest or len(rest) % 2:
        raise InputError("accounts must come as IncomingServer, OutgoingServerGroups pairs (found "
                         f"{len(rest)} elements)")
    accounts: list[AccountConfig] = []
    passwords: list[bool] = []
    skipped: list[str] = []
    for i in range(0, len(rest), 2):
        label = f"account {i // 2 + 1}"
        try:
            account, had_password = _read_account(rest[i], rest[i + 1])
        except InputError as exc:
            skipped.append(f"{label}: {exc}")
            continue
        accounts.append(account)
        passwords.append(had_password)
    if not accounts:
        raise InputError(skipped[0])
    return PayloadInfo(number, end, tuple(accounts), tuple(skipped), tuple(passwords))


def _read_account(incoming_raw: object, groups_raw: object) -> tuple[AccountConfig, bool]:
    incoming_list = _as_array(incoming_raw, "IncomingServer")
    code = _int(incoming_list, 0, "IncomingProtocol")
    if code not in _PROTOCOL_BY_CODE:
        raise InputError(f"incoming protocol code {code} is not supported (0 IMAP, 1 POP3)")
    incoming = _read_server(incoming_list, _PROTOCOL_BY_CODE[code], "IncomingServer")
    _opt_str(incoming_list, 6, "AccountName")  # validated; the model has none (Thunderbird uses the address)
    had_password = bool(_opt_str(incoming_list, 7, "Password"))  # validated, never carried over
    groups = _as_array(groups_raw, "OutgoingServerGroups")
    if not groups:
        raise InputError("OutgoingServerGroups must not be empty")
    problems: list[str] = []
    for group in groups:
        try:
            outgoing, identities, sent_password = _read_group(group)
            had_password = had_password or sent_password
            break
        except InputError as exc:
            problems.append(str(exc))
    else:
        raise InputError(problems[0])
    address, display = identities[0]
    domain = address.rpartition("@")[2].lower() or guess_domain(incoming.host)
    return AccountConfig(
        domain=domain, address=address, display_name=display or None,
        incoming=(_collapsed(incoming, address),), outgoing=(_collapsed(outgoing, address),)), had_password


def _read_group(group_raw: object) -> tuple[ServerConfig, list[tuple[str, str]], bool]:
    group = _as_array(group_raw, "OutgoingServerGroup")
    server_list = _array(group, 0, "OutgoingServer")
    code = _int(server_list, 0, "OutgoingProtocol")
    if code != SMTP_CODE:
        raise InputError(f"outgoing protocol code {code} is not supported (0 SMTP)")
    server = _read_server(server_list, "smtp", "OutgoingServer")
    had_password = bool(_opt_str(server_list, 6, "OutgoingServer password"))  # validated, never carried over
    identities: list[tuple[str, str]] = []
    problems: list[str] = []
    for raw in group[1:]:
        try:
            identities.append(_read_identity(raw))
        except InputError as exc:
            problems.append(str(exc))
    if not identities:
        raise InputError(problems[0] if problems else "OutgoingServerGroup has no Identity")
    return server, identities, had_password


def _read_server(values: list[Any], protocol: str, what: str) -> ServerConfig:
    host = _str(values, 1, f"{what} hostname")
    if ":" in host and _valid_host(host):
        raise InputError(f"{what} hostname {host!r} is an IPv6 address, which no profile format here can "
                         "carry; use a host name")
    if not _valid_host(host):
        raise InputError(f"{what} hostname {host!r} is not an ASCII host name or IP address")
    port = _int(values, 2, f"{what} port")
    if not 1 <= port <= 65535:
        raise InputError(f"{what} port {port} is not 1-65535")
    security = _int(values, 3, f"{what} connection security")
    if security not in _SECURITY_BY_CODE:
        raise InputError(f"{what} connection security code {security} is not supported "
                         "(0 plain, 2 STARTTLS, 3 TLS)")
    auth = _int(values, 4, f"{what} authentication type")
    if auth not in AUTH_NAMES:
        raise InputError(f"{what} authentication type code {auth} is not supported (0-6)")
    if auth not in _AUTH_BY_CODE:
        raise InputError(f"{what} authentication {AUTH_NAMES[auth]} cannot be set up by this tool")
    username = _str(values, 5, f"{what} username")
    _single_line(username, f"{what} username")
    server = ServerConfig(protocol=protocol, host=host.lower(), port=port,  # type: ignore[arg-type]
                          security=_SECURITY_BY_CODE[security], username=username,
                          auth=_AUTH_BY_CODE[auth])
    return server


def _read_identity(raw: object) -> tuple[str, str]:
    identity = _as_array(raw, "Identity")
    address = _str(identity, 0, "Identity email address")
    if not address.isascii():
        raise InputError(f"Identity email address {address!r} is not ASCII (the format allows no other)")
    try:
        parsed = parse_address(address)
    except InputError:
        raise InputError(f"Identity email address {address!r} is not an email address") from None
    if parsed.local is None:
        raise InputError(f"Identity email address {address!r} is not an email address")
    display = _str(identity, 1, "Identity display name")
    _single_line(display, "Identity display name")
    return address, display


def _collapsed(server: ServerConfig, address: str) -> ServerConfig:
    return ServerConfig(protocol=server.protocol, host=server.host, port=server.port,
                        security=server.security, username=collapse(server.username, address),
                        auth=server.auth)


def _valid_host(host: str) -> bool:
    if not host.isascii():
        return False
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return _HOST.match(host) is not None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_array(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f"{what} must be an array")
    return value


def _array(values: list[Any], index: int, what: str) -> list[Any]:
    if index >= len(values):
        raise InputError(f"{what} is missing")
    return _as_array(values[index], what)


def _int(values: list[Any], index: int, what: str) -> int:
    if index >= len(values) or not _is_int(values[index]):
        raise InputError(f"{what} must be an integer")
    value: int = values[index]
    return value


def _str(values: list[Any], index: int, what: str) -> str:
    if index >= len(values) or not isinstance(values[index], str):
        raise InputError(f"{what} must be a string")
    value: str = values[index]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate escape (\ud800): no profile could carry it
        raise InputError(f"{what} is not valid Unicode") from None
    return value


def _opt_str(values: list[Any], index: int, what: str) -> str | None:
    """An optional trailing string: absent, null or a single-line string."""
    if index >= len(values) or values[index] is None:
        return None
    value = _str(values, index, what)
    _single_line(value, what)
    return value
