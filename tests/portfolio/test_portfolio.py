"""The book of business: the portfolio workbook carries every deal with the analyses' figures and marks
in red what needs help; the page sorts, links to each deal's documents and works in a real browser."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.analysis.analyze import analyze
from pipeline.load.model import DIMENSIONS
from pipeline.portfolio.build import build_portfolio, portfolio_files
from pipeline.words.labels import label
from tests.deals import contact, dims, make
from tests.conftest import EXAMPLES

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The three examples built, and their portfolio written, as `dealdocs portfolio` does."""
    out = tmp_path_factory.mktemp("portfolio")
    summary, analyses = build_portfolio([str(p) for p in EXAMPLES], out, "zh", jobs=1)
    assert summary.count("failed") == 0
    for name, data in portfolio_files(analyses, "zh").items():
        (out / name).write_bytes(data)
    return out, analyses


def rows_of(sheet) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row)) for row in values[1:]]


def test_the_workbook_has_a_row_per_deal_with_the_analyses_figures(built):
    out, analyses = built
    book = load_workbook(out / "portfolio.xlsx")
    assert book.sheetnames == ["交易", *(label("zh", d) for d in DIMENSIONS), "下一步行动"]
    rows = rows_of(book["交易"])
    assert [r["交易"] for r in rows] == [a.deal.id for a in analyses]
    for row, analysis in zip(rows, analyses):
        us = analysis.deal.us.id
        assert row["客户"] == analysis.deal.customer.name
        kinds = {"enterprise": "企业", "government": "政府", "hospital": "医院", "school": "学校", "institution": "事业单位"}
        assert row["客户类型"] == kinds[analysis.audience.customer_type]
        for d in DIMENSIONS:
            # the exact figures, to the 15 significant digits a spreadsheet cell keeps
            assert row["我方指数：" + label("zh", d)] == pytest.approx(analysis.scores[d][us].index, rel=1e-14)
            assert row["对最强对手：" + label("zh", d)] == pytest.approx(analysis.overview.margins[d], rel=1e-14)
        positions = [getattr(p, d) for p in analysis.positioning.values() for d in DIMENSIONS]
        assert row["劣势数"] == positions.count("disadvantage") and row["优势数"] == positions.count("advantage")
        assert [row[x] for x in "SMART"] == ["✓" if analysis.value.smart[x].ok else "✗" for x in "SMART"]
        assert row["回收期（月）"] == pytest.approx(analysis.value.payback_months, rel=1e-14)
        assert row["已建立层级"] == sum(1 for level in analysis.chain.levels.values() if level.held)
        assert row["战术"] == "; ".join(t.title for t in analysis.tactics)
    sheet = book["交易"]
    last = sheet.cell(1, sheet.max_column).column_letter
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == f"A1:{last}{len(analyses) + 1}"


def test_indexes_margins_and_paybacks_read_as_in_the_documents(built):
    """One format per quantity (issue 12): the workbook keeps the exact figure and shows an index and a
    payback to one decimal, a margin signed; the page writes a margin signed to one decimal (80.0, +15.0)."""
    out, analyses = built
    sheet = load_workbook(out / "portfolio.xlsx")["交易"]
    headings = [cell.value for cell in sheet[1]]
    for d in DIMENSIONS:
        index_column = headings.index("我方指数：" + label("zh", d)) + 1
        margin_column = headings.index("对最强对手：" + label("zh", d)) + 1
        for row in range(2, len(analyses) + 2):
            assert sheet.cell(row, index_column).number_format == "0.0"
            assert sheet.cell(row, margin_column).number_format == "+0.0;-0.0;0.0"
    payback_column = headings.index("回收期（月）") + 1
    assert {sheet.cell(row, payback_column).number_format for row in range(2, len(analyses) + 2)} == {"0.0"}
    page = (out / "portfolio.html").read_text(encoding="utf-8")
    for analysis in analyses:
        row = re.search(rf'<tr data-deal="{re.escape(analysis.deal.id)}">(.*?)</tr>', page).group(1)
        cells = dict(re.findall(r'<td class="[^"]*num[^"]*" data-sort="([^"]*)">([^<]*)</td>', row))
        for d in DIMENSIONS:
            exact = analysis.overview.margins[d]
            tenths = int(abs(exact) * 10 + 0.5 + 1e-9)  # a half rounds away from zero, as Excel's 0.0 does
            shown = ("-" if exact < 0 else "+" if tenths else "") + f"{tenths // 10}.{tenths % 10}"
            assert cells[str(exact)] == shown


def test_each_dimension_sheet_scores_every_item_of_every_deal(built):
    out, analyses = built
    book = load_workbook(out / "portfolio.xlsx")
    for dimension in DIMENSIONS:
        rows = rows_of(book[label("zh", dimension)])
        expected = [(a.deal.id, i.name, i.weight, i.scores[a.deal.us.id]) for a in analyses
                    for i in a.deal.dimension(dimension)]
        assert [(r["交易"], r["项目"], r["权重"], r["我方分数"]) for r in rows] == expected
        for r in rows:
            assert r["分差"] == round(r["我方分数"] - r["对手分数"], 2)


def test_next_actions_are_the_links_to_mend_and_the_tactics_with_their_owners(built):
    out, analyses = built
    rows = rows_of(load_workbook(out / "portfolio.xlsx")["下一步行动"])
    expected = [(a.deal.id, w.action, w.owner or "未指定") for a in analyses for w in a.chain.weak_links]
    expected += [(a.deal.id, t.recommendation, a.value.levels["senior"].our_person or "未指定") for a in analyses
                 for t in a.tactics]
    assert sorted((r["交易"], r["行动"], r["负责人"]) for r in rows) == sorted(expected)


def test_red_marks_a_broken_top_link_a_disadvantage_and_a_failed_smart_letter():
    # us trails A by 20 on relationships: a disadvantage; the number one has no link at all (strength 0)
    deal = make(**dims((80, 80, 80), (80, 80, 80), (60, 80, 60)),
                chain_customer=[contact("Top", "top", 0), contact("Deputy", "deputy", 3)],
                specific={"tracking": None, "payback_months": None, "monthly_benefit": None})
    analysis = analyze(deal)
    book = load_workbook(io.BytesIO(portfolio_files([analysis], "en")["portfolio.xlsx"]))
    sheet = book["Deal"]
    headings = [c.value for c in sheet[1]]
    row = dict(zip(headings, [c.value for c in sheet[2]]))
    assert row["Number-one link"] == "broken" and row["Disadvantages"] == 1
    failed = [x for x in "SMART" if row[x] == "✗"]
    assert failed == [x for x in "SMART" if not analysis.value.smart[x].ok]
    rules = {str(formatting.sqref): formatting.rules for formatting in sheet.conditional_formatting}
    column = {h: sheet.cell(1, n + 1).column_letter for n, h in enumerate(headings)}
    top = rules[f"{column['Number-one link']}2"][0]  # one deal: the ranges are one cell
    assert top.formula == [f'OR({column["Number-one link"]}2="broken",{column["Number-one link"]}2="missing")']
    worse = rules[f"{column['Disadvantages']}2"][0]
    assert (worse.operator, worse.formula) == ("greaterThan", ["0"])
    smart = rules[f"{column['S']}2:{column['T']}2"][0]
    assert (smart.operator, smart.formula) == ("equal", ['"✗"'])
    assert all(r.dxf.fill.fgColor.rgb.endswith("FFC7CE") for r in (top, worse, smart))


def test_the_page_is_self_contained(built):
    out, _ = built
    page = (out / "portfolio.html").read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe)\b|<script\s+src|@import|url\(", page)
    assert set(re.findall(r"https?://[^\"' )]+", page)) == {"http://www.w3.org/2000/svg"}
    assert page.count('<g class="bubble"') == len(EXAMPLES)


# --- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); the browser test needs Debian's chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()


def deal_order(page) -> list[str]:
    return page.eval_on_selector_all("table.deals tbody tr", "rows => rows.map(r => r.dataset.deal)")


def test_the_page_sorts_links_every_document_and_draws_the_map_in_chromium(built, browser, tmp_path):
    out, analyses = built
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto((out / "portfolio.html").resolve().as_uri())
    assert deal_order(page) == [a.deal.id for a in analyses]
    headings = page.eval_on_selector_all("table.deals th", "hs => hs.map(h => h.textContent)")
    payback = {a.deal.id: a.value.payback_months for a in analyses}
    page.click(f"table.deals th:nth-child({headings.index('回收期（月）') + 1})")
    assert deal_order(page) == sorted(payback, key=payback.get)
    page.click(f"table.deals th:nth-child({headings.index('回收期（月）') + 1})")
    assert deal_order(page) == sorted(payback, key=payback.get, reverse=True)
    page.click("table.deals th:nth-child(1)")  # the deal column sorts by id
    assert deal_order(page) == sorted(payback)
    links = page.eval_on_selector_all(
        "table.deals tbody tr", "rows => rows.map(r => [r.dataset.deal, Array.from(r.querySelectorAll('a'))"
                                ".map(a => a.href)])")
    for deal_id, hrefs in links:
        assert len(hrefs) == 5
        for href in hrefs:
            assert href.startswith("file://")
            target = Path(href.removeprefix("file://"))
            assert target.is_file() and target.parent.name == deal_id, href
    assert page.locator("svg g.bubble").count() == len(analyses)
    shot = tmp_path / "portfolio.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.close()


def test_the_command_builds_and_writes_both_files_in_english(tmp_path, capsys):
    from pipeline.cli.main import main

    deal = tmp_path / "xyz.yaml"
    shutil.copy(EXAMPLES[-1], deal)
    assert main(["portfolio", str(deal), "--out", str(tmp_path / "out"), "--lang", "en", "-j", "1"]) == 0
    assert (tmp_path / "out" / "xyz-atm-network" / "training-deck.pptx").is_file()
    page = (tmp_path / "out" / "portfolio.html").read_text(encoding="utf-8")
    assert "Book of business" in page and 'href="xyz-atm-network/brief-senior.docx"' in page
    assert load_workbook(tmp_path / "out" / "portfolio.xlsx").sheetnames[0] == "Deal"


def test_a_tactic_is_owned_by_the_senior_person_the_chain_names():
    """No our_team, 李总 holds the top link: the tactics are his, not 未指定 (issue #23, point 8)."""
    from pipeline.analysis.analyze import analyze
    from pipeline.portfolio.rows import next_actions
    from tests.deals.fixtures import HELD_CHAIN, contact, make

    analysis = analyze(make(chain_customer=[contact("陈总", "top", 2, our_contact="李总"), *HELD_CHAIN[1:]],
                            chain_our_team={}))
    assert [(a.why, a.owner) for a in next_actions(analysis, "zh")] == [
        ("关系薄弱: 陈总", "李总"), ("战术: 高层对高层", "李总")]  # was ("战术: 高层对高层", "未指定")
