"""Run by tests/cli/test_share_attacks.py inside ``unshare -n`` (a network namespace of its own).

A client that takes the whole profile but never acknowledges it: nftables drops every pure ACK the client's
port sends, so the profile arrives while the server's TCP stack never hears that it did; the client then
reads it all and resets the connection. That is what an attacker with a user-space TCP stack does to be
served twice. Prints one JSON object: what the client received, the command's exit code and output, and
whether a second GET still reached a server. With ``--link`` the wizard's own link (``PhoneLink``, in
process) is attacked instead of the command, and the Link it ends in is printed.
"""

from __future__ import annotations

import json
import os
import re
import socket
import struct
import subprocess
import sys
from pathlib import Path

REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists())


def client_without_acks() -> socket.socket:
    """A socket whose pure ACKs never leave (nftables in this namespace drops them)."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    client = socket.socket()
    client.bind(("127.0.0.1", 0))
    port = client.getsockname()[1]
    for rule in (["add", "table", "inet", "noack"],
                 ["add", "chain", "inet", "noack", "out", "{ type filter hook output priority 0 ; }"],
                 ["add", "rule", "inet", "noack", "out", "tcp", "sport", str(port), "tcp", "flags", "==",
                  "ack", "drop"]):
        subprocess.run(["nft", *rule], check=True)
    return client


def take_and_reset(client: socket.socket, url: str) -> tuple[tuple[str, int], bytes]:
    """GET the link, read the whole profile, reset before any acknowledgement got through."""
    match = re.match(r"http://127\.0\.0\.1:(\d+)(/\S+)$", url)
    assert match, url
    server = ("127.0.0.1", int(match.group(1)))
    client.settimeout(10)
    client.connect(server)
    client.sendall(f"GET {match.group(2)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    data = b""
    while b"</plist>" not in data:
        chunk = client.recv(65536)
        if not chunk:
            break
        data += chunk
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()
    return server, data


def second_try(server: tuple[str, int]) -> str:
    try:
        socket.create_connection(server, timeout=5).close()
        return "connected"
    except ConnectionRefusedError:
        return "refused"


def link() -> None:
    """The wizard's link: PhoneLink on an asyncio loop, attacked from a thread."""
    import asyncio
    import threading

    from assistant.core.model.account import AccountConfig, ServerConfig
    from assistant.core.model.progress import ProgressEvent
    from assistant.core.phone.handoff import PhoneLink
    client = client_without_acks()
    account = AccountConfig(domain="example.com", address="jane@example.com",
                            incoming=(ServerConfig("imap", "imap.example.com", 993, "ssl"),),
                            outgoing=(ServerConfig("smtp", "smtp.example.com", 465, "ssl"),))
    got: dict[str, object] = {}

    def progress(event: ProgressEvent) -> None:
        def attack() -> None:
            got["server"], got["data"] = take_and_reset(client, event.detail or "")
        threading.Thread(target=attack).start()

    state = asyncio.run(PhoneLink(account, bind="127.0.0.1", expires=30).run(progress))
    server = got["server"]
    assert isinstance(server, tuple) and isinstance(got["data"], bytes)
    print(json.dumps({"link": state.value, "received": got["data"].decode("utf-8", "replace"),
                      "second": second_try(server)}))


def main(profile: str) -> None:
    client = client_without_acks()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_")}
    share = subprocess.Popen([sys.executable, "-m", "assistant", "share", profile, "--bind", "127.0.0.1",
                              "--expires", "30"], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert share.stdout is not None
    url = ""
    for raw in share.stdout:
        line = raw.decode().strip()
        url = line if line.startswith("http://") else url
        if line.endswith("Waiting..."):
            break
    server, data = take_and_reset(client, url)
    out, err = share.communicate(timeout=30)
    print(json.dumps({"received": data.decode("utf-8", "replace"), "code": share.returncode,
                      "stdout": out.decode(), "stderr": err.decode(), "second": second_try(server)}))


if __name__ == "__main__":
    if sys.argv[1] == "--link":
        link()
    else:
        main(sys.argv[1])
