"""A deal's id read by the YAML parser before the build, so a batch can refuse clashing ids.

Only the top-level mapping is parsed, and parsing stops at its `id:` key, so this
costs a fraction of loading the deal. Spellings such as `id : x` or `"id": x` are
the same key to the parser. Anything unusual gives None; the loader reports it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from pipeline.load.model import ID_PATTERN
from pipeline.load.read import MAX_BYTES

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def declared_id(path: str | os.PathLike) -> str | None:
    """The id the deal will get: its top-level `id:`, else the file's stem; None when unreadable."""
    text = _read_small_file(Path(path))
    if text is None:
        return None
    try:
        found = _top_level_id(text)
    except yaml.YAMLError:
        return None
    if found is _ABSENT:
        found = Path(path).stem
    return found if isinstance(found, str) and re.fullmatch(ID_PATTERN, found) and len(found) <= 64 else None


_ABSENT = object()


def _top_level_id(text: str):
    events = yaml.parse(text, Loader=_LOADER)
    depth, expecting_key, key = 0, False, None
    for event in events:
        if depth == 1 and expecting_key:
            key = event.value if isinstance(event, yaml.ScalarEvent) else None
            expecting_key = False
            if isinstance(event, _OPEN):
                depth += 1
            elif isinstance(event, _CLOSE):
                return _ABSENT
            continue
        if depth == 1 and key == "id":
            return event.value if isinstance(event, yaml.ScalarEvent) and event.value else None
        if isinstance(event, _OPEN):
            depth += 1
            if depth == 1 and not isinstance(event, yaml.MappingStartEvent):
                return None
        elif isinstance(event, _CLOSE):
            depth -= 1
        if depth == 1:
            expecting_key = True
            key = None
    return _ABSENT


def _read_small_file(path: Path) -> str | None:
    """The text of a regular file under the loader's size cap; None otherwise (never opens a FIFO)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        return path.read_bytes()[: MAX_BYTES + 1].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
