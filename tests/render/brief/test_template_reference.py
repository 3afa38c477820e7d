"""docs/template-variables.md: generated from the context types, current, and its loop example works."""

from __future__ import annotations

import re

import docx
from docxtpl import DocxTemplate

from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.context import brief_context
from pipeline.render.brief.reference import reference, undescribed
from pipeline.render.brief.template import CONTEXT_NAMES
from pipeline.render.office.word_template import environment
from pipeline.templates import SHIPPED
from tests.paths import ROOT
from tests.render.brief.test_brief_helpers import body_text, example

PAGE = ROOT / "docs" / "template-variables.md"


def test_the_committed_page_is_what_the_context_types_give():
    assert PAGE.read_text(encoding="utf-8") == reference(), \
        "run: python -m pipeline.render.brief.reference > docs/template-variables.md"


def test_every_variable_of_the_context_is_described():
    assert undescribed() == []
    listed = set(re.findall(r"^\| `(\w+)` \|", PAGE.read_text(encoding="utf-8"), re.MULTILINE))
    assert listed == CONTEXT_NAMES


def test_every_variable_the_shipped_template_uses_is_on_the_page():
    used = DocxTemplate(str(SHIPPED / "brief" / "brief.docx")).get_undeclared_template_variables(
        jinja_env=environment())
    listed = set(re.findall(r"^\| `(\w+)` \|", PAGE.read_text(encoding="utf-8"), re.MULTILINE))
    assert used and used <= listed


def test_the_pages_loop_example_gives_one_paragraph_pair_per_objection_and_no_blank_ones(tmp_path):
    example_block = re.search(r"```\n(\{%p for o in objections %\}.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    document = docx.Document()
    document.add_paragraph("{{ customer }}")
    for line in example_block.group(1).strip().split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "loop.docx"
    document.save(str(path))
    analysis = example("xyz-atm-network")
    objections = brief_context(analysis, "middle").objections
    assert objections
    lines = body_text(render_briefs(analysis, path)["middle"]).split("\n")
    expected = [analysis.deal.customer.name] + [text for o in objections for text in (o.objection, o.answer)]
    assert lines == expected
