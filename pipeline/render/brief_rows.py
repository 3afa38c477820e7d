"""The rows and charts a brief shows: plain typed values, one class per kind of row."""

from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True)
class Figure:
    label: str
    value: str


@dataclass(frozen=True)
class ContactRow:
    name: str
    title: str
    role: str
    strength: str
    status: str
    holder: str


@dataclass(frozen=True)
class IndexRow:
    company: str
    kbf: str
    bc: str
    rc: str


@dataclass(frozen=True)
class ItemRow:
    dimension: str
    item: str
    weight: str
    us: str
    others: str


@dataclass(frozen=True)
class WinRow:
    competitor: str
    facts: str


@dataclass(frozen=True)
class Objection:
    objection: str
    answer: str


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    x: tuple[float, ...] = ()  # a 'payback' chart's x value of each point (months)
    colour: int = 0  # the company's place in deal.companies (us 0): its palette colour
    later: bool = False  # three years on: drawn dashed


@dataclass(frozen=True)
class ChartSpec:
    """A chart as data: 'radar' or 'bars' (a value per category), 'map' (one (x, y) point per series) or
    'payback' (lines through each series' (x, value) points; a one-point series is a marked point)."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    x_title: str = ""
    y_title: str = ""
    caption: str = ""
    companies: int = 0  # the first series are the companies; any after them are projections
