"""A user's own deck master (--deck-template): what works, and the exact messages when it cannot."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from pipeline.analysis.analyze import analyze
from pipeline.errors import TemplateError
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck
from pipeline.render.office.master import SHIPPED_MASTER

SLIDES = 22  # the deck's slides for one deal whose texts fit (the method's order, teaching slides included)


@pytest.fixture(scope="module")
def analysis(root):
    deal, _ = load_deal(root / "inputs" / "xyz-atm-network.yaml")
    return analyze(deal)


def corp_master(tmp_path, change) -> str:
    """The shipped master changed by `change(prs)`, saved as corp.pptx."""
    prs = Presentation(str(SHIPPED_MASTER))
    change(prs)
    path = tmp_path / "corp.pptx"
    prs.save(str(path))
    return path


def layout(prs, name):
    return next(item for item in prs.slide_layouts if item.name == name)


def plan(path):
    """Each kind of slide -> (the name of its layout, the roles drawn as shapes)."""
    from pipeline.render.office.master import _planned, master_bytes

    names = [item.name for item in Presentation(str(path)).slide_layouts]
    return {kind: (names[choice.index], sorted(choice.drawn)) for kind, (choice, _) in
            _planned(master_bytes(path), str(path)).items()}


def test_layout_names_do_not_matter(tmp_path, analysis):
    def rename(prs):
        for n, item in enumerate(prs.slide_layouts):
            item.name = f"版式 {n}"

    path = corp_master(tmp_path, rename)
    chosen = plan(path)
    assert chosen["Title and Chart"] == ("版式 4", []) and chosen["Title, Table and Chart"] == ("版式 7", [])
    assert len(Presentation(io.BytesIO(render_deck(analysis, path))).slides) == SLIDES


def drop_chart_placeholder(prs):
    target = layout(prs, "Title and Chart")
    chart = next(ph for ph in target.placeholders if ph.placeholder_format.idx == 13)
    chart._element.getparent().remove(chart._element)


def test_a_kind_without_its_layout_goes_on_the_closest_one(tmp_path, analysis):
    from pptx.enum.chart import XL_CHART_TYPE

    path = corp_master(tmp_path, drop_chart_placeholder)
    # the largest typed chart placeholder left takes the chart; the layout's text placeholder is left out
    assert plan(path)["Title and Chart"] == ("Title, Chart and Text", [])
    slides = list(Presentation(io.BytesIO(render_deck(analysis, path))).slides)
    radar = next(s for s in slides if any(getattr(sh, "has_chart", False) and sh.chart.chart_type ==
                                          XL_CHART_TYPE.RADAR_MARKERS for sh in s.shapes))
    assert sorted(ph.placeholder_format.type for ph in radar.placeholders) == sorted([
        PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CHART, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER])


def test_a_pinned_layout_is_used_for_its_kind(tmp_path, analysis):
    def pin(prs):
        layout(prs, "Title and Content").name = "Wide text [deck: Title, Chart and Text]"

    path = corp_master(tmp_path, pin)
    # it lacks a chart placeholder: its title stays, the chart and the text are drawn below it
    assert plan(path)["Title, Chart and Text"] == ("Wide text [deck: Title, Chart and Text]", ["body", "chart"])
    assert len(Presentation(io.BytesIO(render_deck(analysis, path))).slides) == SLIDES


def test_a_pin_to_no_kind_says_which_kinds_there_are(tmp_path, analysis):
    path = corp_master(tmp_path, lambda prs: setattr(layout(prs, "Section"), "name", "Section [deck: Agenda]"))
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (
        f"{path}: slide layout 'Section [deck: Agenda]' is pinned to 'Agenda', which is not a kind of slide; the "
        "kinds are: Title, Title and Content, Blank with Title, Title, Table and Chart, Title and Table, "
        "Title and Chart, Title, Chart and Text, Two Content")


def test_a_master_without_any_title_placeholder_is_refused_naming_the_file(tmp_path, analysis):
    def untitled(prs):
        for item in prs.slide_layouts:
            for ph in list(item.placeholders):
                if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                    ph._element.getparent().remove(ph._element)

    path = corp_master(tmp_path, untitled)
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (f"{path}: none of its 9 slide layouts has a title placeholder; "
                                "add one in PowerPoint's Slide Master view")


def test_a_word_document_given_as_the_master_is_named_as_such(tmp_path, analysis):
    import docx

    path = tmp_path / "corp.docx"
    docx.Document().save(str(path))
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (f"{path} is a Word document, not a PowerPoint presentation; --deck-template takes "
                                "a .pptx saved from PowerPoint, WPS or LibreOffice Impress")


def test_a_file_that_is_not_a_zip_is_refused_before_opening(tmp_path, analysis):
    path = tmp_path / "corp.pptx"
    path.write_bytes(b"this is not a presentation")
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (
        f"template {path} is not an Office file (.pptx/.docx are zip packages); save it from PowerPoint or Word"
    )


def test_a_zip_bomb_is_refused_before_opening(tmp_path, analysis):
    path = tmp_path / "corp.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("ppt/media/huge.bin", b"\0" * (4 * 2**20))
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == f"template {path}: part ppt/media/huge.bin is compressed suspiciously well (a zip bomb?)"


def test_a_zip_that_is_not_a_presentation_is_a_template_error(tmp_path, analysis):
    path = tmp_path / "corp.pptx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (f"{path} is an Office file of another kind, not a PowerPoint presentation; "
                                "--deck-template takes a .pptx saved from PowerPoint, WPS or LibreOffice Impress")
    assert "BytesIO" not in str(error.value)


def with_theme_fonts(path, east_asian: str) -> None:
    """Rewrite the theme of a saved .pptx so its body and heading East Asian font is `east_asian`."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "ppt/theme/theme1.xml":
                blob = blob.replace(b'<a:ea typeface="Microsoft YaHei"/>', f'<a:ea typeface="{east_asian}"/>'.encode())
            dst.writestr(info, blob)
    path.write_bytes(out.getvalue())


def test_a_corporate_master_with_extra_layouts_and_its_own_fonts_is_used(tmp_path, analysis):
    path = corp_master(tmp_path, lambda prs: None)
    with_theme_fonts(path, "DengXian")
    prs = Presentation(io.BytesIO(render_deck(analysis, path)))
    assert len(prs.slides) == SLIDES
    title_run = prs.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]
    assert title_run.font._rPr.find(qn("a:ea")).get("typeface") == "DengXian"


def test_an_edited_template_is_read_again(tmp_path, analysis):
    path = corp_master(tmp_path, lambda prs: None)
    render_deck(analysis, path)
    assert plan(path)["Title and Chart"] == ("Title and Chart", [])
    drop = Presentation(str(path))
    drop_chart_placeholder(drop)
    drop.save(str(path))
    assert plan(path)["Title and Chart"] == ("Title, Chart and Text", [])


def test_sample_slides_in_a_corporate_master_are_left_out(tmp_path, analysis):
    def add_samples(prs):
        for name in ("Title", "Title and Content"):
            prs.slides.add_slide(layout(prs, name)).shapes.title.text = f"sample {name}"

    prs = Presentation(io.BytesIO(render_deck(analysis, corp_master(tmp_path, add_samples))))
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    assert len(titles) == SLIDES and not [t for t in titles if t.startswith("sample")]
    with zipfile.ZipFile(io.BytesIO(render_deck(analysis, tmp_path / "corp.pptx"))) as package:
        assert len([n for n in package.namelist() if n.startswith("ppt/slides/slide")]) == SLIDES


def test_the_shipped_master_holds_every_kind_of_slide_in_placeholders_at_16_9():
    """The shipped master is the design: every kind of slide has a layout of its own, nothing drawn."""
    from pipeline.render.office.master import REQUIRED, kinds_of

    prs = Presentation(str(SHIPPED_MASTER))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert plan(SHIPPED_MASTER) == {kind: (kind, []) for kind in REQUIRED}
    for item in prs.slide_layouts:
        if item.name not in ("Title", "Section"):
            assert {"footer", "slide number"} <= set(kinds_of(item)), item.name


def content_placeholders_only(prs):
    """Turn every typed chart and table placeholder into a plain content placeholder, as most masters have."""
    for item in prs.slide_layouts:
        for ph in item.placeholders:
            element = ph._element.find(f".//{qn('p:ph')}")
            if element.get("type") in ("chart", "tbl"):
                del element.attrib["type"]


def test_content_placeholders_stand_in_for_chart_and_table_placeholders(tmp_path, analysis):
    from pptx.enum.chart import XL_CHART_TYPE

    prs = Presentation(io.BytesIO(render_deck(analysis, corp_master(tmp_path, content_placeholders_only))))
    slides = list(prs.slides)
    assert len(slides) == SLIDES
    charts = [shape.chart.chart_type for s in slides for shape in s.shapes if getattr(shape, "has_chart", False)]
    assert charts == [XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.RADAR_MARKERS,
                      XL_CHART_TYPE.BUBBLE, XL_CHART_TYPE.BAR_CLUSTERED]
    tables = [shape for s in slides for shape in s.shapes if getattr(shape, "has_table", False)]
    assert len(tables) == 6  # the three comparisons, SMART letter by letter, the SMART check, the layering
    relationship = tables[2].table
    assert relationship.cell(1, len(relationship.columns) - 1).text == "1840"
    emptied = [ph for s in slides for ph in s.placeholders if ph.is_placeholder and not ph.has_text_frame]
    assert emptied == []
    for s in slides[4:9]:  # no content placeholder is left empty where a chart or table went
        assert all(ph.text_frame.text for ph in s.placeholders if ph.has_text_frame)
