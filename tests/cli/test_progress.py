"""The progress bar draws on a terminal only, and clears itself."""

import io

from pipeline.build import Outcome
from pipeline.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_counts_failures_and_time_left():
    screen = Terminal()
    progress = Progress(screen)
    progress.update(Outcome("a.yaml", "built"), 1, 4)
    progress.update(Outcome("b.yaml", "failed"), 2, 4)
    drawn = screen.getvalue()
    assert "] 1/4  failed 0" in drawn
    assert "[" + "#" * 14 + " " * 14 + "] 2/4  failed 1  ~" in drawn
    assert drawn.rstrip().endswith("s left")
    progress.close()
    assert screen.getvalue().endswith("\r")


def test_a_pipe_sees_nothing():
    pipe = io.StringIO()
    progress = Progress(pipe)
    progress.update(Outcome("a.yaml", "built"), 1, 10)
    progress.close()
    assert pipe.getvalue() == ""
