"""One deck being built: new slides from named layouts with title, footer, number and notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.enum.text import MSO_ANCHOR

from pipeline.render.deck_base import (
    Fonts, Para, Region, add_footer, fill, fitted_size, para, set_notes,
)
from pipeline.render import deck_table as tables
from pipeline.render.deck_text import DeckText
from pipeline.results import Analysis

TITLE_SIZES = (28, 16)
BODY_SIZES = (20, 12)
FLOOR = 9  # only a single paragraph longer than a slide at 12 pt goes below 12
TABLE_SIZES = (18, 9)
GAP = 914400 // 8  # an eighth of an inch, in EMU


@dataclass
class Deck:
    prs: object
    layouts: dict
    text: DeckText
    analysis: Analysis
    fonts: Fonts
    layout_of: dict = field(default_factory=dict)  # slide id -> the name of its layout

    def new(self, layout: str, title: str, notes: str):
        """A slide on layout `layout` with its title, footer, slide number and speaker notes."""
        slide = self.prs.slides.add_slide(self.layouts[layout].layout)
        self.layout_of[slide.slide_id] = layout
        self.set_title(slide, title)
        footer = self.text.block("footer")
        add_footer(slide, self.layouts[layout].layout, footer, len(self.prs.slides), self.fonts)
        set_notes(slide, notes, self.fonts)
        return slide

    def set_title(self, slide, title: str) -> None:
        shape = slide.shapes.title
        largest = 40 if self.layout_of[slide.slide_id] == "Title" else TITLE_SIZES[0]
        fill(shape.text_frame, [para(title)], Region.of(shape), self.fonts, largest, TITLE_SIZES[1],
             anchor=shape.text_frame.vertical_anchor or MSO_ANCHOR.BOTTOM)

    def content(self, slide) -> Region:
        """The free area of a title-only slide: below the title, above the footer."""
        title = slide.shapes.title
        top = int(title.top) + int(title.height) + GAP
        footer = [int(s.top) for s in slide.placeholders if int(s.top) > top]
        bottom = min(footer, default=int(self.prs.slide_height) - 4 * GAP) - GAP // 2
        return Region(int(title.left), top, int(title.width), bottom - top)

    def layout_region(self, layout: str, kind: str) -> Region:
        """Where the layout puts the placeholder for `kind`, before any slide is made."""
        chosen = self.layouts[layout]
        return Region.of(chosen.layout.placeholders.get(idx=chosen.roles[kind][0]))

    def holder(self, slide, kind: str, n: int = 0):
        """The slide's placeholder that fills role `kind` (the n-th of that role, left to right)."""
        return slide.placeholders[self.layouts[self.layout_of[slide.slide_id]].roles[kind][n]]

    def table_slides(self, layout: str, title: str, notes: str, table: tables.Table, sizes=TABLE_SIZES) -> list:
        """The table on one slide when it fits, else row pages on further slides, the footer rows on the last."""
        region = self.layout_region(layout, "table")
        slides = []
        for n, (page, fitted) in enumerate(tables.pages(table, region, *sizes)):
            heading = title if n == 0 else self.text.block("continued", title=title, part=n + 1)
            slide = self.new(layout, heading, notes)
            tables.place(slide, page, region, fitted, self.fonts, self.holder(slide, "table"))
            slides.append(slide)
        return slides

    def body(self, slide, n: int = 0):
        return self.holder(slide, "body", n)

    def text_slides(self, layout: str, title: str, groups: list[list[Para]], notes: str, sizes=BODY_SIZES) -> list:
        """As many slides as the paragraph groups need at no less than the smallest size; later titles say 'cont.'."""
        probe = self.new(layout, title, notes)
        region = Region.of(self.body(probe))
        pages = paginate(groups, region, sizes)
        slides = [probe]
        for n, page in enumerate(pages):
            slide = slides[0] if n == 0 else self.new(layout, self.text.block("continued", title=title, part=n + 1), notes)
            if n:
                slides.append(slide)
            fill(self.body(slide).text_frame, page, region, self.fonts, sizes[0], FLOOR, bulleted=True)
        return slides


def paginate(groups: list[list[Para]], region: Region, sizes: tuple[float, float]) -> list[list[Para]]:
    """Groups of paragraphs in pages that each fit at the smallest size; a group is never split."""
    flat = [p for g in groups for p in g]
    if fitted_size(flat, region, *sizes, bulleted=True) is not None:
        return [flat]
    pages: list[list[Para]] = [[]]
    for group in groups:
        if pages[-1] and fitted_size([*pages[-1], *group], region, sizes[1], sizes[1], bulleted=True) is None:
            pages.append([])
        pages[-1].extend(group)
    return pages
