"""The training deck: the method taught slide by slide, with one deal as the worked example.

`render_deck` opens the (cached) master, checks it has the layouts the deck needs,
adds the slides in the method's order and returns the .pptx bytes. Core
properties come from the deal, never from the clock, and the zip entries are dated
1980-01-01, so the same analysis gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

from pipeline.model import LANGUAGES
from pipeline.render import deck_chain, deck_text, textfit, deck_positioning as positioning, deck_value as value
from pipeline.render.deck_robustness import robustness
from pipeline.render import deck_teach as teach
from pipeline.render.deck_base import theme_fonts
from pipeline.render.deck_master import layouts, open_master
from pipeline.render.deck_slide import Deck
from pipeline.render.deck_text import DeckText
from pipeline.render.zipwriter import Payload, zip_bytes
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
    for language in LANGUAGES:
        deck_text._template(language)
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


# The package written as python-pptx's PackageWriter writes it (same members, same order, same
# XML), into a zip laid out as zipfile lays it out, with two differences that save a fifth of a
# deck's time: .rels files are formatted as text, and a member whose bytes are those of the
# previous deck's (the master, layouts, themes) reuses its compressed data.
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
SPECIAL = re.compile(r'[&<>"\n\r\t]')  # what an attribute value needs escaped
_compressed: dict[str, Payload] = {}  # member -> its payload in the last deck


def package_bytes(package) -> bytes:
    """The .pptx bytes of `package`: what Presentation.save writes, with entries dated 1980-01-01."""
    return zip_bytes([(name, _payload(name, blob)) for name, blob in members(package)])


def members(package):
    """(member name, bytes) in python-pptx's order: content types, package rels, each part and its rels."""
    parts = tuple(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, content_types_xml(parts)
    yield PACKAGE_URI.rels_uri.membername, rels_xml(package._rels)
    for part in parts:
        yield part.partname.membername, part.blob
        if part._rels:
            yield part.partname.rels_uri.membername, rels_xml(part.rels)


def content_types_xml(parts) -> bytes:
    """[Content_Types].xml, byte for byte as python-pptx serializes it: defaults by extension, then overrides."""
    defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides
    items = [f"<Default Extension={_attribute(ext)} ContentType={_attribute(kind)}/>"
             for ext, kind in sorted(defaults.items())]
    items += [f"<Override PartName={_attribute(str(name))} ContentType={_attribute(kind)}/>"
              for name, kind in sorted(overrides.items())]
    return (f'{DECLARATION}<Types xmlns="{TYPES_NS}">' + "".join(items) + "</Types>").encode()


def rels_xml(rels) -> bytes:
    """A .rels file, byte for byte as python-pptx serializes it: relationships in rId number order."""
    def order(rId: str) -> tuple[int, str]:
        return int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0, rId

    items = "".join(_relationship(rels[rId]) for rId in sorted(rels.keys(), key=order))
    opening = f'<Relationships xmlns="{RELS_NS}"'
    body = f"{opening}>{items}</Relationships>" if items else f"{opening}/>"
    return (DECLARATION + body).encode()


def _relationship(rel) -> str:
    mode = ' TargetMode="External"' if rel.is_external else ""
    return (f"<Relationship Id={_attribute(rel.rId)} Type={_attribute(rel.reltype)} "
            f"Target={_attribute(rel.target_ref)}{mode}/>")


def _attribute(value: str) -> str:
    """An attribute value as lxml writes it: in double quotes, with &, <, >, " and control whitespace escaped."""
    if not SPECIAL.search(value):
        return f'"{value}"'
    return quoteattr(value, {'"': "&quot;"})  # with " escaped, quoteattr always picks double quotes


def _payload(name: str, blob: bytes) -> Payload:
    """The member compressed; reused when it is unchanged since the last deck (master, layouts, theme)."""
    cached = _compressed.get(name)
    if cached is None or cached.data != blob:
        cached = _compressed[name] = Payload.of(blob)
    return cached
