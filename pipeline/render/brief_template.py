"""The brief's .docx template: found, checked, read and prepared once per process.

A user's template (`--brief-template corp.docx`) is untrusted: it must pass the
package checks of `pipeline.safety` before any library opens it, and it must not
ask for a variable the brief context lacks or a style it does not define. Every
problem is a TemplateError that names the template and says which.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field, fields
from pathlib import Path

import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from pipeline.errors import TemplateError
from pipeline.render.brief_fast import FastTemplate, fast_path_problem, prepare
from pipeline.render.context import BriefContext
from pipeline.safety import LimitedSandbox, check_user_template
from pipeline.templates import find_template, jinja_environment

SHIPPED_NAME = "brief/brief.docx"
CONTEXT_NAMES = frozenset(f.name for f in fields(BriefContext))
STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle")


@dataclass(frozen=True)
class BriefTemplate:
    path: Path
    blob: bytes = field(repr=False)
    fast: FastTemplate | None = field(repr=False)  # None: only docxtpl renders this template faithfully


def load_brief_template(path: Path | None = None) -> BriefTemplate:
    """The checked template: the user's file if given, else the shipped one; cached per file version."""
    path = find_template(SHIPPED_NAME) if path is None else check_user_template(Path(path))
    stat = path.stat()
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> BriefTemplate:
    blob = path.read_bytes()
    template = DocxTemplate(io.BytesIO(blob))
    check_variables(path, template)
    check_styles(path, template)
    return BriefTemplate(path, blob, fast_template(path, template.get_docx()))


def fast_template(path: Path, document) -> FastTemplate | None:
    """The template prepared once for `render_fast`, unless docxtpl would render it differently."""
    return None if fast_path_problem(document) else prepare(path, document, environment())


class CompilingOnceEnvironment(LimitedSandbox):
    """docxtpl compiles the template's XML on every render (about half of a brief's time);
    the XML of one template is the same each time, so compile each distinct source once."""

    MAX_SOURCES = 64

    def __init__(self, **options):
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            if len(self._compiled) >= self.MAX_SOURCES:
                self._compiled.clear()
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Sandboxed, StrictUndefined, autoescaped (`&` and `<` in a name survive docxtpl):
    the settings of `pipeline.templates.jinja_environment`, compiling each source once."""
    shared = jinja_environment(autoescape=True)
    return CompilingOnceEnvironment(undefined=shared.undefined, autoescape=True, trim_blocks=shared.trim_blocks,
                                    lstrip_blocks=shared.lstrip_blocks,
                                    keep_trailing_newline=shared.keep_trailing_newline)


def check_variables(path: Path, template: DocxTemplate) -> None:
    try:
        used = template.get_undeclared_template_variables(jinja_env=environment())
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"brief template {path}: line {exc.lineno} of its XML: {exc.message}") from exc
    except Exception as exc:  # python-docx cannot open it: a zip, but not a Word document
        raise TemplateError(f"brief template {path} is not a Word document ({exc})") from exc
    missing = sorted(used - CONTEXT_NAMES)
    if missing:
        raise TemplateError(
            f"brief template {path} uses {', '.join(missing)}, which the brief context does not have "
            f"(it has: {', '.join(sorted(CONTEXT_NAMES))})")


def check_styles(path: Path, template: DocxTemplate) -> None:
    document = template.get_docx()
    defined = {s.get(qn("w:styleId")) for s in document.styles.element.iter(qn("w:style"))}
    for style_id in sorted(used_styles(document)):
        if style_id not in defined:
            raise TemplateError(
                f"brief template {path} uses style '{style_id}', which its styles do not define; "
                "define it in Word (Styles pane) or apply a defined style")


def used_styles(document) -> set[str]:
    """Style ids referenced from the body, headers and footers."""
    roots = [document.element] + [rel.target_part.element for rel in document.part.rels.values()
                                  if rel.reltype in (RT.HEADER, RT.FOOTER)]
    return {ref.get(qn("w:val")) for root in roots for tag in STYLE_REFERENCES for ref in root.iter(qn(tag))}
