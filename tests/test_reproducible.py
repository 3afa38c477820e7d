"""Zip normalisation: fixed entry dates, same order, pinned workbook dates."""

import datetime as dt
import io
import time
import zipfile

from pipeline.reproducible import ZIP_EPOCH, normalize_office_zip

CORE = (
    b'<cp:coreProperties xmlns:cp="x" xmlns:dcterms="y">'
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z</dcterms:created>'
    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2031-05-06T07:08:10Z</dcterms:modified>'
    b"</cp:coreProperties>"
)


def _zip(entries: dict[str, bytes], when=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, payload in entries.items():
            info = zipfile.ZipInfo(name, date_time=when or time.localtime()[:6])
            package.writestr(info, payload)
    return buffer.getvalue()


def test_entries_keep_their_order_and_get_the_fixed_date():
    original = _zip({"[Content_Types].xml": b"<t/>", "word/document.xml": b"<d/>", "a.xml": b"<a/>"})
    fixed = normalize_office_zip(original, dt.date(2026, 11, 20))
    with zipfile.ZipFile(io.BytesIO(fixed)) as package:
        assert [i.filename for i in package.infolist()] == ["[Content_Types].xml", "word/document.xml", "a.xml"]
        assert {i.date_time for i in package.infolist()} == {ZIP_EPOCH}
        assert package.read("word/document.xml") == b"<d/>"


def test_same_content_at_different_times_gives_the_same_bytes():
    one = _zip({"x.xml": b"<x/>"}, (2020, 1, 1, 0, 0, 0))
    two = _zip({"x.xml": b"<x/>"}, (2025, 6, 7, 8, 9, 10))
    assert one != two
    day = dt.date(2026, 1, 2)
    assert normalize_office_zip(one, day) == normalize_office_zip(two, day)


def test_embedded_workbook_dates_are_pinned_to_the_deal_date():
    workbook = _zip({"docProps/core.xml": CORE})
    deck = _zip({"ppt/embeddings/Microsoft_Excel_Sheet1.xlsx": workbook, "docProps/core.xml": CORE})
    fixed = normalize_office_zip(deck, dt.date(2026, 11, 20))
    with zipfile.ZipFile(io.BytesIO(fixed)) as package:
        inner = package.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx")
        outer_core = package.read("docProps/core.xml")
    with zipfile.ZipFile(io.BytesIO(inner)) as book:
        inner_core = book.read("docProps/core.xml")
        assert {i.date_time for i in book.infolist()} == {ZIP_EPOCH}
    for core in (inner_core, outer_core):
        assert b"2031" not in core
        assert core.count(b"2026-11-20T00:00:00Z") == 2
