"""Build stamps: what each deal folder was built from, so unchanged deals are skipped.

Each deal folder holds `.stamp.json` (published atomically with the documents):
the input file's hash and path, the environment hash (code + templates), and each
document's size, modification time and hash as written. A deal is up to date only
when its input and environment are unchanged and every document it recorded is
still there with those bytes (size and time first; the hash when they differ).
The stamp is also our mark: a folder without one was not made by us and is never
replaced. `.index.json` in the output folder maps each input path to its deal id,
so a rebuild checks a deal without parsing its YAML.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pipeline.publish.fingerprint import file_digest

STAMP = ".stamp.json"
INDEX = ".index.json"


class Written(NamedTuple):
    """One published document as it was written."""

    size: int
    mtime_ns: int
    sha256: str


def digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def encode(input_digest: str, environment: str, deal_id: str, source: str = "",
           documents: dict[str, Written] | None = None) -> bytes:
    record = {"deal_id": deal_id, "environment": environment, "input": input_digest, "source": _key(source) if source else "",
              "documents": {name: list(w) for name, w in sorted((documents or {}).items())}}
    return (json.dumps(record, sort_keys=True) + "\n").encode()


def read(folder: Path) -> dict | None:
    """The stamp of a deal folder, read without following a symbolic link; None when absent or broken."""
    try:
        fd = os.open(folder / STAMP, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with open(fd, "rb") as handle:
            record = json.loads(handle.read(1 << 20))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def made_by_us(folder: Path) -> bool:
    """A real folder whose stamp names it: ours to replace."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    record = read(folder)
    return bool(record) and record.get("deal_id") == folder.name


def documents_intact(folder: Path, record: dict) -> bool:
    """Every document the stamp lists is there with the bytes we wrote."""
    documents = record.get("documents")
    if not isinstance(documents, dict) or not documents:
        return False
    for name, written in documents.items():
        try:
            size, mtime_ns, sha256 = written
            info = os.lstat(folder / name)
        except (OSError, TypeError, ValueError):
            return False
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return False
        if info.st_mtime_ns != mtime_ns and _file_hash(folder / name) != sha256:
            return False
    return True


def _file_hash(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


@dataclass
class Ledger:
    """The output folder's record of past builds, read once per batch."""

    out_dir: Path
    index: dict[str, str]

    @classmethod
    def read(cls, out_dir: Path) -> "Ledger":
        return cls(out_dir, _read_json(out_dir / INDEX) or {})

    def previous_id(self, path: str) -> str | None:
        """The id the deal file had at its last successful build, if any."""
        deal_id = self.index.get(_key(path))
        return deal_id if isinstance(deal_id, str) and deal_id and "/" not in deal_id and deal_id[0] != "." else None

    def is_fresh(self, path: str, environment: str) -> bool:
        """True when the deal's folder was built from this very file, input and environment,
        and every document it published is still there as written."""
        deal_id = self.previous_id(path)
        if not deal_id:
            return False
        folder = self.out_dir / deal_id
        stamp = read(folder)
        if not stamp or stamp.get("environment") != environment or stamp.get("source") != _key(path):
            return False
        try:
            if not stat.S_ISREG(os.stat(path).st_mode) or stamp.get("input") != file_digest(Path(path)):
                return False
        except OSError:
            return False
        return documents_intact(folder, stamp)

    def save(self, outcomes) -> None:
        """Record path -> id for the deals built or skipped now, keeping older entries."""
        for outcome in outcomes:
            if outcome.deal_id and outcome.status != "failed":
                self.index[_key(outcome.path)] = outcome.deal_id
        text = json.dumps(self.index, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
        fd, temporary = tempfile.mkstemp(prefix=f"{INDEX}.", suffix=".tmp", dir=self.out_dir)  # never a planted link
        try:
            with open(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temporary, self.out_dir / INDEX)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def source_key(path: str) -> str:
    """A deal file's identity: its absolute path with links resolved, so two spellings are one file."""
    return _key(path)


def _key(path: str) -> str:
    return os.path.realpath(path)


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
