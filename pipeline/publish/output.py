"""Atomic output: a deal's documents appear together or not at all, and only where we may write.

One build at a time writes into an output folder: it holds an `fcntl` lock on
`<out>/.lock` for its whole run (a second build waits, or fails at once with
--no-wait). Its staging folder is its own, `<out>/.staging/<pid>-<random>/`,
marked live by a lock on the `.owner` file inside; the sweep removes only the
staging no live build holds. Each deal is written complete into staging, every
file fsync'd, then swapped with `<out>/<id>/` in one step (renameat2
RENAME_EXCHANGE on Linux, two renames elsewhere). A build killed at any moment
leaves the old folder or the new one, never a mix.

Nothing we did not make is replaced: a deal folder is swapped only when it
carries our stamp, and no write follows a symbolic link inside the output folder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

from pipeline.errors import OutputBusy, OutputError
from pipeline.publish import stamps
from pipeline.words.messages import say

STAGING = ".staging"
LOCK = ".lock"
OWNER = ".owner"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

# Called with the size and mtime of each document as staged; returns the stamp's bytes.
Stamper = Callable[[dict[str, stamps.Written]], bytes]


@contextmanager
def session(out_dir: Path, wait: bool = True, on_wait: Optional[Callable[[str], None]] = None) -> Iterator[Path]:
    """Hold the output folder for one build; yields this build's own staging folder.

    Sweeps dead builds' staging first and removes its own at the end.
    """
    _make_folder(out_dir)
    lock = _take_lock(out_dir, wait, on_wait)
    try:
        sweep_staging(out_dir)
        staging, owner = _own_staging(out_dir)
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            os.close(owner)
            _remove_if_empty(out_dir / STAGING)
    finally:
        os.close(lock)  # releases the lock


def publish(out_dir: Path, deal_id: str, files: dict[str, bytes], stamp: Optional[Stamper] = None,
            staging: Optional[Path] = None) -> Path:
    """Write `files` as the folder `<out_dir>/<deal_id>/`, replacing the old one atomically.

    OutputError, with nothing touched, when `<out_dir>/<deal_id>` is something we did not make.
    """
    final = out_dir / deal_id
    refuse_unless_ours(final)
    root = staging or _staging_root(out_dir)
    staged = Path(tempfile.mkdtemp(prefix=f"{deal_id}.", dir=root))
    try:
        written = {name: _write_synced(staged / name, payload) for name, payload in sorted(files.items())}
        if stamp is not None:
            _write_synced(staged / stamps.STAMP, stamp(written))
        staged.chmod(0o755)
        _fsync_dir(staged)
        if final.is_dir() and not final.is_symlink() and _exchange(staged, final):
            shutil.rmtree(staged)  # it now holds the previous documents
        else:
            _replace_dir(staged, final, root)
        _fsync_dir(out_dir)
    except OSError as error:
        shutil.rmtree(staged, ignore_errors=True)
        raise OutputError(describe(error, final)) from None
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return final


def refuse_unless_ours(final: Path) -> None:
    """OutputError unless `final` is absent or a real folder holding our stamp for its name."""
    try:
        info = os.lstat(final)
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(describe(error, final)) from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(say("out_foreign_link", path=final))
    if not stat.S_ISDIR(info.st_mode):
        raise OutputError(say("out_foreign_file", path=final))
    if not stamps.made_by_us(final):
        raise OutputError(say("out_foreign_folder", path=final))


def sweep_staging(out_dir: Path) -> None:
    """Remove the staging of builds that are no longer running; a live build's stays."""
    root = out_dir / STAGING
    try:
        entries = list(os.scandir(root)) if not os.path.islink(root) else []
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and not _is_live(Path(entry.path)):
            shutil.rmtree(entry.path, ignore_errors=True)
    _remove_if_empty(root)


def describe(error: OSError, path: Path) -> str:
    """One line: the path and the system's reason, with a hint for the usual causes."""
    where = Path(error.filename) if error.filename else path
    hints = {errno.ENOSPC: "out_hint_space", errno.EDQUOT: "out_hint_space", errno.EACCES: "out_hint_permission",
             errno.EPERM: "out_hint_permission", errno.EROFS: "out_hint_read_only",
             errno.ENOTDIR: "out_hint_not_folder", errno.ELOOP: "out_hint_link"}
    hint = say(hints[error.errno]) if error.errno in hints else ""
    return say("out_cannot_write", path=where, reason=error.strerror or error, hint=hint)


def _make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(say("out_is_file", path=out_dir)) from None
    except OSError as error:
        raise OutputError(describe(error, out_dir)) from None
    if not out_dir.is_dir():
        raise OutputError(say("out_not_folder", path=out_dir))


def _take_lock(out_dir: Path, wait: bool, on_wait) -> int:
    path = out_dir / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise OutputError(describe(error, path)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(fd)
        if not wait:
            os.close(fd)
            raise OutputBusy(say("out_busy", holder=holder, folder=out_dir)) from None
        if on_wait:
            on_wait(say("out_waiting", holder=holder, folder=out_dir))
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as error:
        os.close(fd)
        raise OutputError(describe(error, path)) from None
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError:
        pass  # the pid is only for the waiting message
    return fd


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return say("out_holder", pid=text) if text.isdigit() else ""


def _staging_root(out_dir: Path) -> Path:
    """`<out>/.staging`, created if needed; OutputError when something else stands there."""
    root = out_dir / STAGING
    try:
        root.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass
    except OSError as error:
        raise OutputError(describe(error, root)) from None
    if os.path.islink(root) or not root.is_dir():
        raise OutputError(say("out_foreign_staging", path=root))
    return root


def _own_staging(out_dir: Path) -> tuple[Path, int]:
    """This build's staging folder and the descriptor whose lock on `.owner` marks it live."""
    root = _staging_root(out_dir)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
        fd = os.open(folder / OWNER, _NEW_FILE, 0o644)
    except OSError as error:
        raise OutputError(describe(error, root)) from None
    fcntl.flock(fd, fcntl.LOCK_EX)
    return folder, fd


def _is_live(folder: Path) -> bool:
    """True when a running build holds the folder's `.owner` lock."""
    try:
        fd = os.open(folder / OWNER, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _write_synced(path: Path, payload: bytes) -> stamps.Written:
    fd = os.open(path, _NEW_FILE, 0o644)
    with open(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
        info = os.fstat(handle.fileno())
    return stamps.Written(info.st_size, info.st_mtime_ns, stamps.digest(payload))


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


def _replace_dir(staged: Path, final: Path, root: Path) -> None:
    """Fallback: move the old folder aside, move the new one in, drop the old."""
    if os.path.lexists(final):
        retired = Path(tempfile.mkdtemp(prefix=f"{final.name}.old.", dir=root))
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
