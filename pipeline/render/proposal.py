"""The customer-facing proposals: one template, three levels, three .docx files.

Each level's view comes from `pipeline.render.proposal_context`; the template is
loaded, checked and filled by the same code as the briefs' (the prepared fast path,
or docxtpl itself), so a user's template is held to the same rules and errors.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from pipeline.render.brief import render_brief
from pipeline.render.brief_template import TemplateKind, load_brief_template
from pipeline.render.proposal_context import ProposalContext, proposal_contexts
from pipeline.results import Analysis

PROPOSAL = TemplateKind("proposal", "proposal/proposal.docx", frozenset(f.name for f in fields(ProposalContext)))


def render_proposals(analysis: Analysis, template: Path | None = None) -> dict[str, bytes]:
    """The senior, middle and front-line proposals of one deal, as .docx bytes."""
    loaded = load_brief_template(template, PROPOSAL)
    return {level: render_brief(loaded, context, analysis.deal)
            for level, context in proposal_contexts(analysis).items()}


def warm_up() -> None:
    """Read, check and prepare the shipped template before the first deal (one per worker process)."""
    load_brief_template(None, PROPOSAL)
