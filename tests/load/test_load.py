"""The loader: each rule of FORMAT.md with its exact message and position, and Source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.deal import Source, load_deal
from tests.conftest import EXAMPLES
from tests.paths import TESTS
from tests.deals import MINIMAL_DEAL


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Work in tmp_path so that messages start with the short name we pass."""
    monkeypatch.chdir(tmp_path)


def edit(old: str, new: str, text: str = MINIMAL_DEAL) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def problems(text: str, name: str = "demo.yaml") -> list[str]:
    Path(name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_deal(name)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def load(text: str, name: str = "demo.yaml"):
    Path(name).write_text(text, encoding="utf-8")
    return load_deal(name)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_deal_loads(path):
    deal, source = load_deal(path)
    assert deal.id and deal.competitors and deal.chain.customer
    assert source.path == path and source.line_of("title") is not None


def test_minimal_deal_loads_with_its_values():
    deal, _ = load(MINIMAL_DEAL)
    assert deal.id == "demo" and deal.title == "演示项目" and deal.date == dt.date(2026, 11, 20)
    assert [c.id for c in deal.companies] == ["us", "A", "B"]
    assert deal.key_buying_factors[0].scores == {"us": 90, "A": 60, "B": 70}
    assert deal.value_proposition.specific.start == "2026-12"
    assert deal.chain.customer[1].level == "manager"


def test_source_points_at_values_and_keys():
    _, source = load(MINIMAL_DEAL)
    assert source.where("chain.customer[1].level") == "demo.yaml:38:26"
    assert source.where("key_buying_factors[0].scores.A") == "demo.yaml:14:25"
    assert source.where("value_proposition.specific") == "demo.yaml:29:3"  # a block: its key
    assert source.line_of("value_proposition.specific.payback_months") == 29  # nearest ancestor
    assert source.line_of("chain.customer[1].title") == 38
    assert source.positions["competitors[1]"] == (10, 5)


def test_source_without_a_position_gives_the_path_alone():
    source = Source(Path("inputs/x.yaml"))
    assert source.where("title") == "inputs/x.yaml"
    assert source.line_of("title") is None


def test_id_defaults_to_the_file_stem():
    deal, _ = load(edit("id: demo\n", ""), name="customs-2026.yaml")
    assert deal.id == "customs-2026"


def test_a_stem_that_is_not_an_id_asks_for_an_id():
    assert problems(edit("id: demo\n", ""), name="my deal.yaml") == [
        "my deal.yaml:1:1: id: missing, and the file name 'my deal' is not a valid id; "
        "add id: <letters, digits, '-' and '_'>",
    ]


@pytest.mark.parametrize("bad_id", ["../etc", "a/b", "a b"])
def test_an_id_with_a_slash_or_space_is_rejected(bad_id):
    assert problems(edit("{id: A, name: 对手A}", f"{{id: '{bad_id}', name: 对手A}}")) == [
        f"demo.yaml:9:10: competitors[0].id: expected an id of letters, digits, '-' and '_' "
        f"(at most 64, no spaces or '/'), got '{bad_id}'",
    ]


def test_ids_that_yaml_reads_as_booleans_or_numbers_stay_text():
    text = edit("{id: A, name: 对手A}", "{id: on, name: 对手A}")
    text = text.replace("A: 60", "on: 60").replace("A: 85", "on: 85").replace("A: 90", "on: 90")
    text = edit("{id: B, name: 对手B}", "{id: 1, name: 对手B}", text).replace("B: ", "1: ")
    deal, _ = load(text)
    assert [c.id for c in deal.companies] == ["us", "on", "1"]
    assert deal.business_capabilities[0].scores == {"us": 90, "on": 60, "1": 75}


def test_text_fields_keep_what_was_typed():
    deal, _ = load(edit("name: 某省海关", "name: 1.10"))
    assert deal.customer.name == "1.10"


def test_a_number_with_an_exponent_is_a_number():
    deal, _ = load(edit("amount: 500000", "amount: 5e5"))
    assert deal.value_proposition.specific.investment.amount == 500000


def test_strings_are_cleaned_of_xml_invalid_characters():
    deal, _ = load(edit("title: 演示项目", r'title: "演示\x01项目\v第二行\uFFFE\uD800 \uD83D\uDE00"'))
    assert deal.title == "演示项目\n第二行 \U0001F600"


def test_keys_are_cleaned_too():
    deal, _ = load(edit("  name: 某省海关", '  name: 某省海关\n  "seg\\x02ment": 政府'))
    assert deal.customer.segment == "政府"


def test_merge_keys_fill_in_what_a_mapping_does_not_set():
    text = edit("    - {name: 李处长, level: manager, strength: 4}",
                "    - &boss {name: 李处长, level: manager, strength: 4}\n"
                "    - {<<: *boss, name: 赵科长, strength: 1}")
    deal, _ = load(text)
    assert deal.chain.customer[2].model_dump(exclude_none=True) == {
        "name": "赵科长", "level": "manager", "strength": 1}


def test_three_mistakes_give_three_lines_in_file_order():
    text = edit("scores: {us: 90, A: 60, B: 70}", "scores: {us: 150, A: 60, B: 70}")
    text = edit("  name: 某省海关", "  name: 某省海关\n  segmen: 海关", text)
    text = edit("level: manager", "level: boss", text)
    assert problems(text) == [
        "demo.yaml:7:3: customer.segmen: unknown key; did you mean 'segment'?",
        "demo.yaml:15:18: key_buying_factors[0].scores.us: expected a number from 0 to 100, got 150",
        "demo.yaml:39:26: chain.customer[1].level: expected one of top (一把手), deputy (副总经理), manager (部门或分管经理), frontline (一线员工), got 'boss'",
    ]


def test_a_misspelt_required_key_is_reported_once_with_the_key_it_meant():
    text = edit("    weight: 5\n    scores: {us: 90, A: 60, B: 75}", "    wieght: 5\n    scores: {us: 90, A: 60, B: 75}")
    assert problems(text) == [
        "demo.yaml:17:5: business_capabilities[0].wieght: unknown key; did you mean 'weight'?",
    ]


def test_a_misspelt_required_key_is_one_problem_not_two(tmp_path):
    """The issue's "done when": three different mistakes print three lines."""
    from tests.conftest import ROOT

    text = (ROOT / "inputs" / "xyz-atm-network.yaml").read_text(encoding="utf-8")
    text = text.replace("competitors:", "competitor:")
    text = text.replace("scores: {us: 90, A: 65, B: 75, C: 60}", "scores: {us: 150, A: 65, B: 75, C: 60}")
    text = text.replace("level: manager, strength: 4", "level: boss, strength: 4")
    deal = tmp_path / "three.yaml"
    deal.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_deal(deal)
    assert [line.split(": ", 2)[1] for line in caught.value.problems] == [
        "competitor", "key_buying_factors[0].scores.us", "chain.customer[3].level"]
    assert [line.split(":")[1] for line in caught.value.problems] == ["14", "28", "97"]


@pytest.mark.parametrize("path", EXAMPLES + [
    TESTS / "bad_inputs" / name
    for name in ("duplicate-key.yaml", "score-out-of-range.yaml", "strength-fraction.yaml", "bad-start.yaml")
], ids=lambda p: p.name)
def test_libyaml_and_pure_python_composing_give_the_same_tree(path):
    import yaml

    from pipeline.load.compose import _Loader, compose
    from pipeline.load.tree import to_python

    text = path.read_text(encoding="utf-8")
    fast = to_python(compose(text, "x"), "x")
    slow = to_python(yaml.compose(text, Loader=_Loader), "x")
    assert (fast.data, fast.positions, fast.keys, fast.raw) == (slow.data, slow.positions, slow.keys, slow.raw)
