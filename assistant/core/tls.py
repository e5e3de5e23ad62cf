"""TLS contexts: always verified, from the OS trust store (truststore) plus an optional CA file.

Python's mail clients fall back to unverified contexts; frozen apps have no usable OpenSSL CA paths. So every
TLS connection in this program gets its context from here.
"""

from __future__ import annotations

import ssl

import truststore


def client_context(cafile: str | None = None) -> ssl.SSLContext:
    """A verifying client context: OS trust store, hostname checks, TLS 1.2 or newer."""
    ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if cafile:
        ctx.load_verify_locations(cafile=cafile)
    return ctx
