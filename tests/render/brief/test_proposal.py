"""The three customer-facing proposals of every example deal, read back as the customer gets them.

The examples are built once through the whole build (as `make proposals` does); each
proposal is opened with python-docx, and what it must say is computed here from the
deal file and analysis.json, not from the code that wrote it.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from lxml import etree

from pipeline.batch import build_all

from pipeline.build import Options
from pipeline.load.model import AUDIENCES
from tests.conftest import EXAMPLES
from tests.paths import ROOT

C = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
IDS = [path.stem for path in EXAMPLES]
LINE_BREAK = re.compile(r"[ \t]*\n\s*")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("proposals")
    summary = build_all([str(p) for p in EXAMPLES], Options(out_dir=out), jobs=1)
    assert summary.ok, [line for o in summary.outcomes for line in o.errors]
    return out


def deal_of(name: str) -> dict:
    return yaml.safe_load((EXAMPLES[IDS.index(name)]).read_text(encoding="utf-8"))


def analysis_json(built: Path, name: str) -> dict:
    return json.loads((built / name / "analysis.json").read_text(encoding="utf-8"))


def paragraphs(path: Path) -> list[str]:
    """Every non-empty paragraph of the body, table cells included, in order."""
    body = docx.Document(str(path)).element.body
    texts = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))
    return [text for text in texts if text.strip()]


def text_of(path: Path) -> str:
    return "\n".join(paragraphs(path))


def flat(words: str, language: str) -> str:
    """The deal's text as a proposal prints it: YAML's line breaks undone."""
    return LINE_BREAK.sub("" if language == "zh" else " ", words.strip())


def figure(value: float) -> str:
    """A payback as analysis.json holds it, written to one decimal month without a needless ".0" (5.9, 16)."""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)).removesuffix(".0")


@pytest.mark.parametrize("name", IDS)
def test_three_proposals_open_and_carry_the_customer_and_our_person(built, name):
    deal = deal_of(name)
    team = deal["chain"].get("our_team", {})
    for level in AUDIENCES:
        path = built / name / f"proposal-{level}.docx"
        text = text_of(path)
        assert deal["customer"]["name"] in text, f"{level}: no customer name"
        assert deal["us"]["name"] in text, f"{level}: no name of ours"
        if team.get(level):
            assert team[level] in text, f"{level}: our {level} person {team[level]} is missing"


@pytest.mark.parametrize("name", IDS)
def test_the_middle_proposal_has_every_outcome_and_the_payback_of_analysis_json(built, name):
    deal, result = deal_of(name), analysis_json(built, name)
    text = text_of(built / name / "proposal-middle.docx")
    for outcome in deal["value_proposition"]["specific"]["outcomes"]:
        metric = outcome["metric"]
        assert metric[:1].upper() + metric[1:] in text or metric in text, metric
        assert f"{abs(outcome['change_pct']):g}%" in text
    months = result["value"]["payback_months"]
    unit = "个月" if deal["language"] == "zh" else " months"
    assert f"{figure(months)}{unit}" in text


@pytest.mark.parametrize("name", IDS)
def test_the_frontline_proposal_says_how_results_are_tracked(built, name):
    deal = deal_of(name)
    tracking = deal["value_proposition"]["specific"]["tracking"]
    text = text_of(built / name / "proposal-frontline.docx")
    core = flat(tracking, deal["language"]).removeprefix("通过").rstrip("。.")
    assert core in text


@pytest.mark.parametrize("name", IDS)
def test_the_senior_proposal_is_a_letter_to_the_customers_leader(built, name):
    deal = deal_of(name)
    leaders = [c["name"] for level in ("top", "deputy") for c in deal["chain"]["customer"] if c["level"] == level]
    lines = paragraphs(built / name / "proposal-senior.docx")
    assert leaders[0] in lines[2], "the letter opens with the customer's leader's name"
    assert deal["chain"]["our_team"]["senior"] in lines[-3:], "signed by our senior person"


@pytest.mark.parametrize("name", IDS)
def test_the_three_proposals_differ(built, name):
    """No more than a quarter of one proposal's paragraphs appear in another."""
    texts = {level: paragraphs(built / name / f"proposal-{level}.docx") for level in AUDIENCES}
    for one in AUDIENCES:
        for other in AUDIENCES:
            if one < other:
                shared = set(texts[one]) & set(texts[other])
                smaller = min(len(set(texts[one])), len(set(texts[other])))
                assert len(shared) <= smaller / 4, (one, other, shared)


def chart_series(path: Path) -> list[tuple[str, list[float], list[float]]]:
    """(name, x values, y values) of each series of the proposal's one chart, from its XML."""
    with zipfile.ZipFile(path) as package:
        charts = [n for n in package.namelist() if n.startswith("word/charts/chart")]
        assert len(charts) == 1, charts
        root = etree.fromstring(package.read(charts[0]))
    series = []
    for ser in root.iterfind(".//c:ser", C):
        name = ser.findtext("c:tx//c:v", namespaces=C)
        xs = [float(v.text) for v in ser.iterfind("c:xVal//c:pt/c:v", C)]
        ys = [float(v.text) for v in ser.iterfind("c:yVal//c:pt/c:v", C)]
        series.append((name, xs, ys))
    return series


@pytest.mark.parametrize("name", IDS)
def test_the_payback_chart_is_the_investment_the_cumulative_benefit_and_the_payback_of_analysis_json(built, name):
    deal, result = deal_of(name), analysis_json(built, name)
    spec = deal["value_proposition"]["specific"]
    investment, benefit = spec["investment"]["amount"], spec["monthly_benefit"]["amount"]
    curve, payback = result["plan"]["payback_curve"], result["value"]["payback_months"]
    (_, inv_x, inv_y), (_, ben_x, ben_y), (point_name, point_x, point_y) = chart_series(
        built / name / "proposal-middle.docx")
    assert inv_x == ben_x == curve["months"] and inv_x[0] == 0 and inv_x[-1] >= payback
    assert inv_y == [investment] * len(inv_x)
    assert ben_y == curve["cumulative_benefit"] == pytest.approx([benefit * m for m in ben_x])
    assert (point_x, point_y) == ([payback], [investment])
    assert figure(payback) in point_name


def test_the_proposals_are_not_for_our_team_only(built):
    """No 内部资料 / confidential marking: these are the documents the customer keeps."""
    for name in IDS:
        for level in AUDIENCES:
            document = docx.Document(str(built / name / f"proposal-{level}.docx"))
            header = " ".join(p.text for p in document.sections[0].header.paragraphs)
            assert "内部" not in header and "onfidential" not in header
            assert deal_of(name)["customer"]["name"] in header


def test_every_proposal_part_is_well_formed_xml_and_the_package_opens(built):
    for name in IDS:
        for level in AUDIENCES:
            blob = (built / name / f"proposal-{level}.docx").read_bytes()
            with zipfile.ZipFile(io.BytesIO(blob)) as package:
                assert package.testzip() is None
                for member in package.namelist():
                    if member.endswith((".xml", ".rels")):
                        etree.fromstring(package.read(member))


PAGES = {"senior": (1, 2), "middle": (2, 4), "frontline": (1, 3)}


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)")
def test_libreoffice_opens_every_proposal_at_its_length_with_the_customer(built, tmp_path):
    sources = [built / name / f"proposal-{level}.docx" for name in IDS for level in AUDIENCES]
    links = []
    for source in sources:  # unique names for one soffice call
        link = tmp_path / f"{source.parent.name}--{source.name}"
        link.symlink_to(source)
        links.append(link)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, links)],
                   check=True, capture_output=True, timeout=300)
    for link in links:
        name, level = link.stem.split("--")[0], link.stem.split("--proposal-")[1]
        pdf = tmp_path / "pdf" / f"{link.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice made no PDF of {link.name}"
        text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                                 text=True).stdout)
        assert re.sub(r"\s+", "", deal_of(name)["customer"]["name"]) in text
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
        low, high = PAGES[level]
        assert low <= pages <= high, f"{link.name}: {pages} pages"


def build_with_template(tmp_path: Path, text: str):
    """The first example built with a user's proposal template of one paragraph."""
    template = tmp_path / "corp.docx"
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(template))
    out = tmp_path / "out"
    return template, out, build_all([str(EXAMPLES[0])], Options(out_dir=out, proposal_template=template), jobs=1)


def test_a_proposal_template_asking_for_a_variable_the_context_lacks_is_refused_by_name(tmp_path):
    template, out, summary = build_with_template(tmp_path, "{{ customer }} {{ competitor_scores }}")
    (outcome,) = summary.outcomes
    assert outcome.status == "failed"
    message = " ".join(outcome.errors)
    assert "proposal template" in message and "competitor_scores" in message and str(template) in message
    assert "internal error" not in message
    assert not (out / EXAMPLES[0].stem).exists(), "nothing half-written is published"


def test_a_users_proposal_template_renders_the_proposals(tmp_path):
    _, out, summary = build_with_template(tmp_path, "{{ doc_title }} / {{ customer }} / {{ level }}")
    assert summary.ok, summary.outcomes
    name = deal_of(EXAMPLES[0].stem)
    for level in AUDIENCES:
        lines = paragraphs(out / name.get("id", EXAMPLES[0].stem) / f"proposal-{level}.docx")
        assert lines[0].endswith(f"/ {name['customer']['name']} / {level}")


LOOK = ("word/styles.xml", "word/numbering.xml", "word/fontTable.xml", "word/theme/theme1.xml", "word/settings.xml")


def test_the_shipped_proposals_wear_the_brief_templates_look_with_their_own_body():
    """One look for our Word documents: the proposals' styles, numbering, fonts, theme and settings are
    the brief template's own bytes; the body and header are the proposal template's."""
    from pipeline.render.brief.proposals import render_proposals
    from tests.render.brief.test_brief_helpers import example

    with zipfile.ZipFile(ROOT / "templates" / "brief" / "brief.docx") as brief:
        look = {part: brief.read(part) for part in LOOK}
    for level, data in render_proposals(example(EXAMPLES[0].stem)).items():
        with zipfile.ZipFile(io.BytesIO(data)) as proposal:
            assert {part: proposal.read(part) for part in LOOK} == look, level
            assert b"{{" not in proposal.read("word/header1.xml")  # rendered, from the proposal's own header
    with zipfile.ZipFile(ROOT / "templates" / "proposal" / "proposal.docx") as template:
        assert b"{{ header }}" in template.read("word/header1.xml")


def test_restyling_the_brief_template_in_word_restyles_the_proposals(tmp_path, monkeypatch):
    """A designer restyles brief.docx (here python-docx stands in for Word: it re-saves every part) and
    copies nothing into the proposal template: the proposals carry the new heading font."""
    import pipeline.templates
    from pipeline.render.brief.proposals import render_proposals
    from tests.render.brief.test_brief_helpers import example

    shipped = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", shipped)
    brief = docx.Document(str(shipped / "brief" / "brief.docx"))
    brief.styles["Heading 1"].font.name = "Georgia"
    brief.save(str(shipped / "brief" / "brief.docx"))
    monkeypatch.setattr(pipeline.templates, "SHIPPED", shipped)
    analysis = example(EXAMPLES[0].stem)
    for level, data in render_proposals(analysis).items():
        document = docx.Document(io.BytesIO(data))
        assert document.styles["Heading 1"].font.name == "Georgia", level
        assert analysis.deal.customer.name in "\n".join(p.text for p in document.paragraphs), level


def test_a_brief_style_reference_dresses_the_proposals_and_a_brief_template_with_fields_does_not(tmp_path):
    reference = tmp_path / "corp-styles.docx"
    document = docx.Document()
    document.styles["Heading 1"].font.name = "Georgia"
    document.add_paragraph("Corporate look")
    document.save(str(reference))
    fields = tmp_path / "corp-brief.docx"
    document = docx.Document()
    document.add_paragraph("{{ doc_title }} {{ customer }}")
    document.save(str(fields))
    for template, dressed in ((reference, True), (fields, False)):
        out = tmp_path / template.stem
        summary = build_all([str(EXAMPLES[0])], Options(out_dir=out, brief_template=template), jobs=1)
        assert summary.ok, summary.outcomes
        for level in AUDIENCES:
            path = out / EXAMPLES[0].stem / f"proposal-{level}.docx"
            heading = docx.Document(str(path)).styles["Heading 1"].font.name
            assert (heading == "Georgia") is dressed, (template.name, level, heading)
            assert deal_of(EXAMPLES[0].stem)["customer"]["name"] in text_of(path)
