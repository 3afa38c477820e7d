"""PDF beside every built document, converted by LibreOffice in parallel.

Parallel `soffice` calls on one user profile fail, and each start costs about a
second: so each worker gets its own profile and converts its whole share of the
documents in one call (linked under unique names into a scratch folder), and
the PDFs are then moved beside their documents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.errors import PipelineError

DOCUMENT_SUFFIXES = (".pptx", ".docx")
TIMEOUT_SECONDS = 600


class PdfError(PipelineError):
    """Raised when LibreOffice is missing or a conversion fails."""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError(
            "LibreOffice is not installed; install it with: "
            "apt-get install -y libreoffice-writer-nogui libreoffice-impress-nogui fonts-noto-cjk"
        )
    return found


def documents_under(out_dir: Path) -> list[Path]:
    """Every deck and brief in the deal folders of a build, in a stable order."""
    return sorted(
        p for p in out_dir.glob("*/*") if p.suffix in DOCUMENT_SUFFIXES and not p.parent.name.startswith(".")
    )


def convert_build(out_dir: Path, jobs: int = 0) -> int:
    """Convert every document under `out_dir`; the number converted."""
    documents = documents_under(out_dir)
    if not documents:
        raise PdfError(f"no documents under {out_dir}/; run `make proposals` first")
    convert(documents, jobs)
    return len(documents)


def convert(documents: list[Path], jobs: int = 0) -> list[Path]:
    """Write `<document>.pdf` beside each document; the PDFs, in the same order."""
    program = soffice()
    workers = max(1, min(jobs or os.cpu_count() or 1, len(documents)))
    shares = [documents[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda share: _convert_share(program, share), shares))
    return [d.with_suffix(".pdf") for d in documents]


def _convert_share(program: str, documents: list[Path]) -> None:
    with tempfile.TemporaryDirectory(prefix="dealdocs-pdf-") as scratch:
        scratch = Path(scratch)
        linked = {}
        for number, document in enumerate(documents):
            alias = scratch / "in" / f"{number:05d}{document.suffix}"
            alias.parent.mkdir(exist_ok=True)
            os.symlink(document.resolve(), alias)
            linked[alias] = document
        command = [
            program, f"-env:UserInstallation=file://{scratch / 'profile'}", "--headless",
            "--convert-to", "pdf", "--outdir", str(scratch / "out"), *map(str, linked),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        for alias, document in linked.items():
            produced = scratch / "out" / f"{alias.stem}.pdf"
            if result.returncode != 0 or not produced.is_file():
                raise PdfError(f"LibreOffice could not convert {document}: {result.stderr.strip() or 'no output'}")
            shutil.move(produced, document.with_suffix(".pdf.tmp"))
            os.replace(document.with_suffix(".pdf.tmp"), document.with_suffix(".pdf"))
