"""Checks that keep the architecture: no import cycles, the demo apart from the domain, no feature probes.

The import graph is read from the source with :mod:`ast`, so nothing is imported: every ``import`` and
``from … import`` of a ``kiosk`` module counts, also inside functions; ``if TYPE_CHECKING:`` blocks do not.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = ROOT / "kiosk"
#: The modules that may import the demo content: the CLI's seeding and the demo package itself.
DEMO_USERS = ("kiosk.cli", "kiosk.demo")


@dataclass(frozen=True)
class Import:
    """One import statement of a ``kiosk`` module: who imports what, where, and whether inside a function."""

    importer: str
    target: str
    line: int
    in_function: bool

    def __str__(self) -> str:
        return f"{module_path(self.importer)}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    """``kiosk/queue/service.py`` -> ``kiosk.queue.service``; a package's ``__init__.py`` is the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_path(name: str) -> str:
    """The source file of module ``name``, relative to the project root."""
    base = ROOT.joinpath(*name.split("."))
    path = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
    return str(path.relative_to(ROOT))


def sources() -> dict[str, ast.Module]:
    """Every module of ``kiosk/`` by name, parsed."""
    return {module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(PACKAGE.rglob("*.py"))}


def is_type_checking(test: ast.expr) -> bool:
    """Whether an ``if`` test is ``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def walk(node: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node below ``node`` with whether it sits inside a function, skipping ``if TYPE_CHECKING:`` bodies."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and is_type_checking(child.test):
            for branch in child.orelse:
                yield branch, in_function
                yield from walk(branch, in_function)
            continue
        inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        yield child, inside
        yield from walk(child, inside)


def resolve(name: str, modules: set[str]) -> str | None:
    """The module or package ``name`` denotes, the nearest enclosing one for a name defined in a module."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(importer: str, tree: ast.Module, modules: set[str]) -> Iterator[Import]:
    """The ``kiosk`` modules ``importer`` imports (``from kiosk.x import y`` is ``kiosk.x.y`` when that is a module)."""
    package = importer if module_path(importer).endswith("__init__.py") else importer.rpartition(".")[0]
    for node, in_function in walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        for name in names:
            target = resolve(name, modules) if name.split(".")[0] == "kiosk" else None
            if target is not None and target != importer:
                yield Import(importer, target, node.lineno, in_function)


def all_imports() -> list[Import]:
    """Every import of a ``kiosk`` module inside ``kiosk/``."""
    trees = sources()
    modules = set(trees)
    return [found for name, tree in trees.items() for found in imports_of(name, tree, modules)]


def enclosing_packages(name: str) -> list[str]:
    """The packages Python imports first when ``name`` is imported, the root ``kiosk`` left out.

    ``kiosk/__init__.py`` is the app factory and imports every feature on purpose; nothing inside
    ``kiosk/`` imports a name from it.
    """
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(2, len(parts))]


def import_graph(imports: list[Import]) -> dict[str, set[str]]:
    """Module -> the modules it imports, including the packages around them (their ``__init__`` runs first).

    A module's own enclosing packages are left out: they are already being imported when it runs.
    """
    graph: dict[str, set[str]] = {found.importer: set() for found in imports}
    for found in imports:
        own = set(enclosing_packages(found.importer)) | {found.importer}
        targets = {found.target, *enclosing_packages(found.target)} - own
        graph[found.importer] |= targets
        for target in targets:
            graph.setdefault(target, set())
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other (Tarjan), each sorted; single modules left out."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def shortest_cycle(graph: dict[str, set[str]], start: str) -> list[str]:
    """The shortest chain of imports from ``start`` back to itself (``[]`` when there is none)."""
    paths = {target: [start, target] for target in sorted(graph[start])}
    frontier = list(paths)
    while frontier and start not in paths:
        following = []
        for node in frontier:
            for target in sorted(graph[node]):
                if target not in paths:
                    paths[target] = [*paths[node], target]
                    following.append(target)
        frontier = following
    return paths.get(start, [])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle through every module that is part of a cycle, without repeats."""
    found: list[list[str]] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for group in strongly_connected(graph):
        for start in group:
            cycle = shortest_cycle(graph, start)
            edges = frozenset(zip(cycle, cycle[1:], strict=False))
            if cycle and edges not in seen:
                seen.add(edges)
                found.append(cycle)
    return found


def test_cycle_finder_on_a_small_graph():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"f"}, "f": {"e"}}
    assert strongly_connected(graph) == [["a", "b", "c"], ["e", "f"]]
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "f", "e"]]
    assert shortest_cycle(graph, "d") == []


def test_import_graph_resolves_modules_packages_and_skips_type_checking(tmp_path):
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "from kiosk.hall.models import Hall\n"
        "from kiosk.queue import service\n"
        "import kiosk.money\n"
        "if TYPE_CHECKING:\n"
        "    from kiosk.bills.models import Bill\n"
        "def later():\n"
        "    from kiosk.tariffs import calc\n")
    modules = {"kiosk.queue", "kiosk.queue.models", "kiosk.hall.models", "kiosk.queue.service", "kiosk.money",
               "kiosk.bills.models", "kiosk.tariffs.calc"}
    found = {(item.target, item.in_function) for item in imports_of("kiosk.queue.models", tree, modules)}
    assert found == {("kiosk.hall.models", False), ("kiosk.queue.service", False), ("kiosk.money", False),
                     ("kiosk.tariffs.calc", True)}


def test_no_import_cycles_in_kiosk():
    graph = import_graph(all_imports())
    found = cycles(graph)
    print("\n".join(" -> ".join(cycle) for cycle in found))
    assert found == []


def test_domain_code_never_imports_the_demo():
    offending = [str(found) for found in all_imports()
                 if found.target.startswith("kiosk.demo") and not found.importer.startswith(DEMO_USERS)]
    print("\n".join(offending))
    assert offending == []


def test_demo_content_lives_under_kiosk_demo():
    outside = [module_path(name) for name in sources()
               if name.rpartition(".")[2].startswith("demo") and not name.startswith("kiosk.demo")]
    print("\n".join(outside))
    assert outside == []


def probes() -> list[str]:
    """Every ``importlib`` import and every ``hasattr(…)`` call in ``kiosk/``."""
    found = []
    for name, tree in sources().items():
        for node, _in_function in walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module]
                if any((module or "").split(".")[0] == "importlib" for module in modules):
                    found.append(f"{module_path(name)}:{node.lineno} imports importlib")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "hasattr":
                found.append(f"{module_path(name)}:{node.lineno} calls hasattr")
    return found


def test_no_importlib_and_no_hasattr_probes():
    found = probes()
    print("\n".join(found))
    assert found == []


def imports_inside_functions() -> list[str]:
    """Every import statement (of any module) that runs inside a function of ``kiosk/``."""
    found = []
    for name, tree in sources().items():
        for node, in_function in walk(tree):
            if in_function and isinstance(node, ast.Import):
                found.append(f"{module_path(name)}:{node.lineno} import {', '.join(a.name for a in node.names)}")
            elif in_function and isinstance(node, ast.ImportFrom):
                found.append(f"{module_path(name)}:{node.lineno} from {'.' * node.level}{node.module or ''} import "
                             f"{', '.join(a.name for a in node.names)}")
    return found


def test_imports_inside_functions_are_listed():
    inside = imports_inside_functions()
    print(f"\n{len(inside)} imports inside functions:")
    print("\n".join(inside))
    for entry in inside:
        path, line = entry.split(" ", 1)[0].rsplit(":", 1)
        assert "import" in (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1], entry
