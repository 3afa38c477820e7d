"""The one generator of synthetic deals, for the benchmark, the property tests and the fuzzers.

`deal(choose, Profile, index)` writes a deal's structure once: its keys in the contract's
order, every company scored in every item, contacts and relations in the contract's ranges.
A chooser makes every choice (`Seeded` for the benchmark, `Drawn` for Hypothesis); a profile
fills in the words and figures (`Realistic` or `FullRange`). The entry points:

- `write_deals(folder, n, seed)`: the benchmark's files (Seeded, Realistic).
- `valid_deal_data()`, `valid_deals()`: Hypothesis strategies of the contract's whole range
  (Drawn, FullRange), as data or as YAML text in one of three styles.
- `realistic_deal_data()`: the benchmark's deals, drawn by Hypothesis.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from hypothesis import strategies as st

from pipeline.load.model import DIMENSIONS
from tests.deals.choosers import Chooser, Drawn, Seeded
from tests.deals.full_range import FullRange
from tests.deals.profile import Profile
from tests.deals.realistic import Realistic
from tests.deals.yaml_text import STYLES, deal_yaml, in_style

BENCH_SEED = 2026


def deal(choose: Chooser, profile: type[Profile], index: int = 0) -> dict:
    """One valid deal as the plain data a YAML file holds, in the contract's key order."""
    p = profile(choose, index)
    us, competitors = p.companies()
    ids = [us, *(c["id"] for c in competitors)]
    date = p.date()
    team = p.our_team()
    data: dict[str, Any] = {}
    put(data, "id", p.deal_id())
    data["title"] = p.title()
    put(data, "language", p.language)
    data["date"] = date
    data["customer"] = p.customer()
    data["us"] = {"id": us, "name": p.our_name()}
    data["competitors"] = competitors
    put(data, "situation", p.situation(competitors))
    for dimension in DIMENSIONS:
        data[dimension] = [scored(p, dimension, position, name, ids)
                           for position, name in enumerate(p.item_names(dimension))]
    put(data, "positioning_statement", p.positioning(data))
    data["value_proposition"] = value_proposition(p, date)
    data["chain"] = chain(p, team)
    return data


def put(mapping: dict, key: str, value: Any) -> None:
    """An optional field: set when the profile gave a value."""
    if value is not None:
        mapping[key] = value


def scored(p: Profile, dimension: str, position: int, name: str, ids: list[str]) -> dict:
    """An item of a dimension, every company scored."""
    weight = p.weight(dimension, position)
    scores = {company: p.score() for company in ids}
    return item_data(name, weight, scores, p.outlook(dimension, ids, scores))


def item_data(name: str, weight: float, scores: dict, in_3_years: Optional[dict] = None) -> dict:
    data: dict[str, Any] = {"name": name, "weight": weight, "scores": scores}
    put(data, "in_3_years", in_3_years)
    return data


def value_proposition(p: Profile, date) -> dict:
    specific = {"start": p.start(date), "offering": p.offering(),
                "outcomes": [{"metric": metric, "change_pct": p.change(sign)} for metric, sign in p.metrics()]}
    specific.update(p.money())
    put(specific, "tracking", p.tracking())
    proposition = {"overall": p.overall(), "specific": specific}
    put(proposition, "levels", p.levels(specific.get("payback_months")))
    put(proposition, "concerns", p.concerns())
    return proposition


def chain(p: Profile, team: Optional[dict]) -> dict:
    """The customer's contacts, the surrounding relations, our team."""
    levels = p.contact_levels()
    contacts = []
    for (name, title), level in zip(p.people(levels), levels):
        strength = p.strength(level)
        contacts.append(contact(name, level, strength, p.our_contact(level, strength, team), title))
    found: dict[str, Any] = {"customer": contacts}
    kinds = p.surrounding_kinds()
    if kinds is not None:
        found["surrounding"] = [{"name": p.relation_name(kind), "kind": kind, "influence": p.choose.integers(1, 5),
                                 "strength": p.choose.integers(0, 5)} for kind in kinds]
    put(found, "our_team", team)
    return found


def contact(name: str, level: str, strength: int, our_contact: Optional[str] = None,
            title: Optional[str] = None) -> dict:
    data: dict[str, Any] = {"name": name}
    put(data, "title", title)
    data.update(level=level, strength=strength)
    put(data, "our_contact", our_contact)
    return data


# --- the entry points ---

def write_deals(folder: Path, n: int, seed: int = BENCH_SEED) -> list[Path]:
    """Write n realistic deal files `synthetic-0001.yaml`... into folder; the same seed writes the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    choose = Seeded(seed)
    paths = []
    for index in range(n):
        path = folder / f"synthetic-{index + 1:04d}.yaml"
        path.write_bytes(deal_yaml(deal(choose, Realistic, index)).encode("utf-8"))
        paths.append(path)
    return paths


@st.composite
def valid_deal_data(draw) -> dict:
    """A valid deal of the contract's whole range, as the plain data a YAML file holds."""
    return deal(Drawn(draw), FullRange)


@st.composite
def realistic_deal_data(draw) -> dict:
    """A deal as the benchmark writes them (the language follows Hypothesis' index)."""
    return deal(Drawn(draw), Realistic, draw(st.integers(0, 1)))


@st.composite
def valid_deals(draw) -> str:
    """Valid deal YAML text: block style, nested parts in flow style, or the benchmark's style."""
    return in_style(draw(valid_deal_data()), draw(st.sampled_from(STYLES)))
