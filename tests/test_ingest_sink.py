"""Ingest is read -> extract -> sink: any object with ``known_keys``, ``write`` and ``close`` can take the
reports, stored articles are skipped before extraction, and ``store/`` imports no extraction."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import needs_model

from sayso.read.article import Article, ReadError
from sayso.sink import BatchResult, StoredReport

SRC = Path(__file__).resolve().parents[1] / "src" / "sayso"
ABOVE_THE_STORE = ("sayso.api", "sayso.extract", "sayso.nlp", "sayso.ingest", "sayso.distributed")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # lazy imports in functions too
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_store_imports_no_extraction():
    for path in sorted((SRC / "store").glob("*.py")):
        above = sorted(m for m in _imports(path) if m.startswith(ABOVE_THE_STORE))
        assert not above, f"{path.name} imports {above}"


def _module_graph() -> dict[str, set[str]]:
    names = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {}
    for name, path in names.items():
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # what runs at import time
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sayso"):
                deps.add(node.module)
                deps.update(f"{node.module}.{a.name}" for a in node.names)
        graph[name] = {d for d in deps if d in names and d != name}
    return graph


def test_no_import_circles():
    graph = _module_graph()
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1  # on the current path
        for dep in sorted(graph[name]):
            if state.get(dep) == 1:
                raise AssertionError("import circle: " + " -> ".join(trail[trail.index(dep):] + [dep]))
            if dep not in state:
                visit(dep, trail + [dep])
        state[name] = 2  # done

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


class MemorySink:
    """A sink that keeps reports in a list: what a Parquet dataset sink will do with files."""

    def __init__(self, keys: set[str] | None = None) -> None:
        self.keys = set(keys or ())
        self.reports: list[StoredReport] = []
        self.errors: list[ReadError] = []
        self.asked: list[str] = []
        self.closed = False

    def known_keys(self, keys: list[str]) -> set[str]:
        self.asked += keys
        return self.keys & set(keys)

    def write(self, reports: list[StoredReport], errors: list[ReadError]) -> BatchResult:
        self.reports += reports
        self.errors += errors
        self.keys.update(Article(r.report.article.text).key for r in reports)
        return BatchResult(stored=[r.report.article.id for r in reports])

    def close(self) -> None:
        self.closed = True


@needs_model
def test_ingest_writes_to_any_sink_and_skips_what_it_holds(tmp_path):
    from sayso.ingest import IngestOptions, ingest

    texts = ["The mayor said the bridge would reopen on Monday.", "Rain is expected, forecasters said.",
             "The council voted 7 to 2, a spokeswoman said."]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01" * 50)
    held = Article(texts[1]).key
    sink = MemorySink({held})
    summary = ingest([str(tmp_path)], IngestOptions(write_batch=1), sink=sink)
    assert [r.report.article.text for r in sink.reports] == [texts[0], texts[2]]  # the held one never extracted
    assert summary.ingested == 2 and summary.duplicates == 1 and summary.failed == 1
    assert len(sink.errors) == 1 and "binary" in sink.errors[0].reason
    assert not sink.closed  # a sink passed in is the caller's to close
    again = ingest([str(tmp_path)], IngestOptions(), sink=sink)
    assert again.ingested == 0 and again.duplicates == 3
