"""The user's own templates, opened and checked once before any deal.

A template that cannot work is one message for the run, not one per deal.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.render.brief.proposals import PROPOSAL
from pipeline.render.brief.template import load_brief_template
from pipeline.render.office import master
from pipeline.render.office.word_template import load_word_template


def check_user_templates(deck: Path | None = None, brief: Path | None = None,
                         proposal: Path | None = None) -> None:
    """Raise TemplateError, naming the file and the fix, for the first template that cannot work."""
    if deck is not None:
        master.check(Path(deck))
    if brief is not None:
        load_brief_template(Path(brief))
    if proposal is not None:
        load_word_template(PROPOSAL, Path(proposal))
