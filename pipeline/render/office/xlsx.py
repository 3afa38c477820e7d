"""An openpyxl workbook as reproducible .xlsx bytes, and who made an .xlsx on disk.

`Workbook.save` stamps the clock into docProps/core.xml; its ExcelWriter (which save uses) does
not, so the workbook's own properties date it, and the zip entries are dated 1980-01-01.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Optional

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from pipeline.render.office.zipwriter import pin_zip_dates

CREATOR = re.compile(rb"<dc:creator[^>]*>([^<]*)</dc:creator>")


def workbook_bytes(book: Workbook) -> bytes:
    """The .xlsx bytes, dated as the workbook's properties say: Workbook.save stamps the clock into
    docProps/core.xml, its ExcelWriter (which save uses) does not; zip entries dated 1980-01-01."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return pin_zip_dates(out.getvalue())


def created_by(path: Path) -> Optional[str]:
    """The creator an .xlsx file's core properties name; None when it has none or is no workbook."""
    try:
        with zipfile.ZipFile(path) as book:
            found = CREATOR.search(book.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    return found.group(1).decode("utf-8", "replace") if found else None
