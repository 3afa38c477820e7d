"""Each field rule of FORMAT.md: the exact message, at the line and column of the offending value."""

from __future__ import annotations

import pytest

from tests.deals import problems_after_edit

SCORES = "scores: {us: 90, A: 60, B: 70}"
BUSINESS = "business_capabilities:\n  - name: 全程全网\n    weight: 5\n    scores: {us: 90, A: 60, B: 75}\n"
COMPETITORS = "competitors:\n  - {id: A, name: 对手A}\n  - {id: B, name: 对手B}\n"
SCORE = "key_buying_factors[0].scores.us: expected a number from 0 to 100, got"
STRENGTH = "chain.customer[0].strength: expected a whole number from 0 to 5, got"
START = "value_proposition.specific.start: expected a date like 2026-12-01 or a year-month like 2026-12, got"

CASES = {
    # scores are numbers from 0 to 100
    "score above 100": (SCORES, "scores: {us: 150, A: 60, B: 70}", [f"14:18: {SCORE} 150"]),
    "score below 0": (SCORES, "scores: {us: -5, A: 60, B: 70}", [f"14:18: {SCORE} -5"]),
    "score as text": (SCORES, "scores: {us: 高, A: 60, B: 70}", [f"14:18: {SCORE} '高'"]),
    "score as yes": (SCORES, "scores: {us: yes, A: 60, B: 70}", [f"14:18: {SCORE} true"]),
    "score quoted": (SCORES, "scores: {us: '90', A: 60, B: 70}", [f"14:18: {SCORE} '90'"]),
    "projection above 100": ("in_3_years: {us: 85, A: 90}", "in_3_years: {us: 101, A: 90}",
                             ["23:22: relationship_capabilities[0].in_3_years.us: expected a number from 0 to 100, got 101"]),
    "scores not a mapping": (SCORES, "scores: 90", [
        "14:13: key_buying_factors[0].scores: expected a mapping of company id to a 0-100 score, "
        "like {us: 80, A: 60}, got 90"]),
    # weights are positive numbers
    "weight zero": ("    weight: 4", "    weight: 0", ["13:13: key_buying_factors[0].weight: expected a positive number, got 0"]),
    "weight negative": ("    weight: 4", "    weight: -1", ["13:13: key_buying_factors[0].weight: expected a positive number, got -1"]),
    "weight infinite": ("    weight: 4", "    weight: .inf", ["13:13: key_buying_factors[0].weight: expected a positive number, got inf"]),
    # strength is a whole number from 0 to 5, influence from 1 to 5
    "strength fraction": ("level: top, strength: 3", "level: top, strength: 4.5", [f"37:41: {STRENGTH} 4.5"]),
    "strength above 5": ("level: top, strength: 3", "level: top, strength: 6", [f"37:41: {STRENGTH} 6"]),
    "influence zero": ("influence: 5", "influence: 0",
                       ["40:47: chain.surrounding[0].influence: expected a whole number from 1 to 5, got 0"]),
    # level, kind and language take only the values listed
    "level": ("level: manager", "level: boss",
              ["38:26: chain.customer[1].level: expected one of top (一把手), deputy (副总经理), manager (部门或分管经理), frontline (一线员工), got 'boss'"]),
    "kind": ("kind: ministry", "kind: bank", [
        "40:26: chain.surrounding[0].kind: expected one of government, ministry, regulator, investor, "
        "shareholder, consultant, partner, got 'bank'"]),
    "language": ("language: zh", "language: fr", ["3:11: language: expected one of zh, en, got 'fr'"]),
    # dates
    "impossible date": ("date: 2026-11-20", "date: 2026-02-30", ["4:7: date: expected a date like 2026-11-20, got '2026-02-30'"]),
    "date as words": ("date: 2026-11-20", "date: 明天", ["4:7: date: expected a date like 2026-11-20, got '明天'"]),
    "start month 13": ("start: 2026-12", "start: 2026-13", [f"30:12: {START} '2026-13'"]),
    "start as words": ("start: 2026-12", "start: 明年", [f"30:12: {START} '明年'"]),
    "change as words": ("change_pct: -30", "change_pct: 三成", [
        "33:36: value_proposition.specific.outcomes[0].change_pct: expected a number (the change in "
        "percent, e.g. 25 or -15), got '三成'"]),
    "amount zero": ("amount: 500000", "amount: 0",
                    ["34:26: value_proposition.specific.investment.amount: expected a positive number, got 0"]),
    # each dimension has at least one item; at least one competitor and outcome
    "dimension empty": (BUSINESS, "business_capabilities: []\n", [
        "15:24: business_capabilities: empty; add at least one item: - {name: ..., weight: 5, scores: {us: 80, A: 60}}"]),
    "dimension blank": (BUSINESS, "business_capabilities:\n", [
        "15:1: business_capabilities: empty; add at least one item: - {name: ..., weight: 5, scores: {us: 80, A: 60}}"]),
    "competitors missing": (COMPETITORS, "", [
        "1:1: competitors: missing; add at least one competitor: - {id: A, name: ...}"]),
    "competitors a mapping": (COMPETITORS, "competitors: {id: A, name: 对手A}\n", [
        "8:14: competitors: expected a list (one '- ' line per entry), got a mapping"]),
    "outcomes empty": ("    outcomes:\n      - {metric: 通关时间, change_pct: -30}\n", "    outcomes: []\n", [
        "32:15: value_proposition.specific.outcomes: empty; add at least one outcome: - {metric: ..., change_pct: 25}"]),
    # required fields
    "title missing": ("title: 演示项目\n", "", ["1:1: title: missing; add title: <some text>"]),
    "title blank": ("title: 演示项目", "title: '  '", ["2:8: title: expected some text, got '  '"]),
    "contact without name": ("{name: 王关长, level: top, strength: 3}", "{level: top, strength: 3}",
                             ["37:7: chain.customer[0].name: missing; add name: <some text>"]),
    "customer as text": ("customer:\n  name: 某省海关\n", "customer: 某省海关\n",
                         ["5:11: customer: expected a mapping with keys name, short_name, segment, type, got '某省海关'"]),
    "id too long": ("id: demo", "id: " + "x" * 65, [
        "1:5: id: expected an id of letters, digits, '-' and '_' (at most 64, no spaces or '/'), "
        "got 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"]),
    # a key the contract does not know, with the nearest known key
    "unknown key, close": (COMPETITORS, COMPETITORS.replace("competitors:", "competitor:"), [
        "8:1: competitor: unknown key; did you mean 'competitors'?"]),
    "unknown key, other case": ("title: 演示项目\n", "Title: 演示项目\n", [
        "2:1: Title: unknown key; did you mean 'title'?"]),
    "unknown key, nested": ("    offering: 数据专网\n", "    offering: 数据专网\n    trackng: 按月统计\n", [
        "32:5: value_proposition.specific.trackng: unknown key; did you mean 'tracking'?"]),
    "unknown key, nothing close": ("title: 演示项目\n", "title: 演示项目\nzzz: 1\n", [
        "3:1: zzz: unknown key; the keys here are: id, title, language, date, customer, us, competitors, "
        "situation, key_buying_factors, business_capabilities, relationship_capabilities, "
        "positioning_statement, value_proposition, chain"]),
    # duplicate keys name both lines
    "duplicate key": ("  name: 某省海关\n", "  name: 某省海关\n  name: 某海关\n", [
        "7:3: customer.name: duplicate key 'name' (first at line 6); keep only one of them"]),
}


@pytest.mark.parametrize("old, new, expected", CASES.values(), ids=CASES.keys())
def test_field_rule(tmp_path, old, new, expected):
    assert problems_after_edit(tmp_path, old, new) == [f"demo.yaml:{line}" for line in expected]
