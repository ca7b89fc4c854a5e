"""Small SQL helpers of the query functions. Every value reaches DuckDB as a bound parameter; only fixed
fragments chosen by code (and ``int()``-checked id lists) are joined into the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

Cursor = duckdb.DuckDBPyConnection


@dataclass
class Where:
    """WHERE conditions and their parameters, built together so they cannot drift apart."""

    conds: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def published(self, since: date | None, until: date | None, column: str = "a.published") -> None:
        """The article's publication day inside [since, until]."""
        if since is not None:
            self.add(f"{column} >= ?", since.isoformat())
        if until is not None:
            self.add(f"{column} <= ?", until.isoformat())

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conds) if self.conds else ""


def dicts(cur: Cursor, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, r)) for r in result.fetchall()]


def scalar(cur: Cursor, sql: str, params: list[Any] | None = None) -> Any:
    rows = cur.execute(sql, params or []).fetchall()  # all: no result left open on the cursor
    return rows[0][0] if rows else None
