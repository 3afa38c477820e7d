"""The teaching slides: SMART letter by letter before step 2, the zipper and the chain read both ways
before the chain slide, the kinds of surrounding relations after it, and a discussion slide that asks
without answering (the answers are in its notes)."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck
from tests.conftest import ROOT

LEVELS = ("top", "deputy", "manager", "frontline")


@pytest.fixture(scope="module")
def xyz():
    deal = load_deal(ROOT / "inputs" / "xyz-atm-network.yaml")[0]
    return deal, Presentation(io.BytesIO(render_deck(analyze(deal))))


@pytest.fixture(scope="module")
def bureau():
    deal = load_deal(ROOT / "inputs" / "city-medical-insurance.yaml")[0]
    return deal, Presentation(io.BytesIO(render_deck(analyze(deal))))


@pytest.fixture(scope="module")
def northbank():
    deal = load_deal(ROOT / "inputs" / "northbank-branch-network.yaml")[0]
    return deal, Presentation(io.BytesIO(render_deck(analyze(deal))))


def titles(prs) -> list[str]:
    return [s.shapes.title.text_frame.text for s in prs.slides]


def slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title.text_frame.text == title)


def body_lines(s) -> list[str]:
    return [p.text for shape in s.shapes if shape.has_text_frame and shape != s.shapes.title
            for p in shape.text_frame.paragraphs if p.text.strip() and not p.text.startswith(("竞争定位", "Competitive"))
            and not p.text.isdigit()]


def table_rows(s) -> list[list[str]]:
    table = next(shape.table for shape in s.shapes if getattr(shape, "has_table", False) and shape.has_table)
    return [[c.text for c in row.cells] for row in table.rows]


def notes(s) -> str:
    return s.notes_slide.notes_text_frame.text


def test_each_concept_is_taught_before_the_deal_applies_it(xyz):
    order = titles(xyz[1])
    assert order.index("SMART：每个字母的含义") + 1 == order.index("价值命题第二步：具体化价值命题（SMART）")
    assert (order.index("拉链：关系链条的每一环") < order.index("读关系链条：从上至下，从下至上")
            < order.index("关系链条模型") < order.index("周边关系的种类") < order.index("讨论"))


def test_smart_is_explained_letter_by_letter_with_the_methods_meaning(xyz, northbank):
    rows = table_rows(slide(xyz[1], "SMART：每个字母的含义"))
    assert [r[0] for r in rows[1:]] == ["S", "M", "A", "R", "T"]
    assert [r[1] for r in rows[1:]] == ["具体的", "可以度量的", "可以实现的", "是现实的", "有时间限制的"]
    assert "企业价值、投资回报率、市场份额" in rows[1][2]
    assert "提高多少" in rows[2][2] and "成本" in rows[2][2]
    assert "什么时间完成" in rows[5][2]
    en = table_rows(slide(northbank[1], "SMART, letter by letter"))
    assert [r[1] for r in en[1:]] == ["Specific", "Measurable", "Achievable", "Realistic", "Time-based"]
    assert "enterprise value, return on investment, market share" in en[1][2]
    assert "how much" in en[2][2] and "what cost" in en[2][2] and "done by when" in en[5][2]


def held(deal, level: str) -> bool:
    return any(c.strength >= 3 for c in deal.chain.customer if c.level == level)


def test_the_zipper_is_on_a_slide_with_each_link_of_this_deal(xyz):
    deal, prs = xyz
    lines = body_lines(slide(prs, "拉链：关系链条的每一环"))
    assert "好的关系像一条拉链，有无数个链节" in lines and "中间任何一环坏了，拉链就报废了" in lines
    names = {"top": "一把手", "deputy": "副总经理", "manager": "部门或分管经理", "frontline": "一线员工"}
    links = [line for line in lines if line.startswith(tuple(f"{n}：" for n in names.values()))]
    assert [line.split("：")[0] for line in links] == list(names.values())
    for level, line in zip(LEVELS, links):
        assert line.endswith("✓" if held(deal, level) else "✗"), line
    whole = all(held(deal, level) for level in LEVELS)
    assert ("本案的拉链完整" if whole else "本案的拉链有断口") in lines


def test_the_chain_is_read_top_down_and_bottom_up_in_the_customers_ranks(bureau):
    deal, prs = bureau
    lines = body_lines(slide(prs, "读关系链条：从上至下，从下至上"))
    ranks = ["一把手", "分管领导", "处室负责人", "工作人员"]
    who = {level: "、".join(c.name for c in deal.chain.customer if c.level == level) for level in LEVELS}
    down = [f"{rank}：{who[level]}" for rank, level in zip(ranks, LEVELS)]
    start = lines.index("从上至下")
    assert [re.sub(r"^[↓↑] ", "", line) for line in lines[start + 2:start + 6]] == down
    start = lines.index("从下至上")
    assert [re.sub(r"^[↓↑] ", "", line) for line in lines[start + 2:start + 6]] == down[::-1]
    assert "副总经理" not in "\n".join(lines) + notes(slide(prs, "读关系链条：从上至下，从下至上"))


def test_the_kinds_of_surrounding_relations_are_taught_as_a_list_with_this_deals_relations(xyz):
    deal, prs = xyz
    lines = body_lines(slide(prs, "周边关系的种类"))
    kinds = ["省、市政府部门", "部委（如信息产业部、银监会）及监管机构", "投资银行、股东单位", "咨询师、管理顾问", "合资、合作伙伴"]
    assert [line for line in lines if not line.startswith("本案")] == kinds
    group = {"government": 0, "ministry": 1, "regulator": 1, "investor": 2, "shareholder": 2, "consultant": 3,
             "partner": 4}
    answers = [line for line in lines if line.startswith("本案")]
    for relation in deal.chain.surrounding:
        assert relation.name in answers[group[relation.kind]]
    assert len(answers) == 5


def test_the_discussion_slide_asks_and_its_notes_answer(xyz, northbank):
    deal, prs = xyz
    s = slide(prs, "讨论")
    assert body_lines(s) == ["哪一方面的客户关系能力强？强到什么程度？", "以后要加强哪一方面？加强到什么程度？"]
    us = deal.us.id
    leading = [i for i in deal.relationship_capabilities
               if i.scores[us] > max(i.scores[c.id] for c in deal.competitors)]
    for item in leading:
        assert f"{item.name} {item.scores[us]:g}" in notes(s)
    targets = [(i.name, i.scores[us], i.in_3_years[us]) for i in deal.relationship_capabilities
               if i.in_3_years and us in i.in_3_years]
    assert any(f"{name} {now:g} → {target:g}" in notes(s) for name, now, target in targets)
    en = slide(northbank[1], "Discussion")
    assert body_lines(en) == ["Which relationship capability is strong, and to what degree?",
                              "Which will we strengthen in future, and to what degree?"]
    assert "Reference answer 1" in notes(en) and "Reference answer 2" in notes(en)


def test_a_public_bodys_zipper_names_its_own_ranks(bureau):
    lines = body_lines(slide(bureau[1], "拉链：关系链条的每一环"))
    assert "从一把手、分管领导、处室负责人到工作人员，每一层都要建立对应的关系" in lines
