"""The book-of-business commands: export and import the scoring workbook, the portfolio.

Registered on the main parser by `pipeline.cli.main`; each returns an exit code (0 done, 1 a
file failed, 2 a usage error) and prints located problems, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from pipeline.errors import InputError
from pipeline.words.messages import say


def add_commands(add) -> None:
    """`add(name, **kwargs)` makes a subparser with the common options (pipeline.cli.main)."""
    export = add("export", help=say("cli_export"), description=say("cli_export"))
    export.add_argument("deals", nargs="+", metavar="DEAL.yaml", help=say("cli_export_deals"))
    export.add_argument("--out", type=Path, metavar="DIR", help=say("cli_export_out"))
    export.add_argument("--force", action="store_true", help=say("cli_export_force"))
    export.set_defaults(run=run_export)
    imported = add("import", help=say("cli_import"), description=say("cli_import"))
    imported.add_argument("books", nargs="+", metavar="DEAL.xlsx", help=say("cli_import_books"))
    imported.add_argument("--out", type=Path, metavar="DIR", help=say("cli_import_out"))
    imported.add_argument("--force", action="store_true", help=say("cli_import_force"))
    imported.set_defaults(run=run_import)
    portfolio = add("portfolio", help=say("cli_portfolio"), description=say("cli_portfolio"))
    portfolio.add_argument("deals", nargs="*", metavar="DEAL.yaml", help=say("cli_deals"))
    portfolio.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help=say("cli_portfolio_out"))
    portfolio.add_argument("-j", "--jobs", type=int, default=0, metavar="N", help=say("cli_jobs"))
    portfolio.set_defaults(run=run_portfolio)


def target(source: Path, out: Path | None, suffix: str) -> Path:
    return (out or source.parent) / (source.stem + suffix)


def written_by_us(path: Path) -> bool:
    """Whether an existing workbook is one dealdocs exported (its creator says so)."""
    from pipeline.render.office.xlsx import created_by  # openpyxl: only export and import need it
    from pipeline.workbook.export import CREATOR

    return created_by(path) == CREATOR


def write_atomically(path: Path, data: bytes) -> None:
    """The whole file or the old one: written beside, then renamed over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run_export(args: argparse.Namespace) -> int:
    from pipeline.load.deal import load_deal
    from pipeline.workbook.export import export_workbook

    def refusal(book: Path) -> str | None:
        if book.exists() and not args.force and not written_by_us(book):
            return say("book_not_ours")
        return None

    return convert_each(args.deals, args.out, ".xlsx", lambda p: load_deal(p)[0], export_workbook, refusal,
                        "book_exported")


def run_import(args: argparse.Namespace) -> int:
    from pipeline.workbook.reader import deal_yaml, import_workbook

    def refusal(deal_file: Path) -> str | None:
        return say("book_exists") if deal_file.exists() and not args.force else None

    return convert_each(args.books, args.out, ".yaml", import_workbook, lambda d: deal_yaml(d).encode("utf-8"),
                        refusal, "book_imported")


def convert_each(sources: list[str], out: Path | None, suffix: str, read, render, refusal, done: str) -> int:
    """Each source read (its problems printed), checked against replacing what it must not, written whole."""
    failed = 0
    for name in sources:
        source = Path(name)
        result = target(source, out, suffix)
        try:
            value = read(source)
        except InputError as error:
            print("\n".join(error.problems), file=sys.stderr)
            failed += 1
            continue
        why = refusal(result)
        if why:
            print(say("error", message=f"{result}: {why}"), file=sys.stderr)
            failed += 1
            continue
        write_atomically(result, render(value))
        print(say(done, source=source, result=result), file=sys.stderr)
    return 1 if failed else 0


def run_portfolio(args: argparse.Namespace) -> int:
    from pipeline.cli.main import inputs_in
    from pipeline.portfolio.build import build_portfolio, portfolio_files

    paths = args.deals or inputs_in(Path("inputs"))
    if not paths:
        print(say("no_deals"), file=sys.stderr)
        return 2
    lang = getattr(args, "lang", None) or "zh"  # the common --lang: messages and the portfolio alike
    summary, analyses = build_portfolio(paths, args.out, lang, args.jobs)
    for outcome in summary.outcomes:
        for line in outcome.errors:
            print(line, file=sys.stderr)
    if getattr(summary, "error", None):
        print(say("error", message=summary.error), file=sys.stderr)
    for name, data in portfolio_files(analyses, lang).items():
        write_atomically(args.out / name, data)
    failed = summary.count("failed")
    print(say("portfolio_done", count=len(analyses), xlsx=f"{args.out}/portfolio.xlsx",
              html=f"{args.out}/portfolio.html", failed=say("portfolio_failed", count=failed) if failed else ""),
          file=sys.stderr)
    return 1 if failed else 0
