"""A chart's embedded workbook without XlsxWriter: the bytes XlsxWriter would write, written directly.

XlsxWriter takes about 1.5 ms a workbook (objects for every cell and format, ten XML
files, a zip); a chart's workbook, in a brief or on a slide, is one small sheet in
python-pptx's layout.
Only three parts depend on the chart: the sheet, the shared strings and the dated core
properties. They are written here as XlsxWriter writes them; the other parts come from
one workbook XlsxWriter makes per chart kind. A value XlsxWriter would treat specially
(a string it reads as a formula or a link, an empty or very long one, a control
character, a number that is not finite) returns None: the caller then uses XlsxWriter.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from xlsxwriter.utility import xl_rowcol_to_cell

from pipeline.render.office.chart_data import CATEGORY_FORMATS, chart_data, workbook_blob
from pipeline.render.office.chart_spec import ChartSpec, Series
from pipeline.render.office.zipwriter import Payload, zip_bytes

SHEET, STRINGS, CORE = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/core.xml"
SKELETON_DATE = dt.date(2000, 1, 1)
SPECIAL = re.compile(r"^(=|\{=)|^((ftp|http)s?://|mailto:|(in|ex)ternal:|file://)|^<r>.*</r>$|[\x00-\x1f]|"
                     r"_x[0-9a-fA-F]{4}_|^\s|\s$", re.DOTALL)  # formulas, links, rich text, escapes, spaces
MAX_STRING = 32767 // 2  # XlsxWriter truncates longer strings (counted in UTF-16 units)
STRINGS_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" '
                'uniqueCount="{unique}">')
ROWS_PER_SPAN = 16  # XlsxWriter computes a row's "spans" over blocks of 16 rows
# One sample of each kind, with every format and part. The category kinds (categories down column A,
# a column a series: python-pptx's layout) differ only in their number format.
SAMPLES = {**{kind: ChartSpec(kind, "", ("c",), (Series("s", (1.0,)),)) for kind in CATEGORY_FORMATS},
           "map": ChartSpec("map", "", (), (Series("s", (1.0, 2.0)),)),
           "bubble": ChartSpec("bubble", "", (), (Series("s", (1.0, 2.0, 3.0)),)),
           "payback": ChartSpec("payback", "", (), (Series("s", (1.0, 2.0), (0.0, 1.0)),))}
FORMAT = {**{kind: {"category": 1, "value": 2} for kind in CATEGORY_FORMATS}, "map": {"x": 1, "y": 1},
          "bubble": {"x": 1, "y": 1, "size": 1}, "payback": {"x": 1, "y": 1}}  # python-pptx's formats, as xf indices
POINT = {"map": 2, "bubble": 3}  # the values of a one-point series: (x, y) or (x, y, size)


@dataclass(frozen=True)
class Skeleton:
    """One XlsxWriter workbook of a chart kind: its parts in order, and the sheet around its rows."""

    members: tuple[tuple[str, Payload], ...] = field(repr=False)
    sheet_head: str  # up to the dimension's reference
    sheet_middle: str  # from after the reference to <sheetData>
    sheet_tail: str  # from </sheetData>
    core: str


def direct_workbook(spec: ChartSpec, stamp: dt.date) -> bytes | None:
    """The workbook XlsxWriter would write for `spec` dated `stamp`; None when only XlsxWriter can say."""
    if spec.kind not in FORMAT or (spec.kind in POINT and any(len(s.values) != POINT[spec.kind] for s in spec.series)):
        return None
    if spec.kind == "payback" and any(len(s.x) != len(s.values) or not s.values for s in spec.series):
        return None
    cells = list(layout(spec))
    if not cells or not all(plain(value) for _, _, value, _ in cells):
        return None
    skeleton, strings = skeleton_of(spec.kind), [value for _, _, value, _ in cells if isinstance(value, str)]
    index = {text: number for number, text in enumerate(dict.fromkeys(strings))}  # in order of first use
    core = skeleton.core.replace(iso(SKELETON_DATE), iso(stamp))
    parts = {SHEET: sheet_xml(skeleton, cells, index), STRINGS: shared_strings(strings, index), CORE: core}
    parts = {name: xml.encode("utf-8") for name, xml in parts.items()}
    return zip_bytes([(name, Payload.of(parts[name]) if name in parts else payload)
                      for name, payload in skeleton.members])


def layout(spec: ChartSpec):
    """(row, column, value, xf index) in the order python-pptx writes them (that orders the strings)."""
    if spec.kind in CATEGORY_FORMATS:
        formats = FORMAT[spec.kind]
        yield from ((row + 1, 0, name, formats["category"]) for row, name in enumerate(spec.categories))
        for column, series in enumerate(spec.series, start=1):
            yield 0, column, series.name, 0
            yield from ((row + 1, column, value, formats["value"]) for row, value in enumerate(series.values))
        return
    if spec.kind == "payback":  # a table a series: name over its y column, x beside it, a blank row between
        top = 0
        for series in spec.series:
            yield from ((top + 1 + row, 0, x, FORMAT["payback"]["x"]) for row, x in enumerate(series.x))
            yield top, 1, series.name, 0
            yield from ((top + 1 + row, 1, y, FORMAT["payback"]["y"]) for row, y in enumerate(series.values))
            top += len(series.values) + 2
        return
    formats = FORMAT[spec.kind]
    for index, series in enumerate(spec.series):  # one point a series: name over y, x beside it, size after
        top = index * 3
        yield top + 1, 0, series.values[0], formats["x"]
        yield top, 1, series.name, 0
        yield top + 1, 1, series.values[1], formats["y"]
        if spec.kind == "bubble":
            yield top, 2, "Size", 0
            yield top + 1, 2, series.values[2], formats["size"]


def plain(value) -> bool:
    if type(value) in (int, float):
        return math.isfinite(value)
    return type(value) is str and 0 < len(value) <= MAX_STRING and not SPECIAL.search(value)


def shared_strings(strings: list[str], index: dict[str, int]) -> str:
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in index)
    return STRINGS_HEAD.format(count=len(strings), unique=len(index)) + items + "</sst>"


def sheet_xml(skeleton: Skeleton, cells, index: dict[str, int]) -> str:
    table: dict[int, dict[int, tuple]] = {}
    for row, column, value, xf in cells:
        table.setdefault(row, {})[column] = (value, xf)
    rows, columns = sorted(table), sorted({column for _, column, _, _ in cells})
    dimension = f"{xl_rowcol_to_cell(rows[0], columns[0])}:{xl_rowcol_to_cell(rows[-1], columns[-1])}"
    spans = row_spans(table)
    body = "".join(row_xml(row, spans[row // ROWS_PER_SPAN], table[row], index) for row in rows)
    return f"{skeleton.sheet_head}{dimension}{skeleton.sheet_middle}{body}{skeleton.sheet_tail}"


def row_spans(table: dict[int, dict[int, tuple]]) -> dict[int, str]:
    blocks: dict[int, list[int]] = {}
    for row, cells in table.items():
        blocks.setdefault(row // ROWS_PER_SPAN, []).extend(cells)
    return {block: f"{min(columns) + 1}:{max(columns) + 1}" for block, columns in blocks.items()}


def row_xml(row: int, span: str, cells: dict[int, tuple], index: dict[str, int]) -> str:
    return f'<row r="{row + 1}" spans="{span}">' + "".join(
        cell_xml(row, column, *cells[column], index) for column in sorted(cells)) + "</row>"


def cell_xml(row: int, column: int, value, xf: int, index: dict[str, int]) -> str:
    style = f' s="{xf}"' if xf else ""
    reference = xl_rowcol_to_cell(row, column)
    if isinstance(value, str):
        return f'<c r="{reference}"{style} t="s"><v>{index[value]}</v></c>'
    return f'<c r="{reference}"{style}><v>{value:.16G}</v></c>'


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def iso(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}T00:00:00Z"


@functools.lru_cache(maxsize=len(SAMPLES))  # every kind: a brief draws three (a smaller cache rebuilt one a chart)
def skeleton_of(kind: str) -> Skeleton:
    """The parts XlsxWriter writes the same for every chart of `kind`, from one sample chart."""

    package = zipfile.ZipFile(io.BytesIO(workbook_blob(chart_data(SAMPLES[kind])[1], SKELETON_DATE)))
    members = tuple((info.filename, Payload.of(package.read(info.filename))) for info in package.infolist())
    head, rest = package.read(SHEET).decode("utf-8").split('<dimension ref="', 1)
    middle, tail = rest.split('"/>', 1)[1].split("<sheetData>", 1)[0], rest.split("</sheetData>", 1)[1]
    return Skeleton(members, head + '<dimension ref="', '"/>' + middle + "<sheetData>", "</sheetData>" + tail,
                    package.read(CORE).decode("utf-8"))
