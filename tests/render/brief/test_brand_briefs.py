"""Briefs on the Word documents users have: python-docx's default document and a document with
custom heading fonts (style references: our content in their styles), a LibreOffice-saved copy
of the shipped template (a template: its fields), and a document with neither (refused, once,
nothing published)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from pipeline.cli.main import main
from pipeline.errors import TemplateError
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.context import brief_context
from pipeline.render.brief.template import load_brief_template
from pipeline.templates import SHIPPED
from tests import ooxml
from tests.render.brief.test_brief_helpers import body_lines, example, header_text

HAS_OFFICE = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
needs_office = pytest.mark.skipif(not HAS_OFFICE, reason="needs LibreOffice (soffice) and poppler-utils")
from tests.paths import ROOT

DEAL = ROOT / "inputs" / "xyz-atm-network.yaml"
SAMPLE = "Replace this sample text with your own"


def soffice(profile: Path, outdir: Path, target: str, *sources: Path) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", target,
                    "--outdir", str(outdir), *map(str, sources)], check=True, capture_output=True, timeout=300)


def default_reference(folder: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(SAMPLE)
    path = folder / "plain.docx"
    document.save(str(path))
    return path


def custom_reference(folder: Path) -> Path:
    """Headings in Georgia / KaiTi, dark red; a letterhead header; wide left margin; sample text."""
    document = docx.Document()
    for name in ("Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = "Georgia"
        style.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
        style.element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:eastAsia"), "KaiTi")
    section = document.sections[0]
    section.left_margin = Pt(100)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "ACME Corp — internal"
    document.add_heading("Our heading sample", 1)
    document.add_paragraph(SAMPLE)
    path = folder / "custom.docx"
    document.save(str(path))
    return path


def empty_document(folder: Path) -> Path:
    """A Word package with a body and nothing else: no text, no fields, no styles."""
    path = folder / "empty.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml",
                         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                         'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                         '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        package.writestr("_rels/.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
                         '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                         'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                         'Target="word/document.xml"/></Relationships>')
        package.writestr("word/document.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
                         '.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>')
    return path


@pytest.fixture(scope="module")
def analysis():
    return example("xyz-atm-network")


@pytest.fixture(scope="module")
def shipped_briefs(analysis):
    return render_briefs(analysis)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("references")


def style_fonts(blob: bytes, paragraph) -> tuple[str, str]:
    """The Latin and East Asian font a paragraph's style gives (its own rFonts, else its basedOn chain's)."""
    document = docx.Document(io.BytesIO(blob))
    style = document.styles.get_by_id(paragraph.style.style_id, paragraph.style.type)
    while style is not None:
        fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and fonts.get(qn("w:ascii")):
            return fonts.get(qn("w:ascii")), fonts.get(qn("w:eastAsia"))
        style = style.base_style
    return "", ""


def headings_of(analysis, level: str) -> list[str]:
    h = brief_context(analysis, level).h
    return [h[key] for key in ("concerns", "value", "people", "competition", "talking", "questions", "goals")]


def test_python_docx_default_document_is_a_style_reference_for_our_content(folder, analysis, shipped_briefs):
    path = default_reference(folder)
    assert load_brief_template(path).reference
    briefs = render_briefs(analysis, path)
    for level, blob in briefs.items():
        lines = body_lines(blob)
        assert SAMPLE not in lines
        assert [line for line in lines if line] == [line for line in body_lines(shipped_briefs[level]) if line]
        document = docx.Document(io.BytesIO(blob))
        styled = {p.text: p.style.name for p in document.paragraphs}
        for heading in headings_of(analysis, level):
            assert styled[heading] == "Heading 1"  # the reference's own style, by its name
        assert header_text(blob).startswith(analysis.deal.title)  # it has no header of its own: ours


def test_a_style_reference_with_custom_heading_fonts_gives_our_headings_its_fonts(folder, analysis):
    briefs = render_briefs(analysis, custom_reference(folder))
    for level, blob in briefs.items():
        document = docx.Document(io.BytesIO(blob))
        by_text = {p.text: p for p in document.paragraphs}
        for heading in headings_of(analysis, level):
            assert style_fonts(blob, by_text[heading]) == ("Georgia", "KaiTi"), heading
        title = by_text[brief_context(analysis, level).doc_title]
        assert style_fonts(blob, title) == ("Georgia", "KaiTi")
        assert header_text(blob) == "ACME Corp — internal"  # its own header is kept
        assert document.sections[0].left_margin == Pt(100)  # its page set-up
        assert SAMPLE not in body_lines(blob) and "Our heading sample" not in body_lines(blob)
        body = [p for p in document.paragraphs if p.text == brief_context(analysis, level).value_message]
        assert body and style_fonts(blob, body[0])[0] != "Arial"  # our fonts stay out of its Normal


def test_briefs_on_style_references_are_valid_ooxml(folder, analysis):
    for make in (default_reference, custom_reference):
        for level, blob in render_briefs(analysis, make(folder)).items():
            assert ooxml.problems(blob, f"{make.__name__} {level}") == []


def test_a_document_with_neither_fields_nor_styles_is_refused(folder, analysis):
    path = empty_document(folder)
    with pytest.raises(TemplateError) as error:
        render_briefs(analysis, path)
    assert str(error.value) == (
        f"brief template {path.resolve()} has no {{{{ }}}} fields and no styles of its own: it is neither a "
        "template nor a style reference; save a document with your styles from Word (see docs/word-templates.md)")


def test_the_build_stops_once_on_an_empty_document_and_publishes_nothing(folder, tmp_path, capsys):
    second = tmp_path / "second.yaml"
    second.write_text(DEAL.read_text(encoding="utf-8").replace("id: xyz-atm-network", "id: xyz-second"),
                      encoding="utf-8")
    out = tmp_path / "out"
    status = main(["build", str(DEAL), str(second), "--out", str(out), "--brief-template", str(empty_document(folder))])
    errors = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert status == 2
    assert len(errors) == 1 and errors[0].startswith("error: brief template ") and "empty.docx" in errors[0]
    assert not out.exists() or not any(out.iterdir())


def test_a_word_document_given_as_the_deck_master_stops_the_build_once(folder, tmp_path, capsys):
    status = main(["build", str(DEAL), "--out", str(tmp_path / "out"), "--deck-template",
                   str(default_reference(folder))])
    errors = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert status == 2 and errors == [
        f"error: {default_reference(folder)} is a Word document, not a PowerPoint presentation; --deck-template "
        "takes a .pptx saved from PowerPoint, WPS or LibreOffice Impress"]
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def libreoffice_copy(folder):
    if not HAS_OFFICE:
        pytest.skip("needs LibreOffice (soffice)")
    source = folder / "shipped-brief.docx"
    shutil.copy(SHIPPED / "brief" / "brief.docx", source)
    soffice(folder / "profile", folder / "saved", "docx:MS Word 2007 XML", source)
    return folder / "saved" / "shipped-brief.docx"


@needs_office
@pytest.mark.office
def test_a_libreoffice_saved_copy_of_the_shipped_template_is_still_a_template(libreoffice_copy, analysis,
                                                                             shipped_briefs):
    assert not load_brief_template(libreoffice_copy).reference
    briefs = render_briefs(analysis, libreoffice_copy)
    for level, blob in briefs.items():
        assert [line for line in body_lines(blob) if line] == \
            [line for line in body_lines(shipped_briefs[level]) if line]
        assert not any("{{" in line or "{%" in line for line in body_lines(blob))


@needs_office
@pytest.mark.office
def test_every_brief_converts_with_libreoffice(libreoffice_copy, folder, analysis, tmp_path):
    sources = []
    for name, template in (("plain", default_reference(folder)), ("custom", custom_reference(folder)),
                           ("libreoffice", libreoffice_copy)):
        source = tmp_path / f"{name}-senior.docx"
        source.write_bytes(render_briefs(analysis, template)["senior"])
        sources.append(source)
    soffice(tmp_path / "profile", tmp_path, "pdf", *sources)
    for source in sources:
        pdf = source.with_suffix(".pdf")
        assert pdf.is_file(), source.name
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert analysis.deal.customer.name in re.sub(r"\s+", "", text), source.name
