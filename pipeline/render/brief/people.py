"""Who sits on each side at one level: the customer's contacts, our person, links to mend."""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.results import Analysis, ContactLink, WeakLink
from pipeline.load.model import AUDIENCE_OF_LEVEL
from pipeline.render.brief.rows import ContactRow
from pipeline.render.brief.words import word
from pipeline.words import wording
from pipeline.words.labels import label


def audience_key(level: str) -> str:
    """The labels' key of an audience level ('frontline' is also a chain level there)."""
    return "frontline_audience" if level == "frontline" else level


def chain_levels(level: str) -> list[str]:
    """The chain levels (top, deputy, ...) that make up one audience level."""
    return [chain for chain, audience in AUDIENCE_OF_LEVEL.items() if audience == level]


def level_contacts(analysis: Analysis, level: str) -> list[ContactLink]:
    return [c for chain in chain_levels(level) for c in analysis.chain.levels[chain].contacts]


def level_weak_links(analysis: Analysis, level: str) -> list[WeakLink]:
    """Weak, broken or missing links at this level; the senior brief also gets surrounding ones."""
    mine = set(chain_levels(level))
    return [w for w in analysis.chain.weak_links
            if w.level in mine or (w.level is None and level == "senior")]


def contact_row(lang: str, contact: ContactLink, titles: Optional[dict[str, str]] = None) -> ContactRow:
    """`titles`: the chain levels' names for this customer (Audience.level_titles)."""
    none = word(lang, "none")
    return ContactRow(
        name=contact.name, title=contact.title or none, role=(titles or {}).get(contact.level) or label(lang, contact.level),
        strength=f"{contact.strength}/5", status=label(lang, contact.status),
        holder=contact.our_contact or none,
    )


def mend_line(lang: str, link: WeakLink, titles: Optional[dict[str, str]] = None) -> str:
    who = link.who or (titles or {}).get(link.level or "") or label(lang, link.level or "missing")
    problem = label(lang, "weak" if link.problem == "surrounding" else link.problem)
    return word(lang, "mend_line", who=who, problem=problem, action=link.action)


def our_person(analysis: Analysis, level: str) -> Optional[str]:
    return analysis.value.levels[level].our_person


def our_side(analysis: Analysis, level: str) -> str:
    lang, person = analysis.deal.language, our_person(analysis, level)
    if person:
        return word(lang, "our_side", person=person)
    return word(lang, "our_side_none", level=wording.in_sentence(lang, audience_key(level)))


def team_line(analysis: Analysis) -> str:
    """Our person at each audience level, as the analysis found them (our_team, else who holds a link
    there); 未指定 only where nobody of ours is at that level."""
    lang, missing = analysis.deal.language, word(analysis.deal.language, "unassigned")
    people = {level: our_person(analysis, level) or missing for level in ("senior", "middle", "frontline")}
    return word(lang, "team_line", **people)
