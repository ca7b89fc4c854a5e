"""Rows -> table, json or csv text for the store commands (kept out of the command functions)."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, is_dataclass
from typing import Any

from sayso.query import Page
from sayso.store.export import dumps_rows, jsonable


def _cell(value: Any, joiner: str = " ← ") -> str:
    """One cell; a list is a via chain by default (nearest source first), else joined by ``joiner``; a
    record with a name (a source, a participant) shows its name, a state media source marked."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return joiner.join(_cell(v, joiner) for v in value)
    if isinstance(value, dict) and "name" in value:
        return str(value["name"]) + (" (state media)" if value.get("state_media") else "")
    return str(value)


def render(columns: list[str], rows: list[tuple[Any, ...]], fmt: str, title: str | None = None,
           joiner: str = " ← ") -> str:
    if fmt == "json":
        return dumps_rows(columns, rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([[_cell(jsonable(v), joiner) for v in r] for r in rows])
        return out.getvalue().rstrip("\n")
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(v, joiner) for v in r))
    out = io.StringIO()
    Console(file=out, width=160, force_terminal=False).print(table)
    return out.getvalue().rstrip("\n")


def render_page(page: Page[Any], fmt: str, columns: list[str], what: str, joiner: str = " ← ") -> str:
    """One page of a query's answer; the table's title says which rows of how many."""
    first = page.offset + 1 if page.items else 0
    title = f"{what} {first}-{page.offset + len(page.items)} of {page.total}"
    return render_records(page.items, fmt, columns, title, joiner)


def render_records(records: list[Any], fmt: str, columns: list[str], title: str | None = None,
                   joiner: str = " ← ") -> str:
    """Dataclass records, showing ``columns`` (json shows every field)."""
    dicts = [asdict(r) if is_dataclass(r) else dict(r) for r in records]
    if fmt == "json":
        all_cols = list(dicts[0]) if dicts else columns
        return dumps_rows(all_cols, [tuple(d[c] for c in all_cols) for d in dicts])
    return render(columns, [tuple(d[c] for c in columns) for d in dicts], fmt, title, joiner)
