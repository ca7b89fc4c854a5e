"""The DuckDB store as ingest's sink: each batch is one transaction (``writer.py``), errors go to the
``errors`` table, and DuckDB's memory is capped so a long ingest does not grow towards most of RAM."""

from __future__ import annotations

from sayso.read.article import ReadError
from sayso.sink import BatchResult, StoredReport
from sayso.store.db import connect
from sayso.store.writer import StoreWriter


class DuckDBSink:
    def __init__(self, db_path: str | None = None, *, memory_limit_mb: int = 512) -> None:
        self.con = connect(db_path)  # StoreError (one line) when another process holds the file
        # DuckDB's cache would otherwise grow towards 80% of RAM on a big store; batches need little.
        self.con.execute(f"SET memory_limit = '{int(memory_limit_mb)}MB'")
        self.writer = StoreWriter(self.con)

    def known_keys(self, keys: list[str]) -> set[str]:
        return self.writer.known_keys(keys)

    def write(self, reports: list[StoredReport], errors: list[ReadError]) -> BatchResult:
        result = self.writer.write_batch(reports)
        self.writer.write_errors([*errors, *result.failed])
        return result

    def close(self) -> None:
        try:
            self.con.execute("CHECKPOINT")
        finally:
            self.con.close()
