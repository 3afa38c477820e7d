"""The exception family. Only the CLI turns these into exit codes and messages."""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error the pipeline reports to the user as a clean message."""


class InputError(PipelineError):
    """Raised when a deal file cannot be read or breaks the contract.

    `problems` holds every problem found, each already formatted as
    `path:line:col: field: message`, so all of them are shown at once.
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class Unfinished(InputError):
    """Raised for a draft: a deal file whose only problems are `<…>` placeholders still to fill in.

    `left` holds the field paths still to fill in; `problems` the one line that lists them.
    """

    def __init__(self, problems: list[str], left: list[str]):
        super().__init__(problems)
        self.left = list(left)


class TemplateError(PipelineError):
    """Raised when a template is missing, malformed or needs what the context lacks."""


class RenderError(PipelineError):
    """Raised when a document cannot be rendered or written.

    `field`, when the renderer knows it, is the deal field whose text cannot be placed
    (`chain.customer[3].name`): the build reports the error on that field's line. Else `text`,
    the whole text that could not be placed, lets the build find the deal's longest text in it.
    """

    def __init__(self, message: str, field: str | None = None, text: str | None = None):
        super().__init__(message)
        self.field, self.text = field, text


class OutputError(PipelineError):
    """Raised when the output folder cannot be written, or holds something we did not make."""


class OutputBusy(OutputError):
    """Raised when another build holds the output folder and we were told not to wait."""
