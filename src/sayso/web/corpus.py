"""The web view's read-only handle on the corpus database, with its in-memory quote index.

Why an in-memory DuckDB with the corpus ATTACHed read-only: the file is never written and no write lock
is held, while the in-memory side is free for the index build's scratch work. The quote index
(``query/quote_index.py``) is built when the file is opened.

Why reopen on change: ``sayso ingest`` may build a fresh copy of the database and move it into place
while the server runs. Each request checks the file's identity (inode, size, mtime: one ``stat``) and
reopens (and re-indexes) when the file was replaced, so the server needs no restart. Each request gets
its own cursor: a DuckDB connection is not safe to share between worker threads, its cursors are.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import duckdb

from sayso.errors import StoreError
from sayso.query import Page, QuoteFilter, QuoteIndex, QuoteRow, actor_ids
from sayso.report import Report
from sayso.store.db import migrations, schema_version

log = logging.getLogger(__name__)
MAX_REMEMBERED_NAMES = 50_000


def _open_read_only(path: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    literal = "'" + path.replace("'", "''") + "'"
    try:
        con.execute(f"ATTACH {literal} AS corpus (READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        first = str(exc).splitlines()[0]
        if "lock" in first.lower():
            raise StoreError(f"{path}: the database is locked by a writer; serve a finished copy") from None
        raise StoreError(f"{path}: cannot open the database ({first})") from None
    con.execute("USE corpus")
    con.execute("SET enable_progress_bar = false")  # a server has no terminal to draw on
    have, latest = schema_version(con), migrations()[-1][0]
    if have < latest:
        con.close()
        raise StoreError(f"{path}: store schema version {have}, this sayso needs {latest}; run `sayso ingest` once to migrate")
    return con


class Corpus:
    def __init__(self, path: str) -> None:
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = None
        self._index: QuoteIndex | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._lock = threading.Lock()
        self._names: dict[str, list[int]] = {}  # name -> actor ids, for the file now open

    def _file_stamp(self) -> tuple[int, int, int]:
        try:
            st = os.stat(self.path)
        except OSError:
            raise StoreError(f"{self.path}: no such database (create it with `sayso ingest`)") from None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _current(self) -> tuple[duckdb.DuckDBPyConnection, QuoteIndex]:
        stamp = self._file_stamp()
        with self._lock:
            if self._con is None or self._index is None or stamp != self._stamp:
                if self._con is not None:
                    log.info("database %s changed on disk; reopening", self.path)
                    self._close()
                t0 = time.perf_counter()
                con = _open_read_only(self.path)
                cur = con.cursor()
                try:
                    cur.execute("USE corpus")
                    index = QuoteIndex.build(cur)
                    # what the name rule reads, copied into memory: a lookup in microseconds
                    con.execute("CREATE TABLE memory.main.actor_aliases AS SELECT * FROM corpus.actor_aliases")
                    con.execute("CREATE TABLE memory.main.actors AS SELECT id, country FROM corpus.actors")
                except duckdb.Error as exc:
                    con.close()
                    raise StoreError(f"{self.path}: cannot index the quotes ({str(exc).splitlines()[0]})") from None
                finally:
                    cur.close()
                log.info("opened %s and indexed %d quotes in %.1fs", self.path, index.size, time.perf_counter() - t0)
                self._con, self._index, self._stamp, self._names = con, index, stamp, {}
            return self._con, self._index

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the current database file, its tables unqualified; StoreError when there is
        no usable database."""
        con, _ = self._current()
        cur = con.cursor()
        cur.execute("USE corpus")
        return cur

    def quote_index(self) -> QuoteIndex:
        return self._current()[1]

    def actor_ids(self, name: str) -> list[int]:
        """Actor ids for a typed actor (``query.names``' rule, over the in-memory copy of what it
        reads), remembered until the file changes: searches repeat names."""
        found = self._names.get(name)
        if found is None:
            con, _ = self._current()
            cur = con.cursor()
            try:
                cur.execute("USE memory")
                found = actor_ids(cur, name)
            finally:
                cur.close()
            if len(self._names) > MAX_REMEMBERED_NAMES:
                self._names.clear()
            self._names[name] = found
        return found

    def find_quotes(self, f: QuoteFilter) -> Page[QuoteRow]:
        """``query.find_quotes``' answer, from the in-memory index."""
        return self.quote_index().search(f, self.actor_ids)

    def store(self, report: Report) -> None:
        """Save one report (the Paste page's "save"): the only write the web view makes, and only when
        asked. The read-only handle is closed for the moment of the write (DuckDB lets one process hold
        a file either way, not both), then the file is reopened and re-indexed on the next request."""
        from sayso.store.db import connect
        from sayso.store.writer import store_reports

        with self._lock:
            self._close()
            self._stamp = None
            con = connect(self.path)  # StoreError when another process is writing
            try:
                store_reports(con, [report])
            finally:
                con.close()

    def _close(self) -> None:
        if self._con is not None:
            try:
                self._con.close()
            except duckdb.Error:  # an already broken handle: nothing left to release
                pass
        self._con, self._index = None, None

    def close(self) -> None:
        with self._lock:
            self._close()

    @property
    def available(self) -> bool:
        return os.path.isfile(self.path)
