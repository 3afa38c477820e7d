"""The portfolio from deal files: build what is out of date, read the analyses, write the workbook and the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.analysis.results import Analysis
from pipeline.batch import Summary, build_all
from pipeline.build import Options
from pipeline.portfolio.page import portfolio_page
from pipeline.portfolio.rows import deal_row, next_actions, read_analyses
from pipeline.portfolio.workbook import portfolio_workbook

WORKBOOK, PAGE = "portfolio.xlsx", "portfolio.html"


def portfolio_files(analyses: list[Analysis], lang: str) -> dict[str, bytes]:
    """The workbook and the page of these analyses, in memory."""
    rows = [deal_row(a, lang) for a in analyses]
    actions = [action for a in analyses for action in next_actions(a, lang)]
    newest = max((a.deal.date for a in analyses), default=None)
    return {
        WORKBOOK: portfolio_workbook(rows, analyses, actions, lang, newest or dt.date(2000, 1, 1)),
        PAGE: portfolio_page(rows, lang).encode("utf-8"),
    }


def build_portfolio(paths: list[str], out_dir: Path, lang: str, jobs: int = 0) -> tuple[Summary, list[Analysis]]:
    """Build the deals (the up-to-date ones are skipped), then read the analyses of those that built."""
    summary = build_all(paths, Options(out_dir), jobs=jobs)
    ids = [o.deal_id for o in sorted(summary.outcomes, key=lambda o: o.path) if o.status != "failed" and o.deal_id]
    return summary, read_analyses(out_dir, list(dict.fromkeys(ids)))
