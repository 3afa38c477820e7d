"""Slide 15: the relationship chain drawn with shapes.

The customer's four levels run top to bottom (一把手 … 一线员工), each contact a box
coloured by the strength of our link; our people stand on the left, connected to
the contacts they hold; the links between levels are the zipper, drawn broken where
a level is not held; the surrounding relations stand on the right.
"""

from __future__ import annotations

from pptx.enum.dml import MSO_LINE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Pt

from pipeline.model import CHAIN_LEVELS
from pipeline.render.deck_base import COLOURS, Para, Region, Run, fill, para, solid, textbox
from pipeline.render.deck_slide import Deck

STATUS_COLOUR = {"strong": "teal", "held": "light", "weak": "orange", "broken": "red", "missing": "red"}
DASHED = {"weak", "broken", "missing"}
INCH = 914400
HEADER, LEGEND, ROW_GAP = INCH * 4 // 10, INCH * 4 // 10, INCH // 5


def chain_slide(deck: Deck) -> None:
    t = deck.text
    slide = deck.new("Blank with Title", t.block("chain_title"), t.block("chain_notes"))
    area = deck.content(slide)
    ours, _, theirs, _, around = area.columns([1.6, 1.0, 4.6, 0.25, 2.2])
    body = Region(area.left, area.top + HEADER, area.width, area.height - HEADER - LEGEND)
    _headers(deck, slide, area, (ours, theirs, around))
    rows = body.rows(len(CHAIN_LEVELS), ROW_GAP)
    labels = [_level(deck, slide, level, row, ours, theirs) for level, row in zip(CHAIN_LEVELS, rows)]
    _zipper(deck, slide, labels)
    _surrounding(deck, slide, Region(around.left, body.top, around.width, body.height))
    _legend(deck, slide, Region(area.left, body.top + body.height, area.width, LEGEND))


def _headers(deck: Deck, slide, area: Region, columns: tuple[Region, Region, Region]) -> None:
    for column, key in zip(columns, ("chain_ours", "chain_customer", "chain_around")):
        region = Region(column.left, area.top, column.width, HEADER - ROW_GAP // 2)
        box = textbox(slide, region, [para(deck.text.block(key), bold=True, colour="white")], deck.fonts, 14, 8,
                      MSO_ANCHOR.MIDDLE)
        solid(box, "accent")


def _level(deck: Deck, slide, level: str, row: Region, ours: Region, theirs: Region):
    """One level of the chain: its label, our people, its contacts; links first, so boxes sit on top."""
    state = deck.analysis.chain.levels[level]
    label_col, contacts_col = Region(theirs.left, row.top, theirs.width, row.height).columns([1.1, 3.5], INCH // 10)
    our_region = Region(ours.left, row.top, ours.width, row.height)
    targets = state.contacts or [None]
    slots = contacts_col.rows(len(targets), INCH // 20)
    for slot, contact in zip(slots, targets):
        _link(slide, our_region, slot, contact.status if contact else "missing")
    label = _box(deck, slide, label_col, [para(deck.text.base["label"](level), bold=True, colour="white")],
                 "accent" if state.held else "red")
    people = deck.text.word("word_list_sep").join(_our_people(state)) or "—"
    _box(deck, slide, our_region, [para(people, bold=True, colour="title")], "pale", "accent")
    for slot, contact in zip(slots, targets):
        _contact(deck, slide, slot, contact)
    return label


def _our_people(state) -> list[str]:
    """Who on our side holds this level: each contact's own link holder, else the level's owner."""
    names = [c.our_contact for c in state.contacts if c.our_contact]
    names = names or ([state.owner] if state.owner else [])
    return list(dict.fromkeys(names))


def _contact(deck: Deck, slide, slot: Region, contact):
    t = deck.text
    if contact is None:
        box = _box(deck, slide, slot, [para(t.block("chain_missing"), bold=True, colour="red")], "white", "red")
        box.line.dash_style = MSO_LINE.DASH
        return box
    line = Para((Run(t.block("chain_contact", contact=contact), True, "white"),
                 Run("  " + t.block("chain_strength", contact=contact), False, "white")))
    return _box(deck, slide, slot, [line], STATUS_COLOUR[contact.status])


def _box(deck: Deck, slide, region: Region, paras, colour: str, line: str | None = None):
    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(region.left), Emu(region.top),
                                   Emu(region.width), Emu(region.height))
    solid(shape, colour, line)
    shape.adjustments[0] = 0.12
    fill(shape.text_frame, paras, region, deck.fonts, 14, 7, anchor=MSO_ANCHOR.MIDDLE)
    return shape


def _link(slide, start, end, status: str) -> None:
    """A connector from our person to a contact, coloured and dashed by the link's state."""
    x1, y1 = int(start.left) + int(start.width), int(start.top) + int(start.height) // 2
    x2, y2 = int(end.left), int(end.top) + int(end.height) // 2
    _line(slide, (x1, y1, x2, y2), STATUS_COLOUR[status], status in DASHED, 2.5 if status == "strong" else 1.75)


def _line(slide, points: tuple[int, int, int, int], colour: str, dashed: bool, width: float):
    connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *(Emu(v) for v in points))
    connector.line.color.theme_color = COLOURS[colour]
    connector.line.width = Pt(width)
    connector.line.dash_style = MSO_LINE.DASH if dashed else MSO_LINE.SOLID
    return connector


def _zipper(deck: Deck, slide, labels: list) -> None:
    """The links between levels: whole when both levels are held, broken (red, dashed, ✗) otherwise."""
    levels = deck.analysis.chain.levels
    for (upper, lower), (a, b) in zip(zip(labels, labels[1:]), zip(CHAIN_LEVELS, CHAIN_LEVELS[1:])):
        x = int(upper.left) + int(upper.width) // 2
        y1, y2 = int(upper.top) + int(upper.height), int(lower.top)
        held = levels[a].held and levels[b].held
        _line(slide, (x, y1, x, y2), "teal" if held else "red", not held, 3.0)
        if not held:
            mark = Region(x + INCH // 40, (y1 + y2) // 2 - INCH * 3 // 20, INCH * 4 // 10, INCH * 3 // 10)
            textbox(slide, mark, [para("✗", bold=True, colour="red")], deck.fonts, 12, 7, MSO_ANCHOR.MIDDLE)


def _surrounding(deck: Deck, slide, column: Region) -> None:
    relations = deck.analysis.chain.surrounding
    if not relations:
        textbox(slide, column, [para(deck.text.block("chain_no_surrounding"), colour="grey")], deck.fonts, 12, 8)
        return
    for slot, relation in zip(column.rows(len(relations), INCH // 10), relations):
        paras = [para(relation.name, bold=True, colour="title"),
                 para(deck.text.block("chain_relation", relation=relation), colour="text")]
        box = _box(deck, slide, slot, paras, "pale", "red" if relation.flagged else "grey")
        box.line.width = Pt(2.5 if relation.flagged else 1.0)


def _legend(deck: Deck, slide, region: Region) -> None:
    runs = []
    for status in ("strong", "held", "weak", "broken", "missing"):
        runs += [Run("■ ", True, STATUS_COLOUR[status]), Run(deck.text.block("chain_legend", status=status) + "   ")]
    runs.append(Run(deck.text.block("chain_legend_flagged"), False, "red"))
    textbox(slide, region, [Para(tuple(runs))], deck.fonts, 11, 7, MSO_ANCHOR.MIDDLE)
