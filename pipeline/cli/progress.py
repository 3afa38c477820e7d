"""A progress bar for long batches: on a terminal only, quiet in CI and pipes."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """Draws `[#####     ] 12/200 built 11 failed 1  ~8 s left` in place on a TTY."""

    WIDTH = 28

    def __init__(self, stream: TextIO, minimum: int = 2):
        self.stream = stream
        self.enabled = stream.isatty()
        self.minimum = minimum
        self.started = time.monotonic()
        self.failed = 0
        self.drawn = False

    def update(self, outcome, done: int, total: int) -> None:
        self.failed += outcome.status == "failed"
        if not self.enabled or total < self.minimum:
            return
        filled = self.WIDTH * done // total
        elapsed = time.monotonic() - self.started
        left = elapsed / done * (total - done)
        bar = "#" * filled + " " * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total}  failed {self.failed}  ~{left:.0f} s left ")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (self.WIDTH + 50) + "\r")
            self.stream.flush()
