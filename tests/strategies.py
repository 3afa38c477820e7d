"""Deal files for tests: one small fixed deal, and hypothesis strategies of valid deal YAML text.

`valid_deals()` draws the whole range the contract allows: 1-4 competitors, ids
that YAML would read as something else (`on`, `no`, `1`), Chinese and English
names, items and contacts of every level (some levels absent), both languages,
and every optional field present or absent.
"""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import strategies as st

from pipeline.load.model import (
    CHAIN_LEVELS,
    CUSTOMER_TYPE_SYNONYMS,
    CUSTOMER_TYPES,
    DIMENSIONS,
    SURROUNDING_KINDS,
)
from pipeline.load.placeholders import is_placeholder

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

# Ids that YAML 1.1 reads as booleans, numbers or null when they are values.
TRICKY_IDS = ("on", "no", "yes", "off", "1", "007", "null", "true", "1e3", "0x1F")

# Mostly realistic names (cheap to draw), sometimes random text with YAML-special characters.
NAME_POOL = (
    "中国电信某省公司", "对手A", "xyz投资公司", "张总", "信息技术部经理", "省通信管理局", "网络交易的安全性",
    "全程全网", "客户经理的影响力", "Northbank", "Head of IT", "price & service <24h>", "O'Brien",
    "yes", "no", "on", "null", "123", "1.10", "2026-11-20", "#1 priority", "a: b", "- dash", "引号\"内",
    "  前后空格  ", "tab\there", "多行\n文本", "emoji 😀", "全角：冒号", "[brackets]", "{braces}",
)
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
latin = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
text = st.text(st.one_of(cjk, latin, st.sampled_from("、，。：-()&<>'\"#")), min_size=1, max_size=8)
# `dealdocs new`'s placeholders (`<weight>`) are not values: a file holding one is a draft.
names = st.one_of(st.sampled_from(NAME_POOL), st.sampled_from(NAME_POOL), text).filter(
    lambda s: s.strip() != "" and not is_placeholder(s))
ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
company_ids = st.one_of(st.sampled_from(TRICKY_IDS), st.text(ID_CHARACTERS, min_size=1, max_size=10))
scores = st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False).map(lambda f: round(f, 2)))
weights = st.one_of(st.integers(1, 10), st.floats(0.1, 10).map(lambda f: round(f, 2)))


def problems_after_edit(folder, old: str, new: str) -> list[str]:
    """The loader's problems for MINIMAL_DEAL with `old` replaced by `new`, the file shown as demo.yaml."""
    import os

    from pipeline.errors import InputError
    from pipeline.load.deal import load_deal

    assert MINIMAL_DEAL.count(old) == 1
    (folder / "demo.yaml").write_text(MINIMAL_DEAL.replace(old, new), encoding="utf-8")
    here = os.getcwd()
    os.chdir(folder)
    try:
        load_deal("demo.yaml")
    except InputError as caught:
        return caught.problems
    finally:
        os.chdir(here)
    raise AssertionError("the edited deal loaded without a problem")


def _optional(draw, data: dict, key: str, strategy) -> None:
    """Set `key` or leave it out, at random."""
    if draw(st.booleans()):
        data[key] = draw(strategy)


@st.composite
def _item(draw, ids: list[str], name: str) -> dict:
    item = {"name": name, "weight": draw(weights), "scores": {cid: draw(scores) for cid in ids}}
    if draw(st.booleans()):
        projected = draw(st.lists(st.sampled_from(ids), unique=True, min_size=1))
        item["in_3_years"] = {cid: draw(scores) for cid in projected}
    return item


@st.composite
def _dimension(draw, ids: list[str]) -> list[dict]:
    item_names = draw(st.lists(names, min_size=1, max_size=3, unique_by=str.strip))
    return [draw(_item(ids, name)) for name in item_names]


@st.composite
def _contact(draw) -> dict:
    contact = {"name": draw(names), "level": draw(st.sampled_from(CHAIN_LEVELS)),
               "strength": draw(st.integers(0, 5))}
    _optional(draw, contact, "title", names)
    _optional(draw, contact, "our_contact", names)
    return contact


@st.composite
def _surrounding(draw) -> dict:
    return {"name": draw(names), "kind": draw(st.sampled_from(SURROUNDING_KINDS)),
            "influence": draw(st.integers(1, 5)), "strength": draw(st.integers(0, 5))}


@st.composite
def _money(draw) -> dict:
    return {"amount": draw(st.integers(1, 10**9)), "currency": draw(st.sampled_from(["USD", "CNY", "元"]))}


@st.composite
def _specific(draw) -> dict:
    start = draw(st.one_of(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
                           st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2000, 2099), st.integers(1, 12))))
    outcomes = draw(st.lists(st.fixed_dictionaries({"metric": names, "change_pct": st.integers(-90, 300)}),
                             min_size=1, max_size=3))
    specific = {"start": start, "offering": draw(names), "outcomes": outcomes, "investment": draw(_money())}
    _optional(draw, specific, "monthly_benefit", _money())
    _optional(draw, specific, "payback_months", st.integers(1, 120))
    _optional(draw, specific, "tracking", names)
    return specific


@st.composite
def _chain(draw) -> dict:
    chain = {"customer": draw(st.lists(_contact(), max_size=6))}
    _optional(draw, chain, "surrounding", st.lists(_surrounding(), max_size=4))
    team = st.fixed_dictionaries({}, optional={"senior": names, "middle": names, "frontline": names})
    _optional(draw, chain, "our_team", team)
    return chain


@st.composite
def deal_data(draw) -> dict:
    """A valid deal as the plain data a YAML file holds."""
    ids = draw(st.lists(company_ids, min_size=2, max_size=5, unique=True))
    data: dict = {}
    _optional(draw, data, "id", st.text(ID_CHARACTERS, min_size=1, max_size=20))
    data["title"] = draw(names)
    _optional(draw, data, "language", st.sampled_from(["zh", "en"]))
    data["date"] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
    data["customer"] = {"name": draw(names)}
    _optional(draw, data["customer"], "segment", names)
    _optional(draw, data["customer"], "type", st.sampled_from([*CUSTOMER_TYPES, *CUSTOMER_TYPE_SYNONYMS]))
    data["us"] = {"id": ids[0], "name": draw(names)}
    data["competitors"] = [{"id": cid, "name": draw(names)} for cid in ids[1:]]
    _optional(draw, data, "situation", names)
    for dimension in DIMENSIONS:
        data[dimension] = draw(_dimension(ids))
    _optional(draw, data, "positioning_statement", names)
    overall = {key: draw(names) for key in ("expertise", "capability", "improves")}
    data["value_proposition"] = {"overall": overall, "specific": draw(_specific())}
    levels = st.fixed_dictionaries({}, optional={"senior": names, "middle": names, "frontline": names})
    _optional(draw, data["value_proposition"], "levels", levels)
    phrases = st.lists(names, min_size=1, max_size=3)
    concerns = st.fixed_dictionaries({}, optional={"senior": phrases, "middle": phrases, "frontline": phrases})
    _optional(draw, data["value_proposition"], "concerns", concerns)
    data["chain"] = draw(_chain())
    return data


def to_yaml(data: dict, flow: bool | None = False) -> str:
    """Deal data as YAML text, the way a user's editor would keep it."""
    header = "# yaml-language-server: $schema=../schema/deal.schema.json\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)


@st.composite
def valid_deals(draw) -> str:
    """Valid deal YAML text: block style, or nested parts in flow style."""
    return to_yaml(draw(deal_data()), draw(st.sampled_from([False, None])))
