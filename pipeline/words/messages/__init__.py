"""The user-facing messages of the command line and the loader, in en and zh.

One catalogue per language (`en.py`, `zh.py`), keys shared, filled like the
documents' sentences in `pipeline.words.wording`: `say("no_such_file", path=...)`.
The language is `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG: zh_* is
zh), else en. The CLI passes its choice to worker processes in DEALDOCS_LANG. Must not
speak of a deal's standing: the documents' sentences are the analysis' and the renderers'.

The analysis' warnings (findings) are kept as a key and values, the same bytes in analysis.json
whatever the locale, and worded here when they are printed (`finding`); a value named in
`LABELLED` is one of the method's words (a position) and is shown in the message's language.
"""

from __future__ import annotations

import os

from pipeline.words.labels import label
from pipeline.words.messages import en, zh

CATALOGUES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
CHOSEN = "DEALDOCS_LANG"
LABELLED = ("position", "standard_position")


def choose(language: str | None) -> str:
    """Fix the messages' language for this process and its workers; the language."""
    chosen = language if language in CATALOGUES else from_locale()
    os.environ[CHOSEN] = chosen
    return chosen


def from_locale() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def language() -> str:
    chosen = os.environ.get(CHOSEN, "")
    return chosen if chosen in CATALOGUES else from_locale()


def say(key: str, /, **values: object) -> str:
    """The message `key` in the current language, filled with `values`."""
    return CATALOGUES[language()][key].format(**values)


def say_in(chosen: str, key: str, /, **values: object) -> str:
    """The message `key` in the language `chosen` (a deal's, for a SMART doubt in its documents)."""
    return CATALOGUES[chosen][key].format(**values)


def finding(key: str, values: dict[str, str], chosen: str | None = None) -> str:
    """An analysis' warning in `chosen`, else the current language; the method's words in it translated."""
    chosen = chosen or language()
    shown = {name: label(chosen, value) if name in LABELLED else value for name, value in values.items()}
    return say_in(chosen, key, **shown)
