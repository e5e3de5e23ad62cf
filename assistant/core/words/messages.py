"""The core's error sentences, by stable code: one English template each, translatable by the wizard.

Why: the CLI prints ``str(exc)`` and the wizard must show the same fact in the interface language. An error
(``AssistantError``, ``DnsError``, a probe's failure) carries a ``code`` and the ``params`` its template
needs; its English ``str()`` is the template filled in here, so the CLI's line is exactly what it always was,
and the GUI fills the translated template (``gui/text.py:error_text``) with the same params. A param may be a
:class:`Message` itself (a DNS failure inside "DNS failed"): it is rendered, in the same language, first.

Templates live in context "messages"; ``python -m assistant.gui.i18n_build update`` collects them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate

CONTEXT = "messages"

MESSAGES: dict[str, str] = {
    # DNS (core/net/dns.py, core/discovery/run.py)
    "nxdomain": QT_TRANSLATE_NOOP("messages", "{domain}: this domain does not exist (DNS answered "
                                                    "NXDOMAIN)"),
    "dns_failed": QT_TRANSLATE_NOOP("messages", "DNS failed ({server}): {reason}"),
    "dns_nxdomain": QT_TRANSLATE_NOOP("messages", "{name}: no such domain"),
    "dns_no_host": QT_TRANSLATE_NOOP("messages", "{name}: no such host"),
    "dns_timeout": QT_TRANSLATE_NOOP("messages", "{name} {rdtype}: the DNS server did not answer in time"),
    "dns_no_answer": QT_TRANSLATE_NOOP("messages", "{name} {rdtype}: no usable answer (SERVFAIL or refused)"),
    "dns_system_timeout": QT_TRANSLATE_NOOP("messages", "{name}: the system resolver did not answer in time"),
    "dns_other": QT_TRANSLATE_NOOP("messages", "{name}: {detail}"),
    "dns_config": QT_TRANSLATE_NOOP("messages", "cannot read the system's DNS configuration ({detail})"),
    "dns_bad_name": QT_TRANSLATE_NOOP("messages", "{name}: not a valid DNS name"),
    "dns_lookup_failed": QT_TRANSLATE_NOOP("messages", "{name} {rdtype}: the DNS lookup failed ({detail})"),
    "no_address": QT_TRANSLATE_NOOP("messages", "{name}: has no IPv4 or IPv6 address"),
    # Connecting (core/net/connect.py)
    "connect_timeout": QT_TRANSLATE_NOOP("messages", "{where}: no answer within {seconds} s"),
    "connect_refused": QT_TRANSLATE_NOOP("messages", "{where}: connection refused"),
    "connect_failed": QT_TRANSLATE_NOOP("messages", "{where}: {detail}"),
    # The conversation and TLS (core/protocols/endpoint.py)
    "cert_not_verified": QT_TRANSLATE_NOOP("messages", "{where}: the server's certificate could not be "
                                                       "verified ({detail})"),
    "tls_no_version": QT_TRANSLATE_NOOP("messages", "{where}: no TLS version in common (we require TLS 1.2 "
                                                    "or newer)"),
    "tls_not_tls": QT_TRANSLATE_NOOP("messages", "{where}: the server did not answer with TLS (this port may "
                                                 "expect plaintext or STARTTLS)"),
    "tls_failed": QT_TRANSLATE_NOOP("messages", "{where}: the TLS handshake failed ({detail})"),
    "tls_timeout": QT_TRANSLATE_NOOP("messages", "{where}: the TLS handshake did not finish in time"),
    "tls_broken": QT_TRANSLATE_NOOP("messages", "{where}: the connection broke during the TLS handshake "
                                                "({detail})"),
    "no_answer": QT_TRANSLATE_NOOP("messages", "{where}: no answer to the {phase} in time"),
    "broke_waiting": QT_TRANSLATE_NOOP("messages", "{where}: the connection broke while waiting for the "
                                                   "{phase} ({detail})"),
    "phase_tls": QT_TRANSLATE_NOOP("messages", "TLS handshake"),
    "phase_greeting": QT_TRANSLATE_NOOP("messages", "greeting"),
    "phase_protocol_greeting": QT_TRANSLATE_NOOP("messages", "{protocol} greeting"),
    "phase_answer": QT_TRANSLATE_NOOP("messages", "answer to {command}"),
    "phase_connect": QT_TRANSLATE_NOOP("messages", "connect"),
    "phase_other": QT_TRANSLATE_NOOP("messages", "{phase}"),
    "obsolete_tls_too": QT_TRANSLATE_NOOP("messages", "{reason}; this system also refused the obsolete "
                                                      "versions, so the server may only speak TLS 1.0/1.1 or "
                                                      "something else is wrong"),
    # What a server said that a careful client does not accept (core/protocols/*.py)
    "long_line": QT_TRANSLATE_NOOP("messages", "{host}: the server sent a line longer than {limit} bytes "
                                               "while we waited for the {phase}"),
    "closed_waiting": QT_TRANSLATE_NOOP("messages", "{host}: the server closed the connection while we "
                                                    "waited for the {phase}"),
    "already_closed": QT_TRANSLATE_NOOP("messages", "{host}: the connection is already closed"),
    "injection": QT_TRANSLATE_NOOP("messages", "{host}: the server sent data after agreeing to STARTTLS and "
                                               "before encryption (a sign of an attempted injection); this "
                                               "server was not used"),
    "closed_tls": QT_TRANSLATE_NOOP("messages", "{host}: the connection closed during the TLS handshake"),
    "imap_literal": QT_TRANSLATE_NOOP("messages", "{host}: the server answered with an IMAP literal, which a "
                                                  "probe never needs; refused"),
    "imap_bye": QT_TRANSLATE_NOOP("messages", "{host}: the IMAP server refused the connection (BYE)"),
    "imap_not_greeting": QT_TRANSLATE_NOOP("messages", "{host}: the greeting is not an IMAP greeting"),
    "unexpected_line": QT_TRANSLATE_NOOP("messages", "{host}: unexpected line in the answer to {command}"),
    "too_many_lines": QT_TRANSLATE_NOOP("messages", "{host}: the answer to {command} has too many lines"),
    "capability_refused": QT_TRANSLATE_NOOP("messages", "{host}: the server refused the CAPABILITY command"),
    "no_capabilities": QT_TRANSLATE_NOOP("messages", "{host}: the server listed no IMAP capabilities"),
    "starttls_refused": QT_TRANSLATE_NOOP("messages", "{host}: the server refused {command}; we do not "
                                                      "continue without encryption"),
    "preauth": QT_TRANSLATE_NOOP("messages", "{host}: the server skipped authentication before encryption "
                                             "(PREAUTH), so STARTTLS is impossible; this is a downgrade, not "
                                             "used"),
    "starttls_missing": QT_TRANSLATE_NOOP("messages", "{host}: the server does not offer STARTTLS; we do not "
                                                      "continue without encryption"),
    "pop3_refused": QT_TRANSLATE_NOOP("messages", "{host}: the POP3 server refused the connection"),
    "pop3_not_greeting": QT_TRANSLATE_NOOP("messages", "{host}: the greeting is not a POP3 greeting"),
    "unexpected_answer": QT_TRANSLATE_NOOP("messages", "{host}: unexpected answer to {command}"),
    "not_smtp_reply": QT_TRANSLATE_NOOP("messages", "{host}: the {phase} is not an SMTP reply"),
    "phase_too_long": QT_TRANSLATE_NOOP("messages", "{host}: the {phase} has too many lines"),
    "smtp_refused": QT_TRANSLATE_NOOP("messages", "{host}: the SMTP server refused the connection ({code})"),
    "ehlo_refused": QT_TRANSLATE_NOOP("messages", "{host}: the server refused EHLO ({code})"),
    "tls_weak": QT_TRANSLATE_NOOP("messages", "{where}: The server only offers {version}, which is obsolete "
                                              "and unsafe; it needs TLS 1.2 or newer."),
    "tls_old_version": QT_TRANSLATE_NOOP("messages", "an old TLS version"),
    # A probe the run stopped (core/discovery/run.py)
    "stopped_better": QT_TRANSLATE_NOOP("messages", "cancelled: a better server was found"),
    "stopped_deadline": QT_TRANSLATE_NOOP("messages", "not finished within the time limit ({seconds} s)"),
    "internal": QT_TRANSLATE_NOOP("messages", "internal error: {detail}"),
    # Building the account (core/setup/account.py, core/advice/recommend.py)
    "no_incoming": QT_TRANSLATE_NOOP("messages", "{domain}: the probe found no usable IMAP or POP3 server"),
    "no_server_for": QT_TRANSLATE_NOOP("messages", "{domain}: the probe found no usable {protocol} server "
                                                   "(choose the other protocol or probe again)"),
    "no_outgoing": QT_TRANSLATE_NOOP("messages", "{domain}: the probe found no usable SMTP server for "
                                                 "sending"),
    "neither_protocol": QT_TRANSLATE_NOOP("messages", "the server offers neither a usable IMAP nor a usable "
                                                      "POP3 server"),
    # A profile for a provider that accepts only its own sign-in page (core/profiles/__init__.py)
    "oauth2_mobileconfig": QT_TRANSLATE_NOOP(
        "messages", "mobileconfig: {provider} accepts only sign-in on its own page (OAuth2), which an Apple "
                    "profile cannot describe. Add the account on the iPhone or iPad in Settings › Apps › "
                    "Mail › Mail Accounts › Add Account › {account}, on a Mac in System Settings › Internet "
                    "Accounts › Add Account › {account}."),
    "oauth2_mobileconfig_other": QT_TRANSLATE_NOOP(
        "messages", "mobileconfig: {provider} accepts only sign-in on its own page (OAuth2), which an Apple "
                    "profile cannot describe; add the account in a mail program that opens that page."),
    "oauth2_autodiscover": QT_TRANSLATE_NOOP(
        "messages", "autodiscover: {provider} accepts only sign-in on its own page (OAuth2), which an "
                    "Autodiscover file cannot describe; Outlook finds the settings of {provider} by itself."),
    # An organisation's own OAuth2 sign-in test (core/signin/oauth2.py)
    "oauth2_no_app": QT_TRANSLATE_NOOP(
        "messages", "a sign-in on the organisation's own page needs a preset with [oauth2] client_id and its "
                    "endpoints (see docs/presets.md)"),
    "oauth2_denied": QT_TRANSLATE_NOOP(
        "messages", "the sign-in page did not let this program in ({error})"),
    "oauth2_bad_redirect": QT_TRANSLATE_NOOP(
        "messages", "the sign-in page came back with an answer that is not for this sign-in; nothing was "
                    "used"),
    "oauth2_no_answer": QT_TRANSLATE_NOOP(
        "messages", "the sign-in page did not come back within {seconds} s"),
    "oauth2_token_failed": QT_TRANSLATE_NOOP(
        "messages", "{url}: no access token ({detail})"),
    # Writing files (core/net/files.py)
    "cannot_write": QT_TRANSLATE_NOOP("messages", "{path}: cannot write ({detail})"),
    "folder_missing": QT_TRANSLATE_NOOP("messages", "{path}: folder {folder} does not exist"),
    "is_folder": QT_TRANSLATE_NOOP("messages", "{path}: is a folder, expected a file name"),
    "exists": QT_TRANSLATE_NOOP("messages", "{path}: already exists (use {field} to replace it)"),
    "symlink": QT_TRANSLATE_NOOP("messages", "{path}: is a symbolic link to {what}; it is not replaced "
                                             "({hint})"),
    "a_folder": QT_TRANSLATE_NOOP("messages", "a folder"),
    "a_file": QT_TRANSLATE_NOOP("messages", "a file"),
    "hint_target": QT_TRANSLATE_NOOP("messages", "remove the link or write to its target"),
    "hint_name": QT_TRANSLATE_NOOP("messages", "use another name"),
    "write_special": QT_TRANSLATE_NOOP("messages", "{path}: is not a regular file (a socket or block "
                                                   "device); not written"),
    "write_pipe": QT_TRANSLATE_NOOP("messages", "{path}: is a pipe nobody reads from; not written"),
    "invalid_name": QT_TRANSLATE_NOOP("messages", "invalid file name"),
    "cannot_make_folder": QT_TRANSLATE_NOOP("messages", "{path}: cannot make this folder ({detail})"),
    "not_a_folder": QT_TRANSLATE_NOOP("messages", "{path}: is not a folder"),
    # Reading files (core/net/files.py, core/profiles/signing.py)
    "no_such_file": QT_TRANSLATE_NOOP("messages", "{path}: no such file"),
    "cannot_read": QT_TRANSLATE_NOOP("messages", "{path}: cannot be read ({detail})"),
    "read_folder": QT_TRANSLATE_NOOP("messages", "{path}: is a folder, expected a {what}"),
    "read_special": QT_TRANSLATE_NOOP("messages", "{path}: is not a regular file (a device, pipe or socket), "
                                                  "expected a {what}"),
    "too_large": QT_TRANSLATE_NOOP("messages", "{path}: larger than {kib} KiB, not a {what}"),
    "p12_unreadable": QT_TRANSLATE_NOOP("messages", "{path}: cannot open the PKCS#12 file (wrong password, "
                                                    "or not PKCS#12)"),
    "p12_incomplete": QT_TRANSLATE_NOOP("messages", "{path}: the PKCS#12 file needs both a certificate and "
                                                    "its private key"),
    "p12_key_type": QT_TRANSLATE_NOOP("messages", "{path}: only RSA and EC keys can sign profiles"),
    # What a file was expected to be (files.read_bounded's ``what``)
    "what_profile": QT_TRANSLATE_NOOP("messages", "profile"),
    "what_mobileconfig": QT_TRANSLATE_NOOP("messages", "mobileconfig profile"),
    "what_probe": QT_TRANSLATE_NOOP("messages", "probe JSON file"),
    "what_pkcs12": QT_TRANSLATE_NOOP("messages", "PKCS#12 file"),
}

# read_bounded's ``what`` (English, as the CLI says it) to the code of its translatable words.
WHATS: dict[str, str] = {"profile": "what_profile", "mobileconfig profile": "what_mobileconfig",
                         "probe JSON file": "what_probe", "PKCS#12 file": "what_pkcs12"}

# OpenSSL's own words for a certificate it refused (they end up in ``cert_not_verified``'s detail).
OPENSSL_DETAILS: dict[str, str] = {
    "certificate has expired": QT_TRANSLATE_NOOP("messages", "certificate has expired"),
    "certificate is not yet valid": QT_TRANSLATE_NOOP("messages", "certificate is not yet valid"),
    "self-signed certificate": QT_TRANSLATE_NOOP("messages", "self-signed certificate"),
    "self signed certificate": QT_TRANSLATE_NOOP("messages", "self signed certificate"),
    "self-signed certificate in certificate chain": QT_TRANSLATE_NOOP(
        "messages", "self-signed certificate in certificate chain"),
    "unable to get local issuer certificate": QT_TRANSLATE_NOOP("messages",
                                                                "unable to get local issuer certificate"),
    "hostname_mismatch": QT_TRANSLATE_NOOP("messages", "Hostname mismatch, certificate is not valid for "
                                                       "'{host}'."),
}
# The operating system's words for the failures a person meets (``os_detail``), by errno name; any other
# error keeps the system's own text.
OS_ERRORS: dict[str, str] = {
    "ENETUNREACH": QT_TRANSLATE_NOOP("messages", "the network is unreachable"),
    "EHOSTUNREACH": QT_TRANSLATE_NOOP("messages", "no route to the host"),
    "ECONNRESET": QT_TRANSLATE_NOOP("messages", "the connection was reset"),
    "ECONNABORTED": QT_TRANSLATE_NOOP("messages", "the connection was aborted"),
    "EPIPE": QT_TRANSLATE_NOOP("messages", "the other side closed the connection"),
    "ETIMEDOUT": QT_TRANSLATE_NOOP("messages", "the connection timed out"),
    "EADDRNOTAVAIL": QT_TRANSLATE_NOOP("messages", "the address cannot be used from this computer"),
    "EACCES": QT_TRANSLATE_NOOP("messages", "permission denied"),
    "EPERM": QT_TRANSLATE_NOOP("messages", "not permitted (a firewall may block it)"),
    "ENOSPC": QT_TRANSLATE_NOOP("messages", "the disk is full"),
    "EROFS": QT_TRANSLATE_NOOP("messages", "the disk is read-only"),
    "ENOENT": QT_TRANSLATE_NOOP("messages", "no such file or folder"),
    "ENAMETOOLONG": QT_TRANSLATE_NOOP("messages", "the name is too long"),
    "EAI_AGAIN": QT_TRANSLATE_NOOP("messages", "the name server is temporarily unavailable"),
    "EAI_FAIL": QT_TRANSLATE_NOOP("messages", "the name server failed"),
}
_MISMATCH = re.compile(r"Hostname mismatch, certificate is not valid for '([^']*)'\.")



@dataclass(frozen=True)
class Message:
    """A sentence not yet put into words: its code and the fields its template needs."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self.code, self.params)


def openssl_detail(text: str) -> Message | str:
    """OpenSSL's reason as a translatable :class:`Message` when it is one we know, else the text itself."""
    if text in OPENSSL_DETAILS:
        return Message("openssl", {"text": text})
    m = _MISMATCH.fullmatch(text)
    return Message("openssl_mismatch", {"host": m.group(1)}) if m else text


def os_detail(exc: BaseException) -> Message | str:
    """An OS error's reason as a translatable :class:`Message` for the common ones, else its own text."""
    import errno
    import socket
    number = getattr(exc, "errno", None)
    name = errno.errorcode.get(number, "") if isinstance(number, int) and number > 0 else ""
    if isinstance(exc, socket.gaierror):
        name = {socket.EAI_AGAIN: "EAI_AGAIN", socket.EAI_FAIL: "EAI_FAIL"}.get(number or 0, "")
    if name in OS_ERRORS:
        return Message("os", {"name": name})
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def render(code: str, params: Mapping[str, object], translate: Translate | None = None) -> str:
    """The template of ``code`` (translated when ``translate`` is given) filled with ``params``.

    Nested :class:`Message` params are rendered the same way first. A translation that breaks a
    placeholder falls back to the English template rather than failing.
    """
    if code == "openssl":
        text = str(params["text"])
        return translate(CONTEXT, OPENSSL_DETAILS[text]) if translate is not None else text
    if code == "os":
        text = OS_ERRORS[str(params["name"])]
        return translate(CONTEXT, text) if translate is not None else text
    template = OPENSSL_DETAILS["hostname_mismatch"] if code == "openssl_mismatch" else MESSAGES[code]
    fields = {k: render(v.code, v.params, translate) if isinstance(v, Message) else v
              for k, v in params.items()}
    if translate is not None:
        try:
            return translate(CONTEXT, template).format(**fields)
        except (KeyError, IndexError, ValueError):
            pass
    return template.format(**fields)


def phase_message(phase: str) -> Message:
    """What we were waiting for, as a translatable phrase ("TLS handshake", "IMAP greeting", "answer to
    CAPA", ...): the English words are exactly the phase's own."""
    if phase == "TLS handshake":
        return Message("phase_tls")
    if phase == "greeting":
        return Message("phase_greeting")
    if phase.endswith(" greeting"):
        return Message("phase_protocol_greeting", {"protocol": phase.split()[0]})
    if phase.startswith("answer to "):
        return Message("phase_answer", {"command": phase.removeprefix("answer to ")})
    return Message("phase_connect") if phase == "connect" else Message("phase_other", {"phase": phase})
