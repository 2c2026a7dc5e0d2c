"""The package's layout holds: pure folders stay pure, imports flow one way.

See docs/architecture.md for the stages and what each folder may import.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sphinx_newsroom"
NAME = PACKAGE.name
#: The folders whose modules may import neither Sphinx nor docutils.
PURE = ("model", "citations", "compat")
#: The folders of the write phase's outputs.
OUTPUTS = ("html", "latex", "text")
#: The command line: it may use every stage; no stage uses it.
COMMAND = ("cli", "__main__")


def modules() -> dict[str, Path]:
    """Dotted name -> file of every module of the package."""
    result = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        result[".".join(parts)] = path
    return result


def imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) of every package-internal import."""
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == NAME or target.startswith(NAME + "."):
                found.append((target, [alias.name for alias in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names
                      if alias.name.startswith(NAME + ".")]
    return found


def targets(name: str, path: Path) -> list[tuple[str, int]]:
    """Every package module ``name`` imports (``from . import x`` counts as ``x``)."""
    known = modules()
    result = []
    for module, names, line in imports(name, path):
        submodules = [f"{module}.{n}" for n in names if f"{module}.{n}" in known]
        result += [(m, line) for m in submodules or [module]]
    return result


def stage(module: str) -> str:
    """The folder (or top-level module) a dotted module name belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


#: stage -> the stages it may import (None: any but those in FORBIDDEN).
ALLOWED: dict[str, set[str]] = {
    "model": {"model", "citations", "warnings_"},
    "citations": {"model", "citations", "warnings_"},
    "compat": {"model", "compat", "warnings_"},
    "warnings_": set(),
    "domain": {"model", "citations"},
}
#: stage -> the stages it must never import.
FORBIDDEN: dict[str, set[str]] = {
    "directives": {"read", "postprocess", *OUTPUTS},
    "read": {"postprocess", *OUTPUTS},
    "postprocess": {"read", *OUTPUTS},
    "html": {"read", "postprocess", "latex", "text"},
    "latex": {"read", "postprocess", "html", "text"},
    "text": {"read", "postprocess", "html", "latex"},
}
#: Shared top-level modules: helpers every stage may use; they use no stage folder
#: but the pure ones (and the domain), so any stage can import them.
HELPERS = ("authors", "builders", "clock", "config", "doctree", "i18n", "indices", "labels",
           "log", "paging")


def test_the_pure_folders_import_neither_sphinx_nor_docutils():
    """Each module of model/ and citations/, imported alone in a fresh interpreter."""
    pure = [m for m in modules() if stage(m) in PURE]
    assert len(pure) > 10
    script = (
        "import importlib, json, sys\n"
        "leaked = {}\n"
        "for name in sys.argv[1:]:\n"
        "    before = set(sys.modules)\n"
        "    importlib.import_module(name)\n"
        "    leaked[name] = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sphinx', 'docutils'))\n"
        "print(json.dumps(leaked))\n"
    )
    for name in pure:
        result = subprocess.run([sys.executable, "-c", script, name], capture_output=True,
                                text=True, cwd=PACKAGE.parent, check=True)
        assert json.loads(result.stdout) == {name: []}, name


@pytest.mark.parametrize("name", sorted(modules()))
def test_imports_flow_one_way(name):
    path = modules()[name]
    own = stage(name)
    wrong = []
    for target, line in targets(name, path):
        other = stage(target)
        if other == "__init__":
            wrong.append((line, target, "the package's setup() is imported by no module"))
        elif other in COMMAND and own not in COMMAND:
            wrong.append((line, target, "only the command line imports the command line"))
        elif own == "__main__" and other != "cli":
            wrong.append((line, target, "__main__ only runs the command line"))
        elif own in ALLOWED and other not in ALLOWED[own] | {own}:
            wrong.append((line, target, f"{own} may import only {sorted(ALLOWED[own])}"))
        elif other in FORBIDDEN.get(own, ()):
            wrong.append((line, target, f"{own} never imports {other}"))
        elif own in HELPERS and other not in {*HELPERS, *PURE, "domain", "warnings_"}:
            wrong.append((line, target, "shared helpers import no stage folder"))
        elif own in OUTPUTS and other == "directives" and target != f"{NAME}.directives.nodes":
            wrong.append((line, target, "outputs know the nodes, not the directives"))
    assert wrong == []


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_imports_another_modules_private_names(name):
    """``from x import _name`` across modules (``_``, gettext's name, is public)."""
    private = [(line, module, n) for module, names, line in imports(name, modules()[name])
               if module != name for n in names
               if n.startswith("_") and n != "_" and not n.startswith("__")]
    assert private == []


def test_the_rules_cover_every_folder():
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == {*PURE, "read", "directives", "postprocess", "html", "latex", "cli"}
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert top == {*HELPERS, "domain", "extension", "text", "warnings_", "__main__"}
