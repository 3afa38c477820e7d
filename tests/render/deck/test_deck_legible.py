"""Slides read from the back of the room: every run at 12 pt or more (footers aside), one size per
table, no table header cut inside a word, on the examples and on a 5-company deal with long official names."""

from __future__ import annotations

import io

import pytest
import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck
from pipeline.render.office import textfit
from tests.conftest import EXAMPLES, ROOT

EMU_PER_PT = 12700
CELL_PAD_X = 7.2  # the cell's left and right margins together, points (deck_table's insets)
OFFICIAL = ["中国电信股份有限公司广州分公司", "华南信息网络集团股份有限公司", "广东省东方数字通信科技有限公司",
            "新兴云网络服务有限公司", "深圳市联合宽带运营有限责任公司"]


def five_companies(tmp_path):
    """The xyz deal with us and four rivals under long official names (no short names given)."""
    data = yaml.safe_load((ROOT / "inputs" / "xyz-atm-network.yaml").read_text(encoding="utf-8"))
    ids = ["us", "A", "B", "C", "D"]
    data["us"]["name"] = OFFICIAL[0]
    data["competitors"] = [{"id": i, "name": n} for i, n in zip(ids[1:], OFFICIAL[1:])]
    for dimension in ("key_buying_factors", "business_capabilities", "relationship_capabilities"):
        for n, item in enumerate(data[dimension]):
            item["scores"]["D"] = 50 + (13 * n) % 40
            if item.get("in_3_years"):
                item["in_3_years"]["D"] = 60 + (7 * n) % 30
    path = tmp_path / "five.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return analyze(load_deal(path)[0])


@pytest.fixture(scope="module", params=[*EXAMPLES, "five"], ids=lambda p: getattr(p, "stem", p))
def deck(request, tmp_path_factory):
    analysis = (five_companies(tmp_path_factory.mktemp("five")) if request.param == "five"
                else analyze(load_deal(request.param)[0]))
    return Presentation(io.BytesIO(render_deck(analysis)))


def frames(shape):
    if shape.has_text_frame:
        yield shape.text_frame
    elif getattr(shape, "has_table", False) and shape.has_table:
        yield from (cell.text_frame for row in shape.table.rows for cell in row.cells)


def is_footer(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def test_every_run_on_a_slide_is_at_least_12_pt_footers_aside(deck):
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            if is_footer(shape):
                continue
            for frame in frames(shape):
                for run in (r for p in frame.paragraphs for r in p.runs if r.text.strip()):
                    assert run.font.size is not None and run.font.size.pt >= 12, (number, shape.name, run.text)


def tables(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_table", False) and shape.has_table:
                yield shape.table


def test_one_size_per_table_and_no_header_cut_inside_a_word(deck):
    for table in tables(deck):
        sizes = {r.font.size.pt for row in table.rows for c in row.cells for p in c.text_frame.paragraphs
                 for r in p.runs}
        assert len(sizes) == 1, sizes
        size = sizes.pop()
        for cell, column in zip(table.rows[0].cells, table.columns):
            room = column.width / EMU_PER_PT - CELL_PAD_X
            assert not textfit.breaks_words(cell.text, size, room, True), (cell.text, size, room)
            # a Chinese header breaks between characters: never one of a name alone on a line, at most two lines
            lines = textfit.wrap(cell.text, size, room, True)
            if any(textfit.is_wide(char) for char in cell.text):
                assert len(lines) <= 2 and all(len(line) >= 2 for line in lines), lines


def test_long_official_names_appear_short_in_tables_and_whole_on_the_situation_slide(tmp_path):
    prs = Presentation(io.BytesIO(render_deck(five_companies(tmp_path))))
    header = [c.text.replace("\n", "") for c in next(tables(prs)).rows[0].cells]
    assert header[2:] == ["中国电信广州", "华南信息网络", "东方数字通信科技", "新兴云网络服务", "联合宽带运营"]
    situation = "".join(s.text_frame.text for s in prs.slides[2].shapes if s.has_text_frame)
    assert all(name in situation for name in OFFICIAL)
