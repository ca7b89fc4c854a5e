"""The store's tables are derived from the report's dataclasses: the derived schema is exactly the one
migration 001 created, every field of every record reaches a column (and its Arrow schema), and a new
report field is one edit that reaches the schema, the rows, the Arrow schema and old stores."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from store_fixtures import summit_report

from sayso.records import describe, record_fields
from sayso.report import Report
from sayso.report_schema import report_schema
from sayso.store import connect, rebuild_report, store_reports
from sayso.store.db import migrations
from sayso.store.ddl import bring_up_to_date, missing
from sayso.store.rows import report_rows
from sayso.store.tables import TABLES, tables_of

SRC = Path(__file__).resolve().parents[1] / "src"

CATALOG = {
    "columns": "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default"
               " FROM information_schema.columns ORDER BY ALL",
    "constraints": "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() ORDER BY ALL",
    "indexes": "SELECT index_name, table_name, expressions FROM duckdb_indexes() ORDER BY ALL",
    "views": "SELECT view_name, regexp_replace(sql, '\\s+', ' ', 'g') FROM duckdb_views() WHERE NOT internal ORDER BY ALL",
    "sequences": "SELECT sequence_name, start_value FROM duckdb_sequences() ORDER BY ALL",
}


def _catalog(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    return {name: con.execute(sql).fetchall() for name, sql in CATALOG.items()}


def test_the_derived_schema_is_the_schema_of_migration_001():
    old = duckdb.connect(":memory:")
    old.execute(migrations()[0][2])
    new = duckdb.connect(":memory:")
    bring_up_to_date(new)
    assert _catalog(new) == _catalog(old)


def test_a_store_created_by_migration_001_is_current_and_round_trips():
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute(migrations()[0][2])
    con.execute("INSERT INTO schema_migrations VALUES (1, 'initial', current_timestamp)")
    assert missing(con) == []
    report = summit_report()
    assert store_reports(con, [report]).stored == [report.article.id]
    assert rebuild_report(con, report.article.id) == report


def _records(cls: type = Report, seen: list | None = None) -> list[type]:
    seen = [] if seen is None else seen
    if cls not in seen:
        seen.append(cls)
        for f in record_fields(cls):
            for tp in (f.type, describe(f.type.args[0]) if f.type.origin is list else f.type):
                if tp.is_record:
                    _records(tp.base, seen)
    return seen


def _columns_by_record() -> dict[type, set[str]]:
    """Each record class -> the fields that some table column (or list table) holds."""
    reached: dict[type, set[str]] = {}

    def walk(cls: type, path: tuple, table) -> None:  # noqa: ANN001
        for f in record_fields(cls):
            here = path + (f.name,)
            if any(f.name in t.fields for t in tables_of(cls)) and not path:
                reached.setdefault(cls, set()).add(f.name)
            elif any(c.path is not None and c.path[:len(here)] == here for c in table.columns):
                reached.setdefault(cls, set()).add(f.name)
                if f.type.is_record:
                    walk(f.type.base, here, table)

    for table in TABLES.values():
        if table.name == "articles":
            walk(Report, (), table)
        elif table.record is not None:
            walk(table.record, (), table)
    return reached


def test_every_field_of_every_record_reaches_the_schema_and_a_column():
    schema = report_schema()
    reached = _columns_by_record()
    for cls in _records():
        fields = {f.name for f in record_fields(cls)}
        props = set(schema["properties"]) if cls is Report else set(schema["$defs"][cls.__name__]["properties"])
        assert props == fields, cls
        assert reached.get(cls) == fields, f"{cls.__name__}: {fields - reached.get(cls, set())} reach no column"


def test_the_arrow_schemas_are_what_duckdb_stores():
    con = connect(":memory:")
    report = summit_report()
    store_reports(con, [report])
    rows = report_rows(report)
    import pyarrow as pa

    for table in TABLES.values():
        schema = table.arrow_schema()
        stored = con.sql(f"SELECT {', '.join(schema.names)} FROM {table.name} LIMIT 0").to_arrow_table().schema
        assert [(f.name, f.type) for f in schema] == [(f.name, f.type) for f in stored], table.name
        if rows.get(table.name):
            assert pa.Table.from_pylist(rows[table.name], schema=schema).num_rows == len(rows[table.name])


NEW_FIELDS = '''
    confidence: float | None = added_later()  # fields added for this test
    checked: bool = added_later(False)
'''


def test_a_new_report_field_is_one_edit(tmp_path):
    """Copy the package, add fields to Quote (one line each), and check that they reach the JSON Schema,
    the rows, the Arrow schema, a new store and an old store (to which the columns are added)."""
    old_db = tmp_path / "old.duckdb"
    con = connect(str(old_db))
    store_reports(con, [summit_report()])
    con.close()
    copy = tmp_path / "src"
    shutil.copytree(SRC / "sayso", copy / "sayso", ignore=shutil.ignore_patterns("__pycache__"))
    report_py = copy / "sayso" / "report.py"
    text = report_py.read_text(encoding="utf-8")
    anchor = "    sentence: Span | None = added_later()\n"
    assert text.count(anchor) == 1
    report_py.write_text(text.replace(anchor, anchor + NEW_FIELDS.lstrip("\n")), encoding="utf-8")
    script = textwrap.dedent(f"""
        import dataclasses, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from store_fixtures import summit_report
        from sayso.report_schema import report_schema
        from sayso.store import connect, rebuild_report, store_reports
        from sayso.store.rows import report_rows
        from sayso.store.tables import TABLES
        assert report_schema()["$defs"]["Quote"]["properties"]["confidence"] == {{"type": ["number", "null"]}}
        old = summit_report()
        report = summit_report(lead="Again. ")
        report.quotes[0] = dataclasses.replace(report.quotes[0], confidence=0.75, checked=True)
        assert report_rows(report)["quotes"][0]["confidence"] == 0.75
        assert "confidence" in TABLES["quotes"].arrow_schema().names
        new = connect(":memory:")
        store_reports(new, [report])
        assert rebuild_report(new, report.article.id) == report
        con = connect({str(old_db)!r})  # an older store: the columns are added, old rows get the defaults
        assert rebuild_report(con, old.article.id) == old
        store_reports(con, [report])
        assert rebuild_report(con, report.article.id) == report
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]


def test_a_read_only_handle_refuses_a_store_that_lacks_a_described_column(tmp_path):
    from sayso.errors import StoreError

    db = str(tmp_path / "s.duckdb")
    connect(db).close()
    raw = duckdb.connect(db)
    raw.execute("DROP INDEX quotes_speaker")
    raw.close()
    with pytest.raises(StoreError, match="lacks quotes_speaker; run `sayso ingest` once"):
        connect(db, read_only=True)
    connect(db).close()  # a writable handle adds it back
    connect(db, read_only=True).close()


def test_record_tables_cover_every_list_of_records():
    for cls in _records():
        for f in record_fields(cls):
            if f.type.origin is list and describe(f.type.args[0]).is_record:
                assert any(f.name in t.fields for t in tables_of(cls)), f"{cls.__name__}.{f.name}"
