"""The contract's rules that span fields: unique ids, every company scored, known ids.

They run on the plain data, not on a validated Deal, so that they are reported
together with the field errors; each rule checks only what has the right shape.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Callable

from pipeline.load.method import standard_indicators, standard_weight
from pipeline.load.model import DIMENSIONS, ID_PATTERN, YEAR_MONTH
from pipeline.load.paths import Issue, child
from pipeline.words.messages import say

LineOf = Callable[[str], int]


def check_rules(data: dict, line_of: LineOf) -> list[Issue]:
    """Every broken cross-field rule; `line_of` gives the line of a field path.

    They run on whatever loaded: the missing scores of every company with a valid id
    are reported even when another id is broken. An unknown id in `scores` is only
    reported when the companies are settled (every id valid and unique), because a
    duplicate or broken id would make each score of the company it meant look unknown.
    """
    companies = _companies(data)
    duplicates = _duplicate_ids(companies, line_of)
    ids = list(dict.fromkeys(cid for _, cid in companies if re.fullmatch(ID_PATTERN, cid)))
    settled = not duplicates and _all_ids_known(data, companies)
    issues = duplicates
    for dimension in DIMENSIONS:
        for path, item in _items(data, dimension):
            issues += _item_scores(path, item, ids, settled)
            issues += _item_weight(dimension, path, item)
        issues += _duplicate_names(data, dimension, line_of)
    return issues + _first_report(data)


def _companies(data: dict) -> list[tuple[str, str]]:
    """(path of the id, id) of us and each competitor, where the id is text."""
    found = []
    if isinstance(data.get("us"), dict):
        found.append(("us.id", data["us"].get("id")))
    for i, company in enumerate(_list(data.get("competitors"))):
        if isinstance(company, dict):
            found.append((f"competitors[{i}].id", company.get("id")))
    return [(path, cid) for path, cid in found if isinstance(cid, str)]


def _all_ids_known(data: dict, companies: list[tuple[str, str]]) -> bool:
    competitors = data.get("competitors")
    valid = [cid for _, cid in companies if re.fullmatch(ID_PATTERN, cid)]
    return isinstance(competitors, list) and len(valid) == len(competitors) + 1 > 1


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _items(data: dict, dimension: str) -> list[tuple[str, dict]]:
    entries = enumerate(_list(data.get(dimension)))
    return [(child(dimension, i), item) for i, item in entries if isinstance(item, dict)]


def _duplicate_ids(companies: list[tuple[str, str]], line_of: LineOf) -> list[Issue]:
    first: dict[str, str] = {}
    issues = []
    for path, cid in companies:
        if cid in first:
            issues.append(Issue(path, say("duplicate_id", id=cid, first=first[cid], line=line_of(first[cid]))))
        first.setdefault(cid, path)
    return issues


def _item_scores(path: str, item: dict, ids: list[str], settled: bool) -> list[Issue]:
    issues = []
    for key in ("scores", "in_3_years"):
        scores = item.get(key)
        if isinstance(scores, dict) and settled:
            issues += [_unknown_id(child(child(path, key), cid), cid, ids)
                       for cid in scores if cid not in ids]
    scores = item.get("scores")
    missing = [cid for cid in ids if isinstance(scores, dict) and cid not in scores]
    if missing:
        issues.append(Issue(child(path, "scores"), _missing_scores(missing)))
    return issues


def _item_weight(dimension: str, path: str, item: dict) -> list[Issue]:
    """Only the method's standard relationship indicators may leave their weight to the library;
    `weight: ~` (null) leaves it as an absent key does."""
    name = item.get("name")
    if item.get("weight") is not None or not isinstance(name, str) or standard_weight(dimension, name) is not None:
        return []
    standards = say("list_comma").join(f"{s.zh} {s.weight:g}" for s in standard_indicators())
    why = (say("weight_not_standard", name=" ".join(name.split()), standards=standards)
           if dimension == "relationship_capabilities" else say("weight_only_relationship", standards=standards))
    return [Issue(child(path, "weight"), say("weight_missing", why=why), "value" if "weight" in item else "parent")]


def _unknown_id(path: str, cid: str, ids: list[str]) -> Issue:
    match = difflib.get_close_matches(cid, ids, n=1, cutoff=0.6)
    if not match:
        match = [i for i in ids if i.lower() == cid.lower()]
    if match:
        return Issue(path, say("unknown_id_close", id=cid, close=match[0]), "key")
    return Issue(path, say("unknown_id", id=cid, ids=", ".join(ids)), "key")


def _missing_scores(missing: list[str]) -> str:
    example = ", ".join(f"{cid}: <0-100>" for cid in missing)
    return say("missing_scores", ids=", ".join(missing), example=example)


def _duplicate_names(data: dict, dimension: str, line_of: LineOf) -> list[Issue]:
    first: dict[str, str] = {}
    issues = []
    for path, item in _items(data, dimension):
        name = item.get("name")
        if not isinstance(name, str):
            continue
        key = name.strip()
        if key in first:
            issues.append(Issue(child(path, "name"), say("duplicate_item", name=key, line=line_of(first[key]))))
        first.setdefault(key, child(path, "name"))
    return issues


def _first_report(data: dict) -> list[Issue]:
    """A stated first results report is not before the start (compared by month when either is a year-month)."""
    value = data.get("value_proposition")
    specific = value.get("specific") if isinstance(value, dict) else None
    if not isinstance(specific, dict):
        return []
    start, first = _month(specific.get("start")), _month(specific.get("first_report"))
    if start is None or first is None or first >= start:
        return []
    return [Issue("value_proposition.specific.first_report",
                  say("first_report_before_start", first=_shown(specific["first_report"]),
                      start=_shown(specific["start"])))]


def _month(value: object) -> tuple[int, int] | None:
    """(year, month) of a date or a year-month; None for anything else (its own field reports it)."""
    if isinstance(value, dt.date):
        return value.year, value.month
    if isinstance(value, str) and re.fullmatch(YEAR_MONTH, value):
        return int(value[:4]), int(value[5:])
    return None


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
