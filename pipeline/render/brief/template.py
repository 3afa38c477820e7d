"""The brief's Word template: the shipped one or the user's, checked against the brief's variables.

The variables a brief template may use are the fields of `BriefContext`; loading, checking and
preparing a Word template is the Office engine's job (`pipeline.render.office.word_template`).
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from pipeline.render.brief.context import BriefContext
from pipeline.render.office.word_template import BriefTemplate, Kind, load_word_template

SHIPPED_NAME = "brief/brief.docx"
CONTEXT_NAMES = frozenset(f.name for f in fields(BriefContext))
BRIEF = Kind("word_brief_template", SHIPPED_NAME, CONTEXT_NAMES, "word_brief_context")


def load_brief_template(path: Path | None = None) -> BriefTemplate:
    """The checked template: the user's file if given, else the shipped one; cached per file version."""
    return load_word_template(BRIEF, path)
