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
from pipeline.cli.progress import Progress
from pipeline.cli.usage import Formatter, Parser
from pipeline.words.messages import choose, say

DEAL_SUFFIXES = (".yaml", ".yml")
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
    choose(_lang_in(argv if argv is not None else sys.argv[1:]))  # before parsing: its errors are messages too
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print(say("interrupted"), file=sys.stderr)
        return 130


def _lang_in(argv: list[str]) -> str | None:
    """The value of --lang (--lang zh or --lang=zh), wherever it is on the line."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _common() -> argparse.ArgumentParser:
    """-q and -v, accepted before or after the command (SUPPRESS keeps the command's copy from resetting them)."""
    common = Parser(add_help=False)
    common.add_argument("-h", "--help", action="help", help=say("cli_help"))
    talk = common.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=say("cli_quiet"))
    talk.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=say("cli_verbose"))
    common.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help=say("cli_lang"))
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common()
    parser = Parser(
        prog="dealdocs",
        description=say("cli_description"),
        epilog=say("cli_examples"),
        formatter_class=Formatter,
        parents=[common],
        add_help=False,
    )
    parser.add_argument("--version", action="version", version=f"dealdocs {__version__}", help=say("cli_version"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, **kwargs) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], formatter_class=Formatter, add_help=False, **kwargs)

    build = add("build", help=say("cli_build"), description=say("cli_build"), epilog=say("cli_examples"))
    build.add_argument("deals", nargs="*", metavar="DEAL.yaml", help=say("cli_deals"))
    build.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help=say("cli_out"))
    build.add_argument("-j", "--jobs", type=_positive, default=0, metavar="N", help=say("cli_jobs"))
    build.add_argument("--force", action="store_true", help=say("cli_build_force"))
    build.add_argument("--deck-template", type=Path, metavar="PPTX", help=say("cli_deck_template"))
    build.add_argument("--brief-template", type=Path, metavar="DOCX", help=say("cli_brief_template"))
    build.add_argument("--proposal-template", type=Path, metavar="DOCX", help=say("cli_proposal_template"))
    build.add_argument("--playbook", type=Path, metavar="JSON", help=say("cli_playbook"))
    build.add_argument("--no-wait", action="store_true", help=say("cli_no_wait"))
    build.add_argument("--executor", choices=("process", "thread", "dask"), default="process", help=say("cli_executor"))
    build.add_argument("--scheduler", metavar="ADDRESS", help=say("cli_scheduler"))
    build.add_argument("--debug", action="store_true", help=say("cli_debug"))
    build.set_defaults(run=_build)
    check = add("check", help=say("cli_check"), description=say("cli_check"))
    check.add_argument("deals", nargs="*", metavar="DEAL.yaml", help=say("cli_deals"))
    check.add_argument("--playbook", type=Path, metavar="JSON", help=say("cli_playbook"))
    check.add_argument("--debug", action="store_true", help=say("cli_debug"))
    check.set_defaults(run=_check)
    schema = add("schema", help=say("cli_schema"), description=say("cli_schema"))
    schema.set_defaults(run=_schema)
    new = add("new", help=say("cli_new"), description=say("cli_new"))
    new.add_argument("file", type=Path, metavar="FILE.yaml", help=say("cli_new_file"))
    new.add_argument("--language", choices=("zh", "en"), default="zh", help=say("cli_new_language"))
    new.set_defaults(run=_new)
    pdf = add("pdf", help=say("cli_pdf"), description=say("cli_pdf"))
    pdf.add_argument("deals", nargs="*", metavar="DEAL.yaml", help=say("cli_pdf_deals"))
    pdf.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help=say("cli_pdf_out"))
    pdf.add_argument("--force", action="store_true", help=say("cli_pdf_force"))
    pdf.add_argument("-j", "--jobs", type=_positive, default=0, metavar="N", help=say("cli_pdf_jobs"))
    pdf.set_defaults(run=_pdf)
    from pipeline.cli.book import add_commands  # export, import, portfolio

    add_commands(add)
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(say("cli_whole_number", text=text))
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
        print(say("no_deals"), file=sys.stderr)
        return None
    missing = [p for p in paths if not Path(p).exists()]
    for path in missing:
        print(say("no_such_file", path=path), file=sys.stderr)
    return None if missing else paths


def _build(args: argparse.Namespace) -> int:
    from pipeline.batch import build_all
    from pipeline.build import Options
    from pipeline.errors import TemplateError
    from pipeline.render.user_templates import check_user_templates

    paths = _deal_paths(args)
    if paths is None:
        return 2
    try:
        check_user_templates(args.deck_template, args.brief_template, args.proposal_template)  # once per run
    except TemplateError as error:
        print(say("error", message=error), file=sys.stderr)
        return 2
    if not _playbook_ok(args.playbook):
        return 2
    options = Options(args.out, args.deck_template, args.brief_template, args.playbook, args.force, args.debug,
                      wait=not args.no_wait, proposal_template=args.proposal_template)
    progress = Progress(sys.stderr)
    summary = build_all(paths, options, jobs=args.jobs, on_outcome=progress.update,
                        on_wait=lambda message: print(message, file=sys.stderr, flush=True),
                        kind=args.executor, scheduler=args.scheduler)
    progress.close()
    for outcome in summary.outcomes:
        _print_outcome(outcome, args)
        if _verbose(args):
            print(_deal_line(outcome, args.out), file=sys.stderr)
    if summary.error:
        print(say("error", message=summary.error), file=sys.stderr)
        if not summary.outcomes:
            return 1
    failed = [o.path for o in summary.outcomes if o.status == "failed"]
    if not _quiet(args):
        print(say("built_summary", built=summary.count("built"), skipped=summary.count("skipped"),
                  failed=len(failed), seconds=summary.seconds, names=f": {', '.join(failed)}" if failed else "",
                  folder=_folder(args.out)), file=sys.stderr)
    return 0 if summary.ok else 1


def _folder(path: Path) -> str:
    return str(path).rstrip("/\\") + "/"


def _deal_line(outcome, out: Path) -> str:
    """-v: what happened to one deal, where its documents are, and how long it took."""
    if outcome.status == "built":
        return say("deal_built", path=outcome.path, folder=_folder(out / outcome.deal_id), seconds=outcome.seconds)
    if outcome.status == "skipped":
        return say("deal_skipped", path=outcome.path, folder=_folder(out / outcome.deal_id))
    return say("deal_failed", path=outcome.path)


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
    seconds: dict[str, float] = {}
    outcomes = []
    for path in paths:
        started = time.perf_counter()
        outcomes.append(check_deal(path, args.debug, args.playbook))
        seconds[path] = time.perf_counter() - started
    outcomes = _with_id_clashes(outcomes)
    for outcome in outcomes:
        _print_outcome(outcome, args)
        if _verbose(args):
            verdict = "deal_valid" if outcome.status != "failed" else "deal_draft" if outcome.draft else "deal_invalid"
            print(say(verdict, path=outcome.path, seconds=seconds[outcome.path]), file=sys.stderr)
    failed = [o for o in outcomes if o.status == "failed"]
    drafts = sum(o.draft for o in failed)
    if not _quiet(args):
        print(say("checked_summary", count=len(outcomes), valid=len(outcomes) - len(failed),
                  invalid=len(failed) - drafts, drafts=say("checked_drafts", drafts=drafts) if drafts else ""),
              file=sys.stderr)
    return 1 if failed else 0


def _with_id_clashes(outcomes: list) -> list:
    """A copied deal that kept its id fails `check` as it would fail `build`: the newer file is named."""
    from dataclasses import replace

    from pipeline.batch import id_clashes

    clashes = id_clashes({o.path: o.deal_id for o in outcomes if o.status != "failed"}, Path("build"))
    return [replace(o, status="failed", errors=(clashes[o.path],)) if o.path in clashes else o for o in outcomes]


def _playbook_ok(path: Path | None) -> bool:
    """A broken playbook is one usage error up front, not the same failure for every deal."""
    from pipeline.analysis.playbook import load_playbook
    from pipeline.errors import TemplateError

    try:
        load_playbook(path)
    except TemplateError as error:
        print(say("error", message=error), file=sys.stderr)
        return False
    except OSError as error:
        print(say("playbook_unreadable", path=path, reason=error.strerror), file=sys.stderr)
        return False
    return True


def _schema(args: argparse.Namespace) -> int:
    from pipeline.load.schema import deal_json_schema

    print(json.dumps(deal_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _new(args: argparse.Namespace) -> int:
    from pipeline.load.skeleton import valid_id, write_new

    target: Path = args.file
    if target.suffix not in DEAL_SUFFIXES:
        print(say("new_suffix", path=target), file=sys.stderr)
        return 2
    if not valid_id(target.stem):
        print(say("new_bad_id", path=target, stem=target.stem), file=sys.stderr)
        return 2
    try:
        write_new(target, args.language)
    except FileExistsError:
        print(say("new_exists", path=target), file=sys.stderr)
        return 2
    except OSError as error:
        print(say("cannot_write", path=target, reason=error.strerror or error), file=sys.stderr)
        return 1
    if not _quiet(args):
        print(say("new_written", path=target), file=sys.stderr)
    return 0


def _pdf(args: argparse.Namespace) -> int:
    import threading
    from types import SimpleNamespace

    from pipeline.publish.pdf import PdfError, convert_build

    deal_ids = None
    if args.deals:
        deal_ids = _built_ids(args.deals, args.out)
        if deal_ids is None:
            return 2 if any(not Path(p).exists() for p in args.deals) else 1
    progress, lock, done = Progress(sys.stderr), threading.Lock(), [0]
    total = [0]

    def on_done(pdf: Path, seconds: float) -> None:
        with lock:
            done[0] += 1
            if _verbose(args):
                progress.close()
                print(say("pdf_done", path=pdf, seconds=seconds), file=sys.stderr)
            progress.update(SimpleNamespace(status="built"), done[0], total[0])

    try:
        from pipeline.publish.pdf import documents_under, up_to_date

        total[0] = sum(1 for d in documents_under(args.out)
                       if (deal_ids is None or d.parent.name in deal_ids) and (args.force or not up_to_date(d)))
        converted, fresh = convert_build(args.out, args.jobs, deal_ids, args.force, on_done)
    except PdfError as error:
        progress.close()
        print(say("error", message=error), file=sys.stderr)
        return 1
    progress.close()
    if not _quiet(args):
        print(say("pdf_summary", converted=converted, fresh=fresh, folder=_folder(args.out)), file=sys.stderr)
    return 0


def _built_ids(paths: list[str], out: Path) -> set[str] | None:
    """The ids of the named deals, each built under `out`; None when one is missing or not built (said)."""
    from pipeline.errors import InputError
    from pipeline.load.deal import load_deal

    ids, ok = set(), True
    for path in paths:
        if not Path(path).exists():
            print(say("no_such_file", path=path), file=sys.stderr)
            ok = False
            continue
        try:
            deal_id = load_deal(path)[0].id
        except InputError as error:
            print("\n".join(error.problems), file=sys.stderr)
            ok = False
            continue
        if not (out / deal_id).is_dir():
            print(say("pdf_not_built", path=path, folder=_folder(out / deal_id)), file=sys.stderr)
            ok = False
        ids.add(deal_id)
    return ids if ok else None
