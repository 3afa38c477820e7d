"""Atomic output: a deal's documents appear together or not at all.

Each deal is written complete into a staging folder under `<out>/.staging/`,
every file fsync'd, then swapped with `<out>/<id>/` in one step
(renameat2 RENAME_EXCHANGE on Linux, two renames elsewhere). A build killed at
any moment leaves the old folder or the new one, never a mix, and never a
half-written file under a document's name; stale staging is swept next time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

STAGING = ".staging"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def publish(out_dir: Path, deal_id: str, files: dict[str, bytes]) -> Path:
    """Write `files` as the folder `<out_dir>/<deal_id>/`, replacing the old one atomically."""
    final = out_dir / deal_id
    staging_root = out_dir / STAGING
    staging_root.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f"{deal_id}.", dir=staging_root))
    for name, payload in sorted(files.items()):
        _write_synced(staged / name, payload)
    staged.chmod(0o755)
    _fsync_dir(staged)
    if final.is_dir() and _exchange(staged, final):
        shutil.rmtree(staged)  # it now holds the previous documents
    else:
        _replace_dir(staged, final)
    _fsync_dir(out_dir)
    return final


def sweep_staging(out_dir: Path) -> None:
    """Remove what a killed build left in staging; nothing there is ever a finished document."""
    shutil.rmtree(out_dir / STAGING, ignore_errors=True)


def _write_synced(path: Path, payload: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    path.chmod(0o644)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _replace_dir(staged: Path, final: Path) -> None:
    """Fallback: move the old folder aside, move the new one in, drop the old."""
    if final.exists():
        retired = Path(tempfile.mkdtemp(prefix=f"{final.name}.old.", dir=staged.parent))
        os.rename(final, retired / final.name)
        os.rename(staged, final)
        shutil.rmtree(retired)
    else:
        os.rename(staged, final)


_LIBC = None


def _libc():
    global _LIBC
    if _LIBC is None:
        _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    return _LIBC
