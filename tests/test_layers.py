"""The folders show the design: widgets depend on workbook, never back, and no two modules import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> nx.DiGraph:
    """Every import between our modules, also those inside functions (a lazy import is still a dependency)."""
    files = {
        module_name(p): p
        for package in ("workbook", "widgets")
        for p in (ROOT / package).rglob("*.py")
    }
    graph = nx.DiGraph()
    graph.add_nodes_from(files)
    for name, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target in files and target != name and not name.startswith(target + "."):
                    graph.add_edge(name, target)
    return graph


def test_the_engine_never_imports_the_widgets() -> None:
    graph = import_graph()
    back = [(a, b) for a, b in graph.edges if a.startswith("workbook") and b.startswith("widgets")]
    assert not back, f"workbook imports widgets: {back}"


def test_no_import_cycles_between_modules() -> None:
    graph = import_graph()
    # A package's __init__ re-exports its own modules; those edges point down and are not cycles.
    cycles = [c for c in nx.simple_cycles(graph) if len(c) > 1]
    assert not cycles, f"import cycles: {cycles[:5]}"


def test_the_readme_map_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Opbouw van de code") : readme.index("## Tests")]
    packages = sorted(
        {
            p.parent.relative_to(ROOT).as_posix()
            for p in ROOT.glob("*/*/__init__.py")
            if p.parts[-3] in ("workbook", "widgets")
            or p.parent.parent.name in ("workbook", "widgets")
        }
    )
    for package in packages:
        assert f"{package.split('/', 1)[1]}/" in section, (
            f"README's code map does not name {package}"
        )
