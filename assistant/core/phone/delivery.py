"""How much of the profile the other side really has, from the kernel's own counters (Linux ``TCP_INFO``).

"One download" must mean that every byte was acknowledged by the phone's TCP stack, whatever the client does
afterwards (closing politely or with a reset). And "never twice" means more than that: once every byte has
left this computer the link is spent, acknowledged or not, because a client can read the bytes and reset the
connection before its acknowledgement goes out. Only a transfer that broke before the last byte left keeps
the link alive.

The counters are read through a duplicate of the socket's descriptor: asyncio closes its own descriptor as
soon as a connection fails, and the counters of a reset connection are exactly what is needed then. Where the
kernel does not tell (not Linux), a response handed whole to the network counts as delivered.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
from dataclasses import dataclass
from enum import Enum
from typing import Any

# struct tcp_info (linux/tcp.h); fields are only ever appended, so the offsets hold on every kernel that
# has them: tcpi_state at 0, tcpi_bytes_acked (4.1+) at 120, then tcpi_bytes_sent and tcpi_bytes_retrans
# (4.19+) at 200.
_STATE, _BYTES_ACKED, _BYTES_SENT = 0, 120, 200
_TCP_CLOSE = 7
_INFO_SIZE = 256


class Delivery(Enum):
    """How a transfer of the whole response ended."""

    DELIVERED = "delivered"  # every byte acknowledged (elsewhere than Linux: handed whole to the network)
    SPENT = "spent"  # every byte left this computer but not all were acknowledged: never send it again
    FAILED = "failed"  # some bytes never left: nobody can have the whole profile, the link stays alive


@dataclass(frozen=True)
class Counts:
    """What the kernel knows about one connection's outgoing data."""

    acked: int  # bytes the peer acknowledged (a FIN counts one)
    sent: int | None  # distinct bytes sent at least once; None on kernels before 4.19
    closed: bool  # the connection is gone (reset, or closed on both sides)


class TcpCounter:
    """The counters of one connected socket, readable after asyncio has closed its own descriptor."""

    def __init__(self, fd: int) -> None:
        self._sock: socket.socket | None = socket.socket(fileno=fd)

    @classmethod
    def watch(cls, transport_socket: Any) -> TcpCounter | None:
        """A counter for the socket behind an asyncio transport; None where the kernel cannot tell."""
        if not sys.platform.startswith("linux") or transport_socket is None:
            return None
        try:
            fd = transport_socket.fileno()
            if fd < 0:
                return None
            counter = cls(os.dup(fd))
        except (OSError, ValueError):
            return None
        if counter.counts() is None:
            counter.close()
            return None
        return counter

    def counts(self) -> Counts | None:
        if self._sock is None:
            return None
        try:
            raw = self._sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, _INFO_SIZE)
        except OSError:
            return None
        if len(raw) < _BYTES_ACKED + 8:
            return None
        acked = int(struct.unpack_from("=Q", raw, _BYTES_ACKED)[0])
        sent: int | None = None
        if len(raw) >= _BYTES_SENT + 16:
            total, again = struct.unpack_from("=QQ", raw, _BYTES_SENT)
            sent = int(total) - int(again)
        return Counts(acked, sent, raw[_STATE] == _TCP_CLOSE)

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def judge(counts: Counts | None, size: int, handed: bool) -> Delivery:
    """The end of a transfer of ``size`` bytes; ``handed``: the whole response reached the kernel."""
    if counts is None:  # the kernel does not tell: what was handed to the network counts
        return Delivery.DELIVERED if handed else Delivery.FAILED
    if counts.acked >= size:
        return Delivery.DELIVERED
    if counts.sent is not None:
        return Delivery.SPENT if counts.sent >= size else Delivery.FAILED
    return Delivery.SPENT if handed else Delivery.FAILED  # old kernel: assume the worst once handed over
