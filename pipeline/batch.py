"""Many deals: skip the unchanged, run the rest on an executor, report each outcome.

Triage (up to date, or an id another file holds), the executors (a process pool by default; a
thread pool; a Dask cluster, local or at a scheduler's address; or any `concurrent.futures.Executor`),
worker set-up (warm, frozen, capped in memory) and the ledger. One deal's build is
`pipeline.build`; bad input never stops the others, and whatever runs the batch, the bytes are
the same.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from concurrent.futures import (
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    as_completed,
)
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from pipeline.build import Options, Outcome, Status, build_deal, warm_up
from pipeline.errors import OutputError, PipelineError
from pipeline.load.ids import declared_id
from pipeline.publish import output, stamps
from pipeline.publish.fingerprint import environment_digest
from pipeline.safety import MEMORY_LIMIT_BYTES, limit_memory, memory_limit
from pipeline.templates import SHIPPED
from pipeline.words.messages import say


class ExecutorError(PipelineError):
    """The chosen executor cannot run the batch (Dask missing, its scheduler out of reach)."""


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


def build_all(
    paths: Iterable[str],
    options: Options,
    jobs: int = 0,
    executor: Optional[Executor] = None,
    on_outcome: Optional[Callable[[Outcome, int, int], None]] = None,
    on_wait: Optional[Callable[[str], None]] = None,
    kind: str = "process",
    scheduler: Optional[str] = None,
) -> Summary:
    """Build every deal file; unchanged ones are skipped, the rest run on `executor`.

    With no executor, `kind` chooses one (`executor_for`: "process", "thread" or "dask" at
    `scheduler`), opened only when a deal needs building. For "process", a pool of `jobs`
    long-lived worker processes (default: every core)
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
            for outcome in _run(todo, options, environment, jobs, executor, kind, scheduler):
                report(outcome)
            try:
                ledger.save(summary.outcomes)
            except OSError as error:
                summary.error = output.describe(error, options.out_dir / stamps.INDEX)
    except (OutputError, ExecutorError) as error:
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
    fix = say("id_clash_newer", path=path) if _mtime(path) > _mtime(holder) else say("id_clash_either")
    return say("id_clash", path=path, id=deal_id, holder=holder, folder=f"{out_dir / deal_id}/", fix=fix)


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return float("inf")


def _run(todo: list[str], options: Options, environment: str, jobs: int, executor: Optional[Executor],
         kind: str = "process", scheduler: Optional[str] = None):
    if executor is not None:
        yield from _run_on(executor, todo, options, environment)
        return
    if kind != "process" and todo:
        with executor_for(kind, jobs, scheduler) as chosen:
            yield from _run_on(chosen, todo, options, environment)
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


EXECUTORS = ("process", "thread", "dask")


@contextlib.contextmanager
def executor_for(kind: str = "process", jobs: int = 0, scheduler: Optional[str] = None) -> Iterator[Optional[Executor]]:
    """The executor `build_all` runs the deals on: None for the default process pool; a pool of
    `jobs` threads (one process, its memory capped while the pool runs); or a
    Dask cluster's executor, at `scheduler` (tcp://host:8786) or a local cluster of `jobs` worker
    processes. A Dask worker must see the deal files and the output folder at the same paths."""
    if kind == "process":
        yield None
    elif kind == "thread":
        warm_up()
        workers = jobs or os.cpu_count() or 1
        with memory_limit(MEMORY_LIMIT_BYTES * workers), ThreadPoolExecutor(max_workers=workers) as pool:
            yield pool  # one process: its memory is capped for the whole pool, a gigabyte a thread
    elif kind == "dask":
        with _dask_client(jobs, scheduler) as client:
            yield client.get_executor()
    else:
        raise ExecutorError(say("executor_unknown", kind=kind, kinds=", ".join(EXECUTORS)))


@contextlib.contextmanager
def _dask_client(jobs: int, scheduler: Optional[str]):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError(say("dask_missing")) from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise ExecutorError(say("dask_unreachable", scheduler=scheduler, error=error)) from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
