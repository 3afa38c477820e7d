"""argparse in the messages' language: the help's own words (usage, section headings) and the usual usage
errors, so `dealdocs --lang zh build --help` and a mistyped option answer in Chinese."""

from __future__ import annotations

import argparse
import re
import sys

from pipeline.words.messages import say


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help in the messages' language: its own words (usage, the section headings) too."""

    HEADINGS = {"positional arguments": "cli_heading_positionals", "options": "cli_heading_options",
                "optional arguments": "cli_heading_options"}

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, say("cli_usage") if prefix is None else prefix)

    def start_section(self, heading):
        super().start_section(say(self.HEADINGS[heading]) if heading in self.HEADINGS else heading)


ARGPARSE_SAYS = (  # argparse's own errors (Python 3.9-3.13), worded in the messages' language; others stay as said
    (re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S), "cli_argument"),
    (re.compile(r"the following arguments are required: (?P<names>.*)", re.S), "cli_required"),
    (re.compile(r"unrecognized arguments: (?P<names>.*)", re.S), "cli_unrecognized"),
    (re.compile(r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)", re.S), "cli_invalid_choice"),
    (re.compile(r"expected one argument"), "cli_one_value"),
)


def argparse_says(message: str) -> str:
    """An error of argparse's in the messages' language, when it is one of the usual ones."""
    for pattern, key in ARGPARSE_SAYS:
        found = pattern.fullmatch(message)
        if found:
            values = found.groupdict()
            if "message" in values:
                values["message"] = argparse_says(values["message"])
            return say(key, **values)
    return message


class Parser(argparse.ArgumentParser):
    """argparse's parser, saying its usage errors in the messages' language (exit 2, as argparse does)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, say("cli_usage_error", prog=self.prog, message=argparse_says(message)) + "\n")
