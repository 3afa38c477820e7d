"""Mistakes a Chinese keyboard makes, diagnosed by what was typed, on the line where it was typed."""

from __future__ import annotations

import pytest

from pipeline.load.keyboard import syntax_hint, value_hint
from pipeline.load.synonyms import SYNONYMS
from tests.deals import MINIMAL_DEAL, problems_after_edit

CASES = {
    "full-width colon after a top-level key": ("title: 演示项目", "title：演示项目", [
        "2:6: YAML syntax error: a full-width colon '：' after 'title'; "
        "type the ASCII colon and a space: title: ..."]),
    "full-width colon inside a list item": ("    weight: 4\n", "    weight：4\n", [
        "13:11: YAML syntax error: a full-width colon '：' after 'weight'; "
        "type the ASCII colon and a space: weight: ..."]),
    "full-width colon that YAML read as text": ("  name: 某省海关", "  name：某省海关", [
        "6:3: customer: a full-width colon '：' after 'name'; type the ASCII colon and a space: name: 某省海关"]),
    "full-width comma inside braces": ("{us: 90, A: 60, B: 70}", "{us: 90，A: 60, B: 70}", [
        "14:20: YAML syntax error: a full-width comma '，' between the entries of {...} or [...]; "
        "separate them with the ASCII comma ','"]),
    "Chinese quotes around a value with ': '": ("title: 演示项目", "title: “演示: 一期”", [
        "2:8: YAML syntax error: the value is in Chinese quotes “”, which YAML does not read as quotes; "
        "use ASCII quotes: title: \"演示: 一期\""]),
    "Chinese quotes around a number": ("{us: 90, A: 60, B: 70}", "{us: “90”, A: 60, B: 70}", [
        "14:18: key_buying_factors[0].scores.us: the Chinese quotes “” around '90' are part of the value; "
        "write 90 without them"]),
    "full-width digits": ("weight: 4", "weight: ８5", [
        "13:13: key_buying_factors[0].weight: '８5' is typed with full-width digits; type 85 with ASCII digits"]),
    "full-width digits in a score": ("{us: 90, A: 60, B: 70}", "{us: ９０, A: 60, B: 70}", [
        "14:18: key_buying_factors[0].scores.us: '９０' is typed with full-width digits; type 90 with ASCII digits"]),
    "double-quoted value that goes on": ("title: 演示项目", 'title: "演示"项目', [
        "2:12: YAML syntax error: the value starts with a quote and goes on after the closing one "
        "(\"演示\"项目); put all of it in quotes ('\"演示\"项目') or leave the quotes out"]),
    "single-quoted value that goes on": ("title: 演示项目", "title: '演示'项目", [
        "2:12: YAML syntax error: the value starts with a quote and goes on after the closing one "
        "('演示'项目); put all of it in quotes (\"'演示'项目\") or leave the quotes out"]),
    "over-indented top-level key": ("language: zh", "  language: zh", [
        "3:3: YAML syntax error: 'language' is indented more than 'title' on line 2 (2 spaces against 0), "
        "so it reads as part of that value; line it up with the keys of its mapping"]),
    "over-indented key in a list item": ("    weight: 5\n    scores: {us: 90, A: 60, B: 75}",
                                         "    weight: 5\n      scores: {us: 90, A: 60, B: 75}", [
        "18:7: YAML syntax error: 'scores' is indented more than 'weight' on line 17 (6 spaces against 4), "
        "so it reads as part of that value; line it up with the keys of its mapping"]),
    "a Chinese level name": ("level: top", "level: 高层", [
        "37:26: chain.customer[0].level: '高层' means top: write level: top; "
        "expected one of top (一把手), deputy (副总经理), manager (部门或分管经理), frontline (一线员工)"]),
    "a Chinese kind name": ("kind: ministry", "kind: 部委", [
        "40:26: chain.surrounding[0].kind: '部委' means ministry: write kind: ministry; "
        "expected one of government, ministry, regulator, investor, shareholder, consultant, partner"]),
}


@pytest.mark.parametrize("old, new, expected", CASES.values(), ids=CASES.keys())
def test_keyboard_mistake(tmp_path, old, new, expected):
    assert problems_after_edit(tmp_path, old, new) == [f"demo.yaml:{line}" for line in expected]


@pytest.mark.parametrize("typed, level", [("高层", "top"), ("一把手", "top"), ("副总", "deputy"), ("中层", "manager"),
                                          ("部门经理", "manager"), ("科长", "manager"), ("基层", "frontline"),
                                          ("一线", "frontline")])
def test_level_synonyms(tmp_path, typed, level):
    [line] = problems_after_edit(tmp_path, "level: top", f"level: {typed}")
    assert f"'{typed}' means {level}: write level: {level};" in line


def test_synonyms_name_only_values_of_the_contract():
    from pipeline.load.model import CHAIN_LEVELS, SURROUNDING_KINDS

    assert set(SYNONYMS["level"].values()) == set(CHAIN_LEVELS)
    assert set(SYNONYMS["kind"].values()) == set(SURROUNDING_KINDS)


def test_full_width_text_in_values_is_left_alone():
    """A full-width colon, comma or quotes inside a text value are Chinese writing, not mistakes."""
    text = MINIMAL_DEAL.replace("title: 演示项目", "title: “演示”项目：一期，二期")
    text = text.replace("{name: 对手A}", "{name: 对手A，另一家：甲}") if "{name: 对手A}" in text else text
    assert syntax_hint(text, len(text.splitlines())) is None
    assert value_hint("项目：一期") is None and value_hint("１号楼") is None


def test_block_text_is_not_read_as_keys():
    text = "situation: |\n  背景：价格战\n  title：不是键\nbad: [\n"
    assert syntax_hint(text, 3) is None
