"""The customer-facing proposals: one template, three levels, three .docx files.

Each level's view comes from `pipeline.render.brief.proposal_context`; the template is
loaded, checked and filled by the same code as the briefs' (the prepared fast path,
or docxtpl itself), so a user's template is held to the same rules and errors, and
a style reference given for the briefs (`--brief-template` without fields) dresses
the proposals too.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from pipeline.analysis.results import Analysis
from pipeline.render.brief.briefs import render_brief
from pipeline.render.brief.proposal_context import ProposalContext, proposal_contexts
from pipeline.render.brief.template import load_brief_template
from pipeline.render.office.word_template import Kind, load_word_template

# The shipped proposal template wears the shipped brief template's look: restyle brief.docx in Word and
# the proposals follow (docs/word-templates.md).
PROPOSAL = Kind("word_proposal_template", "proposal/proposal.docx",
                frozenset(f.name for f in fields(ProposalContext)), "word_proposal_context",
                looks_like="brief/brief.docx")


def render_proposals(analysis: Analysis, template: Path | None = None,
                     brief_template: Path | None = None) -> dict[str, bytes]:
    """The senior, middle and front-line proposals of one deal, as .docx bytes: from `template`,
    else dressed by `brief_template` when that is a style reference, else from the shipped one."""
    loaded = load_word_template(PROPOSAL, template or style_reference(brief_template))
    return {level: render_brief(loaded, context, analysis.deal)
            for level, context in proposal_contexts(analysis).items()}


def style_reference(brief_template: Path | None) -> Path | None:
    """The briefs' template when it is a style reference (a brief template with fields is not ours)."""
    return brief_template if brief_template and load_brief_template(brief_template).reference else None


def warm_up() -> None:
    """Read, check and prepare the shipped template before the first deal (one per worker process)."""
    load_word_template(PROPOSAL)
