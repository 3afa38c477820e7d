"""Slides 1-11: the deal, the three dimensions compared, the positioning and the tactics.

Every figure is read from the analysis (indices, weighted totals, positions) or is
an input score from the deal it carries; nothing is recomputed here.
"""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR

from pipeline.load.model import DIMENSIONS
from pipeline.render import chart_choice
from pipeline.render.deck.text import sentences
from pipeline.render.office import charts, tables
from pipeline.render.office.shapes import (
    Para,
    Region,
    Run,
    fill,
    fitted_size,
    para,
    solid,
    textbox,
)
from pipeline.render.office.slides import Deck
from pipeline.words import wording

# The glance's marks by our position on an item against the strongest rival there (5 points).
MARKS = {"advantage": ("word_high", "teal"), "parity": ("word_level", "grey"), "disadvantage": ("word_low", "orange")}

HEADER_HEIGHT = 914400 * 6 // 10  # 0.6 inch


def groups_of(lines: list[str]) -> list[list[Para]]:
    """Template lines as paragraph groups that pages never split: a heading with its first sub-point."""
    groups: list[list[Para]] = []
    for line in lines:
        if line.startswith(" ") and groups and len(groups[-1]) == 1 and groups[-1][0].level == 0:
            groups[-1].append(para(line.strip(), level=1))
        elif line.startswith(" "):
            groups.append([para(line.strip(), level=1)])
        else:
            groups.append([para(line.strip())])
    return groups


def title_slide(deck: Deck) -> None:
    t = deck.text
    slide = deck.new("Title", t.block("title_title"), t.block("title_notes"))
    sub = deck.holder(slide, "subtitle")
    fill(sub.text_frame, [para(line) for line in t.lines("title_subtitle")], deck.region(slide, "subtitle"), deck.fonts,
         20, 12)


def text_slide(deck: Deck, key: str, **extra) -> None:
    """A title and a bulleted body from blocks `<key>_title`, `<key>_body`, `<key>_notes`."""
    t = deck.text
    groups = groups_of(t.lines(f"{key}_body", **extra))
    deck.text_slides("Title and Content", t.block(f"{key}_title", **extra), groups, t.block(f"{key}_notes", **extra))


def agenda(deck: Deck) -> None:
    text_slide(deck, "agenda")


def situation(deck: Deck) -> None:
    deal = deck.analysis.deal
    text_slide(deck, "situation", sentences=sentences(deal.language, deal.situation))


def glance(deck: Deck) -> None:
    """The three dimensions side by side, each item marked high or low for us."""
    t = deck.text
    slide = deck.new("Blank with Title", t.block("glance_title"), t.block("glance_notes"))
    area = deck.content(slide)
    for column, dimension in zip(area.columns([1, 1, 1], gap=914400 // 4), DIMENSIONS):
        header = Region(column.left, column.top, column.width, HEADER_HEIGHT)
        name = para(t.block("dimension_name", dimension=dimension), bold=True, colour="white")
        box = textbox(deck.shapes(slide), header, [name], deck.fonts, 20, 12 if fitted_size([name], header, 12, 12, False)
                      else 9, MSO_ANCHOR.MIDDLE)
        solid(box, "accent")
        rest = Region(column.left, column.top + HEADER_HEIGHT, column.width, column.height - HEADER_HEIGHT)
        items = _marked_items(deck, dimension)
        textbox(deck.shapes(slide), rest, items, deck.fonts, 20, 12 if fitted_size(items, rest, 12, 12, True) else 8,
                bulleted=True)


def _marked_items(deck: Deck, dimension: str) -> list[Para]:
    t, analysis = deck.text, deck.analysis
    paras = []
    for standing in analysis.standings.items[dimension]:
        word, colour = MARKS[standing.now.position]
        paras.append(Para((Run(standing.item), Run(" " + deck.word(word), True, colour))))
    paras.append(Para((Run(t.block("glance_index", dimension=dimension), True, "grey"),), plain=True))
    return paras


def action_title(deck: Deck, dimension: str) -> str:
    """The dimension's conclusion from the analysis: our position against its strongest rival (the
    method's 5 points) and what weighs most there, the key for us or the gap against us (drivers)."""
    driver = deck.analysis.drivers.strongest[dimension]
    return deck.text.block("action_title", topic=deck.text.base["label"](dimension), position=driver.position,
                           margin=driver.margin, margin_text=wording.margin(driver.margin),
                           rival=deck.short(driver.rival), key=named_items(deck, driver.key),
                           gap=named_items(deck, driver.gap))


def named_items(deck: Deck, items: list[str]) -> str:
    """The items a title names: all of a tie of two, the first two of a larger tie and how many more."""
    language = deck.analysis.deal.language
    if len(items) <= 2:
        return wording.join(language, items)
    return deck.text.block("tied_items", first=deck.word("word_list_sep").join(items[:2]), more=len(items) - 2)


def dimension_table(deck: Deck, dimension: str) -> tables.Table:
    t, analysis = deck.text, deck.analysis
    companies = analysis.deal.companies
    num = deck.text.base["num"]
    rows = [[item.name, num(item.weight), *(num(item.scores[c.id]) for c in companies)]
            for item in analysis.deal.dimension(dimension)]
    scores = analysis.scores[dimension]
    total, index = t.base["total"], t.base["index"]
    footer = [[t.block("row_total"), "", *(total(scores[c.id].weighted_total) for c in companies)],
              [t.block("row_index"), "", *(index(scores[c.id].index) for c in companies)]]
    header = [t.block("col_item"), t.block("col_weight"), *(deck.short(c.id) for c in companies)]
    return tables.Table(header, rows, [3.0, 1.0, *([1.3] * len(companies))], footer)


def company_series(deck: Deck, dimension: str) -> list[charts.Series]:
    items = deck.analysis.deal.dimension(dimension)
    return [charts.Series(deck.short(c.id), tuple(i.scores[c.id] for i in items), n)
            for n, c in enumerate(deck.analysis.deal.companies)]


def dimension_slides(deck: Deck, dimension: str) -> None:
    """The dimension's table (scores, weighted totals, indices) beside a clustered bar chart.

    When the table does not fit beside the chart it gets the full width, and the chart a slide of its own.
    """
    t, analysis = deck.text, deck.analysis
    kicker, notes = t.block("dimension_title", dimension=dimension), t.block("dimension_notes", dimension=dimension)
    title = action_title(deck, dimension)
    table = dimension_table(deck, dimension)
    beside = deck.layout_region("Title, Table and Chart", "table")
    sizes = tables.table_size(table, beside, 16, 12)
    if sizes is None:
        deck.table_slides("Title and Table", title, notes, table, kicker=kicker)
        slide = deck.new("Title and Chart", t.block("continued", title=title, part=2), notes, kicker)
    else:
        slide = deck.new("Title, Table and Chart", title, notes, kicker)
        tables.place(slide, table, beside, sizes, deck.fonts, deck.holder(slide, "table"))
    holder = deck.holder(slide, "chart")
    names = [i.name for i in analysis.deal.dimension(dimension)]
    charts.bar_chart(slide, names, company_series(deck, dimension), deck.region(slide, "chart"), deck.fonts,
                     analysis.deal.date, holder)


def relationship_table(deck: Deck) -> None:
    """The source's table: a row per company, a column per indicator, the weights, 总分数合计."""
    t, analysis = deck.text, deck.analysis
    items = analysis.deal.relationship_capabilities
    num, scores = t.base["num"], analysis.scores["relationship_capabilities"]
    own = {d.index: d for d in analysis.method.departures if d.index is not None}
    header = [t.block("col_company"),
              *(t.block("relationship_own_item", item=i.name, departure=own[n]) if n in own else i.name
                for n, i in enumerate(items)),
              t.block("col_total")]
    rows = [[deck.short(c.id), *(num(i.scores[c.id]) for i in items), t.base["total"](scores[c.id].weighted_total)]
            for c in analysis.deal.companies]
    weights = [[t.block("row_weight"),
                *(t.block("relationship_own_weight", weight=num(i.weight), departure=own[n]) if n in own
                  else num(i.weight) for n, i in enumerate(items)), ""]]
    table = tables.Table(header, rows, [1.6, *([1.0] * len(items)), 1.2], weights)
    deck.table_slides("Title and Table", action_title(deck, "relationship_capabilities"), t.block("relationship_notes"),
                      table, kicker=t.block("relationship_title"))


def radar_series(deck: Deck) -> list[charts.Series]:
    """The method's picture: the strongest rival now and three years on (when it projects), us now,
    our target (when set)."""
    t = deck.text
    return [charts.Series(t.block("series_future" if line.later else "series_now",
                                  company=deck.short(line.company), is_us=line.is_us),
                          line.values, line.position, dashed=line.later)
            for line in chart_choice.radar_lines(deck.analysis)]


CAPTION_HEIGHT = 914400 // 2  # half an inch under the chart for the line on a missing 3-year figure


def radar(deck: Deck) -> None:
    """The relationship radar; bars when the dimension has fewer items than a radar needs. Where the deal
    gives no 3-year figure for the rival or for us, a line under the chart says so (chart_choice.Radar)."""
    t, analysis = deck.text, deck.analysis
    picture = chart_choice.radar(analysis)
    words = dict(later=picture.later, rival=deck.short(picture.rival), kind=picture.kind)
    slide = deck.new("Title and Chart", action_title(deck, "relationship_capabilities"),
                     t.block("radar_notes", **words), t.block("radar_title", **words))
    draw = charts.radar_chart if picture.kind == "radar" else charts.bar_chart
    names = [i.name for i in analysis.deal.relationship_capabilities]
    region = deck.region(slide, "chart")
    missing = t.block("radar_missing", **words)
    if missing:
        chart_region = Region(region.left, region.top, region.width, region.height - CAPTION_HEIGHT)
        caption = Region(region.left, region.top + chart_region.height, region.width, CAPTION_HEIGHT)
        textbox(deck.shapes(slide), caption, [para(missing, colour="grey")], deck.fonts, 14, 12, MSO_ANCHOR.MIDDLE)
        region = chart_region
    draw(slide, names, radar_series(deck), region, deck.fonts, analysis.deal.date,
         placeholder=deck.holder(slide, "chart"))


def bubbles(deck: Deck) -> None:
    """The positioning map, with the advantage/disadvantage sentence for each competitor beside it."""
    t, analysis = deck.text, deck.analysis
    overview = analysis.overview
    indexes = analysis.standings.indexes
    title = t.block("map_action_title", strongest=overview.strongest, weakest=overview.weakest, margins=overview.margins,
                    strong=indexes[overview.strongest].now.position, weak=indexes[overview.weakest].now.position)
    slide = deck.new("Title, Chart and Text", title, t.block("map_notes"), t.block("map_title"))
    scores = analysis.scores
    points = [charts.Bubble(deck.short(c), scores["business_capabilities"][c].index,
                            scores["key_buying_factors"][c].index, scores["relationship_capabilities"][c].index,
                            colour=n, ours=n == 0) for n, c in chart_choice.map_order(analysis)]
    ph = deck.holder(slide, "chart")
    axes = (t.block("map_x"), t.block("map_y"))
    charts.bubble_chart(slide, points, axes, deck.region(slide, "chart"), deck.fonts, analysis.deal.date, ph)
    body = deck.body(slide)
    paras = [para(t.block("map_size"), colour="grey")]
    paras += [para(analysis.positioning[c.id].sentence) for c in analysis.deal.competitors]
    region = deck.region(slide, "body")
    fill(body.text_frame, paras, region, deck.fonts, 18, 12 if fitted_size(paras, region, 12, 12, False) else 9)


def statement(deck: Deck) -> None:
    text_slide(deck, "statement")


def tactics(deck: Deck) -> None:
    """The playbook's tactics, each with the reason it applies here; continued when they are many."""
    t, analysis = deck.text, deck.analysis
    groups = [[Para((Run(tactic.title + deck.word("word_colon"), True, "accent"), Run(tactic.recommendation))),
               para(deck.word("word_reason") + tactic.reason, level=1)] for tactic in analysis.tactics]
    groups = groups or [[para(t.block("tactics_none"))]]
    deck.text_slides("Title and Content", t.block("tactics_title"), groups, t.block("tactics_notes"))
