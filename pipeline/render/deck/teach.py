"""The teaching slides: each concept of the method taught before the deal applies it.

SMART letter by letter (before step 2), the zipper and the chain read top-down and
bottom-up (before the chain slide), the kinds of surrounding relations (after it). The
words are the deck template's blocks; this module only arranges them.
"""

from __future__ import annotations

from pipeline.analysis.results import SmartLetter
from pipeline.render.deck.positioning import text_slide
from pipeline.render.deck.value import two_sides
from pipeline.render.office import tables
from pipeline.render.office.slides import Deck

LETTERS: tuple[SmartLetter, ...] = ("S", "M", "A", "R", "T")
# The method's kinds of surrounding relations (METHOD.md section 3) and the deal's kinds in each.
SURROUNDING_GROUPS = (("government", ("government",)), ("ministry", ("ministry", "regulator")),
                      ("investor", ("investor", "shareholder")), ("consultant", ("consultant",)),
                      ("partner", ("partner",)))


def smart_letters(deck: Deck) -> None:
    """A row per letter: the letter, its name, what the method asks of it."""
    t = deck.text
    rows = [[letter, t.base["label"](letter), t.block("smart_meaning", letter=letter)] for letter in LETTERS]
    header = [t.block("col_letter"), t.block("col_name"), t.block("col_meaning")]
    table = tables.Table(header, rows, [1.0, 2.0, 6.0])
    deck.table_slides("Title and Table", t.block("smart_letters_title"), t.block("smart_letters_notes"), table)


def zipper(deck: Deck) -> None:
    text_slide(deck, "zipper")


def directions(deck: Deck) -> None:
    two_sides(deck, "directions", ("directions_down", "directions_up"))


def surrounding_kinds(deck: Deck) -> None:
    """The method's five kinds, each with this deal's relations of that kind."""
    relations = deck.analysis.chain.surrounding
    groups = [{"key": key, "names": [r.name for r in relations if r.kind in kinds]} for key, kinds in SURROUNDING_GROUPS]
    text_slide(deck, "surrounding_kinds", surrounding_groups=groups)
