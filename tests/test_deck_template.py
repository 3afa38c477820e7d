"""A user's own deck master (--deck-template): what works, and the exact messages when it cannot."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from pipeline.analyze import analyze
from pipeline.errors import TemplateError
from pipeline.load import load_deal
from pipeline.render.deck import render_deck
from pipeline.render.deck_master import SHIPPED_MASTER

NEEDS = (
    "a deck template needs: Title (title, subtitle); Title and Content (title, body); Blank with Title (title); "
    "Title, Table and Chart (title, table, chart); Title and Table (title, table); Title and Chart (title, chart); "
    "Title, Chart and Text (title, chart, body); Two Content (title, body, body) "
    "(a content placeholder may stand for a body, table or chart)"
)


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


def test_a_missing_layout_names_it_and_lists_what_the_file_has(tmp_path, analysis):
    path = corp_master(tmp_path, lambda prs: layout(prs, "Title and Chart")._element.cSld.set("name", "Chart Only"))
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (
        "no slide layout 'Title and Chart' in corp.pptx (it has: Title, Section, Title and Content, Two Content, "
        "Chart Only, Title, Chart and Text, Title and Table, Title, Table and Chart, Blank with Title); " + NEEDS
    )


def drop_chart_placeholder(prs):
    target = layout(prs, "Title and Chart")
    chart = next(ph for ph in target.placeholders if ph.placeholder_format.idx == 13)
    chart._element.getparent().remove(chart._element)


def test_a_layout_without_the_placeholder_it_needs_says_which(tmp_path, analysis):
    path = corp_master(tmp_path, drop_chart_placeholder)
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (
        "slide layout 'Title and Chart' in corp.pptx lacks a chart placeholder "
        "(it has: title, footer, slide number); " + NEEDS
    )


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
    assert str(error.value).startswith("corp.pptx is not a PowerPoint file python-pptx can open (")
    assert str(error.value).endswith(NEEDS)


def with_theme_fonts(path, east_asian: str) -> None:
    """Rewrite the theme of a saved .pptx so its body and heading East Asian font is `east_asian`."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "ppt/theme/theme1.xml":
                blob = blob.replace(b'<a:ea typeface="Noto Sans CJK SC"/>', f'<a:ea typeface="{east_asian}"/>'.encode())
            dst.writestr(info, blob)
    path.write_bytes(out.getvalue())


def test_a_corporate_master_with_extra_layouts_and_its_own_fonts_is_used(tmp_path, analysis):
    path = corp_master(tmp_path, lambda prs: None)
    with_theme_fonts(path, "Microsoft YaHei")
    prs = Presentation(io.BytesIO(render_deck(analysis, path)))
    assert len(prs.slides) == 18
    title_run = prs.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]
    assert title_run.font._rPr.find(qn("a:ea")).get("typeface") == "Microsoft YaHei"


def test_an_edited_template_is_read_again(tmp_path, analysis):
    path = corp_master(tmp_path, lambda prs: None)
    render_deck(analysis, path)
    drop = Presentation(str(path))
    drop_chart_placeholder(drop)
    drop.save(str(path))
    with pytest.raises(TemplateError):
        render_deck(analysis, path)


def test_sample_slides_in_a_corporate_master_are_left_out(tmp_path, analysis):
    def add_samples(prs):
        for name in ("Title", "Title and Content"):
            prs.slides.add_slide(layout(prs, name)).shapes.title.text = f"sample {name}"

    prs = Presentation(io.BytesIO(render_deck(analysis, corp_master(tmp_path, add_samples))))
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    assert len(titles) == 18 and not [t for t in titles if t.startswith("sample")]
    with zipfile.ZipFile(io.BytesIO(render_deck(analysis, tmp_path / "corp.pptx"))) as package:
        assert len([n for n in package.namelist() if n.startswith("ppt/slides/slide")]) == 18


def test_the_shipped_master_is_exactly_what_its_generator_makes(root):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_deck_master", root / "tools" / "make_deck_master.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == SHIPPED_MASTER.read_bytes(), "run: python3 tools/make_deck_master.py"


def test_the_shipped_master_has_every_layout_the_deck_needs_at_16_9():
    from pipeline.render.deck_master import REQUIRED, kinds_of

    prs = Presentation(str(SHIPPED_MASTER))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    layouts = {item.name: item for item in prs.slide_layouts}
    for name, kinds in REQUIRED.items():
        have = kinds_of(layouts[name])
        assert all(have.count(kind) >= kinds.count(kind) for kind in kinds), name
        if name != "Title":
            assert {"footer", "slide number"} <= set(have), name


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
    assert len(slides) == 18
    charts = [shape.chart.chart_type for s in slides for shape in s.shapes if getattr(shape, "has_chart", False)]
    assert charts == [XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.RADAR_MARKERS,
                      XL_CHART_TYPE.BUBBLE, XL_CHART_TYPE.BAR_CLUSTERED]
    tables = [shape for s in slides for shape in s.shapes if getattr(shape, "has_table", False)]
    assert len(tables) == 5
    relationship = tables[2].table
    assert relationship.cell(1, len(relationship.columns) - 1).text == "1840"
    emptied = [ph for s in slides for ph in s.placeholders if ph.is_placeholder and not ph.has_text_frame]
    assert emptied == []
    for s in slides[4:9]:  # no content placeholder is left empty where a chart or table went
        assert all(ph.text_frame.text for ph in s.placeholders if ph.has_text_frame)
