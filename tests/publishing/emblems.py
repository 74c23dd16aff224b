"""Small emblems for tests: a PNG and a JPEG drawn with Pillow, and SVG drawings."""

import io

from PIL import Image


def picture(kind: str = "PNG", size: tuple[int, int] = (40, 20)) -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(stream, format=kind)
    return stream.getvalue()


SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
    b'<defs><linearGradient id="blue"><stop offset="0" stop-color="#009edb"/></linearGradient>'
    b'</defs><rect width="40" height="20" fill="url(#blue)"/>'
    b'<text x="2" y="14" font-size="10">Emblem</text></svg>'
)


def svg_with(inside: bytes) -> bytes:
    """An SVG drawing holding `inside`."""
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="40" height="20">' + inside + b"</svg>"
    )
