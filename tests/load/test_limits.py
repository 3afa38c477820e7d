"""check = build: what the documents cannot carry is refused by the loader, on its field and line,
so `check` and `build` agree on every deal."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.build import Options, build_deal, check_deal
from pipeline.errors import InputError
from pipeline.load import limits
from pipeline.load.deal import load_deal
from tests.conftest import ROOT
from tests.deals import to_yaml, valid_deal_data

NORTHBANK = ROOT / "inputs" / "northbank-branch-network.yaml"
LOCATED = re.compile(r"^.+:\d+:\d+: \S+: ")


def _northbank() -> dict:
    return yaml.safe_load(NORTHBANK.read_text(encoding="utf-8"))


def _problems(tmp_path: Path, data: dict) -> list[str]:
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        load_deal(path)
    except InputError as error:
        return [p.replace(f"{path}:", "") for p in error.problems]
    return []


def _edited(edit) -> dict:
    data = _northbank()
    edit(data)
    return data


def _with_companies(count: int):
    def edit(data):
        data["competitors"] = [{"id": f"c{i}", "name": f"Carrier {i}"} for i in range(count)]
        for dimension in limits.DIMENSIONS:
            for item in data[dimension]:
                item["scores"] = {"us": 80, **{f"c{i}": 50 + i for i in range(count)}}
                item.pop("in_3_years", None)
    return edit


def _specific(data):
    return data["value_proposition"]["specific"]


# Each case: an edit of the example, the field, and the message (the line and column are checked apart).
OVER = {
    "title": (lambda d: d.update(title="T" * 151), "title", "151 characters; the documents carry at most 150 here: shorten it"),
    "customer name": (lambda d: d["customer"].update(name="C" * 101), "customer.name",
                      "101 characters; the documents carry at most 100 here: shorten it"),
    "situation": (lambda d: d.update(situation="word " * 20_000), "situation",
                  "99999 characters; the documents carry at most 1000 here: shorten it"),
    "contact name": (lambda d: d["chain"]["customer"][0].update(name="N" * 61), "chain.customer[0].name",
                     "61 characters; the documents carry at most 60 here: shorten it"),
    "competitors": (_with_companies(9), "competitors",
                    "9 entries; the documents carry at most 8 competitors: keep the 8 that matter most"),
    "contacts": (lambda d: d["chain"].update(customer=[{"name": f"P{i}", "level": "manager", "strength": 3}
                                                         for i in range(50)]),
                 "chain.customer", "50 entries; the documents carry at most 24 contacts: keep the 24 that matter most"),
    "items": (lambda d: d.update(key_buying_factors=[dict(d["key_buying_factors"][0], name=f"Factor {i}")
                                                     for i in range(16)]), "key_buying_factors",
              "16 entries; the documents carry at most 12 items in each dimension: keep the 12 that matter most"),
    "weight": (lambda d: d["key_buying_factors"][0].update(weight=1e308), "key_buying_factors[0].weight",
               "expected a weight over 0 up to 1000, got 1e+308"),
    "tiny benefit": (lambda d: _specific(d)["monthly_benefit"].update(amount=1e-320),
                     "value_proposition.specific.monthly_benefit.amount",
                     "expected an amount from 0.01 up to 10,000,000,000,000, got 1e-320"),
    "change": (lambda d: _specific(d)["outcomes"][0].update(change_pct=-150),
               "value_proposition.specific.outcomes[0].change_pct",
               "expected a change in percent from -100 up to 10000, got -150"),
    "payback": (lambda d: _specific(d).update(payback_months=5000), "value_proposition.specific.payback_months",
                "expected a number of months over 0 up to 1200, got 5000"),
}


@pytest.mark.parametrize("case", OVER, ids=OVER)
def test_what_the_documents_cannot_carry_is_refused_on_its_field_and_line(tmp_path, case):
    edit, field, message = OVER[case]
    problems = _problems(tmp_path, _edited(edit))
    assert len(problems) == 1, problems
    assert re.fullmatch(rf"\d+:\d+: {re.escape(field)}: {re.escape(message)}", problems[0]), problems[0]


def test_the_most_the_documents_carry_builds_in_both_languages(tmp_path):
    """Every count at its limit together, with names as long as real ones: the limits are true."""
    for language in ("zh", "en"):
        data = _edited(_with_companies(limits.MAX_COMPETITORS))
        data["language"] = language
        for dimension in limits.DIMENSIONS:
            data[dimension] = [dict(data[dimension][0], name=f"Capability number {i}") for i in range(limits.MAX_ITEMS)]
        _specific(data)["outcomes"] = [{"metric": f"cost of line {i}", "change_pct": -10} for i in range(limits.MAX_OUTCOMES)]
        levels = ("top", "deputy", "manager", "frontline")
        data["chain"]["customer"] = [{"name": f"Person {i}", "title": "Head of IT", "level": levels[i % 4],
                                      "strength": i % 6} for i in range(limits.MAX_CONTACTS)]
        data["chain"]["surrounding"] = [{"name": f"Partner {i}", "kind": "partner", "influence": 3, "strength": 2}
                                        for i in range(limits.MAX_SURROUNDING)]
        data["title"] = "T" * limits.MAX_TITLE
        data["customer"]["name"] = "C" * limits.MAX_CUSTOMER_NAME
        path = tmp_path / f"most-{language}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        outcome = build_deal(str(path), Options(out_dir=tmp_path / "out"), "env")
        assert outcome.status == "built", outcome.errors


@pytest.mark.parametrize("typed, read, hint", [
    ("010", 8, "010 is read by YAML 1.1 as the octal number 8; write it without the leading zero (10), "
               "or in quotes if it is text"),
    ("1:30", 90, "1:30 is read by YAML 1.1 as 90 (base 60, like a time); write the number you mean, "
                 "or put it in quotes if it is text"),
])
def test_yaml_1_1_numbers_that_read_otherwise_are_refused_with_a_hint(tmp_path, typed, read, hint):
    text = NORTHBANK.read_text(encoding="utf-8")
    assert yaml.safe_load(f"x: {typed}")["x"] == read  # what the user would silently get
    path = tmp_path / "deal.yaml"
    path.write_text(text.replace("    payback_months: 16", f"    payback_months: {typed}"), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if "payback_months" in row)
    with pytest.raises(InputError) as caught:
        load_deal(path)
    assert caught.value.problems == [f"{path}:{line}:21: value_proposition.specific.payback_months: {hint}"]


def test_the_same_digits_in_a_text_field_stay_text(tmp_path):
    text = NORTHBANK.read_text(encoding="utf-8").replace("name: Northbank Financial Group", "name: 010")
    path = tmp_path / "deal.yaml"
    path.write_text(text.replace("segment: Banking", "segment: 1:30"), encoding="utf-8")
    deal, _ = load_deal(path)
    assert (deal.customer.name, deal.customer.segment) == ("010", "1:30")


# Deals stretched past the limits at random: more entries, longer texts, extreme numbers, YAML 1.1 forms.
_long_text = st.sampled_from(["字" * 1001, "word " * 250, "W" * 61, "x" * 151])
_extreme = st.sampled_from([1e308, 1e-320, -1e6, 0.0, 1e13, 0.01, 5000.0])


@st.composite
def _stretched(draw) -> dict:
    data = draw(valid_deal_data())
    for _ in range(draw(st.integers(0, 3))):
        stretch = draw(st.sampled_from(["competitors", "contacts", "outcomes", "text", "number", "title"]))
        if stretch == "competitors":
            extra = draw(st.integers(1, 9))
            data["competitors"] += [{"id": f"x{i}", "name": f"Extra {i}"} for i in range(extra)]
            for dimension in limits.DIMENSIONS:
                for item in data[dimension]:
                    item["scores"].update({f"x{i}": 50 for i in range(extra)})
        elif stretch == "contacts":
            data["chain"]["customer"] += [{"name": f"P{i}", "level": "frontline", "strength": 2}
                                          for i in range(draw(st.integers(1, 30)))]
        elif stretch == "outcomes":
            _specific(data)["outcomes"] *= draw(st.integers(2, 8))
        elif stretch == "text":
            data[draw(st.sampled_from(["situation", "positioning_statement"]))] = draw(_long_text)
        elif stretch == "number":
            target = draw(st.sampled_from(["weight", "amount", "change_pct"]))
            value = draw(_extreme)
            if target == "weight":
                data["key_buying_factors"][0]["weight"] = value
            elif target == "amount":
                _specific(data)["investment"]["amount"] = value
            else:
                _specific(data)["outcomes"][0]["change_pct"] = value
        else:
            data["title"] = draw(_long_text)
    return data


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=_stretched())
def test_check_and_build_agree_on_every_deal(tmp_path, data):
    path = tmp_path / "deal.yaml"
    path.write_text(to_yaml(copy.deepcopy(data)), encoding="utf-8")
    checked = check_deal(str(path))
    built = build_deal(str(path), Options(out_dir=tmp_path / "out", force=True), "env")
    assert checked.status == built.status, (checked.errors, built.errors)
    assert checked.errors == built.errors[: len(checked.errors)]
    assert not any("internal error" in line for line in checked.errors + built.errors)
    for line in checked.errors:
        assert LOCATED.match(line), line  # every refusal names its line and field
