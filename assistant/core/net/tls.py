"""TLS contexts and certificate facts: always verified first, classified from the certificate itself.

Python's mail clients fall back to unverified contexts and frozen apps have no usable OpenSSL CA paths, so
every TLS connection in this program gets its context from here. Why the extra file works everywhere:
``truststore.SSLContext.load_verify_locations`` loads into its inner OpenSSL context; on Linux that context
does the verifying (OS bundle + our file), on macOS/Windows truststore hands ``get_ca_certs()`` to the OS
verifier as extra anchors. When verification fails we cannot trust ``verify_code`` (it is the OS's number
under truststore), so an *inspection* handshake without verification fetches the leaf certificate and we
classify it with ``cryptography`` — the same answer on every platform. Nothing but the certificate is ever
read on an inspection connection that matters for trust; credentials never go over one.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import os
import re
import ssl
import sys
import warnings
from datetime import UTC, datetime

import truststore
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa

from assistant.core.model.results import TlsFacts
from assistant.core.words.errors import InputError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

EXPIRES_SOON_DAYS = 30
MODERN_VERSIONS = frozenset({"TLSv1.2", "TLSv1.3"})

# Problem code → plain-language sentence. Placeholders: {host}, {date} (not_after), {start} (not_before),
# {days} (days_left), {version}.
PROBLEM_MESSAGES: dict[str, str] = {
    "expired": QT_TRANSLATE_NOOP(
        "tls", "The certificate expired on {date}; the server's administrator must renew it."),
    "not_yet_valid": QT_TRANSLATE_NOOP(
        "tls", "The certificate is only valid from {start}; either this computer's clock is wrong or the "
               "server's administrator installed it too early."),
    "hostname_mismatch": QT_TRANSLATE_NOOP(
        "tls", "The certificate was not issued for {host}; the name may be wrong, or someone may be "
               "intercepting the connection."),
    "self_signed": QT_TRANSLATE_NOOP(
        "tls", "The certificate is self-signed, so nobody vouches for it; trust it only if your provider "
               "gave you its fingerprint."),
    "untrusted_issuer": QT_TRANSLATE_NOOP(
        "tls", "The certificate was issued by an authority this computer does not trust; if your "
               "organisation runs its own, ask its IT department to add that authority's certificate to "
               "this computer."),
    "weak_protocol": QT_TRANSLATE_NOOP(
        "tls", "The server only offers {version}, which is obsolete and unsafe; it needs TLS 1.2 or newer."),
    "expires_soon": QT_TRANSLATE_NOOP(
        "tls", "The certificate expires on {date} (in {days} days); the server's administrator should "
               "renew it soon."),
}

# Codes that make a certificate unacceptable (expires_soon is only a heads-up).
FAILURES = frozenset(PROBLEM_MESSAGES) - {"expires_soon"}

# OpenSSL reasons that mean "we could not agree on a protocol version".
_VERSION_REASONS = frozenset({
    "TLSV1_ALERT_PROTOCOL_VERSION", "UNSUPPORTED_PROTOCOL", "NO_PROTOCOLS_AVAILABLE", "WRONG_SSL_VERSION",
    "VERSION_TOO_LOW", "TLSV1_ALERT_INSUFFICIENT_SECURITY",
})


def client_context(cafile: str | None = None, *, min_version: str = "1.2") -> ssl.SSLContext:
    """A verifying client context: OS trust store (+ ``cafile``), hostname checks, TLS ``min_version``+.

    Contexts are shared (one per CA file and minimum version): callers must not change them. On Linux the
    OS trust store *is* OpenSSL's default bundle, which truststore reloads on every connection (~50 ms of CPU
    each, measured); loading it once into a plain verifying context gives the same verification for free.
    On macOS and Windows truststore hands each chain to the OS verifier, which is the point of using it.
    """
    stamp = None
    if cafile:
        st = os.stat(cafile)  # FileNotFoundError etc. reach the caller, which names the option
        stamp = (st.st_mtime_ns, st.st_size)
    return _cached_context(cafile or None, stamp, min_version)


@functools.lru_cache(maxsize=8)
def _cached_context(cafile: str | None, _stamp: object, min_version: str) -> ssl.SSLContext:
    ctx: ssl.SSLContext
    if sys.platform.startswith("linux"):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        _load_linux_trust_store(ctx)
    else:
        ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3 if min_version == "1.3" else ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    if cafile:
        ctx.load_verify_locations(cadata=read_cafile(cafile))  # never by name: OpenSSL would block on a FIFO
    return ctx


# Where Linux distributions keep the system bundle when OpenSSL's compiled-in path is empty (as truststore).
_LINUX_BUNDLES = ("/etc/ssl/cert.pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
                  "/etc/pki/tls/cert.pem", "/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/ca-bundle.pem")


def _load_linux_trust_store(ctx: ssl.SSLContext) -> None:
    """The same trust anchors truststore uses on Linux: OpenSSL's defaults, else a known bundle path."""
    defaults = ssl.get_default_verify_paths()
    capath = defaults.capath
    if defaults.cafile or (capath and os.path.isdir(capath) and os.listdir(capath)):
        ctx.set_default_verify_paths()
        return
    for bundle in _LINUX_BUNDLES:
        if os.path.isfile(bundle):
            ctx.load_verify_locations(cafile=bundle)
            return


def inspection_context() -> ssl.SSLContext:
    """Unverified context, ONLY for fetching the certificate after a verified handshake failed."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # inspection only, never carries credentials
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def legacy_context() -> ssl.SSLContext:
    """Unverified context accepting TLS 1.0/1.1, to tell "only obsolete TLS" from other handshake failures."""
    ctx = inspection_context()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # deprecated is exactly what we look for
        ctx.minimum_version = ssl.TLSVersion.TLSv1
    ctx.set_ciphers("ALL:@SECLEVEL=0")
    return ctx


def is_version_failure(exc: ssl.SSLError) -> bool:
    """True when the handshake failed because no acceptable protocol version was shared."""
    return (exc.reason or "") in _VERSION_REASONS


def describe(code: str, facts: TlsFacts | None, host: str) -> str:
    """The plain-language sentence for one problem code, filled from the facts."""
    template = PROBLEM_MESSAGES.get(code, code)
    f = facts or TlsFacts()
    return template.format(host=host, date=(f.not_after or "?")[:10], start=(f.not_before or "?")[:10],
                           days=f.days_left if f.days_left is not None else "?",
                           version=f.version or "an old TLS version")


def facts_from_ssl(sslobj: ssl.SSLObject | None, host: str, *, verified: bool,
                   now: datetime | None = None) -> TlsFacts:
    """TlsFacts of a finished handshake. Unverified handshakes get their problems classified here."""
    facts = TlsFacts(verified=verified)
    if sslobj is None:
        return facts
    facts.version = sslobj.version()
    cipher = sslobj.cipher()
    facts.cipher = cipher[0] if cipher else None
    der = sslobj.getpeercert(binary_form=True)
    if der:
        fill_certificate(facts, der, now=now)
        if not verified:
            facts.problems = classify(der, host, now=now, fallback=False)
    if facts.version and facts.version not in MODERN_VERSIONS and "weak_protocol" not in facts.problems:
        facts.problems.append("weak_protocol")
    if facts.days_left is not None and 0 <= facts.days_left <= EXPIRES_SOON_DAYS \
            and "expires_soon" not in facts.problems:
        facts.problems.append("expires_soon")
    return facts


def fill_certificate(facts: TlsFacts, der: bytes, *, now: datetime | None = None) -> None:
    """Copy subject, SANs, issuer, validity and fingerprint of a DER leaf into ``facts``."""
    cert = x509.load_der_x509_certificate(der)
    now = now or datetime.now(UTC)
    facts.subject = cert.subject.rfc4514_string()
    facts.issuer = cert.issuer.rfc4514_string()
    facts.sans = _san_strings(cert)
    facts.not_before = cert.not_valid_before_utc.isoformat()
    facts.not_after = cert.not_valid_after_utc.isoformat()
    facts.days_left = (cert.not_valid_after_utc - now).days
    facts.fingerprint_sha256 = hashlib.sha256(der).hexdigest()


def classify(der: bytes, host: str, *, now: datetime | None = None, fallback: bool = True) -> list[str]:
    """Why this leaf fails for ``host``: time, name, self-signature; else its issuer is not trusted.

    Meant for after a verified handshake rejected the certificate, where "nothing visibly wrong" means
    the chain's anchor is unknown to us (``untrusted_issuer``); ``fallback=False`` leaves that out.
    """
    cert = x509.load_der_x509_certificate(der)
    now = now or datetime.now(UTC)
    problems: list[str] = []
    if now > cert.not_valid_after_utc:
        problems.append("expired")
    if now < cert.not_valid_before_utc:
        problems.append("not_yet_valid")
    if not matches_hostname(cert, host):
        problems.append("hostname_mismatch")
    if is_self_signed(cert):
        problems.append("self_signed")
    if not problems and fallback:
        problems.append("untrusted_issuer")
    return problems


def is_self_signed(cert: x509.Certificate) -> bool:
    """Issuer equals subject and the certificate's own key verifies its signature."""
    if cert.issuer != cert.subject:
        return False
    key = cert.public_key()
    sig, data = cert.signature, cert.tbs_certificate_bytes
    try:
        if isinstance(key, rsa.RSAPublicKey):
            algo = cert.signature_hash_algorithm
            if algo is None:
                return False
            key.verify(sig, data, padding.PKCS1v15(), algo)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            algo = cert.signature_hash_algorithm
            if algo is None:
                return False
            key.verify(sig, data, ec.ECDSA(algo))
        elif isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
            key.verify(sig, data)
        else:
            return True  # same names, unknown key type: call it self-signed rather than guess a CA
    except InvalidSignature:
        return False
    return True


def matches_hostname(cert: x509.Certificate, host: str) -> bool:
    """RFC 6125 matching against subjectAltName only (no CN fallback, as modern clients do).

    A wildcard is allowed only as the whole left-most label, matches exactly one label, and never
    matches an IP address or a name directly under a public-looking single label (``*.com``).
    """
    ref = host.rstrip(".").lower()
    try:
        ip = ipaddress.ip_address(ref)
    except ValueError:
        ip = None
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return False
    if ip is not None:
        return any(a == ip for a in san.get_values_for_type(x509.IPAddress))
    try:
        ref = ref.encode("idna").decode("ascii") if not ref.isascii() else ref
    except UnicodeError:
        return False
    return any(dns_name_matches(pattern, ref) for pattern in san.get_values_for_type(x509.DNSName))


def dns_name_matches(pattern: str, ref: str) -> bool:
    """One SAN dNSName pattern against one A-label reference name (both case-insensitive)."""
    pattern = pattern.rstrip(".").lower()
    ref = ref.rstrip(".").lower()
    if not pattern or not ref:
        return False
    if "*" not in pattern:
        return pattern == ref
    p_labels, r_labels = pattern.split("."), ref.split(".")
    if p_labels[0] != "*" or any("*" in label for label in p_labels[1:]):
        return False  # partial (f*o, also xn--*) and non-left-most wildcards are refused (RFC 6125 §6.4.3)
    if len(p_labels) < 3 or len(p_labels) != len(r_labels):
        return False
    return p_labels[1:] == r_labels[1:]


def _san_strings(cert: x509.Certificate) -> list[str]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    names = [str(n) for n in san.get_values_for_type(x509.DNSName)]
    names += [str(a) for a in san.get_values_for_type(x509.IPAddress)]
    return names


MAX_CAFILE_BYTES = 4 * 1024 * 1024  # the whole Mozilla bundle is about 220 KiB
_PEM_CERT = re.compile(rb"-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----")


def read_cafile(cafile: str) -> str:
    """The PEM certificates of ``--cafile``, read bounded like every input (a FIFO or device is refused at
    once instead of blocking OpenSSL's own reader); InputError naming the option otherwise."""
    from assistant.core.net.files import read_bounded
    try:
        data = read_bounded(cafile, MAX_CAFILE_BYTES, "PEM file")
    except InputError as exc:
        raise InputError(f"{{field}} {exc}", field="cafile") from None
    blocks = _PEM_CERT.findall(data)  # the certificates only: OpenSSL takes ASCII text, comments may not be
    if not blocks:  # ASCII text without a certificate: OpenSSL then says what it is not (ssl.SSLError)
        return data.decode("ascii", "ignore").strip() or "empty"
    return "\n".join(b.decode("ascii") for b in blocks) + "\n"
