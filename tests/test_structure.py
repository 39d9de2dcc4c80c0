"""Structure rules of the package, checked on its source: modules own what they use.

- no import cycles between modules;
- no underscore-private name imported from another module;
- layers point down: records (model, vocab, errors) import no stage; stages never import the
  pipeline, the store, the CLI or the web app; the store imports no stage.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"


@dataclass
class ImportGraph:
    modules: dict[str, Path]
    edges: dict[str, set[str]] = field(default_factory=dict)
    private: list[str] = field(default_factory=list)


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(SRC).with_suffix("").parts)
    return name.removesuffix(".__init__")


def imported_names(name: str, path: Path, tree: ast.AST) -> list[tuple[str, str]]:
    """(module imported from, name imported) for every import in a module, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            out.extend((base, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            out.extend((alias.name, "") for alias in node.names)
    return out


@cache
def import_graph() -> ImportGraph:
    graph = ImportGraph({module_name(p): p for p in (SRC / "newsgraph").rglob("*.py")})
    for name, path in graph.modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        for base, imported in imported_names(name, path, tree):
            full = f"{base}.{imported}" if imported else base
            target = full if full in graph.modules else base
            if target not in graph.modules or target == name:
                continue
            graph.edges.setdefault(name, set()).add(target)
            if imported.startswith("_") and not imported.startswith("__"):
                graph.private.append(f"{name} imports {target}.{imported}")
    return graph


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return cycles


def test_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(edges) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    assert find_cycles(import_graph().edges) == []


def test_no_private_names_across_modules() -> None:
    assert import_graph().private == []


def imports_of(prefix: str) -> dict[str, set[str]]:
    graph = import_graph()
    return {m: t for m, t in graph.edges.items() if m == prefix or m.startswith(prefix + ".")}


def reaches(modules: dict[str, set[str]], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{m} -> {t}"
        for m, targets in modules.items()
        for t in targets
        if any(t == f or t.startswith(f + ".") for f in forbidden)
    )


def test_stages_never_import_pipeline_store_cli_or_web() -> None:
    forbidden = ("newsgraph.pipeline", "newsgraph.store", "newsgraph.cli", "newsgraph.web", "newsgraph.scale")
    assert reaches(imports_of("newsgraph.stages"), forbidden) == []


def test_records_import_no_stage() -> None:
    records = {m: t for m, t in import_graph().edges.items()
               if m in ("newsgraph.model", "newsgraph.vocab", "newsgraph.errors")}
    assert reaches(records, ("newsgraph.stages", "newsgraph.pipeline", "newsgraph.store", "newsgraph.cli")) == []


def test_store_imports_no_stage_cli_or_web() -> None:
    assert reaches(imports_of("newsgraph.store"), ("newsgraph.stages", "newsgraph.cli", "newsgraph.web")) == []
