"""The training deck: the method taught slide by slide, with one deal as the worked example.

`render_deck` opens the (cached) master, checks it has the layouts the deck needs,
adds the slides in the method's order and returns the .pptx bytes. Core
properties come from the deal, never from the clock, and the zip entries are dated
1980-01-01, so the same analysis gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.analysis.results import Analysis
from pipeline.render.deck import chain as deck_chain
from pipeline.render.deck import positioning, teach, value
from pipeline.render.deck import text as deck_text
from pipeline.render.deck.robustness import robustness
from pipeline.render.deck.text import DeckText
from pipeline.render.office import textfit
from pipeline.render.office.master import layouts, open_master
from pipeline.render.office.pptx_package import package_bytes
from pipeline.render.office.shapes import theme_fonts
from pipeline.render.office.slides import Deck

AUTHOR = "dealdocs"


def slides(deck: Deck) -> None:
    """The slides in the method's order (METHOD.md): positioning, value proposition, chain, discussion."""
    positioning.title_slide(deck)
    positioning.agenda(deck)
    positioning.situation(deck)
    positioning.glance(deck)
    positioning.dimension_slides(deck, "key_buying_factors")
    positioning.dimension_slides(deck, "business_capabilities")
    positioning.relationship_table(deck)
    positioning.radar(deck)
    positioning.bubbles(deck)
    robustness(deck)
    positioning.statement(deck)
    positioning.tactics(deck)
    value.step1(deck)
    teach.smart_letters(deck)
    value.step2(deck)
    value.step3(deck)
    teach.zipper(deck)
    teach.directions(deck)
    deck_chain.chain_slide(deck)
    teach.surrounding_kinds(deck)
    value.discussion(deck)


def render_deck(analysis: Analysis, template: Path | None = None) -> bytes:
    """The .pptx bytes of the training deck for one analysed deal."""
    prs = open_master(template)
    deck = Deck(prs, layouts(prs, template), DeckText(analysis), analysis, theme_fonts(prs, analysis.deal.language))
    slides(deck)
    set_properties(prs, analysis)
    return package_bytes(prs.part.package)


def warm_up() -> None:
    """Before the first deal of a worker: open and prepare the shipped master, compile the slide
    texts of both languages and load the measuring font (about 250 ms, paid once)."""
    prs = open_master(None)
    layouts(prs, None)
    deck_text.warm_up()
    textfit.text_width("基准 Width", 12)


def set_properties(prs, analysis: Analysis) -> None:
    """Title, author and dates from the deal: the deck carries no trace of when it was built."""
    deal, core = analysis.deal, prs.core_properties
    stamp = dt.datetime.combine(deal.date, dt.time())
    core.title = deal.title
    core.subject = deal.customer.name
    core.author = core.last_modified_by = AUTHOR
    core.created = core.modified = stamp
    core.revision = 1
    core.language = "zh-CN" if deal.language == "zh" else "en-US"
    core.comments = ""  # a master's own description is not this deck's
