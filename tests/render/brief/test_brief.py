"""The rendered briefs, read back with python-docx: content by level, fonts, properties, charts;
and the fast path gives the bytes docxtpl and python-docx give."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from lxml import etree

from pipeline.load.model import AUDIENCES, Customer, Deal
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.template import load_brief_template
from pipeline.render.office.word_template import environment
from pipeline.render.office.zipwriter import pin_zip_dates
from pipeline.render.office.zipwriter import Payload, zip_bytes
from pipeline.words.labels import CONCERNS
from tests.render.brief.test_brief_helpers import (
    analysis_of,
    body_lines,
    body_text,
    contacts_at,
    docxtpl_briefs,
    example,
    header_text,
    open_docx,
    part,
    part_names,
    table_with_header,
)

XYZ = "xyz-atm-network"
NORTHBANK = "northbank-branch-network"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def xyz() -> dict[str, bytes]:
    return render_briefs(example(XYZ))


@pytest.fixture(scope="module")
def northbank() -> dict[str, bytes]:
    return render_briefs(example(NORTHBANK))


def test_three_briefs_that_differ(xyz):
    assert list(xyz) == ["senior", "middle", "frontline"]
    texts = [body_text(blob) for blob in xyz.values()]
    assert len(set(texts)) == 3
    assert [open_docx(b).paragraphs[0].text for b in xyz.values()] == ["高层会谈简报", "中层会谈简报", "基层会谈简报"]


@pytest.mark.parametrize("level", AUDIENCES)
def test_whos_who_lists_this_levels_contacts_and_no_others(xyz, level):
    deal = example(XYZ).deal
    rows = table_with_header(xyz[level], "姓名")
    assert rows[0] == ["姓名", "职务", "链条层级", "关系强度", "状态", "我方联系人"]
    assert {row[0] for row in rows[1:]} == contacts_at(deal, level)
    others = {c.name for c in deal.chain.customer} - contacts_at(deal, level)
    text = body_text(xyz[level])
    assert not [name for name in others if name in text]


def test_whos_who_row_shows_strength_status_and_holder(xyz):
    rows = {row[0]: row for row in table_with_header(xyz["frontline"], "姓名")[1:]}
    assert rows["刘工"] == ["刘工", "网络工程师", "一线员工", "1/5", "薄弱", "赵工"]
    assert rows["钱工"] == ["钱工", "机房值班主管", "一线员工", "0/5", "断裂", "—"]
    assert "我方出席：赵工" in body_lines(xyz["frontline"])


@pytest.mark.parametrize("level", AUDIENCES)
def test_each_brief_names_its_levels_concerns_and_value_message(xyz, level):
    analysis, lines = example(XYZ), body_lines(xyz[level])
    for concern in CONCERNS["zh"][level]:
        assert concern in lines
    for other in set(AUDIENCES) - {level}:
        assert not set(CONCERNS["zh"][other]) & set(lines)
    assert analysis.value.levels[level].message in lines


def test_middle_brief_has_investment_payback_and_the_comparison_tables(xyz):
    analysis = example(XYZ)
    figures = dict(row for row in table_with_header(xyz["middle"], "关键数字")[1:])
    assert figures["客户投资"] == "100万美元"
    assert figures["投资回收期"] == "5.9个月"
    assert analysis.value.payback_months == 1_000_000 / 170_000
    index = table_with_header(xyz["middle"], "公司")
    assert index[0] == ["公司", "客户购买关键因素的匹配", "业务能力", "客户关系能力"]
    us = analysis.scores["key_buying_factors"]["us"].index
    assert index[1][:2] == ["中国电信某省公司", f"{us:.1f}".rstrip("0").rstrip(".")]
    items = table_with_header(xyz["middle"], "维度")
    assert items[3] == ["客户购买关键因素的匹配", "价格", "3", "60", "对手A 90、对手B 70、对手C 80"]


def test_senior_brief_has_the_statement_and_a_sentence_per_competitor(xyz):
    analysis, lines = example(XYZ), body_lines(xyz["senior"])
    assert analysis.overview.statement in lines
    for competitor in ("A", "B", "C"):
        assert analysis.positioning[competitor].sentence in lines
    assert "公司" not in [t[0][0] for t in [table_with_header(xyz["senior"], "关键数字")]]
    with pytest.raises(AssertionError):
        table_with_header(xyz["senior"], "维度")  # the item tables are the middle level's


def test_frontline_brief_quotes_the_service_facts_that_beat_each_competitor(xyz):
    rows = dict(table_with_header(xyz["frontline"], "对手")[1:])
    assert set(rows) == {"对手A", "对手B", "对手C"}
    # what weighs most first, weight × lead ÷ Σ weight: 全程全网 5×15/12 = 6.25, 安全性 5×15/15 = 5 and
    # 跨省市 4×15/12 = 5 (a tie: dimension order), 捆绑 3×15/12 = 3.75, 统一网管 3×15/15 = 3, 实时性 4×5/15
    assert rows["对手B"].startswith("全程全网 95:80；网络交易的安全性 90:75；跨省市主备份不同路由 90:75；")
    assert rows["对手B"].endswith("；交易高峰的实时性 85:80")
    assert "价格" not in rows["对手B"]  # 60 against B's 70
    assert "跟踪客户的通讯传输容量来记录实际节约的成本" in body_text(xyz["frontline"])


def test_talking_points_questions_objections_and_goals_are_there(xyz):
    text = body_text(xyz["middle"])
    for heading in ("谈话要点", "要问的问题", "可能的异议与应对", "本次会谈要达成的目标"):
        assert heading in body_lines(xyz["middle"])
    objections = dict(table_with_header(xyz["middle"], "异议")[1:])
    assert "对手A在价格上给的条件比你们好。" in objections
    assert "就投资100万美元和5.9个月的回收期达成共识。" in text


def test_header_names_the_deal_the_level_and_confidential(xyz):
    assert header_text(xyz["middle"]) == "xyz投资公司 全国ATM数据通信组网 · 中层 · 内部资料 / 机密"


def test_footer_has_page_number_fields(xyz):
    footer = open_docx(xyz["senior"]).sections[0].footer._element
    fields = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]


def test_styles_declare_an_east_asian_font_and_zh_cn(xyz):
    styles = etree.fromstring(part(xyz["senior"], "word/styles.xml"))
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "Microsoft YaHei"  # 微软雅黑: Office has it
    for style_id in ("Normal", "Title", "Heading1", "Heading2"):
        style = styles.find(f"{W}style[@{W}styleId='{style_id}']")
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}eastAsia") == "Microsoft YaHei", style_id
        assert fonts.get(f"{W}eastAsiaTheme") is None
    settings = part(xyz["senior"], "word/settings.xml").decode()
    assert 'w:eastAsia="zh-CN"' in settings and "ja-JP" not in settings
    font_table = part(xyz["senior"], "word/fontTable.xml").decode()
    assert '<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"/><w:charset w:val="86"/>' in font_table
    theme = part(xyz["senior"], "word/theme/theme1.xml").decode()
    assert theme.count('<a:ea typeface="Microsoft YaHei"/>') == 2 and "Noto" not in theme


def test_named_styles_a_designer_can_restyle(xyz):
    document = open_docx(xyz["middle"])
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Callout", "List Bullet", "List Number"} <= used
    assert {t.style.name for t in document.tables} == {"Brief Table"}


def test_core_properties_come_from_the_deal(xyz):
    for level, blob in xyz.items():
        props = open_docx(blob).core_properties
        assert props.title.endswith(": xyz投资公司 全国ATM数据通信组网")
        assert (props.author, props.last_modified_by, props.revision) == ("dealdocs", "dealdocs", 1)
        assert props.created == props.modified == dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


def test_rendering_twice_gives_the_same_parts():
    first, second = render_briefs(example(XYZ)), render_briefs(example(XYZ))
    for level in AUDIENCES:
        assert part_names(first[level]) == part_names(second[level])
        for name in part_names(first[level]):
            assert part(first[level], name) == part(second[level], name), (level, name)


def test_english_deal_gives_english_briefs(northbank):
    for level, blob in northbank.items():
        text = body_text(blob) + header_text(blob)
        assert not CJK.findall(text), level
    lines = body_lines(northbank["frontline"])
    assert "What the customer's front-line level cares about" in lines
    assert header_text(northbank["senior"]) == \
        "Northbank Financial — branch network consolidation · Senior · Internal / Confidential"
    figures = dict(row for row in table_with_header(northbank["middle"], "Key figure")[1:])
    assert figures["Customer's investment"] == "2.4 million US dollars"
    assert figures["Payback"] == "16 months"


def test_ampersand_and_angle_bracket_survive():
    analysis = example(XYZ)
    deal = analysis.deal.model_copy(update={"customer": Customer(name="张三 & <Co>")})
    briefs = render_briefs(analysis_of(deal))
    for blob in briefs.values():
        assert "张三 & <Co> · 面向客户" in body_text(blob)
        assert open_docx(blob).core_properties.subject == "张三 & <Co>"


@pytest.mark.parametrize(("level", "number", "chart"),
                         [("senior", 1, "scatterChart"), ("senior", 2, "radarChart"), ("middle", 1, "radarChart")])
def test_native_chart_with_an_east_asian_font_and_its_workbook(xyz, level, number, chart):
    names = part_names(xyz[level])
    assert f"word/charts/chart{number}.xml" in names
    assert f"word/embeddings/Microsoft_Excel_Sheet{number}.xlsx" in names
    xml = part(xyz[level], f"word/charts/chart{number}.xml").decode()
    assert f"<c:{chart}>" in xml
    assert '<a:ea typeface="Microsoft YaHei"/>' in xml
    rels = part(xyz[level], f"word/charts/_rels/chart{number}.xml.rels").decode()
    assert 'Id="rId1"' in rels and f"../embeddings/Microsoft_Excel_Sheet{number}.xlsx" in rels
    workbook = zipfile.ZipFile(io.BytesIO(part(xyz[level], f"word/embeddings/Microsoft_Excel_Sheet{number}.xlsx")))
    assert b"2026-11-20T00:00:00Z" in workbook.read("docProps/core.xml")
    content_types = part(xyz[level], "[Content_Types].xml").decode()
    assert f'<Override PartName="/word/charts/chart{number}.xml" ' \
           'ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' in content_types


def test_each_chart_has_its_caption_under_it(xyz):
    lines = body_lines(xyz["senior"])
    map_caption = "定位图：横轴为业务能力指数，纵轴为客户购买关键因素匹配指数，越靠右上越有利。"
    radar_caption = "客户关系能力雷达图：最强对手对手B现在与3年后的得分，以及我方现在的得分和3年后的目标。"
    assert lines.index(radar_caption) == lines.index(map_caption) + 2  # drawing, caption, drawing, caption


def test_frontline_brief_has_no_chart(xyz):
    assert not [n for n in part_names(xyz["frontline"]) if n.startswith("word/charts/")]


def test_the_map_names_each_company_on_its_point(xyz):
    xml = part(xyz["senior"], "word/charts/chart1.xml").decode()
    assert xml.count('<c:showSerName val="1"/>') == 4
    for name in ("中国电信某省公司", "对手A", "对手B", "对手C", "业务能力", "客户购买关键因素的匹配"):
        assert name in xml


@pytest.mark.parametrize("name", ["xyz-atm-network", "northbank-branch-network", "south-gov-long-distance"])
def test_every_example_renders(name):
    briefs = render_briefs(example(name))
    assert all(blob.startswith(b"PK") for blob in briefs.values())


def sparse_deal():
    """The xyz deal with us ahead everywhere, one contact only, no team, no tracking, no payback."""
    data = example(XYZ).deal.model_dump(mode="json")
    for dimension in ("key_buying_factors", "business_capabilities", "relationship_capabilities"):
        for item in data[dimension]:
            item["scores"]["us"] = 100
            item["in_3_years"] = None
    data["chain"] = {"customer": [{"name": "陈总", "title": "总经理", "level": "top", "strength": 4}],
                     "surrounding": [], "our_team": {}}
    specific = data["value_proposition"]["specific"]
    specific.update(monthly_benefit=None, payback_months=None, tracking=None)
    return Deal.model_validate(data)


def test_a_sparse_deal_says_what_is_missing_instead_of_failing():
    briefs = render_briefs(analysis_of(sparse_deal()))
    middle, frontline = body_lines(briefs["middle"]), body_lines(briefs["frontline"])
    assert "我们在客户这一层级还没有任何联系人。" in frontline
    assert "我方尚未指定基层对接人：会谈前先确定由谁出面。" in frontline
    assert any(line.startswith("一线员工：缺失。") for line in frontline)
    assert "我方在各维度均不落后于对手，预计不会出现基于对比的异议。" in middle
    assert "贵方以什么指标评价投资回报，要求多长的回收期？" in middle
    assert "商定跟踪项目效果的指标和数据来源。" in frontline
    with pytest.raises(AssertionError):
        table_with_header(briefs["middle"], "异议")


def test_no_stale_copies_of_the_bundled_template(xyz):
    names = part_names(xyz["senior"])
    assert "word/stylesWithEffects.xml" not in names  # Word 2010's copy would keep the old fonts
    assert "docProps/thumbnail.jpeg" not in names  # python-docx's picture of another document


# --- the fast path gives docxtpl's document ------------------------------------------


@pytest.mark.parametrize("name", ["xyz-atm-network", "northbank-branch-network", "south-gov-long-distance"])
def test_the_fast_path_gives_docxtpls_bytes(name):
    assert load_brief_template().fast is not None
    assert render_briefs(example(name)) == docxtpl_briefs(example(name))


def test_a_brief_compiles_no_template(monkeypatch):
    load_brief_template()

    def refuse(*args, **kwargs):
        raise AssertionError("compiled while rendering")

    monkeypatch.setattr(environment(), "from_string", refuse)
    assert render_briefs(example(XYZ))["senior"].startswith(b"PK")


def test_charts_are_numbered_in_the_order_the_brief_shows_them(xyz):
    rels = part(xyz["senior"], "word/_rels/document.xml.rels").decode()
    assert re.findall(r'Id="(rId\d+)" Type="[^"]+/chart" Target="(charts/chart\d\.xml)"', rels) == \
        [("rId10", "charts/chart1.xml"), ("rId11", "charts/chart2.xml")]
    xml = part(xyz["senior"], "word/document.xml").decode()
    assert re.findall(r'<c:chart [^>]*r:id="(rId\d+)"', xml) == ["rId10", "rId11"]
    assert re.findall(r'<wp:docPr id="(\d+)"', xml) == ["1001", "1002"]


def test_every_entry_is_dated_1980_and_compressed(xyz):
    for info in zipfile.ZipFile(io.BytesIO(xyz["middle"])).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0), info.filename
        assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename


def test_the_zip_writer_writes_what_zipfile_writes():
    members = [("[Content_Types].xml", b"<Types/>" * 50), ("word/document.xml", "简报".encode() * 999),
               ("word/média.xml", b""), ("docProps/core.xml", bytes(range(256)))]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as reference:
        for name, data in members:
            reference.writestr(name, data)
    assert zip_bytes([(name, Payload.of(data)) for name, data in members]) == pin_zip_dates(buffer.getvalue())
