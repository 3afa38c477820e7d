"""Same input, same bytes: rewrite Office zips with fixed entry dates.

python-pptx and python-docx stamp every zip entry with the wall clock, and
XlsxWriter dates each chart's embedded workbook `now`. We re-write the zip in
the same member order with a fixed date, recursing into embedded workbooks and
pinning their core-property dates to the deal's date.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normalize_office_zip(data: bytes, stamp: dt.date) -> bytes:
    """The same package with fixed zip dates and pinned dates in embedded workbooks."""
    iso = f"{stamp.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename.endswith(".xlsx"):
                payload = normalize_office_zip(payload, stamp)
            elif info.filename == "docProps/core.xml":
                payload = _W3CDTF.sub(rb"\g<1>" + iso + rb"\g<3>", payload)
            target.writestr(_fixed_info(info.filename), payload)
    return out.getvalue()


def _fixed_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    info.create_system = 0
    return info
