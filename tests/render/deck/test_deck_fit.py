"""No text overflows its box, however much a deal holds: sizes shrink to a floor, then slides continue."""

from __future__ import annotations

import io

import pytest
import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from pipeline.analysis.analyze import analyze
from pipeline.analysis.results import Tactic
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck
from pipeline.render.office import textfit

SLIDES = 22  # the deck's slides for one deal whose texts fit (the method's order, teaching slides included)

EMU_PER_PT = 12700
RIVALS = ["华南信息网络集团股份有限公司", "东方数字通信科技有限公司", "新兴云网络服务有限公司", "联合宽带运营有限公司"]
LONG_ITEM = "跨省市主备份不同路由与统一网管监控下的交易高峰实时性保障能力"


def crowded_deal(root, tmp_path):
    """The xyz deal with 8 items per dimension, 4 long-named rivals, 7 managers, 9 surrounding relations."""
    data = yaml.safe_load((root / "inputs" / "xyz-atm-network.yaml").read_text(encoding="utf-8"))
    ids = ["us", "A", "B", "C", "D"]
    data["competitors"] = [{"id": i, "name": n} for i, n in zip(ids[1:], RIVALS)]
    for dimension in ("key_buying_factors", "business_capabilities", "relationship_capabilities"):
        data[dimension] = [
            {"name": f"{LONG_ITEM}{n}", "weight": 1 + n % 5, "scores": {i: 50 + (7 * n + 11 * k) % 50 for k, i in enumerate(ids)},
             **({"in_3_years": {"us": 95, "B": 90}} if dimension == "relationship_capabilities" else {})}
            for n in range(8)
        ]
    levels = ["top", "deputy", "deputy", *["manager"] * 7, "frontline", "frontline", "frontline"]
    data["chain"]["customer"] = [
        {"name": f"联系人{n}", "title": "分管信息化与运营的副总经理", "level": level, "strength": n % 6, "our_contact": "李总"}
        for n, level in enumerate(levels)
    ]
    data["chain"]["surrounding"] = [
        {"name": f"省级主管部门信息中心{n}", "kind": "government", "influence": 1 + n % 5, "strength": n % 6} for n in range(9)
    ]
    data["situation"] = "客户的全国数据通信网需要升级改造, 各营业部在交易高峰时段拥塞严重. " * 12
    path = tmp_path / "crowded.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    deal, _ = load_deal(path)
    return deal


@pytest.fixture(scope="module")
def crowded(root, tmp_path_factory):
    analysis = analyze(crowded_deal(root, tmp_path_factory.mktemp("deal")))
    many = [Tactic(rule=f"rule-{n}", title=f"战术{n}: 以综合业务捆绑守住整体方案",
                   recommendation="不与对手打价格战: 以综合业务捆绑守住整体方案, 在客户最关心的价格上给予更大优惠, 换取客户的忠诚和新业务.",
                   reason=f"对手在价格上得分 {80 + n % 10}, 高于我方的 60; 客户把价格列为第三重要的购买因素.")
            for n in range(15)]
    analysis = analysis.model_copy(update={"tactics": many})
    return analysis, Presentation(io.BytesIO(render_deck(analysis)))


def bulleted(shape, paragraph) -> bool:
    pPr = paragraph._p.pPr
    if pPr is not None and pPr.find(qn("a:buNone")) is not None:
        return False
    if pPr is not None and pPr.find(qn("a:buChar")) is not None:  # a text box's own bullet
        return True
    return shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


def text_height(shape, frame, width: float) -> float:
    """The height the frame's paragraphs need, measured as the renderer measures."""
    total = 0.0
    for paragraph in frame.paragraphs:
        runs = paragraph.runs
        if not runs:
            continue
        size = max(r.font.size.pt for r in runs)
        indent = 21.6 * (paragraph.level + 1) if bulleted(shape, paragraph) else 0.0
        bold = all(r.font.bold for r in runs)
        text = paragraph.text.replace("\v", "\n")  # a line break the engine put in is a line
        total += textfit.text_height(len(textfit.wrap(text, size, width - indent, bold)), size)
        total += paragraph.space_before.pt if paragraph.space_before is not None else 0.0
    return total


def overflows(prs) -> list[str]:
    found = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                frame = shape.text_frame
                width = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_PT
                need = text_height(shape, frame, width)
                if need > (shape.height - frame.margin_top - frame.margin_bottom) / EMU_PER_PT + 0.01:
                    found.append(f"slide {number}: '{shape.text_frame.text[:30]}' needs {need:.0f} pt")
            if getattr(shape, "has_table", False) and shape.has_table:
                found += table_overflows(number, slide, shape)
    return found


def table_overflows(number: int, slide, frame) -> list[str]:
    rows = frame.table.rows
    found = []
    room = slide.slide_layout.placeholders
    limit = max(int(ph.top) + int(ph.height) for ph in room if ph.placeholder_format.type == PP_PLACEHOLDER.TABLE) \
        if any(ph.placeholder_format.type == PP_PLACEHOLDER.TABLE for ph in room) else int(frame.top) + int(frame.height)
    if int(frame.top) + sum(int(r.height) for r in rows) > limit:
        found.append(f"slide {number}: table runs below its placeholder")
    for row in rows:
        for column, cell in zip(frame.table.columns, row.cells):
            need = text_height(frame, cell.text_frame, column.width / EMU_PER_PT - 7.2)
            if need > row.height / EMU_PER_PT - 3.6 + 0.01:
                found.append(f"slide {number}: cell '{cell.text[:20]}' needs {need:.0f} pt")
    return found


def smallest_size(prs) -> float:
    sizes = [r.font.size.pt for s in prs.slides for shape in s.shapes if shape.has_text_frame
             for p in shape.text_frame.paragraphs for r in p.runs if not shape.name.startswith(("Footer", "Slide Number"))]
    return min(sizes)


def test_no_text_overflows_in_the_example_decks(root):
    for name in ("xyz-atm-network", "northbank-branch-network", "south-gov-long-distance"):
        deal, _ = load_deal(root / "inputs" / f"{name}.yaml")
        assert overflows(Presentation(io.BytesIO(render_deck(analyze(deal))))) == [], name


def test_a_crowded_deal_still_fits_every_box(crowded):
    assert overflows(crowded[1]) == []


def test_a_crowded_chain_shows_every_contact_and_relation(crowded):
    analysis, prs = crowded
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "关系链条模型")
    text = "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert all(c.name in text for c in analysis.deal.chain.customer)
    assert all(r.name in text for r in analysis.deal.chain.surrounding)
    connectors = [s for s in slide.shapes if s.name.startswith("Connector")]
    assert len(connectors) == 13 + 3


def test_eight_items_and_five_companies_fit_one_table_at_a_readable_size(crowded):
    analysis, prs = crowded
    titles = [s.shapes.title.text_frame.text.split("\n")[0] for s in prs.slides]  # the topic: a kicker, or the title
    slide = prs.slides[titles.index("客户购买关键因素的匹配：比较分析")]
    table = next(shape.table for shape in slide.shapes if getattr(shape, "has_table", False) and shape.has_table)
    assert len(table.rows) == 1 + 8 + 2
    # the rivals' legal forms dropped: the short names pipeline.load.short_names derives
    assert [c.text.replace("\n", "") for c in table.rows[0].cells][2:] == ["中国电信某省公司", "华南信息网络", "东方数字通信科技",
                                                         "新兴云网络服务", "联合宽带运营"]
    body = [r.font.size.pt for row in list(table.rows)[1:] for c in row.cells for p in c.text_frame.paragraphs for r in p.runs]
    assert min(body) >= 9


def test_many_tactics_continue_on_further_slides_none_lost(crowded):
    analysis, prs = crowded
    titles = [s.shapes.title.text_frame.text.split("\n")[0] for s in prs.slides]  # the topic: a kicker, or the title
    tactic_slides = [s for s, t in zip(prs.slides, titles) if t.startswith("竞争战术")]
    assert len(tactic_slides) >= 2
    assert [t for t in titles if t.startswith("竞争战术")][1] == "竞争战术（续1）"
    shown = "\n".join(shape.text_frame.text for s in tactic_slides for shape in s.placeholders if shape.has_text_frame)
    for tactic in analysis.tactics:
        assert shown.count(tactic.title) == 1
        assert tactic.reason in shown
    assert all(s.notes_slide.notes_text_frame.text for s in tactic_slides)


def test_shrinking_stops_at_a_readable_floor(crowded):
    assert smallest_size(crowded[1]) >= 7


MINIMAL = """\
title: Minimal deal
language: en
date: 2026-01-05
customer: {name: Acme}
us: {id: us, name: Us}
competitors: [{id: r, name: Rival}]
key_buying_factors: [{name: Price, weight: 1, scores: {us: 50, r: 60}}]
business_capabilities: [{name: Reach, weight: 1, scores: {us: 70, r: 60}}]
relationship_capabilities: [{name: Trust, weight: 1, scores: {us: 40, r: 40}}]
positioning_statement: We win on reach.
value_proposition:
  overall: {expertise: networks, capability: connect branches, improves: uptime}
  specific:
    start: 2026-06
    offering: a network
    outcomes: [{metric: uptime, change_pct: 5}]
    investment: {amount: 1000, currency: USD}
  levels: {senior: Uptime is strategy., middle: It fits the budget., frontline: Fewer outages.}
chain:
  customer: []
"""


def test_a_minimal_deal_renders_every_slide_with_its_gaps_said(tmp_path):
    path = tmp_path / "minimal.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    deal, _ = load_deal(path)
    analysis = analyze(deal)
    prs = Presentation(io.BytesIO(render_deck(analysis)))
    assert len(prs.slides) == SLIDES
    assert overflows(prs) == []
    every = "\n".join(shape.text_frame.text for s in prs.slides for shape in s.shapes if shape.has_text_frame)
    assert "The deal file does not describe the situation" in every
    assert every.count("Missing: no contact at this level") == 4
    assert "The deal file lists no surrounding relations." in every
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides)  # the discussion's answers
    assert "the deal file gives no 3-year relationship targets for us." in notes
    assert "We win on reach." in every


def test_text_longer_than_a_slide_at_the_floor_is_an_error_that_says_what_to_shorten(tmp_path):
    from pipeline.errors import RenderError

    path = tmp_path / "long.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    deal, _ = load_deal(path)  # the loader refuses a text this long; the renderer must hold its own line too
    statement = deal.positioning_statement.replace("We win on reach.", "We win on reach. " * 400).strip()
    deal = deal.model_copy(update={"positioning_statement": statement})
    with pytest.raises(RenderError) as error:
        render_deck(analyze(deal))
    assert str(error.value) == (
        "text too long for its box even at 9 pt; shorten it in the deal file: 'We win on reach. We win on reach. We win…'"
    )


def test_a_table_too_long_for_one_slide_is_split_by_rows_with_totals_on_the_last_page():
    from pipeline.render.office import tables
    from pipeline.render.office.shapes import Region

    rows = [[f"{LONG_ITEM}{n}", "3", "70", "80"] for n in range(30)]
    table = tables.Table(["项目", "权重", "我方", "对手"], rows, [4, 1, 1, 1], [["加权合计", "", "2100", "2400"]])
    region = Region(0, 0, 6 * 914400, 4 * 914400)
    pages = tables.pages(table, region, 16, 9)
    assert len(pages) > 1
    assert [row for page, _ in pages for row in page.rows] == rows
    assert [page.footer for page, _ in pages] == [[]] * (len(pages) - 1) + [[["加权合计", "", "2100", "2400"]]]
    for page, sizes in pages:
        assert sizes[1] >= 9
        assert tables.table_height(page, region, sizes) <= region.height / EMU_PER_PT


def test_a_table_filling_under_half_its_region_is_laid_out_larger_and_taller():
    from pipeline.render.office import tables
    from pipeline.render.office.shapes import Region

    region = Region(0, 0, 12 * 914400, 5 * 914400)
    room = region.height / EMU_PER_PT
    small = tables.Table(["字母", "含义"], [["S", "具体的"], ["M", "可以度量的"], ["A", "可以实现的"]], [1, 3])
    fitted = tables.table_size(small, region, 18, 12)
    assert tables.table_height(small, region, fitted) < room / 2  # sparse at the table sizes
    larger = tables.enlarged(small, region, fitted, 20)
    assert larger == (20, 20)  # the body size, as it fits
    grow = tables.spread(small, region, larger)
    assert 0 < grow <= 20 * textfit.LINE_HEIGHT
    height = tables.table_height(small, region, larger) + grow * 4
    assert room / 2 <= height <= room * 0.8 + 0.01 or grow == pytest.approx(20 * textfit.LINE_HEIGHT)
    full = tables.Table(["项目", "说明"], [[f"第{n}项", LONG_ITEM] for n in range(12)], [1, 3])
    sizes = tables.table_size(full, region, 18, 9)
    assert tables.enlarged(full, region, sizes, 20) == sizes and tables.spread(full, region, sizes) == 0


def test_the_smart_letters_slide_uses_its_space(root):
    deal, _ = load_deal(root / "inputs" / "xyz-atm-network.yaml")
    prs = Presentation(io.BytesIO(render_deck(analyze(deal))))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text.startswith("SMART："))
    frame = next(sh for sh in slide.shapes if getattr(sh, "has_table", False) and sh.has_table)
    sizes = {r.font.size.pt for row in frame.table.rows for c in row.cells for p in c.text_frame.paragraphs
             for r in p.runs}
    assert sizes == {20.0}  # the body size, not the tables' 18 at most
    region = next(ph for ph in slide.slide_layout.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.TABLE)
    used = sum(int(r.height) for r in frame.table.rows) / int(region.height)
    assert 0.5 <= used <= 0.81
    assert not table_overflows(14, slide, frame)
