"""Open the DuckDB store and bring its schema up to date with the numbered migrations.

DuckDB lets one process write a database file at a time; a second writer gets a lock error, which we
turn into one clear ``StoreError`` line instead of a traceback.
"""

from __future__ import annotations

import logging
import os
import re
from importlib import resources
from pathlib import Path

import duckdb

from sayso.errors import StoreError
from sayso.settings import DEFAULT_DB

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


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations not yet recorded, each in its own transaction; return the new version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    latest = current
    for version, name, sql in migrations():
        if version <= current:
            continue
        log.info("applying store migration %03d_%s", version, name)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"store migration {version:03d}_{name} failed: {exc}") from None
        latest = version
    return latest


def _open_error(path: str, exc: Exception) -> StoreError:
    message = str(exc)
    if "lock" in message.lower():
        return StoreError(
            f"{path}: the database is locked by another process (DuckDB allows one writer at a time); "
            "wait for it to finish or use another --db"
        )
    return StoreError(f"{path}: cannot open the database ({message.splitlines()[0]})")


def connect(path: str | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the schema up to date. Read-only connections never create or migrate;
    they refuse a file that does not exist or that an older sayso has not migrated."""
    db = path or default_db_path()
    if read_only and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"{db}: no such database (create it with `sayso ingest`)")
    try:
        con = duckdb.connect(db, read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(db, exc) from None
    if read_only:
        latest = migrations()[-1][0]
        have = schema_version(con)
        if have < latest:
            con.close()
            raise StoreError(f"{db}: store schema version {have}, this sayso needs {latest}; run `sayso ingest` once to migrate")
        return con
    try:
        migrate(con)
    except StoreError:
        con.close()
        raise
    return con
