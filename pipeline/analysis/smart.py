"""Step 2's check: the payback the figures give, and a SMART verdict per letter.

Every doubt carries the deal path it is about, so the CLI can print it as
`file:line: warning: ...` in the user's language; the same doubts, in the deal's language, are the
reasons of the SMART verdicts, so the warnings and the documents never disagree (one wording, in
the messages' catalogues).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pipeline.analysis.results import Finding, SmartCheck, SmartLetter
from pipeline.analysis.settings import (
    MAX_CHANGE_PCT,
    PAYBACK_MAX_MONTHS,
    PAYBACK_MIN_MONTHS,
    PAYBACK_TOLERANCE,
)
from pipeline.analysis import exact
from pipeline.load.model import Deal, Specific
from pipeline.words.messages import say_in
from pipeline.words.wording import change_verb, join, money, number, percent, start_date, text
from pipeline.words.wording import payback as payback_figure

SPECIFIC = "value_proposition.specific"
LETTERS: tuple[SmartLetter, ...] = ("S", "M", "A", "R", "T")


@dataclass(frozen=True)
class Payback:
    computed: Optional[float]  # investment / monthly benefit, when both are in one currency
    stated: Optional[float]

    @property
    def months(self) -> Optional[float]:
        return self.computed if self.computed is not None else self.stated


@dataclass(frozen=True)
class Doubt:
    """One doubt about the specific value proposition: its letter, deal path and wording."""

    letter: SmartLetter
    field: str
    key: str
    values: dict[str, str]

    def say(self, language: str) -> str:
        return say_in(language, self.key, **self.values)


def payback(spec: Specific) -> Payback:
    benefit = spec.monthly_benefit
    same_currency = benefit is not None and benefit.currency.upper() == spec.investment.currency.upper()
    computed = exact.stored(exact.exact(spec.investment.amount) / exact.exact(benefit.amount)) if same_currency else None
    return Payback(computed=computed, stated=spec.payback_months)


def doubts(deal: Deal) -> list[Doubt]:
    """Every doubt, in the order S, A, R, T; M has none a valid deal can raise."""
    spec = deal.value_proposition.specific
    return [*outcome_doubts(spec), *currency_doubts(deal.language, spec), *payback_doubts(spec), *time_doubts(deal)]


def outcome_doubts(spec: Specific) -> list[Doubt]:
    found = []
    for i, outcome in enumerate(spec.outcomes):
        where = f"{SPECIFIC}.outcomes[{i}].change_pct"
        values = {"metric": outcome.metric, "pct": percent(outcome.change_pct), "limit": number(MAX_CHANGE_PCT)}
        if outcome.change_pct == 0:
            found.append(Doubt("S", where, "doubt_zero", values))
        if abs(outcome.change_pct) > MAX_CHANGE_PCT:
            found.append(Doubt("A", where, "doubt_change", values))
    return found


def currency_doubts(language: str, spec: Specific) -> list[Doubt]:
    benefit = spec.monthly_benefit
    if benefit is None or benefit.currency.upper() == spec.investment.currency.upper():
        return []
    values = {"investment": spec.investment.currency, "benefit": benefit.currency}
    return [Doubt("R", f"{SPECIFIC}.monthly_benefit.currency", "doubt_currency", values)]


def payback_doubts(spec: Specific) -> list[Doubt]:
    result = payback(spec)
    found = []
    if result.months is not None and not PAYBACK_MIN_MONTHS <= result.months <= PAYBACK_MAX_MONTHS:
        where = f"{SPECIFIC}.payback_months" if result.computed is None else f"{SPECIFIC}.monthly_benefit.amount"
        values = {"months": payback_figure(result.months), "low": number(PAYBACK_MIN_MONTHS), "high": number(PAYBACK_MAX_MONTHS)}
        found.append(Doubt("R", where, "doubt_range", values))
    if result.computed is not None and result.stated is not None and off(result.stated, result.computed):
        values = {"stated": payback_figure(result.stated), "computed": payback_figure(result.computed),
                  "tolerance": number(PAYBACK_TOLERANCE * 100)}
        found.append(Doubt("R", f"{SPECIFIC}.payback_months", "doubt_stated", values))
    return found


def off(stated: float, computed: float) -> bool:
    """More than the tolerance away from the computed payback."""
    return abs(stated - computed) > PAYBACK_TOLERANCE * computed


def time_doubts(deal: Deal) -> list[Doubt]:
    spec = deal.value_proposition.specific
    if payback(spec).months is not None:
        return []
    return [Doubt("T", SPECIFIC, "doubt_no_end", {})]


def findings(deal: Deal) -> list[Finding]:
    """The doubts as warnings for the CLI."""
    return [Finding(field=d.field, key=d.key, values=d.values) for d in doubts(deal)]


def smart(deal: Deal) -> dict[SmartLetter, SmartCheck]:
    """A verdict and reason per letter, in the deal's language."""
    found = doubts(deal)
    return {letter: verdict(deal, letter, [d for d in found if d.letter == letter]) for letter in LETTERS}


def verdict(deal: Deal, letter: SmartLetter, found: list[Doubt]) -> SmartCheck:
    language = deal.language
    if found:
        problems = text(language, "doubt_join").join(d.say(language) for d in found)
        return SmartCheck(ok=False, reason=text(language, f"smart_{letter}_bad", problems=problems))
    return SmartCheck(ok=True, reason=passed(deal, letter))


def passed(deal: Deal, letter: SmartLetter) -> str:
    """Why a letter holds, quoting the figures (each sentence takes the values it names)."""
    language, spec = deal.language, deal.value_proposition.specific
    months = payback(spec).months
    if months is None and letter == "R":
        return text(language, "smart_R_unknown")
    return text(language, f"smart_{letter}_ok", offering=spec.offering,
                metrics=join(language, [o.metric for o in spec.outcomes]),
                outcomes=outcome_phrase(language, spec), investment=investment(language, spec),
                limit=number(MAX_CHANGE_PCT), months=payback_figure(months or 0), low=number(PAYBACK_MIN_MONTHS),
                high=number(PAYBACK_MAX_MONTHS), start=start_date(language, spec.start))


def outcome_phrase(language: str, spec: Specific, saving_only: bool = False) -> str:
    """zh 网上交易容量提高25%，全国网络扩容投资节省15%; en raise … by 25% and cut … by 15%."""
    outcomes = [o for o in spec.outcomes if o.change_pct < 0] if saving_only else spec.outcomes
    phrases = [text(language, change_verb(o.metric, o.change_pct), metric=o.metric, pct=percent(abs(o.change_pct)))
               for o in outcomes or spec.outcomes]
    return text(language, "outcome_join").join(phrases) if language == "zh" else join(language, phrases)


def investment(language: str, spec: Specific) -> str:
    return money(language, spec.investment.amount, spec.investment.currency)
