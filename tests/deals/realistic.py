"""The realistic profile: the benchmark's deals, fixed in shape and coherent in their story.

Deals alternate zh and en by index; each is complete: four competitors, the three dimensions
(the method's six relationship indicators with their weights), eight contacts over the four
chain levels, two to four surrounding relations, a value proposition whose payback agrees with
its figures, and our team. Scores are 40-100 in steps of 5. The order of the choices is the
benchmark's: change it and the benchmark's deals (and figures) change.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from tests.deals.choosers import Chooser
from tests.deals.profile import Company, Profile
from tests.deals.vocabulary import (
    CAPABILITIES,
    COMPETITORS,
    CURRENCY,
    FACTORS,
    FIRST_DATE,
    GIVEN,
    INDICATOR_WEIGHTS,
    INDICATORS,
    LANGUAGES,
    LEVELS,
    OUR_COMPANY,
    OUR_TEAM_FORM,
    PLACES,
    POSITIONING,
    SEGMENTS,
    SHAPES,
    SITUATION,
    SURNAMES,
    SURROUNDING,
    THEMES,
    TITLES,
)

AUDIENCE = {"top": "senior", "deputy": "senior", "manager": "middle", "frontline": "frontline"}
STRENGTHS = (0, 1, 2, 2, 3, 3, 4, 4, 5)  # most contacts are held, few are strong


class Realistic(Profile):
    def __init__(self, choose: Chooser, index: int):
        super().__init__(choose, index)
        self.language = LANGUAGES[index % 2]
        self.theme = choose.choice(THEMES[self.language])
        self.segment, forms, self.top_titles, self.deputy_titles = choose.choice(SEGMENTS[self.language])
        self.customer_name = self.fill(choose.choice(forms))

    def fill(self, form: str) -> str:
        """A name form such as `{brand}银行{city}分行` with its places drawn."""
        return form.format(**{key: self.choose.choice(values) for key, values in PLACES[self.language].items()})

    def companies(self) -> tuple[str, list[Company]]:
        """Four competitors: zh `对手A(移动运营商)`..., en four distinct named carriers."""
        if self.language == "zh":
            kinds = self.choose.sample(COMPETITORS["zh"], 4)
            return "us", [{"id": letter, "name": f"对手{letter}({kind})"} for letter, kind in zip("ABCD", kinds)]
        return "us", [{"id": slug, "name": name} for slug, name in self.choose.sample(COMPETITORS["en"], 4)]

    def date(self) -> dt.date:
        return FIRST_DATE + dt.timedelta(days=self.choose.integers(0, 89))

    def our_team(self) -> dict:
        """One of our people per audience level: zh 李总 / 王经理 / 赵工, en full names."""
        surnames = self.choose.sample(list(SURNAMES[self.language]), 3)
        forms = OUR_TEAM_FORM[self.language]
        return {level: forms[i].format(s=surnames[i], g=self.choose.choice(GIVEN[self.language]))
                for i, level in enumerate(("senior", "middle", "frontline"))}

    def deal_id(self) -> str:
        return f"synthetic-{self.index + 1:04d}"

    def title(self) -> str:
        project = self.theme["project"]
        return f"{self.customer_name} {project}" if self.language == "zh" else f"{self.customer_name} — {project}"

    def customer(self) -> dict:
        return {"name": self.customer_name, "segment": self.segment}

    def our_name(self) -> str:
        return self.fill(OUR_COMPANY[self.language])

    def situation(self, competitors: list[Company]) -> str:
        names = {f"c{i}": c["name"] for i, c in enumerate(competitors)}
        return SITUATION[self.language].format(customer=self.customer_name, project=self.theme["project"], **names)

    def item_names(self, dimension: str) -> list[str]:
        """Four to six buying factors, three to five capabilities, the method's six indicators."""
        if dimension == "key_buying_factors":
            return self.choose.sample(FACTORS[self.language], self.choose.integers(4, 6))
        if dimension == "business_capabilities":
            return self.choose.sample(CAPABILITIES[self.language], self.choose.integers(3, 5))
        return list(INDICATORS[self.language])

    def weight(self, dimension: str, position: int) -> int:
        if dimension == "relationship_capabilities":
            return INDICATOR_WEIGHTS[position]
        return self.choose.integers(2, 5)

    def score(self) -> int:
        return 5 * self.choose.integers(8, 20)

    def outlook(self, dimension: str, ids: list[str], now: dict) -> Optional[dict]:
        """Most indicators: our target (higher than now) and, half the time, one competitor's projection."""
        if dimension != "relationship_capabilities" or not self.choose.chance(2 / 3):
            return None
        us = ids[0]
        ahead = {us: min(100, now[us] + 5 * self.choose.integers(1, 3))}
        if self.choose.chance(1 / 2):
            rival = self.choose.choice(ids[1:])
            ahead[rival] = max(0, min(100, now[rival] + 5 * self.choose.integers(-2, 2)))
        return ahead

    def positioning(self, data: dict) -> Optional[str]:
        """A third of the teams write their own, built on our best indicator and capability."""
        if not self.choose.chance(1 / 3):
            return None

        def named(item: dict) -> str:
            name = item["name"]
            return name[0].lower() + name[1:] if self.language == "en" else name

        def best(dimension: str) -> str:
            return named(max(data[dimension], key=lambda item: item["scores"]["us"]))

        return POSITIONING[self.language].format(
            segment=self.segment, basis=best("relationship_capabilities"), capability=best("business_capabilities"),
            factor=named(max(data["key_buying_factors"], key=lambda item: item["weight"])))

    def start(self, date: dt.date) -> dt.date | str:
        """One to six months after the analysis: a year-month, or the first day of the month."""
        month = date.month - 1 + self.choose.integers(1, 6)
        first = dt.date(date.year + month // 12, month % 12 + 1, 1)
        return first if self.choose.chance(1 / 2) else first.strftime("%Y-%m")

    def offering(self) -> str:
        return self.theme["offering"]

    def metrics(self) -> list[tuple[str, int]]:
        return self.choose.sample(self.theme["metrics"], self.choose.integers(2, len(self.theme["metrics"])))

    def change(self, sign: Optional[int]) -> int:
        return sign * 5 * self.choose.integers(2, 12)

    def money(self) -> dict:
        """Investment, monthly benefit and the payback they give (6-30 months, always consistent)."""
        currency, step = CURRENCY[self.language]
        benefit = self.choose.integers(4, 80) * step
        investment = round(benefit * self.choose.integers(6, 30), -4)
        return {
            "investment": {"amount": investment, "currency": currency},
            "monthly_benefit": {"amount": benefit, "currency": currency},
            "payback_months": round(investment / benefit),
        }

    def tracking(self) -> str:
        return self.theme["tracking"]

    def overall(self) -> dict:
        return {key: self.theme[key] for key in ("expertise", "capability", "improves")}

    def levels(self, payback_months: Optional[int]) -> Optional[dict]:
        """Half the teams word one to three audience levels themselves."""
        if not self.choose.chance(1 / 2):
            return None
        chosen = sorted(self.choose.sample(range(3), self.choose.integers(1, 3)))
        forms = LEVELS[self.language]
        names = [list(forms)[i] for i in chosen]
        values = {"offering": self.theme["offering"], "customer": self.customer_name,
                  "improves": self.theme["improves"], "months": payback_months}
        return {name: forms[name].format(**values) for name in names}

    def concerns(self) -> None:
        return None

    def contact_levels(self) -> list[str]:
        """Eight contacts: the one number one, then deputies, managers, front-line staff."""
        deputies, managers, frontline = self.choose.choice(SHAPES)
        return ["top"] + ["deputy"] * deputies + ["manager"] * managers + ["frontline"] * frontline

    def people(self, levels: list[str]) -> list[tuple[str, Optional[str]]]:
        """Distinct names (zh 陈志强, en Margaret Lin) and distinct titles within a level."""
        pools = {"top": self.top_titles, "deputy": self.deputy_titles, **TITLES[self.language]}
        titles = {level: self.choose.sample(pools[level], levels.count(level)) for level in pools}
        surnames = self.choose.sample(list(SURNAMES[self.language]), len(levels))
        if self.language == "zh":
            names = [surname + self.choose.choice(GIVEN["zh"]) for surname in surnames]
        else:
            names = [f"{self.choose.choice(GIVEN['en'])} {surname}" for surname in surnames]
        return [(name, titles[level].pop()) for name, level in zip(names, levels)]

    def strength(self, level: str) -> int:
        return self.choose.choice(STRENGTHS)

    def our_contact(self, level: str, strength: int, team: Optional[dict]) -> Optional[str]:
        """Whoever of our team speaks to that level holds every contact of strength 2 or more."""
        return team[AUDIENCE[level]] if strength >= 2 else None

    def surrounding_kinds(self) -> list[str]:
        return self.choose.sample(sorted(SURROUNDING[self.language]), self.choose.integers(2, 4))

    def relation_name(self, kind: str) -> str:
        return self.choose.choice(SURROUNDING[self.language][kind])
