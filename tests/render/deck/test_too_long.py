"""A text too long for its place in the deck is the deal's own error: the file, line and field to
shorten (in the chain diagram, also to about how many characters); `check` says it as `build` does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipeline.build import Options, build_deal, check_deal
from tests.conftest import ROOT

NORTHBANK = ROOT / "inputs" / "northbank-branch-network.yaml"
TOO_LONG = re.compile(r"too long for the chain diagram's box even at 7 pt; shorten it to about (\d+) characters$")


def _long_name(i: int) -> str:
    # 60 characters, the most a name may have, in one word (as a Chinese name with its office would be): the
    # step-3 table wraps it in its column, the chain's box cannot
    return f"{i}" + "WideWideWi" * 5 + "WideWideW"


def _crowded_top(data: dict, cut: int = 60) -> tuple[str, int]:
    """Seven more contacts at the top level, after the example's own: eight boxes share its row; the list and the
    index of the first long one."""
    data["chain"]["customer"] += [{"name": _long_name(i)[:cut], "title": "Board member", "level": "top", "strength": 3}
                                  for i in range(7)]
    return "chain.customer", len(data["chain"]["customer"]) - 7


def _many_relations(data: dict, cut: int = 60) -> tuple[str, int]:
    """Ten relations (the most a deal may have), each with a name of 60 characters, in one column."""
    data["chain"]["surrounding"] = [{"name": (f"{i}" + "W" * 59)[:cut], "kind": "regulator", "influence": 5,
                                     "strength": 1} for i in range(10)]
    return "chain.surrounding", 0


CROWDED = {"contacts": _crowded_top, "relations": _many_relations}


def _write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return path


@pytest.mark.parametrize("crowd", CROWDED, ids=CROWDED)
def test_a_name_too_long_for_the_chain_is_named_on_its_line_by_check_and_build(tmp_path, crowd):
    data = yaml.safe_load(NORTHBANK.read_text(encoding="utf-8"))
    listed, index = CROWDED[crowd](data)
    name = data["chain"][listed.split(".")[1]][index]["name"]
    path = _write(tmp_path / "deal.yaml", data)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.endswith(f"name: {name}"))
    where = f"{path}:{line}:{lines[line - 1].index(name) + 1}: {listed}[{index}].name: "

    checked = check_deal(str(path))
    built = build_deal(str(path), Options(out_dir=tmp_path / "out"), "env")
    assert checked.errors == built.errors  # check = build
    (error,) = built.errors
    assert error.startswith(where) and TOO_LONG.search(error), error
    assert not (tmp_path / "out" / data["id"]).exists()

    fits = int(TOO_LONG.search(error).group(1))
    assert 1 <= fits < len(name)
    data = yaml.safe_load(NORTHBANK.read_text(encoding="utf-8"))
    CROWDED[crowd](data, cut=fits)  # shortened as the message says: the deal builds
    assert check_deal(str(_write(tmp_path / "fixed.yaml", data))).errors == ()


# Elsewhere a box, a table row or a title holds several texts; the error names the deal's longest
# text in what did not fit (in a table, the cell that takes the most lines).
XYZ = ROOT / "inputs" / "xyz-atm-network.yaml"
LONG_ZH = "客户的网络建设需要统一规划分步实施并且保证业务连续性" * 40


def _long_level_message(data: dict) -> str:
    data["value_proposition"]["levels"] = {level: LONG_ZH[:1000] for level in ("senior", "middle", "frontline")}
    return "value_proposition.levels.senior"  # the first row of the step-3 table


def _long_item_names(data: dict) -> str:
    for i, item in enumerate(data["key_buying_factors"]):
        item["name"] = (f"{i}" + LONG_ZH)[:80]  # the most a name may have; the slide title quotes the first
    return "key_buying_factors[0].name"


ELSEWHERE = {"level message": (_long_level_message, "a table row is too long for a slide even at 12 pt"),
             "item in a title": (_long_item_names, "a slide title is too long for its box even at 16 pt")}


@pytest.mark.parametrize("case", ELSEWHERE, ids=ELSEWHERE)
def test_a_text_too_long_elsewhere_is_named_on_its_line_by_check_and_build(tmp_path, case):
    edit, message = ELSEWHERE[case]
    data = yaml.safe_load(XYZ.read_text(encoding="utf-8"))
    field = edit(data)
    path = _write(tmp_path / "deal.yaml", data)
    value = _value(data, field)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.endswith(f": {value}"))
    where = f"{path}:{line}:{lines[line - 1].index(value) + 1}: {field}: {message}"

    checked = check_deal(str(path))
    built = build_deal(str(path), Options(out_dir=tmp_path / "out"), "env")
    assert checked.errors == built.errors
    (error,) = built.errors
    assert error.startswith(where), error


def _value(data: dict, field: str) -> str:
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", field):
        data = data[int(part[1:-1])] if part.startswith("[") else data[part]
    return data
