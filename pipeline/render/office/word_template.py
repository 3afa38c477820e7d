"""The brief's .docx template: found, checked, read and prepared once per process.

A user's Word document (`--brief-template corp.docx`) is one of two things: with `{{ }}`
fields it is a docxtpl template; without, a style reference whose styles, page set-up,
headers, footers and theme dress our shipped template's content (`word_style`). A
document that is neither (no fields and no styles) is refused. A user's file is
untrusted: it must pass the package checks of `pipeline.safety` before any library
opens it, and it must not ask for a variable the context lacks or a style it does not
define. Every problem is a TemplateError that names the template and says which.
The same loading serves any Word document we make from a context (`load_word_template`).
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import docx
import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from pipeline.errors import TemplateError
from pipeline.render.office.docx_chart import docxtpl_placer
from pipeline.render.office.docx_fill import FastTemplate, fast_path_problem, prepare
from pipeline.render.office.word_style import (
    has_fields,
    has_styles,
    paragraph_texts,
    styled,
    worn,
)
from pipeline.render.office.zipwriter import pin_zip_dates
from pipeline.safety import CompilingOnce, check_user_template
from pipeline.templates import SETTINGS, find_template
from pipeline.words.messages import say

STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle")


@dataclass(frozen=True)
class BriefTemplate:
    path: Path
    blob: bytes = field(repr=False)  # the docxtpl template (for a style reference: the one made from it)
    fast: FastTemplate | None = field(repr=False)  # None: only docxtpl renders this template faithfully
    reference: bool = False  # made from a style reference


@dataclass(frozen=True)
class Kind:
    """A kind of Word document we make: what a message calls it, its shipped template, its variables."""

    what: str  # the message key of what a message calls it
    shipped: str
    variables: frozenset[str]
    context: str  # the message key of what a message calls the variables' source
    looks_like: str = ""  # a shipped template whose look (styles, fonts, theme, numbering) the shipped one wears


def load_word_template(kind: Kind, path: Path | None = None) -> BriefTemplate:
    """A checked, prepared template of `kind`: the user's document (a template or a style reference)
    if given, else the shipped one; cached per file version."""
    shipped = find_template(kind.shipped)
    path = shipped if path is None else check_user_template(Path(path))
    stat, base = path.stat(), shipped.stat()
    look = find_template(kind.looks_like) if kind.looks_like and path == shipped else None
    version = (look.resolve(), look.stat().st_mtime_ns) if look is not None else None
    return _load(kind, path.resolve(), stat.st_mtime_ns, stat.st_size, shipped.resolve(), base.st_mtime_ns, version)


@functools.lru_cache(maxsize=8)
def _load(kind: Kind, path: Path, mtime_ns: int, size: int, shipped: Path, shipped_mtime_ns: int,
          look: tuple[Path, int] | None = None) -> BriefTemplate:
    """The template read and checked; the shipped one wearing the look of `look`'s file, when given."""
    data = path.read_bytes() if look is None else worn(path.read_bytes(), look[0].read_bytes())
    blob, reference = as_template(kind, path, data, shipped)
    template = DocxTemplate(io.BytesIO(blob))
    check_variables(path, template, kind)
    check_styles(path, template, kind)
    return BriefTemplate(path, blob, fast_template(path, template.get_docx()), reference)


def as_template(kind: Kind, path: Path, blob: bytes, shipped: Path) -> tuple[bytes, bool]:
    """The docxtpl template a document stands for, and whether it was a style reference."""
    try:
        document = docx.Document(io.BytesIO(blob))
    except Exception as exc:  # python-docx raises several kinds for a package that is not a Word document
        raise TemplateError(say("word_unopenable", what=say(kind.what), path=path,
                                error=type(exc).__name__)) from exc
    if has_fields(document):
        return blob, False
    if not has_styles(document):
        raise TemplateError(say("word_neither", what=say(kind.what), path=path))
    return styled(document, shipped.read_bytes()), True


def fast_template(path: Path, document) -> FastTemplate | None:
    """The template prepared once for `render_fast`, unless docxtpl would render it differently."""
    return None if fast_path_problem(document) else prepare(path, document, environment())


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Sandboxed, StrictUndefined, autoescaped (`&` and `<` in a name survive docxtpl):
    the settings of `pipeline.templates.jinja_environment`, compiling each source once."""
    return CompilingOnce(autoescape=True, **SETTINGS)


def check_variables(path: Path, template: DocxTemplate, kind: Kind) -> None:
    try:
        used = template.get_undeclared_template_variables(jinja_env=environment())
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(syntax_error(say(kind.what), path, template, exc.message)) from exc
    except Exception as exc:  # python-docx cannot open it: a zip, but not a Word document
        raise TemplateError(say("word_not_word", what=say(kind.what), path=path, error=exc)) from exc
    missing = sorted(used - kind.variables)
    if missing:
        raise TemplateError(say("word_unknown_variables", what=say(kind.what), path=path, used=", ".join(missing),
                                context=say(kind.context), known=", ".join(sorted(kind.variables))))


DOCXTPL_TAG = re.compile(r"([{][{%])-?\s*(?:p|tr|tc|r)\s")  # {%p, {%tr, {{r ... as plain Jinja


BLOCK_TAG = re.compile(r"[{]%.*?%[}]")


def syntax_error(what: str, path: Path, template: DocxTemplate, error: str | None) -> str:
    """The message of a Jinja syntax error, naming the paragraph where the Word text stops parsing as Jinja."""
    place = syntax_error_place(template)
    if place is None:
        return say("word_syntax", what=what, path=path, error=error)
    paragraph, number = place
    return say("word_syntax_in_paragraph", what=what, path=path, paragraph=paragraph, number=number, error=error)


def syntax_error_place(template: DocxTemplate) -> tuple[str, int] | None:
    """(the paragraph's text, its number) where the Word text stops parsing as Jinja: the first paragraph
    that fails on its own (its block tags aside: those span paragraphs), else the line where the whole
    text, one paragraph a line, fails; None when the text parses (the fault is in markup)."""
    texts = [DOCXTPL_TAG.sub(lambda m: m.group(1) + " ", text) for text in paragraph_texts(template.get_docx())]
    line = next((n for n, text in enumerate(texts) if _fails(BLOCK_TAG.sub("", text))), None)
    if line is None:
        try:
            environment().parse("\n".join(texts))
            return None
        except jinja2.TemplateSyntaxError as exc:
            line = min(max(exc.lineno, 1), len(texts)) - 1
    near = next((texts[n] for n in range(line, -1, -1) if texts[n].strip()), texts[line]).strip()
    shown = near if len(near) <= 80 else near[:77] + "…"
    return shown, line + 1


def _fails(source: str) -> bool:
    try:
        environment().parse(source)
    except jinja2.TemplateSyntaxError:
        return True
    return False


def check_styles(path: Path, template: DocxTemplate, kind: Kind) -> None:
    document = template.get_docx()
    defined = {s.get(qn("w:styleId")) for s in document.styles.element.iter(qn("w:style"))}
    for style_id in sorted(used_styles(document)):
        if style_id not in defined:
            raise TemplateError(say("word_undefined_style", what=say(kind.what), path=path, style=style_id))


def used_styles(document) -> set[str]:
    """Style ids referenced from the body, headers and footers."""
    roots = [document.element] + [rel.target_part.element for rel in document.part.rels.values()
                                  if rel.reltype in (RT.HEADER, RT.FOOTER)]
    return {ref.get(qn("w:val")) for root in roots for tag in STYLE_REFERENCES for ref in root.iter(qn(tag))}


def docxtpl_render(blob: bytes, variables: dict, charts: Callable[[Callable], list], set_properties) -> bytes:
    """A Word template rendered by docxtpl itself and saved by python-docx, dated 1980-01-01: the path
    for templates the fast fill cannot reproduce. `charts(place)` gives the charts placed by `place`;
    `set_properties(core_properties)` fills the core properties."""
    document = DocxTemplate(io.BytesIO(blob))
    variables = {**variables, "charts": charts(docxtpl_placer(document))}
    document.render(variables, jinja_env=environment(), autoescape=True)
    set_properties(document.docx.core_properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return pin_zip_dates(buffer.getvalue())
