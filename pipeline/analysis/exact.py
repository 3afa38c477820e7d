"""Exact arithmetic of the indexes: who leads, by how much and what weighs most are decided on
exact fractions of the deal's own figures, never on a rounded one.

A deal's scores and weights are decimals written by a person (82.5, 0.3), so each is read as
the decimal it was written as (`Fraction(repr(x))`), and Σ weight × score ÷ Σ weight is then
exact: a margin of exactly 5 is an advantage, 4.996 is not, and two companies with the same
figures tie whatever the order of the sums. Results are stored as the nearest float (what
analysis.json carries, unrounded); a figure is rounded once, when it is printed
(`pipeline.words.wording`).

The fractions are gmpy2's `mpq` (GMP's rationals, in C: about six times faster than the standard
library's `Fraction`, which made the analysis three times slower); where gmpy2 cannot be installed
the standard `Fraction` gives the same figures, more slowly.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Iterable, Union

try:
    from gmpy2 import mpq as Exact
except ImportError:  # pragma: no cover - the same figures, more slowly
    Exact = Fraction

ZERO = Exact(0)
Number = Union[int, float, Fraction, "Exact"]


def exact(value: Number):
    """The decimal a person wrote (0.1 is 1/10, not the float nearest to it)."""
    if isinstance(value, (int, float)):
        return _decimal(value)
    return value if isinstance(value, Exact) else Exact(value.numerator, value.denominator)


@functools.lru_cache(maxsize=4096)
def _decimal(value: Union[int, float]):
    """A deal holds few distinct figures: each is read once (parsing a decimal is the slow part)."""
    return Exact(value) if isinstance(value, int) else Exact(repr(value))


def weighted_sum(weights: Iterable[Number], scores: Iterable[Number]):
    """Σ weight × score, exactly."""
    return sum((exact(w) * exact(s) for w, s in zip(weights, scores, strict=True)), ZERO)


def total(values: Iterable[Number]):
    """Σ values, exactly."""
    return sum(map(exact, values), ZERO)


def index(weights: list[Number], scores: list[Number]):
    """Σ weight × score ÷ Σ weight, exactly (0-100)."""
    return weighted_sum(weights, scores) / total(weights)


def stored(value: Number) -> float:
    """The float analysis.json keeps: the nearest to the exact value (never -0.0)."""
    return float(value) + 0.0
