"""Tables -> Report: the inverse of ``rows.py``, walking the same table descriptions. ``sayso export
--format jsonl`` and the web view use it, and the round-trip tests hold it to giving back exactly the
report that was stored."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import duckdb

from sayso.errors import StoreError
from sayso.records import TypeInfo, describe, record_fields
from sayso.report import Report
from sayso.store.columns import Path, Table, is_span
from sayso.store.tables import TABLES, tables_of

Row = dict[str, Any]
Groups = dict[str, dict[tuple[Any, Any], list[Row]]]  # table -> (owner's local id, role) -> rows in order


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


class _Reader:
    """Reads records back from the rows of one table, by the field paths its columns keep."""

    def __init__(self, table: Table, groups: Groups) -> None:
        self.table = table
        self.groups = groups
        self.by_path = {c.path: c.name for c in table.columns if c.path is not None and not c.links_actor}

    def record(self, cls: type, row: Row, path: Path = ()) -> Any:
        values = {}
        lists = {name: t for t in tables_of(cls) for name in t.fields} if not path else {}
        for f in record_fields(cls):
            if f.name in lists:
                values[f.name] = _items(lists[f.name], f.name, row.get("local_id"), self.groups)
            else:
                values[f.name] = self.value(f.type, row, path + (f.name,))
        return cls(**values)

    def value(self, info: TypeInfo, row: Row, path: Path) -> Any:
        if info.is_record:
            if info.optional and not self._present(info.base, row, path):
                return None
            return self.record(info.base, row, path)
        if is_span(info):
            start = row[self.by_path[path + (0,)]]
            return None if start is None and info.optional else (start, row[self.by_path[path + (1,)]])
        value = row[self.by_path[path]]
        if info.origin is list:
            spans = is_span(describe(info.args[0]))
            return [tuple(v) if spans else v for v in value or []]
        return value

    def _present(self, cls: type, row: Row, path: Path) -> bool:
        """A nullable nested record was stored when its first required field was."""
        first = next(f for f in record_fields(cls) if not f.type.optional)
        here = path + (first.name,) + ((0,) if is_span(first.type) else ())
        return row[self.by_path[here]] is not None


def _items(table: Table, name: str, owner_id: Any, groups: Groups) -> list[Any]:
    reader = _Reader(table, groups)
    rows = groups[table.name].get((owner_id if table.parent_key else None, name if table.role else None), [])
    if table.record is not None:
        return [reader.record(table.record, r) for r in rows]
    item = next(f.type for f in record_fields(table.owner) if f.name == name).args[0]  # type: ignore[arg-type]
    return [reader.value(describe(item), r, ()) for r in rows]


def _groups(con: duckdb.DuckDBPyConnection, article_id: str) -> Groups:
    out: Groups = {}
    for table in TABLES.values():
        if table.owner is None:
            continue
        grouped: dict[tuple[Any, Any], list[Row]] = defaultdict(list)
        for r in _dicts(con, f"SELECT * FROM {table.name} WHERE article_id = ? ORDER BY ord", [article_id]):
            grouped[(r[table.parent_key] if table.parent_key else None, r["role"] if table.role else None)].append(r)
        out[table.name] = grouped
    return out


def rebuild_report(con: duckdb.DuckDBPyConnection, article_id: str) -> Report:
    """The stored report of one article; ``StoreError`` when the article is not in the store."""
    arts = _dicts(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not arts:
        raise StoreError(f"no article {article_id!r} in the store")
    groups = _groups(con, article_id)
    return _Reader(TABLES["articles"], groups).record(Report, arts[0])


def iter_reports(con: duckdb.DuckDBPyConnection, batch: int = 500) -> Iterator[Report]:
    """Every stored report in insertion order; article ids are paged so memory stays flat."""
    last = -1
    while True:
        page = con.execute("SELECT num, id FROM articles WHERE num > ? ORDER BY num LIMIT ?", [last, batch]).fetchall()
        if not page:
            return
        for num, art_id in page:
            yield rebuild_report(con, art_id)
            last = num
