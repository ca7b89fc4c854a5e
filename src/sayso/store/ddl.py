"""SQL from the table descriptions (``store/tables.py``): a new store is created from them, and an
existing store gets the tables, columns, indexes and views it lacks.

Only additions are automatic: a new report field is a new nullable column (its default, when it has a
plain one, fills the rows stored before). A rename, a type change or a dropped column needs a numbered
migration in ``migrations/``.
"""

from __future__ import annotations

import logging

import duckdb

from sayso.records import record_fields
from sayso.store.columns import Column, Table
from sayso.store.tables import INDEXES, SEQUENCES, TABLES, VIEWS

log = logging.getLogger(__name__)


def create_table_sql(table: Table) -> str:
    if table.copy_of:
        return f"CREATE TABLE IF NOT EXISTS {table.name} AS SELECT * FROM {table.copy_of} WITH NO DATA"
    lines = [c.ddl() for c in table.columns]
    if table.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    return f"CREATE TABLE IF NOT EXISTS {table.name} (\n    " + ",\n    ".join(lines) + "\n)"


def table_statements() -> list[str]:
    """Sequences and tables, each statement a no-op for what exists."""
    return [f"CREATE SEQUENCE IF NOT EXISTS {name} START 1" for name in SEQUENCES] + [
        create_table_sql(t) for t in TABLES.values()]


def index_and_view_statements() -> list[str]:
    """Indexes (kept when they exist) and views (replaced, so a changed definition takes effect)."""
    return [f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})" for name, (table, column) in INDEXES.items()] + [
        f"CREATE OR REPLACE VIEW {name} AS {sql.strip()}" for name, sql in VIEWS.items()]


def existing_columns(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    rows = con.execute("SELECT table_name, column_name FROM information_schema.columns"
                       " WHERE table_schema = current_schema()").fetchall()
    return {(t, c) for t, c in rows}


def missing(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What the store lacks of the description: tables, columns (``table.column``), indexes, views."""
    have = existing_columns(con)
    tables = {t for t, _ in have}
    indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes() WHERE schema_name = current_schema()").fetchall()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = current_schema()").fetchall()}
    out = [name for name in TABLES if name not in tables]
    out += [f"{t.name}.{c.name}" for t, c in missing_columns(con)]
    out += [name for name in INDEXES if name not in indexes]
    out += [name for name in VIEWS if name not in views]
    return out


def missing_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[Table, Column]]:
    """Described columns the store lacks (tables it lacks entirely are not listed)."""
    have = existing_columns(con)
    tables = {t for t, _ in have}
    return [(t, c) for t in TABLES.values() if t.name in tables for c in t.columns if (t.name, c.name) not in have]


def _default_sql(table: Table, column: Column) -> str:
    """A DEFAULT for a column added to a store that already has rows: the field's plain default."""
    if column.path is None or len(column.path) != 1 or table.record is None:
        return ""
    field = next((f for f in record_fields(table.record) if f.name == column.path[0]), None)
    if field is None:
        return ""
    try:
        value = field.default()
    except KeyError:
        return ""
    if isinstance(value, bool):
        return f" DEFAULT {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f" DEFAULT {value}"
    if isinstance(value, str):
        return " DEFAULT '" + value.replace("'", "''") + "'"
    return ""


def bring_up_to_date(con: duckdb.DuckDBPyConnection) -> None:
    """Create what the store lacks and add the described columns it lacks (call inside a transaction)."""
    for statement in table_statements():
        con.execute(statement)
    for table, column in missing_columns(con):
        log.info("adding column %s.%s (a new report field)", table.name, column.name)
        con.execute(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {column.sql}{_default_sql(table, column)}")
    for statement in index_and_view_statements():
        con.execute(statement)
