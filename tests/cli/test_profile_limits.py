"""Review 4 (docs/security-review-4.md): the QR codes, ``convert`` and the profile readers, as the real
command runs them on hostile files and arguments.

B4 too much for one QR code, B8 the Autodiscover round trip taking its domain from a user name, B9 the small
ones (a --name that is not UTF-8, the password warning before a refusal, a payload's password dropped in
silence, an IPv6 host, a TAB in an unused server), and one found on the way: a plaintext first server in the
QR code without --allow-plain.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.profiles.qrimage import MAX_QR_BYTES
from tests.support.qrdecode import decode_png

REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists())
IMAP_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <domain>example.com</domain>
    <displayName>Example Mail</displayName>
    <displayShortName>Example</displayShortName>
    <incomingServer type="imap">
      <hostname>imap.example.com</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.example.com</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
      <pop3>
        <leaveMessagesOnServer>true</leaveMessagesOnServer>
        <daysToLeaveMessagesOnServer>14</daysToLeaveMessagesOnServer>
        <downloadOnBiff>true</downloadOnBiff>
      </pop3>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.com</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <documentation url="https://example.com/help/mail">
      <descr lang="en">How to set up mail for Example Mail</descr>
    </documentation>
  </emailProvider>
</clientConfig>
"""  # a provider's file: IMAP, POP3 (leave on server 14 days) and SMTP, all TLS


def msa(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MSA_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, cwd=REPO,
                          env=full_env, stdin=subprocess.DEVNULL, timeout=60, check=False)


def one_line(proc: subprocess.CompletedProcess[bytes], code: int, *words: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == code, (proc.returncode, err)
    assert err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in err, err
    return err


def autoconfig(tmp_path: Path, name: str, replace: dict[str, str] | None = None) -> Path:
    """The golden autoconfig file with texts replaced (the first occurrence of each)."""
    text = IMAP_XML
    for old, new in (replace or {}).items():
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text)
    return path


def export(source: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return msa("export", "jane@example.com", "--from", str(source), *args, env=env)


@pytest.fixture
def imap(tmp_path: Path) -> Path:
    return autoconfig(tmp_path, "imap.xml")


# --- B4: more than one QR code holds ----------------------------------------------------------------------

LONG_NAME = "Jane " + "A" * 3000


@pytest.mark.parametrize("output", ["code.png", "code.svg", "-"])
def test_b4_a_long_display_name_is_bad_input_for_mobile_qr(imap: Path, tmp_path: Path, output: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = ["-o", str(out / output)] if output != "-" else ["--payload"]
    proc = export(imap, "--format", "mobile-qr", "--name", LONG_NAME, *args)
    one_line(proc, 2, "more than one QR code holds", str(MAX_QR_BYTES))
    assert proc.stdout == b"" and not list(out.iterdir())


def test_b4_a_provider_file_with_long_user_names_is_bad_input(tmp_path: Path) -> None:
    """A provider's file whose (fixed) user names fill the code: convert refuses in one line."""
    text = IMAP_XML.replace("%EMAILADDRESS%", "svc-" + "x" * 1200 + "@corp.example")
    path = tmp_path / "long-users.xml"
    path.write_text(text)
    proc = msa("convert", str(path), "--to", "mobile-qr", "--payload", "--address", "jane@example.com")
    one_line(proc, 2, "more than one QR code holds")


def test_b4_the_largest_payload_written_is_one_a_code_holds(imap: Path, tmp_path: Path) -> None:
    base = export(imap, "--format", "mobile-qr", "--payload", "--name", "N")
    room = MAX_QR_BYTES - (len(base.stdout.strip()) - 1)  # the name's share of the largest code
    fits = export(imap, "--format", "mobile-qr", "--payload", "--name", "N" * room)
    assert fits.returncode == 0, fits.stderr.decode()
    assert len(fits.stdout.strip()) == MAX_QR_BYTES
    png = tmp_path / "largest.png"
    assert export(imap, "--format", "mobile-qr", "--name", "N" * room, "-o", str(png)).returncode == 0
    assert decode_png(png.read_bytes())[0] == fits.stdout.decode().strip()  # a phone reads it
    one_line(export(imap, "--format", "mobile-qr", "--payload", "--name", "N" * (room + 1)), 2,
             "more than one QR code holds")


def test_b4_the_sheet_leaves_the_code_off_and_says_so(imap: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheet.html"
    proc = export(imap, "--format", "sheet", "--name", LONG_NAME, "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "dropped: the Thunderbird-for-Android QR code" in proc.stderr.decode()
    html = out.read_text()
    assert "imap.example.com" in html and "data:image/png" not in html


def test_b4_json_lists_the_loss_as_mobile_qr(tmp_path: Path) -> None:
    source = autoconfig(tmp_path, "long.xml")
    text = source.read_text().replace("%EMAILADDRESS%", "u" * 2500)
    source.write_text(text)
    proc = msa("convert", str(source), "--to", "sheet", "--address", "jane@example.com", "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    codes = [loss["code"] for loss in json.loads(proc.stdout)["losses"]]
    assert "mobile_qr" in codes


# --- B8: the domain survives autoconfig -> Autodiscover -> autoconfig ------------------------------------

@pytest.mark.parametrize("user", ["helpdesk@corp.local", "helpdesk@corp_ad", "HELPDESK@CORP"])
def test_b8_a_user_name_never_becomes_the_domain(tmp_path: Path, user: str) -> None:
    source = tmp_path / "config-v1.1.xml"
    source.write_text(IMAP_XML.replace("%EMAILADDRESS%", user))
    middle = tmp_path / "autodiscover.xml"
    first = msa("convert", str(source), "--to", "autodiscover", "-o", str(middle))
    assert first.returncode == 0, first.stderr.decode()
    assert f"<LoginName>{user}</LoginName>" in middle.read_text()
    back = msa("convert", str(middle), "--to", "autoconfig")
    assert back.returncode == 0, back.stderr.decode()  # helpdesk@corp_ad made it unreadable
    assert b"<domain>example.com</domain>" in back.stdout
    assert user.rpartition("@")[2].encode() not in back.stdout.replace(user.encode(), b"")


def test_b8_a_domain_autodiscover_cannot_name_is_announced(tmp_path: Path) -> None:
    source = tmp_path / "config-v1.1.xml"
    source.write_text(IMAP_XML.replace("<hostname>imap.example.com", "<hostname>imap.provider.net")
                      .replace("<hostname>smtp.example.com", "<hostname>smtp.provider.net"))
    proc = msa("convert", str(source), "--to", "autodiscover")
    assert proc.returncode == 0, proc.stderr.decode()
    assert ("dropped: the domain example.com (Autodiscover names no domain; a reader takes provider.net "
            "from the server name)") in proc.stderr.decode()


# --- B9: the small ones ---------------------------------------------------------------------------------

def test_b9_a_name_that_is_not_utf8_is_bad_input_for_every_format(imap: Path) -> None:
    """argv bytes that are not UTF-8 arrive as lone surrogates: the payload once carried them as \\udcff,
    which convert (and Thunderbird) then refused."""
    for fmt in ("mobile-qr", "autoconfig", "mobileconfig", "autodiscover", "sheet"):
        extra = ["--payload"] if fmt == "mobile-qr" else []
        proc = subprocess.run([sys.executable.encode(), b"-m", b"assistant", b"export", b"jane@example.com",
                               b"--from", str(imap).encode(), b"--format", fmt.encode(),
                               *(e.encode() for e in extra), b"--name", b"J\xffrg"],
                              capture_output=True, cwd=REPO, timeout=60, check=False,
                              env={k: v for k, v in os.environ.items() if not k.startswith("MSA_")})
        one_line(proc, 2, "--name", "not UTF-8")
        assert proc.stdout == b""


def test_b9_no_password_warning_when_the_password_is_then_refused(imap: Path, tmp_path: Path) -> None:
    proc = export(imap, "--format", "mobile-qr", "--payload", "--include-password",
                  env={"MSA_ACCOUNT_PASSWORD": "two\nlines"})
    err = one_line(proc, 2, "password must not contain a line break")
    assert "warning" not in err
    plain = autoconfig(tmp_path, "plain.xml", {"<socketType>SSL": "<socketType>plain"})
    proc = msa("convert", str(plain), "--to", "mobile-qr", "--payload", "--include-password", "--address",
               "jane@example.com", env={"MSA_ACCOUNT_PASSWORD": "Hunter2!"})
    assert "warning" not in one_line(proc, 2, "no encryption")
    proc = export(imap, "--format", "mobile-qr", "--payload", "--include-password",
                  env={"MSA_ACCOUNT_PASSWORD": "Hunter2!"})
    assert proc.returncode == 0 and "warning: the QR code contains the mail password" in proc.stderr.decode()


def payload(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "code.json"
    path.write_text(text)
    return path


CODE = ('[1,[1,1],[0,"{host}",993,3,1,"jane@example.com"{incoming_pw}],'
        '[[[0,"smtp.example.com",465,3,1,"jane@example.com"{outgoing_pw}],["jane@example.com","Jane"]]]{more}]')


@pytest.mark.parametrize(("incoming_pw", "outgoing_pw"), [(',"","Hunter2!"', ""), ("", ',"Hunter2!"'),
                                                          (',"","Hunter2!"', ',"Hunter2!"')])
def test_b9_a_payloads_password_is_announced_as_dropped(tmp_path: Path, incoming_pw: str,
                                                         outgoing_pw: str) -> None:
    code = payload(tmp_path, CODE.format(host="imap.example.com", incoming_pw=incoming_pw,
                                         outgoing_pw=outgoing_pw, more=""))
    for target in ("autoconfig", "mobileconfig"):
        proc = msa("convert", str(code), "--to", target)
        assert proc.returncode == 0, proc.stderr.decode()
        assert "dropped: the password in the code (never carried over)" in proc.stderr.decode()
        assert b"Hunter2!" not in proc.stdout
    proc = msa("convert", str(code), "--to", "autoconfig", "--json")
    assert "password" in [loss["code"] for loss in json.loads(proc.stdout)["losses"]]


def test_b9_further_and_skipped_accounts_of_a_payload_are_announced(tmp_path: Path) -> None:
    group = '[[[0,"smtp.example.com",465,3,1,"jane"],["jane@example.com",""]]]'
    second = f',[1,"pop.example.com",995,3,1,"jane"],{group}'
    broken = f',[0,"imap.example.com",993,1,1,"jane"],{group}'
    code = payload(tmp_path, CODE.format(host="imap.example.com", incoming_pw="", outgoing_pw="",
                                         more=second + broken))
    proc = msa("convert", str(code), "--to", "autoconfig")
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "dropped: 1 more account in the code (convert reads the first)" in err
    assert "dropped: account 3: IncomingServer connection security code 1 is not supported" in err


@pytest.mark.parametrize("host", ["::1", "2001:db8::25", "fe80::1%eth0"])
def test_b9_an_ipv6_host_in_a_payload_is_refused_by_the_reader(tmp_path: Path, host: str) -> None:
    code = payload(tmp_path, CODE.format(host=host, incoming_pw="", outgoing_pw="", more=""))
    err = one_line(msa("convert", str(code), "--to", "autoconfig"), 2, "code.json")
    assert "IPv6" in err or "is not an ASCII host name" in err


def test_b9_an_ipv4_host_in_a_payload_still_converts(tmp_path: Path) -> None:
    code = payload(tmp_path, CODE.format(host="192.0.2.25", incoming_pw="", outgoing_pw="", more=""))
    proc = msa("convert", str(code), "--to", "autoconfig")
    assert proc.returncode == 0 and b"<hostname>192.0.2.25</hostname>" in proc.stdout, proc.stderr


def tab_in_pop3_user(tmp_path: Path) -> Path:
    start = IMAP_XML.index('<incomingServer type="pop3">')
    at = IMAP_XML.index("%EMAILADDRESS%", start)
    path = tmp_path / "tab.xml"
    path.write_text(IMAP_XML[:at] + "pop\tuser" + IMAP_XML[at + len("%EMAILADDRESS%"):])
    return path


@pytest.mark.parametrize("target", ["mobile-qr", "autoconfig", "mobileconfig", "autodiscover", "sheet"])
def test_b9_a_tab_in_an_unused_pop3_user_name_blocks_no_target(tmp_path: Path, target: str) -> None:
    extra = ["--payload"] if target == "mobile-qr" else []
    proc = msa("convert", str(tab_in_pop3_user(tmp_path)), "--to", target, *extra, "--address",
               "jane@example.com")
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert b"imap.example.com" in proc.stdout and b"pop\tuser" not in proc.stdout
    if target != "mobile-qr":  # the QR code carries one incoming server anyway
        assert "dropped: pop3 pop.example.com:995: user name: contains control characters" in err


def test_b9_a_tab_in_the_only_incoming_server_is_still_refused(tmp_path: Path) -> None:
    path = autoconfig(tmp_path, "only.xml", {"%EMAILADDRESS%": "imap\tuser"})
    text = path.read_text()
    start, end = text.index('<incomingServer type="pop3">'), text.index("</incomingServer>",
                                                                         text.index('type="pop3"'))
    path.write_text(text[:start] + text[end + len("</incomingServer>"):])
    for target, extra in (("mobile-qr", ["--payload"]), ("autoconfig", [])):
        one_line(msa("convert", str(path), "--to", target, *extra, "--address", "jane@example.com"), 2,
                 "user name: contains control characters")


# --- found on the way: a plaintext first server went into the QR code ------------------------------------

def test_a_plaintext_first_server_is_refused_in_the_qr_code_without_allow_plain(tmp_path: Path) -> None:
    """The QR code carries the first incoming server; it was checked only that *some* server was
    encrypted, so a plaintext IMAP server with an encrypted POP3 alternative went into the code."""
    plain = autoconfig(tmp_path, "plain-first.xml", {"<port>993": "<port>143",
                                                     "<socketType>SSL": "<socketType>plain"})
    proc = msa("convert", str(plain), "--to", "mobile-qr", "--payload", "--address", "jane@example.com")
    one_line(proc, 2, "IMAP server imap.example.com", "no encryption", "--allow-plain")
    assert proc.stdout == b""
    allowed = msa("convert", str(plain), "--to", "mobile-qr", "--payload", "--allow-plain", "--address",
                  "jane@example.com")
    assert allowed.returncode == 0 and json.loads(allowed.stdout)[2][2:4] == [143, 0]
