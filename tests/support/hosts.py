"""A resolver with a fixed host table, like /etc/hosts, for tests that need names but not DNS behaviour.

Certificates are issued for names (mail.example.test), so the prober must connect by name; the DNS
behaviour itself is tested against real dnsmasq elsewhere. Only ``addresses`` is answered from the table;
any other lookup fails loudly.
"""

from __future__ import annotations

from assistant.core.net.dns import NoSuchDomain, Resolver


class HostsResolver(Resolver):
    def __init__(self, table: dict[str, str]) -> None:
        super().__init__(lifetime=2.0)
        self.table = {k.lower().rstrip("."): v for k, v in table.items()}

    def describe(self) -> str:
        return "hosts table"

    async def query(self, name: str, rdtype: str, lifetime: float | None = None) -> list[object]:
        raise AssertionError(f"HostsResolver answers addresses only, not {rdtype} {name}")

    async def addresses(self, host: str, lifetime: float | None = None) -> list[str]:
        key = host.lower().rstrip(".")
        if key in self.table:
            return [self.table[key]]
        return await super().addresses(host, lifetime) if key[:1].isdigit() else _missing(host)


def _missing(host: str) -> list[str]:
    raise NoSuchDomain(f"{host}: no such host")
