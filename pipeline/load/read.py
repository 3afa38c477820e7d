"""Bytes -> text for a deal file, refusing what is not a small UTF-8 text file.

Each refusal is one line that says how to fix it. The size is checked before
reading, and never more than the cap is read, so a huge file is rejected at once.
"""

from __future__ import annotations

import stat
from pathlib import Path

from pipeline.errors import InputError
from pipeline.words.messages import say

# A real deal is a few KB. Pure-Python YAML composes about 200 KB/s, so the cap
# keeps the worst case near two seconds.
MAX_BYTES = 512 * 1024
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_text(path: Path, shown: str) -> str:
    """The file's text; InputError when it is missing, not a file, too large or not UTF-8."""
    _check_file(path, shown)
    data = _read_capped(path, shown)
    if data.startswith(UTF16_BOMS):
        raise InputError([f"{shown}: {say('read_utf16')}"])
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError([f"{shown}: {say('read_binary', offset=offset)}"])
    return _decode(data, shown)


def _check_file(path: Path, shown: str) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError([f"{shown}: {say('read_missing')}"]) from None
    except OSError as e:
        raise InputError([f"{shown}: {say('read_failed', reason=e.strerror or e)}"]) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError([f"{shown}: {say('read_directory')}"])
    if not stat.S_ISREG(info.st_mode):
        raise InputError([f"{shown}: {say('read_not_regular')}"])
    if info.st_size > MAX_BYTES:
        raise InputError([_too_large(shown, info.st_size)])


def _read_capped(path: Path, shown: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError([f"{shown}: {say('read_failed', reason=e.strerror or e)}"]) from None
    if len(data) > MAX_BYTES:  # grew after stat, or stat lied
        raise InputError([_too_large(shown, len(data))])
    return data


def _too_large(shown: str, size: int) -> str:
    return f"{shown}: {say('read_too_large', size=_size(size), limit=_size(MAX_BYTES))}"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def _decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError([_not_utf8(data, e.start, shown)]) from None


def _not_utf8(data: bytes, offset: int, shown: str) -> str:
    """Name the first bad byte by line, column and offset."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1:].decode("utf-8-sig")) + 1
    return f"{shown}:{line}:{col}: {say('read_not_utf8', byte=data[offset], offset=offset)}"

