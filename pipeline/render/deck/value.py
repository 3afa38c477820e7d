"""Slides 12-14 and 16: the value proposition's three steps, then discussion and next steps."""

from __future__ import annotations

from pipeline.load.model import AUDIENCES
from pipeline.render.deck.positioning import groups_of, text_slide
from pipeline.render.office import tables
from pipeline.render.office.shapes import (
    Para,
    Region,
    fill,
    fitted_size,
    para,
    textbox,
    write,
)
from pipeline.render.office.slides import Deck

STATEMENT_SHARE = 0.34  # of the step-2 slide's content area, above the SMART table


def step1(deck: Deck) -> None:
    """The fill-in template on the left, this deal's filled sentence on the right."""
    two_sides(deck, "step1", ("step1_template", "step1_filled"))


def two_sides(deck: Deck, key: str, blocks: tuple[str, str]) -> None:
    """A two-column slide from blocks `<key>_title`, `<key>_notes` and the two side blocks, each a
    heading and its lines, both sides at one size so they read as a pair."""
    t = deck.text
    slide = deck.new("Two Content", t.block(f"{key}_title"), t.block(f"{key}_notes"))
    holders = [deck.body(slide, 0), deck.body(slide, 1)]
    regions = [deck.region(slide, "body", 0), deck.region(slide, "body", 1)]
    sides = [_heading_and_lines(t.lines(block)) for block in blocks]
    sizes = [fitted_size(paras, region, 20, 11, False) for region, paras in zip(regions, sides)]
    if None in sizes:  # let fill say which side is too long
        for holder, region, paras in zip(holders, regions, sides):
            fill(holder.text_frame, paras, region, deck.fonts, 20, 11)
    for holder, paras in zip(holders, sides):  # both sides at one size, so they read as a pair
        write(holder.text_frame, paras, deck.fonts, min(sizes), bulleted=False)


def _heading_and_lines(lines: list[str]) -> list[Para]:
    return [para(lines[0], bold=True, colour="accent")] + [p for g in groups_of(lines[1:]) for p in g]


def smart_table(deck: Deck) -> tables.Table:
    t, value = deck.text, deck.analysis.value
    rows = [[f"{letter} {t.base['label'](letter)}", "✓" if check.ok else "✗", check.reason]
            for letter, check in value.smart.items()]
    return tables.Table([t.block("col_letter"), t.block("col_check"), t.block("col_reason")], rows, [1.6, 0.6, 6.0])


def step2(deck: Deck) -> None:
    """The SMART statement, the check letter by letter, and the payback."""
    t = deck.text
    slide = deck.new("Blank with Title", t.block("step2_title"), t.block("step2_notes"))
    area = deck.content(slide)
    top_height = int(area.height * STATEMENT_SHARE)
    top = Region(area.left, area.top, area.width, top_height)
    paras = [para(line, bold=n == 0) for n, line in enumerate(t.lines("step2_statement"))]
    textbox(deck.shapes(slide), top, paras, deck.fonts, 18, 10)
    rest = Region(area.left, area.top + top_height, area.width, area.height - top_height)
    table = smart_table(deck)
    sizes = tables.fitted(table, rest, 16, 8)
    tables.place(slide, table, rest, sizes, deck.fonts)


def layering_table(deck: Deck) -> tables.Table:
    t, value = deck.text, deck.analysis.value
    rows = []
    for audience in AUDIENCES:
        level = value.levels[audience]
        rows.append([t.base["audience"](audience), level.our_person or "—",
                     deck.word("word_list_sep").join(level.customer_contacts) or "—",
                     "\n".join(level.concerns), level.message])
    header = [t.block(f"col_{key}") for key in ("level", "ours", "theirs", "concerns", "message")]
    return tables.Table(header, rows, [0.8, 1.0, 1.4, 2.4, 5.4])


def step3(deck: Deck) -> None:
    """Our senior, middle and front line facing theirs: each level's concerns and its message."""
    t = deck.text
    deck.table_slides("Title and Table", t.block("step3_title"), t.block("step3_notes"), layering_table(deck))


def discussion(deck: Deck) -> None:
    """The source's two discussion questions with this deal's figures, then the next steps."""
    text_slide(deck, "discussion")
    text_slide(deck, "next_steps")
