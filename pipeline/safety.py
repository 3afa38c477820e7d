"""User-supplied Office templates are untrusted: check them before any library opens them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import TemplateError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_RATIO = 200  # an XML part compresses well, but not a thousandfold


def check_user_template(path: Path) -> Path:
    """Return `path` when it is a plausible Office file; raise TemplateError saying why not."""
    if not path.is_file():
        raise TemplateError(f"template {path} not found")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TemplateError(f"template {path} is {size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")
    if not zipfile.is_zipfile(path):
        raise TemplateError(f"template {path} is not an Office file (.pptx/.docx are zip packages); save it from PowerPoint or Word")
    with zipfile.ZipFile(path) as package:
        members = package.infolist()
        _check_members(path, members)
    return path


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise TemplateError(f"template {path} has {len(members)} parts; the limit is {MAX_MEMBERS}")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise TemplateError(f"template {path} unpacks to {unpacked // 2**20} MB; the limit is {MAX_UNPACKED_BYTES // 2**20} MB")
    for member in members:
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO and member.file_size > 2**20:
            raise TemplateError(f"template {path}: part {member.filename} is compressed suspiciously well (a zip bomb?)")
    if "[Content_Types].xml" not in {m.filename for m in members}:
        raise TemplateError(f"template {path} has no [Content_Types].xml: it is a zip, but not an Office file")


# Every workbook embedded in a chart: a text cell stays text, whatever it starts with. A deal's
# names reach these cells, and `=HYPERLINK(...)` or `=cmd|...` must never become a live formula or
# link (the OWASP CSV-injection rule; in a workbook, a string cell is text).
WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
