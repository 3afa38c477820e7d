"""No judgement in a template: the deck's Jinja blocks and the Word templates' tags arrange what
the analysis decided, they never compare a figure themselves.

A static check over every shipped template (templates/**/*.j2, the fields of the brief and
proposal .docx): no comparison, and no max/min/sort filter, reads a score, index, margin, lead,
weight, strength or change. Branching on a verdict the analysis wrote (`position ==
"advantage"`, `kind == "price"`) is arranging, not judging, and is allowed.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import jinja2
from jinja2 import nodes

from tests.paths import ROOT

TEMPLATES = ROOT / "templates"
# What a figure is called anywhere in the analysis a template reads.
FIGURES = {"scores", "score", "margin", "margins", "weighted_total", "in_3_years", "ours", "theirs", "index",
           "lead", "leaders", "weight", "strength", "influence", "delta", "gap", "gaps", "target", "contribution",
           "payback_months", "change_pct", "amount"}
ORDERING = {"eq", "ne", "gt", "gteq", "lt", "lteq"}
JUDGING_FILTERS = {"max", "min", "sort"}
WORD_TAG = re.compile(r"\{%\s*(p|tr|tc|r)\s")
XML_TAG = re.compile(r"<[^>]+>")


def names_in(node: nodes.Node) -> set[str]:
    """The names, attributes and constant keys an expression reads."""
    found = set()
    for part in [node, *node.find_all(nodes.Node)]:
        if isinstance(part, nodes.Name):
            found.add(part.name)
        elif isinstance(part, nodes.Getattr):
            found.add(part.attr)
        elif isinstance(part, nodes.Const) and isinstance(part.value, str):
            found.add(part.value)
    return found


def judgements(source: str) -> list[str]:
    """Every comparison or sorting filter of a template that reads a figure."""
    tree = jinja2.Environment().parse(source)
    found = []
    for compare in tree.find_all(nodes.Compare):
        if any(op.op in ORDERING for op in compare.ops) and FIGURES & names_in(compare):
            found.append(f"line {compare.lineno}: comparison of {sorted(FIGURES & names_in(compare))}")
    for flt in tree.find_all(nodes.Filter):
        read = set().union(*(names_in(n) for n in [flt.node, *flt.args, *(k.value for k in flt.kwargs)] if n))
        if flt.name in JUDGING_FILTERS and FIGURES & read:
            found.append(f"line {flt.lineno}: |{flt.name} over {sorted(FIGURES & read)}")
    return found


def word_template_source(path: Path) -> str:
    """The Jinja a Word template holds: its parts' text with the XML removed and docxtpl's
    paragraph, row, cell and run tags ({%p …%}) read as plain tags."""
    with zipfile.ZipFile(path) as package:
        parts = [n for n in package.namelist() if n.startswith("word/") and n.endswith(".xml")]
        text = "".join(XML_TAG.sub("", package.read(n).decode("utf-8")) for n in sorted(parts))
    return WORD_TAG.sub("{% ", text.replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
                        .replace("&lt;", "<").replace("&gt;", ">").replace("\u201c", '"').replace("\u201d", '"'))


def shipped_templates() -> list[tuple[str, str]]:
    found = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted(TEMPLATES.rglob("*.j2"))]
    found += [(str(p.relative_to(ROOT)), word_template_source(p)) for p in sorted(TEMPLATES.rglob("*.docx"))]
    return found


def test_the_shipped_templates_are_all_read():
    names = [name for name, _ in shipped_templates()]
    assert "templates/deck/zh/slides.j2" in names and "templates/deck/en/slides.j2" in names
    assert "templates/brief/brief.docx" in names and "templates/proposal/proposal.docx" in names
    assert all("{{" in source for _, source in shipped_templates())


def test_no_shipped_template_compares_a_figure():
    found = [f"{name}: {what}" for name, source in shipped_templates() for what in judgements(source)]
    assert found == []


def test_the_check_finds_a_template_that_compares_a_margin():
    # the template that judged before: 领先最少的是…（0.0） at a tie, 我方最大优势在…（-22.0） when behind
    judging = ('{% block t %}我方最大优势在{{ s }}，{% if margins[weakest] < 0 %}最需补强的是{% else %}'
               '领先最少的是{% endif %}{{ w }}{% endblock %}')
    assert judgements(judging) == ["line 1: comparison of ['margins']"]
    assert judgements('{% if s.lead == "us" %}领先{% endif %}') == ["line 1: comparison of ['lead']"]
    assert judgements("{{ (items | sort(attribute='margin'))[0] }}") == ["line 1: |sort over ['margin']"]
    assert judgements('{% if position == "advantage" %}领先{% endif %}') == []


def test_the_check_reads_a_word_templates_tags(tmp_path):
    document = ('<w:document><w:body><w:p><w:r><w:t>{%p if claim.margin &gt; 5 %}</w:t></w:r></w:p>'
                '<w:p><w:r><w:t>strong</w:t></w:r></w:p><w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>'
                '</w:body></w:document>')
    path = tmp_path / "judging.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", document)
    assert judgements(word_template_source(path)) == ["line 1: comparison of ['margin']"]
