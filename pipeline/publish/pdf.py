"""PDF beside every built document, converted by LibreOffice in parallel, only where needed.

Parallel `soffice` calls on one user profile fail, and each start costs about a
second: so each worker gets its own profile and converts its whole share of the
documents in one call (linked under unique names into a scratch folder). soffice
prints a `convert` line as it starts each document, so the line of the next one
(or its exit) says the previous PDF is complete: that PDF is moved beside its
document at once and reported. A PDF newer than its document is up to date
(a rebuilt deal's folder is replaced whole, its documents new).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Optional

from pipeline.errors import PipelineError
from pipeline.words.messages import say

DOCUMENT_SUFFIXES = (".pptx", ".docx")
TIMEOUT_SECONDS = 600


class PdfError(PipelineError):
    """Raised when LibreOffice is missing or a conversion fails."""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError(say("pdf_no_libreoffice"))
    return found


def documents_under(out_dir: Path) -> list[Path]:
    """Every deck and brief in the deal folders of a build, in a stable order."""
    return sorted(
        p for p in out_dir.glob("*/*") if p.suffix in DOCUMENT_SUFFIXES and not p.parent.name.startswith(".")
    )


Done = Callable[[Path, float], None]  # (the PDF written, seconds it took)


def convert_build(out_dir: Path, jobs: int = 0, deal_ids: Optional[Iterable[str]] = None, force: bool = False,
                  on_done: Optional[Done] = None) -> tuple[int, int]:
    """Convert the documents under `out_dir` (of `deal_ids` only, when given) whose PDF is missing
    or older; (converted, up to date)."""
    documents = documents_under(out_dir)
    if deal_ids is not None:
        wanted = set(deal_ids)
        documents = [d for d in documents if d.parent.name in wanted]
    if not documents:
        raise PdfError(say("pdf_no_documents", folder=out_dir))
    todo = documents if force else [d for d in documents if not up_to_date(d)]
    if todo:
        convert(todo, jobs, on_done)
    return len(todo), len(documents) - len(todo)


def up_to_date(document: Path) -> bool:
    """Its PDF exists and was written after the document."""
    pdf = document.with_suffix(".pdf")
    try:
        return pdf.stat().st_mtime_ns >= document.stat().st_mtime_ns
    except FileNotFoundError:
        return False


def convert(documents: list[Path], jobs: int = 0, on_done: Optional[Done] = None) -> list[Path]:
    """Write `<document>.pdf` beside each document; the PDFs, in the same order."""
    program = soffice()
    workers = max(1, min(jobs or os.cpu_count() or 1, len(documents)))
    shares = [documents[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda share: _convert_share(program, share, on_done), shares))
    return [d.with_suffix(".pdf") for d in documents]


def _convert_share(program: str, documents: list[Path], on_done: Optional[Done]) -> None:
    with tempfile.TemporaryDirectory(prefix="dealdocs-pdf-") as scratch:
        scratch = Path(scratch)
        linked = {}
        for number, document in enumerate(documents):
            alias = scratch / "in" / f"{number:05d}{document.suffix}"
            alias.parent.mkdir(exist_ok=True)
            os.symlink(document.resolve(), alias)
            linked[alias.stem] = document
        command = [
            program, f"-env:UserInstallation=file://{scratch / 'profile'}", "--headless",
            "--convert-to", "pdf", "--outdir", str(scratch / "out"), *(str(scratch / "in" / f"{stem}{d.suffix}")
                                                                      for stem, d in linked.items()),
        ]
        with open(scratch / "stderr", "w+", encoding="utf-8", errors="replace") as errors:
            _run(command, scratch / "out", linked, errors, on_done)


def _run(command: list[str], out: Path, linked: dict[str, Path], errors, on_done: Optional[Done]) -> None:
    """Run soffice, publishing each PDF as soon as the next document starts (or soffice ends)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, errors="replace")
    timer = threading.Timer(TIMEOUT_SECONDS, process.kill)
    timer.start()
    started, pending, published = time.monotonic(), None, set()
    try:
        for line in process.stdout:
            if not line.startswith("convert "):
                continue
            if pending:
                started = _publish(out, pending, linked[pending], started, on_done, published)
            pending = Path(line.split(" -> ")[0].removeprefix("convert ").strip()).stem
        code = process.wait()
    finally:
        timer.cancel()
    for stem in linked:  # the last one, and any soffice did not announce
        if stem not in published and code == 0:
            started = _publish(out, stem, linked[stem], started, on_done, published)
    missing = [document for stem, document in linked.items() if stem not in published]
    if missing:
        errors.seek(0)
        raise PdfError(say("pdf_not_converted", path=missing[0], reason=errors.read().strip() or say("pdf_no_output")))


def _publish(out: Path, stem: str, document: Path, started: float, on_done: Optional[Done],
             published: set[str]) -> float:
    """Move a finished PDF beside its document (atomically); the time it was done."""
    produced = out / f"{stem}.pdf"
    if not produced.is_file():
        return started
    published.add(stem)
    target = document.with_suffix(".pdf")
    shutil.move(produced, target.with_suffix(".pdf.tmp"))
    os.replace(target.with_suffix(".pdf.tmp"), target)
    now = time.monotonic()
    if on_done:
        on_done(target, now - started)
    return now
