"""Same input, same bytes: pin the dates that zip writers take from the wall clock.

python-pptx and python-docx stamp every zip entry with the time of saving. The
renderers date everything inside the package from the deal (core properties,
the charts' embedded workbooks); this module sets each entry's date in the zip
headers to 1980-01-01 in place, without recompressing anything, so it costs
well under a millisecond per document.
"""

from __future__ import annotations

import struct

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_DOS_TIME_DATE = struct.pack("<HH", 0, (0 << 9) | (1 << 5) | 1)  # 00:00:00, 1980-01-01
_END = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"


class ZipFormatError(ValueError):
    """Raised when the bytes are not a plain (non-zip64) zip package."""


def pin_zip_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 00:00:00, in the central directory and local headers."""
    out = bytearray(data)
    end = out.rfind(_END, max(0, len(out) - 65557))
    if end < 0:
        raise ZipFormatError("no end of central directory record")
    count, _, offset = struct.unpack_from("<HII", out, end + 10)
    for _ in range(count):
        if out[offset:offset + 4] != _CENTRAL:
            raise ZipFormatError(f"no central directory entry at {offset}")
        out[offset + 12:offset + 16] = _DOS_TIME_DATE
        name, extra, comment = struct.unpack_from("<HHH", out, offset + 28)
        (local,) = struct.unpack_from("<I", out, offset + 42)
        if out[local:local + 4] != _LOCAL:
            raise ZipFormatError(f"no local header at {local}")
        out[local + 10:local + 14] = _DOS_TIME_DATE
        offset += 46 + name + extra + comment
    return bytes(out)
