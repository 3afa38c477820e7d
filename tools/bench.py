"""The benchmark of `make bench`: N synthetic deals, a full build, a no-op rebuild, memory flatness.

Each build runs as `python -m pipeline build ... -j J` in a subprocess, so interpreter
start-up, imports and the worker pool are all counted. Figures: wall and CPU ms per
deal, documents per second, peak memory; the no-op rebuild's share of the full build;
peak memory at N/4 deals against N deals. Targets are printed beside the figures;
nothing fails on a missed target (timings belong to the machine, not to the code).

    python tools/bench.py --deals 200 --jobs 2 --json build/bench/results.json
    python tools/bench.py --deals 200 --repeat 3     # the fastest of three runs of each build
    python tools/bench.py --profile 8                # where one deal's build spends its time
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.deals.generator import BENCH_SEED as SEED, write_deals  # noqa: E402

DOCUMENTS_PER_DEAL = 8  # analysis.json, the deck, three briefs, three proposals
TARGET_DEALS = 200  # the deal count the targets are set at
TARGET_MS = 75.0
STRETCH_MS = 30.0
NOOP_SHARE = 0.15
FLAT_GROWTH = 0.10  # peak memory at N may exceed peak at N/4 by this much and still be flat
STDLIB = sysconfig.get_paths()["stdlib"]
SUMMARY = re.compile(r"built (\d+), skipped (\d+) \(up to date\), failed (\d+)")


class BenchError(Exception):
    """Raised when a build under test does not do what it must (then no figure means anything)."""


@dataclass(frozen=True)
class Run:
    """One measured build: what it did and what it cost."""

    deals: int
    built: int
    skipped: int
    failed: int
    wall_s: float
    cpu_s: float
    peak_mb: float


@dataclass(frozen=True)
class Figures:
    """Per-deal figures of one run."""

    wall_ms_per_deal: float
    cpu_ms_per_deal: float
    documents_per_s: float
    peak_mb: float


def figures(run: Run) -> Figures:
    return Figures(
        wall_ms_per_deal=1000 * run.wall_s / run.deals,
        cpu_ms_per_deal=1000 * run.cpu_s / run.deals,
        documents_per_s=DOCUMENTS_PER_DEAL * run.deals / run.wall_s,
        peak_mb=run.peak_mb,
    )


def build_command(paths: list[Path], out: Path, jobs: int, force: bool) -> list[str]:
    command = [sys.executable, "-m", "pipeline", "build", *map(str, paths), "--out", str(out),
               "--lang", "en"]  # the summary line is parsed
    return command + (["-j", str(jobs)] if jobs else []) + (["--force"] if force else [])


def measure(command: list[str]) -> tuple[float, float, float, int, str]:
    """Wall s, CPU s and peak RSS MB of a command and every process it reaped; exit code; stderr.

    CPU is the delta of RUSAGE_CHILDREN around the run. Peak memory comes from
    wait4's rusage of this one child (its own and its reaped workers' high-water
    mark): RUSAGE_CHILDREN's ru_maxrss is a maximum over every child ever reaped,
    so it cannot tell one run from the one before.
    """
    with tempfile.TemporaryFile() as errors:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, usage.ru_maxrss / 1024, process.returncode, text


def run_build(paths: list[Path], out: Path, jobs: int, force: bool = False) -> Run:
    """Run one build of `paths` into `out` and measure it."""
    wall, cpu, peak, code, errors = measure(build_command(paths, out, jobs, force))
    built, skipped, failed = parse_summary(errors)
    if code != 0 or failed:
        raise BenchError(f"the build exited {code} with {failed} failed deal(s):\n{tail(errors)}")
    return Run(len(paths), built, skipped, failed, wall, cpu, peak)


def parse_summary(errors: str) -> tuple[int, int, int]:
    """(built, skipped, failed) from the CLI's last line: `built 3, skipped 0 (up to date), failed 0 in 1.2 s`."""
    found = SUMMARY.findall(errors)
    if not found:
        raise BenchError(f"no 'built N, skipped N (up to date), failed N' line in the build's output:\n{tail(errors)}")
    return tuple(int(n) for n in found[-1])


def tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def expect(run: Run, built: int, skipped: int, what: str) -> None:
    if (run.built, run.skipped) != (built, skipped):
        raise BenchError(f"{what}: expected built {built}, skipped {skipped}; got built {run.built}, skipped {run.skipped}")


def count_documents(out: Path) -> int:
    """Every expected document present in `out/<deal>/`."""
    from pipeline.build import DOCUMENTS

    return sum(1 for folder in out.iterdir() if folder.is_dir() for name in DOCUMENTS if (folder / name).is_file())


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def bench(deals: int, jobs: int, work: Path, repeat: int = 1) -> dict:
    """Generate, warm up, then measure: full build, no-op rebuild, a build of N/4 deals.

    With `repeat` > 1 each measured build runs that many times and the fastest counts:
    other work on the machine only ever adds time.
    """
    load = os.getloadavg()[0]  # other work on the machine skews every figure; say how much there was
    paths = write_deals(fresh(work / "inputs"), deals, SEED)
    quarter = paths[: max(1, deals // 4)]
    run_build(paths[:1], fresh(work / "warm-up"), 1)  # compiles .pyc and fills the disk cache
    full = fastest(repeat, lambda: run_build(paths, fresh(work / "out"), jobs, force=True))
    expect(full, deals, 0, "full build")
    documents = count_documents(work / "out")
    if documents != DOCUMENTS_PER_DEAL * deals:
        raise BenchError(f"full build: expected {DOCUMENTS_PER_DEAL * deals} documents, found {documents}")
    noop = fastest(repeat, lambda: run_build(paths, work / "out", jobs))
    expect(noop, 0, deals, "no-op rebuild")
    small = fastest(repeat, lambda: run_build(quarter, fresh(work / "out-quarter"), jobs, force=True))
    expect(small, len(quarter), 0, "build of N/4 deals")
    return report(deals, jobs, full, noop, small, load, repeat)


def fastest(repeat: int, measured) -> Run:
    return min((measured() for _ in range(repeat)), key=lambda run: run.wall_s)


def report(deals: int, jobs: int, full: Run, noop: Run, small: Run, load: float = 0.0, repeat: int = 1) -> dict:
    """Every figure, target and verdict, as plain data for the JSON file."""
    full_f, noop_f = figures(full), figures(noop)
    noop_share = noop.wall_s / full.wall_s
    growth = full.peak_mb / small.peak_mb - 1
    return {
        "deals": deals, "seed": SEED, "jobs": jobs or os.cpu_count(), "cpus": os.cpu_count(), "repeat": repeat,
        "python": platform.python_version(), "load_average_before": round(load, 2),
        "full": {**asdict(full), **asdict(full_f)},
        "noop": {**asdict(noop), **asdict(noop_f), "share_of_full": noop_share},
        "quarter": {**asdict(small), **asdict(figures(small))},
        "memory_growth": growth,
        "targets": {"at_deals": TARGET_DEALS, "wall_ms_per_deal": TARGET_MS, "stretch_wall_ms_per_deal": STRETCH_MS,
                    "noop_share": NOOP_SHARE, "memory_growth": FLAT_GROWTH},
        # Per-deal targets hold for a batch of TARGET_DEALS: below it start-up weighs on every deal,
        # so a smaller run gives its figures and no verdict.
        "met": None if deals < TARGET_DEALS else {
            "wall": shown(full_f.wall_ms_per_deal) <= TARGET_MS,
            "stretch": shown(full_f.wall_ms_per_deal) <= STRETCH_MS,
            "noop": shown(100 * noop_share) <= 100 * NOOP_SHARE,
            "flat_memory": shown(100 * growth) <= 100 * FLAT_GROWTH},
    }


def shown(value: float) -> float:
    """A figure as printed (one decimal): verdicts judge what the reader sees, not float noise."""
    return round(value, 1)


def verdict(met: bool | None) -> str:
    if met is None:
        return "(no verdict)"
    return "ok" if met else "MISSED"


def lines(result: dict) -> list[str]:
    """The figures as a reader wants them, each target beside its figure."""
    full, noop, small = result["full"], result["noop"], result["quarter"]
    met = result["met"] or dict.fromkeys(("wall", "stretch", "noop", "flat_memory"))
    n = result["deals"]
    note = "" if result["met"] is not None else f"  (targets are set at {TARGET_DEALS} deals: figures only, no verdict)"
    best = f", fastest of {result['repeat']} runs each" if result["repeat"] > 1 else ""
    return [
        f"bench: {n} synthetic deals (seed {result['seed']}), {result['jobs']} worker(s) on {result['cpus']} CPU(s), "
        f"python {result['python']}, load average {result['load_average_before']:.2f} before the runs{best}{note}",
        "full build",
        f"  wall    {full['wall_ms_per_deal']:8.1f} ms/deal   target <= {TARGET_MS:.0f} "
        f"(stretch <= {STRETCH_MS:.0f})   {verdict(met['wall'])}{', stretch ' + verdict(met['stretch']) if result['met'] else ''}",
        f"  cpu     {full['cpu_ms_per_deal']:8.1f} ms/deal",
        f"  rate    {full['documents_per_s']:8.1f} documents/s ({DOCUMENTS_PER_DEAL} per deal)",
        f"  peak    {full['peak_mb']:8.1f} MB (largest process)",
        f"  total   {full['wall_s']:8.2f} s wall, {full['cpu_s']:.2f} s CPU",
        "no-op rebuild",
        f"  wall    {noop['wall_ms_per_deal']:8.1f} ms/deal",
        f"  cpu     {noop['cpu_ms_per_deal']:8.1f} ms/deal",
        f"  rate    {noop['documents_per_s']:8.1f} documents/s confirmed up to date",
        f"  peak    {noop['peak_mb']:8.1f} MB",
        f"  share   {100 * noop['share_of_full']:8.1f} % of the full build   target <= {100 * NOOP_SHARE:.0f} %   "
        f"{verdict(met['noop'])}",
        "memory flatness",
        f"  peak    {small['peak_mb']:8.1f} MB at {small['deals']} deals, {full['peak_mb']:.1f} MB at {n} deals: "
        f"{100 * result['memory_growth']:+.1f} %   target <= +{100 * FLAT_GROWTH:.0f} %   {verdict(met['flat_memory'])}",
    ]


def profile(deals: int, work: Path, top: int) -> list[str]:
    """Where one deal's build spends its time: cProfile over `deals` in-process builds, after a warm-up one."""
    import cProfile
    import pstats

    from pipeline.batch import build_all

    from pipeline.build import Options

    paths = [str(p) for p in write_deals(fresh(work / "profile-inputs"), deals + 1, SEED)]
    options = Options(out_dir=fresh(work / "profile-out"), force=True)
    build_all(paths[:1], options, jobs=1)  # loads templates and fonts once, as a pool worker's warm-up does
    plain = timed(lambda: build_all(paths[1:], options, jobs=1), deals)
    profiler = cProfile.Profile()
    profiled = timed(lambda: profiler.runcall(build_all, paths[1:], options, jobs=1), deals)
    stats = pstats.Stats(profiler)
    return [f"profile: {deals} deal(s) built in this process, one at a time",
            f"  unprofiled {plain[0]:8.1f} ms/deal wall, {plain[1]:.1f} ms/deal CPU",
            f"  profiled   {profiled[0]:8.1f} ms/deal wall, {profiled[1]:.1f} ms/deal CPU",
            "own time by module (ms/deal, share of the profiled total)",
            *share_lines(own_time_by_module(stats), stats.total_tt, deals, top),
            "own time by function (ms/deal, share of the profiled total)",
            *share_lines(own_time_by_function(stats), stats.total_tt, deals, top),
            "cumulative time of the project's functions (ms/deal, share of the profiled total)",
            *share_lines(project_cumulative(stats), stats.total_tt, deals, top)]


def timed(action, deals: int) -> tuple[float, float]:
    """(wall, CPU) milliseconds per deal of `action`."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return 1000 * (time.perf_counter() - wall) / deals, 1000 * (time.process_time() - cpu) / deals


def module_of(filename: str, function: str) -> str:
    """A third-party package by name, a project file by path, the standard library and built-ins by what they are."""
    if filename.startswith(("~", "<")):
        return f"built-in {function}"
    if "site-packages/" in filename:
        return short_path(filename).split("/", 1)[0]
    return short_path(filename)


def short_path(filename: str) -> str:
    """`pptx/oxml/xmlchemy.py`, `pipeline/build.py`, `stdlib zipfile.py`."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1]
    if filename.startswith(str(ROOT)):
        return str(Path(filename).relative_to(ROOT))
    if filename.startswith(STDLIB):
        return f"stdlib {Path(filename).relative_to(STDLIB)}"
    return filename


def own_time_by_module(stats) -> dict[str, float]:
    totals: dict[str, float] = {}
    for (filename, _, function), (_, _, own, _, _) in stats.stats.items():
        key = module_of(filename, function)
        totals[key] = totals.get(key, 0.0) + own
    return totals


def own_time_by_function(stats) -> dict[str, float]:
    return {function if filename.startswith(("~", "<")) else f"{short_path(filename)}:{line} {function}": own
            for (filename, line, function), (_, _, own, _, _) in stats.stats.items()}


def project_cumulative(stats) -> dict[str, float]:
    """Cumulative seconds of each function defined in the project (the build's call tree, top down)."""
    return {f"{short_path(filename)}:{line} {function}": cumulative
            for (filename, line, function), (_, _, _, cumulative, _) in stats.stats.items()
            if filename.startswith(str(ROOT))}


def share_lines(seconds: dict[str, float], total: float, deals: int, top: int) -> list[str]:
    """The `top` largest entries, largest first (ties by name, so the order is stable)."""
    ranked = sorted(seconds.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [f"  {1000 * value / deals:8.1f} ms {100 * value / total:5.1f} %  {name}" for name, value in ranked]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=TARGET_DEALS, metavar="N", help="how many deals (default: 200)")
    parser.add_argument("--jobs", type=int, default=0, metavar="J", help="worker processes (default: every core)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench", metavar="DIR",
                        help="where the deals and documents go (default: build/bench)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="run each measured build R times and keep the fastest (default: 1)")
    parser.add_argument("--profile", type=int, metavar="K",
                        help="instead: profile K deals' builds in this process and print the top costs")
    parser.add_argument("--top", type=int, default=25, metavar="T", help="rows of each profile table (default: 25)")
    args = parser.parse_args(argv)
    if min(args.deals, args.repeat, 1 if args.profile is None else args.profile) < 1 or args.jobs < 0:
        parser.error("--deals, --repeat and --profile must be at least 1, --jobs at least 0")
    if args.profile:
        print("\n".join(profile(args.profile, args.work.resolve(), args.top)))
        return 0
    try:
        result = bench(args.deals, args.jobs, args.work.resolve(), args.repeat)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines(result)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
