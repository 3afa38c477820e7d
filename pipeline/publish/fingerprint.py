"""Content hashes that decide whether a deal must be rebuilt.

A deal is rebuilt only when its input, the templates or the code changed. The
code and template hashes are computed once per batch; a deal's own is one
small file read, so a no-op rebuild of a thousand deals stays well under a second.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline import __version__

PACKAGE = Path(__file__).resolve().parents[1]  # the whole pipeline package: any code change rebuilds


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digest(root: Path, pattern: str = "*") -> str:
    """One hash over every file under `root`, by relative path and content."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def environment_digest(templates: Path, extra: tuple[Path | None, ...] = ()) -> str:
    """The code version, the shipped templates and any user templates, as one hash."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(tree_digest(PACKAGE, "*.py").encode())
    digest.update(tree_digest(templates).encode())
    for path in extra:
        digest.update(file_digest(path).encode() if path else b"-")
    return digest.hexdigest()
