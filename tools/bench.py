"""The benchmark of `make bench`: N synthetic deals, a full build, a no-op rebuild, memory flatness.

Each build runs as `python -m pipeline build ... -j J` in a subprocess, so interpreter
start-up, imports and the worker pool are all counted. Figures: wall and CPU ms per
deal, documents per second, peak memory; the no-op rebuild's share of the full build;
peak memory at N/4 deals against N deals. Targets are printed beside the figures;
nothing fails on a missed target (timings belong to the machine, not to the code).

    python tools/bench.py --deals 200 --jobs 2 --json build/bench/results.json
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
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.synthetic import write_deals  # noqa: E402

SEED = 2026
DOCUMENTS_PER_DEAL = 5  # analysis.json, the deck, three briefs
TARGET_DEALS = 200  # the deal count the targets are set at
TARGET_MS = 75.0
STRETCH_MS = 30.0
NOOP_SHARE = 0.15
FLAT_GROWTH = 0.10  # peak memory at N may exceed peak at N/4 by this much and still be flat
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
    command = [sys.executable, "-m", "pipeline", "build", *map(str, paths), "--out", str(out)]
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


def bench(deals: int, jobs: int, work: Path) -> dict:
    """Generate, warm up, then measure: full build, no-op rebuild, a build of N/4 deals."""
    paths = write_deals(fresh(work / "inputs"), deals, SEED)
    quarter = paths[: max(1, deals // 4)]
    run_build(paths[:1], fresh(work / "warm-up"), 1)  # compiles .pyc and fills the disk cache
    full = run_build(paths, fresh(work / "out"), jobs, force=True)
    expect(full, deals, 0, "full build")
    documents = count_documents(work / "out")
    if documents != DOCUMENTS_PER_DEAL * deals:
        raise BenchError(f"full build: expected {DOCUMENTS_PER_DEAL * deals} documents, found {documents}")
    noop = run_build(paths, work / "out", jobs)
    expect(noop, 0, deals, "no-op rebuild")
    small = run_build(quarter, fresh(work / "out-quarter"), jobs, force=True)
    expect(small, len(quarter), 0, "build of N/4 deals")
    return report(deals, jobs, full, noop, small)


def report(deals: int, jobs: int, full: Run, noop: Run, small: Run) -> dict:
    """Every figure, target and verdict, as plain data for the JSON file."""
    full_f, noop_f = figures(full), figures(noop)
    noop_share = noop.wall_s / full.wall_s
    growth = full.peak_mb / small.peak_mb - 1
    return {
        "deals": deals, "seed": SEED, "jobs": jobs or os.cpu_count(), "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "full": {**asdict(full), **asdict(full_f)},
        "noop": {**asdict(noop), **asdict(noop_f), "share_of_full": noop_share},
        "quarter": {**asdict(small), **asdict(figures(small))},
        "memory_growth": growth,
        "targets": {"at_deals": TARGET_DEALS, "wall_ms_per_deal": TARGET_MS, "stretch_wall_ms_per_deal": STRETCH_MS,
                    "noop_share": NOOP_SHARE, "memory_growth": FLAT_GROWTH},
        "met": {"wall": full_f.wall_ms_per_deal <= TARGET_MS, "stretch": full_f.wall_ms_per_deal <= STRETCH_MS,
                "noop": noop_share <= NOOP_SHARE, "flat_memory": growth <= FLAT_GROWTH},
    }


def verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def lines(result: dict) -> list[str]:
    """The figures as a reader wants them, each target beside its figure."""
    full, noop, small, met = result["full"], result["noop"], result["quarter"], result["met"]
    n = result["deals"]
    note = "" if n == TARGET_DEALS else f"  (targets are set at {TARGET_DEALS} deals)"
    return [
        f"bench: {n} synthetic deals (seed {result['seed']}), {result['jobs']} worker(s) on {result['cpus']} CPU(s), "
        f"python {result['python']}{note}",
        "full build",
        f"  wall    {full['wall_ms_per_deal']:8.1f} ms/deal   target <= {TARGET_MS:.0f} "
        f"(stretch <= {STRETCH_MS:.0f})   {verdict(met['wall'])}{', stretch ' + verdict(met['stretch'])}",
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=TARGET_DEALS, metavar="N", help="how many deals (default: 200)")
    parser.add_argument("--jobs", type=int, default=0, metavar="J", help="worker processes (default: every core)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench", metavar="DIR",
                        help="where the deals and documents go (default: build/bench)")
    args = parser.parse_args(argv)
    if args.deals < 1 or args.jobs < 0:
        parser.error("--deals must be at least 1 and --jobs at least 0")
    try:
        result = bench(args.deals, args.jobs, args.work.resolve())
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
