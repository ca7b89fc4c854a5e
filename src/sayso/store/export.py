"""``sayso export`` and ``sayso sql``: whole tables out (parquet/csv via DuckDB's COPY), reports out
(jsonl, rebuilt from the tables), and read-only SQL for anyone who wants more than the commands give."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from sayso.errors import StoreError
from sayso.store.db import connect
from sayso.store.rebuild import iter_reports
from sayso.store.tables import TABLES

log = logging.getLogger(__name__)

# Every table (a new list field's table too) but the near-duplicate index, and the quote clusters.
EXPORT_TABLES = (*(name for name in TABLES if name not in ("article_minhash", "lsh_buckets")), "quote_clusters")


def export_store(db_path: str | None, fmt: str, out_dir: str | Path) -> list[Path]:
    """One file per table (parquet, csv) or one report per line (jsonl); returns the files written."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    con = connect(db_path, read_only=True)
    written: list[Path] = []
    try:
        if fmt == "jsonl":
            target = out / "reports.jsonl"
            with target.open("w", encoding="utf-8") as fh:
                for report in iter_reports(con):
                    fh.write(report.to_json() + "\n")
            return [target]
        if fmt not in ("parquet", "csv"):
            raise StoreError(f"unknown export format {fmt!r} (parquet, csv or jsonl)")
        option = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
        for table in EXPORT_TABLES:
            target = out / f"{table}.{fmt}"
            path_sql = str(target).replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {table}) TO '{path_sql}' {option}")
            written.append(target)
        return written
    except duckdb.Error as exc:
        raise StoreError(f"export failed: {exc}") from None
    finally:
        con.close()


_READ_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA"}


@dataclass
class SqlResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_sql(db_path: str | None, sql: str, limit: int | None = None) -> SqlResult:
    """Run one query on a read-only, sandboxed connection. Only SELECT-like statements pass (a read-only
    connection still lets COPY TO or ATTACH write elsewhere); DuckDB refuses any write as well, and any
    file but the store (``read_csv('/etc/passwd')``)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(f"SQL error: {str(exc).splitlines()[0]}") from None
    if len(statements) != 1:
        raise StoreError("give exactly one SQL statement")
    kind = str(statements[0].type).rsplit(".", 1)[-1]
    if kind not in _READ_STATEMENTS:
        raise StoreError(f"the sql command is read-only: {kind} statements are refused")
    con = connect(db_path, read_only=True, sandboxed=True)
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return SqlResult([], [])
        rows = cur.fetchmany(limit) if limit else cur.fetchall()
        return SqlResult([d[0] for d in cur.description], rows)
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "read-only" in message.lower() or "read only" in message.lower():
            raise StoreError("the sql command is read-only: statements that change the store are refused") from None
        raise StoreError(f"SQL error: {message}") from None
    finally:
        con.close()


def jsonable(value: Any) -> Any:
    """DuckDB values (dates, decimals) in a JSON-friendly form."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


def dumps_rows(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    return json.dumps([dict(zip(columns, (jsonable(v) for v in r))) for r in rows], ensure_ascii=False, indent=2)
