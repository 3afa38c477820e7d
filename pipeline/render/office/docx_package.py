"""An OPC package written as python-docx writes it, from parts already held as bytes.

The fast brief path keeps a template's parts as bytes and adds the rendered ones;
this module puts them in python-docx's order (a depth-first walk of the
relationships, each part followed by its .rels), derives [Content_Types].xml the
way python-docx does, and writes the zip itself: unchanged parts are compressed
once per template, every entry is dated 1980-01-01, so the same parts always give
the same bytes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator, Mapping

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import CT_Relationships, CT_Types, serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.spec import default_content_types

from pipeline.render.office.zipwriter import Payload, zip_bytes

PACKAGE = "/"


@dataclass(frozen=True)
class Rel:
    """A relationship; `target` is a partname, or a URL when `external`."""

    rid: str
    reltype: str
    target: str
    external: bool = False


@dataclass(frozen=True)
class Part:
    partname: str
    content_type: str
    payload: Payload
    rels: tuple[Rel, ...] = ()


def package_bytes(package_rels: tuple[Rel, ...], parts: Mapping[str, Part]) -> bytes:
    """The .docx of the parts reachable from `package_rels`, as python-docx would save it."""
    ordered = list(walk(package_rels, parts))
    members = [("[Content_Types].xml", content_types(tuple((p.partname, p.content_type) for p in ordered))),
               ("_rels/.rels", rels_xml(PACKAGE, package_rels))]
    for part in ordered:
        members.append((part.partname[1:], part.payload))
        if part.rels:
            members.append((PackURI(part.partname).rels_uri.membername, rels_xml(part.partname, part.rels)))
    return zip_bytes(members)


def walk(rels: tuple[Rel, ...], parts: Mapping[str, Part], seen: set[str] | None = None) -> Iterator[Part]:
    """Each part once, depth first in relationship order (python-docx's `iter_parts`)."""
    seen = set() if seen is None else seen
    for rel in rels:
        if rel.external or rel.target in seen:
            continue
        seen.add(rel.target)
        part = parts[rel.target]
        yield part
        yield from walk(part.rels, parts, seen)


@functools.lru_cache(maxsize=256)
def rels_xml(source: str, rels: tuple[Rel, ...]) -> Payload:
    """The .rels of `source`; targets relative to its folder."""
    base = PackURI(source).baseURI
    element = CT_Relationships.new()
    for rel in rels:
        element.add_rel(rel.rid, rel.reltype, rel.target if rel.external else PackURI(rel.target).relative_ref(base),
                        rel.external)
    return Payload.of(element.xml)


@functools.lru_cache(maxsize=64)
def content_types(parts: tuple[tuple[str, str], ...]) -> Payload:
    """A Default for an extension with its usual type, an Override for every other part (sorted)."""
    defaults, overrides = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}, {}
    for partname, content_type in parts:
        ext = PackURI(partname).ext
        if (ext.lower(), content_type) in default_content_types:
            defaults[ext.lower()] = content_type
        else:
            overrides[partname] = content_type
    types = CT_Types.new()
    for ext in sorted(defaults):
        types.add_default(ext, defaults[ext])
    for partname in sorted(overrides):
        types.add_override(partname, overrides[partname])
    return Payload.of(serialize_part_xml(types))


def next_partname(template: str, used: set[str]) -> str:
    """The first `template % n` not in `used` (python-docx's `next_partname`)."""
    return next(template % n for n in range(1, len(used) + 2) if template % n not in used)


def next_rid(rels: tuple[Rel, ...]) -> str:
    """The first free rId of a part (python-docx's `_next_rId`)."""
    taken = {rel.rid for rel in rels}
    return next(f"rId{n}" for n in range(1, len(rels) + 2) if f"rId{n}" not in taken)
