"""Generate templates/proposal/proposal.docx, the docxtpl template of the customer-facing proposals.

Run from the repository root: `python3 tools/make_proposal_template.py`. The output
is committed; running this again gives the same bytes.

One template, three sections (`{%p if level == "senior" %}` ...): the senior letter,
the middle business case, the front-line service plan. It starts from the shipped
brief template (templates/brief/brief.docx) with its body and header replaced, so
both share one set of styles, fonts, theme and page (Title, Heading 1, Callout, Brief
Table ...): restyle the brief in Word and run this again. A Word user may restyle it
or move the tags; the variables are the fields of
`pipeline.render.proposal_context.ProposalContext`.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.make_brief_template import FIXED_TIME, Body, pin_zip_dates  # noqa: E402

BRIEF = ROOT / "templates" / "brief" / "brief.docx"
OUTPUT = ROOT / "templates" / "proposal" / "proposal.docx"


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT}")


def build() -> bytes:
    """The brief template with the proposals' header and body, dated and zipped reproducibly."""
    document = docx.Document(str(BRIEF))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    header = document.sections[0].header.paragraphs[0]
    for run in list(header.runs):
        header._p.remove(run._r)
    header.add_run("{{ header }}")
    write_body(Body(document))
    set_properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return pin_zip_dates(buffer.getvalue())


def write_body(body: Body) -> None:
    body.para("{{ doc_title }}", "Title")
    body.para("{{ subtitle }}", "Subtitle")
    body.tag('{%p if level == "senior" %}')
    write_senior(body)
    body.tag('{%p elif level == "middle" %}')
    write_middle(body)
    body.tag("{%p else %}")
    write_frontline(body)
    body.tag("{%p endif %}")


def message(body: Body) -> None:
    body.tag("{%p if message %}")
    body.para("{{ message }}", "Callout")
    body.tag("{%p endif %}")


def write_senior(body: Body) -> None:
    body.para("{{ salutation }}")
    body.loop("p", "paragraphs", "{{ p }}", "Normal")
    message(body)
    body.para("{{ h.h_outcomes }}", "Heading 1")
    body.para("{{ outcomes_intro }}")
    body.para("{{ h.h_commitment }}", "Heading 1")
    body.para("{{ commitment }}")
    body.para("{{ h.h_next }}", "Heading 1")
    body.para("{{ next_step }}")
    spacer = body.para("")
    spacer.paragraph_format.space_after = Pt(6)
    body.loop("c", "closing", "{{ c }}", "Normal")
    body.tag("{%p for s in signature %}")
    body.para("{{ s }}", "Normal", align=WD_ALIGN_PARAGRAPH.RIGHT)
    body.tag("{%p endfor %}")


def write_middle(body: Body) -> None:
    body.para("{{ h.h_summary }}", "Heading 1")
    body.loop("p", "paragraphs", "{{ p }}", "Normal")
    message(body)
    body.para("{{ h.h_results }}", "Heading 1")
    body.table([("h.col_metric", "r.label", 11.0), ("h.col_change", "r.value", 6.0)], "r", "outcome_rows")
    body.para("{{ h.h_return }}", "Heading 1")
    body.table([("h.col_item", "r.label", 6.0), ("h.col_value", "r.value", 11.0)], "r", "return_rows")
    body.tag("{%p for c in charts %}")
    body.para("{{ c.drawing }}", "Intro", align=WD_ALIGN_PARAGRAPH.CENTER)
    body.para("{{ c.caption }}", "Caption", align=WD_ALIGN_PARAGRAPH.CENTER)
    body.tag("{%p endfor %}")
    body.para("{{ h.h_budget }}", "Heading 1")
    body.loop("b", "budget", "{{ b }}", "List Bullet")
    body.para("{{ h.h_milestones }}", "Heading 1")
    body.table([("h.col_when", "r.label", 4.0), ("h.col_milestone", "r.value", 13.0)], "r", "milestones")


def write_frontline(body: Body) -> None:
    body.para("{{ h.h_changes }}", "Heading 1")
    body.para("{{ outcomes_intro }}", "Intro")
    body.loop("o", "outcomes", "{{ o }}", "List Bullet")
    message(body)
    body.para("{{ h.h_how }}", "Heading 1")
    body.loop("s", "steps", "{{ s }}", "List Number")
    body.para("{{ h.h_support }}", "Heading 1")
    body.loop("s", "support", "{{ s }}", "Normal")
    body.para("{{ h.h_measure }}", "Heading 1")
    body.loop("m", "measure", "{{ m }}", "Normal")
    body.tag("{%p if contacts %}")
    body.para("{{ h.h_contacts }}", "Heading 1")
    body.table([("h.col_role", "r.label", 6.0), ("h.col_name", "r.value", 11.0)], "r", "contacts")
    body.tag("{%p endif %}")


def set_properties(document) -> None:
    props = document.core_properties
    props.title = "Proposal template"
    props.author = props.last_modified_by = "dealdocs"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    props.comments = ("Generated by tools/make_proposal_template.py from the brief template; restyle it in "
                      "Word, keeping the Jinja tags as they are.")


if __name__ == "__main__":
    sys.exit(main())
