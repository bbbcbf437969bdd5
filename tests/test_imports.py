"""The package's import graph: every module imports, and no module's import-time imports lead back to it."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if "_bundle" not in path.parts}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_time_targets(name: str, path: Path) -> set[str]:
    """The package's modules this one imports when it is imported: module-level statements only (an import inside
    a function runs when called; one under `if TYPE_CHECKING` never runs). Importing a.b also runs a's __init__,
    which counts as an edge, unless the importer lies inside a: a module of a package that names a sibling runs
    nothing new, as its package is already being imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.If) and _is_type_checking(node):
                visit(node.orelse)
                continue
            if isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
                visit(getattr(node, "finalbody", []))
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:  # `from pkg import module` needs the module, not the package's names
                    found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)

    visit(tree.body)
    targets: set[str] = set()
    for target in found:
        parts = target.split(".")
        for end in range(1, len(parts) + 1):
            prefix = ".".join(parts[:end])
            # importing a.b.c runs a/__init__ and a/b/__init__ first, which counts, except from inside a itself
            if prefix in MODULES and prefix != name and (prefix == target or not (name + ".").startswith(prefix + ".")):
                targets.add(prefix)
    return targets


GRAPH = {name: _import_time_targets(name, path) for name, path in MODULES.items()}


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"checker.__main__"}))  # __main__ runs the CLI
def test_every_module_imports(name: str):
    assert importlib.import_module(name).__name__ == name


def test_no_import_cycle():
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target):], target])
            elif target not in state:
                walk(target)
        stack.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            walk(name)
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in cycles)


def test_the_graph_sees_imports():
    # the walker itself can fail: a module known to import others must show those edges
    assert {"checker.policies", "checker.engine.embedded"} <= GRAPH["checker.bundle"]
    assert "checker.engine" in GRAPH["checker.engine.embedded"]
    assert "checker.engine" in GRAPH["checker.bundle"]  # the package runs before its module
    assert "checker.infra.reference" in GRAPH["checker.infra.facts"]  # `from checker.infra import reference`
