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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from assistant.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "messages"

MESSAGES: dict[str, str] = {
    # DNS (core/dns.py, core/probe.py)
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
    "no_address": QT_TRANSLATE_NOOP("messages", "{name}: has no IPv4 or IPv6 address"),
    # Connecting (core/net.py)
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
    # A probe the run stopped (core/probe.py)
    "stopped_better": QT_TRANSLATE_NOOP("messages", "cancelled: a better server was found"),
    "stopped_deadline": QT_TRANSLATE_NOOP("messages", "not finished within the time limit ({seconds} s)"),
    "internal": QT_TRANSLATE_NOOP("messages", "internal error: {detail}"),
    # Building the account (core/account.py, core/recommend.py)
    "no_incoming": QT_TRANSLATE_NOOP("messages", "{domain}: the probe found no usable IMAP or POP3 server"),
    "no_server_for": QT_TRANSLATE_NOOP("messages", "{domain}: the probe found no usable {protocol} server "
                                                   "(choose the other protocol or probe again)"),
    "no_outgoing": QT_TRANSLATE_NOOP("messages", "{domain}: the probe found no usable SMTP server for "
                                                 "sending"),
    "neither_protocol": QT_TRANSLATE_NOOP("messages", "the server offers neither a usable IMAP nor a usable "
                                                      "POP3 server"),
    # Writing files (core/files.py)
    "cannot_write": QT_TRANSLATE_NOOP("messages", "{path}: cannot write ({detail})"),
    "folder_missing": QT_TRANSLATE_NOOP("messages", "{path}: folder {folder} does not exist"),
    "is_folder": QT_TRANSLATE_NOOP("messages", "{path}: is a folder, expected a file name"),
    "exists": QT_TRANSLATE_NOOP("messages", "{path}: already exists (use --force to replace it)"),
}

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
_MISMATCH = re.compile(r"Hostname mismatch, certificate is not valid for '([^']*)'\.")

Translate = Callable[[str, str], str]


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


def render(code: str, params: Mapping[str, object], translate: Translate | None = None) -> str:
    """The template of ``code`` (translated when ``translate`` is given) filled with ``params``.

    Nested :class:`Message` params are rendered the same way first. A translation that breaks a
    placeholder falls back to the English template rather than failing.
    """
    if code == "openssl":
        text = str(params["text"])
        return translate(CONTEXT, OPENSSL_DETAILS[text]) if translate is not None else text
    template = OPENSSL_DETAILS["hostname_mismatch"] if code == "openssl_mismatch" else MESSAGES[code]
    fields = {k: render(v.code, v.params, translate) if isinstance(v, Message) else v
              for k, v in params.items()}
    if translate is not None:
        try:
            return translate(CONTEXT, template).format(**fields)
        except (KeyError, IndexError, ValueError):
            pass
    return template.format(**fields)
