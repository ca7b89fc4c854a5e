"""The web view's read-only handle on the corpus database.

Why reopen on change: ``sayso ingest`` may build a fresh copy of the database and move it into place
while the server runs. Each request checks the file's identity (inode, size, mtime: one ``stat``) and
reopens the read-only connection when the file was replaced, so the server never needs a restart and
never holds a write lock. Each request gets its own cursor: a DuckDB connection is not safe to share
between the worker threads that serve requests, its cursors are.
"""

from __future__ import annotations

import logging
import os
import threading

import duckdb

from sayso.errors import StoreError
from sayso.store.db import connect

log = logging.getLogger(__name__)


class Corpus:
    def __init__(self, path: str) -> None:
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._lock = threading.Lock()

    def _file_stamp(self) -> tuple[int, int, int]:
        try:
            st = os.stat(self.path)
        except OSError:
            raise StoreError(f"{self.path}: no such database (create it with `sayso ingest`)") from None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the current database file; raises StoreError when there is none."""
        stamp = self._file_stamp()
        with self._lock:
            if self._con is None or stamp != self._stamp:
                if self._con is not None:
                    log.info("database %s changed on disk; reopening", self.path)
                    self._close()
                self._con = connect(self.path, read_only=True)
                self._stamp = stamp
            return self._con.cursor()

    def _close(self) -> None:
        if self._con is not None:
            try:
                self._con.close()
            except duckdb.Error:  # an already broken handle: nothing left to release
                pass
            self._con = None

    def close(self) -> None:
        with self._lock:
            self._close()

    @property
    def available(self) -> bool:
        return os.path.isfile(self.path)
