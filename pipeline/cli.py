"""The command line: parse, call the library, turn outcomes into messages and exit codes.

Exit 0 when every deal built (or was up to date), 1 when any deal failed (the
others still build), 2 on a usage error. Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from pipeline import __version__
from pipeline.progress import Progress

DEAL_SUFFIXES = (".yaml", ".yml")
EPILOG = """\
examples:
  dealdocs build                      build every inputs/*.yaml into build/
  dealdocs build inputs/xyz.yaml -j 2 build one deal with two workers
  dealdocs build --deck-template corp.pptx --brief-template corp.docx
  dealdocs build --playbook my-playbook.json   your own tactics rules
  dealdocs check inputs/*.yaml        validate and report, write nothing
  dealdocs schema > schema/deal.schema.json
  dealdocs pdf                        a PDF beside every built document
"""
PIPE_CLOSED = 141  # what a shell reports for a process stopped by SIGPIPE


def main(argv: list[str] | None = None) -> int:
    """Run one command; a reader that closes the pipe early (`| head`) ends it quietly."""
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return PIPE_CLOSED


def _main(argv: list[str] | None) -> int:
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


def _common() -> argparse.ArgumentParser:
    """-q and -v, accepted before or after the command (SUPPRESS keeps the command's copy from resetting them)."""
    common = argparse.ArgumentParser(add_help=False)
    talk = common.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print only errors")
    talk.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                      help="a line per deal (or document) with its time")
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="dealdocs",
        description="Deal files in, a training deck and per-level meeting briefs out.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"dealdocs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, **kwargs) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
                                   **kwargs)

    build = add("build", help="build the documents of each deal", epilog=EPILOG)
    build.add_argument("deals", nargs="*", metavar="DEAL.yaml", help="deal files (default: inputs/*.yaml)")
    build.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="output folder (default: build)")
    build.add_argument("-j", "--jobs", type=_positive, default=0, metavar="N", help="worker processes (default: every core)")
    build.add_argument("--force", action="store_true", help="rebuild even the deals that are up to date")
    build.add_argument("--deck-template", type=Path, metavar="PPTX", help="your own PowerPoint master")
    build.add_argument("--brief-template", type=Path, metavar="DOCX", help="your own Word brief template")
    build.add_argument("--proposal-template", type=Path, metavar="DOCX",
                       help="your own Word template of the customer-facing proposals")
    build.add_argument("--playbook", type=Path, metavar="JSON", help="your own tactics playbook (default: templates/playbook.json)")
    build.add_argument("--no-wait", action="store_true",
                       help="fail at once when another build is writing into the same --out (default: wait)")
    build.add_argument("--debug", action="store_true", help="show the details of an internal error")
    build.set_defaults(run=_build)
    check = add("check", help="validate deal files and report problems; write nothing")
    check.add_argument("deals", nargs="*", metavar="DEAL.yaml", help="deal files (default: inputs/*.yaml)")
    check.add_argument("--playbook", type=Path, metavar="JSON", help="your own tactics playbook (default: templates/playbook.json)")
    check.add_argument("--debug", action="store_true", help="show the details of an internal error")
    check.set_defaults(run=_check)
    schema = add("schema", help="print the JSON Schema of the deal file")
    schema.set_defaults(run=_schema)
    pdf = add("pdf", help="convert every built document to PDF with LibreOffice")
    pdf.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="the build folder (default: build)")
    pdf.add_argument("-j", "--jobs", type=_positive, default=0, metavar="N", help="parallel conversions (default: every core)")
    pdf.set_defaults(run=_pdf)
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _quiet(args: argparse.Namespace) -> bool:
    return getattr(args, "quiet", False)


def _verbose(args: argparse.Namespace) -> bool:
    return getattr(args, "verbose", False)


def inputs_in(folder: Path) -> list[str]:
    """The deal files of a folder: *.yaml and *.yml, sorted."""
    return sorted(str(p) for p in folder.iterdir() if p.suffix in DEAL_SUFFIXES and p.is_file()) \
        if folder.is_dir() else []


def _deal_paths(args: argparse.Namespace) -> list[str] | None:
    """The deal files named, or every one in inputs/; None (a usage error, said) when one is missing."""
    paths = args.deals or inputs_in(Path("inputs"))
    if not paths:
        print("error: no deal files given and none in inputs/ (*.yaml or *.yml)", file=sys.stderr)
        return None
    missing = [p for p in paths if not Path(p).exists()]
    for path in missing:
        print(f"error: {path}: no such file", file=sys.stderr)
    return None if missing else paths


def _build(args: argparse.Namespace) -> int:
    from pipeline.build import Options, build_all
    from pipeline.errors import TemplateError
    from pipeline.templates import check_user_templates

    paths = _deal_paths(args)
    if paths is None:
        return 2
    try:
        check_user_templates(args.deck_template, args.brief_template, args.proposal_template)  # once per run
    except TemplateError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not _playbook_ok(args.playbook):
        return 2
    options = Options(args.out, args.deck_template, args.brief_template, args.playbook, args.force, args.debug,
                      wait=not args.no_wait, proposal_template=args.proposal_template)
    progress = Progress(sys.stderr)
    summary = build_all(paths, options, jobs=args.jobs, on_outcome=progress.update,
                        on_wait=lambda message: print(message, file=sys.stderr, flush=True))
    progress.close()
    for outcome in summary.outcomes:
        _print_outcome(outcome, args)
        if _verbose(args):
            print(_deal_line(outcome, args.out), file=sys.stderr)
    if summary.error:
        print(f"error: {summary.error}", file=sys.stderr)
        if not summary.outcomes:
            return 1
    failed = [o.path for o in summary.outcomes if o.status == "failed"]
    if not _quiet(args):
        print(
            f"built {summary.count('built')}, skipped {summary.count('skipped')} (up to date), "
            f"failed {len(failed)} in {summary.seconds:.1f} s" + (f": {', '.join(failed)}" if failed else "")
            + f"; documents in {_folder(args.out)}",
            file=sys.stderr,
        )
    return 0 if summary.ok else 1


def _folder(path: Path) -> str:
    return str(path).rstrip("/\\") + "/"


def _deal_line(outcome, out: Path) -> str:
    """-v: what happened to one deal, where its documents are, and how long it took."""
    if outcome.status == "built":
        return f"built {outcome.path} -> {_folder(out / outcome.deal_id)} in {outcome.seconds:.2f} s"
    if outcome.status == "skipped":
        return f"skipped {outcome.path} (up to date in {_folder(out / outcome.deal_id)})"
    return f"failed {outcome.path}"


def _print_outcome(outcome, args: argparse.Namespace) -> None:
    for line in outcome.errors:
        print(line, file=sys.stderr)
    if not _quiet(args):
        for line in outcome.warnings:
            print(line, file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from pipeline.build import check_deal

    paths = _deal_paths(args)
    if paths is None:
        return 2
    if not _playbook_ok(args.playbook):
        return 2
    outcomes = []
    for path in paths:
        started = time.perf_counter()
        outcome = check_deal(path, args.debug, args.playbook)
        outcomes.append(outcome)
        _print_outcome(outcome, args)
        if _verbose(args):
            verdict = "invalid" if outcome.status == "failed" else "valid"
            print(f"{verdict} {path} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    failed = [o for o in outcomes if o.status == "failed"]
    if not _quiet(args):
        print(f"checked {len(outcomes)} deal(s): {len(outcomes) - len(failed)} valid, {len(failed)} invalid",
              file=sys.stderr)
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
    if not _quiet(args):
        print(f"converted {converted} document(s) to PDF under {_folder(args.out)}", file=sys.stderr)
    return 0
