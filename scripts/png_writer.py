"""A minimal PNG encoder for 8-bit RGB frames (standard library only)."""

import struct
import zlib


def _chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def encode_png(width, height, rgb):
    """PNG bytes of a width x height frame; rgb holds 3 bytes per pixel in scan order."""
    if len(rgb) != width * height * 3:
        raise ValueError(f"{len(rgb)} bytes do not make a {width}x{height} RGB frame")
    stride = width * 3
    # Each row starts with filter type 0 (none): simple, and lossless like any PNG.
    raw = b"".join(b"\x00" + bytes(rgb[y * stride:(y + 1) * stride]) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit, truecolour
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) +
            _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b""))
