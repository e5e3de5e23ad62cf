"""Independent QR decoding for the tests: ZXing (zxing-cpp) reads the PNG as Pillow loads it; an SVG is read
back into its module grid by parsing its path, and that grid is decoded by ZXing as an image of its own.

segno is only the code under test here; nothing of it is used to decode.
"""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree as ET

try:
    import zxingcpp
    from PIL import Image
except ImportError as exc:  # no skipping: say what to install
    raise ImportError(f"{exc.name} is missing: pip install 'mail-setup-assistant[test]' (zxing-cpp, pillow)"
                      ) from None

SVG_NS = "{http://www.w3.org/2000/svg}"


def decode_png(data: bytes) -> tuple[str, str]:
    """(text, error-correction level) of the one QR code in a PNG."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return _decode(image.convert("L"))


def svg_grid(data: bytes) -> list[list[bool]]:
    """The module grid an SVG draws (segno's style: one stroked path of 1-module-wide horizontal lines)."""
    root = ET.fromstring(data)
    width = float(root.get("width", "0"))
    scale = 1.0
    path = None
    for elem in root.iter():
        if (transform := elem.get("transform")) is not None:
            match = re.fullmatch(r"scale\(([\d.]+)\)", transform)
            assert match, f"unexpected transform {transform!r}"
            scale = float(match.group(1))
        if elem.tag == f"{SVG_NS}path" and elem.get("stroke") is not None:
            path = elem
    assert path is not None, "no stroked <path> (the dark modules) in the SVG"
    size = round(width / scale)
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for cmd, args in re.findall(r"([MmHhVvZz])([^MmHhVvZz]*)", path.get("d", "")):
        nums = [float(n) for n in re.findall(r"-?[\d.]+", args)]
        if cmd in "Mm":
            x, y = (nums[0], nums[1]) if cmd == "M" else (x + nums[0], y + nums[1])
        elif cmd in "Hh":
            end = nums[0] if cmd == "H" else x + nums[0]
            row = int(y - 0.5)  # a stroke of width 1 centred on y covers the row below y - 0.5
            for col in range(round(min(x, end)), round(max(x, end))):
                grid[row][col] = True
            x = end
        else:
            raise AssertionError(f"unexpected path command {cmd!r}")
    return grid


def decode_grid(grid: list[list[bool]], scale: int = 6) -> tuple[str, str]:
    """Draw a module grid (which must carry its own quiet zone) as a grey image and decode it."""
    size = len(grid) * scale
    pixels = bytearray()
    for row in grid:
        line = b"".join(b"\x00" * scale if dark else b"\xff" * scale for dark in row)
        pixels += line * scale
    return _decode(Image.frombytes("L", (size, size), bytes(pixels)))


def _decode(image: Image.Image) -> tuple[str, str]:
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, f"expected one QR code, ZXing found {len(found)}"
    return found[0].text, str(found[0].ec_level)
