"""Every zip we write is dated 1980-01-01: written so (`zip_bytes`) or pinned after a library wrote it.

`zip_bytes` writes byte for byte what `zipfile.writestr` writes; `pin_zip_dates` sets the date of
every entry of a zip python-docx, docxtpl or openpyxl wrote, in place, without recompressing.

Both renderers keep parts that rarely change (masters, themes, styles) as
already-deflated payloads, so a document costs only the compression of the
parts that are new; and no wall clock reaches the bytes.
"""

from __future__ import annotations

import struct
import sys
import zlib
from dataclasses import dataclass, field

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 00:00:00, 1980-01-01
_DOS_TIME_DATE = struct.pack("<HH", _DOS_TIME, _DOS_DATE)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # that date as zipfile reports it
_VERSION = 20  # deflate; zipfile writes the same "version made by" and "needed to extract"
_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile's create_system
_FILE_MODE = 0o600 << 16  # what zipfile.writestr gives a file entry
_UTF8_NAME = 0x800
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


@dataclass(frozen=True)
class Payload:
    """A member's bytes with their CRC and raw deflate stream, computed once."""

    data: bytes = field(repr=False)
    crc: int = field(repr=False)
    deflated: bytes = field(repr=False)

    @classmethod
    def of(cls, data: bytes) -> "Payload":
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # as zipfile does
        return cls(data, zlib.crc32(data), compressor.compress(data) + compressor.flush())


def zip_bytes(members: list[tuple[str, Payload]]) -> bytes:
    """A deflated zip of `members` in their order, every entry dated 1980-01-01."""
    body, directory = bytearray(), bytearray()
    for name, payload in members:
        encoded, flags = _encoded(name)
        fields = (zlib.DEFLATED, _DOS_TIME, _DOS_DATE, payload.crc, len(payload.deflated), len(payload.data),
                  len(encoded))
        directory += _CENTRAL.pack(b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, *fields, 0, 0, 0, 0,
                                   _FILE_MODE, len(body)) + encoded
        body += _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, *fields, 0) + encoded + payload.deflated
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(body), 0)
    return bytes(body + directory + end)


def _encoded(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME


_END_MARK = b"PK\x05\x06"
_CENTRAL_MARK = b"PK\x01\x02"
_LOCAL_MARK = b"PK\x03\x04"


class ZipFormatError(ValueError):
    """Raised when the bytes are not a plain (non-zip64) zip package."""


def pin_zip_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 00:00:00, in the central directory and local headers."""
    out = bytearray(data)
    end = out.rfind(_END_MARK, max(0, len(out) - 65557))
    if end < 0:
        raise ZipFormatError("no end of central directory record")
    count, _, offset = struct.unpack_from("<HII", out, end + 10)
    for _ in range(count):
        if out[offset:offset + 4] != _CENTRAL_MARK:
            raise ZipFormatError(f"no central directory entry at {offset}")
        out[offset + 12:offset + 16] = _DOS_TIME_DATE
        name, extra, comment = struct.unpack_from("<HHH", out, offset + 28)
        (local,) = struct.unpack_from("<I", out, offset + 42)
        if out[local:local + 4] != _LOCAL_MARK:
            raise ZipFormatError(f"no local header at {local}")
        out[local + 10:local + 14] = _DOS_TIME_DATE
        offset += 46 + name + extra + comment
    return bytes(out)
