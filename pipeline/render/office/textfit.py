"""Measure, wrap and fit text into boxes, Chinese included.

python-pptx's fit_text() wraps only at spaces and PowerPoint's shrink-on-overflow is
a flag applied on the next edit, so the renderer decides sizes itself: widths come
from a Noto CJK font through Pillow when one is installed, else from an estimate by
character class (CJK about 1 em, Latin about 0.55 em). Chinese breaks between any
two characters except before closing punctuation; Latin breaks at spaces.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

FONT_CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)
LINE_HEIGHT = 1.2  # em; the renderer sets this exact line spacing, so every viewer lays lines out alike
SAFETY = 1.04  # widths are sums of advances; leave room for kerning and renderer rounding
OPENING = set("（《「『【〔([{“‘")
NO_LINE_START = set("，。、；：？！）》」』】〕,.;:?!)]}%'\"’”…")
TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F'’\-./%+:@#&_]+|\s+|.", re.S)


@dataclass(frozen=True)
class Box:
    """The room a text gets, in points, after the shape's insets."""

    width: float
    height: float


@functools.lru_cache(maxsize=1)
def _font():
    """A Pillow font for measuring at 1000 px, or None when no CJK font is installed."""
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow ships with python-pptx's extras
        return None
    for path, index in FONT_CANDIDATES:
        if Path(path).is_file():
            return ImageFont.truetype(path, 1000, index=index)
    return None


def estimate_em(char: str) -> float:
    """The width of one character in em by its class, for machines without a CJK font."""
    if _is_wide(char):
        return 1.0
    if char.isspace():
        return 0.3
    if char.isupper() or char in "mwMW@%&":
        return 0.7
    if char.isdigit():
        return 0.56
    if char.isalpha():
        return 0.55
    return 0.4


@functools.lru_cache(maxsize=4096)
def char_em(char: str) -> float:
    font = _font()
    return font.getlength(char) / 1000 if font is not None else estimate_em(char)


# The caches hold about one deck's texts: enough for fitting's repeats, small enough
# that a long-lived worker's memory stops growing after a few dozen deals.
@functools.lru_cache(maxsize=4096)
def text_em(text: str) -> float:
    """The width of `text` in em, before the safety margin."""
    return sum(map(char_em, text))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set at `size` points, in points."""
    return text_em(text) * size * SAFETY * (1.05 if bold else 1.0)


@functools.lru_cache(maxsize=2048)
def _measured(text: str) -> tuple[tuple[str, float, bool], ...]:
    """The tokens of `text`, each with its width in em and whether it is a space: measured once per text."""
    return tuple((token, text_em(token), token.isspace()) for token in TOKEN.findall(text))


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break `text` into lines no wider than `width` points; explicit newlines are kept."""
    lines: list[str] = []
    for part in text.split("\n"):
        lines.extend(_wrap_line(part, size, width, bold))
    return lines


@functools.lru_cache(maxsize=4096)
def _wrap_line(text: str, size: float, width: float, bold: bool) -> tuple[str, ...]:
    """One line of text wrapped, no orphan left on the last line; cached, as fitting measures the same
    text at the same size again and again."""
    return tuple(_no_orphan(text, list(_natural_lines(text, size, width, bold)), size, width, bold))


def _natural_lines(text: str, size: float, width: float, bold: bool) -> list[str]:
    """The lines a viewer makes of one line of text: as many tokens as fit, closing punctuation kept
    with what it closes."""
    lines, current, used = [], "", 0.0
    scale = size * SAFETY * (1.05 if bold else 1.0)
    for token, em, space in _measured(text):
        if not current and space:
            continue  # a line never starts with a space
        if not current or space or (used + em) * scale <= width:
            current += token
            used += em
            continue
        carried = _carried(current) if token[0] in NO_LINE_START else ""
        if carried:  # closing punctuation never starts a line: what it closes comes along
            current, token = current[: -len(carried)], carried + token
        lines.append(current.rstrip())
        current = token
        used = text_em(current)
    lines.append(current.rstrip())
    return _flatten([_split_long(line, size, width, bold) for line in lines])


def _carried(line: str) -> str:
    """What closing punctuation takes to the next line: the Chinese character or the Latin word before
    it; '' when that is the whole line."""
    if _is_wide(line[-1]):
        tail = line[-1]
    else:
        found = re.search(r"[^\s\u2e80-\uffff]+$", line)
        tail = found.group() if found else ""
    return tail if len(tail) < len(line.rstrip()) else ""


def _no_orphan(text: str, lines: list[str], size: float, width: float, bold: bool) -> list[str]:
    """A last line of one character, or of a number and its unit, takes the word before it along:
    「…的响应」 not 「…的响/应」, 「…对手 7.3」 not 「…对手/7.3」, "by 2)" not "by/2)".

    The last line is the end of `text`, so where it starts is known from its length.
    """
    if len(lines) < 2 or not _at_risk(lines[-1]):
        return lines
    end = len(text.rstrip())
    start = end - len(lines[-1])
    previous_end = start
    while previous_end and text[previous_end - 1].isspace():
        previous_end -= 1
    joined = previous_end == start  # no space at the break: a Chinese character begins the last line
    word = _last_word(lines[-2], joined and _is_wide(lines[-1][0]))
    if not word or len(lines[-2]) - len(word) < 2:
        return lines
    last = text[previous_end - len(word):end]
    if text_width(last, size, bold) > width:
        return lines
    return [*lines[:-2], lines[-2][: -len(word)].rstrip(), last]


NUMBER_AND_UNIT = re.compile(r"[(（]?[+\-−]?\d[\d.,]*\s?\S{0,2}")


def _at_risk(line: str) -> bool:
    """An orphan, or a line a viewer with a character's more room than measured would make one (it
    would take the line's first character or word up: '性 高' leaves '高', '手7.3' leaves '7.3')."""
    if _orphan(line):
        return True
    rest = (line[1:] if _is_wide(line[0]) else re.sub(r"^\S+", "", line)).lstrip()
    return bool(rest) and _orphan(rest)


def _orphan(line: str) -> bool:
    """A line that should not stand alone at a paragraph's end: one character (closing punctuation
    aside), or a number with its unit."""
    core = line.rstrip("".join(NO_LINE_START))
    return len(core) <= 1 or NUMBER_AND_UNIT.fullmatch(line) is not None


def _last_word(line: str, one: bool) -> str:
    """The word that ends `line`: one Chinese character (`one`: the last line begins with one, and the
    two make a word) or two, or a Latin word; '' after punctuation, where a break is natural."""
    if not line or line[-1] in NO_LINE_START or line[-1].isspace():
        return ""
    if line[-1] in OPENING:  # an opening bracket stays with what it opens, and with the word before it
        return _last_word(line[:-1], one) + line[-1]
    if _is_wide(line[-1]):
        return line[-1] if one or len(line) < 2 or not _is_wide(line[-2]) else line[-2:]
    found = re.search(r"[^\s\u2e80-\uffff]+$", line)
    return found.group() if found else ""


@functools.lru_cache(maxsize=4096)
def forced_break(text: str, size: float, width: float, bold: bool = False) -> int | None:
    """Where a writer must break the line so viewers keep an orphan with the word before it (the
    offset in `text` of the last line's start), or None when the viewer's own wrap leaves none."""
    if "\n" in text or not text.strip():
        return None
    natural = _natural_lines(text, size, width, bold)
    lines = _wrap_line(text, size, width, bold)
    if list(lines) == natural:
        return None
    return len(text.rstrip()) - len(lines[-1])


def is_wide(char: str) -> bool:
    """A character set a full em wide (Chinese, full-width punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


_is_wide = is_wide


def _split_long(line: str, size: float, width: float, bold: bool) -> list[str]:
    """A single word wider than the box is broken by characters (a URL, a long number)."""
    if text_width(line, size, bold) <= width or len(line) <= 1:
        return [line]
    pieces, current = [], ""
    for char in line:
        if current and text_width(current + char, size, bold) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current]


def _flatten(groups: list[list[str]]) -> list[str]:
    return [line for group in groups for line in group]


@functools.lru_cache(maxsize=4096)
def breaks_words(text: str, size: float, width: float, bold: bool = False) -> bool:
    """Whether some word of `text` is wider than `width` and would be cut inside."""
    factor = 1.05 if bold else 1.0
    return any(em * size * SAFETY * factor > width  # text_width's arithmetic, so the result is the same to the bit
               for line in text.split("\n") for _, em, space in _measured(line) if not space)


def text_height(lines: int, size: float) -> float:
    return lines * size * LINE_HEIGHT


def paragraphs_height(paragraphs: list[str], size: float, width: float, gap: float = 0.4, bold: bool = False) -> float:
    """The height of paragraphs at `size`, with `gap` em of space before each but the first."""
    if not paragraphs:
        return 0.0
    lines = sum(len(wrap(p, size, width, bold)) for p in paragraphs)
    return text_height(lines, size) + gap * size * (len(paragraphs) - 1)


def largest_fitting(fits: Callable[[float], bool], largest: float, smallest: float) -> float | None:
    """The largest size on the half-point grid from `smallest` to `largest` for which `fits`, or None.

    A binary search: text that fits at one size fits at every smaller one.
    """
    low, high = 0, int(round((largest - smallest) * 2))
    if not fits(smallest):
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if fits(smallest + middle / 2):
            low = middle
        else:
            high = middle - 1
    return smallest + low / 2


def fit_size(paragraphs: list[str], box: Box, largest: float, smallest: float,
             gap: float = 0.4, bold: bool = False) -> float | None:
    """The largest size from `largest` down to `smallest` (half points) at which all fits, or None."""
    return largest_fitting(
        lambda size: paragraphs_height(paragraphs, size, box.width, gap, bold) <= box.height
        and _widest_ok(paragraphs, size, box), largest, smallest)


def _widest_ok(paragraphs: list[str], size: float, box: Box) -> bool:
    return all(text_width(line, size) <= box.width + 0.01 for p in paragraphs for line in wrap(p, size, box.width))


def paginate(paragraphs: list[str], box: Box, size: float, gap: float = 0.4) -> list[list[str]]:
    """Split paragraphs into pages that each fit `box` at `size`; a paragraph is never cut."""
    pages: list[list[str]] = [[]]
    for paragraph in paragraphs:
        if pages[-1] and paragraphs_height([*pages[-1], paragraph], size, box.width, gap) > box.height:
            pages.append([])
        pages[-1].append(paragraph)
    return pages
