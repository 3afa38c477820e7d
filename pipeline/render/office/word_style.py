"""A Word document without `{{ }}` fields is a style reference (pandoc's convention).

Most companies have a Word document with their styles, page set-up, headers and footers,
never a template with fields. Such a reference becomes a template here: its package keeps
everything of its own (styles, theme, numbering, settings, page set-up, headers, footers)
and its body is replaced by the body of our shipped template, fields and all, with each
style we use mapped to the reference's style of the same name. What the reference lacks
is documented in docs/word-templates.md:

- a style the reference has under the same name (case aside: Word writes 'heading 1',
  python-docx 'Heading 1') is used as it is, fonts and all;
- a style it lacks is copied from ours, based on the reference's Normal (paragraphs) or
  default table style, without our fonts and list numbering, so the reference's fonts show;
- a header or footer it lacks is ours; its own are kept.

The result is an ordinary docxtpl template: it is checked, prepared and rendered like any other.
"""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from pipeline.render.office.zipwriter import Payload, zip_bytes

W_STYLE, W_NAME, W_BASED_ON, W_NEXT, W_LINK = (qn(t) for t in ("w:style", "w:name", "w:basedOn", "w:next", "w:link"))
W_P, W_T, W_SECTPR, W_PPR, W_RPR = (qn(t) for t in ("w:p", "w:t", "w:sectPr", "w:pPr", "w:rPr"))
STYLE_ID, STYLE_TYPE, DEFAULT, VAL = qn("w:styleId"), qn("w:type"), qn("w:default"), qn("w:val")
REFERENCES = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
OURS_ONLY = (qn("w:rFonts"), qn("w:numPr"), qn("w:rsid"))  # left out of a style copied into a reference
FIELD_MARKS = ("{{", "{%", "{#")
LOOK = (RT.STYLES, RT.NUMBERING, RT.FONT_TABLE, RT.THEME, RT.SETTINGS)  # the parts that make a document's look


def has_fields(document) -> bool:
    """Whether any paragraph of the body, a header or a footer holds a Jinja field or tag."""
    return any(mark in text for text in paragraph_texts(document) for mark in FIELD_MARKS)


def paragraph_texts(document):
    """The text of every paragraph (runs joined: Word splits a field over runs) of the body, headers, footers."""
    for root in (document.element.body, *(part.element for part in header_footer_parts(document))):
        for p in root.iter(W_P):
            yield "".join(t.text or "" for t in p.iter(W_T))


def header_footer_parts(document) -> list:
    return [rel.target_part for rel in document.part.rels.values()
            if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external]


def has_styles(document) -> bool:
    """Whether the document has a styles part of its own defining a paragraph style."""
    related = [rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.STYLES]
    return bool(related) and any(s.get(STYLE_TYPE) == "paragraph" for s in document.styles.element.iter(W_STYLE))


def styled(reference, ours: bytes) -> bytes:
    """The reference document (python-docx) with our template's body, header and footer: a docxtpl template."""
    template = docx.Document(io.BytesIO(ours))
    mapping = map_styles(template.styles.element, reference.styles.element)
    body = reference.element.body
    section = body.find(W_SECTPR)
    for child in list(body):
        if child is not section:
            body.remove(child)
    for child in template.element.body:
        if child.tag == W_SECTPR:
            continue
        element = _remapped(copy.deepcopy(child), mapping)
        for inner in element.iter(W_SECTPR):  # a section break of ours would bring our page set-up
            inner.getparent().remove(inner)
        if section is None:
            body.append(element)
        else:
            section.addprevious(element)
    for kind in ("header", "footer"):
        theirs = getattr(reference.sections[0], kind)
        if theirs.is_linked_to_previous:  # the first section has none of its own: ours
            theirs.is_linked_to_previous = False
            _replace_content(theirs._element, getattr(template.sections[0], kind)._element, mapping)
    buffer = io.BytesIO()
    reference.save(buffer)
    return buffer.getvalue()


def _replace_content(into, source, mapping: dict[str, str]) -> None:
    for child in list(into):
        into.remove(child)
    for child in source:
        into.append(_remapped(copy.deepcopy(child), mapping))


def _remapped(element, mapping: dict[str, str]):
    for tag in REFERENCES:
        for ref in element.iter(tag):
            if ref.get(VAL) in mapping:
                ref.set(VAL, mapping[ref.get(VAL)])
    return element


def map_styles(ours, theirs) -> dict[str, str]:
    """Our style id -> the reference's, for every style of ours; the ones it lacks are copied into it."""
    by_name = {(_type(s), _name(s)): s.get(STYLE_ID) for s in theirs.iter(W_STYLE)}
    taken = {s.get(STYLE_ID) for s in theirs.iter(W_STYLE)}
    defaults = {_type(s): s.get(STYLE_ID) for s in theirs.iter(W_STYLE) if s.get(DEFAULT) in ("1", "true", "on")}
    mapping: dict[str, str] = {}
    missing = []
    for style in ours.iter(W_STYLE):
        found = by_name.get((_type(style), _name(style)))
        if found is not None:
            mapping[style.get(STYLE_ID)] = found
        else:
            missing.append(style)
    for style in missing:  # ids first, so that a copied style's basedOn can name another copied one
        new_id = style.get(STYLE_ID)
        while new_id in taken:
            new_id = "Dealdocs" + new_id
        taken.add(new_id)
        mapping[style.get(STYLE_ID)] = new_id
    for style in missing:
        theirs.append(_copied(style, mapping, defaults))
    return mapping


def _copied(style, mapping: dict[str, str], defaults: dict[str, str]):
    """Our style as the reference's: renamed id, based on its own styles, without our fonts or numbering."""
    copied = copy.deepcopy(style)
    copied.set(STYLE_ID, mapping[style.get(STYLE_ID)])
    copied.attrib.pop(DEFAULT, None)
    for tag in OURS_ONLY:
        for element in list(copied.iter(tag)):
            element.getparent().remove(element)
    for link in list(copied.iter(W_LINK)):
        copied.remove(link)
    based = copied.find(W_BASED_ON)
    default = defaults.get(_type(style))
    if based is not None:
        target = mapping.get(based.get(VAL), default)
        if target is None or target == copied.get(STYLE_ID):
            copied.remove(based)
        else:
            based.set(VAL, target)
    elif default is not None and default != copied.get(STYLE_ID):
        name = copied.find(W_NAME)
        anchor = name if name is not None else None
        element = etree.Element(W_BASED_ON)
        element.set(VAL, default)
        if anchor is not None:
            anchor.addnext(element)
        else:
            copied.insert(0, element)
    following = copied.find(W_NEXT)
    if following is not None:
        following.set(VAL, mapping.get(following.get(VAL), following.get(VAL)))
    return copied


def _type(style) -> str:
    return style.get(STYLE_TYPE) or "paragraph"


def _name(style) -> str:
    name = style.find(W_NAME)
    return (name.get(VAL) if name is not None else style.get(STYLE_ID) or "").casefold()


def worn(blob: bytes, source: bytes) -> bytes:
    """The Word package `blob` wearing the look of `source`: its styles, numbering, fonts, theme and
    settings parts (each found through the main document's relationships, in both packages); every
    other part, the body first, its own. How the shipped proposal template follows the brief's."""
    with zipfile.ZipFile(io.BytesIO(blob)) as ours, zipfile.ZipFile(io.BytesIO(source)) as theirs:
        mine, looks = _look_parts(ours), _look_parts(theirs)
        taken = {name: looks[kind] for kind, name in mine.items() if kind in looks}
        return zip_bytes([(info.filename, Payload.of(theirs.read(taken[info.filename]) if info.filename in taken
                                                     else ours.read(info))) for info in ours.infolist()])


def _look_parts(package) -> dict[str, str]:
    """Relationship type -> part name, for the look parts of the package's main document."""
    main = _targets(package, "_rels/.rels", "")[RT.OFFICE_DOCUMENT]
    folder = posixpath.dirname(main)
    rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    return {kind: name for kind, name in _targets(package, rels, folder).items() if kind in LOOK}


def _targets(package, rels: str, folder: str) -> dict[str, str]:
    found = {}
    for rel in etree.fromstring(package.read(rels)):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.setdefault(rel.get("Type"), name)
    return found
