"""Which address a phone on the same network can reach this computer at, found without sending anything.

The share link must bind one address, never all interfaces: by default the address of the interface that
holds the default route (the network the phone is most likely on). Linux names the default gateway in
/proc/net/route; a UDP ``connect`` to that gateway makes the kernel pick our source address on that
interface, and UDP ``connect`` sends no packet. Elsewhere the same trick is aimed at a documentation
address (RFC 5737 / RFC 3849), which follows the default route.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
from pathlib import Path

from assistant.core.words.errors import AssistantError, InputError

ROUTE_TABLE = Path("/proc/net/route")
_FALLBACK_PROBES = ((socket.AF_INET, "203.0.113.1"), (socket.AF_INET6, "2001:db8::1"))


class NoLanAddressError(AssistantError):
    """No network with a default route: a phone could not reach us (exit 1, nothing usable)."""


NO_LAN_MESSAGE = ("this computer has no local network address (no default route): connect it to the "
                  "network the phone uses, or give {field}")


def default_lan_address(route_table: Path = ROUTE_TABLE) -> str:
    """The local address on the default route's interface; NoLanAddressError when there is none."""
    if route_table.exists():
        gateway = _default_gateway(route_table)
        if gateway is None:
            raise NoLanAddressError(NO_LAN_MESSAGE, field="bind")
        probes: tuple[tuple[int, str], ...] = ((socket.AF_INET, gateway),) if gateway != "0.0.0.0" \
            else _FALLBACK_PROBES  # noqa: S104 - a route to a device (no gateway), not a bind
    else:
        probes = _FALLBACK_PROBES
    for family, target in probes:
        address = _source_address(family, target)
        if address is not None:
            return address
    raise NoLanAddressError(NO_LAN_MESSAGE, field="bind")


def _default_gateway(route_table: Path) -> str | None:
    """The IPv4 default route's gateway ("0.0.0.0" for a device route), or None without a default route."""
    try:
        lines = route_table.read_text(encoding="ascii", errors="replace").splitlines()[1:]
    except OSError:
        return None
    best: tuple[int, str] | None = None
    for line in lines:
        cols = line.split()
        if len(cols) < 8 or cols[1] != "00000000" or cols[7] != "00000000":
            continue
        flags = int(cols[3], 16)
        if not flags & 0x1:  # RTF_UP
            continue
        metric = int(cols[6])
        gateway = socket.inet_ntoa(struct.pack("<I", int(cols[2], 16)))
        if best is None or metric < best[0]:
            best = (metric, gateway)
    return best[1] if best else None


def _source_address(family: int, target: str) -> str | None:
    """The address the kernel would send from to reach ``target`` (no packet leaves), if usable."""
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((target, 9))
            address = str(sock.getsockname()[0])
    except OSError:
        return None
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.is_loopback or ip.is_unspecified or ip.is_link_local:
        return None
    return str(ip)


def check_bind_address(text: str) -> str:
    """An explicit ``--bind``: one IP address of this computer; all-interfaces addresses are refused."""
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        raise InputError(f"{{field}}: '{text}' is not an IP address", field="bind") from None
    if ip.is_unspecified:
        raise InputError(f"{{field}}: '{text}' means every interface; give one address (the share link is "
                         f"served on one network only)", field="bind")
    if ip.is_multicast:
        raise InputError(f"{{field}}: '{text}' is a multicast address", field="bind")
    if ip.version == 6 and ip.is_link_local:
        raise InputError(f"{{field}}: '{text}' is a link-local IPv6 address; a link cannot name it (Safari "
                         f"takes no interface in a URL), give another address of this computer", field="bind")
    if ip.version == 4 and (ip.is_reserved or str(ip) == "255.255.255.255"):
        raise InputError(f"{{field}}: '{text}' is a broadcast or reserved address, not one of this computer",
                         field="bind")
    return str(ip)


def url_host(address: str) -> str:
    """``address`` as the host part of a URL (IPv6 in brackets)."""
    return f"[{address}]" if ":" in address else address
