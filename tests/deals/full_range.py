"""The full-range profile: every deal the contract allows, edge cases first.

1-4 competitors, ids that YAML would read as something else (`on`, `no`, `1`), names in
Chinese and English or with YAML's special characters, weights and scores whole or with
decimals, items and contacts of every level (some levels absent), either language or none,
and every optional field present or absent.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Callable, Optional

from pipeline.load.model import CHAIN_LEVELS, CUSTOMER_TYPE_SYNONYMS, CUSTOMER_TYPES, SURROUNDING_KINDS
from pipeline.load.placeholders import is_placeholder
from tests.deals.choosers import Chooser
from tests.deals.profile import Company, Profile

# Ids that YAML 1.1 reads as booleans, numbers or null when they are values.
TRICKY_IDS = ("on", "no", "yes", "off", "1", "007", "null", "true", "1e3", "0x1F")
ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"

# Mostly realistic names (cheap to draw), sometimes random text with YAML-special characters.
NAME_POOL = (
    "中国电信某省公司", "对手A", "xyz投资公司", "张总", "信息技术部经理", "省通信管理局", "网络交易的安全性",
    "全程全网", "客户经理的影响力", "Northbank", "Head of IT", "price & service <24h>", "O'Brien",
    "yes", "no", "on", "null", "123", "1.10", "2026-11-20", "#1 priority", "a: b", "- dash", "引号\"内",
    "  前后空格  ", "tab\there", "多行\n文本", "emoji 😀", "全角：冒号", "[brackets]", "{braces}",
)
CJK = "".join(map(chr, range(0x4E00, 0x9FA6)))
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
MARKS = "、，。：-()&<>'\"#"
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
AUDIENCES = ("senior", "middle", "frontline")
CURRENCIES = ("USD", "CNY", "元")


class FullRange(Profile):
    def __init__(self, choose: Chooser, index: int):
        super().__init__(choose, index)
        self.language = self.optional(lambda: choose.choice(("zh", "en")))

    def optional(self, make: Callable):
        """A value, or None (the field left out), at even odds."""
        return make() if self.choose.chance(1 / 2) else None

    def name(self) -> str:
        """A pool name two times in three, else random text; never blank, never a `<placeholder>`."""
        if self.choose.integers(0, 2) < 2:
            return self.choose.choice(NAME_POOL)
        text = self.choose.text((CJK, LATIN, MARKS), 1, 8)
        return text if text.strip() and not is_placeholder(text) else self.choose.choice(NAME_POOL)

    def names(self, low: int, high: int) -> list[str]:
        return [self.name() for _ in range(self.choose.integers(low, high))]

    def some_of(self, keys: tuple, make: Callable) -> dict:
        """Each key present or not: {senior: ..., frontline: ...}."""
        return {key: value for key in keys if (value := self.optional(make)) is not None}

    def number(self, low: float, high: float) -> float:
        """A whole number, or one in hundredths (never written with an exponent)."""
        if self.choose.chance(1 / 2):
            return self.choose.integers(math.ceil(low), int(high))
        return self.choose.integers(round(low * 100), round(high * 100)) / 100

    def companies(self) -> tuple[str, list[Company]]:
        """Two to five distinct ids, ours first."""
        ids: list[str] = []
        for _ in range(self.choose.integers(2, 5)):
            candidate = (self.choose.choice(TRICKY_IDS) if self.choose.chance(1 / 2)
                         else self.choose.text((ID_CHARACTERS,), 1, 10))
            if candidate not in ids:
                ids.append(candidate)
        ids += [spare for spare in ("us", "them") if spare not in ids][: max(0, 2 - len(ids))]
        return ids[0], [{"id": cid, "name": self.name()} for cid in ids[1:]]

    def date(self) -> dt.date:
        return FIRST_DAY + dt.timedelta(days=self.choose.integers(0, (LAST_DAY - FIRST_DAY).days))

    def our_team(self) -> Optional[dict]:
        return self.optional(lambda: self.some_of(AUDIENCES, self.name))

    def deal_id(self) -> Optional[str]:
        return self.optional(lambda: self.choose.text((ID_CHARACTERS,), 1, 20))

    def title(self) -> str:
        return self.name()

    def customer(self) -> dict:
        found = {"name": self.name()}
        if self.choose.chance(1 / 2):
            found["segment"] = self.name()
        if self.choose.chance(1 / 2):
            found["type"] = self.choose.choice((*CUSTOMER_TYPES, *CUSTOMER_TYPE_SYNONYMS))
        return found

    def our_name(self) -> str:
        return self.name()

    def situation(self, competitors: list[Company]) -> Optional[str]:
        return self.optional(self.name)

    def item_names(self, dimension: str) -> list[str]:
        """One to three items, distinct once trimmed."""
        found: list[str] = []
        for name in self.names(1, 3):
            if name.strip() not in {known.strip() for known in found}:
                found.append(name)
        return found

    def weight(self, dimension: str, position: int) -> float:
        return self.number(0.1, 10)

    def score(self) -> float:
        return self.number(0, 100)

    def outlook(self, dimension: str, ids: list[str], now: dict) -> Optional[dict]:
        """Any companies, at any scores."""
        def projected() -> dict:
            return {company: self.score() for company in self.choose.sample(ids, self.choose.integers(1, len(ids)))}
        return self.optional(projected)

    def positioning(self, data: dict) -> Optional[str]:
        return self.optional(self.name)

    def start(self, date: dt.date) -> dt.date | str:
        if self.choose.chance(1 / 2):
            return self.date()
        return f"{self.choose.integers(2000, 2099)}-{self.choose.integers(1, 12):02d}"

    def offering(self) -> str:
        return self.name()

    def metrics(self) -> list[tuple[str, Optional[int]]]:
        return [(name, None) for name in self.names(1, 3)]

    def change(self, sign: Optional[int]) -> int:
        return self.choose.integers(-90, 300)

    def amount(self) -> dict:
        return {"amount": self.choose.integers(1, 10**9), "currency": self.choose.choice(CURRENCIES)}

    def money(self) -> dict:
        """An investment; a monthly benefit and a payback or not, and not necessarily agreeing."""
        found = {"investment": self.amount()}
        if self.choose.chance(1 / 2):
            found["monthly_benefit"] = self.amount()
        if self.choose.chance(1 / 2):
            found["payback_months"] = self.choose.integers(1, 120)
        return found

    def tracking(self) -> Optional[str]:
        return self.optional(self.name)

    def overall(self) -> dict:
        return {key: self.name() for key in ("expertise", "capability", "improves")}

    def levels(self, payback_months: Optional[int]) -> Optional[dict]:
        return self.optional(lambda: self.some_of(AUDIENCES, self.name))

    def concerns(self) -> Optional[dict]:
        return self.optional(lambda: self.some_of(AUDIENCES, lambda: self.names(1, 3)))

    def contact_levels(self) -> list[str]:
        """None to six contacts, of any levels."""
        return [self.choose.choice(CHAIN_LEVELS) for _ in range(self.choose.integers(0, 6))]

    def people(self, levels: list[str]) -> list[tuple[str, Optional[str]]]:
        return [(self.name(), self.optional(self.name)) for _ in levels]

    def strength(self, level: str) -> int:
        return self.choose.integers(0, 5)

    def our_contact(self, level: str, strength: int, team: Optional[dict]) -> Optional[str]:
        return self.optional(self.name)

    def surrounding_kinds(self) -> Optional[list[str]]:
        return self.optional(lambda: [self.choose.choice(SURROUNDING_KINDS) for _ in range(self.choose.integers(0, 4))])

    def relation_name(self, kind: str) -> str:
        return self.name()
