"""``share``: the one-time iPhone/iPad profile link, over loopback with a real HTTP client (http.client).

The command runs as a subprocess for its exit codes (the asyncio object the wizard drives is tested in
tests/core/phone/test_share.py). Silent and dripping clients are real sockets that send nothing (or a byte
now and then).
"""

from __future__ import annotations

import fcntl
import http.client
import socket
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.phone.lan import NoLanAddressError, default_lan_address
from assistant.core.phone.share import MEDIA_TYPE
from assistant.core.profiles import export_profile
from tests.support.cli import msa, msa_popen, one_line_error
from tests.support.paths import GOLDEN

PROFILE = (GOLDEN / "imap.mobileconfig").read_bytes()


class Share:
    """A running ``share`` command and the URL it printed."""

    def __init__(self, path: Path, *extra: str) -> None:
        self.proc = msa_popen("share", str(path), *extra)
        assert self.proc.stdout is not None
        self.url = ""
        for raw in self.proc.stdout:
            line = raw.decode().strip()
            if line.startswith("http://"):
                self.url = line
            if line.endswith("Waiting..."):
                break
        assert self.url, self.finish()

    @property
    def host_port(self) -> tuple[str, int]:
        parts = urlsplit(self.url)
        assert parts.hostname is not None and parts.port is not None
        return parts.hostname, parts.port

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    def finish(self, timeout: float = 15) -> tuple[int, str, str]:
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out.decode(), err.decode()


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "Jane's mail.mobileconfig"
    path.write_bytes(PROFILE)
    return path


@pytest.fixture
def running(profile_file: Path) -> Iterator[Share]:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "60")
    yield share
    if share.proc.poll() is None:
        share.proc.kill()
        share.proc.wait()


def request(share: Share, path: str, method: str = "GET") -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection(*share.host_port, timeout=10)
    conn.request(method, path)
    return conn.getresponse()


def test_one_download_with_exact_bytes_and_headers(running: Share) -> None:
    assert running.host_port[0] == "127.0.0.1"
    token = running.path[1:]
    assert len(token) == 22 and "/" not in token  # 16 random bytes, URL-safe base64
    response = request(running, running.path)
    body = response.read()
    assert response.status == 200
    assert body == PROFILE
    assert response.getheader("Content-Type") == MEDIA_TYPE
    assert response.getheader("Content-Disposition") == 'attachment; filename="Jane_s_mail.mobileconfig"'
    assert response.getheader("Content-Length") == str(len(PROFILE))
    assert response.getheader("Cache-Control") == "no-store"
    code, out, err = running.finish()
    assert code == 0, err
    assert "Downloaded" in out and err == ""
    # The link is dead: nothing listens any more.
    with pytest.raises(ConnectionRefusedError):
        request(running, running.path)


def test_wrong_requests_get_404_and_the_link_survives(running: Share) -> None:
    for method, path in [("GET", "/"), ("GET", running.path[:-1]), ("GET", running.path + "x"),
                         ("GET", running.path + "?a=1"), ("GET", running.path + "/"),
                         ("HEAD", running.path), ("POST", running.path), ("GET", "/favicon.ico")]:
        response = request(running, path, method)
        assert response.status == 404, (method, path)
        assert response.read() == b"" and response.getheader("Content-Length") == "0"
        assert running.proc.poll() is None
    response = request(running, running.path)
    assert response.status == 200 and response.read() == PROFILE
    assert running.finish()[0] == 0


def test_expiry_exits_1(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "1")
    start = time.monotonic()
    code, _, err = share.finish()
    assert code == 1 and "expired" in err
    assert time.monotonic() - start < 5
    with pytest.raises(ConnectionRefusedError):
        request(share, share.path)


def test_silent_and_dripping_clients_block_neither_download_nor_exit(running: Share) -> None:
    silent = socket.create_connection(running.host_port)
    dripping = socket.create_connection(running.host_port)
    dripping.sendall(b"GET ")
    oversized = socket.create_connection(running.host_port)
    oversized.sendall(b"GET " + running.path.encode() + b" HTTP/1.1\r\nX: " + b"a" * 20000 + b"\r\n\r\n")
    assert oversized.recv(100) == b""  # cut off unanswered
    start = time.monotonic()
    response = request(running, running.path)
    assert response.status == 200 and response.read() == PROFILE
    code, _, err = running.finish()
    assert code == 0, err
    assert time.monotonic() - start < 5  # well under the 10 s a client has to send its request
    silent.settimeout(5)
    assert silent.recv(1) == b""  # closed by the server, never answered
    for sock in (silent, dripping, oversized):
        sock.close()


def test_expiry_with_a_silent_client_still_exits(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "1")
    silent = socket.create_connection(share.host_port)
    start = time.monotonic()
    assert share.finish()[0] == 1
    assert time.monotonic() - start < 5
    silent.close()


def password_profile(tmp_path: Path) -> Path:
    account = AccountConfig(domain="example.com", address="jane@example.com", password="Hunter2!",
                            incoming=(ServerConfig("imap", "imap.example.com", 993, "ssl"),),
                            outgoing=(ServerConfig("smtp", "smtp.example.com", 465, "ssl"),))
    path = tmp_path / "with-password.mobileconfig"
    path.write_bytes(export_profile(account, "mobileconfig", embed_password=True))
    return path


@pytest.mark.parametrize(("args", "words"), [
    (("{missing}",), ("no such file",)),
    (("{autoconfig}",), ("is an autoconfig file",)),
    (("{password}",), ("contains a mail password", "--allow-password")),
    (("{profile}", "--bind", "0.0.0.0"), ("every interface",)),
    (("{profile}", "--bind", "::"), ("every interface",)),
    (("{profile}", "--bind", "localhost"), ("not an IP address",)),
    (("{profile}", "--bind", "192.0.2.254"), ("cannot listen",)),
    (("{profile}", "--bind", "127.0.0.1", "--expires", "0"), ("--expires",)),
    (("{profile}", "--bind", "127.0.0.1", "--port", "70000"), ("--port",)),
])
def test_bad_input_exits_2(tmp_path: Path, profile_file: Path, args: tuple[str, ...],
                           words: tuple[str, ...]) -> None:
    names = {"missing": str(tmp_path / "nope.mobileconfig"), "profile": str(profile_file),
             "autoconfig": str(GOLDEN / "imap.xml"),
             "password": str(password_profile(tmp_path))}
    proc = msa("share", *(a.format(**names) for a in args), timeout=30)
    assert "Hunter2!" not in one_line_error(proc, *words)


def test_password_profile_with_opt_in(tmp_path: Path) -> None:
    path = password_profile(tmp_path)
    share = Share(path, "--bind", "127.0.0.1", "--allow-password")
    assert request(share, share.path).read() == path.read_bytes()
    code, _, err = share.finish()
    assert code == 0 and "contains the mail password" in err


def test_no_lan_address_is_a_clear_error(profile_file: Path) -> None:
    """In a network namespace of its own (no interface up, no route) there is nothing to bind to."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    assert probe.returncode == 0, f"unshare -n must work (root, util-linux): {probe.stderr.decode()}"
    proc = msa("share", str(profile_file), prefix=("unshare", "-n"), timeout=30)
    one_line_error(proc, "no local network address", "--bind", code=1)


def _default_route_address() -> tuple[str, str] | None:
    """(interface, its IPv4 address) of the default route, read with ioctl, not with our code."""
    for line in Path("/proc/net/route").read_text().splitlines()[1:]:
        cols = line.split()
        if cols[1] == "00000000" and cols[7] == "00000000" and int(cols[3], 16) & 1:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                raw = fcntl.ioctl(sock.fileno(), 0x8915, struct.pack("256s", cols[0].encode()[:15]))
            return cols[0], socket.inet_ntoa(raw[20:24])
    return None


def test_default_address_is_the_default_routes_interface(profile_file: Path, tmp_path: Path) -> None:
    expected = _default_route_address()
    assert expected is not None, "this test needs a machine with a default route"
    assert default_lan_address() == expected[1]
    share = Share(profile_file, "--expires", "30")
    assert share.host_port[0] == expected[1]
    assert request(share, share.path).read() == PROFILE
    assert share.finish()[0] == 0
    empty = tmp_path / "route"
    empty.write_text("Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n")
    with pytest.raises(NoLanAddressError):
        default_lan_address(empty)
