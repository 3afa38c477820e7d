"""YAML -> Deal. (Minimal first version; precise positioned errors to come.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.errors import InputError
from pipeline.model import Deal


@dataclass(frozen=True)
class Source:
    """Where a deal came from: its file and the 1-based (line, column) of each field path."""

    path: Path
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def line_of(self, field_path: str) -> int | None:
        """The line of a field, or of its nearest ancestor that has one."""
        while field_path:
            if field_path in self.positions:
                return self.positions[field_path][0]
            field_path = field_path.rsplit(".", 1)[0] if "." in field_path else ""
        return None


def load_deal(path: Path | str) -> tuple[Deal, Source]:
    """Read and validate one deal file; raise InputError listing every problem."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    deal = Deal.model_validate(data)
    if deal.id is None:
        deal = deal.model_copy(update={"id": path.stem})
    return deal, Source(path)
