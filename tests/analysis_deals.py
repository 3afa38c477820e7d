"""Small deals for the analysis tests, built inline so each test shows the figures it needs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Optional

from pipeline.load.deal import load_deal
from pipeline.load.model import Deal

XYZ = Path(__file__).resolve().parent.parent / "inputs" / "xyz-atm-network.yaml"


def xyz() -> Deal:
    return load_deal(XYZ)[0]


def item(name: str, us: float, a: float, b: float, weight: float = 1, future: Optional[dict] = None) -> dict:
    data: dict[str, Any] = {"name": name, "weight": weight, "scores": {"us": us, "A": a, "B": b}}
    if future is not None:
        data["in_3_years"] = future
    return data


def contact(name: str, level: str, strength: int, our_contact: Optional[str] = None) -> dict:
    data: dict[str, Any] = {"name": name, "level": level, "strength": strength}
    if our_contact is not None:
        data["our_contact"] = our_contact
    return data


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
