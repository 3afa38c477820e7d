"""Build stamps: what each deal folder was built from, so unchanged deals are skipped.

Each deal folder holds `.stamp.json` (published atomically with the documents):
the input file's hash and the environment hash (code + templates). `.index.json`
in the output folder maps each input path to its deal id, so a rebuild checks a
deal without parsing its YAML.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.fingerprint import file_digest

STAMP = ".stamp.json"
INDEX = ".index.json"


def encode(input_digest: str, environment: str, deal_id: str) -> bytes:
    record = {"deal_id": deal_id, "environment": environment, "input": input_digest}
    return (json.dumps(record, sort_keys=True) + "\n").encode()


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
        return self.index.get(_key(path))

    def is_fresh(self, path: str, environment: str) -> bool:
        """True when the deal's folder was built from this very input and environment."""
        deal_id = self.previous_id(path)
        stamp = _read_json(self.out_dir / deal_id / STAMP) if deal_id else None
        if not stamp or stamp.get("environment") != environment:
            return False
        try:
            return stamp.get("input") == file_digest(Path(path))
        except OSError:
            return False

    def save(self, outcomes) -> None:
        """Record path -> id for the deals built or skipped now, keeping older entries."""
        for outcome in outcomes:
            if outcome.deal_id and outcome.status != "failed":
                self.index[_key(outcome.path)] = outcome.deal_id
        text = json.dumps(self.index, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
        temporary = self.out_dir / f"{INDEX}.tmp"
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.out_dir / INDEX)


def _key(path: str) -> str:
    return os.path.abspath(path)


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
