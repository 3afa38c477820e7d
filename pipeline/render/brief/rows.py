"""The rows and charts a brief shows: plain typed values, one class per kind of row."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.render.office.chart_spec import ChartSpec, Series

__all__ = ["ChartSpec", "ContactRow", "Figure", "IndexRow", "ItemRow", "Objection", "Series", "WinRow"]  # a brief's charts are rows too


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
