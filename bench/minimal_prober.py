"""The yardstick for a whole discovery: a minimal prober that only does SRV → address → TLS → capabilities.

Bench code, never shipped. For each of the six RFC 6186/8314 services at once: one SRV lookup, one A/AAAA
lookup of the first target, a TCP connection, verified TLS (implicit, or STARTTLS after the greeting, with
the EHLO SMTP requires before it), then the capability list over TLS. Nothing else: no autoconfig, no
Autodiscover, no MX, no guessing, no ranking, no certificate inspection, no polite goodbye (the connection
is dropped once the capabilities are in), no bounds beyond one overall timeout. It is what a hand-written
script that knows the domain publishes SRV records would do, and so the floor a careful engine is held to.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass

import dns.asyncresolver
import dns.rdatatype

SERVICES = (("_imaps._tcp", "imap", True), ("_imap._tcp", "imap", False), ("_pop3s._tcp", "pop3", True),
            ("_pop3._tcp", "pop3", False), ("_submissions._tcp", "smtp", True),
            ("_submission._tcp", "smtp", False))


@dataclass
class Found:
    service: str
    host: str
    port: int
    tls_version: str | None
    capabilities: list[str]


async def _readline(reader: asyncio.StreamReader) -> str:
    return (await reader.readline()).decode("utf-8", "replace").rstrip("\r\n")


async def _smtp_reply(reader: asyncio.StreamReader) -> list[str]:
    lines = []
    while True:
        line = await _readline(reader)
        lines.append(line[4:])
        if len(line) < 4 or line[3] != "-":
            return lines


async def _imap_caps(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, tag: str) -> list[str]:
    writer.write(f"{tag} CAPABILITY\r\n".encode())
    caps: list[str] = []
    while True:
        line = await _readline(reader)
        if line.startswith("* CAPABILITY "):
            caps = line.split()[2:]
        if line.startswith(f"{tag} "):
            return caps


async def _pop3_caps(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> list[str]:
    writer.write(b"CAPA\r\n")
    caps: list[str] = []
    if not (await _readline(reader)).startswith("+OK"):
        return caps
    while (line := await _readline(reader)) != ".":
        caps.append(line)
    return caps


async def _converse(protocol: str, implicit: bool, host: str, ip: str, port: int,
                    ctx: ssl.SSLContext) -> tuple[str | None, list[str]]:
    reader, writer = await asyncio.open_connection(ip, port, ssl=ctx if implicit else None,
                                                   server_hostname=host if implicit else None)
    try:
        greeting = await _readline(reader)
        if protocol == "smtp":
            await _smtp_reply_rest(reader, greeting)
            if not implicit:
                writer.write(b"EHLO bench.invalid\r\n")
                await _smtp_reply(reader)
                writer.write(b"STARTTLS\r\n")
                await _smtp_reply(reader)
                await writer.start_tls(ctx, server_hostname=host)
            writer.write(b"EHLO bench.invalid\r\n")
            caps = (await _smtp_reply(reader))[1:]
        elif protocol == "imap":
            if not implicit:
                writer.write(b"a STARTTLS\r\n")
                while not (await _readline(reader)).startswith("a "):
                    pass
                await writer.start_tls(ctx, server_hostname=host)
                caps = await _imap_caps(reader, writer, "b")
            elif "[CAPABILITY " in greeting:
                caps = greeting.split("[CAPABILITY ", 1)[1].split("]", 1)[0].split()
            else:
                caps = await _imap_caps(reader, writer, "b")
        else:
            if not implicit:
                writer.write(b"STLS\r\n")
                await _readline(reader)
                await writer.start_tls(ctx, server_hostname=host)
            caps = await _pop3_caps(reader, writer)
        tls = writer.get_extra_info("ssl_object")
        return (tls.version() if tls is not None else None), caps
    finally:
        writer.transport.abort()


async def _smtp_reply_rest(reader: asyncio.StreamReader, first: str) -> None:
    if len(first) >= 4 and first[3] == "-":
        await _smtp_reply(reader)


async def _service(resolver: dns.asyncresolver.Resolver, domain: str, service: str, protocol: str,
                   implicit: bool, ctx: ssl.SSLContext) -> Found | None:
    try:
        answer = await resolver.resolve(f"{service}.{domain}", "SRV", search=False)
    except dns.exception.DNSException:
        return None
    best = min(answer, key=lambda r: (r.priority, -r.weight))
    host = str(best.target).rstrip(".")
    if host in ("", "."):
        return None
    a = await resolver.resolve(host, "A", search=False)
    version, caps = await _converse(protocol, implicit, host, str(a[0]), best.port, ctx)
    return Found(service, host, best.port, version, caps)


async def probe(domain: str, dns_ip: str, cafile: str, timeout: float = 10.0) -> list[Found]:
    """All six services of ``domain`` at once; the services without a usable SRV record are left out."""
    resolver = dns.asyncresolver.Resolver(configure=False)
    resolver.nameservers = [dns_ip]
    ctx = ssl.create_default_context(cafile=cafile)
    async with asyncio.timeout(timeout):
        found = await asyncio.gather(*(_service(resolver, domain, s, p, i, ctx) for s, p, i in SERVICES))
    return [f for f in found if f is not None]
