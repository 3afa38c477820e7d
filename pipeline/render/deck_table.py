"""Tables sized to their text: the largest font at which every cell fits, rows split when none does."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from pipeline.errors import RenderError
from pipeline.render import textfit
from pipeline.render.deck_base import EMU_PER_PT, INSET_X, INSET_Y, Fonts, Region, fill_cell, para

CELL_PAD_X, CELL_PAD_Y = INSET_X, INSET_Y  # left+right and top+bottom cell margins, points
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


def widths(table: Table, region: Region) -> list[float]:
    """Column widths in points."""
    total = region.width / EMU_PER_PT
    return [total * share / sum(table.shares) for share in table.shares]


def row_height(cells: list[str], cols: list[float], size: float, bold: bool = False) -> float:
    lines = max(len(textfit.wrap(text, size, width - CELL_PAD_X, bold)) for text, width in zip(cells, cols))
    return textfit.text_height(lines, size) + CELL_PAD_Y + 2


def whole_words(cells: list[str], cols: list[float], size: float, bold: bool) -> bool:
    return not any(textfit.breaks_words(text, size, width - CELL_PAD_X, bold) for text, width in zip(cells, cols))


def header_size(table: Table, cols: list[float], body: float, smallest: float) -> float:
    """The header's size: the body's, or smaller until no word in it is cut."""
    size = body
    while size > smallest and not whole_words(table.header, cols, size, True):
        size -= 0.5
    return size


def table_height(table: Table, region: Region, sizes: Sizes) -> float:
    cols = widths(table, region)
    head = row_height(table.header, cols, sizes[0], bold=True)
    return head + sum(row_height(r, cols, sizes[1], table.first_bold) for r in [*table.rows, *table.footer])


def table_size(table: Table, region: Region, largest: float, smallest: float) -> Optional[Sizes]:
    """(header, body) sizes: the largest body size that fits without cutting words, else that fits at all."""
    return _largest(table, region, largest, smallest, True) or _largest(table, region, largest, smallest, False)


def _largest(table: Table, region: Region, largest: float, smallest: float, whole: bool) -> Optional[Sizes]:
    cols, room = widths(table, region), region.height / EMU_PER_PT

    def fits(size: float) -> bool:
        rows_ok = not whole or all(whole_words(r, cols, size, table.first_bold) for r in [*table.rows, *table.footer])
        return rows_ok and table_height(table, region, (header_size(table, cols, size, smallest), size)) <= room

    size = textfit.largest_fitting(fits, largest, smallest)
    return None if size is None else (header_size(table, cols, size, smallest), size)


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
        longest = max((cell for row in table.rows for cell in row), key=len, default="")
        raise RenderError(f"a table row is too long for a slide even at {smallest} pt; shorten it in the deal file: "
                          f"'{longest[:40]}…'")
    return sizes


def _with(table: Table, rows: list[list[str]], footer: list[list[str]]) -> Table:
    return Table(table.header, rows, table.shares, footer, table.first_bold)


def place(slide, table: Table, region: Region, sizes: Sizes, fonts: Fonts, placeholder=None):
    """Draw `table` at (header, body) `sizes` in a table placeholder or, without one, at `region`."""
    count = len(table.all_rows)
    if hasattr(placeholder, "insert_table"):
        frame = placeholder.insert_table(count, len(table.header))
    else:
        if placeholder is not None:  # a content placeholder: the table takes its place
            placeholder.element.getparent().remove(placeholder.element)
        frame = slide.shapes.add_table(count, len(table.header), Emu(region.left), Emu(region.top),
                                       Emu(region.width), Emu(region.height))
    grid = frame.table
    cols = widths(table, region)
    for n, width in enumerate(cols):
        grid.columns[n].width = Emu(int(width * EMU_PER_PT))
    _fill_rows(grid, table, cols, sizes, fonts)
    frame.left, frame.top, frame.width = Emu(region.left), Emu(region.top), Emu(region.width)
    return frame


def _fill_rows(grid, table: Table, cols: list[float], sizes: Sizes, fonts: Fonts) -> None:
    body_end = 1 + len(table.rows)
    for r, cells in enumerate(table.all_rows):
        header, footer = r == 0, r >= body_end
        size = sizes[0] if header else sizes[1]
        grid.rows[r].height = Emu(int(row_height(cells, cols, size, header or table.first_bold) * EMU_PER_PT))
        shade = "accent" if header else ("pale" if footer or r % 2 == 0 else "white")
        for c, text in enumerate(cells):
            bold = header or footer or (c == 0 and table.first_bold)
            colour = "white" if header else None
            lines = [para(line, bold=bold, colour=colour) for line in text.split("\n")]
            fill_cell(grid.cell(r, c), lines, fonts, size, shade)
            for paragraph in grid.cell(r, c).text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.CENTER if c and _short(text) else PP_ALIGN.LEFT


def _short(text: str) -> bool:
    """Figures and marks are centred; names and sentences read from the left."""
    return "\n" not in text and len(text) <= 8
