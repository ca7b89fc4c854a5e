"""Open the DuckDB store and bring its schema up to date.

A new store is created from the table descriptions (``store/tables.py``, derived from the report's
dataclasses) and stamped with the latest migration number. An existing store first gets the numbered
migrations it has not had (``migrations/NNN_name.sql``: renames, type changes, anything not additive),
then whatever the description adds (new tables, columns, indexes, views: ``store/ddl.py``).
``001_initial.sql`` is the schema of version 1 as first shipped; the tests check that the description
still creates exactly that schema.

DuckDB lets one process write a database file at a time; a second writer gets a lock error, which we
turn into one clear ``StoreError`` line instead of a traceback.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import duckdb

from sayso.errors import StoreError
from sayso.settings import DEFAULT_DB
from sayso.store.ddl import bring_up_to_date, missing

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def default_db_path() -> str:
    return os.environ.get("SAYSO_DB") or DEFAULT_DB


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every shipped migration, in order."""
    folder = resources.files("sayso.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0) if row else 0


def _in_transaction(con: duckdb.DuckDBPyConnection, what: str, *steps: Callable[[], object]) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for step in steps:
            step()
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{what} failed: {exc}") from None


def _stamp(con: duckdb.DuckDBPyConnection, version: int, name: str) -> Callable[[], object]:
    return lambda: con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Create a new store, or apply the migrations not yet recorded (each in its own transaction) and
    add what the description adds; return the schema version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    shipped = migrations()
    if current == 0:
        log.info("creating the store schema")
        _in_transaction(con, "creating the store schema", lambda: bring_up_to_date(con),
                        *(_stamp(con, version, name) for version, name, _ in shipped))
        return shipped[-1][0]
    for version, name, sql in shipped:
        if version <= current:
            continue
        log.info("applying store migration %03d_%s", version, name)
        _in_transaction(con, f"store migration {version:03d}_{name}", lambda sql=sql: con.execute(sql),
                        _stamp(con, version, name))
        current = version
    if missing(con):
        _in_transaction(con, "adding the new tables and columns to the store", lambda: bring_up_to_date(con))
    return current


def check_current(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """``StoreError`` when a store is older than this sayso (a read-only handle cannot migrate it)."""
    latest = migrations()[-1][0]
    have = schema_version(con)
    if have < latest:
        raise StoreError(f"{path}: store schema version {have}, this sayso needs {latest}; run `sayso ingest` once to migrate")
    lacking = missing(con)
    if lacking:
        raise StoreError(f"{path}: the store lacks {', '.join(lacking[:5])}; run `sayso ingest` once to migrate")


def _open_error(path: str, exc: Exception) -> StoreError:
    message = str(exc)
    if "lock" in message.lower():
        return StoreError(
            f"{path}: the database is locked by another process (DuckDB allows one writer at a time); "
            "wait for it to finish or use another --db"
        )
    return StoreError(f"{path}: cannot open the database ({message.splitlines()[0]})")


# For connections that run SQL written by a user: no file but the store itself, no setting changed.
SANDBOX = {"enable_external_access": False, "lock_configuration": True}


def connect(path: str | None = None, *, read_only: bool = False, sandboxed: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the schema up to date. Read-only connections never create or migrate;
    they refuse a file that does not exist or that an older sayso has not migrated. A ``sandboxed``
    connection (for SQL a user wrote) can read no other file: ``read_csv('/etc/passwd')`` is refused."""
    db = path or default_db_path()
    if read_only and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"{db}: no such database (create it with `sayso ingest`)")
    try:
        con = duckdb.connect(db, read_only=read_only, config=SANDBOX if sandboxed else {})
    except duckdb.Error as exc:
        raise _open_error(db, exc) from None
    if read_only:
        try:
            check_current(con, db)
        except StoreError:
            con.close()
            raise
        return con
    try:
        migrate(con)
    except StoreError:
        con.close()
        raise
    return con
