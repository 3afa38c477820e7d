"""The per-level meeting briefs: one template, three views, three .docx files.

Each level's view comes from `pipeline.render.brief.context`; this module only fills
the template with it, places the charts, and sets the core properties from the
deal so that no wall clock reaches the output. A template is filled by the fast
path of `pipeline.render.office.docx_fill` (prepared once, a few milliseconds a brief),
or by docxtpl itself when the fast path cannot promise the same document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from pipeline.analysis.results import Analysis
from pipeline.errors import TemplateError
from pipeline.load.model import Deal
from pipeline.render.brief.context import BriefContext, brief_contexts
from pipeline.render.brief.template import load_brief_template
from pipeline.render.office.docx_chart import InlineChart
from pipeline.render.office.docx_fill import ChartSink, render_fast
from pipeline.render.office.word_template import BriefTemplate, docxtpl_render
from pipeline.safety import user_code_problem
from pipeline.words.messages import say

AUTHOR = "dealdocs"
LANGUAGE_TAGS = {"zh": "zh-CN", "en": "en-US"}


def render_briefs(analysis: Analysis, template: Path | None = None) -> dict[str, bytes]:
    """The senior, middle and front-line briefs of one deal, as .docx bytes."""
    loaded = load_brief_template(template)
    return {level: render_brief(loaded, context, analysis.deal)
            for level, context in brief_contexts(analysis).items()}


def warm_up() -> None:
    """Read, check and prepare the shipped template before the first deal (one per worker process)."""
    load_brief_template()


def render_brief(template: BriefTemplate, context: BriefContext, deal: Deal) -> bytes:
    """One level's brief; a Jinja error becomes a TemplateError naming the template."""
    render = render_with_docxtpl if template.fast is None else render_quickly
    try:
        return render(template, context, deal)
    except jinja2.TemplateError as exc:
        raise TemplateError(say("word_problem", what=say("word_brief_template"), path=template.path,
                                problem=exc)) from exc
    except (RecursionError, MemoryError) as exc:
        raise TemplateError(say("word_problem", what=say("word_brief_template"), path=template.path,
                                problem=user_code_problem(exc))) from None


def render_quickly(template: BriefTemplate, context: BriefContext, deal: Deal) -> bytes:
    sink = ChartSink(template.fast.parts)
    variables = context.mapping()
    variables["charts"] = [InlineChart(sink.place, spec, deal.date) for spec in context.charts]
    return render_fast(template.fast, variables, sink, lambda props: set_properties(props, context, deal))


def render_with_docxtpl(template: BriefTemplate, context: BriefContext, deal: Deal) -> bytes:
    """The reference path: docxtpl opens, patches, renders and python-docx saves, for every brief."""
    def charts(place):
        return [InlineChart(place, spec, deal.date) for spec in context.charts]

    return docxtpl_render(template.blob, context.mapping(), charts, lambda props: set_properties(props, context, deal))


def set_properties(properties, context: BriefContext, deal: Deal) -> None:
    """Title and dates from the deal; a fixed author; revision 1."""
    stamp = dt.datetime.combine(deal.date, dt.time())
    properties.title = f"{context.doc_title}: {deal.title}"[:255]  # Office's limit for a core property
    properties.subject = deal.customer.name
    properties.author = properties.last_modified_by = AUTHOR
    properties.created = properties.modified = stamp
    properties.revision = 1
    properties.language = LANGUAGE_TAGS[deal.language]
    properties.comments = ""
