"""One deal: load -> analyze -> render every document in memory -> publish the folder atomically.

The only place that knows the order of the pipeline's stages. Never raises for a deal's own
problems: each becomes an `Outcome` with its lines, so a batch (`pipeline.batch`) goes on.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

from pipeline.analysis.analyze import analyze
from pipeline.analysis.playbook import load_playbook
from pipeline.analysis.results import Analysis
from pipeline.errors import InputError, PipelineError, RenderError, Unfinished
from pipeline.load.deal import Source, load_deal
from pipeline.load.paths import longest_within
from pipeline.publish import stamps
from pipeline.publish.fingerprint import file_digest
from pipeline.publish.output import publish
from pipeline.safety import TIME_LIMIT_SECONDS, TimeLimitExceeded, deal_limits
from pipeline.words.messages import say

Status = Literal["built", "skipped", "failed"]
DOCUMENTS = ("analysis.json", "training-deck.pptx", "brief-senior.docx", "brief-middle.docx", "brief-frontline.docx",
             "proposal-senior.docx", "proposal-middle.docx", "proposal-frontline.docx")


@dataclass(frozen=True)
class Options:
    """What a build needs besides the deal files; picklable, so workers get a copy."""

    out_dir: Path = Path("build")
    deck_template: Optional[Path] = None
    brief_template: Optional[Path] = None
    playbook: Optional[Path] = None
    force: bool = False
    debug: bool = False
    wait: bool = True  # for another build writing into out_dir; False: fail at once
    staging: Optional[Path] = None  # this build's own staging folder, set by build_all
    proposal_template: Optional[Path] = None
    time_limit: Optional[float] = TIME_LIMIT_SECONDS  # per deal, so a template that never ends stops


@dataclass(frozen=True)
class Outcome:
    """What happened to one deal file: the lines to print and the status."""

    path: str
    status: Status
    deal_id: Optional[str] = None
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    draft: bool = False  # failed only because `<…>` placeholders are still to fill in (`dealdocs new`)


def analyse_file(path: str, playbook: Optional[Path] = None) -> tuple[Analysis, Source]:
    """Load and analyse one deal file; InputError when it breaks the contract."""
    deal, source = load_deal(path)
    return analyze(deal, load_playbook(playbook)), source


def warning_lines(analysis: Analysis, source: Source) -> tuple[str, ...]:
    """The analysis' doubts as `path:line: warning: field: message`, worded in the messages' language."""
    lines = []
    for finding in analysis.findings:
        line = source.line_of(finding.field) or 1  # a field the file lacks: its first line
        shown = source.shown or str(source.path)
        where = f"{shown}:{line}" if line else shown
        lines.append(f"{where}: {say('warning_line', field=finding.field, message=finding.say())}")
    return tuple(lines)


def render_documents(analysis: Analysis, options: Options) -> dict[str, bytes]:
    """Every document of one deal, in memory, with reproducible bytes."""
    from pipeline.render.brief.briefs import render_briefs
    from pipeline.render.brief.proposals import render_proposals
    from pipeline.render.deck.slides import render_deck

    files = {"analysis.json": analysis_json(analysis)}
    files["training-deck.pptx"] = render_deck(analysis, options.deck_template)
    for level, payload in render_briefs(analysis, options.brief_template).items():
        files[f"brief-{level}.docx"] = payload
    for level, payload in render_proposals(analysis, options.proposal_template, options.brief_template).items():
        files[f"proposal-{level}.docx"] = payload
    return files


def render_deal(analysis: Analysis, source: Source, options: Options) -> dict[str, bytes]:
    """`render_documents`; a text the documents cannot place is an error on its field's line in the deal file."""
    try:
        return render_documents(analysis, options)
    except RenderError as error:
        field = error.field or _field_within(analysis, source, error.text)
        if field is None:
            raise
        raise InputError([f"{source.where(field)}: {field}: {error}"]) from None


def _field_within(analysis: Analysis, source: Source, text: Optional[str]) -> Optional[str]:
    """The deal file's longest text that the text too long for its place holds, if any."""
    if not text:
        return None
    field = longest_within(analysis.deal.model_dump(mode="json", exclude_defaults=True), text)
    return field if field in source.positions else None  # a field the file gives: its line


def analysis_json(analysis: Analysis) -> bytes:
    return (analysis.model_dump_json(indent=2) + "\n").encode("utf-8")


def build_deal(path: str, options: Options, environment: str) -> Outcome:
    """Build one deal file into `<out>/<id>/`; never raises for bad input."""
    started = time.perf_counter()
    try:
        with deal_limits(options.time_limit, _too_slow(options)):
            analysis, source = analyse_file(path, options.playbook)
            files = render_deal(analysis, source, options)
        deal_id = analysis.deal.id
        input_digest = file_digest(Path(path))

        def stamp(written: dict[str, stamps.Written]) -> bytes:
            return stamps.encode(input_digest, environment, deal_id, path, written)

        publish(options.out_dir, deal_id, files, stamp, options.staging)
        warnings = warning_lines(analysis, source)
        return Outcome(path, "built", deal_id, (), warnings, time.perf_counter() - started)
    except (Exception, TimeLimitExceeded) as error:  # noqa: BLE001 - the one place an error becomes a message
        return _failed(path, error, options.debug, _stale_note(path, options))


def _too_slow(options: Options) -> str:
    """The time-limit message: the user's own templates are what can loop without end. No
    limit (time_limit=None), no message: none is ever said."""
    if not options.time_limit:
        return ""
    own = [say(key, path=path) for key, path in (("own_brief_template", options.brief_template),
                                                 ("own_proposal_template", options.proposal_template),
                                                 ("own_playbook", options.playbook)) if path]
    suspect = say("too_slow_suspect", own=say("list_or").join(own)) if own else ""
    return say("too_slow", seconds=options.time_limit, suspect=suspect)


def check_deal(path: str, debug: bool = False, playbook: Optional[Path] = None) -> Outcome:
    """Validate, analyse and render one deal file in memory, writing nothing: what `build`
    would refuse about the deal, `check` refuses too."""
    options = Options(playbook=playbook)
    try:
        with deal_limits(options.time_limit, _too_slow(options)):
            analysis, source = analyse_file(path, playbook)
            render_deal(analysis, source, options)
        return Outcome(path, "built", analysis.deal.id, (), warning_lines(analysis, source))
    except (Exception, TimeLimitExceeded) as error:  # noqa: BLE001 - the one place an error becomes a message
        return _failed(path, error, debug)


def _failed(path: str, error: BaseException, debug: bool, notes: tuple[str, ...] = ()) -> Outcome:
    """Bad input and template problems as their own lines; anything else as one internal-error line."""
    if isinstance(error, InputError):
        lines = tuple(error.problems)
    elif isinstance(error, (PipelineError, TimeLimitExceeded)):
        lines = (f"{path}: {error}",)
    else:
        lines = _internal_error(path, error, debug)
    return Outcome(path, "failed", None, lines + notes, draft=isinstance(error, Unfinished))


def _stale_note(path: str, options: Options) -> tuple[str, ...]:
    """Says when the deal's last good documents are still in place, now out of date."""
    deal_id = stamps.Ledger.read(options.out_dir).previous_id(path)
    if deal_id and (options.out_dir / deal_id).is_dir():
        folder = options.out_dir / deal_id
        return (say("stale_documents", path=path, folder=folder),)
    return ()


def _internal_error(path: str, error: Exception, debug: bool) -> tuple[str, ...]:
    line = say("internal_error", path=path, kind=type(error).__name__, error=error)
    if debug:
        return (line, traceback.format_exc().rstrip())
    return (say("internal_error_report", line=line),)


def warm_up() -> None:
    """Import the renderers and load their templates once per worker, before the first deal."""
    from pipeline.render.brief import briefs as brief
    from pipeline.render.brief import proposals as proposal
    from pipeline.render.deck import slides as deck
    for module in (deck, brief, proposal):
        warm = getattr(module, "warm_up", None)
        if warm:
            warm()
