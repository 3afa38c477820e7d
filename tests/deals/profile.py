"""The questions a profile answers for the generator: the words and figures of one deal.

The generator (`generator.deal`) owns a deal's structure: its keys in the contract's order,
every company scored in every item, the contract's ranges of a relation. A profile owns what
fills it: `Realistic` (the benchmark's fixed shape and coherent stories) or `FullRange` (the
property tests' and fuzzers' whole range of the contract). One profile object is made per
deal, so it can keep that deal's story (language, theme, customer) between answers. An
answer of None leaves an optional field out.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Optional

from tests.deals.choosers import Chooser

Company = dict  # {"id": ..., "name": ...}


class Profile(ABC):
    def __init__(self, choose: Chooser, index: int):
        self.choose, self.index = choose, index
        self.language: Optional[str] = None

    # --- the deal and its companies ---
    @abstractmethod
    def companies(self) -> tuple[str, list[Company]]:
        """Our id, and the competitors."""

    @abstractmethod
    def date(self) -> dt.date: ...

    @abstractmethod
    def our_team(self) -> Optional[dict]:
        """Our people per audience level (senior, middle, frontline)."""

    @abstractmethod
    def deal_id(self) -> Optional[str]: ...

    @abstractmethod
    def title(self) -> str: ...

    @abstractmethod
    def customer(self) -> dict: ...

    @abstractmethod
    def our_name(self) -> str: ...

    @abstractmethod
    def situation(self, competitors: list[Company]) -> Optional[str]: ...

    # --- the three dimensions ---
    @abstractmethod
    def item_names(self, dimension: str) -> list[str]: ...

    @abstractmethod
    def weight(self, dimension: str, position: int) -> float: ...

    @abstractmethod
    def score(self) -> float: ...

    @abstractmethod
    def outlook(self, dimension: str, ids: list[str], now: dict) -> Optional[dict]:
        """An item's `in_3_years`: some companies' scores three years on."""

    @abstractmethod
    def positioning(self, data: dict) -> Optional[str]:
        """The team's own positioning statement, knowing the deal drawn so far."""

    # --- the value proposition ---
    @abstractmethod
    def start(self, date: dt.date) -> dt.date | str: ...

    @abstractmethod
    def offering(self) -> str: ...

    @abstractmethod
    def metrics(self) -> list[tuple[str, Optional[int]]]:
        """The outcomes' metrics, each with +1 when it should rise, -1 when it should fall (or None)."""

    @abstractmethod
    def change(self, sign: Optional[int]) -> int:
        """A metric's change_pct."""

    @abstractmethod
    def money(self) -> dict:
        """investment, and maybe monthly_benefit and payback_months."""

    @abstractmethod
    def tracking(self) -> Optional[str]: ...

    @abstractmethod
    def overall(self) -> dict:
        """expertise, capability, improves."""

    @abstractmethod
    def levels(self, payback_months: Optional[int]) -> Optional[dict]:
        """The team's own wording per audience level."""

    @abstractmethod
    def concerns(self) -> Optional[dict]: ...

    # --- the relationship chain ---
    @abstractmethod
    def contact_levels(self) -> list[str]:
        """The chain level of each contact, in order."""

    @abstractmethod
    def people(self, levels: list[str]) -> list[tuple[str, Optional[str]]]:
        """A name and a title (or None) for each contact."""

    @abstractmethod
    def strength(self, level: str) -> int: ...

    @abstractmethod
    def our_contact(self, level: str, strength: int, team: Optional[dict]) -> Optional[str]: ...

    @abstractmethod
    def surrounding_kinds(self) -> Optional[list[str]]: ...

    @abstractmethod
    def relation_name(self, kind: str) -> str: ...
