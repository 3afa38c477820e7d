"""The libraries the Office engine relies on beyond their public API, pinned to the minor version.

The engine writes packages byte for byte as these libraries would and reaches into some of their
internals (python-pptx's chart workbook writer, docxtpl's template patching, python-docx's package
parts, openpyxl's ExcelWriter), so a new minor version may change what we must copy. Each pin
says what relies on it; pyproject.toml allows exactly the pinned minor version (a test checks the
two agree), and a test per pin fails when the installed version is another: upgrade by changing
both, then run the tests that compare our bytes with the library's own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pin:
    minor: str  # "1.0": any 1.0.x
    why: str

    def upper(self) -> str:
        """The first minor version not allowed: "1.1" for "1.0"."""
        major, minor = self.minor.split(".")
        return f"{major}.{int(minor) + 1}"


PINS: dict[str, Pin] = {
    "python-pptx": Pin("1.0", "pptx_package writes what Presentation.save writes; master, slides, shapes, "
                              "tables and charts build its XML and use its chart workbook writer"),
    "python-docx": Pin("1.2", "docx_package writes what Document.save writes; word_style and word_template "
                              "edit styles and headers through its element classes"),
    "docxtpl": Pin("0.20", "docx_fill does docxtpl's template patching once per template, "
                           "byte for byte what DocxTemplate.render gives"),
    "XlsxWriter": Pin("3.3", "chart_workbook writes the charts' embedded workbooks as XlsxWriter writes them"),
    "openpyxl": Pin("3.1", "xlsx saves workbooks through openpyxl's ExcelWriter to keep the wall clock out"),
}
