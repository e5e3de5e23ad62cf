"""DNS: SRV/MX and host addresses through one chosen resolver.

With ``--dns-server`` every lookup, host addresses included, goes to that resolver (split-horizon diagnosis).
Without it SRV/MX go to the system's configured resolver through dnspython, and host addresses go through
the OS (``getaddrinfo``) so VPN and split-DNS names still resolve as the mail client would see them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import dns.asyncresolver
import dns.exception
import dns.name
import dns.rdatatype
import dns.resolver

from assistant.core.model.fields import parse_port
from assistant.core.words.errors import InputError
from assistant.core.words.messages import Message, os_detail, render


class DnsError(Exception):
    """A lookup failed for another reason than "no such record" (timeout, SERVFAIL, refused).

    Like ``AssistantError`` it may carry a ``code`` and ``params`` (``core/words/messages.py``) so the wizard
    can say it in the interface language; ``str()`` stays the English line.
    """

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 params: dict[str, object] | None = None) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        if message is None:
            message = render(code or "", self.params)
        super().__init__(message)

    def message(self) -> Message | str:
        """A :class:`~assistant.core.words.messages.Message` when coded (translatable), else English."""
        return Message(self.code, self.params) if self.code else str(self)


class NoSuchDomain(DnsError):
    """NXDOMAIN: the name does not exist at all."""


@dataclass(frozen=True)
class ServerAddress:
    ip: str
    port: int = 53

    def __str__(self) -> str:
        return f"[{self.ip}]:{self.port}" if ":" in self.ip else f"{self.ip}:{self.port}"


def parse_server(text: str) -> ServerAddress:
    """Parse ``IP``, ``IP:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address; raise InputError otherwise."""
    raw = text.strip()
    host, port = raw, 53
    if raw.startswith("["):
        close = raw.find("]")
        if close < 0:
            raise InputError(f"{{field}} {text!r}: missing ']'", field="dns_server")
        host, rest = raw[1:close], raw[close + 1:]
        if rest:
            if not rest.startswith(":"):
                raise InputError(f"{{field}} {text!r}: expected ':PORT' after ']'", field="dns_server")
            port = _port(rest[1:], text)
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
        port = _port(port_text, text)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise InputError(f"{{field}} {text!r}: not an IP address", field="dns_server") from None
    return ServerAddress(host, port)


def _port(text: str, whole: str) -> int:
    port = parse_port(text)
    if port is None:
        raise InputError(f"{{field}} {whole[:80]!r}: port must be 1-65535", field="dns_server")
    return port


SYSTEM_CACHE_SECONDS = 60.0  # host addresses from the OS are kept this long when caching (no TTL is known)


class Resolver:
    """One resolver for a whole run; every call takes a lifetime so callers can stay inside a deadline.

    ``cache_size`` > 0 keeps up to that many answers (dnspython's LRU cache, by each record's TTL, NXDOMAIN
    included; host addresses from the OS for a minute): a batch of domains on one hoster asks the same
    names again and again, and one shared cache answers them once. ``in_flight`` > 0 keeps at most that
    many queries outstanding: a batch starting dozens of domains at once would otherwise send a burst of
    a thousand queries, more than a resolver's receive buffer holds (the lost ones cost a retry or a wrong
    "not found").
    """

    def __init__(self, server: ServerAddress | None = None, lifetime: float = 5.0,
                 cache_size: int = 0, in_flight: int = 0) -> None:
        self.server = server
        self.lifetime = lifetime
        self._in_flight = asyncio.Semaphore(in_flight) if in_flight > 0 else None
        self._system_cache: dict[str, tuple[float, list[str]]] | None = {} if cache_size > 0 else None
        self._cache_size = cache_size
        if server is None:
            try:
                self._r = dns.asyncresolver.Resolver()
            except (dns.resolver.NoResolverConfiguration, ValueError, OSError) as exc:
                raise DnsError(code="dns_config", params={"detail": str(exc)}) from None
        else:
            self._r = dns.asyncresolver.Resolver(configure=False)
            self._r.nameservers = [server.ip]
            self._r.port = server.port
        self._r.timeout = min(2.0, lifetime)
        self._r.lifetime = lifetime
        if cache_size > 0:
            self._r.cache = dns.resolver.LRUCache(cache_size)

    def describe(self) -> str:
        return str(self.server) if self.server else "system"

    async def query(self, name: str, rdtype: str, lifetime: float | None = None) -> list[object]:
        """Records of one type; ``[]`` when the name exists without them. Raises NoSuchDomain/DnsError."""
        if self._in_flight is None:
            return await self._query(name, rdtype, lifetime)
        async with self._in_flight:  # the wait is ours, not the resolver's: not counted in the lifetime
            return await self._query(name, rdtype, lifetime)

    async def _query(self, name: str, rdtype: str, lifetime: float | None) -> list[object]:
        try:
            answer = await self._r.resolve(
                dns.name.from_text(name), dns.rdatatype.from_text(rdtype),
                lifetime=self.lifetime if lifetime is None else max(0.05, lifetime),
                raise_on_no_answer=False, search=False)
        except dns.resolver.NXDOMAIN:
            raise NoSuchDomain(code="dns_nxdomain", params={"name": name}) from None
        except dns.resolver.NoAnswer:
            return []
        except dns.exception.Timeout:
            raise DnsError(code="dns_timeout", params={"name": name, "rdtype": rdtype}) from None
        except dns.resolver.NoNameservers:
            raise DnsError(code="dns_no_answer", params={"name": name, "rdtype": rdtype}) from None
        except (dns.name.NameTooLong, dns.name.LabelTooLong, dns.name.EmptyLabel):
            raise DnsError(code="dns_bad_name", params={"name": name}) from None
        except dns.exception.DNSException as exc:  # dnspython's own words, inside a sentence of ours
            detail = str(exc) or type(exc).__name__
            raise DnsError(code="dns_lookup_failed",
                           params={"name": name, "rdtype": rdtype, "detail": detail}) from None
        return list(answer.rrset) if answer.rrset is not None else []

    async def addresses(self, host: str, lifetime: float | None = None) -> list[str]:
        """IPv6 and IPv4 addresses of ``host``, IPv6 first (Happy Eyeballs interleaves them later)."""
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        if self.server is None:
            return await self._system(host, self.lifetime if lifetime is None else lifetime)
        results = await asyncio.gather(self.query(host, "AAAA", lifetime), self.query(host, "A", lifetime),
                                       return_exceptions=True)
        found: list[str] = []
        errors: list[BaseException] = []
        for r in results:
            if isinstance(r, BaseException):
                errors.append(r)
            else:
                found.extend(str(rr) for rr in r)
        if not found and errors:
            if isinstance(errors[0], DnsError):
                raise errors[0]
            detail = str(errors[0]) or type(errors[0]).__name__
            raise DnsError(code="dns_lookup_failed",
                           params={"name": host, "rdtype": "A/AAAA", "detail": detail})
        return found


    async def _system(self, host: str, lifetime: float) -> list[str]:
        cache = self._system_cache
        if cache is None:
            return await _system_addresses(host, lifetime)
        now = asyncio.get_running_loop().time()
        key = host.lower().rstrip(".")
        hit = cache.get(key)
        if hit is not None and hit[0] > now:
            return list(hit[1])
        found = await _system_addresses(host, lifetime)
        if len(cache) >= self._cache_size:  # oldest first (dicts keep insertion order)
            for old in list(cache)[: max(1, len(cache) // 8)]:
                del cache[old]
        cache[key] = (now + SYSTEM_CACHE_SECONDS, found)
        return found


async def _system_addresses(host: str, lifetime: float) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(lifetime):
            infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise DnsError(code="dns_system_timeout", params={"name": host}) from None
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
            raise NoSuchDomain(code="dns_no_host", params={"name": host}) from None
        raise DnsError(code="dns_other", params={"name": host, "detail": os_detail(exc)}) from None
    v6 = [str(i[4][0]) for i in infos if i[0] == socket.AF_INET6]
    v4 = [str(i[4][0]) for i in infos if i[0] == socket.AF_INET]
    return list(dict.fromkeys(v6 + v4))
