"""The command line: parse, call the library, turn outcomes into messages and exit codes.

Exit 0 when every deal built (or was up to date), 1 when any deal failed (the
others still build), 2 on a usage error. Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.progress import Progress

EPILOG = """\
examples:
  python -m pipeline build                      build every inputs/*.yaml into build/
  python -m pipeline build inputs/xyz.yaml -j 2 build one deal with two workers
  python -m pipeline build --deck-template corp.pptx --brief-template corp.docx
  python -m pipeline build --playbook my-playbook.json   your own tactics rules
  python -m pipeline check inputs/*.yaml        validate and report, write nothing
  python -m pipeline schema > schema/deal.schema.json
  python -m pipeline pdf                        a PDF beside every built document
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Deal files in, a training deck and per-level meeting briefs out.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="build the documents of each deal", epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("deals", nargs="*", metavar="DEAL.yaml", help="deal files (default: inputs/*.yaml)")
    build.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="output folder (default: build)")
    build.add_argument("-j", "--jobs", type=_positive, default=0, metavar="N", help="worker processes (default: every core)")
    build.add_argument("--force", action="store_true", help="rebuild even the deals that are up to date")
    build.add_argument("--deck-template", type=Path, metavar="PPTX", help="your own PowerPoint master")
    build.add_argument("--brief-template", type=Path, metavar="DOCX", help="your own Word brief template")
    build.add_argument("--proposal-template", type=Path, metavar="DOCX",
                       help="your own Word template of the customer-facing proposals")
    build.add_argument("--playbook", type=Path, metavar="JSON", help="your own tactics playbook (default: templates/playbook.json)")
    build.add_argument("--debug", action="store_true", help="show the details of an internal error")
    build.set_defaults(run=_build)
    check = commands.add_parser("check", help="validate deal files and report problems; write nothing")
    check.add_argument("deals", nargs="*", metavar="DEAL.yaml", help="deal files (default: inputs/*.yaml)")
    check.add_argument("--playbook", type=Path, metavar="JSON", help="your own tactics playbook (default: templates/playbook.json)")
    check.add_argument("--debug", action="store_true", help="show the details of an internal error")
    check.set_defaults(run=_check)
    schema = commands.add_parser("schema", help="print the JSON Schema of the deal file")
    schema.set_defaults(run=_schema)
    pdf = commands.add_parser("pdf", help="convert every built document to PDF with LibreOffice")
    pdf.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="the build folder (default: build)")
    pdf.add_argument("-j", "--jobs", type=_positive, default=0, metavar="N", help="parallel conversions (default: every core)")
    pdf.set_defaults(run=_pdf)
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _deal_paths(args: argparse.Namespace) -> list[str] | None:
    paths = args.deals or sorted(str(p) for p in Path("inputs").glob("*.yaml"))
    if not paths:
        print("error: no deal files given and none in inputs/*.yaml", file=sys.stderr)
        return None
    return paths


def _build(args: argparse.Namespace) -> int:
    from pipeline.build import Options, build_all
    from pipeline.errors import TemplateError
    from pipeline.safety import check_user_template

    paths = _deal_paths(args)
    if paths is None:
        return 2
    try:
        for template in (args.deck_template, args.brief_template, args.proposal_template):
            if template:
                check_user_template(template)
    except TemplateError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not _playbook_ok(args.playbook):
        return 2
    options = Options(args.out, args.deck_template, args.brief_template, args.playbook, args.force, args.debug,
                      args.proposal_template)
    progress = Progress(sys.stderr)
    summary = build_all(paths, options, jobs=args.jobs, on_outcome=progress.update)
    progress.close()
    for outcome in summary.outcomes:
        _print_outcome(outcome)
    failed = [o.path for o in summary.outcomes if o.status == "failed"]
    print(
        f"built {summary.count('built')}, skipped {summary.count('skipped')} (up to date), "
        f"failed {len(failed)} in {summary.seconds:.1f} s" + (f": {', '.join(failed)}" if failed else ""),
        file=sys.stderr,
    )
    return 0 if summary.ok else 1


def _print_outcome(outcome) -> None:
    for line in outcome.errors:
        print(line, file=sys.stderr)
    for line in outcome.warnings:
        print(line, file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from pipeline.build import check_deal

    paths = _deal_paths(args)
    if paths is None:
        return 2
    if not _playbook_ok(args.playbook):
        return 2
    outcomes = [check_deal(path, args.debug, args.playbook) for path in paths]
    for outcome in outcomes:
        _print_outcome(outcome)
    failed = [o for o in outcomes if o.status == "failed"]
    print(f"checked {len(outcomes)} deal(s): {len(outcomes) - len(failed)} valid, {len(failed)} invalid", file=sys.stderr)
    return 1 if failed else 0


def _playbook_ok(path: Path | None) -> bool:
    """A broken playbook is one usage error up front, not the same failure for every deal."""
    from pipeline.errors import TemplateError
    from pipeline.playbook import load_playbook

    try:
        load_playbook(path)
    except TemplateError as error:
        print(f"error: {error}", file=sys.stderr)
        return False
    except OSError as error:
        print(f"error: playbook {path}: {error.strerror}", file=sys.stderr)
        return False
    return True


def _schema(args: argparse.Namespace) -> int:
    from pipeline.schema import deal_json_schema

    print(json.dumps(deal_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from pipeline.pdf import PdfError, convert_build

    try:
        converted = convert_build(args.out, args.jobs)
    except PdfError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"converted {converted} document(s) to PDF under {args.out}/", file=sys.stderr)
    return 0
