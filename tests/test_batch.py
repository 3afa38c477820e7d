"""The batch on any executor: a process pool, threads, a Dask cluster; the same bytes whatever runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from dask.distributed import Client, LocalCluster

from pipeline.batch import build_all, executor_for
from pipeline.build import DOCUMENTS, Options
from tests.conftest import EXAMPLES, ROOT

DEALS = [str(p) for p in EXAMPLES[:2]]


def documents(out: Path) -> dict[str, bytes]:
    """Every published document's bytes, by deal folder and name."""
    return {f"{folder.name}/{name}": (folder / name).read_bytes()
            for folder in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
            for name in DOCUMENTS}


@pytest.fixture(scope="module")
def by_processes(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("processes")
    summary = build_all(DEALS, Options(out_dir=out), jobs=2)
    assert summary.ok and summary.count("built") == 2
    return documents(out)


def test_threads_build_the_same_bytes(tmp_path, by_processes):
    summary = build_all(DEALS, Options(out_dir=tmp_path), jobs=2, kind="thread")
    assert summary.ok and summary.count("built") == 2, summary
    assert documents(tmp_path) == by_processes
    assert len(by_processes) == 2 * len(DOCUMENTS)


def test_an_in_process_dask_cluster_builds_the_same_bytes(tmp_path, by_processes):
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        summary = build_all(DEALS, Options(out_dir=tmp_path), executor=client.get_executor())
        assert summary.ok and summary.count("built") == 2, summary
        ran_on = client.run(os.getpid)  # the worker answered: the deals really went through Dask
        assert list(ran_on.values()) == [os.getpid()]
    assert documents(tmp_path) == by_processes


def test_up_to_date_deals_start_no_cluster(tmp_path, monkeypatch):
    assert build_all(DEALS[:1], Options(out_dir=tmp_path), jobs=1).ok

    def no_cluster(*args, **kwargs):
        raise AssertionError("a cluster was started with nothing to build")

    monkeypatch.setattr("pipeline.batch.executor_for", no_cluster)
    summary = build_all(DEALS[:1], Options(out_dir=tmp_path), kind="dask")
    assert summary.ok and summary.count("skipped") == 1


def test_an_unknown_executor_is_one_clear_error(tmp_path):
    summary = build_all(DEALS[:1], Options(out_dir=tmp_path), kind="cloud")
    assert not summary.ok and "unknown executor 'cloud'" in summary.error
    with pytest.raises(Exception, match="process, thread, dask"):
        with executor_for("cloud"):
            pass


def test_a_scheduler_out_of_reach_is_one_line_and_exit_1(tmp_path):
    run = subprocess.run([sys.executable, "-m", "pipeline", "build", DEALS[0], "--out", str(tmp_path / "out"),
                          "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "DEALDOCS_LANG": "en"})
    assert run.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out" / "xyz-atm-network").exists()
