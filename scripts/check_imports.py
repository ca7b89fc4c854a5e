"""Import circles and oversized modules in the sayso package.

    python scripts/check_imports.py [--under sayso.extract] [--max-lines 400]

Reads every module's ``import`` statements (module level and inside functions alike: a deferred import
is still a dependency) and prints each import circle between sayso modules, then every module longer than
``--max-lines``. Exit code 1 when it found either.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The sayso modules a file imports (``from a.b import c`` counts ``a.b.c`` when that is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in modules}


def graph(under: str) -> dict[str, set[str]]:
    files = {module_name(p): p for p in SRC.joinpath("sayso").rglob("*.py")}
    modules = set(files)
    edges = {name: imports_of(path, modules) for name, path in files.items()}
    return {name: deps for name, deps in edges.items() if name.startswith(under)}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for dep in edges.get(node, ()):
            if dep not in edges:
                continue
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in on_stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def long_modules(under: str, max_lines: int) -> list[tuple[str, int]]:
    out = []
    for path in sorted(SRC.joinpath("sayso").rglob("*.py")):
        name = module_name(path)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if name.startswith(under) and lines > max_lines:
            out.append((name, lines))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--under", default="sayso", help="only modules whose name starts with this")
    parser.add_argument("--max-lines", type=int, default=400)
    args = parser.parse_args(argv)
    circles = cycles(graph(args.under))
    for circle in circles:
        print("import circle:", " <-> ".join(circle))
    long = long_modules(args.under, args.max_lines)
    for name, lines in long:
        print(f"{name}: {lines} lines (over {args.max_lines})")
    if not circles and not long:
        print("no import circles, no module over", args.max_lines, "lines")
    return 1 if circles or long else 0


if __name__ == "__main__":
    sys.exit(main())
