"""Exact arithmetic of the indexes: who leads, by how much and what weighs most are decided on
exact fractions of the deal's own figures, never on a rounded one.

A deal's scores and weights are decimals written by a person (82.5, 0.3), so each is read as
the decimal it was written as (`Fraction(repr(x))`), and Σ weight × score ÷ Σ weight is then
exact: a margin of exactly 5 is an advantage, 4.996 is not, and two companies with the same
figures tie whatever the order of the sums. Results are stored as the nearest float (what
analysis.json carries, unrounded); a figure is rounded once, when it is printed
(`pipeline.words.wording`).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterable, Union

Number = Union[int, float, Fraction]


def exact(value: Number) -> Fraction:
    """The decimal a person wrote (0.1 is 1/10, not the float nearest to it)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(value))


def weighted_sum(weights: Iterable[Number], scores: Iterable[Number]) -> Fraction:
    """Σ weight × score, exactly."""
    return sum((exact(w) * exact(s) for w, s in zip(weights, scores, strict=True)), Fraction(0))


def index(weights: list[Number], scores: list[Number]) -> Fraction:
    """Σ weight × score ÷ Σ weight, exactly (0-100)."""
    return weighted_sum(weights, scores) / sum((exact(w) for w in weights), Fraction(0))


def stored(value: Number) -> float:
    """The float analysis.json keeps: the nearest to the exact value (never -0.0)."""
    return float(value) + 0.0
