"""One place finds templates and makes the Jinja environment that renders them.

A user's folder (or file) is searched first, then the shipped templates (package data); the
error lists where it looked. Templates may come from users, so Jinja runs
sandboxed with strict undefined variables.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from pipeline.errors import TemplateError
from pipeline.safety import CompilingOnce, LimitedSandbox, NoIncludes
from pipeline.words.messages import say


def _shipped() -> Path:
    """The shipped templates' folder, found through the installed package `dealdocs_templates`
    (package data, so `pip install .` works from any folder); a source tree whose environment
    predates the package falls back to its own templates/."""
    spec = importlib.util.find_spec("dealdocs_templates")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    return Path(__file__).resolve().parent.parent / "templates"


SHIPPED = _shipped()


def find_template(name: str, user_dirs: tuple[Path, ...] = ()) -> Path:
    """The first `name` found in the user's folders, then in the shipped templates."""
    searched = [*user_dirs, SHIPPED]
    for folder in searched:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    where = say("list_comma").join(str(f) for f in searched)
    raise TemplateError(say("template_missing", name=name, where=where))


SETTINGS = {"undefined": jinja2.StrictUndefined, "trim_blocks": True, "lstrip_blocks": True,
            "keep_trailing_newline": False}


def jinja_environment(folders: tuple[Path, ...] = (), autoescape: bool = False) -> SandboxedEnvironment:
    """A sandboxed, strict environment loading from the given folders then the shipped ones."""
    return LimitedSandbox(loader=jinja2.FileSystemLoader([str(f) for f in (*folders, SHIPPED)]),
                          autoescape=autoescape, **SETTINGS)


@functools.lru_cache(maxsize=1)
def playbook_environment() -> SandboxedEnvironment:
    """The one environment of the playbooks' texts: it loads nothing (a text includes no other
    file) and compiles each text once per process, as every deal fills the same rules (compiling was about 3 % of a deal's time)."""
    return CompilingOnce(max_sources=1024, loader=NoIncludes(), **SETTINGS)
