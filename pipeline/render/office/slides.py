"""One deck being built: new slides from prepared layouts with title, footer, number and notes.

A slide starts as a copy of its layout's prepared placeholders (deck_master.Prepared)
and its notes page as a copy of a prepared one: the same XML python-pptx would
build, without its per-slide placeholder searches.
"""

from __future__ import annotations

import functools
import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, Protocol

from lxml.etree import SubElement
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart
from pptx.shapes.shapetree import _SlidePlaceholderFactory

from pipeline.errors import RenderError
from pipeline.render.office import tables, textfit
from pipeline.render.office.master import Layout, Prepared, below_title
from pipeline.render.office.shapes import (
    A_EA,
    A_LATIN,
    A_P,
    A_PPR,
    A_R,
    A_RPR,
    A_T,
    EMU_PER_PT,
    LANG,
    Fonts,
    NumberedShapes,
    Para,
    Region,
    fill,
    fitted_size,
    para,
    write,
    write_body,
)
from pipeline.words.messages import say

TITLE_SIZES = (28, 16)
KICKER, KICKER_GAP = 12, 2.0  # points: the topic above an action title, and the space under it
BODY_SIZES = (20, 12)
FLOOR = 9  # only a single paragraph longer than a slide at 12 pt goes below 12
TABLE_SIZES = (18, 12)  # a table that does not fit at 12 pt continues on further slides
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
PH = f"*/{qn('p:nvPr')}/{qn('p:ph')}"  # a shape's placeholder mark, under its non-visual properties
A_FLD, A_BR, A_ENDPARA, P_TXBODY = qn("a:fld"), qn("a:br"), qn("a:endParaRPr"), qn("p:txBody")
A_LNSPC, A_SPCPTS = qn("a:lnSpc"), qn("a:spcPts")
CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")  # escaped in notes as python-pptx does (_x0007_)


class Words(Protocol):
    """The deck's words as the engine needs them: a block (the footer) and a short word kept exactly."""

    def block(self, name: str, **values: Any) -> str: ...

    def word(self, name: str) -> str: ...


@dataclass
class Deck:
    prs: object
    layouts: dict[str, Layout]
    text: Words
    analysis: Any  # the deal's analysis, for the slide modules; the engine reads only its short names
    fonts: Fonts
    layout_of: dict = field(default_factory=dict)  # slide part -> the name of its layout
    count: int = 0  # slides so far
    footer: str = ""  # the footer's words, rendered once for all slides
    footers: dict = field(default_factory=dict)  # footer placeholder region -> its filled <p:txBody>
    numbered: dict = field(default_factory=dict)  # slide part -> its NumberedShapes
    stand_ins: dict = field(default_factory=dict)  # (slide part, role, n) -> the text box drawn for a role
    words: dict = field(default_factory=dict)  # short template words, rendered once a deck
    shorts: dict = field(default_factory=dict)  # company id -> its short name (the customer's under '')

    def short(self, company_id: str) -> str:
        """The company's name in tables, legends, chart labels and the chain (pipeline.load.short_names)."""
        if not self.shorts:
            self.shorts = self.analysis.deal.short_names()
        return self.shorts[company_id]

    def new(self, layout: str, title: str, notes: str, kicker: str = ""):
        """A slide on layout `layout` with its title (under a small `kicker` naming the topic, when
        given), footer, slide number and speaker notes."""
        chosen = self.layouts[layout]
        slide = add_slide(self.prs, chosen)
        self.count += 1
        self.layout_of[slide.part] = layout
        self.set_title(slide, title, kicker)
        self.footer = self.footer or self.text.block("footer")
        add_footer(slide, chosen.prepared, self.footer, self.count, self.fonts, self.footers)
        set_notes(add_notes(slide, chosen.prepared, self.count), notes, self.fonts)
        return slide

    def set_title(self, slide, title: str, kicker: str = "") -> None:
        """The title fitted to its box; a kicker is a first line above it, small and grey, the title
        fitted to the room the kicker leaves (its own line and a small gap)."""
        shape = self.holder(slide, "title")
        largest = 40 if self.layout_of[slide.part] == "Title" else TITLE_SIZES[0]
        region = self.region(slide, "title")
        anchor = shape.text_frame.vertical_anchor or MSO_ANCHOR.BOTTOM
        if not kicker:
            fill(shape.text_frame, [para(title)], region, self.fonts, largest, TITLE_SIZES[1], anchor=anchor)
            return
        kicker_room = int((KICKER * textfit.LINE_HEIGHT + KICKER_GAP) * EMU_PER_PT)
        rest = Region(region.left, region.top, region.width, region.height - kicker_room)
        size = fitted_size([para(title)], rest, largest, TITLE_SIZES[1], False)
        if size is None:
            raise RenderError(say("too_long_title", size=TITLE_SIZES[1], start=title[:40]),
                              text=title)
        write(shape.text_frame, [para(kicker, colour="grey"), para(title)], self.fonts, size, False, anchor,
              gap=KICKER_GAP / size, region=rest)
        first = shape.text_frame._txBody.find(A_P)
        for rPr in first.iter(A_RPR):
            rPr.set("sz", str(KICKER * 100))
        first.find(f"{A_PPR}/{A_LNSPC}/{A_SPCPTS}").set("val", str(int(round(KICKER * textfit.LINE_HEIGHT * 100))))

    def content(self, slide) -> Region:
        """The free area of a title-only slide: below the title, above the footer."""
        regions = self.layouts[self.layout_of[slide.part]].prepared.regions.values()
        return below_title(self.region(slide, "title"), list(regions), int(self.prs.slide_height))

    def layout_region(self, layout: str, kind: str) -> Region:
        """Where the layout puts the placeholder for `kind`, before any slide is made."""
        return self.layouts[layout].region(kind)

    def region(self, slide, kind: str, n: int = 0) -> Region:
        """Where the slide's placeholder for role `kind` sits (its layout's place: slides never move one)."""
        return self.layouts[self.layout_of[slide.part]].region(kind, n)

    def word(self, name: str) -> str:
        """A short template word kept exactly (a separator, a colon), rendered once per deck."""
        if name not in self.words:
            self.words[name] = self.text.word(name)
        return self.words[name]

    def shapes(self, slide) -> NumberedShapes:
        """The slide's shapes, for adding new ones without python-pptx's per-shape search of the slide."""
        if slide.part not in self.numbered:
            self.numbered[slide.part] = NumberedShapes(slide)
        return self.numbered[slide.part]

    def holder(self, slide, kind: str, n: int = 0):
        """The slide's placeholder that fills role `kind` (the n-th of that role, left to right).

        Where the layout has none (deck_master drew the role instead), a text role gets a text box at
        the drawn place, and a table or chart None: they are drawn at `region` by their writers.
        """
        chosen = self.layouts[self.layout_of[slide.part]]
        if kind not in chosen.drawn:
            return placeholder(slide, chosen.roles[kind][n])
        if kind in ("table", "chart"):
            return None
        key = (slide.part, kind, n)
        if key not in self.stand_ins:
            region = chosen.drawn[kind][n]
            self.stand_ins[key] = self.shapes(slide).add_textbox(region.left, region.top, region.width, region.height)
        return self.stand_ins[key]

    def table_slides(self, layout: str, title: str, notes: str, table: tables.Table, sizes=TABLE_SIZES,
                     kicker: str = "") -> list:
        """The table on one slide when it fits (a sparse one up to the body size), else row pages on further
        slides, the footer rows on the last."""
        region = self.layout_region(layout, "table")
        slides, pages = [], tables.pages(table, region, *sizes)
        if len(pages) == 1:
            pages = [(table, tables.enlarged(table, region, pages[0][1], BODY_SIZES[0]))]
        for n, (page, fitted) in enumerate(pages):
            heading = title if n == 0 else self.text.block("continued", title=title, part=n + 1)
            slide = self.new(layout, heading, notes, kicker)
            tables.place(slide, page, region, fitted, self.fonts, self.holder(slide, "table"))
            slides.append(slide)
        return slides

    def body(self, slide, n: int = 0):
        return self.holder(slide, "body", n)

    def text_slides(self, layout: str, title: str, groups: list[list[Para]], notes: str, sizes=BODY_SIZES) -> list:
        """As many slides as the paragraph groups need at no less than the smallest size; later titles say 'cont.'."""
        probe = self.new(layout, title, notes)
        region = self.region(probe, "body")
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


def add_slide(prs, chosen: Layout):
    """A new last slide on `chosen`'s layout, its placeholders copied from the prepared ones."""
    rId, slide = prs.part.add_slide(chosen.layout)
    tree = slide.shapes._spTree
    for shape in chosen.prepared.shapes:
        tree.append(deepcopy(shape))
    prs.part._element.get_or_add_sldIdLst().add_sldId(rId)
    return slide


def add_notes(slide, prepared: Prepared, number: int):
    """The slide's notes page, a copy of the prepared one, related as python-pptx relates it; its <p:notes>."""
    package = slide.part.package
    master = package.presentation_part.notes_master_part
    part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE, package,
                          deepcopy(prepared.notes))
    part.relate_to(master, RT.NOTES_MASTER)
    part.relate_to(slide.part, RT.SLIDE)
    slide.part.relate_to(part, RT.NOTES_SLIDE)
    return part._element


def placeholder(slide, idx: int):
    """The slide's placeholder with `idx`, found in one pass over its shapes; KeyError when there is none."""
    for element in slide.shapes._spTree.iter_shape_elms():
        ph = element.find(PH)
        if ph is not None and int(ph.get("idx", "0")) == idx:
            return _SlidePlaceholderFactory(element, slide.shapes)
    raise KeyError(f"no placeholder on this slide with idx == {idx}")


def _placeholder_body(tree, match) -> object:
    """The <p:txBody> (made if missing, as python-pptx's text_frame does) of the first placeholder matching."""
    for element in tree.iter_shape_elms():
        ph = element.find(PH)
        if ph is not None and match(ph):
            return element.get_or_add_txBody()
    raise KeyError("no such placeholder on this slide")


def add_footer(slide, prepared: Prepared, footer: str, number: int, fonts: Fonts, filled: dict) -> None:
    """Fill the copied footer and slide-number placeholders (python-pptx leaves them out of new slides).

    The footer reads the same on every slide: its text body is written once per place and then copied.
    """
    shapes = list(slide.shapes._spTree.iter_shape_elms())
    if prepared.footer is not None:
        region, body = prepared.footer_region, shapes[prepared.footer].find(P_TXBODY)
        if region not in filled:
            write_body(body, [para(footer)], fonts, _footer_size(footer, region), False, MSO_ANCHOR.MIDDLE)
            filled[region] = body
        else:
            body.getparent().replace(body, deepcopy(filled[region]))
    if prepared.number is not None:
        _number_field(shapes[prepared.number].find(P_TXBODY), number)


@functools.lru_cache(maxsize=64)
def _footer_size(footer: str, region: Region) -> float:
    """The footer's size in its box: the same on every slide of a deck, so fitted once."""
    return fitted_size([para(footer)], region, 10, 7, False) or 7


def _number_field(body, number: int) -> None:
    p = body.find(A_P)
    fld = SubElement(p, A_FLD, id=SLIDE_NUMBER_FIELD, type="slidenum")
    SubElement(fld, A_RPR, lang="en-US")
    SubElement(fld, A_T).text = str(number)
    end = p.find(A_ENDPARA)
    if end is not None:
        p.remove(end)
        p.append(end)


def set_notes(notes, text: str, fonts: Fonts) -> None:
    """The trainer's notes, one paragraph per line, in the notes page's body placeholder."""
    body = _placeholder_body(notes.cSld.spTree, lambda ph: ph.get("type") == "body")
    paragraphs = body.findall(A_P)
    for extra in paragraphs[1:]:
        body.remove(extra)
    first = paragraphs[0]  # kept with its own properties, as python-pptx's clear() keeps it
    for child in [c for c in first if c.tag in (A_R, A_BR, A_FLD)]:
        first.remove(child)
    for n, line in enumerate(line.strip() for line in text.split("\n") if line.strip()):
        _notes_run(first if n == 0 else SubElement(body, A_P), line, fonts)


def _notes_run(p, line: str, fonts: Fonts) -> None:
    run = p.makeelement(A_R, {})
    end = p.find(A_ENDPARA)
    if end is None:
        p.append(run)
    else:
        end.addprevious(run)
    rPr = SubElement(run, A_RPR, lang=LANG[fonts.language])
    SubElement(rPr, A_LATIN, typeface=fonts.latin)
    SubElement(rPr, A_EA, typeface=fonts.east_asian)
    SubElement(run, A_T).text = CONTROL.sub(lambda m: "_x%04X_" % ord(m.group()), line)
