"""The deal against the method's standard relationship indicators and weights.

A sixth indicator or another weight is the team's right, but it changes the comparison the method
teaches: in the south-gov example 解决方案的设计能力 alone turns parity with the strongest rival into
an advantage. So each departure is reported (warning, slide mark, notes) and the analysis also gives
our standing on the standard indicators alone at the standard weights, for the trainer to discuss.

Which standard indicator an item is comes from `pipeline.load.method.indicators`: its `standard:`
key, else its name in any wording the library accepts ("Influence of the account manager" is
客户经理的影响力), each indicator counted once; so a deal that words them its own way is no departure.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis import exact
from pipeline.analysis.position import classify
from pipeline.analysis.results import (
    CompanyScore,
    CompetitorPosition,
    Departure,
    Finding,
    MethodCheck,
)
from pipeline.analysis.score import company_score, exact_index
from pipeline.load.method import NONE, RELATIONSHIP, Standard, indicator, indicators, standard, standard_indicators
from pipeline.load.model import Deal, Item
from pipeline.words.wording import margin, score

NAME_JOIN = {"zh": "、", "en": ", "}  # the standard indicators, named in the deal's language


def with_standard_weights(deal: Deal) -> Deal:
    """The deal with every omitted weight of a standard indicator filled from the library."""
    if all(item.weight is not None for item in deal.relationship_capabilities):
        return deal
    items = [item if item.weight is not None else item.model_copy(update={"weight": _weight_of(item)})
             for item in deal.relationship_capabilities]
    return deal.model_copy(update={RELATIONSHIP: items})


def _weight_of(item: Item) -> float:
    found = indicator(item.name, item.standard)
    if found is None or found.weight is None:  # the loader refuses this; a deal built in code may not
        raise ValueError(f"relationship indicator '{item.name}' has no weight and is not a standard one")
    return found.weight


def matches(deal: Deal) -> list[Optional[Standard]]:
    """The standard indicator each relationship item is, in the deal's order (None: the team's own)."""
    return indicators((item.name, item.standard) for item in deal.relationship_capabilities)


def departures(deal: Deal) -> list[Departure]:
    """Indicators of the team's own, standard ones reweighted (in file order), then standard ones left out."""
    found, seen = [], set()
    for index, (item, match) in enumerate(zip(deal.relationship_capabilities, matches(deal))):
        if match is None or match.weight is None:
            kind = "added" if match is None else "own_weight"
            found.append(Departure(item=item.name, kind=kind, index=index, weight=item.weight, standard_weight=None))
            continue
        seen.add(match.id)
        if item.weight != match.weight:
            found.append(Departure(item=item.name, kind="reweighted", index=index, weight=item.weight,
                                   standard_weight=match.weight))
    found += [Departure(item=s.name(deal.language), kind="omitted", index=None, weight=None, standard_weight=s.weight)
              for s in standard_indicators() if s.id not in seen]
    return found


def standard_only(deal: Deal) -> list[Item]:
    """The deal's standard indicators at the method's weights."""
    return [item.model_copy(update={"weight": match.weight})
            for item, match in zip(deal.relationship_capabilities, matches(deal))
            if match is not None and match.weight is not None]


def method_check(deal: Deal, positioning: dict[str, CompetitorPosition]) -> MethodCheck:
    """The departures and, when there are any and some standard indicator is scored, the standing
    on the standard indicators alone (exact, like the analysis' own)."""
    found = departures(deal)
    items = standard_only(deal)
    of = [match.id if match is not None else None for match in matches(deal)]
    if not found or not items:
        return MethodCheck(departs=bool(found), departures=found, standard_items=[i.name for i in items],
                           standard_of=of, standard_scores=None, standard_positions=None, standard_margins=None, changed=[])
    scores: dict[str, CompanyScore] = {c.id: company_score(items, c.id) for c in deal.companies}
    ours = exact_index(items, [i.scores[deal.us.id] for i in items])
    exact_margins = {c.id: ours - exact_index(items, [i.scores[c.id] for i in items]) for c in deal.competitors}
    margins = {cid: exact.stored(m) for cid, m in exact_margins.items()}
    positions = {cid: classify(m) for cid, m in exact_margins.items()}
    changed = [cid for cid, p in positions.items() if p != positioning[cid].relationship_capabilities]
    return MethodCheck(departs=True, departures=found, standard_items=[i.name for i in items],
                       standard_of=of, standard_scores=scores, standard_positions=positions, standard_margins=margins,
                       changed=changed)


def findings(deal: Deal, check: MethodCheck, positioning: dict[str, CompetitorPosition]) -> list[Finding]:
    """One warning per indicator or weight of the team's own, and one per competitor whose position
    they change; a standard indicator left out is only noted in the deck (a deal may not know it)."""
    names = NAME_JOIN[deal.language].join(f"{s.name(deal.language)} {score(s.weight)}" for s in standard_indicators())
    out = []
    for d in check.departures:
        where = f"{RELATIONSHIP}[{d.index}]"
        values = {"item": d.item, "weight": score(d.weight or 0), "names": names}
        if d.kind == "added":
            out.append(_added(deal, check, d.index, values))
        elif d.kind == "own_weight":
            out.append(Finding(field=f"{where}.weight", key="method_own_weight", values=values))
        elif d.kind == "reweighted":
            out.append(Finding(field=f"{where}.weight", key="method_reweighted",
                               values={"item": d.item, "weight": score(d.weight or 0),
                                       "standard_weight": score(d.standard_weight or 0)}))
    for cid in check.changed:
        out.append(Finding(field=RELATIONSHIP, key="method_changes_position", values={
            "standard_position": check.standard_positions[cid], "competitor": deal.company_name(cid),
            "margin": margin(check.standard_margins[cid]), "position": positioning[cid].relationship_capabilities}))
    return out


def _added(deal: Deal, check: MethodCheck, index: int, values: dict[str, str]) -> Finding:
    """An indicator of the team's own: said so (`standard: none`), one whose name reads as a standard
    indicator another item already is, or one the method does not name."""
    item = deal.relationship_capabilities[index]
    where = f"{RELATIONSHIP}[{index}]"
    if item.standard is not None and item.standard.strip() == NONE:
        return Finding(field=f"{where}.standard", key="method_declared_own", values=values)
    reads_as = standard(RELATIONSHIP, item.name)
    if reads_as is not None and reads_as.id in check.standard_of:
        return Finding(field=f"{where}.name", key="method_again", values={
            **values, "standard": reads_as.name(deal.language), "first": str(check.standard_of.index(reads_as.id))})
    return Finding(field=f"{where}.name", key="method_added", values=values)
