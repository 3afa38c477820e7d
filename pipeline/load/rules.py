"""The contract's rules that span fields: unique ids, every company scored, known ids.

They run on the plain data, not on a validated Deal, so that they are reported
together with the field errors; each rule checks only what has the right shape.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Callable

from pipeline.load.method import NONE, RELATIONSHIP, by_id, indicator, standard_ids, standard_indicators
from pipeline.load.model import DIMENSIONS, ID_PATTERN, YEAR_MONTH
from pipeline.load.paths import Issue, child
from pipeline.words.messages import language, say

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
            issues += _item_standard(dimension, path, item)
            issues += _item_weight(dimension, path, item)
        issues += _duplicate_names(data, dimension, line_of)
    issues += _standard_twice(data, line_of)
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


def _standard_of(item: dict) -> str | None:
    """The item's `standard:` as text, stripped; None when absent or not text (the model reports that)."""
    value = item.get("standard")
    return value.strip() if isinstance(value, str) else None


def _item_standard(dimension: str, path: str, item: dict) -> list[Issue]:
    """`standard:` only on a relationship indicator, naming an indicator of the library or `none`;
    a typo is shown with the nearest id."""
    value = _standard_of(item)
    if value is None or not value:
        return []
    if dimension != RELATIONSHIP:
        return [Issue(child(path, "standard"), say("standard_not_relationship"), "key")]
    ids = standard_ids()
    if value in ids:
        return []
    allowed = say("list_comma").join(_id_named(sid) for sid in ids)
    close = difflib.get_close_matches(value.lower().replace("-", "_").replace(" ", "_"), ids, n=1, cutoff=0.6)
    if close:
        return [Issue(child(path, "standard"), say("standard_unknown_close", value=value, close=close[0], ids=allowed))]
    return [Issue(child(path, "standard"), say("standard_unknown", value=value, ids=allowed))]


def _id_named(sid: str) -> str:
    """An id as the message lists it: account_manager_influence (客户经理的影响力)."""
    found = by_id(sid)
    if found is None:
        return sid
    return f"{sid} ({found.name(language())})"


def _standard_twice(data: dict, line_of: LineOf) -> list[Issue]:
    """Each standard indicator is one item: two items that both say `standard: <id>` is an error."""
    first: dict[str, str] = {}
    issues = []
    for path, item in _items(data, RELATIONSHIP):
        value = _standard_of(item)
        if not value or value == NONE or by_id(value) is None:
            continue
        where = child(path, "standard")
        if value in first:
            issues.append(Issue(where, say("standard_twice", id=value, first=first[value], line=line_of(first[value]))))
        first.setdefault(value, where)
    return issues


def _item_weight(dimension: str, path: str, item: dict) -> list[Issue]:
    """Only the method's standard relationship indicators may leave their weight to the library;
    `weight: ~` (null) leaves it as an absent key does. An item's `standard:` decides which one it is
    (a misspelt one is reported by itself, not here)."""
    name, chosen = item.get("name"), _standard_of(item)
    if item.get("weight") is not None or not isinstance(name, str):
        return []
    if dimension == RELATIONSHIP:
        if chosen and chosen not in standard_ids():
            return []
        found = indicator(name, chosen or None)
        if found is not None and found.weight is not None:
            return []
    standards = say("list_comma").join(f"{s.zh} {s.weight:g}" for s in standard_indicators())
    if dimension != RELATIONSHIP:
        why = say("weight_only_relationship", standards=standards)
    elif chosen == NONE:
        why = say("weight_team_own", name=" ".join(name.split()), standards=standards)
    elif chosen:
        why = say("weight_standard_unweighted", id=chosen, name=by_id(chosen).zh, standards=standards)
    else:
        why = say("weight_not_standard", name=" ".join(name.split()), standards=standards)
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
