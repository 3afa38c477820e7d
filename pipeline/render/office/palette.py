"""One colour per company, the same in every chart of the deck and of the briefs.

A company's colour follows its place in the deal (us first, then the competitors in the
file's order). The deck names theme slots, so a corporate master's palette shows through
(us: the theme's first accent); the briefs, whose template has its own theme, draw the same
colours as RGB: the shipped deck theme's values for those slots.
"""

from __future__ import annotations

SLOTS = ("accent", "orange", "teal", "grey", "light", "red")  # deck_base.COLOURS keys, company by company
RGB = {  # the shipped deck master's theme (templates/deck/master.pptx, ppt/theme/theme1.xml)
    "accent": "12355B", "teal": "138A8A", "orange": "E07B24", "grey": "7A8793", "light": "5B8DB8", "red": "B23A48",
}


def slot(position: int) -> str:
    """The deck's theme colour of the company at `position` in `deal.companies`."""
    return SLOTS[position % len(SLOTS)]


def rgb(position: int) -> str:
    """The same colour as RGB hex, for the briefs' charts."""
    return RGB[slot(position)]
