"""No import cycles between VRUS's own modules, counting imports inside functions.

An import moved into a function to dodge a cycle still ties the two modules together: each
needs the other to be understood, tested and changed. Imports under ``if TYPE_CHECKING:``
do not run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import vrus

ROOT = Path(vrus.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in ROOT.rglob("*.py") if "versions" not in p.parts}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The VRUS modules ``name`` imports: ``from a.b import c`` is a.b.c where that is a
    module, else a.b."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", 0) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1]
                    + ([base] if base else [])
                )
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return {m for m in found if m in known and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imported(name, path, known) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _is_package_link(a: str, b: str) -> bool:
    """A package's __init__ and its own modules: importing vrus.db.engine runs vrus.db's
    __init__ first by Python's rules, which is not a design cycle."""
    return a.startswith(b + ".") or b.startswith(a + ".")


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = _graph()
    assert "vrus.ui.app" in graph["vrus.cli"] | {
        m for name, deps in graph.items() if name.startswith("vrus.cli.") for m in deps
    }
    assert "vrus.reports.xlsx" in graph["vrus.reports.output"]  # imported where it is needed


def test_no_import_cycles() -> None:
    graph = _graph()
    # Leave out the edges from a package's __init__ to its own modules (re-exports).
    graph = {a: {b for b in deps if not _is_package_link(a, b)} for a, deps in graph.items()}
    assert _cycles(graph) == []
