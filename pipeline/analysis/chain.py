"""The relationship chain (关系链条模型): held and broken links, level by level.

A chain is intact only when every level is held: like a zipper, one failed link in
the middle scraps it. Each weak link names who on our side should mend it and how.

Our person at a level is the deal's `our_team` member facing it, else whoever of ours holds a
link there (a contact's `our_contact`, the strongest link first): the chain names them, so
they are never "unassigned". Where nobody of ours is at a level, its first action says so once,
and a senior level is worked by one of our senior managers, never by the account manager.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.audience import level_title
from pipeline.analysis.results import (
    ChainLevel,
    ChainResult,
    ContactLink,
    LinkStatus,
    SurroundingLink,
    WeakLink,
)
from pipeline.analysis.settings import (
    FLAG_INFLUENCE_MIN,
    FLAG_STRENGTH_MAX,
    HELD_MIN,
    STRONG_MIN,
    WEAK_MIN,
)
from pipeline.load.model import (
    AUDIENCE_OF_LEVEL,
    CHAIN_LEVELS,
    Contact,
    Deal,
    Surrounding,
)
from pipeline.words.wording import in_sentence, text


def chain(deal: Deal) -> ChainResult:
    """Every level top to front line, the surrounding relations, and the links to mend."""
    levels = {level: chain_level(deal, level) for level in CHAIN_LEVELS}
    surrounding = [surrounding_link(s) for s in deal.chain.surrounding]
    return ChainResult(
        levels=levels,
        intact=all(lv.held for lv in levels.values()),
        surrounding=surrounding,
        weak_links=weak_links(deal, levels),
    )


def status(strength: int) -> LinkStatus:
    if strength >= STRONG_MIN:
        return "strong"
    if strength >= HELD_MIN:
        return "held"
    return "weak" if strength >= WEAK_MIN else "broken"


def chain_level(deal: Deal, level: str) -> ChainLevel:
    contacts = [contact_link(c) for c in deal.chain.customer if c.level == level]
    strongest = max(contacts, key=lambda c: c.strength, default=None)  # ties: the first in the file
    return ChainLevel(
        level=level,
        audience=AUDIENCE_OF_LEVEL[level],
        contacts=contacts,
        strongest=strongest.name if strongest else None,
        held=any(c.strength >= HELD_MIN for c in contacts),
        missing=not contacts,
        owner=level_owner(deal, level),
    )


def contact_link(contact: Contact) -> ContactLink:
    return ContactLink(name=contact.name, title=contact.title, level=contact.level, strength=contact.strength,
                       status=status(contact.strength), our_contact=contact.our_contact)


def surrounding_link(relation: Surrounding) -> SurroundingLink:
    flagged = relation.influence >= FLAG_INFLUENCE_MIN and relation.strength <= FLAG_STRENGTH_MAX
    return SurroundingLink(name=relation.name, kind=relation.kind, influence=relation.influence,
                           strength=relation.strength, flagged=flagged)


def team_member(deal: Deal, audience: str) -> Optional[str]:
    """Our person facing this audience level: the deal's our_team member, else who of ours holds a
    link at that level (the strongest; ties: the first in the file), else None."""
    return getattr(deal.chain.our_team, audience) or holder(deal, [c for c in deal.chain.customer
                                                                  if AUDIENCE_OF_LEVEL[c.level] == audience])


def level_owner(deal: Deal, level: str) -> Optional[str]:
    """Our person at one chain level: our_team's member facing it, else the holder of a link at this
    level, else at the other chain level of the same audience (一把手 and 副总经理 are both senior)."""
    audience = AUDIENCE_OF_LEVEL[level]
    own = holder(deal, [c for c in deal.chain.customer if c.level == level])
    return getattr(deal.chain.our_team, audience) or own or team_member(deal, audience)


def holder(deal: Deal, contacts: list[Contact]) -> Optional[str]:
    held = [c for c in contacts if c.our_contact]
    return max(held, key=lambda c: c.strength).our_contact if held else None  # ties: the first in the file


def weak_links(deal: Deal, levels: dict[str, ChainLevel]) -> list[WeakLink]:
    """Top to front line in file order, then the flagged surrounding relations; the first action at an
    audience level where nobody of ours is says so."""
    inside = [link for lv in levels.values() for link in level_weak_links(deal, lv)]
    around = [surrounding_weak_link(deal, s) for s in deal.chain.surrounding if surrounding_link(s).flagged]
    return said_once(deal, inside + around)


def said_once(deal: Deal, links: list[WeakLink]) -> list[WeakLink]:
    """Each action without an owner of ours, the first of its audience level prefixed with
    「我方在高层还没有对接人；」 (a surrounding relation is worked from the senior level)."""
    told, result = set(), []
    for link in links:
        audience = AUDIENCE_OF_LEVEL[link.level] if link.level else "senior"
        if link.owner is None and audience not in told:
            told.add(audience)
            key = "frontline_audience" if audience == "frontline" else audience
            link = link.model_copy(update={"action": text(deal.language, "nobody_ours",
                                                          audience=in_sentence(deal.language, key)) + link.action})
        result.append(link)
    return result


def level_weak_links(deal: Deal, level: ChainLevel) -> list[WeakLink]:
    if level.missing:
        return [missing_link(deal, level)]
    return [contact_weak_link(deal, level, c) for c in level.contacts if c.status in ("weak", "broken")]


def contact_weak_link(deal: Deal, level: ChainLevel, contact: ContactLink) -> WeakLink:
    """The level's owner on our side mends it, else whoever holds this contact today."""
    owner = level.owner or contact.our_contact
    key = "action_broken" if contact.status == "broken" else weak_action(level.audience)
    action = text(deal.language, key, owner=actor(deal, owner, level.audience), who=contact.name,
                  strength=contact.strength, held=HELD_MIN)
    return WeakLink(level=level.level, who=contact.name, problem=contact.status, owner=owner, action=action)


def weak_action(audience: str) -> str:
    return "action_weak_senior" if audience == "senior" else "action_weak"


def missing_link(deal: Deal, level: ChainLevel) -> WeakLink:
    action = text(deal.language, "action_missing", level=level_title(deal, level.level, in_sentence=True),
                  owner=actor(deal, level.owner, level.audience))
    return WeakLink(level=level.level, who=None, problem="missing", owner=level.owner, action=action)


def surrounding_weak_link(deal: Deal, relation: Surrounding) -> WeakLink:
    """Relations around the chain are worked from the top: our senior person owns them."""
    owner = team_member(deal, "senior")
    action = text(deal.language, "action_surrounding", owner=actor(deal, owner, "senior"), who=relation.name,
                  kind=in_sentence(deal.language, relation.kind), influence=relation.influence, strength=relation.strength)
    return WeakLink(level=None, who=relation.name, problem="surrounding", owner=owner, action=action)


def actor(deal: Deal, owner: Optional[str], audience: str) -> str:
    """Who the action sentence names: the owner, else one of our senior managers at the senior level
    (senior to senior, never the account manager), else the account manager."""
    if owner:
        return owner
    return text(deal.language, "senior_stand_in" if audience == "senior" else "default_owner")
