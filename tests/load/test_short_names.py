"""Short names: given or derived from the official name, unique within a deal, used wherever room is short."""

from __future__ import annotations

import io

import yaml
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.load.short_names import derive, short_names
from pipeline.render.brief.context import brief_context
from pipeline.render.deck.slides import render_deck
from tests.conftest import ROOT


def test_legal_forms_and_a_leading_province_or_city_are_dropped():
    assert derive("华南信息网络集团股份有限公司") == "华南信息网络"
    assert derive("中国电信股份有限公司广州分公司") == "中国电信广州"
    assert derive("广东省广州市华南信息网络有限公司") == "华南信息网络"
    assert derive("北京东方数字通信科技有限责任公司") == "东方数字通信科技"


def test_a_name_with_nothing_to_drop_or_nothing_left_stays_whole():
    for name in ("中国电信某省公司", "对手A（移动运营商）", "Meridian Networks", "北京公司", "广东省分公司", "集团"):
        assert derive(name) == name


def test_given_short_names_win_and_derived_ones_that_clash_fall_back_to_the_full_name():
    named = [("us", "中国电信股份有限公司广州分公司", None), ("A", "广州华南有限公司", None),
             ("B", "深圳华南有限公司", None), ("C", "联合宽带运营有限公司", "联宽")]
    assert short_names(named) == {"us": "中国电信广州", "A": "广州华南有限公司", "B": "深圳华南有限公司", "C": "联宽"}


chinese = st.text(st.sampled_from("华南信息网络东方数字广州北京有限公司股份分集团省市"), min_size=1, max_size=14)


@given(st.lists(chinese, min_size=2, max_size=6, unique=True))
def test_derived_short_names_are_unique_and_never_empty(names):
    shorts = short_names([(str(n), name, None) for n, name in enumerate(names)])
    assert len(set(shorts.values())) == len(names)
    assert all(len(s) >= 2 or s == names[int(k)] for k, s in shorts.items())


OFFICIAL = {"us": "中国电信股份有限公司广州分公司", "A": "华南信息网络集团股份有限公司",
            "B": "广东省东方数字通信科技有限公司", "C": "新兴云网络服务有限公司"}


def long_names_deal(tmp_path):
    data = yaml.safe_load((ROOT / "inputs" / "xyz-atm-network.yaml").read_text(encoding="utf-8"))
    data["us"]["name"] = OFFICIAL["us"]
    for competitor in data["competitors"]:
        competitor["name"] = OFFICIAL[competitor["id"]]
    data["competitors"][2]["short_name"] = "新兴云"
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return analyze(load_deal(path)[0])


def test_tables_charts_and_briefs_use_short_names_and_the_situation_slide_the_full_ones(tmp_path):
    analysis = long_names_deal(tmp_path)
    shorts = ["中国电信广州", "华南信息网络", "东方数字通信科技", "新兴云"]
    prs = Presentation(io.BytesIO(render_deck(analysis)))
    table = next(s for s in prs.slides[4].shapes if s.has_table).table
    assert [c.text.replace("\n", "") for c in table.rows[0].cells][2:] == shorts
    bars = next(s for s in prs.slides[4].shapes if s.has_chart).chart
    assert [s.name for s in bars.series] == shorts
    bubbles = next(s for s in prs.slides[8].shapes if s.has_chart).chart
    assert sorted(s.name for s in bubbles.series) == sorted(shorts)
    situation = "".join(s.text_frame.text for s in prs.slides[2].shapes if s.has_text_frame)
    assert "中国电信股份有限公司广州分公司（简称中国电信广州）" in situation
    assert "新兴云网络服务有限公司（简称新兴云）" in situation
    middle = brief_context(analysis, "middle")
    assert [r.company for r in middle.index_rows] == shorts
    assert [s.name for s in middle.charts[0].series][:2] == ["东方数字通信科技", "东方数字通信科技3年后"]  # B leads the rivals in relationship capability
    senior = brief_context(analysis, "senior")
    assert [s.name for s in senior.charts[0].series] == [*shorts[1:], shorts[0]]
