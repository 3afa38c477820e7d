"""Pinning zip dates in place: fixed entry dates, same content, nothing recompressed."""

import io
import time
import zipfile

import pytest

from pipeline.render.office.zipwriter import ZIP_EPOCH, ZipFormatError, pin_zip_dates


def _zip(entries: dict[str, bytes], when=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, payload in entries.items():
            info = zipfile.ZipInfo(name, date_time=when or time.localtime()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, payload)
    return buffer.getvalue()


def test_every_entry_gets_the_fixed_date_and_keeps_its_content_and_order():
    original = _zip({"[Content_Types].xml": b"<t/>", "word/document.xml": "<d>二</d>".encode() * 50, "a.xml": b"<a/>"})
    pinned = pin_zip_dates(original)
    assert len(pinned) == len(original)
    with zipfile.ZipFile(io.BytesIO(pinned)) as package:
        assert package.testzip() is None
        assert [i.filename for i in package.infolist()] == ["[Content_Types].xml", "word/document.xml", "a.xml"]
        assert {i.date_time for i in package.infolist()} == {ZIP_EPOCH}
        assert package.read("word/document.xml") == "<d>二</d>".encode() * 50


def test_same_content_saved_at_different_times_gives_the_same_bytes():
    one = _zip({"x.xml": b"<x/>", "y.xml": b"<y/>"}, (2020, 1, 1, 0, 0, 0))
    two = _zip({"x.xml": b"<x/>", "y.xml": b"<y/>"}, (2025, 6, 7, 8, 9, 10))
    assert one != two
    assert pin_zip_dates(one) == pin_zip_dates(two)


def test_local_headers_are_pinned_too():
    pinned = pin_zip_dates(_zip({"x.xml": b"<x/>"}, (2025, 6, 7, 8, 9, 10)))
    assert pinned[10:14] == b"\x00\x00\x21\x00"


def test_bytes_that_are_not_a_zip_are_refused():
    with pytest.raises(ZipFormatError, match="no end of central directory record"):
        pin_zip_dates(b"not a zip at all")
