"""Slide 15: the relationship chain drawn with shapes.

The customer's four levels run top to bottom (一把手 … 一线员工), each contact a box
coloured by the strength of our link; our people stand on the left, connected to
the contacts they hold; the links between levels are the zipper, drawn broken where
a level is not held; the surrounding relations stand on the right.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from pptx.enum.text import MSO_ANCHOR

from pipeline.errors import RenderError
from pipeline.load.model import CHAIN_LEVELS
from pipeline.render.office.shapes import (
    INSET_X,
    INSET_Y,
    Para,
    Region,
    Run,
    connector,
    fitted_size,
    para,
    rounded_box,
    solid,
    textbox,
)
from pipeline.render.office.slides import Deck
from pipeline.words.messages import say

STATUS_COLOUR = {"strong": "teal", "held": "light", "weak": "orange", "broken": "red", "missing": "grey"}  # one each
DASHED = {"weak", "broken", "missing"}
INCH = 914400
HEADER, LEGEND, ROW_GAP = INCH * 4 // 10, INCH * 6 // 10, INCH // 5  # the legend: two lines at 12 pt
PER_COLUMN = 4  # contacts or relations stacked in one column before a second column starts
BOX_INSET_X, BOX_INSET_Y = 3.6, 1.8  # points: narrow insets, the boxes are small


@dataclass(frozen=True)
class Planned:
    """A box decided before it is drawn, so boxes of one kind can share one text size."""

    region: Region
    paras: tuple[Para, ...]
    colour: str
    line: Optional[str] = None
    dashed: bool = False
    short: Optional[tuple[Para, ...]] = None  # what to show when the whole text cannot fit (a contact without title)
    width: Optional[float] = None  # the outline's width in points, when not the theme's
    field: Optional[str] = None  # the deal field whose text makes the box (short) too long: its error names it
    cut: Optional[Callable[[int], tuple[Para, ...]]] = None  # the box's (short) text with that field cut to n characters


def chain_slide(deck: Deck) -> None:
    t = deck.text
    slide = deck.new("Blank with Title", t.block("chain_title"), t.block("chain_notes"))
    area, shapes = deck.content(slide), deck.shapes(slide)
    ours, _, theirs, _, around = area.columns([1.6, 1.0, 4.6, 0.25, 2.2])
    body = Region(area.left, area.top + HEADER, area.width, area.height - HEADER - LEGEND)
    _headers(deck, shapes, area, (ours, theirs, around))
    rows = body.stacked([_stack(deck, level) for level in CHAIN_LEVELS], ROW_GAP)
    plans = [_plan_level(deck, level, row, ours, theirs) for level, row in zip(CHAIN_LEVELS, rows)]
    for plan in plans:
        for start, end, status in plan["links"]:
            _link(shapes, start, end, status)
    for kind in ("labels", "ours", "contacts"):
        _draw_all(deck, shapes, [box for plan in plans for box in plan[kind]])
    _zipper(deck, shapes, [plan["labels"][0].region for plan in plans])
    _surrounding(deck, shapes, Region(around.left, body.top, around.width, body.height))
    _legend(deck, shapes, Region(area.left, body.top + body.height, area.width, LEGEND))


def _stack(deck: Deck, level: str) -> float:
    """A level's share of the height: how many contact boxes it stacks, a level of one or two counting as two."""
    count = max(len(deck.analysis.chain.levels[level].contacts), 1)
    return max(-(-count // -(-count // PER_COLUMN)), 2)


def _headers(deck: Deck, shapes, area: Region, columns: tuple[Region, Region, Region]) -> None:
    for column, key in zip(columns, ("chain_ours", "chain_customer", "chain_around")):
        region = Region(column.left, area.top, column.width, HEADER - ROW_GAP // 2)
        box = textbox(shapes, region, [para(deck.text.block(key), bold=True, colour="white")], deck.fonts, 16, 8,
                      MSO_ANCHOR.MIDDLE)
        solid(box, "accent")


def _plan_level(deck: Deck, level: str, row: Region, ours: Region, theirs: Region) -> dict[str, list]:
    """One level of the chain: its label, our people, its contacts and the links between them."""
    state = deck.analysis.chain.levels[level]
    label_col, contacts_col = Region(theirs.left, row.top, theirs.width, row.height).columns([1.1, 3.5], INCH // 10)
    our_region = Region(ours.left, row.top, ours.width, row.height)
    targets = state.contacts or [None]
    fields = _contact_fields(deck, level) or [None]
    slots = contacts_col.grid(len(targets), PER_COLUMN, INCH // 20)
    people = _flat(deck.word("word_list_sep").join(_our_people(state))) or "—"
    label = para(deck.text.base["level_title"](level), bold=True, colour="white")
    return {
        "labels": [Planned(label_col, (label,), "accent" if state.held else "red")],
        "ours": [Planned(our_region, (para(people, bold=True, colour="title"),), "pale", "accent")],
        "contacts": [_contact(deck, slot, contact, at) for slot, contact, at in zip(slots, targets, fields)],
        "links": [(our_region, slot, c.status if c else "missing") for slot, c in zip(slots, targets)],
    }


def _our_people(state) -> list[str]:
    """Who on our side holds this level: each contact's own link holder, else the level's owner."""
    names = [c.our_contact for c in state.contacts if c.our_contact]
    names = names or ([state.owner] if state.owner else [])
    return list(dict.fromkeys(names))


def _contact_fields(deck: Deck, level: str) -> list[str]:
    """The deal field of each contact of `level`, in the order the analysis lists them (the file's)."""
    return [f"chain.customer[{i}]" for i, c in enumerate(deck.analysis.deal.chain.customer) if c.level == level]


def _contact(deck: Deck, slot: Region, contact, at: Optional[str]) -> Planned:
    """A contact's box: name, title and link; only name and link when that cannot fit, so the
    name is what to shorten when even that cannot."""
    t = deck.text
    if contact is None:
        colour = STATUS_COLOUR["missing"]
        return Planned(slot, (para(t.block("chain_missing"), bold=True, colour=colour),), "white", colour, dashed=True)
    strength = Run("  " + _flat(t.block("chain_strength", contact=contact)), False, "white")
    line = Para((Run(_flat(t.block("chain_contact", contact=contact)), True, "white"), strength))
    name = _flat(contact.name)
    return Planned(slot, (line,), STATUS_COLOUR[contact.status], short=(Para((Run(name, True, "white"), strength)),),
                   field=f"{at}.name", cut=lambda n: (Para((Run(name[:n], True, "white"), strength)),))


def _flat(text: str) -> str:
    """One line of text: a name typed over two lines in the deal reads as one in a box."""
    return " ".join(text.split("\n"))


def _draw_all(deck: Deck, shapes, boxes: list[Planned], largest: float = 14, smallest: float = 7) -> list:
    """Draw boxes of one kind at the one size that fits them all (the smallest of their best sizes)."""
    boxes = [_shortened(box, smallest) for box in boxes]
    sizes = [fitted_size(list(box.paras), _room(box.region), largest, smallest, False) for box in boxes]
    if None in sizes:
        raise _too_long(boxes[sizes.index(None)], smallest)
    return [_draw(deck, shapes, box, min(sizes)) for box in boxes]


def _too_long(box: Planned, smallest: float) -> RenderError:
    """The error for a box whose text cannot fit even at the smallest size: the deal field to
    shorten, and to about how many characters, when the box knows it."""
    if box.field is None or box.cut is None:
        first = box.paras[0].text[:40]
        return RenderError(say("too_long_box", size=smallest, start=first),
                           text="\n".join(p.text for p in box.paras))
    fits = lambda n: fitted_size(list(box.cut(n)), _room(box.region), smallest, smallest, False) is not None  # noqa: E731
    low, high = 0, len(box.paras[0].text)  # the longest cut that fits, by halving (fitting only grows shorter)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return RenderError(say("too_long_chain", size=f"{smallest:g}", count=max(low, 1)), field=box.field)


def _shortened(box: Planned, smallest: float) -> Planned:
    """The box with its short text when the whole text cannot fit even at the smallest size."""
    if box.short is None or fitted_size(list(box.paras), _room(box.region), smallest, smallest, False):
        return box
    return replace(box, paras=box.short, short=None)


def _room(region: Region) -> Region:
    """The region whose default-inset text room equals the box's with its narrow insets."""
    return region.grown(INSET_X - BOX_INSET_X, INSET_Y - BOX_INSET_Y)


def _draw(deck: Deck, shapes, box: Planned, size: float):
    return rounded_box(shapes, box.region, list(box.paras), deck.fonts, size, box.colour, box.line, box.dashed,
                       (BOX_INSET_X, BOX_INSET_Y), box.width)


def _link(shapes, start, end, status: str) -> None:
    """A connector from our person to a contact, coloured and dashed by the link's state."""
    x1, y1 = int(start.left) + int(start.width), int(start.top) + int(start.height) // 2
    x2, y2 = int(end.left), int(end.top) + int(end.height) // 2
    _line(shapes, (x1, y1, x2, y2), STATUS_COLOUR[status], status in DASHED, 2.5 if status == "strong" else 1.75)


def _line(shapes, points: tuple[int, int, int, int], colour: str, dashed: bool, width: float):
    return connector(shapes, points, colour, width, dashed)


def _zipper(deck: Deck, shapes, labels: list[Region]) -> None:
    """The links between levels: whole when both levels are held, broken (red, dashed, ✗) otherwise."""
    levels = deck.analysis.chain.levels
    for (upper, lower), (a, b) in zip(zip(labels, labels[1:]), zip(CHAIN_LEVELS, CHAIN_LEVELS[1:])):
        x = int(upper.left) + int(upper.width) // 2
        y1, y2 = int(upper.top) + int(upper.height), int(lower.top)
        held = levels[a].held and levels[b].held
        _line(shapes, (x, y1, x, y2), "teal" if held else "red", not held, 3.0)
        if not held:
            mark = Region(x + INCH // 40, (y1 + y2) // 2 - INCH * 3 // 20, INCH * 4 // 10, INCH * 3 // 10)
            textbox(shapes, mark, [para("✗", bold=True, colour="red")], deck.fonts, 12, 7, MSO_ANCHOR.MIDDLE)


def _surrounding(deck: Deck, shapes, column: Region) -> None:
    relations = deck.analysis.chain.surrounding
    if not relations:
        textbox(shapes, column, [para(deck.text.block("chain_no_surrounding"), colour="grey")], deck.fonts, 12, 8)
        return
    slots = column.grid(len(relations), PER_COLUMN + 1, INCH // 10)
    _draw_all(deck, shapes, [_relation(deck, slot, r, i) for i, (slot, r) in enumerate(zip(slots, relations))])


def _relation(deck: Deck, slot: Region, relation, index: int) -> Planned:
    """A surrounding relation's box: its name over its kind, influence and link."""
    name, about = _flat(relation.name), para(deck.text.block("chain_relation", relation=relation), colour="text")
    return Planned(slot, (para(name, bold=True, colour="title"), about), "pale", "red" if relation.flagged else "grey",
                   width=2.5 if relation.flagged else 1.0, field=f"chain.surrounding[{index}].name",
                   cut=lambda n: (para(name[:n], bold=True, colour="title"), about))


def _legend(deck: Deck, shapes, region: Region) -> None:
    runs = []
    for status in ("strong", "held", "weak", "broken", "missing"):
        runs += [Run("■ ", True, STATUS_COLOUR[status]), Run(deck.text.block("chain_legend", status=status) + "   ")]
    runs.append(Run(deck.text.block("chain_legend_flagged"), False, "red"))
    textbox(shapes, region, [Para(tuple(runs))], deck.fonts, 12, 7, MSO_ANCHOR.MIDDLE)
