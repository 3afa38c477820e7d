"""The cross-field rules: unique ids, known score ids, every company scored, unique item names."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.deal import load_deal
from pipeline.load.paths import Issue
from pipeline.load.rules import check_rules
from tests.deals import MINIMAL_DEAL, problems_after_edit

SCORES = "scores: {us: 90, A: 60, B: 70}"
SECOND_ITEM = "    scores: {us: 90, A: 60, B: 70}\n  - name: 安全性\n    weight: 2\n    scores: {us: 1, A: 2, B: 3}"

CASES = {
    "duplicate id": ("{id: B, name: 对手B}", "{id: A, name: 对手B}", [
        # once: the scores of 'B' are what the duplicate meant, not more mistakes
        "10:10: competitors[1].id: duplicate id 'A' (also competitors[0].id at line 9); give each company its own id"]),
    "our id reused": ("{id: A, name: 对手A}", "{id: us, name: 对手A}", [
        "9:10: competitors[0].id: duplicate id 'us' (also us.id at line 7); give each company its own id"]),
    "a broken id: the valid ones are still checked": (
        "{id: B, name: 对手B}\nkey_buying_factors:\n  - name: 安全性\n    weight: 4\n    scores: {us: 90, A: 60, B: 70}",
        "{id: b c, name: 对手B}\nkey_buying_factors:\n  - name: 安全性\n    weight: 4\n    scores: {us: 90}", [
            "10:10: competitors[1].id: expected an id of letters, digits, '-' and '_' (at most 64, no spaces or '/'), "
            "got 'b c'",
            "14:13: key_buying_factors[0].scores: no score for A; every company needs one: add A: <0-100>"]),
    "score for an unknown id, close": (SCORES, "scores: {us: 90, A: 60, BB: 70}", [
        "14:13: key_buying_factors[0].scores: no score for B; every company needs one: add B: <0-100>",
        "14:29: key_buying_factors[0].scores.BB: unknown company id 'BB'; did you mean 'B'?"]),
    "projection for an unknown id, other case": ("in_3_years: {us: 85, A: 90}", "in_3_years: {us: 85, a: 90}", [
        "23:26: relationship_capabilities[0].in_3_years.a: unknown company id 'a'; did you mean 'A'?"]),
    "score for an unknown id, nothing close": (SCORES, "scores: {us: 90, A: 60, B: 70, Z: 5}", [
        "14:36: key_buying_factors[0].scores.Z: unknown company id 'Z'; the companies are: us, A, B"]),
    "company without a score": (SCORES, "scores: {us: 90}", [
        "14:13: key_buying_factors[0].scores: no score for A, B; every company needs one: "
        "add A: <0-100>, B: <0-100>"]),
    "duplicate item name": ("    scores: {us: 90, A: 60, B: 70}", SECOND_ITEM, [
        "15:11: key_buying_factors[1].name: duplicate item name '安全性' (also at line 12); "
        "each item of a dimension needs its own name"]),
}


@pytest.mark.parametrize("old, new, expected", CASES.values(), ids=CASES.keys())
def test_rule(tmp_path, old, new, expected):
    assert problems_after_edit(tmp_path, old, new) == [f"demo.yaml:{line}" for line in expected]


def test_the_same_item_name_in_two_dimensions_is_fine(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(MINIMAL_DEAL.replace("  - name: 全程全网", "  - name: 安全性"), encoding="utf-8")
    deal, _ = load_deal(path)
    assert deal.business_capabilities[0].name == deal.key_buying_factors[0].name == "安全性"


def test_rules_are_reported_with_field_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = MINIMAL_DEAL.replace(SCORES, "scores: {us: 900, A: 60}").replace("level: manager", "level: 经理")
    Path("demo.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_deal("demo.yaml")
    assert caught.value.problems == [
        "demo.yaml:14:13: key_buying_factors[0].scores: no score for B; every company needs one: add B: <0-100>",
        "demo.yaml:14:18: key_buying_factors[0].scores.us: expected a number from 0 to 100, got 900",
        "demo.yaml:38:26: chain.customer[1].level: expected one of top (一把手), deputy (副总经理), manager (部门或分管经理), frontline (一线员工), got '经理'",
    ]


def line_of(path: str) -> int:
    return 7


def test_id_rules_wait_until_every_id_is_valid():
    data = {"us": {"id": "us"}, "competitors": [{"id": "../A"}],
            "key_buying_factors": [{"name": "x", "weight": 1, "scores": {"us": 1, "A": 2}}]}
    assert check_rules(data, line_of) == []


def test_rules_check_only_what_has_the_right_shape():
    data = {"us": "us", "competitors": "A, B", "key_buying_factors": [None, {"name": 5, "scores": [1]}],
            "business_capabilities": {"name": "x"}}
    assert check_rules(data, line_of) == []


def test_rules_on_plain_data():
    data = {"us": {"id": "us"}, "competitors": [{"id": "A"}, {"id": "A"}],
            "relationship_capabilities": [{"name": "x", "weight": 1, "scores": {"us": 1}, "in_3_years": {"B": 3}}]}
    assert check_rules(data, line_of) == [
        Issue("competitors[1].id", "duplicate id 'A' (also competitors[0].id at line 7); give each company its own id"),
        Issue("relationship_capabilities[0].scores", "no score for A; every company needs one: add A: <0-100>"),
    ]


# --- the tracking cadence and a stated first report (issue #23, point 9) ------------------------

CADENCE_CASES = {
    "a cadence not in the list": ("    start: 2026-12\n", "    start: 2026-12\n    tracking_cadence: weekly\n", [
        "31:23: value_proposition.specific.tracking_cadence: expected one of monthly, quarterly, half-yearly, "
        "yearly, got 'weekly'"]),
    "a cadence in Chinese": ("    start: 2026-12\n", "    start: 2026-12\n    tracking_cadence: 每季度\n", [
        "31:23: value_proposition.specific.tracking_cadence: '每季度' means quarterly: write tracking_cadence: "
        "quarterly; expected one of monthly, quarterly, half-yearly, yearly"]),
    "a first report that is no date": ("    start: 2026-12\n", "    start: 2026-12\n    first_report: soon\n", [
        "31:19: value_proposition.specific.first_report: expected a date like 2027-03-15 or a year-month like "
        "2027-03, got 'soon'"]),
    "a first report before the start": ("    start: 2026-12\n", "    start: 2026-12\n    first_report: 2026-11-30\n", [
        "31:19: value_proposition.specific.first_report: 2026-11-30 is before the start (2026-12); the first "
        "results report falls on or after the start: write a later date, or remove first_report to date it by "
        "the cadence"]),
}


@pytest.mark.parametrize("old, new, expected", CADENCE_CASES.values(), ids=CADENCE_CASES.keys())
def test_cadence_rule(tmp_path, old, new, expected):
    assert problems_after_edit(tmp_path, old, new) == [f"demo.yaml:{line}" for line in expected]


def test_a_first_report_in_the_start_month_and_a_listed_cadence_load(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(MINIMAL_DEAL.replace("    start: 2026-12\n", "    start: 2026-12\n    first_report: 2026-12-20\n"
                                         "    tracking_cadence: half-yearly\n"), encoding="utf-8")
    specific = load_deal(path)[0].value_proposition.specific
    assert specific.first_report.isoformat() == "2026-12-20" and specific.tracking_cadence == "half-yearly"
