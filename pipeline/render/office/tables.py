"""Tables sized to their text: the largest font at which every cell fits, rows split when none does."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from lxml.etree import SubElement
from pptx.oxml.ns import qn
from pptx.oxml.shapes.graphfrm import CT_GraphicalObjectFrame
from pptx.shapes.placeholder import PlaceholderGraphicFrame
from pptx.util import Emu, Pt

from pipeline.errors import RenderError
from pipeline.render.office import textfit
from pipeline.render.office.shapes import (
    EMU_PER_PT,
    INSET_X,
    INSET_Y,
    SCHEME,
    Fonts,
    Region,
    from_xml,
    para,
    paragraphs_xml,
)
from pipeline.words.messages import say

CELL_PAD_X, CELL_PAD_Y = INSET_X, INSET_Y  # left+right and top+bottom cell margins, points
MARGIN_X, MARGIN_Y = str(Pt(INSET_X / 2)), str(Pt(INSET_Y / 2))  # each side's cell margin, EMU
ROW_EMU = 370840  # python-pptx's height of a new table's row; the rows' own heights replace it
SPARSE, FILL = 0.5, 0.8  # a table under half its region is laid out larger: rows taller, up to 80 % of it
A_TBLGRID, A_GRIDCOL, A_TR = qn("a:tblGrid"), qn("a:gridCol"), qn("a:tr")
Sizes = tuple[float, float]  # (header, body) font sizes


@dataclass(frozen=True)
class Table:
    """Cells as text; `footer` rows (weights, totals) are shaded and kept on the last page."""

    header: list[str]
    rows: list[list[str]]
    shares: list[float]
    footer: list[list[str]] = field(default_factory=list)
    first_bold: bool = True

    @property
    def all_rows(self) -> list[list[str]]:
        return [self.header, *self.rows, *self.footer]


def widths(table: Table, region: Region, size: Optional[float] = None) -> list[float]:
    """Column widths in points: the table's shares of the region, and at `size` each column at least
    as wide as its longest word (a Chinese header: two lines at most; a Chinese name in the first
    column: three), the room taken from the columns that have some to spare. Shares only, when
    the words cannot all have their room (`roomy` says whether they can)."""
    total = region.width / EMU_PER_PT
    out = [total * share / sum(table.shares) for share in table.shares]
    least = _leasts(table, size) if size is not None else []
    if size is None or sum(least) > total:
        return out
    for _ in range(len(out)):
        short = [n for n, (width, need) in enumerate(zip(out, least)) if width < need]
        if not short:
            break
        deficit = sum(least[n] - out[n] for n in short)
        for n in short:
            out[n] = least[n]
        spare = {n: out[n] - least[n] for n in range(len(out)) if n not in short and out[n] > least[n]}
        room = sum(spare.values())
        for n, slack in spare.items():
            out[n] -= deficit * slack / room
    return out


def roomy(table: Table, region: Region, size: float) -> bool:
    """Whether every column can be as wide as its words need at `size`."""
    return sum(_leasts(table, size)) <= region.width / EMU_PER_PT


def _leasts(table: Table, size: float) -> list[float]:
    return [max(_least(text, size, r == 0, c == 0) for r, text in enumerate(column)) + CELL_PAD_X + 0.5
            for c, column in enumerate(zip(*table.all_rows))]


@functools.lru_cache(maxsize=8192)
def _least(text: str, size: float, header: bool, names: bool = False) -> float:
    """The narrowest a cell can be without cutting a word (measured bold, as headers and names are);
    a Chinese header in two lines at most, a Chinese name in the first column in three."""
    words = [line for part in text.split("\n") for line in part.split()] or [""]
    widest = max(textfit.text_width(word, size, True) for word in words)
    if (header or names) and any(textfit.is_wide(c) for c in text) and len(text) > 4:
        widest = max(_in_lines(word, size, 2 if header else 3) for word in words)
    elif not header:
        tokens = [t for line in text.split("\n") for t in textfit.TOKEN.findall(line) if not t.isspace()]
        widest = max((textfit.text_width(t, size, True) for t in tokens), default=0.0)
    return widest


@functools.lru_cache(maxsize=512)
def _in_lines(text: str, size: float, most: int) -> float:
    """The narrowest width, from 1/most of the text's upwards, at which `text` takes `most` lines at
    most, none of them a single character."""
    width = textfit.text_width(text[: -(-len(text) // most)], size, True)
    while True:
        lines = header_lines(text, size, width)
        if len(lines) <= most and all(len(line) >= 2 for line in lines) or len(lines) == 1:
            return width
        width += size / 2


def row_height(cells: list[str], cols: list[float], size: float, bold: bool = False) -> float:
    lines = max(len(textfit.wrap(text, size, width - CELL_PAD_X, bold)) for text, width in zip(cells, cols))
    return textfit.text_height(lines, size) + CELL_PAD_Y + 2


def whole_words(cells: list[str], cols: list[float], size: float, bold: bool) -> bool:
    return not any(textfit.breaks_words(text, size, width - CELL_PAD_X, bold) for text, width in zip(cells, cols))


def table_height(table: Table, region: Region, sizes: Sizes) -> float:
    cols = widths(table, region, sizes[1])
    table = broken_header(table, cols, sizes[0])  # measured as drawn
    head = row_height(table.header, cols, sizes[0], bold=True)
    return head + sum(row_height(r, cols, sizes[1], table.first_bold) for r in [*table.rows, *table.footer])


def table_size(table: Table, region: Region, largest: float, smallest: float) -> Optional[Sizes]:
    """(header, body) sizes, equal: the largest size at which the table fits without cutting a word
    (a header's included), else the largest at which it fits at all."""
    return _largest(table, region, largest, smallest, True) or _largest(table, region, largest, smallest, False)


def _largest(table: Table, region: Region, largest: float, smallest: float, whole: bool) -> Optional[Sizes]:
    room = region.height / EMU_PER_PT

    def fits(size: float) -> bool:
        cols = widths(table, region, size)
        rows_ok = not whole or (roomy(table, region, size) and whole_words(table.header, cols, size, True) and all(
            whole_words(r, cols, size, table.first_bold) for r in [*table.rows, *table.footer]))
        return rows_ok and table_height(table, region, (size, size)) <= room

    size = textfit.largest_fitting(fits, largest, smallest)
    return None if size is None else (size, size)  # one size for the whole table, header included


def pages(table: Table, region: Region, largest: float, smallest: float) -> list[tuple[Table, Sizes]]:
    """The table as one page when it fits, else row pages at `smallest`, footer rows on the last."""
    sizes = table_size(table, region, largest, smallest)
    if sizes is not None:
        return [(table, sizes)]
    out: list[Table] = []
    for row in table.rows:
        if out and table_size(_with(out[-1], [*out[-1].rows, row], []), region, smallest, smallest) is not None:
            out[-1] = _with(out[-1], [*out[-1].rows, row], [])
        else:
            out.append(_with(table, [row], []))
    out[-1] = _with(out[-1], out[-1].rows, table.footer)
    return [(page, fitted(page, region, largest, smallest)) for page in out]


def fitted(table: Table, region: Region, largest: float, smallest: float) -> Sizes:
    """The table's sizes; RenderError when even one row cannot fit a slide at the smallest size."""
    sizes = table_size(table, region, largest, smallest)
    if sizes is None:
        tallest = _tallest_cell(table, region, smallest)
        raise RenderError(say("too_long_table_row", size=smallest, start=tallest[:40]), text=tallest)
    return sizes


def _tallest_cell(table: Table, region: Region, size: float) -> str:
    """The cell that takes the most lines at `size`: what makes its row too tall."""
    cols = widths(table, region, size)
    cells = [(text, width) for row in table.rows for text, width in zip(row, cols)]
    return max(cells, key=lambda c: len(textfit.wrap(c[0], size, c[1] - CELL_PAD_X, table.first_bold)),
               default=("", 0.0))[0]


def enlarged(table: Table, region: Region, sizes: Sizes, largest: float) -> Sizes:
    """A sparse table's sizes: when it fills under half its region, the largest size up to `largest`
    (the slide's body size) at which it still fits; else `sizes`."""
    if table_height(table, region, sizes) >= SPARSE * region.height / EMU_PER_PT:
        return sizes
    return table_size(table, region, largest, sizes[0]) or sizes


def spread(table: Table, region: Region, sizes: Sizes) -> float:
    """The points each row of a sparse table grows by, so the table uses its region (up to 80 % of it,
    at most a line more a row); 0 for a table that fills half or more."""
    room, height = region.height / EMU_PER_PT, table_height(table, region, sizes)
    if height >= SPARSE * room:
        return 0.0
    rows = 1 + len(table.rows) + len(table.footer)
    return min((FILL * room - height) / rows, sizes[1] * textfit.LINE_HEIGHT)


def _with(table: Table, rows: list[list[str]], footer: list[list[str]]) -> Table:
    return Table(table.header, rows, table.shares, footer, table.first_bold)


def place(slide, table: Table, region: Region, sizes: Sizes, fonts: Fonts, placeholder=None):
    """Draw `table` at (header, body) `sizes` in a table placeholder or, without one, at `region`; a table
    filling under half the region has taller rows, its text centred in them (`spread`).

    python-pptx makes the frame; the <a:tbl> inside is written as XML directly (the same
    XML its cell-by-cell setters give, at a small part of the cost).
    """
    if hasattr(placeholder, "insert_table"):
        frame = _in_placeholder(placeholder, region)
    else:
        if placeholder is not None:  # a content placeholder: the table takes its place
            placeholder.element.getparent().remove(placeholder.element)
        frame = slide.shapes.add_table(1, 1, Emu(region.left), Emu(region.top), Emu(region.width), Emu(region.height))
    cols = widths(table, region, sizes[1])
    extra = int(spread(table, region, sizes) * EMU_PER_PT)
    height = _write_table(frame._element.graphic.graphicData.tbl, broken_header(table, cols, sizes[0]), cols, sizes,
                          fonts, extra)
    frame.left, frame.top, frame.width, frame.height = (Emu(region.left), Emu(region.top), Emu(region.width),
                                                        Emu(height))
    return frame


PAIRS = re.compile(r"[\u3400-\u9fff]{1,2}|[^\s\u2e80-\uffff]+|\s+|.")  # two Chinese characters at a time, a word
OPENING = textfit.OPENING


@functools.lru_cache(maxsize=1024)
def header_lines(text: str, size: float, width: float) -> tuple[str, ...]:
    """A header's lines, broken between two-character units (Chinese words are mostly two
    characters: 中国/电信/广州), never one character alone; the engine's own wrap when a unit is too wide."""
    lines, current, units = [], "", []
    for unit in PAIRS.findall(text):
        if units and unit[0] in textfit.NO_LINE_START:  # closing punctuation stays with what it closes
            units[-1] += unit[0]
            unit = unit[1:]
        if unit and units and units[-1][-1] in OPENING:  # opening punctuation stays with what it opens
            units[-1] += unit
        elif unit:
            units.append(unit)
    for unit in units:
        if current and not unit.isspace() and textfit.text_width(current + unit, size, True) > width:
            lines.append(current.rstrip())
            current = unit.lstrip()
        else:
            current += unit
    lines.append(current.rstrip())
    if any(textfit.text_width(line, size, True) > width for line in lines) or (len(lines) > 1 and len(lines[-1]) < 2):
        return tuple(textfit.wrap(text, size, width, True))
    return tuple(lines)


def broken_header(table: Table, cols: list[float], size: float) -> Table:
    """The table with each Chinese header, and each Chinese name in the first column, broken where
    the fitting engine breaks it (two characters at a time, none left alone on a line): viewers
    would otherwise break them their own way."""
    def broken(text: str, width: float) -> str:
        if "\n" in text or not any(textfit.is_wide(char) for char in text):
            return text
        return "\n".join(header_lines(text, size, width - CELL_PAD_X))

    header = [broken(text, width) for text, width in zip(table.header, cols)]
    rows = [[broken(row[0], cols[0]), *row[1:]] for row in table.rows]
    footer = [[broken(row[0], cols[0]), *row[1:]] for row in table.footer]
    return Table(header, rows, table.shares, footer, table.first_bold)


def _in_placeholder(placeholder, region: Region):
    """A one-cell table frame in place of a table placeholder, as insert_table makes it, without the layout search."""
    frame = CT_GraphicalObjectFrame.new_table_graphicFrame(placeholder.shape_id, placeholder.name, 1, 1, region.left,
                                                          region.top, region.width, ROW_EMU)
    placeholder._replace_placeholder_with(frame)
    return PlaceholderGraphicFrame(frame, placeholder._parent)


def _write_table(tbl, table: Table, cols: list[float], sizes: Sizes, fonts: Fonts, extra: int = 0) -> int:
    """Fill an <a:tbl> with the grid and rows of `table`, each `extra` EMU taller than its text needs; its
    height in EMU (the sum of the rows')."""
    grid = tbl.find(A_TBLGRID)
    for old in [*grid, *tbl.findall(A_TR)]:
        old.getparent().remove(old)
    for width in cols:
        SubElement(grid, A_GRIDCOL, w=str(int(width * EMU_PER_PT)))
    rows = [_row(table, r, cells, cols, sizes, fonts, extra) for r, cells in enumerate(table.all_rows)]
    tbl.extend(from_xml("".join(xml for _, xml in rows)))
    return sum(height for height, _ in rows)


def _row(table: Table, r: int, cells: list[str], cols: list[float], sizes: Sizes, fonts: Fonts,
         extra: int = 0) -> tuple[int, str]:
    """One <a:tr> as XML text and its height in EMU: header shaded in the accent colour, body rows banded,
    footer rows pale."""
    header, footer = r == 0, r > len(table.rows)
    size = sizes[0] if header else sizes[1]
    height = int(row_height(cells, cols, size, header or table.first_bold) * EMU_PER_PT) + extra
    shade = "accent" if header else ("pale" if footer or r % 2 == 0 else "white")
    out = []
    for c, text in enumerate(cells):
        bold = header or footer or (c == 0 and table.first_bold)
        lines = [para(line, bold=bold, colour="white" if header else None) for line in text.split("\n")]
        out.append(_cell(lines, fonts, size, shade, "ctr" if c and _short(text) else "l", cols[c] - CELL_PAD_X))
    return height, f'<a:tr h="{height}">{"".join(out)}</a:tr>'


def _cell(paras: list, fonts: Fonts, size: float, shade: str, align: str, room: float) -> str:
    """An <a:tc>: its text at `size` in `room` points, narrow insets, centred vertically, a theme fill
    (write_body's XML)."""
    text = paragraphs_xml(paras, fonts, size, False, gap=0, last=align, widths=[room] * len(paras))
    return (f'<a:tc><a:txBody><a:bodyPr wrap="square" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/>{text}'
            f'</a:txBody><a:tcPr marL="{MARGIN_X}" marR="{MARGIN_X}" marT="{MARGIN_Y}" marB="{MARGIN_Y}" anchor="ctr">'
            f'<a:solidFill><a:schemeClr val="{SCHEME[shade]}"/></a:solidFill></a:tcPr></a:tc>')


def _short(text: str) -> bool:
    """Figures and marks are centred; names and sentences read from the left."""
    return "\n" not in text and len(text) <= 8
