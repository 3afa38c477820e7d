"""The user-facing messages of the command line and the loader, in en and zh.

One catalogue per language (`en.py`, `zh.py`), keys shared, filled like the
documents' sentences in `pipeline.words.wording`: `say("no_such_file", path=...)`.
The language is `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG: zh_* is
zh), else en. The CLI passes its choice to worker processes in DEALDOCS_LANG. Must not
speak of a deal's standing: the documents' sentences are the analysis' and the renderers'.
"""

from __future__ import annotations

import os

from pipeline.words.messages import en, zh

CATALOGUES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
CHOSEN = "DEALDOCS_LANG"


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
