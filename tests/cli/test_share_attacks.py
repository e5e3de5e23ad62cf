"""Review 4 (docs/security-review-4.md): attacks on the ``share`` one-time link, as an attacker runs them.

Real sockets on loopback against the command as a subprocess: a client that takes the profile and resets
(B1), one that never acknowledges it (B1, in a network namespace of its own where nftables drops its ACKs),
silent connections filling the slots (B2), idle connections at the end (B3), a closed or full stdout (B6),
passwords hidden from the check (B7) and addresses that bind but answer nobody (B9).
"""

from __future__ import annotations

import http.client
import json
import plistlib
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.profiles import export_profile
from tests.cli.test_share import Share
from tests.support.cli import clean_env
from tests.support.paths import REPO

NOACK = Path(__file__).with_name("share_noack.py")  # run in a network namespace of its own
PROFILE = export_profile(AccountConfig(
    domain="example.com", address="jane@example.com", display_name="Jane",
    incoming=(ServerConfig("imap", "imap.example.com", 993, "ssl"),),
    outgoing=(ServerConfig("smtp", "smtp.example.com", 465, "ssl"),)), "mobileconfig")


def request(share: Share, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection(*share.host_port, timeout=10)
    conn.request("GET", path)
    return conn.getresponse()


def run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "assistant", "share", *args], cwd=REPO, env=clean_env(),
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=30, check=False)


def get_raw(share: Share, source: str = "127.0.0.1", rcvbuf: int | None = None) -> socket.socket:
    """A GET of the link from ``source`` (any 127.x address is this machine), the socket left open."""
    sock = socket.socket()
    if rcvbuf is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.bind((source, 0))
    sock.settimeout(10)
    sock.connect(share.host_port)
    sock.sendall(f"GET {share.path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    return sock


def read_all(sock: socket.socket) -> bytes:
    data = b""
    while b"</plist>" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def reset(sock: socket.socket) -> None:
    """Close with a TCP reset (SO_LINGER 0), as the attacker in the review did."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def silent(share: Share, source: str, count: int) -> list[socket.socket]:
    out = []
    for _ in range(count):
        sock = socket.socket()
        sock.bind((source, 0))
        sock.connect(share.host_port)
        out.append(sock)
    return out


def closed_by_server(sock: socket.socket, wait: float = 2.0) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.mobileconfig"
    path.write_bytes(PROFILE)
    return path


# --- B1: once means once --------------------------------------------------------------------------------

def test_b1_a_reset_after_the_whole_body_counts_as_the_one_download(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "30")
    received = 0
    for _ in range(6):  # the review got the profile 5 times this way, then once more with a normal GET
        try:
            sock = get_raw(share)
        except ConnectionRefusedError:
            break
        received += read_all(sock).endswith(b"</plist>\n")
        reset(sock)
        time.sleep(0.2)
    with pytest.raises(ConnectionRefusedError):
        request(share, share.path)
    code, out, err = share.finish()
    assert received == 1
    assert code == 0 and out.count("Downloaded.") == 1 and err == "", err


def test_b1_a_client_that_never_acknowledges_is_served_once_and_spends_the_link(tmp_path: Path) -> None:
    """Every byte left, none was acknowledged, then a reset: the link is spent (exit 1, said so), never
    served again; nftables in a network namespace of its own drops the client's ACKs."""
    probe = subprocess.run(["unshare", "-n", "nft", "list", "ruleset"], capture_output=True, check=False)
    assert probe.returncode == 0, f"needs root, unshare and nftables: {probe.stderr.decode()}"
    path = tmp_path / "p.mobileconfig"
    path.write_bytes(PROFILE)
    proc = subprocess.run(["unshare", "-n", sys.executable, str(NOACK), str(path)], cwd=REPO,
                          env={**clean_env(), "PYTHONPATH": str(REPO)}, capture_output=True, timeout=90,
                          check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert result["received"].endswith("</plist>\n")  # the attacker has it ...
    assert result["code"] == 1 and result["second"] == "refused"  # ... and nobody gets it again
    assert "never confirmed" in result["stderr"] and result["stderr"].count("\n") == 1
    assert "Downloaded" not in result["stdout"]


def test_b1_the_wizards_link_says_interrupted_and_offers_a_new_one() -> None:
    """The same attack on the wizard's link (PhoneLink, the phone panel's job): it ends as INTERRUPTED,
    whose panel view shows no code, offers a new link, and has its own sentence."""
    from assistant.core.phone.handoff import TEXTS, Link, link_view
    proc = subprocess.run(["unshare", "-n", sys.executable, str(NOACK), "--link"], cwd=REPO,
                          env={**clean_env(), "PYTHONPATH": str(REPO)}, capture_output=True, timeout=90,
                          check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert result["link"] == "interrupted" and result["second"] == "refused"
    assert result["received"].endswith("</plist>\n")
    view = link_view(Link.INTERRUPTED)
    assert not view.show_code and view.can_renew and "never confirmed" in TEXTS[view.text]


def test_b1_a_transfer_that_breaks_before_the_last_byte_left_keeps_the_link(tmp_path: Path) -> None:
    """A client with a tiny receive window takes part of a large profile and resets: not every byte left
    this computer, so nobody has the profile and the link still serves it (once)."""
    big = plistlib.loads(PROFILE)
    big["PayloadDescription"] = "x" * 400_000  # a large (hand-made) profile; the window holds a sliver
    path = tmp_path / "big.mobileconfig"
    path.write_bytes(plistlib.dumps(big))
    share = Share(path, "--bind", "127.0.0.1", "--expires", "30")
    sock = get_raw(share, rcvbuf=2048)
    time.sleep(0.5)  # the server fills the window and waits
    reset(sock)
    time.sleep(0.3)
    response = request(share, share.path)
    assert response.status == 200 and response.read() == path.read_bytes()
    code, out, err = share.finish()
    assert code == 0 and "Downloaded" in out, err


# --- B2: silent clients never delay the download ----------------------------------------------------------

def test_b2_silent_connections_from_another_address_do_not_block_the_download(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "30")
    attacker = silent(share, "127.0.0.2", 24)  # the review's 24 silent connections filled all 16 slots
    stop = threading.Event()

    def churn() -> None:  # and a fresh one every 10 ms while the phone downloads
        while not stop.is_set():
            try:
                attacker.extend(silent(share, "127.0.0.2", 1))
            except OSError:
                return
            time.sleep(0.01)

    thread = threading.Thread(target=churn)
    thread.start()
    try:
        start = time.monotonic()
        sock = get_raw(share, "127.0.0.3")
        assert read_all(sock).endswith(b"</plist>\n")
        sock.close()
        took = time.monotonic() - start
    finally:
        stop.set()
        thread.join()
    code, _, err = share.finish()
    assert code == 0, err
    assert took < 3  # not the 10 s a silent client is allowed to send its request
    for sock in attacker:
        sock.close()


def test_b2_one_address_keeps_only_its_newest_silent_connections(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "30")
    attacker = silent(share, "127.0.0.1", 24)
    time.sleep(0.5)
    closed = [closed_by_server(s, 0.5) for s in attacker]
    assert all(closed[:16]) and not any(closed[16:]), closed  # 8 silent ones per address
    response = request(share, share.path)  # from the same address: its oldest silent one gives way
    assert response.status == 200 and response.read() == PROFILE
    assert share.finish()[0] == 0
    for sock in attacker:
        sock.close()


# --- B3: no tracebacks at the end ----------------------------------------------------------------------

def test_b3_idle_connections_at_the_end_leave_no_traceback(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "30")
    idle = silent(share, "127.0.0.1", 6) + silent(share, "127.0.0.4", 4)  # Safari's spare connections
    response = request(share, share.path)
    assert response.read() == PROFILE
    code, _, err = share.finish()
    assert code == 0 and err == "", err
    assert all(closed_by_server(s) for s in idle)
    for sock in idle:
        sock.close()


def test_b3_expiry_with_idle_connections_is_one_line(profile_file: Path) -> None:
    share = Share(profile_file, "--bind", "127.0.0.1", "--expires", "1")
    idle = silent(share, "127.0.0.1", 5)
    code, _, err = share.finish()
    assert code == 1 and err == "mail-setup-assistant: the link expired without a download\n", err
    for sock in idle:
        sock.close()


# --- B6: stdout closed or full ----------------------------------------------------------------------------

@pytest.mark.parametrize("redirect", [">&-", ">/dev/full"])
def test_b6_share_with_a_closed_or_full_stdout_is_one_line(profile_file: Path, redirect: str) -> None:
    start = time.monotonic()
    proc = subprocess.run(["bash", "-c", f'"$0" -m assistant share "$1" --bind 127.0.0.1 --expires 30 '
                                         f"{redirect}", sys.executable, str(profile_file)],
                          cwd=REPO, env=clean_env(), capture_output=True, text=True, timeout=30, check=False)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "internal error" not in proc.stderr, proc.stderr
    assert "standard output" in proc.stderr
    assert time.monotonic() - start < 10  # it stopped at once: nobody could read the link


# --- B7: passwords the check did not see ------------------------------------------------------------------

def hand_made(tmp_path: Path, name: str, mail_extra: dict[str, object], wrap: int = 0) -> Path:
    """The golden profile with ``mail_extra`` in its mail payload, the payload list nested ``wrap`` deep."""
    data = plistlib.loads(PROFILE)
    payload = data["PayloadContent"][0]
    payload.update(mail_extra)
    if wrap:
        nested: object = {"IncomingPassword": "Hunter2!"}
        for _ in range(wrap):
            nested = {"Deeper": nested}
        data["PayloadContent"].append({"PayloadType": "com.example.note", "Note": nested})
    path = tmp_path / name
    path.write_bytes(plistlib.dumps(data))
    return path


@pytest.mark.parametrize(("name", "extra", "wrap", "words"), [
    ("data.mobileconfig", {"IncomingPassword": b"Hunter2!"}, 0, "contains a mail password"),
    ("outgoing-data.mobileconfig", {"OutgoingPassword": b"Hunter2!"}, 0, "contains a mail password"),
    ("integer.mobileconfig", {"IncomingPassword": 20242024}, 0, "contains a mail password"),
    ("list.mobileconfig", {"IncomingPassword": ["Hunter2!"]}, 0, "contains a mail password"),
    ("deep.mobileconfig", {}, 40, "nested deeper than 32 levels"),
])
def test_b7_a_hidden_password_is_refused_without_allow_password(tmp_path: Path, name: str,
                                                               extra: dict[str, object], wrap: int,
                                                               words: str) -> None:
    path = hand_made(tmp_path, name, extra, wrap)
    proc = run_cli(str(path), "--bind", "127.0.0.1", "--expires", "5")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and words in err and "Hunter2" not in err, err


def test_b7_a_password_flag_is_not_a_password(tmp_path: Path) -> None:
    path = hand_made(tmp_path, "flag.mobileconfig", {"OutgoingPasswordSameAsIncomingPassword": True,
                                                     "IncomingPassword": ""})
    share = Share(path, "--bind", "127.0.0.1", "--expires", "30")
    assert request(share, share.path).read() == path.read_bytes()
    code, _, err = share.finish()
    assert code == 0 and err == "", err


# --- B9: an address that binds but answers nobody --------------------------------------------------------

@pytest.mark.parametrize(("address", "words"), [
    ("255.255.255.255", "broadcast or reserved"),
    ("240.0.0.1", "broadcast or reserved"),
    ("127.255.255.255", "cannot be connected to"),  # the loopback network's broadcast address binds
    ("fe80::1%lo", "link-local"),  # found on the way: it printed http://[fe80::…%eth0]:…, no phone opens it
])
def test_b9_a_broadcast_bind_is_bad_input_not_a_dead_link(profile_file: Path, address: str,
                                                          words: str) -> None:
    proc = run_cli(str(profile_file), "--bind", address, "--expires", "5")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and words in err, err
    assert b"http://" not in proc.stdout  # no link was shown
