"""Golden text: the text of every example deal's documents, diffable in review.

`python tools/golden.py --write` (or `make golden`) rebuilds the example deals and
refreshes tests/golden/; tests/test_golden.py compares a fresh build with it.
Text, not binaries: a change in wording or numbers shows as a readable diff.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from pptx import Presentation  # noqa: E402

from pipeline.batch import build_all  # noqa: E402

from pipeline.build import Options

GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))


def deck_text(path: Path) -> str:
    """Slide by slide: the shapes' text, table cells, chart series, then the notes."""
    lines = []
    for number, slide in enumerate(Presentation(str(path)).slides, 1):
        lines.append(f"=== slide {number}: {slide.slide_layout.name}")
        for shape in slide.shapes:
            lines.extend(_shape_text(shape))
        if slide.has_notes_slide:
            lines.append("--- notes")
            lines.extend(slide.notes_slide.notes_text_frame.text.splitlines())
    return "\n".join(lines) + "\n"


def _shape_text(shape) -> list[str]:
    if shape.shape_type == 6:  # a group
        return [line for inner in shape.shapes for line in _shape_text(inner)]
    if getattr(shape, "has_chart", False) and shape.has_chart:
        chart = shape.chart
        out = [f"[chart {chart.chart_type}]"]
        for plot in chart.plots:
            categories = list(plot.categories) if plot.categories else []
            out.append(f"  categories: {categories}")
            for series in plot.series:
                out.append(f"  {series.name}: {list(series.values)}")
        return out
    if getattr(shape, "has_table", False) and shape.has_table:
        return [" | ".join(_unbroken(cell.text) for cell in row.cells) for row in shape.table.rows]
    if shape.has_text_frame and shape.text_frame.text.strip():
        return _unbroken(shape.text_frame.text).splitlines()
    return []


def _unbroken(text: str) -> str:
    """Text without the line breaks (\v) the engine puts in to keep an orphan with its word: layout, not words."""
    return text.replace("\v", "")


def brief_text(path: Path) -> str:
    """Header, then the body's paragraphs and tables in document order."""
    document = Document(str(path))
    lines = [f"[header] {p.text}" for p in document.sections[0].header.paragraphs if p.text.strip()]
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter("{*}t"))
            if text.strip():
                lines.append(text)
        elif tag == "tbl":
            for row in child.iter("{*}tr"):
                cells = ["".join(t.text or "" for t in cell.iter("{*}t")) for cell in row.iter("{*}tc")]
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def document_texts(out: Path) -> dict[str, str]:
    """`<deal>/<document>.txt` -> text, for every deck and brief under `out`."""
    texts = {}
    for path in sorted(out.glob("*/*")):
        if path.suffix == ".pptx":
            texts[f"{path.parent.name}/{path.stem}.txt"] = deck_text(path)
        elif path.suffix == ".docx":
            texts[f"{path.parent.name}/{path.stem}.txt"] = brief_text(path)
    return texts


def build_examples(out: Path) -> dict[str, str]:
    summary = build_all([str(p) for p in EXAMPLES], Options(out_dir=out), jobs=1)
    if not summary.ok:
        raise SystemExit("\n".join(line for o in summary.outcomes for line in o.errors))
    return document_texts(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="refresh tests/golden/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        texts = build_examples(Path(scratch))
    if args.write:
        for name, text in texts.items():
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        print(f"wrote {len(texts)} golden files under {GOLDEN.relative_to(ROOT)}/")
    else:
        for name, text in texts.items():
            print(f"##### {name}\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
