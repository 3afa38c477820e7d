"""Shared helpers of the brief tests (no tests here): analyse an example deal, read a brief back."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from pipeline.analysis.analyze import analyze
from pipeline.analysis.results import Analysis
from pipeline.load.deal import load_deal
from pipeline.load.model import AUDIENCE_OF_LEVEL, Deal
from pipeline.render.brief.briefs import render_with_docxtpl
from pipeline.render.brief.context import brief_contexts
from pipeline.render.brief.template import load_brief_template
from pipeline.render.office.zipwriter import pin_zip_dates
from tests.paths import ROOT

INPUTS = ROOT / "inputs"


@functools.lru_cache(maxsize=None)
def example(name: str) -> Analysis:
    return analyze(load_deal(INPUTS / f"{name}.yaml")[0])


def analysis_of(deal: Deal) -> Analysis:
    return analyze(deal)


def docxtpl_briefs(analysis: Analysis, template: Path | None = None) -> dict[str, bytes]:
    """The briefs as docxtpl and python-docx make them (the fast path's reference), dates pinned."""
    loaded = load_brief_template(template)
    return {level: pin_zip_dates(render_with_docxtpl(loaded, context, analysis.deal))
            for level, context in brief_contexts(analysis).items()}


def open_docx(blob: bytes):
    return docx.Document(io.BytesIO(blob))


def paragraph_text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def body_lines(blob: bytes) -> list[str]:
    """Every paragraph of the body, tables included, in document order."""
    body = open_docx(blob).element.body
    return [paragraph_text(p) for p in body.iter(qn("w:p"))]


def body_text(blob: bytes) -> str:
    return "\n".join(body_lines(blob))


def header_text(blob: bytes) -> str:
    document = open_docx(blob)
    return "\n".join(p.text for p in document.sections[0].header.paragraphs)


def table_with_header(blob: bytes, first_heading: str) -> list[list[str]]:
    """The rows (header first) of the table whose first header cell reads `first_heading`."""
    for table in open_docx(blob).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and rows[0][0] == first_heading:
            return rows
    raise AssertionError(f"no table headed {first_heading!r}")


def contacts_at(deal: Deal, audience: str) -> set[str]:
    return {c.name for c in deal.chain.customer if AUDIENCE_OF_LEVEL[c.level] == audience}


def part_names(blob: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(blob)).namelist()


def part(blob: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(blob)).read(name)
