"""Competitive tactics: the playbook's rules that this deal's positions and chain fire.

Conditions are read from a fixed vocabulary (see `pipeline.analysis.playbook.When`); a fired
rule's texts are filled with this deal's facts in a sandboxed, strict template.
"""

from __future__ import annotations

from typing import Callable, Optional

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from pipeline.analysis.claims import of
from pipeline.analysis.facts import SHORT, facts, overtaking
from pipeline.analysis.playbook import Playbook, Rule, When, load_playbook
from pipeline.analysis.results import (
    ChainResult,
    Claim,
    CompetitorPosition,
    Tactic,
    ThreeYears,
)
from pipeline.analysis.score import Scores
from pipeline.errors import TemplateError
from pipeline.load.model import Deal
from pipeline.safety import user_code_problem
from pipeline.templates import playbook_environment
from pipeline.words.messages import say

TEXTS = ("title", "recommendation", "reason")
STANDINGS: dict[str, Callable[[list[str]], bool]] = {
    "advantage_all": lambda ps: all(p == "advantage" for p in ps),
    "advantage_any": lambda ps: "advantage" in ps,
    "disadvantage_any": lambda ps: "disadvantage" in ps,
    "disadvantage_all": lambda ps: all(p == "disadvantage" for p in ps),
    "no_disadvantage": lambda ps: "disadvantage" not in ps,
    "parity_any": lambda ps: "parity" in ps,
}


def tactics(deal: Deal, scores: Scores, positioning: dict[str, CompetitorPosition], chain: ChainResult,
            playbook: Optional[Playbook], found: list[Claim], future: ThreeYears) -> list[Tactic]:
    """Every rule that fires, in the playbook's order, with its reason in this deal's words.

    What a rule may name comes from the claims: the trailing factor is the concession claim's
    (a price-kind factor), the best factor the one we lead; exclusive is the claims' one rule."""
    rules = (playbook or load_playbook()).rules
    known = facts(deal, scores, positioning, chain, future, found)
    truths = flags(chain, overtaking(deal, scores, future) is not None, bool(of(found, "statement.exclusive")))
    concession = of(found, "statement.concession", "concession")
    fired = [r for r in rules if holds(r.when, positioning, truths, concession)]
    env = playbook_environment()
    return [tactic(r, deal, known, env) for r in fired]


def flags(chain: ChainResult, overtaken: bool, exclusive: bool) -> dict[str, bool]:
    """The yes/no facts a rule's condition can ask for."""
    return {
        "exclusive": exclusive,
        "chain_intact": chain.intact,
        "top_held": chain.levels["top"].held,
        "below_top_held": all(lv.held for lv in chain.levels.values() if lv.level != "top"),
        "surrounding_flagged": any(s.flagged for s in chain.surrounding),
        "trailing_projection": overtaken,
    }


def holds(when: When, positioning: dict[str, CompetitorPosition], truths: dict[str, bool],
          concession: list[Claim]) -> bool:
    """Every condition the rule gives is met (a rule with none always fires)."""
    checks = [standing(positioning, SHORT[key], getattr(when, key)) for key in SHORT if getattr(when, key)]
    checks += [getattr(when, key) == value for key, value in truths.items() if getattr(when, key) is not None]
    if when.kbf_item_trailing is not None:
        checks.append(bool(concession) and named(concession[0].item, words(when)))
    return all(checks)


def named(name: str, wanted: Optional[list[str]]) -> bool:
    return wanted is None or any(word.lower() in name.lower() for word in wanted)


def standing(positioning: dict[str, CompetitorPosition], dimension: str, wanted: str) -> bool:
    return STANDINGS[wanted]([getattr(p, dimension) for p in positioning.values()])


def words(when: When) -> Optional[list[str]]:
    """The names a trailing-factor condition looks for; None means any factor."""
    return None if when.kbf_item_trailing == "any" else when.kbf_item_trailing


def tactic(rule: Rule, deal: Deal, known: dict[str, str], env: SandboxedEnvironment) -> Tactic:
    """The rule's texts filled in with the deal's facts."""
    texts = {part: render(env, rule.id, getattr(getattr(rule, part), deal.language), known) for part in TEXTS}
    return Tactic(rule=rule.id, **texts)


def render(env: SandboxedEnvironment, rule_id: str, source: str, known: dict[str, str]) -> str:
    try:
        return env.from_string(source).render(known).strip()
    except jinja2.TemplateError as error:
        raise TemplateError(say("playbook_rule_template", id=rule_id, error=error,
                                    facts=", ".join(sorted(known)))) from error
    except (RecursionError, MemoryError) as error:
        raise TemplateError(say("playbook_rule_problem", id=rule_id, problem=user_code_problem(error))) from None
