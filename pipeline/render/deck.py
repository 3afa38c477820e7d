"""The training deck: the method taught slide by slide, with one deal as the worked example.

`render_deck` opens the (cached) master, checks it has the layouts the deck needs,
adds the slides in the method's order and returns the .pptx bytes. Core
properties come from the deal, never from the clock, and the zip entries are dated
1980-01-01, so the same analysis gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import sys
import zlib
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

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
    return package_bytes(prs.part.package)


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
DOS_DATE, DOS_TIME = (0 << 9) | (1 << 5) | 1, 0  # 1980-01-01 00:00:00, as pipeline.reproducible pins dates
CREATE_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile's choice
_compressed: dict[str, tuple[bytes, int, bytes]] = {}  # member -> (its bytes, CRC, deflated), from the last deck


def package_bytes(package) -> bytes:
    """The .pptx bytes of `package`: what Presentation.save writes, with entries dated 1980-01-01."""
    out, central = io.BytesIO(), []
    for name, blob in members(package):
        central.append(_entry(out, name, blob))
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


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


def _entry(out, name: str, blob: bytes) -> bytes:
    """Write one member's local header and data; its central directory record (zipfile's layout, no zip64)."""
    crc, data = _deflated(name, blob)
    try:
        encoded, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        encoded, flags = name.encode("utf-8"), 0x800
    offset = out.tell()
    out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, flags, zlib.DEFLATED, DOS_TIME, DOS_DATE, crc,
                          len(data), len(blob), len(encoded), 0))
    out.write(encoded)
    out.write(data)
    return struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, CREATE_SYSTEM, 20, 0, flags, zlib.DEFLATED, DOS_TIME,
                       DOS_DATE, crc, len(data), len(blob), len(encoded), 0, 0, 0, 0, 0o600 << 16, offset) + encoded


def _deflated(name: str, blob: bytes) -> tuple[int, bytes]:
    """CRC and deflated bytes, as zipfile makes them; reused when the member is unchanged since the last deck."""
    cached = _compressed.get(name)
    if cached is not None and cached[0] == blob:
        return cached[1], cached[2]
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(blob) + compressor.flush()
    _compressed[name] = (blob, zlib.crc32(blob), data)
    return _compressed[name][1], data
