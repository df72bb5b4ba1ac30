"""The queue's package layout: no import cycle inside it, and printing never reaches into it."""
from __future__ import annotations

import ast
from pathlib import Path

KIOSK = Path(__file__).resolve().parent.parent.parent / "kiosk"


def kiosk_imports(path: Path) -> set[str]:
    """The ``kiosk.*`` modules a file imports, wherever the import statement sits."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kiosk"):
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("kiosk"))
    return found


def test_no_import_cycle_inside_the_queue():
    modules = {f"kiosk.queue.{path.stem}": path for path in (KIOSK / "queue").glob("*.py") if path.stem != "__init__"}
    graph = {name: kiosk_imports(path) & set(modules) for name, path in modules.items()}
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        assert name not in visiting, " -> ".join([*visiting[visiting.index(name):], name])
        if name in done:
            return
        visiting.append(name)
        for target in sorted(graph[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)


def test_printing_never_imports_the_queue():
    for path in (KIOSK / "printing").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not any(name.startswith("kiosk.queue") for name in kiosk_imports(path)), path.name
        assert "importlib" not in text and "hasattr(" not in text, path.name
