"""The training deck: the method taught slide by slide, with one deal as the worked example.

`render_deck` opens the (cached) master, checks it has the layouts the deck needs,
adds the slides in the method's order and returns the .pptx bytes. Core
properties come from the deal, never from the clock, so the same analysis gives
the same XML; the orchestrator fixes the zip dates.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pipeline.render import deck_chain, deck_positioning as positioning, deck_value as value
from pipeline.render.deck_base import theme_fonts
from pipeline.render.deck_master import layouts, open_master
from pipeline.render.deck_slide import Deck
from pipeline.render.deck_text import DeckText
from pipeline.results import Analysis

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
    positioning.statement(deck)
    positioning.tactics(deck)
    value.step1(deck)
    value.step2(deck)
    value.step3(deck)
    deck_chain.chain_slide(deck)
    value.discussion(deck)


def render_deck(analysis: Analysis, template: Path | None = None) -> bytes:
    """The .pptx bytes of the training deck for one analysed deal."""
    prs = open_master(template)
    deck = Deck(prs, layouts(prs, template), DeckText(analysis), analysis, theme_fonts(prs, analysis.deal.language))
    slides(deck)
    set_properties(prs, analysis)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


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
