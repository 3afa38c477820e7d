"""Who makes the generator's choices: a seeded `random.Random` (the benchmark) or Hypothesis (the tests).

The generator asks only these five questions, so one generator serves both: the seeded
chooser gives the same deals for the same seed, in the same order (the first k deals of n
are a run of k); the drawing chooser lets Hypothesis explore and shrink every choice.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any, Callable, Protocol, Sequence


class Chooser(Protocol):
    def integers(self, low: int, high: int) -> int:
        """An integer from low to high, both included."""

    def chance(self, p: float) -> bool:
        """True with probability p (0 < p < 1)."""

    def choice(self, options: Sequence) -> Any:
        """One of the options."""

    def sample(self, options: Sequence, k: int) -> list:
        """k distinct options, in the order chosen."""

    def text(self, alphabets: Sequence[str], min_size: int, max_size: int) -> str:
        """A string whose characters come from the alphabets, each alphabet as likely as another."""


class Seeded:
    """Choices from `random.Random(seed)`: the same seed, the same choices."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def integers(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def choice(self, options: Sequence) -> Any:
        return self.rng.choice(options)

    def sample(self, options: Sequence, k: int) -> list:
        return self.rng.sample(options, k)

    def text(self, alphabets: Sequence[str], min_size: int, max_size: int) -> str:
        size = self.integers(min_size, max_size)
        return "".join(self.choice(self.choice(alphabets)) for _ in range(size))


class Drawn:
    """Choices drawn by Hypothesis (`st.composite`'s draw or `st.data().draw`), so failures shrink."""

    def __init__(self, draw: Callable):
        from hypothesis import strategies as st

        self.draw, self.st = draw, st

    def integers(self, low: int, high: int) -> int:
        return self.draw(self.st.integers(low, high))

    def chance(self, p: float) -> bool:
        """Either, whatever p: Hypothesis tries both, and shrinks to False (an optional field left out)."""
        return self.draw(self.st.booleans())

    def choice(self, options: Sequence) -> Any:
        return self.draw(self.st.sampled_from(options))

    def sample(self, options: Sequence, k: int) -> list:
        return self.draw(self.st.permutations(options))[:k]

    def text(self, alphabets: Sequence[str], min_size: int, max_size: int) -> str:
        return self.draw(_text(tuple(alphabets), min_size, max_size))


@lru_cache(maxsize=None)
def _text(alphabets: tuple[str, ...], min_size: int, max_size: int):
    """The strategy once per alphabet: sampling from 20,000 CJK characters is built once."""
    from hypothesis import strategies as st

    characters = st.one_of([st.sampled_from(alphabet) for alphabet in alphabets])
    return st.text(characters, min_size=min_size, max_size=max_size)
