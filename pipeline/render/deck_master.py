"""The deck's master: load it once, check a user's own master has what the deck needs.

Layouts are picked by name and filled through typed placeholders, so a corporate
master works when it has the layouts below; what is missing is reported with what
the file has instead.
"""

from __future__ import annotations

import copy
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout

from pipeline.errors import TemplateError
from pipeline.render.deck_base import Region
from pipeline.safety import check_user_template
from pipeline.templates import SHIPPED

SHIPPED_MASTER = SHIPPED / "deck" / "master.pptx"

# Each layout the deck uses and the placeholders it fills there, in slide order.
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
    PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "body",
    PP_PLACEHOLDER.OBJECT: "content",
    PP_PLACEHOLDER.CHART: "chart",
    PP_PLACEHOLDER.TABLE: "table",
    PP_PLACEHOLDER.FOOTER: "footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "slide number",
    PP_PLACEHOLDER.DATE: "date",
    PP_PLACEHOLDER.PICTURE: "picture",
}


STANDS_IN = "content"  # PowerPoint's content placeholder can take the place of a body, table or chart
STANDABLE = ("body", "table", "chart")


def needs() -> str:
    """What a deck template must have, as one line for error messages."""
    layouts = "; ".join(f"{name} ({', '.join(kinds)})" for name, kinds in REQUIRED.items())
    return f"{layouts} (a content placeholder may stand for a body, table or chart)"


EXTRAS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)  # python-pptx does not copy these onto a slide


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
    """A layout the deck uses, which of its placeholders (by idx, left to right) fills each role, its slides' start."""

    layout: SlideLayout
    roles: dict[str, tuple[int, ...]]
    prepared: Prepared


@functools.lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int, size: int) -> bytes:
    """The bytes of a master; keyed on mtime and size so an edited file is read again."""
    return Path(path).read_bytes()


def master_bytes(template: Path | None) -> bytes:
    """The shipped master, or a user's after the zip checks; read once per process."""
    path = SHIPPED_MASTER if template is None else check_user_template(Path(template))
    stat = path.stat()
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


def open_master(template: Path | None) -> PresentationType:
    """A fresh Presentation on the cached master: a deep copy of one opened once (a third of the cost of opening)."""
    data = master_bytes(template)
    try:
        return copy.deepcopy(_opened(data))
    except Exception as error:  # python-pptx raises several kinds for a foreign package
        name = Path(template).name if template else SHIPPED_MASTER.name
        raise TemplateError(f"{name} is not a PowerPoint file python-pptx can open ({error}); a deck template needs: {needs()}") from error


@functools.lru_cache(maxsize=8)
def _opened(data: bytes) -> PresentationType:
    """The master opened, without sample slides, never touched after: only copies of it are filled."""
    return without_slides(Presentation(io.BytesIO(data)))


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


def kinds_of(layout: SlideLayout) -> list[str]:
    """The kinds of the layout's placeholders, in the layout's order."""
    return [KINDS.get(ph.placeholder_format.type, "other") for ph in layout.placeholders]


def layouts(prs: PresentationType, template: Path | None) -> dict[str, Layout]:
    """The layouts the deck uses, by name, with their roles and prepared slides; TemplateError naming the first gap."""
    name = Path(template).name if template else SHIPPED_MASTER.name
    planned = _planned(master_bytes(template), name)
    available = {layout.name: layout for layout in prs.slide_layouts}
    return {wanted: Layout(available[wanted], *planned[wanted]) for wanted in REQUIRED}


@functools.lru_cache(maxsize=8)
def _planned(data: bytes, name: str) -> dict[str, tuple[dict[str, tuple[int, ...]], Prepared]]:
    """Roles and prepared slides of each needed layout, from a scratch copy of the master (errors are not cached)."""
    prs = without_slides(Presentation(io.BytesIO(data)))
    available = {layout.name: layout for layout in prs.slide_layouts}
    found = {}
    for wanted, kinds in REQUIRED.items():
        if wanted not in available:
            have = ", ".join(available)
            raise TemplateError(f"no slide layout '{wanted}' in {name} (it has: {have}); a deck template needs: {needs()}")
        found[wanted] = (roles(available[wanted], kinds, name), prepare(prs, available[wanted]))
    return found


def prepare(prs: PresentationType, layout: SlideLayout) -> Prepared:
    """A slide on `layout` as python-pptx makes it, plus the footer and slide number, taken apart for copying."""
    slide = prs.slides.add_slide(layout)
    extras = [ph for ph in layout.placeholders if ph.placeholder_format.type in EXTRAS]
    for ph in extras:
        slide.shapes.clone_placeholder(ph)
    regions = {ph.placeholder_format.idx: Region.of(ph) for ph in slide.placeholders}
    shapes = tuple(slide.shapes._spTree.iter_shape_elms())
    at = {ph.placeholder_format.type: len(shapes) - len(extras) + n for n, ph in enumerate(extras)}
    for n in at.values():
        shapes[n].get_or_add_txBody()  # always filled, and filling gives them one, as python-pptx's text_frame does
    notes = slide.notes_slide._element
    footer = next((Region.of(ph) for ph in extras if ph.placeholder_format.type == PP_PLACEHOLDER.FOOTER), None)
    return Prepared(shapes, regions, at.get(PP_PLACEHOLDER.FOOTER), at.get(PP_PLACEHOLDER.SLIDE_NUMBER), notes, footer)


def roles(layout: SlideLayout, kinds: tuple[str, ...], name: str) -> dict[str, tuple[int, ...]]:
    """Each needed kind's placeholder idx values: placeholders of that kind first, then content ones, left to right."""
    free = sorted(layout.placeholders, key=lambda ph: (int(ph.left), int(ph.top)))
    taken: dict[str, list[int]] = {kind: [] for kind in kinds}
    for kind in kinds:
        _take(free, kind, taken[kind])
    for kind in kinds:
        if len(taken[kind]) < kinds.count(kind) and kind in STANDABLE:
            _take(free, STANDS_IN, taken[kind])
    for kind in dict.fromkeys(kinds):
        if len(taken[kind]) < kinds.count(kind):
            _missing(layout, kinds, kind, name)
    return {kind: tuple(found) for kind, found in taken.items()}


def _take(free: list, kind: str, into: list[int]) -> None:
    """Move the first free placeholder of `kind` into `into`, if there is one."""
    match = next((ph for ph in free if KINDS.get(ph.placeholder_format.type) == kind), None)
    if match is not None:
        free.remove(match)
        into.append(match.placeholder_format.idx)


def _missing(layout: SlideLayout, kinds: tuple[str, ...], kind: str, name: str) -> None:
    listed = ", ".join(kinds_of(layout)) or "none"
    count = kinds.count(kind)
    wanted = f"{count} {kind} placeholders" if count > 1 else f"a {kind} placeholder"
    raise TemplateError(
        f"slide layout '{layout.name}' in {name} lacks {wanted} (it has: {listed}); a deck template needs: {needs()}"
    )
