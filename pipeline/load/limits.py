"""The most a deal may hold, checked by the loader so that `check` refuses what `build` would.

Each limit is what the documents can carry (a Word title is at most 255 characters,
a slide holds so many competitors or contacts) or what a sane deal needs (no weight
of 1e308, no amount of 1e-320). Numbers YAML 1.1 reads differently from how they
look (`010` is 8, `1:30` is 90) are refused with the fix. Every problem is an Issue
on its field, so it is reported with the file, line and column.
"""

from __future__ import annotations

import math
import re

from pipeline.load.paths import Issue
from pipeline.words.messages import say

MAX_TITLE = 150  # a brief's Word title is "<brief>: <title>", and Office caps titles at 255
MAX_CUSTOMER_NAME = 100
MAX_NAME = 60  # a company, a person, a relation, a segment, a currency: one table cell or box line
MAX_ITEM_NAME = 80
MAX_SHORT_TEXT = 200  # a value-proposition part, an outcome's metric, the offering, the tracking
MAX_TEXT = 1000  # the situation, the positioning statement, a level's message

MAX_COMPETITORS = 8
MAX_ITEMS = 12  # per dimension
MAX_OUTCOMES = 6
MAX_CONTACTS = 24
MAX_SURROUNDING = 10

MAX_WEIGHT = 1000.0
MIN_AMOUNT, MAX_AMOUNT = 0.01, 1e13
MIN_CHANGE_PCT, MAX_CHANGE_PCT = -100.0, 10_000.0
MAX_PAYBACK_MONTHS = 1200.0

DIMENSIONS = ("key_buying_factors", "business_capabilities", "relationship_capabilities")
_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")


def check_limits(data: object, raw: dict[str, str]) -> list[Issue]:
    """Every limit the deal breaks, and every YAML 1.1 number it would misread."""
    issues = _yaml11_numbers(data, raw)
    if not isinstance(data, dict):
        return issues
    check = _Checker(issues, {i.path for i in issues})
    check.text(data, "title", MAX_TITLE)
    check.text(_at(data, "customer"), "customer.name", MAX_CUSTOMER_NAME)
    check.text(_at(data, "customer"), "customer.segment", MAX_NAME)
    check.text(_at(data, "us"), "us.name", MAX_NAME)
    check.text(data, "situation", MAX_TEXT)
    check.text(data, "positioning_statement", MAX_TEXT)
    for i, company in check.items(data, "competitors", MAX_COMPETITORS, say("limit_competitors")):
        check.text(company, f"competitors[{i}].name", MAX_NAME)
    for dimension in DIMENSIONS:
        for i, item in check.items(data, dimension, MAX_ITEMS, say("limit_items")):
            check.text(item, f"{dimension}[{i}].name", MAX_ITEM_NAME)
            check.number(item, f"{dimension}[{i}].weight", 0, MAX_WEIGHT, say("limit_weight"))
    value = _at(data, "value_proposition")
    for part in ("expertise", "capability", "improves"):
        check.text(_at(value, "overall"), f"value_proposition.overall.{part}", MAX_SHORT_TEXT)
    specific = _at(value, "specific")
    for part in ("offering", "tracking"):
        check.text(specific, f"value_proposition.specific.{part}", MAX_SHORT_TEXT)
    for i, outcome in check.items(specific, "value_proposition.specific.outcomes", MAX_OUTCOMES, say("limit_outcomes")):
        check.text(outcome, f"value_proposition.specific.outcomes[{i}].metric", MAX_SHORT_TEXT)
        check.number(outcome, f"value_proposition.specific.outcomes[{i}].change_pct", MIN_CHANGE_PCT,
                     MAX_CHANGE_PCT, say("limit_change_pct"), low_inclusive=True)
    for money in ("investment", "monthly_benefit"):
        check.number(_at(specific, money), f"value_proposition.specific.{money}.amount", MIN_AMOUNT, MAX_AMOUNT,
                     say("limit_amount"), low_inclusive=True)
        check.text(_at(specific, money), f"value_proposition.specific.{money}.currency", MAX_NAME)
    check.number(specific, "value_proposition.specific.payback_months", 0, MAX_PAYBACK_MONTHS, say("limit_months"))
    for level in ("senior", "middle", "frontline"):
        check.text(_at(value, "levels"), f"value_proposition.levels.{level}", MAX_TEXT)
    chain = _at(data, "chain")
    for i, contact in check.items(chain, "chain.customer", MAX_CONTACTS, say("limit_contacts")):
        for part in ("name", "title", "our_contact"):
            check.text(contact, f"chain.customer[{i}].{part}", MAX_NAME)
    for i, relation in check.items(chain, "chain.surrounding", MAX_SURROUNDING, say("limit_surrounding")):
        check.text(relation, f"chain.surrounding[{i}].name", MAX_NAME)
    for level in ("senior", "middle", "frontline"):
        check.text(_at(chain, "our_team"), f"chain.our_team.{level}", MAX_NAME)
    return check.issues


class _Checker:
    def __init__(self, issues: list[Issue], said: set[str]):
        self.issues, self.said = issues, said

    def text(self, parent: object, path: str, limit: int) -> None:
        value = _at(parent, path.rsplit(".", 1)[-1])
        if isinstance(value, str) and len(value.strip()) > limit:
            self._add(path, say("limit_text", count=len(value.strip()), limit=limit))

    def items(self, parent: object, path: str, limit: int, what: str):
        value = _at(parent, path.rsplit(".", 1)[-1])
        if not isinstance(value, list):
            return []
        if len(value) > limit:
            self._add(path, say("limit_entries", count=len(value), limit=limit, what=what))
        return [(i, entry) for i, entry in enumerate(value) if isinstance(entry, dict)]

    def number(self, parent: object, path: str, low: float, high: float, what: str,
               low_inclusive: bool = False) -> None:
        value = _at(parent, path.rsplit(".", 1)[-1])
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return
        if not math.isfinite(value):
            self._add(path, say("limit_not_finite", value=value))
            return
        too_low = value < low if low_inclusive else value <= low
        if too_low or value > high:
            key = "limit_number_from" if low_inclusive else "limit_number_over"
            self._add(path, say(key, what=what, low=_plain(low), high=_plain(high), value=repr(value)))

    def _add(self, path: str, message: str) -> None:
        if path not in self.said:
            self.said.add(path)
            self.issues.append(Issue(path, message))


def _yaml11_numbers(data: object, raw: dict[str, str]) -> list[Issue]:
    """Plain scalars YAML 1.1 reads as another number than the digits say."""
    issues = []
    for path, typed in raw.items():
        value = _value_at(data, path)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if _OCTAL.match(typed):
            issues.append(Issue(path, say("yaml11_octal", typed=typed, value=value,
                                          plain=typed.lstrip("+-").lstrip("0_") or "0")))
        elif _SEXAGESIMAL.match(typed):
            issues.append(Issue(path, say("yaml11_sexagesimal", typed=typed, value=value)))
    return issues


def _value_at(data: object, path: str) -> object:
    current = data
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("[") and isinstance(current, list):
            index = int(part[1:-1])
            current = current[index] if index < len(current) else None
        elif isinstance(current, dict):
            current = current.get(part)
        else:
            return None
    return current


def _at(parent: object, key: str) -> object:
    return parent.get(key) if isinstance(parent, dict) else None


def _plain(number: float) -> str:
    return f"{number:g}" if abs(number) < 1e6 else f"{number:,.0f}"



