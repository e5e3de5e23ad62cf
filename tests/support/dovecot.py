"""A real Dovecot 2.3 (IMAP, POP3, submission) on the standard ports of one loopback address.

Each instance lives in its own temp dir with its own ``base_dir`` and ``instance_name``, so several run at
once (other engineers' test sessions too). The master runs as root in the foreground (to bind ports below
1024); every other process runs as ``nobody`` without chroots ("rootless" recipe). Stopped by PID.

Clients connect from 127.0.0.1 to another 127.x address, so Dovecot treats them as remote: plaintext
logins are disabled before TLS (LOGINDISABLED), exactly like a real server seen over the network.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_HINT = "install dovecot-imapd dovecot-pop3d dovecot-submissiond (bash tests/run does)"
PORTS = {"imap": 143, "imaps": 993, "pop3": 110, "pop3s": 995, "submission": 587, "submissions": 465}
_PROTOCOL_PORTS = {"imap": ("imap", "imaps"), "pop3": ("pop3", "pop3s"),
                   "submission": ("submission", "submissions")}


@dataclass
class DovecotHandle:
    ip: str
    directory: Path
    process: subprocess.Popen[bytes]
    protocols: tuple[str, ...]
    users: dict[str, str] = field(default_factory=dict)
    tls: bool = True

    @property
    def ports(self) -> dict[str, int]:
        kinds = 2 if self.tls else 1  # without TLS only the plaintext listeners
        return {name: PORTS[name] for p in self.protocols for name in _PROTOCOL_PORTS[p][:kinds]}

    def stop(self) -> None:
        """Stop the master by PID (it takes its children down), then remove the temp dir."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stderr:
            self.process.stderr.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def start_dovecot(ip: str, cert_pem: Path | str, key_pem: Path | str, *,
                  protocols: tuple[str, ...] = ("imap", "pop3", "submission"),
                  users: dict[str, str] | None = None, quota: bool = False, extra_conf: str = "",
                  relay: tuple[str, int] | None = None, timeout: float = 15.0,
                  tls: bool = True) -> DovecotHandle:
    """Start Dovecot on ``ip`` and wait until every listener accepts connections.

    ``relay`` is where submission would relay mail (default: port 25 of ``ip``, where nothing listens —
    we never send mail). ``quota=True`` enables the quota plugin with a 1 GB limit so IMAP answers
    GETQUOTAROOT. ``tls=False``: no encryption at all (``ssl = no``, only the plaintext ports, no STARTTLS
    offered), the server a helpdesk must be told about. Raises RuntimeError with Dovecot's own stderr when
    it does not come up.
    """
    binary = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
    if binary is None:
        raise RuntimeError(f"dovecot not found: {INSTALL_HINT}")
    missing = [p for p in protocols if not _protocol_installed(p)]
    if missing:
        raise RuntimeError(f"dovecot support for {', '.join(missing)} missing: {INSTALL_HINT}")
    users = users if users is not None else {"alice@example.test": "s3cret"}
    d = Path(tempfile.mkdtemp(prefix="dovecot-"))
    d.chmod(0o755)
    nobody = pwd.getpwnam("nobody")
    for sub in ("run", "state", "home"):
        (d / sub).mkdir()
    os.chown(d / "home", nobody.pw_uid, nobody.pw_gid)
    shutil.copyfile(cert_pem, d / "cert.pem")
    shutil.copyfile(key_pem, d / "key.pem")
    (d / "key.pem").chmod(0o600)
    # Test-only passwords in Dovecot's passwd-file format, readable by the auth process.
    (d / "passwd").write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in users.items()))
    relay_host, relay_port = relay or (ip, 25)
    conf = _config(d, ip, protocols, nobody.pw_uid, nobody.pw_gid, relay_host, relay_port, quota, extra_conf,
                   tls)
    (d / "dovecot.conf").write_text(conf)
    proc = subprocess.Popen([binary, "-F", "-c", str(d / "dovecot.conf")], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    handle = DovecotHandle(ip, d, proc, tuple(protocols), dict(users), tls)
    ports = list(handle.ports.values())
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            handle.stop()
            raise RuntimeError(f"dovecot on {ip} exited with {proc.returncode}:\n{err}")
        if all(_listening(ip, port) for port in ports):
            return handle
        time.sleep(0.05)
    handle.stop()
    raise RuntimeError(f"dovecot on {ip} did not listen on {ports} within {timeout} s")


def _protocol_installed(protocol: str) -> bool:
    name = {"imap": "imap-login", "pop3": "pop3-login", "submission": "submission-login"}[protocol]
    return os.path.exists(f"/usr/lib/dovecot/{name}")


def _listening(ip: str, port: int) -> bool:
    try:
        with socket.create_connection((ip, port), timeout=0.5):
            return True
    except OSError:
        return False


def _config(d: Path, ip: str, protocols: tuple[str, ...], uid: int, gid: int, relay_host: str,
            relay_port: int, quota: bool, extra: str, with_tls: bool = True) -> str:
    def listeners(service: str) -> str:
        plain, tls = _PROTOCOL_PORTS[service]
        implicit = (f"  inet_listener {tls} {{\n    port = {PORTS[tls]}\n    ssl = yes\n  }}\n"
                    if with_tls else "")
        return (f"service {service}-login {{\n  chroot =\n"
                f"  inet_listener {plain} {{\n    port = {PORTS[plain]}\n  }}\n{implicit}}}\n")

    ssl_conf = (f"ssl = required\nssl_cert = <{d}/cert.pem\nssl_key = <{d}/key.pem\n"
                "ssl_min_protocol = TLSv1.2\n") if with_tls else "ssl = no\n"

    quota_conf = ""
    if quota:
        quota_conf = ("mail_plugins = $mail_plugins quota\n"
                      "protocol imap {\n  mail_plugins = $mail_plugins imap_quota\n}\n"
                      "plugin {\n  quota = count:User quota\n  quota_rule = *:storage=1G\n"
                      "  quota_vsizes = yes\n}\n")
    return f"""# generated by tests/support/dovecot.py
instance_name = dvt-{d.name}
base_dir = {d}/run
state_dir = {d}/state
protocols = {" ".join(protocols)}
listen = {ip}
log_path = /dev/stderr
info_log_path = /dev/null
default_internal_user = nobody
default_login_user = nobody
default_internal_group = nogroup
service anvil {{
  chroot =
}}
{"".join(listeners(p) for p in protocols)}
{ssl_conf}disable_plaintext_auth = yes
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/home/%u
}}
mail_location = maildir:~/Maildir
hostname = mail.example.test
submission_relay_host = {relay_host}
submission_relay_port = {relay_port}
submission_relay_trusted = yes
{quota_conf}{extra}
"""
