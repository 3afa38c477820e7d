"""How the briefs write numbers, money, dates and lists: the wording module's formats, never arithmetic."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields, is_dataclass, replace

from pipeline.load.model import Money
from pipeline.render.brief.words import word
from pipeline.words import wording

LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def reflow(value, lang: str):
    """Join lines that a YAML block wrapped (zh without a space, en with one): a brief
    paragraph wraps by itself, and a stray line break would show in the middle of it."""
    if isinstance(value, str):
        return LINE_BREAK.sub("" if lang == "zh" else " ", value.strip())
    if isinstance(value, (list, tuple)):
        return type(value)(reflow(v, lang) for v in value)
    if isinstance(value, dict):
        return {k: reflow(v, lang) for k, v in value.items()}
    if is_dataclass(value):
        return replace(value, **{f.name: reflow(getattr(value, f.name), lang) for f in fields(value)})
    return value


# One format per quantity, from the wording module, each under its own name: a score, a signed
# change of a score, an index, a margin, a percentage.
score = wording.score
percent = wording.percent
signed_percent = wording.signed_percent
signed = wording.change
index = wording.index
margin = wording.margin


def money(amount: Money, lang: str) -> str:
    """The deal's money as the value proposition words it (100万美元, 1 million US dollars)."""
    return wording.money(lang, amount.amount, amount.currency)


def months(lang: str, value: float) -> str:
    return wording.months(lang, value)


def format_date(lang: str, date: dt.date) -> str:
    return wording.start_date(lang, date)


def format_start(lang: str, start: dt.date | str) -> str:
    """The SMART start: a full date, or a year-month such as 2026-12."""
    return wording.start_date(lang, start)


def capitalized(text: str) -> str:
    """A sentence's first letter in upper case (Chinese is unchanged)."""
    return text[:1].upper() + text[1:]


def joined(lang: str, items: list[str]) -> str:
    return word(lang, "list_sep").join(items)
