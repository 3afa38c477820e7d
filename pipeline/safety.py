"""User-supplied templates and playbooks are untrusted: Office files are checked before any library
opens them, and template code runs sandboxed with limits on time, memory and the size of what it makes."""

from __future__ import annotations

import ctypes
import functools
import os
import re
import signal
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from pipeline.errors import TemplateError
from pipeline.words.messages import say

try:
    import resource
except ImportError:  # not on Windows
    resource = None

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_RATIO = 200  # an XML part compresses well, but not a thousandfold


def check_user_template(path: Path) -> Path:
    """Return `path` when it is a plausible Office file; raise TemplateError saying why not."""
    if not path.is_file():
        raise TemplateError(say("template_not_found", path=path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TemplateError(say("template_too_big", path=path, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20))
    if not zipfile.is_zipfile(path):
        raise TemplateError(say("template_not_zip", path=path))
    with zipfile.ZipFile(path) as package:
        members = package.infolist()
        _check_members(path, members)
    return path


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise TemplateError(say("template_too_many_parts", path=path, count=len(members), limit=MAX_MEMBERS))
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise TemplateError(say("template_unpacks_too_big", path=path, size=unpacked // 2**20,
                                limit=MAX_UNPACKED_BYTES // 2**20))
    for member in members:
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO and member.file_size > 2**20:
            raise TemplateError(say("template_zip_bomb", path=path, part=member.filename))
    if "[Content_Types].xml" not in {m.filename for m in members}:
        raise TemplateError(say("template_not_office", path=path))


# Every workbook embedded in a chart: a text cell stays text, whatever it starts with. A deal's
# names reach these cells, and `=HYPERLINK(...)` or `=cmd|...` must never become a live formula or
# link (the OWASP CSV-injection rule; in a workbook, a string cell is text).
WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


# --- user code: templates and playbooks ---------------------------------------------------
# The sandbox stops escapes; these stop a template from taking all time or memory: arithmetic
# and repetition that would build huge values are refused before they run, ranges are capped,
# includes are refused, and each deal runs under a time limit and a memory limit (`deal_limits`),
# so one hostile template costs at most its limit and the other deals still build.

MAX_RANGE = 100_000  # items in one range()
MAX_POWER_BITS = 4096  # about 1,200 digits: more than any figure in a deal
MAX_REPEAT = 1_000_000  # characters or items made by one `*`
TIME_LIMIT_SECONDS = 60.0  # per deal; a deal takes well under a second
MEMORY_LIMIT_BYTES = 1 << 30  # per deal (per pool worker), on top of what the process holds when it starts


class LimitedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, refusing values too large to make (`9**9**9`, `'x' * 3000000000`,
    `range(10**9)`) and any include, import or extend, each as a SecurityError (a TemplateError)."""

    intercepted_binops = frozenset({"**", "*"})

    def __init__(self, **options):
        options.setdefault("loader", NoIncludes())
        options["optimized"] = False  # the optimizer runs constant filters (`'x' | center(10**9)`) while compiling
        super().__init__(**options)
        self.globals["range"] = limited_range
        for name in ("center", "indent", "format"):
            self.filters[name] = _sized(self.filters[name])

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        target = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        if isinstance(getattr(target, "__self__", None), str):
            _check_sizes(target.__self__, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            _check_repeat(left, right)
        return super().call_binop(context, operator, left, right)


class CompilingOnce(LimitedSandbox):
    """The sandbox compiling each distinct template source once per process: compiling is most of
    what rendering a short text costs (a playbook rule's, or a Word template's XML, which docxtpl
    compiles on every render), and a source's compiled template never changes. At most
    `max_sources` are kept; then the store starts again (a user's sources are few)."""

    def __init__(self, max_sources: int = 64, **options):
        super().__init__(**options)
        self.max_sources = max_sources
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)  # one lookup: another thread may empty the store meanwhile
        if template is None:
            if len(self._compiled) >= self.max_sources:
                self._compiled.clear()
            template = self._compiled[source] = super().from_string(source)
        return template


class NoIncludes(jinja2.BaseLoader):
    def get_source(self, environment, template):
        raise jinja2.TemplateNotFound(template, say("sandbox_no_includes", name=template))


_WIDE = re.compile(r"\d{7,}")  # a width or precision of a million or more in a format


def _check_sizes(text, args, kwargs) -> None:
    """Refuse a text method asked for a huge width (`'x'.center(10**9)`, `'{:>999999999}'.format(x)`)."""
    numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]
    if any(n > MAX_REPEAT for n in numbers) or _WIDE.search(text):
        raise SecurityError(say("sandbox_text_too_large", limit=MAX_REPEAT))


def _sized(original):
    """A filter that refuses a huge width before making the text (it also stops Jinja running it while compiling)."""

    def checked(value, *args, **kwargs):
        _check_sizes(value if isinstance(value, str) else "", args, kwargs)
        return original(value, *args, **kwargs)

    return functools.update_wrapper(checked, original)


def limited_range(*args) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(say("sandbox_range_too_large", count=len(numbers), limit=MAX_RANGE))
    return numbers


def _check_power(base, exponent) -> None:
    if isinstance(base, bool) or not isinstance(base, (int, float)) or not isinstance(exponent, (int, float)):
        return
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if exponent * abs(base).bit_length() > MAX_POWER_BITS:
            raise SecurityError(say("sandbox_power_too_large", base=base, exponent=exponent))


def _check_repeat(left, right) -> None:
    sequence, count = (left, right) if isinstance(right, int) else (right, left)
    if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and not isinstance(count, bool):
        if count * max(len(sequence), 1) > MAX_REPEAT:
            raise SecurityError(say("sandbox_repeat_too_large", count=len(sequence), times=count))
    elif isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_POWER_BITS:
            raise SecurityError(say("sandbox_product_too_large"))


class TimeLimitExceeded(BaseException):
    """A deal took longer than its time limit; raised inside it by a timer, wherever it is.

    Not an Exception (as KeyboardInterrupt is not): it can arrive inside any `except Exception`
    of the code it stops (a library's, or ours that says "not a Word document"), and none of them
    may catch it and carry on or call it something else. The build catches it by name."""


REFIRES, REFIRE_SECONDS = 40, 0.25  # a thread's stop is raised again for up to 10 s


@contextmanager
def deal_limits(seconds: float | None, message: str) -> Iterator[None]:
    """One deal's user code under both limits: `seconds` of real time (`time_limit`) and, in a
    process's main thread, a gigabyte of memory more than it holds now (`memory_limit`)."""
    with memory_limit(), time_limit(seconds, message):
        yield


@contextmanager
def time_limit(seconds: float | None, message: str) -> Iterator[None]:
    """Stop the block with TimeLimitExceeded(message) after `seconds` (real time).

    In a process's main thread a timer signal (SIGALRM) raises it. Signals reach no other thread,
    so in a thread (`--executor thread`, a Dask worker) a timer thread raises it in the block's
    thread asynchronously (CPython's PyThreadState_SetAsyncExc): like the signal, it arrives
    between two bytecodes, so it stops any loop of a template or playbook, but not one long
    C call (the sandbox refuses the huge values that would make one). Without either, the
    block runs unlimited."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _signal_deadline(seconds, message):
            yield
    else:
        with _thread_deadline(seconds, message):
            yield


@contextmanager
def _signal_deadline(seconds: float, message: str) -> Iterator[None]:
    def expire(signum, frame):
        raise TimeLimitExceeded(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_deadline(seconds: float, message: str) -> Iterator[None]:
    """The deadline of a block that runs in a thread other than the main one.

    Once the time is up, the timer raises the stop in the block's thread, and again every
    quarter second (at most REFIRES times) while the block still runs, so a stop swallowed by a
    library's broad `except` cannot leave a loop running. It fires only while the block runs
    (`armed`, under a lock); leaving the block disarms it, even when a stop arrives during the
    disarming, and drops one fired but not yet raised, so it never reaches what the thread runs
    next (the pool's next deal)."""
    raise_in = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if raise_in is None:  # not CPython: the sandbox's size limits still hold
        yield
        return
    target = ctypes.c_ulong(threading.get_ident())
    expired = type("TimeLimitExceeded", (TimeLimitExceeded,),
                   {"__init__": lambda self, *_: TimeLimitExceeded.__init__(self, message)})
    lock, armed, left = threading.Lock(), [True], threading.Event()

    def expire() -> None:
        for _ in range(REFIRES):
            with lock:
                if not armed[0]:
                    return
                raise_in(target, ctypes.py_object(expired))
            if left.wait(REFIRE_SECONDS):
                return

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        while True:  # a stop raised here, before the lock is taken, must not skip the disarming
            try:
                with lock:
                    armed[0] = False
                break
            except TimeLimitExceeded:
                continue
        left.set()
        timer.cancel()
        raise_in(target, None)  # NULL: clears a pending one


@contextmanager
def memory_limit(extra: int = MEMORY_LIMIT_BYTES) -> Iterator[None]:
    """Cap the process's address space at what it maps now plus `extra` while the block runs,
    then restore the cap it had: a deal built in the caller's own process (`-j 1`, one deal,
    `check`) cannot take the machine's memory, and the caller is not capped after it.

    Only in the main thread: the cap is the whole process's, and threads building other deals
    at the same time would share it (the thread executor caps its whole pool instead). A soft
    limit may always be raised back up to the hard one, so restoring cannot fail."""
    previous = _lower_memory_cap(extra) if threading.current_thread() is threading.main_thread() else None
    try:
        yield
    finally:
        if previous is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous)


def limit_memory(extra: int = MEMORY_LIMIT_BYTES) -> None:
    """Cap this process's address space at what it maps now plus `extra`, for good: a template
    that would take all memory gets a MemoryError instead. For pool workers only (never the
    caller's process: `memory_limit` caps it for a block)."""
    _lower_memory_cap(extra)


def _lower_memory_cap(extra: int) -> tuple[int, int] | None:
    """Lower RLIMIT_AS's soft limit to the mapped size plus `extra`; the limits it replaced, or None
    when it did not change them (already lower, or no rlimits or /proc here: the sandbox's checks
    still hold)."""
    if resource is None:
        return None
    try:
        with open("/proc/self/statm") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = mapped + extra
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        if soft == resource.RLIM_INFINITY or wanted < soft:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
            return soft, hard
    except (OSError, ValueError):
        pass
    return None


def user_code_problem(error: BaseException) -> str:
    """What a template's RecursionError or MemoryError means, in words."""
    if isinstance(error, RecursionError):
        return say("sandbox_recursion")
    return say("sandbox_memory")
