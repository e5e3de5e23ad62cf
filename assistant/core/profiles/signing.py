"""CMS signing of Apple profiles, and unwrapping signed profiles for import.

iOS and macOS show a profile as "Verified" only when it is CMS SignedData with the plist attached and a
chain they trust; the intermediates must travel inside the signature. Unwrapping uses a small bounded BER
reader because the libraries at hand can sign but not hand back the signed content.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from assistant.core.words.errors import InputError

_SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")  # 1.2.840.113549.1.7.2, DER-encoded
_MAX_DEPTH = 16


def load_identity(identity: bytes, password: bytes | None, origin: str = "signing identity"
                  ) -> tuple[rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, x509.Certificate,
                             list[x509.Certificate]]:
    """Key, certificate and chain from a PKCS#12 file; InputError (never the password) when unusable."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(identity, password)
    except (ValueError, TypeError):
        raise InputError(code="p12_unreadable", params={"path": origin}) from None
    if cert is None or key is None:
        raise InputError(code="p12_incomplete", params={"path": origin})
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise InputError(code="p12_key_type", params={"path": origin})
    return key, cert, list(extra)


def sign_profile(data: bytes, identity: bytes, password: bytes | None) -> bytes:
    """DER CMS SignedData, content attached, SHA-256, signer certificate plus the chain from the file."""
    key, cert, chain = load_identity(identity, password)
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(cert, key, hashes.SHA256())
    for extra in chain:
        builder = builder.add_certificate(extra)
    # Binary: sign the bytes as they are (no MIME newline conversion of the plist).
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def looks_signed(data: bytes) -> bool:
    """A DER/BER SEQUENCE that names SignedData near the start."""
    return data[:1] == b"\x30" and _SIGNED_DATA_OID in data[:32]


def signer_certificates(data: bytes) -> list[x509.Certificate]:
    """The certificates carried in a signed profile (for showing who signed it)."""
    try:
        return pkcs7.load_der_pkcs7_certificates(data)
    except ValueError:
        return []


class _Ber:
    """Just enough BER to walk ContentInfo → SignedData → encapContentInfo → eContent."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def tlv(self, pos: int, end: int) -> tuple[int, bool, int, int]:
        """(tag, constructed, content start, content end or -1 for indefinite length)."""
        if pos + 2 > end:
            raise ValueError("truncated")
        tag = self.data[pos]
        if tag & 0x1F == 0x1F:
            raise ValueError("multi-byte tags are not used here")
        first = self.data[pos + 1]
        pos += 2
        if first == 0x80:
            if not tag & 0x20:
                raise ValueError("indefinite length on a primitive value")
            return tag, True, pos, -1
        if first & 0x80:
            n = first & 0x7F
            if n > 4 or pos + n > end:
                raise ValueError("bad length")
            length = int.from_bytes(self.data[pos:pos + n], "big")
            pos += n
        else:
            length = first
        if pos + length > end:
            raise ValueError("length runs past the end")
        return tag, bool(tag & 0x20), pos, pos + length

    def skip(self, pos: int, end: int, depth: int = 0) -> int:
        """Position after the value at ``pos``."""
        if depth > _MAX_DEPTH:
            raise ValueError("nested too deeply")
        _, _, start, stop = self.tlv(pos, end)
        if stop >= 0:
            return stop
        while self.data[start:start + 2] != b"\x00\x00":
            start = self.skip(start, end, depth + 1)
        return start + 2

    def children(self, pos: int, end: int) -> list[int]:
        """Positions of the values inside the constructed value at ``pos``."""
        _, constructed, start, stop = self.tlv(pos, end)
        if not constructed:
            raise ValueError("expected a constructed value")
        limit = stop if stop >= 0 else end
        out = []
        while start < limit:
            if stop < 0 and self.data[start:start + 2] == b"\x00\x00":
                break
            out.append(start)
            start = self.skip(start, limit)
        return out

    def octets(self, pos: int, end: int, depth: int = 0) -> bytes:
        """An OCTET STRING, primitive or constructed from pieces."""
        if depth > _MAX_DEPTH:
            raise ValueError("nested too deeply")
        tag, constructed, start, stop = self.tlv(pos, end)
        if tag & 0x1F != 0x04:
            raise ValueError("expected an OCTET STRING")
        if not constructed:
            return self.data[start:stop]
        return b"".join(self.octets(p, end, depth + 1) for p in self.children(pos, end))


def unwrap_signed(data: bytes, origin: str) -> bytes:
    """The content of a signed profile (not verified: the device checks the signature when installing)."""
    ber = _Ber(data)
    end = len(data)
    try:
        info = ber.children(0, end)
        if len(info) < 2 or data[info[0]:info[0] + len(_SIGNED_DATA_OID)] != _SIGNED_DATA_OID:
            raise ValueError("not CMS SignedData")
        signed = ber.children(info[1], end)[0]  # [0] EXPLICIT → SignedData SEQUENCE
        encap = ber.children(signed, end)[2]  # version, digestAlgorithms, encapContentInfo
        parts = ber.children(encap, end)
        if len(parts) < 2:
            raise ValueError("the signature is detached (no content inside)")
        content = ber.children(parts[1], end)[0]  # [0] EXPLICIT → OCTET STRING
        return ber.octets(content, end)
    except (ValueError, IndexError) as exc:
        raise InputError(f"{origin}: not a readable signed profile ({exc})") from None
