"""The house: a folder per stage, imports that run only down the layers, the Office engine behind one wall.

The layers, lowest first. A module may import a module of its own layer only inside its own
folder (the deck never imports the briefs), and of a lower layer always.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests.paths import ROOT

PIPELINE = ROOT / "pipeline"
LAYERS = [
    ("pipeline.errors",),
    ("pipeline.words",),  # below safety and templates: their refusals are worded by its messages
    ("pipeline", "pipeline.safety"),  # the package's own __init__ (its version)
    ("pipeline.templates",),
    ("pipeline.load", "pipeline.publish"),
    ("pipeline.analysis",),
    ("pipeline.render.office",),
    ("pipeline.render",),  # what the deck and the briefs share (chart_choice)
    ("pipeline.render.deck", "pipeline.render.brief"),
    ("pipeline.render.user_templates",),
    ("pipeline.build",),
    ("pipeline.batch",),
    ("pipeline.workbook",),
    ("pipeline.portfolio",),
    ("pipeline.cli",),
    ("pipeline.__main__",),
]
OFFICE = PIPELINE / "render" / "office"
LIBRARY_INTERNALS = ("lxml", "pptx.oxml", "pptx.opc", "pptx.parts", "pptx.shapes", "pptx.chart.xmlwriter",
                     "pptx.chart.xlsx", "docx.oxml", "docx.opc", "docx.parts", "docxtpl", "xlsxwriter",
                     "openpyxl.writer", "zipfile")
ZIP_READERS = {"pipeline/safety.py"}  # checks an untrusted package's members before any library opens it


def modules():
    for path in sorted(PIPELINE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        yield path, name.removesuffix(".__init__")


def layer_of(module: str) -> tuple[int, str]:
    """(layer number, the layer's package) of the longest package that holds `module`."""
    best = (-1, "")
    for number, packages in enumerate(LAYERS):
        for package in packages:
            if (module == package or module.startswith(package + ".")) and len(package) > len(best[1]):
                best = (number, package)
    assert best[0] >= 0, f"{module} is in no layer of tests/test_house.py"
    return best


def imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)


def test_imports_run_only_down_the_layers():
    wrong = []
    for path, module in modules():
        here, home = layer_of(module)
        for line, imported in imports(path):
            if not imported.startswith("pipeline"):
                continue
            there, package = layer_of(imported)
            if there > here or (there == here and package != home):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {imported}")
    assert wrong == []


def test_the_layering_check_sees_an_import_up_the_layers():
    assert layer_of("pipeline.analysis.score")[0] < layer_of("pipeline.render.deck.slides")[0]
    assert layer_of("pipeline.render.office.charts")[0] < layer_of("pipeline.render.chart_choice")[0]
    assert layer_of("pipeline.render.deck.chain")[1] != layer_of("pipeline.render.brief.talk")[1]


def test_the_product_imports_no_test_code():
    """The synthetic deals (tests/deals), the tools and the test libraries stay out of the package."""
    wrong = [f"{path.relative_to(ROOT)}:{line}: {module} imports {imported}"
             for path, module in modules() for line, imported in imports(path)
             if imported.split(".")[0] in {"tests", "tools", "hypothesis", "pytest"}]
    assert wrong == []


def test_only_the_office_engine_touches_a_library_s_internals():
    """Outside pipeline/render/office/: no import of the libraries' XML, package or writer modules,
    and no private attribute read of anything but the module's own objects (self, cls)."""
    wrong = []
    for path, module in modules():
        if OFFICE in path.parents:
            continue
        shown = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            named = ([node.module] if isinstance(node, ast.ImportFrom) and node.module else
                     [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in named:
                if name.startswith(LIBRARY_INTERNALS) and not (name == "zipfile" and shown in ZIP_READERS):
                    wrong.append(f"{shown}:{node.lineno}: imports {name}")
            if (isinstance(node, ast.Attribute) and re.match(r"_[a-z]", node.attr)
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
                wrong.append(f"{shown}:{node.lineno}: reads {ast.unparse(node)}")
    assert wrong == []


@pytest.mark.parametrize("folder", sorted(p.parent.relative_to(ROOT).as_posix() for p in PIPELINE.rglob("__init__.py")))
def test_every_folder_says_what_it_owns_and_what_it_must_not_do(folder):
    doc = ast.get_docstring(ast.parse((ROOT / folder / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert len(doc) > 80 and re.search(r"\bmust not\b|\bnever\b", doc, re.I), folder


def readme_tree() -> dict[str, str]:
    """The README's layout block as {path: its description}: a name per entry, nested by indentation."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Layout", 1)[1].split("```", 2)[1]
    entries, stack, last = {}, [], None
    for line in block.splitlines():
        match = re.match(r"( *)(\S.*?)(?:  +(.*))?$", line)
        if not match:
            continue
        indent, name, text = len(match.group(1)), match.group(2), match.group(3) or ""
        if indent >= 21 and last:  # a description's next line
            entries[last] += " " + name + " " + text
            continue
        stack = [(i, n) for i, n in stack if i < indent]
        for part in name.split(", "):
            path = "".join(n for _, n in stack) + part
            entries[path] = text
            last = path
        if name.endswith("/"):
            stack.append((indent, name))
    return entries


def test_the_readme_layout_matches_the_tree():
    """Every folder and module the README's layout names exists where it says, and every folder of
    pipeline/ is named."""
    tree = readme_tree()
    assert "pipeline/analysis/" in tree and "pipeline/render/office/" in tree
    missing = []
    for path, text in tree.items():
        if not (ROOT / path.rstrip("/")).exists():
            missing.append(path)
        if path.startswith("pipeline/") and path.endswith("/"):
            missing += [f"{path}{m}" for m in re.findall(r"\b[a-z_]+\.py\b", text)
                        if not list((ROOT / path).rglob(m))]
    assert missing == []
    folders = {p.parent.relative_to(ROOT).as_posix() + "/" for p in PIPELINE.rglob("__init__.py")}
    assert sorted(folders - set(tree) - {"pipeline/words/messages/"}) == []


def test_tests_mirror_the_package():
    """Each stage's folder has its tests' folder."""
    for folder in ("load", "analysis", "words", "publish", "cli", "workbook", "portfolio",
                   "render/deck", "render/brief", "render/office"):
        assert (PIPELINE / folder).is_dir() and any((ROOT / "tests" / folder).glob("test_*.py")), folder
