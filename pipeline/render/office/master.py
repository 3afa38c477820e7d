"""The deck's master: load it once, choose a layout for each kind of slide by what it holds.

A corporate master is made in PowerPoint, WPS or LibreOffice and never renamed for us, so
layouts are chosen by their placeholders (types, counts, sizes), not by their names: our
own names, Office's, LibreOffice's and a Chinese PowerPoint's all work. A kind of slide
with no layout that holds all it needs goes on the closest layout with a title, its
table, chart or text drawn as shapes where the layout has no placeholder. Only a file
that cannot work at all (not a presentation, no layout with a title) is refused.
docs/deck-master.md explains the choice to template designers.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout

from pipeline.errors import TemplateError
from pipeline.render.office.shapes import Region
from pipeline.safety import check_user_template
from pipeline.templates import SHIPPED
from pipeline.words.messages import say

SHIPPED_MASTER = SHIPPED / "deck" / "master.pptx"

# Each kind of slide the deck makes and the placeholders it fills besides the title, in slide order.
REQUIRED: dict[str, tuple[str, ...]] = {
    "Title": ("title", "subtitle"),
    "Title and Content": ("title", "body"),
    "Blank with Title": ("title",),
    "Title, Table and Chart": ("title", "table", "chart"),
    "Title and Table": ("title", "table"),
    "Title and Chart": ("title", "chart"),
    "Title, Chart and Text": ("title", "chart", "body"),
    "Two Content": ("title", "body", "body"),
}

KINDS = {
    PP_PLACEHOLDER.TITLE: "title",
    PP_PLACEHOLDER.CENTER_TITLE: "title",
    PP_PLACEHOLDER.VERTICAL_TITLE: "title",
    PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "body",
    PP_PLACEHOLDER.VERTICAL_BODY: "body",
    PP_PLACEHOLDER.OBJECT: "content",
    PP_PLACEHOLDER.VERTICAL_OBJECT: "content",
    PP_PLACEHOLDER.CHART: "chart",
    PP_PLACEHOLDER.TABLE: "table",
    PP_PLACEHOLDER.FOOTER: "footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "slide number",
    PP_PLACEHOLDER.DATE: "date",
    PP_PLACEHOLDER.PICTURE: "picture",
}

# Which placeholders can hold each role, best first: a content placeholder holds anything.
FITS = {
    "subtitle": ("subtitle", "body", "content"),
    "body": ("body", "content"),
    "table": ("table", "content"),
    "chart": ("chart", "content"),
}
FILLABLE = {"subtitle", "body", "content", "table", "chart", "picture"}  # empty ones would show a prompt
ASSIGN_ORDER = ("subtitle", "table", "chart", "body")  # the specific kinds first, then text
PIN = re.compile(r"\[\s*deck\s*:\s*([^\]]+?)\s*\]", re.IGNORECASE)
EXTRAS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)  # python-pptx does not copy these onto a slide
GAP = 914400 // 8  # an eighth of an inch, in EMU
BESIDE_TEXT = {"chart": 1.6}  # a chart beside text takes this share against the text's 1
PRESENTATION_TYPES = ("presentationml.presentation.main", "presentationml.template.main",
                      "presentationml.slideshow.main", "ms-powerpoint.presentation.macroEnabled",
                      "ms-powerpoint.template.macroEnabled")


@dataclass(frozen=True)
class Prepared:
    """What every slide on one layout starts as, worked out once per master and process.

    python-pptx clones placeholders (and a notes page) with thousands of XPath queries a
    deck; copying the finished XML costs microseconds and gives the same bytes.
    """

    shapes: tuple  # the new slide's placeholder elements, footer and slide number last
    regions: dict[int, Region]  # where each placeholder sits (inherited from the layout), by idx
    footer: Optional[int]  # the footer placeholder's position in `shapes`, if the layout has one
    number: Optional[int]  # the slide-number placeholder's position in `shapes`, if the layout has one
    notes: object  # the <p:notes> element of a fresh notes page
    footer_region: Optional[Region] = None  # where the footer sits


@dataclass(frozen=True)
class Layout:
    """The layout a kind of slide goes on: which placeholder (by idx) holds each role, which roles
    are drawn as shapes instead and where, and what its slides start as."""

    layout: SlideLayout
    roles: dict[str, tuple[int, ...]]
    prepared: Prepared
    drawn: dict[str, tuple[Region, ...]] = field(default_factory=dict)

    def region(self, kind: str, n: int = 0) -> Region:
        """Where role `kind` (the n-th of it, left to right) sits on this layout's slides."""
        if kind in self.drawn:
            return self.drawn[kind][n]
        return self.prepared.regions[self.roles[kind][n]]


@dataclass(frozen=True)
class Holder:
    """A placeholder of a layout as the choice sees it."""

    kind: str
    idx: int
    region: Region
    centred: bool  # a centred title: what a title slide has

    @property
    def area(self) -> int:
        return self.region.width * self.region.height


@dataclass(frozen=True)
class Choice:
    """A kind of slide's layout (its position among the master's layouts), roles and drawn regions."""

    index: int
    roles: dict[str, tuple[int, ...]]
    drawn: dict[str, tuple[Region, ...]]


@functools.lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int, size: int) -> bytes:
    """The bytes of a master; keyed on mtime and size so an edited file is read again."""
    return Path(path).read_bytes()


def master_bytes(template: Path | None) -> bytes:
    """The shipped master, or a user's after the zip checks; read once per process."""
    path = SHIPPED_MASTER if template is None else check_user_template(Path(template))
    stat = path.stat()
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


def _name(template: Path | None) -> str:
    return str(template) if template else SHIPPED_MASTER.name


def open_master(template: Path | None) -> PresentationType:
    """A fresh Presentation on the cached master: a deep copy of one opened once (a third of the cost of opening)."""
    return copy.deepcopy(_opened(master_bytes(template), _name(template)))


@functools.lru_cache(maxsize=8)
def _opened(data: bytes, name: str = SHIPPED_MASTER.name) -> PresentationType:
    """The master opened, without sample slides, never touched after: only copies of it are filled."""
    return numbered(without_slides(_presentation(data, name)))


def _presentation(data: bytes, name: str) -> PresentationType:
    """The package opened by python-pptx; a TemplateError saying what the file is when it is not a presentation."""
    what = _package_kind(data)
    if what:
        raise TemplateError(say("deck_not_presentation", name=name, what=say(what)))
    try:
        prs = Presentation(io.BytesIO(data))
        masters = len(prs.slide_masters)
    except Exception as error:  # python-pptx raises several kinds for a broken package
        raise TemplateError(say("deck_unopenable", name=name, error=type(error).__name__)) from error
    if not masters:
        raise TemplateError(say("deck_no_master", name=name))
    return prs


def _package_kind(data: bytes) -> str:
    """'' for a presentation package, else what the package is (a message key), from its main content type."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile):
        return "deck_kind_not_office"
    if any(kind in types for kind in PRESENTATION_TYPES):
        return ""
    for marker, what in (("wordprocessingml", "deck_kind_word"), ("spreadsheetml", "deck_kind_excel"),
                         ("ms-word", "deck_kind_word"), ("ms-excel", "deck_kind_excel")):
        if marker in types:
            return what
    return "deck_kind_other"


def without_slides(prs: PresentationType) -> PresentationType:
    """The master without the sample slides a corporate template may carry: the deck starts empty.

    The slide list is reached through the XML root, not prs.slides: that caches an object holding a
    child element, which a deep copy would detach.
    """
    id_list = prs.part._element.get_or_add_sldIdLst()
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)
    return prs


def numbered(prs: PresentationType) -> PresentationType:
    """Every placeholder of a layout given its own idx: LibreOffice writes a layout's placeholders
    without one (all 0), and a slide finds its layout's placeholder, and its place, by idx."""
    for layout in prs.slide_layouts:
        marks = [element.find(f"*/{qn('p:nvPr')}/{qn('p:ph')}") for element in layout.shapes._spTree.iter_ph_elms()]
        taken = [int(mark.get("idx", "0")) for mark in marks]
        fresh, seen = max(taken, default=0) + 1, set()
        for mark, idx in zip(marks, taken):
            if idx in seen:
                mark.set("idx", str(fresh))
                idx, fresh = fresh, fresh + 1
            seen.add(idx)
    return prs


def kinds_of(layout: SlideLayout) -> list[str]:
    """The kinds of the layout's placeholders, in the layout's order."""
    return [KINDS.get(ph.placeholder_format.type, "other") for ph in layout.placeholders]


def layouts(prs: PresentationType, template: Path | None) -> dict[str, Layout]:
    """The layout of each kind of slide, with its roles, drawn regions and prepared slides."""
    planned = _planned(master_bytes(template), _name(template))
    available = list(prs.slide_layouts)
    return {kind: Layout(available[choice.index], choice.roles, prepared, choice.drawn)
            for kind, (choice, prepared) in planned.items()}


def check(template: Path | None) -> None:
    """Everything about a master that can stop a deck, once, before any deal (TemplateError naming the file)."""
    _planned(master_bytes(template), _name(template))


@functools.lru_cache(maxsize=8)
def _planned(data: bytes, name: str) -> dict[str, tuple[Choice, Prepared]]:
    """The choice and prepared slides of each kind, from a scratch copy of the master (errors are not cached)."""
    prs = numbered(without_slides(_presentation(data, name)))
    available = list(prs.slide_layouts)
    found = {}
    for kind, choice in choose(available, int(prs.slide_height), name).items():
        keep = {idx for idxs in choice.roles.values() for idx in idxs}
        found[kind] = (choice, prepare(prs, available[choice.index], keep))
    return found


def choose(available: list[SlideLayout], slide_height: int, name: str) -> dict[str, Choice]:
    """The best layout for each kind of slide: a pinned one, else the best-scoring (see `score`)."""
    held = [holders(layout) for layout in available]
    if not any(_title(h) for h in held):
        raise TemplateError(say("deck_no_title_layout", name=name, count=len(available)))
    pins = pinned(available, held, name)
    chosen = {}
    for kind, wanted in REQUIRED.items():
        needs = wanted[1:]
        candidates = [pins[kind]] if kind in pins else range(len(available))
        options = [option for n in candidates if (option := fit(kind, needs, n, held[n], available[n], slide_height))]
        chosen[kind] = min(options)[-1]
    return chosen


def pinned(available: list[SlideLayout], held: list[list[Holder]], name: str) -> dict[str, int]:
    """Layouts a designer pinned to a kind of slide with `[deck: kind]` in the layout's name."""
    kinds = {kind.casefold(): kind for kind in REQUIRED}
    pins = {}
    for n, layout in enumerate(available):
        for mark in PIN.findall(layout.name or ""):
            kind = kinds.get(mark.casefold())
            if kind is None:
                raise TemplateError(say("deck_pin_unknown", name=name, layout=layout.name, mark=mark,
                                        kinds=", ".join(REQUIRED)))
            if not _title(held[n]):
                raise TemplateError(say("deck_pin_no_title", name=name, layout=layout.name, kind=kind))
            pins.setdefault(kind, n)
    return pins


def holders(layout: SlideLayout) -> list[Holder]:
    """The layout's placeholders that have a place and read left to right (vertical text is left out)."""
    out = []
    for ph in layout.placeholders:
        mark = ph._element.ph
        if mark is None or mark.get("orient") == "vert" or None in (ph.left, ph.top, ph.width, ph.height):
            continue
        kind = KINDS.get(ph.placeholder_format.type, "other")
        out.append(Holder(kind, ph.placeholder_format.idx, Region.of(ph), mark.get("type") == "ctrTitle"))
    return out


def _title(held: list[Holder]) -> Optional[Holder]:
    return next((h for h in held if h.kind == "title"), None)


def fit(kind: str, needs: tuple[str, ...], index: int, held: list[Holder], layout: SlideLayout,
        slide_height: int) -> Optional[tuple]:
    """How well layout `index` suits `kind`, as a sort key ending in its Choice; None without a title.

    Best first: every role in a placeholder (else the title alone, the rest drawn), the fewest
    fillable placeholders left empty, the fewest stand-ins (a body as subtitle; a centred title
    on other than the title slide), the most room for the content (the smallest box times their
    number, so two even columns beat a large box and a caption), the master's own order.
    """
    title = _title(held)
    if title is None:
        return None
    mismatch = int(title.centred != (kind == "Title"))
    assigned = assign(needs, [h for h in held if h is not title])
    if assigned is not None:
        taken, cost = assigned
        used = {h.idx for hs in taken.values() for h in hs}
        empty = sum(1 for h in held if h.kind in FILLABLE and h.idx not in used)
        placed = [h for hs in taken.values() for h in hs]
        room = min((h.area for h in placed), default=0) * len(placed)  # balanced room beats one large box
        roles = {"title": (title.idx,), **{role: tuple(h.idx for h in hs) for role, hs in taken.items()}}
        return (0, empty, cost + mismatch, -room, index, Choice(index, roles, {}))
    area = below_title(title.region, [h.region for h in held if h.kind in ("footer", "slide number", "date")],
                       slide_height)
    empty = sum(1 for h in held if h.kind in FILLABLE)
    drawn = drawn_regions(needs, area)
    return (1, empty, mismatch, -area.width * area.height, index, Choice(index, {"title": (title.idx,)}, drawn))


def assign(needs: tuple[str, ...], free: list[Holder]) -> Optional[tuple[dict[str, list[Holder]], int]]:
    """Each role's placeholders (several of a role left to right) and the stand-in cost; None if one is missing.

    Specific roles are placed first (subtitle, table, chart), then text; each takes the best-fitting
    free placeholder, the largest of equal fit.
    """
    free, taken, cost = list(free), {}, 0
    for role in sorted(needs, key=ASSIGN_ORDER.index):
        fits = FITS[role]
        candidates = [h for h in free if h.kind in fits]
        if not candidates:
            return None
        best = min(candidates, key=lambda h: (_rank(role, h.kind), -h.area, h.region.left, h.region.top))
        cost += _rank(role, best.kind)
        free.remove(best)
        taken.setdefault(role, []).append(best)
    for hs in taken.values():
        hs.sort(key=lambda h: (h.region.left, h.region.top))
    return taken, cost


def _rank(role: str, kind: str) -> int:
    """0 when the placeholder is what the role wants (a content placeholder is as good as a body,
    table or chart one: most masters only have those); more for a stand-in subtitle."""
    return FITS[role].index(kind) if role == "subtitle" else 0


def below_title(title: Region, others: list[Region], slide_height: int) -> Region:
    """The free area of a slide: below the title, above the footer (or a margin), as wide as the title."""
    top = title.top + title.height + GAP
    bottom = min((r.top for r in others if r.top > top), default=slide_height - 4 * GAP) - GAP // 2
    return Region(title.left, top, title.width, max(bottom - top, GAP))


def drawn_regions(needs: tuple[str, ...], area: Region) -> dict[str, tuple[Region, ...]]:
    """Where roles go when the layout has no placeholder for them: a subtitle under the title,
    the rest side by side in the free area (a chart wider than the text beside it)."""
    if not needs:
        return {}
    if needs == ("subtitle",):
        return {"subtitle": (Region(area.left, area.top, area.width, area.height // 2),)}
    shares = [BESIDE_TEXT.get(role, 1.0) if "body" in needs else 1.0 for role in needs]
    out: dict[str, list[Region]] = {}
    for role, cell in zip(needs, area.columns(shares, GAP)):
        out.setdefault(role, []).append(cell)
    return {role: tuple(cells) for role, cells in out.items()}


def prepare(prs: PresentationType, layout: SlideLayout, keep: set[int]) -> Prepared:
    """A slide on `layout` as python-pptx makes it, without the placeholders no role fills, plus the
    footer and slide number, taken apart for copying."""
    slide = prs.slides.add_slide(layout)
    for ph in list(slide.placeholders):
        if ph.placeholder_format.idx not in keep:
            ph._element.getparent().remove(ph._element)
    extras = [ph for ph in layout.placeholders if ph.placeholder_format.type in EXTRAS]
    for ph in extras:
        slide.shapes.clone_placeholder(ph)
    regions = {ph.placeholder_format.idx: Region.of(ph) for ph in slide.placeholders if ph.left is not None}
    shapes = tuple(slide.shapes._spTree.iter_shape_elms())
    at = {ph.placeholder_format.type: len(shapes) - len(extras) + n for n, ph in enumerate(extras)}
    for n in at.values():
        shapes[n].get_or_add_txBody()  # always filled, and filling gives them one, as python-pptx's text_frame does
    notes = slide.notes_slide._element
    footer = next((Region.of(ph) for ph in extras
                   if ph.placeholder_format.type == PP_PLACEHOLDER.FOOTER and ph.left is not None), None)
    footer_at = at.get(PP_PLACEHOLDER.FOOTER) if footer is not None else None
    return Prepared(shapes, regions, footer_at, at.get(PP_PLACEHOLDER.SLIDE_NUMBER), notes, footer)
