"""Per-run loopback addresses, so several test runs (and the developers' own) never collide.

Linux routes all of 127.0.0.0/8 to the loopback interface, so each pytest session takes its own
127.A.B.0/24 and servers bind the standard mail ports (993, 143, 587, ...) on addresses inside it. Clients
connect from 127.0.0.1, which matters: Dovecot treats client IP == server IP as a secure connection.
"""

from __future__ import annotations

import os
import random
import socket


class Subnet:
    """Hands out addresses 127.A.B.2, .3, ... of one /24 that nobody is listening on yet."""

    def __init__(self) -> None:
        rng = random.Random(os.getpid() ^ int.from_bytes(os.urandom(4), "big"))
        for _ in range(50):
            a, b = rng.randint(100, 250), rng.randint(1, 254)
            if _free(f"127.{a}.{b}.1"):
                self.prefix = f"127.{a}.{b}."
                break
        else:
            raise RuntimeError("no free 127.x.y.0/24 subnet found on the loopback interface")
        self._next = 2

    def take(self) -> str:
        """A fresh address in this subnet."""
        if self._next > 254:
            raise RuntimeError(f"subnet {self.prefix}0/24 is exhausted")
        ip = f"{self.prefix}{self._next}"
        self._next += 1
        return ip


def _free(ip: str) -> bool:
    for port in (53, 993):
        s = socket.socket()
        try:
            s.bind((ip, port))
        except OSError:
            return False
        finally:
            s.close()
    return True
