"""The orchestrator: the only place that knows the order of the stages.

One deal: load -> analyze -> render every document in memory -> publish the
folder atomically. A batch: skip the deals whose input, templates and code are
unchanged, run the rest on any `concurrent.futures.Executor` (a process pool by
default), and report each deal's outcome. Bad input never stops the others.
"""

from __future__ import annotations

import gc
import os
import time
import traceback
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Literal, Optional

from pipeline import output, stamps
from pipeline.analyze import analyze
from pipeline.deal_ids import declared_id
from pipeline.errors import InputError, OutputError, PipelineError, Unfinished
from pipeline.fingerprint import environment_digest, file_digest
from pipeline.load import Source, load_deal
from pipeline.output import publish
from pipeline.playbook import load_playbook
from pipeline.results import Analysis
from pipeline.safety import TIME_LIMIT_SECONDS, limit_memory, time_limit
from pipeline.templates import SHIPPED

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
    draft: bool = False
    """Failed only because `<…>` placeholders are still to fill in (`dealdocs new`)."""


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    error: Optional[str] = None  # the output folder itself could not be used or written: one line

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0 and self.error is None


def analyse_file(path: str, playbook: Optional[Path] = None) -> tuple[Analysis, Source]:
    """Load and analyse one deal file; InputError when it breaks the contract."""
    deal, source = load_deal(path)
    return analyze(deal, load_playbook(playbook)), source


def warning_lines(analysis: Analysis, source: Source) -> tuple[str, ...]:
    """The analysis' doubts as `path:line: warning: field: message`."""
    lines = []
    for finding in analysis.findings:
        line = source.line_of(finding.field) or 1  # a field the file lacks: its first line
        shown = source.shown or str(source.path)
        where = f"{shown}:{line}" if line else shown
        lines.append(f"{where}: warning: {finding.field}: {finding.message}")
    return tuple(lines)


def render_documents(analysis: Analysis, options: Options) -> dict[str, bytes]:
    """Every document of one deal, in memory, with reproducible bytes."""
    from pipeline.render.brief import render_briefs
    from pipeline.render.deck import render_deck
    from pipeline.render.proposal import render_proposals
    from pipeline.reproducible import pin_zip_dates

    files = {"analysis.json": analysis_json(analysis)}
    files["training-deck.pptx"] = pin_zip_dates(render_deck(analysis, options.deck_template))
    for level, payload in render_briefs(analysis, options.brief_template).items():
        files[f"brief-{level}.docx"] = pin_zip_dates(payload)
    for level, payload in render_proposals(analysis, options.proposal_template, options.brief_template).items():
        files[f"proposal-{level}.docx"] = pin_zip_dates(payload)
    return files


def analysis_json(analysis: Analysis) -> bytes:
    return (analysis.model_dump_json(indent=2) + "\n").encode("utf-8")


def build_deal(path: str, options: Options, environment: str) -> Outcome:
    """Build one deal file into `<out>/<id>/`; never raises for bad input."""
    started = time.perf_counter()
    try:
        with time_limit(options.time_limit, _too_slow(options)):
            analysis, source = analyse_file(path, options.playbook)
            files = render_documents(analysis, options)
        deal_id = analysis.deal.id
        input_digest = file_digest(Path(path))

        def stamp(written: dict[str, stamps.Written]) -> bytes:
            return stamps.encode(input_digest, environment, deal_id, path, written)

        publish(options.out_dir, deal_id, files, stamp, options.staging)
        warnings = warning_lines(analysis, source)
        return Outcome(path, "built", deal_id, (), warnings, time.perf_counter() - started)
    except Exception as error:  # noqa: BLE001 - the one place an error becomes a message
        return _failed(path, error, options.debug, _stale_note(path, options))


def _too_slow(options: Options) -> str:
    """The time-limit message: the user's own templates are what can loop without end."""
    own = [f"{what} {path}" for what, path in (("the brief template", options.brief_template),
                                               ("the proposal template", options.proposal_template),
                                               ("the playbook", options.playbook)) if path]
    suspect = f"; {' or '.join(own)} may loop without end" if own else ""
    return f"stopped after {options.time_limit:g} s, the time limit for one deal{suspect}"


def check_deal(path: str, debug: bool = False, playbook: Optional[Path] = None) -> Outcome:
    """Validate, analyse and render one deal file in memory, writing nothing: what `build`
    would refuse about the deal, `check` refuses too."""
    options = Options(playbook=playbook)
    try:
        with time_limit(options.time_limit, _too_slow(options)):
            analysis, source = analyse_file(path, playbook)
            render_documents(analysis, options)
        return Outcome(path, "built", analysis.deal.id, (), warning_lines(analysis, source))
    except Exception as error:  # noqa: BLE001 - the one place an error becomes a message
        return _failed(path, error, debug)


def _failed(path: str, error: Exception, debug: bool, notes: tuple[str, ...] = ()) -> Outcome:
    """Bad input and template problems as their own lines; anything else as one internal-error line."""
    if isinstance(error, InputError):
        lines = tuple(error.problems)
    elif isinstance(error, PipelineError):
        lines = (f"{path}: {error}",)
    else:
        lines = _internal_error(path, error, debug)
    return Outcome(path, "failed", None, lines + notes, draft=isinstance(error, Unfinished))


def _stale_note(path: str, options: Options) -> tuple[str, ...]:
    """Says when the deal's last good documents are still in place, now out of date."""
    deal_id = stamps.Ledger.read(options.out_dir).previous_id(path)
    if deal_id and (options.out_dir / deal_id).is_dir():
        folder = options.out_dir / deal_id
        return (f"{path}: note: the documents in {folder}/ are from the last good build and are now stale",)
    return ()


def _internal_error(path: str, error: Exception, debug: bool) -> tuple[str, ...]:
    line = f"{path}: internal error: {type(error).__name__}: {error}"
    if debug:
        return (line, traceback.format_exc().rstrip())
    return (line + " (run again with --debug for the details, and please report it)",)


def build_all(
    paths: Iterable[str],
    options: Options,
    jobs: int = 0,
    executor: Optional[Executor] = None,
    on_outcome: Optional[Callable[[Outcome, int, int], None]] = None,
    on_wait: Optional[Callable[[str], None]] = None,
) -> Summary:
    """Build every deal file; unchanged ones are skipped, the rest run on `executor`.

    With no executor, a pool of `jobs` long-lived worker processes (default: every core)
    is used when more than one deal needs building. One build at a time writes into an
    output folder: another one waits (`on_wait` hears about it) unless `options.wait` is
    False. When the output folder itself cannot be used, `Summary.error` says why.
    """
    started = time.perf_counter()
    paths = _distinct(paths)
    summary = Summary()
    try:
        with output.session(options.out_dir, options.wait, on_wait) as staging:
            options = replace(options, staging=staging)
            environment = environment_digest(SHIPPED, (options.deck_template, options.brief_template, options.playbook,
                                                       options.proposal_template))
            ledger = stamps.Ledger.read(options.out_dir)
            todo, early = _triage(paths, options, environment, ledger)
            report = _reporter(summary, len(paths), on_outcome)
            for outcome in early:
                report(outcome)
            for outcome in _run(todo, options, environment, jobs, executor):
                report(outcome)
            try:
                ledger.save(summary.outcomes)
            except OSError as error:
                summary.error = output.describe(error, options.out_dir / stamps.INDEX)
    except OutputError as error:
        summary.error = str(error)
    summary.outcomes.sort(key=lambda o: o.path)
    summary.seconds = time.perf_counter() - started
    return summary


def _distinct(paths: Iterable[str]) -> list[str]:
    """Each file once, however it was spelled (`x.yaml`, `./x.yaml`, a link), in the first spelling."""
    seen: dict[str, str] = {}
    for path in (str(p) for p in paths):
        seen.setdefault(stamps.source_key(path), path)
    return sorted(seen.values())


def _reporter(summary: Summary, total: int, on_outcome):
    def report(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome, len(summary.outcomes), total)

    return report


def _triage(paths: list[str], options: Options, environment: str, ledger: stamps.Ledger):
    """Split into deals to build and outcomes known already (unchanged, or an id another file holds)."""
    ids, fresh = {}, set()
    for path in paths:
        if not options.force and ledger.is_fresh(path, environment):
            fresh.add(path)
            ids[path] = ledger.previous_id(path)
        else:
            ids[path] = declared_id(path)
    todo, early = [], []
    holders = _holders(ids)
    for path in paths:
        deal_id = ids[path]
        holder = holders.get(deal_id, path) if deal_id else path
        if holder == path and deal_id and path not in fresh:
            holder = _earlier_builder(path, deal_id, options.out_dir)
        if holder != path:
            early.append(Outcome(path, "failed", None, (_clash(path, deal_id, holder, options.out_dir),)))
        elif path in fresh:
            early.append(Outcome(path, "skipped", deal_id))
        else:
            todo.append(path)
    return todo, early


def id_clashes(ids: dict[str, Optional[str]], out_dir: Path) -> dict[str, str]:
    """For `check`: each file whose id an older file of the batch declares too, with build's message."""
    holders = _holders(ids)
    return {path: _clash(path, deal_id, holders[deal_id], out_dir) for path, deal_id in ids.items()
            if deal_id in holders and holders[deal_id] != path}


def _holders(ids: dict[str, Optional[str]]) -> dict[str, str]:
    """For each id more than one file declares, the file that keeps it: the older one."""
    by_id: dict[str, list[str]] = {}
    for path, deal_id in ids.items():
        if deal_id:
            by_id.setdefault(deal_id, []).append(path)
    return {deal_id: min(group, key=lambda p: (_mtime(p), p)) for deal_id, group in by_id.items() if len(group) > 1}


def _earlier_builder(path: str, deal_id: str, out_dir: Path) -> str:
    """The other deal file whose documents are in `<out>/<id>/`, when it still declares that id
    and is older than `path`; else `path` itself (a renamed or re-id'd file gives its folder up)."""
    stamp = stamps.read(out_dir / deal_id) or {}
    source = stamp.get("source")
    if not isinstance(source, str) or not source or source == stamps.source_key(path):
        return path
    if declared_id(source) != deal_id or (_mtime(source), source) > (_mtime(path), path):
        return path
    return source


def _clash(path: str, deal_id: str, holder: str, out_dir: Path) -> str:
    newer = (f"{path} is the newer of the two, so change its id:" if _mtime(path) > _mtime(holder)
             else "change the id: of one of them")
    return (f"{path}: id '{deal_id}' is also the id of {holder}, whose documents go to {out_dir / deal_id}/; "
            f"{newer} (each deal needs its own id)")


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return float("inf")


def _run(todo: list[str], options: Options, environment: str, jobs: int, executor: Optional[Executor]):
    if executor is not None:
        yield from _run_on(executor, todo, options, environment)
        return
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers <= 1:
        if len(todo) > 1:
            _start_worker()  # this process is the worker
        for path in todo:
            yield _build_and_collect(path, options, environment)
        return
    warm_up()  # forked workers inherit the loaded renderers and templates
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_pool_worker) as pool:
        yield from _run_on(pool, todo, options, environment)


def _run_on(executor: Executor, todo: list[str], options: Options, environment: str):
    futures = [executor.submit(_build_and_collect, path, options, environment) for path in todo]
    for future in as_completed(futures):
        yield future.result()


def _start_worker() -> None:
    """Load once, then freeze what is loaded, so each deal's collection only scans that deal's objects."""
    warm_up()
    gc.collect()
    gc.freeze()


def _start_pool_worker() -> None:
    """A pool worker: warmed up, then capped in memory, so one template cannot take the machine's."""
    _start_worker()
    limit_memory()


def _build_and_collect(path: str, options: Options, environment: str) -> Outcome:
    """One deal in a long-lived process. The parsed XML a deal leaves in reference cycles holds
    libxml2 memory the collector cannot see, so collect after each deal to keep memory flat."""
    outcome = build_deal(path, options, environment)
    gc.collect()
    return outcome


def warm_up() -> None:
    """Import the renderers and load their templates once per worker, before the first deal."""
    from pipeline.render import brief, deck, proposal

    for module in (deck, brief, proposal):
        warm = getattr(module, "warm_up", None)
        if warm:
            warm()

