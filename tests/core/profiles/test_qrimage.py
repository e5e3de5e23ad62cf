"""The QR images decode, with an independent decoder (ZXing), to a payload that follows the spec and
matches the account: PNG and SVG, IMAP and POP3, SSL and STARTTLS, an IDN domain, with and without password.
"""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from assistant.cli.common import mobile_qr_kind
from assistant.core.profiles.mobileqr import build_payload, write_mobile_qr
from assistant.core.profiles.qrimage import PNG_SCALE, QUIET_ZONE, qr_terminal
from assistant.core.words.errors import InputError
from tests.core.profiles.test_mobileqr import IDN, check_spec, make_account
from tests.support.qrdecode import decode_grid, decode_png, svg_grid

EC_AT_LEAST_M = {"M", "Q", "H"}


@pytest.mark.parametrize("kind", ["png", "svg"])
@pytest.mark.parametrize("protocol", ["imap", "pop3"])
@pytest.mark.parametrize("security", ["ssl", "starttls"])
@pytest.mark.parametrize("domain", ["example.com", IDN])
@pytest.mark.parametrize("password", [None, "correct horse battery staple"])
def test_image_decodes_to_the_account(kind: str, protocol: str, security: str, domain: str,
                                      password: str | None) -> None:
    account = make_account(protocol, security, domain, password)
    data = write_mobile_qr(account, kind, password is not None)
    text, ec = decode_png(data) if kind == "png" else decode_grid(svg_grid(data))
    assert ec in EC_AT_LEAST_M
    payload = json.loads(text)
    check_spec(payload)
    assert payload == build_payload(account, include_password=password is not None)
    assert ("horse" in text) is (password is not None)


def test_png_keeps_quiet_zone_and_is_big_enough() -> None:
    data = write_mobile_qr(make_account(name="A rather long display name, Esq."), "png")
    image = Image.open(io.BytesIO(data)).convert("L")
    width, height = image.size
    assert width == height >= 400  # ~10 px per module: scans from a screen and from print
    border = QUIET_ZONE * PNG_SCALE
    pixels = image.load()
    assert pixels is not None
    for i in range(width):
        for j in range(border):
            assert pixels[i, j] == 255 and pixels[j, i] == 255
            assert pixels[i, height - 1 - j] == 255 and pixels[width - 1 - j, i] == 255
    assert pixels[border, border] == 0  # the finder pattern starts right after the quiet zone


def test_svg_keeps_quiet_zone_on_white() -> None:
    data = write_mobile_qr(make_account(), "svg")
    grid = svg_grid(data)
    for k in range(QUIET_ZONE):
        assert not any(grid[k]) and not any(grid[-1 - k])
        assert not any(row[k] or row[-1 - k] for row in grid)
    assert b'fill="#fff"' in data  # a white background: readable on a dark page too


def test_payload_kind_is_the_json_text() -> None:
    data = write_mobile_qr(make_account(), "payload")
    assert data.endswith(b"\n")
    check_spec(json.loads(data))


@pytest.mark.parametrize("ansi", [True, False])
def test_terminal_rendering_decodes(ansi: bool) -> None:
    url = "http://192.0.2.2:8080/0123456789abcdefghijkl"
    text = qr_terminal(url, ansi=ansi)
    grid: list[list[bool]] = []
    for line in text.splitlines():
        cells = line.removeprefix("\x1b[30;47m").removesuffix("\x1b[0m")
        top = [c in "█▀" for c in cells]
        bottom = [c in "█▄" for c in cells]
        if not ansi:  # drawn glyphs are the light modules
            top, bottom = [not v for v in top], [not v for v in bottom]
        grid += [top, bottom]
    grid = grid[:len(grid[0])]  # the padding row of an odd size
    decoded, ec = decode_grid(grid)
    assert decoded == url and ec in EC_AT_LEAST_M


def test_kind_from_output_name() -> None:
    assert mobile_qr_kind("code.PNG", False) == "png"
    assert mobile_qr_kind("code.svg", False) == "svg"
    assert mobile_qr_kind(None, True) == "payload"
    for bad in (None, "-", "code.jpg"):
        with pytest.raises(InputError, match=r"-o FILE\.png or -o FILE\.svg"):
            mobile_qr_kind(bad, False)
