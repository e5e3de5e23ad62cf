"""QR code images for phones: PNG and SVG files, and a rendering for the terminal.

segno is pure Python (no image stack), keeps the four-module quiet zone the standard asks for, and picks the
smallest version. Error correction is at least M (15 % of the code may be smudged or covered) and segno
raises it further when that costs no extra size.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from assistant.core.words.errors import InputError

if TYPE_CHECKING:
    import segno

ERROR_LEVEL = "m"  # the floor; boost_error lifts it to Q or H when the code does not grow
QUIET_ZONE = 4  # modules, as ISO/IEC 18004 requires for QR codes
# 10 px per module: a typical account payload (version 8-12, 57-73 modules with the quiet zone) becomes a
# 570-730 px PNG that a phone reads from a screen across a desk, and prints at 600 dpi to 2.4-3.1 cm a side.
PNG_SCALE = 10
SVG_SCALE = 8  # the SVG is vectors: the scale only sets its nominal size (width/height in px)
IMAGE_KINDS: tuple[str, ...] = ("png", "svg")
MAX_QR_BYTES = 2331  # the largest QR code (version 40) at error correction M holds this much in byte mode


class QrTooLargeError(InputError):
    """More than one QR code holds: the caller leaves the code off (and says so) or refuses, exit 2."""


def make_qr(text: str) -> segno.QRCode:
    """A (never Micro) QR code of ``text``, error correction M or better; QrTooLargeError past version 40."""
    import segno  # here: the payload's size rules are needed long before any image is
    try:
        return segno.make(text, error=ERROR_LEVEL, boost_error=True, micro=False)
    except segno.DataOverflowError:
        raise QrTooLargeError(f"{len(text.encode('utf-8', 'replace'))} bytes do not fit in one QR code (it "
                              f"holds at most {MAX_QR_BYTES})") from None


def qr_image(text: str, kind: str) -> bytes:
    """``text`` as a PNG or SVG file, dark modules on white, quiet zone kept."""
    if kind not in IMAGE_KINDS:
        raise ValueError(f"image kind {kind!r} is not one of {IMAGE_KINDS}")
    qr = make_qr(text)
    out = io.BytesIO()
    if kind == "png":
        qr.save(out, kind="png", scale=PNG_SCALE, border=QUIET_ZONE, dark="#000", light="#fff")
    else:
        qr.save(out, kind="svg", scale=SVG_SCALE, border=QUIET_ZONE, dark="#000", light="#fff",
                xmldecl=True, svgclass=None, lineclass=None, title="QR code")
    return out.getvalue()


def qr_terminal(text: str, *, ansi: bool = True) -> str:
    """Two modules per character cell (upper/lower half blocks), quiet zone included.

    With ``ansi`` the colours are set explicitly (black on white), so the code scans whatever the
    terminal's own background is; without, light modules are drawn as blocks, which reads right on the
    usual dark terminal.
    """
    rows = [[bool(v) for v in row] for row in make_qr(text).matrix_iter(scale=1, border=QUIET_ZONE)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[0::2], rows[1::2], strict=True):
        if ansi:  # foreground black = dark module
            cells = "".join(_cell(t, b) for t, b in zip(top, bottom, strict=True))
            lines.append(f"\x1b[30;47m{cells}\x1b[0m")
        else:  # inverted: a drawn (light-coloured) glyph is a light module
            lines.append("".join(_cell(not t, not b) for t, b in zip(top, bottom, strict=True)))
    return "\n".join(lines) + "\n"


def _cell(top_dark: bool, bottom_dark: bool) -> str:
    return {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}[
        (top_dark, bottom_dark)]
