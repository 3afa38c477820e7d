"""Briefs and proposals paginate: headings keep with what follows, a chart with its caption, a table's
header row repeats on every page and its rows do not split, widow and orphan control is on, and the
brief's last section (the meeting's goals) stays together. All of it in the templates' styles and
paragraph settings, where a designer sees and changes it in Word."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.proposals import render_proposals
from tests.paths import ROOT
from tests.render.brief.test_brief_helpers import example

EXAMPLES = ("xyz-atm-network", "northbank-branch-network", "city-medical-insurance")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    out = {}
    for name in EXAMPLES:
        analysis = example(name)
        out.update({f"{name}/brief-{k}": v for k, v in render_briefs(analysis).items()})
        out.update({f"{name}/proposal-{k}": v for k, v in render_proposals(analysis).items()})
    return out


def keeps_with_next(paragraph) -> bool:
    """Keep with next, set on the paragraph or on its style or a style it is based on."""
    if paragraph.paragraph_format.keep_with_next is not None:
        return paragraph.paragraph_format.keep_with_next
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return style.paragraph_format.keep_with_next
        style = style.base_style
    return False


@pytest.mark.parametrize("template", ["brief/brief.docx", "proposal/proposal.docx"])
def test_the_templates_styles_turn_widow_control_on_and_keep_headings_with_what_follows(template):
    styles = docx.Document(str(ROOT / "templates" / template)).styles
    assert styles["Normal"].paragraph_format.widow_control is True  # every style is based on it
    for name in ("Heading 1", "Heading 2", "Table Heading"):
        assert styles[name].paragraph_format.keep_with_next is True, name
    assert styles["Caption"].paragraph_format.keep_together is True


def test_every_heading_and_chart_keeps_with_the_paragraph_after_it(documents):
    charts = 0
    for name, data in documents.items():
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        for n, p in enumerate(paragraphs[:-1]):
            if p.style.name.startswith("Heading"):
                assert keeps_with_next(p), (name, p.text)
            if p._p.find(f".//{C}chart") is not None:  # a chart, and under it its caption
                charts += 1
                assert keeps_with_next(p) and paragraphs[n + 1].style.name == "Caption", name
    assert charts >= 8


def test_every_tables_header_row_repeats_and_no_row_splits_across_pages(documents):
    tables = 0
    for name, data in documents.items():
        body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
        for table in body.iter(f"{W}tbl"):
            tables += 1
            head, *rows = table.findall(f"{W}tr")
            assert head.find(f"{W}trPr/{W}tblHeader") is not None, name
            assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows), name
    assert tables >= 20


def test_the_briefs_last_section_keeps_together(documents):
    for name, data in documents.items():
        if "/brief-" not in name:
            continue
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        last = max(n for n, p in enumerate(paragraphs) if p.style.name == "Heading 1")
        goals = [p for p in paragraphs[last + 1:] if p.text.strip()]
        assert goals and all(keeps_with_next(p) for p in goals[:-1]), name
