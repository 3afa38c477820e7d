"""The fast way to fill the brief template: docxtpl's work done once per template, not per brief.

docxtpl re-opens the .docx with python-docx, patches its XML with regexes and
compiles it for every brief; python-docx then re-serialises and re-zips every part.
Here `prepare` does that work once per template: docxtpl patches the XML of the body,
headers, footers and footnotes, Jinja compiles each, and every other part is kept as
the compressed bytes python-docx would save. `render_fast` then renders the Jinja
parts, applies docxtpl's post-render fixes, adds the chart parts and writes the zip,
giving the document docxtpl and python-docx would have given.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import jinja2
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from pipeline.errors import TemplateError
from pipeline.render.office.docx_chart import (
    CHART_PARTNAME,
    WORKBOOK_PARTNAME,
    ChartBlobs,
)
from pipeline.render.office.docx_package import (
    Part,
    Rel,
    next_partname,
    next_rid,
    package_bytes,
)
from pipeline.render.office.zipwriter import Payload
from pipeline.words.messages import say

DOCXTPL = DocxTemplate(None)  # for its XML helpers only (patch_xml, resolve_listing, fix_tables): pure functions
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # the ones docxtpl renders
DOC_PR = qn("wp:docPr")
FIRST_DOC_PR_ID = 1001  # docxtpl renumbers the body's drawings from here
PARAGRAPH = re.compile(r"<w:p([ >])")
W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
TABLE, GRID = qn("w:tbl"), qn("w:tblGrid")
GRID_COLUMNS = etree.XPath("count(w:tblGrid/w:gridCol)", namespaces=W)
WIDER_ROW = etree.XPath(".//w:tr[count(w:tc) > $columns]", namespaces=W, smart_strings=False)  # as fix_tables,
FULL_PLAIN_ROW = etree.XPath(".//w:tr[count(w:tc) = $columns and not(w:tc/w:tcPr/w:gridSpan)]",  # nested rows too
                             namespaces=W, smart_strings=False)
LISTING = "\t\a\n\f"  # what docxtpl's resolve_listing turns into tabs, paragraphs, breaks and pages


@dataclass(frozen=True)
class JinjaPart:
    """A part docxtpl renders: the document body ("body"), a header or footer ("xml"), footnotes ("raw")."""

    partname: str
    kind: str
    template: jinja2.Template = field(repr=False)


@dataclass(frozen=True)
class FastTemplate:
    path: Path
    package_rels: tuple[Rel, ...]
    parts: dict[str, Part] = field(repr=False)
    jinja_parts: tuple[JinjaPart, ...]  # in docxtpl's order: body, headers, footers, footnotes
    shell: etree._Element = field(repr=False)  # the w:document element with an empty body
    core: str
    properties: tuple[tuple[str, jinja2.Template], ...] = field(repr=False)


def fast_path_problem(document) -> str | None:
    """Why docxtpl would render this template differently from `render_fast`; None if it would not."""
    if footnote_parts(document) and len(document.sections) != 1:
        return "footnotes in a document of other than one section (docxtpl renders them once per section)"
    return None


def prepare(path: Path, document, env: jinja2.Environment) -> FastTemplate:
    """The template `document` (python-docx, not rendered) ready for `render_fast`."""
    core = document.core_properties  # python-docx adds a default core part here when there is none
    package = document.part.package
    parts = {str(p.partname): Part(str(p.partname), p.content_type, Payload.of(p.blob), rels_of(p))
             for p in package.iter_parts()}
    try:
        jinja_parts = tuple(JinjaPart(name, kind, env.from_string(source)) for name, kind, source in sources(document))
        properties = tuple((name, env.from_string(getattr(core, name))) for name in PROPERTIES)
    except jinja2.TemplateError as exc:
        raise TemplateError(say("word_problem", what=say("word_brief_template"), path=path, problem=exc)) from exc
    core_name = next(rel.target for rel in rels_of(package) if rel.reltype == RT.CORE_PROPERTIES)
    return FastTemplate(path, rels_of(package), parts, jinja_parts, shell_of(document), core_name, properties)


def rels_of(source) -> tuple[Rel, ...]:
    return tuple(Rel(rel.rId, rel.reltype, rel.target_ref if rel.is_external else str(rel.target_part.partname),
                     rel.is_external) for rel in source.rels.values())


def sources(document):
    """(partname, kind, Jinja source) of each part docxtpl renders, as docxtpl patches it."""
    body = DOCXTPL.patch_xml(etree.tostring(document.element.body, encoding="unicode"))
    yield str(document.part.partname), "body", jinja_source(body)
    for reltype in (RT.HEADER, RT.FOOTER):
        for rel in document.part.rels.values():
            if rel.reltype == reltype and not rel.is_external and rel.target_part.blob:
                part = rel.target_part
                yield str(part.partname), "xml", jinja_source(DOCXTPL.patch_xml(DOCXTPL.get_part_xml(part)))
    for part in footnote_parts(document):
        yield str(part.partname), "raw", jinja_source(DOCXTPL.patch_xml(part.blob.decode("utf-8")))


def jinja_source(xml: str) -> str:
    """A line per paragraph, as docxtpl compiles it (trim_blocks then eats a block tag's line end)."""
    return PARAGRAPH.sub(r"\n<w:p\1", xml)


def footnote_parts(document) -> list:
    return [part for part in document.part.package.iter_parts() if part.content_type == CT.WML_FOOTNOTES]


def shell_of(document) -> etree._Element:
    shell = copy.deepcopy(document.element)
    body = shell.find(qn("w:body"))
    for child in list(body):
        body.remove(child)
    return shell


# --- one brief ---------------------------------------------------------------------


class ChartSink:
    """The parts of one brief, to which charts are added, related to the part being rendered."""

    def __init__(self, parts: dict[str, Part]):
        self.parts = dict(parts)
        self.source = ""

    def place(self, blobs: ChartBlobs) -> str:
        """Add a chart and its workbook; return the id of the relationship from the current part."""
        chart_payload, workbook_payload = chart_payloads(blobs)
        chart = next_partname(CHART_PARTNAME, set(self.parts))
        workbook = next_partname(WORKBOOK_PARTNAME, set(self.parts))
        self.parts[workbook] = Part(workbook, CT.SML_SHEET, workbook_payload)
        self.parts[chart] = Part(chart, CT.DML_CHART, chart_payload, (Rel("rId1", RT.PACKAGE, workbook),))
        source = self.parts[self.source]
        rid = next_rid(source.rels)
        self.parts[self.source] = replace(source, rels=source.rels + (Rel(rid, RT.CHART, chart),))
        return rid

    def set_blob(self, partname: str, blob: bytes) -> None:
        self.parts[partname] = replace(self.parts[partname], payload=Payload.of(blob))


@functools.lru_cache(maxsize=64)
def chart_payloads(blobs: ChartBlobs) -> tuple[Payload, Payload]:
    """A chart's parts compressed once: the briefs of a deal share their charts."""
    return Payload.of(blobs.chart_xml), Payload.of(blobs.workbook)


def render_fast(template: FastTemplate, variables: dict, sink: ChartSink,
                set_properties: Callable[[object], None]) -> bytes:
    """The .docx of `template` filled with `variables`; `sink` holds the template's parts and takes
    the charts; `set_properties` finishes the core properties. Raises jinja2 errors as they come."""
    for part in template.jinja_parts:
        if part.kind != "raw":
            render_into(sink, template, part, variables)
    sink.set_blob(template.core, core_properties(template, variables, set_properties))
    for part in template.jinja_parts:
        if part.kind == "raw":  # docxtpl renders footnotes after the core properties
            render_into(sink, template, part, variables)
    return package_bytes(template.package_rels, sink.parts)


def render_into(sink: ChartSink, template: FastTemplate, part: JinjaPart, variables: dict) -> None:
    sink.source = part.partname  # the part a chart rendered now belongs to
    sink.set_blob(part.partname, render_part(template, part, variables))


def render_part(template: FastTemplate, part: JinjaPart, variables: dict) -> bytes:
    xml = after_render(part.template.render(variables))
    if part.kind == "body":
        return body_xml(template.shell, fixed_tables(xml))
    if part.kind == "xml":
        return serialize_part_xml(parse_xml(xml.encode("utf-8")))  # as python-docx loads and saves a header
    return xml.encode("utf-8")


def after_render(xml: str) -> str:
    """docxtpl's fixes after Jinja: paragraphs joined again, escaped tags restored, listings resolved.
    Plain `in` and `replace` instead of its regular expressions: a brief is mostly Chinese, where
    Python's `re` scans slowly; each step is skipped when it would change nothing."""
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # its r"\n<w:p([ >])"
    if "{_" in xml or "_}" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return DOCXTPL.resolve_listing(xml) if any(c in xml for c in LISTING) else xml


def fixed_tables(xml: str) -> etree._Element:
    """The rendered body parsed as docxtpl parses it, with its `fix_tables` applied where it would
    change something (its per-cell Python loop is most of a brief's time, and rarely needed)."""
    try:
        body = etree.fromstring(xml)  # lxml's default parser: a quarter faster than a new recovering one
    except etree.XMLSyntaxError:
        return DOCXTPL.fix_tables(xml)  # docxtpl recovers what it can of broken XML
    return body if all(table_is_regular(table) for table in body.iter(TABLE)) else DOCXTPL.fix_tables(xml)


def table_is_regular(table: etree._Element) -> bool:
    """True when `fix_tables` leaves the table as it is: no row has more cells than the grid has
    columns, and some row without merged cells fills the grid exactly."""
    columns = int(GRID_COLUMNS(table))
    return (len(table.findall(GRID)) == 1 and columns > 0 and not WIDER_ROW(table, columns=columns)
            and bool(FULL_PLAIN_ROW(table, columns=columns)))


def body_xml(shell: etree._Element, body: etree._Element) -> bytes:
    """The document part with the rendered body, its drawings numbered as docxtpl numbers them."""
    for number, doc_pr in enumerate(body.iter(DOC_PR), start=FIRST_DOC_PR_ID):
        doc_pr.set("id", str(number))
    document = copy.deepcopy(shell)
    document.replace(document.find(qn("w:body")), body)
    return serialize_part_xml(document)


def core_properties(template: FastTemplate, variables: dict, set_properties: Callable[[object], None]) -> bytes:
    """The template's core properties rendered as docxtpl renders them, then finished by the caller."""
    part = CorePropertiesPart.load(PackURI(template.core), CT.OPC_CORE_PROPERTIES,
                                   template.parts[template.core].payload.data, None)
    properties = part.core_properties
    for name, compiled in template.properties:
        setattr(properties, name, compiled.render(variables))
    set_properties(properties)
    return part.blob
