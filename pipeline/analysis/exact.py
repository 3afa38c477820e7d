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

import functools
import math
from fractions import Fraction
from typing import Iterable, Union

Number = Union[int, float, Fraction]


def exact(value: Number) -> Fraction:
    """The decimal a person wrote (0.1 is 1/10, not the float nearest to it)."""
    if isinstance(value, Fraction):
        return value
    return _decimal(value)


@functools.lru_cache(maxsize=4096)
def _decimal(value: Union[int, float]) -> Fraction:
    """A deal holds few distinct figures: each is read once (parsing a decimal is the slow part)."""
    return Fraction(value) if isinstance(value, int) else Fraction(repr(value))


def weighted_sum(weights: Iterable[Number], scores: Iterable[Number]) -> Fraction:
    """Σ weight × score, exactly: summed as whole numbers over one common denominator (a deal's
    decimals share powers of ten), so a single fraction is made, not one per term."""
    terms = [(exact(w), exact(s)) for w, s in zip(weights, scores, strict=True)]
    return _sum_over_one_denominator([(w.numerator * s.numerator, w.denominator * s.denominator) for w, s in terms])


def total(values: Iterable[Number]) -> Fraction:
    """Σ values, exactly."""
    return _sum_over_one_denominator([(v.numerator, v.denominator) for v in map(exact, values)])


def _sum_over_one_denominator(parts: list[tuple[int, int]]) -> Fraction:
    common = math.lcm(*(d for _, d in parts)) if parts else 1
    return Fraction(sum(n * (common // d) for n, d in parts), common)


def index(weights: list[Number], scores: list[Number]) -> Fraction:
    """Σ weight × score ÷ Σ weight, exactly (0-100)."""
    return weighted_sum(weights, scores) / total(weights)


def stored(value: Number) -> float:
    """The float analysis.json keeps: the nearest to the exact value (never -0.0)."""
    return float(value) + 0.0
