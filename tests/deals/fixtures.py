"""Hand-written deals, for tests that show their figures: the generator's parts, filled in by hand.

MINIMAL_DEAL is a small valid deal file that tests edit line by line (its line numbers
matter); BASE is a small deal as data, which `deal_data(**changes)` and `make(**changes)`
vary one field at a time; `item` and `contact` write an item or a contact in one line.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any, Optional

from pipeline.errors import InputError
from pipeline.load.deal import load_deal
from pipeline.load.model import Deal
from tests.deals.generator import contact, item_data
from tests.paths import INPUTS

# A small valid deal; tests edit it line by line, so its line numbers matter.
MINIMAL_DEAL = """\
id: demo
title: 演示项目
language: zh
date: 2026-11-20
customer:
  name: 某省海关
us: {id: us, name: 我方}
competitors:
  - {id: A, name: 对手A}
  - {id: B, name: 对手B}
key_buying_factors:
  - name: 安全性
    weight: 4
    scores: {us: 90, A: 60, B: 70}
business_capabilities:
  - name: 全程全网
    weight: 5
    scores: {us: 90, A: 60, B: 75}
relationship_capabilities:
  - name: 客户经理的影响力
    weight: 5
    scores: {us: 70, A: 85, B: 60}
    in_3_years: {us: 85, A: 90}
value_proposition:
  overall:
    expertise: 海关通关系统
    capability: 构造统一的数据网络
    improves: 通关效率
  specific:
    start: 2026-12
    offering: 数据专网
    outcomes:
      - {metric: 通关时间, change_pct: -30}
    investment: {amount: 500000, currency: CNY}
chain:
  customer:
    - {name: 王关长, level: top, strength: 3}
    - {name: 李处长, level: manager, strength: 4}
  surrounding:
    - {name: 海关总署, kind: ministry, influence: 5, strength: 2}
"""


def load_in(folder: Path, name: str, text: str) -> Deal:
    """The deal of `text` written to folder/name and loaded from inside folder, so problems name just the file."""
    (folder / name).write_text(text, encoding="utf-8")
    here = os.getcwd()
    os.chdir(folder)
    try:
        return load_deal(name)[0]
    finally:
        os.chdir(here)


def problems_after_edit(folder: Path, old: str, new: str) -> list[str]:
    """The loader's problems for MINIMAL_DEAL with `old` replaced by `new`, the file shown as demo.yaml."""
    assert MINIMAL_DEAL.count(old) == 1
    try:
        load_in(folder, "demo.yaml", MINIMAL_DEAL.replace(old, new))
    except InputError as caught:
        return caught.problems
    raise AssertionError("the edited deal loaded without a problem")


XYZ = INPUTS / "xyz-atm-network.yaml"


def xyz() -> Deal:
    return load_deal(XYZ)[0]


def item(name: str, us: float, a: float, b: float, weight: float = 1, future: Optional[dict] = None) -> dict:
    """An item scored for us, A and B: the generator's own item, figures written out."""
    return item_data(name, weight, {"us": us, "A": a, "B": b}, future)


HELD_CHAIN = [contact("Top", "top", 4), contact("Deputy", "deputy", 3),
              contact("Manager", "manager", 5), contact("Engineer", "frontline", 3)]

BASE: dict[str, Any] = {
    "id": "small",
    "title": "Small deal",
    "language": "zh",
    "date": "2026-11-20",
    "customer": {"name": "Acme", "segment": "Banks"},
    "us": {"id": "us", "name": "Us"},
    "competitors": [{"id": "A", "name": "Rival A"}, {"id": "B", "name": "Rival B"}],
    "key_buying_factors": [item("Security", 80, 80, 80)],
    "business_capabilities": [item("Network", 80, 80, 80)],
    "relationship_capabilities": [item("History", 80, 80, 80)],
    "value_proposition": {
        "overall": {"expertise": "networks", "capability": "run a national network", "improves": "trading speed"},
        "specific": {
            "start": "2026-12",
            "offering": "data network",
            "outcomes": [{"metric": "trading capacity", "change_pct": 25},
                         {"metric": "network spending", "change_pct": -15}],
            "investment": {"amount": 1000000, "currency": "USD"},
            "monthly_benefit": {"amount": 170000, "currency": "USD"},
            "payback_months": 6,
            "tracking": "the transmission capacity",
        },
    },
    "chain": {"customer": HELD_CHAIN, "our_team": {"senior": "Li", "middle": "Wang", "frontline": "Zhao"}},
}


def deal_data(**changes: Any) -> dict:
    """BASE with top-level keys replaced; `specific` and `chain_*` reach one level down."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if key == "specific":
            data["value_proposition"]["specific"].update(value)
        elif key.startswith("chain_"):
            data["chain"][key.removeprefix("chain_")] = value
        else:
            data[key] = value
    return data


def make(**changes: Any) -> Deal:
    return Deal.model_validate(deal_data(**changes))


def dims(kbf: tuple, business: tuple, relationship: tuple) -> dict:
    """One item per dimension scored (us, A, B), for positioning tests."""
    return {
        "key_buying_factors": [item("Security", *kbf)],
        "business_capabilities": [item("Network", *business)],
        "relationship_capabilities": [item("History", *relationship)],
    }
