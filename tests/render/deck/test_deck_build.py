"""The deck's fast paths give python-pptx's own XML: prepared slides and notes, tables, shape ids, chart names."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.chart import ChartPart
from pptx.util import Emu, Pt

from pipeline.render.office import charts as deck_charts
from pipeline.render.office import tables as deck_table
from pipeline.render.office.master import REQUIRED, layouts, open_master
from pipeline.render.office.shapes import (
    COLOURS,
    SCHEME,
    Fonts,
    NumberedShapes,
    Para,
    Region,
    Run,
    para,
    set_typefaces,
    write,
)
from pipeline.render.office.slides import add_notes, add_slide, set_notes

FONTS = Fonts("Arial", "Noto Sans CJK SC", "zh")


def xml(element) -> bytes:
    return etree.tostring(element)


def by_hand(prs, layout):
    """A slide as python-pptx's API makes it, footer and slide number copied from the layout, ready for text."""
    slide = prs.slides.add_slide(layout)
    for ph in layout.placeholders:
        if ph.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
            slide.shapes.clone_placeholder(ph)
            slide.placeholders[ph.placeholder_format.idx].text_frame  # python-pptx makes the text body here
    return slide


@pytest.mark.parametrize("name", list(REQUIRED))
def test_a_prepared_slide_is_the_slide_python_pptx_makes(name):
    fast, slow = open_master(None), open_master(None)
    chosen = layouts(fast, None)[name]
    made = add_slide(fast, chosen)
    expected = by_hand(slow, layouts(slow, None)[name].layout)
    assert xml(made.shapes._spTree) == xml(expected.shapes._spTree)
    assert str(made.part.partname) == str(expected.part.partname) == "/ppt/slides/slide1.xml"
    assert [s.rId for s in fast.slides._sldIdLst] == [s.rId for s in slow.slides._sldIdLst]
    assert [s.id for s in fast.slides._sldIdLst] == [s.id for s in slow.slides._sldIdLst]


def test_prepared_notes_are_the_notes_python_pptx_writes():
    text = "第一行：要点\n\n  second line & <more>  \nthird\x07line"
    fast, slow = open_master(None), open_master(None)
    slide = add_slide(fast, layouts(fast, None)["Title and Content"])
    set_notes(add_notes(slide, layouts(fast, None)["Title and Content"].prepared, 1), text, FONTS)
    expected = by_hand(slow, layouts(slow, None)["Title and Content"].layout)
    frame = expected.notes_slide.notes_text_frame
    frame.clear()
    for n, line in enumerate(line.strip() for line in text.split("\n") if line.strip()):
        run = (frame.paragraphs[0] if n == 0 else frame.add_paragraph()).add_run()
        run.text = line
        set_typefaces(run.font._rPr, FONTS)
    assert xml(slide.notes_slide._element) == xml(expected.notes_slide._element)
    assert slide.notes_slide.notes_text_frame.text == "第一行：要点\nsecond line & <more>\nthird_x0007_line"
    rels = {rel.reltype: str(rel.target_part.partname) for rel in slide.notes_slide.part.rels.values()}
    assert rels[RT.SLIDE] == "/ppt/slides/slide1.xml"
    assert slide.part.part_related_by(RT.NOTES_SLIDE) is slide.notes_slide.part


def test_a_table_written_as_xml_is_the_table_python_pptx_cells_make():
    rows = [["价格", "3", "60"], ["长一点的名字\n第二行", "1", "5"]]
    table = deck_table.Table(["项目", "权重", "我方"], rows, [3.0, 1.0, 1.3], [["合计", "", "225"]])
    region, sizes = Region(457200, 1325880, 5501488, 3423920), (14.0, 12.0)
    fast = Presentation()
    frame = deck_table.place(fast.slides.add_slide(fast.slide_layouts[6]), table, region, sizes, FONTS)
    slow = Presentation()
    expected = by_cells(slow.slides.add_slide(slow.slide_layouts[6]), table, region, sizes)
    assert xml(frame._element) == xml(expected._element)


def by_cells(slide, table, region, sizes):
    """The table through python-pptx's cell API, as the deck drew it before writing the XML itself."""
    rows = table.all_rows
    frame = slide.shapes.add_table(len(rows), len(table.header), Emu(region.left), Emu(region.top),
                                   Emu(region.width), Emu(region.height))
    cols = deck_table.widths(table, region, sizes[1])
    for n, width in enumerate(cols):
        frame.table.columns[n].width = Emu(int(width * 12700))
    for r, cells in enumerate(rows):
        header, footer = r == 0, r > len(table.rows)
        size = sizes[0] if header else sizes[1]
        height = deck_table.row_height(cells, cols, size, header or table.first_bold)
        extra = int(deck_table.spread(table, region, sizes) * 12700)  # a sparse table's taller rows
        frame.table.rows[r].height = Emu(int(height * 12700) + extra)
        for c, text in enumerate(cells):
            cell = frame.table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(3.6)
            cell.margin_top = cell.margin_bottom = Pt(1.8)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            bold = header or footer or (c == 0 and table.first_bold)
            lines = [para(line, bold=bold, colour="white" if header else None) for line in text.split("\n")]
            write(cell.text_frame, lines, FONTS, size, False, MSO_ANCHOR.MIDDLE, gap=0)
            cell.fill.solid()
            cell.fill.fore_color.theme_color = COLOURS["accent" if header else
                                                       ("pale" if footer or r % 2 == 0 else "white")]
            for paragraph in cell.text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.CENTER if c and deck_table._short(text) else PP_ALIGN.LEFT
    frame.left, frame.top, frame.width = Emu(region.left), Emu(region.top), Emu(region.width)
    return frame


def test_numbered_shapes_take_the_ids_python_pptx_would_even_when_shapes_come_another_way():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    shapes = NumberedShapes(slide)
    ids = []
    for n in range(6):
        adder = shapes if n % 3 else slide.shapes  # every third shape added by python-pptx itself
        expected = slide.shapes._next_shape_id
        ids.append(adder.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, 10, 10).shape_id)
        assert ids[-1] == expected
    slide.shapes._spTree.remove(slide.shapes[-1]._element)
    assert shapes.add_textbox(0, 0, 10, 10).shape_id == slide.shapes._next_shape_id - 1 == ids[-1]
    assert len(set(ids)) == len(ids)


def chart_data():
    data = CategoryChartData(number_format="0")
    data.categories = ["a", "b"]
    data.add_series("s", [1, 2])
    return data


def test_a_chart_takes_the_first_free_names_around_a_chart_the_master_already_has():
    prs = open_master(None)
    chosen = layouts(prs, None)["Title and Chart"]
    existing = ChartPart.new(XL_CHART_TYPE.BAR_CLUSTERED, chart_data(), prs.part.package)
    chosen.layout.part.relate_to(existing, RT.CHART)
    slide = add_slide(prs, chosen)
    data = deck_charts.CategoryData(dt.date(2026, 11, 20), "bars")
    data.categories = ["a", "b"]
    data.add_series("s", [1, 2])
    part = deck_charts.chart_part(slide, XL_CHART_TYPE.BAR_CLUSTERED, data)
    assert str(existing.partname) == "/ppt/charts/chart1.xml"
    assert str(part.partname) == "/ppt/charts/chart2.xml"
    assert str(part.chart_workbook.xlsx_part.partname) == "/ppt/embeddings/Microsoft_Excel_Sheet2.xlsx"


def test_the_embedded_workbook_is_dated_by_the_deal_in_one_pass():
    data = deck_charts.CategoryData(dt.date(2026, 11, 20), "bars")
    data.categories = ["a", "b"]
    data.add_series("s", [1, 2])
    with zipfile.ZipFile(io.BytesIO(data.xlsx_blob)) as book:
        core = book.read("docProps/core.xml").decode()
        dates = {info.date_time for info in book.infolist()}
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-20T00:00:00Z</dcterms:created>" in core
    assert "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-20T00:00:00Z</dcterms:modified>" in core
    assert dates == {(1980, 1, 1, 0, 0, 0)}


def test_the_deck_s_chart_workbooks_are_xlsxwriter_s_bytes_written_without_it(root, monkeypatch):
    """Bars, radar, bubbles and tornado: the direct writer's workbook is the one XlsxWriter makes, and
    once each kind's fixed parts are made, a deck's charts need no XlsxWriter workbook at all."""
    import xlsxwriter

    from pipeline.analysis.analyze import analyze
    from pipeline.load.deal import load_deal
    from pipeline.render.deck.slides import render_deck

    analysis = analyze(load_deal(root / "inputs" / "xyz-atm-network.yaml")[0])
    render_deck(analysis)  # each kind's fixed parts are made once per process, by XlsxWriter
    made = []
    original = xlsxwriter.Workbook.__init__
    monkeypatch.setattr(xlsxwriter.Workbook, "__init__", lambda self, *a, **k: (made.append(1), original(self, *a, **k))[1])
    direct = workbooks(render_deck(analysis))
    assert made == [] and len(direct) == 5
    monkeypatch.setattr(deck_charts, "direct_workbook", lambda spec, date: None)
    assert workbooks(render_deck(analysis)) == direct and len(made) == 5


def workbooks(deck: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        return {name: package.read(name) for name in package.namelist() if name.endswith(".xlsx")}


def by_elements(body, paras, fonts, size, bulleted, gap=0.4):
    """Paragraphs element by element, as the deck built them before writing XML text; in a text box, a
    bulleted paragraph carries the master's body-style bullet of its level (a text box inherits none)."""
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for old in body.findall(f"{a}p"):
        body.remove(old)
    for n, p in enumerate(paras):
        pPr = etree.SubElement(etree.SubElement(body, f"{a}p"), f"{a}pPr", lvl=str(p.level))
        bullet = fonts.bullets[p.level] if bulleted else None
        if bullet is not None:
            pPr.set("marL", str(bullet.margin))
            pPr.set("indent", str(bullet.indent))
        if not bulleted:
            pPr.set("marL", "0")
            pPr.set("indent", "0")
        spacing = [(f"{a}lnSpc", size * 1.2)] + ([(f"{a}spcBef", size * gap)] if n else [])
        for tag, points in spacing:
            etree.SubElement(etree.SubElement(pPr, tag), f"{a}spcPts", val=str(int(round(points * 100))))
        if bullet is not None:
            etree.SubElement(pPr, f"{a}buFont", typeface=bullet.font)
            etree.SubElement(pPr, f"{a}buChar", char=bullet.char)
        if not bulleted:
            etree.SubElement(pPr, f"{a}buNone")
        for r in p.runs:
            run = etree.SubElement(pPr.getparent(), f"{a}r")
            rPr = etree.SubElement(run, f"{a}rPr", lang="zh-CN", sz=str(int(round(size * 100))))
            if r.bold:
                rPr.set("b", "1")
            if r.colour:
                etree.SubElement(etree.SubElement(rPr, f"{a}solidFill"), f"{a}schemeClr", val=SCHEME[r.colour])
            etree.SubElement(rPr, f"{a}latin", typeface=fonts.latin)
            etree.SubElement(rPr, f"{a}ea", typeface=fonts.east_asian)
            etree.SubElement(run, f"{a}t").text = r.text


@pytest.mark.parametrize("bulleted", [False, True])
def test_paragraphs_written_as_xml_text_are_the_elements_built_one_by_one(bulleted):
    fonts = Fonts('Tom & "Jerry" <Sans>', "思源黑体 'CN'", "zh")
    paras = [Para((Run("A & B < C > D\r\tE", True, "accent"), Run(""), Run("第二段，“引号”")), 0),
             Para((Run("  sub point  ", colour="white"),), 1), para("")]
    prs = Presentation()
    fast = prs.slides.add_slide(prs.slide_layouts[5]).shapes.add_textbox(0, 0, 100, 100).text_frame
    slow = prs.slides.add_slide(prs.slide_layouts[5]).shapes.add_textbox(0, 0, 100, 100).text_frame
    write(fast, paras, fonts, 13.5, bulleted)
    write(slow, [para("x")], fonts, 13.5, bulleted)  # body properties as write sets them
    by_elements(slow._txBody, paras, fonts, 13.5, bulleted)
    assert xml(fast._txBody) == xml(slow._txBody)
    assert fast.text == "A & B < C > D\r\tE第二段，“引号”\n  sub point  \n"


def test_every_deck_starts_from_an_untouched_copy_of_the_master(root):
    from pipeline.analysis.analyze import analyze
    from pipeline.load.deal import load_deal
    from pipeline.render.deck.slides import render_deck
    from pipeline.render.office.master import _opened, master_bytes

    analysis = analyze(load_deal(root / "inputs" / "xyz-atm-network.yaml")[0])
    first, second = render_deck(analysis), render_deck(analysis)
    pristine = _opened(master_bytes(None))
    assert len(pristine.part._element.get_or_add_sldIdLst()) == 0
    assert RT.NOTES_MASTER not in {rel.reltype for rel in pristine.part.rels.values()}
    one, two = open_master(None), open_master(None)
    assert one.part._element is not two.part._element is not pristine.part._element
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())


def built_deck(root, name="xyz-atm-network"):
    """A deck built up to its save, as render_deck builds it."""
    from pipeline.analysis.analyze import analyze
    from pipeline.load.deal import load_deal
    from pipeline.render.deck import slides as deck
    from pipeline.render.deck.text import DeckText
    from pipeline.render.office.shapes import theme_fonts
    from pipeline.render.office.slides import Deck

    analysis = analyze(load_deal(root / "inputs" / f"{name}.yaml")[0])
    prs = open_master(None)
    deck.slides(Deck(prs, layouts(prs, None), DeckText(analysis), analysis, theme_fonts(prs, "zh")))
    deck.set_properties(prs, analysis)
    return prs


def test_rels_files_are_python_pptx_s_byte_for_byte(root):
    from pipeline.render.office.pptx_package import rels_xml

    package = built_deck(root).part.package
    assert rels_xml(package._rels) == package._rels.xml
    parts = [part for part in package.iter_parts() if part._rels]
    assert len(parts) > 40
    for part in parts:
        assert rels_xml(part.rels) == part.rels.xml, part.partname


def test_the_package_is_what_python_pptx_saves_with_dates_pinned(root):
    from pipeline.render.office.pptx_package import package_bytes
    from pipeline.render.office.zipwriter import pin_zip_dates

    for name in ("xyz-atm-network", "northbank-branch-network", "xyz-atm-network"):  # the last reuses compressed parts
        prs = built_deck(root, name)
        saved = io.BytesIO()
        prs.save(saved)
        assert package_bytes(prs.part.package) == pin_zip_dates(saved.getvalue())


def test_content_types_are_python_pptx_s_byte_for_byte(root):
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.serialized import _ContentTypesItem

    from pipeline.render.office.pptx_package import content_types_xml

    parts = tuple(built_deck(root).part.package.iter_parts())
    assert content_types_xml(parts) == serialize_part_xml(_ContentTypesItem.xml_for(parts))


@pytest.mark.parametrize("value", ["plain/path.xml", 'a & b < c > "d"', "tab\there\nnew\rline", "中文 'q'"])
def test_attribute_values_are_escaped_as_lxml_escapes_them(value):
    from pipeline.render.office.pptx_package import _attribute

    element = etree.Element("e", v=value)
    assert f"<e v={_attribute(value)}/>".encode() == etree.tostring(element, encoding="UTF-8").split(b"?>\n")[-1]
