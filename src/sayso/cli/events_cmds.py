"""``sayso events`` (who did what to whom, filtered) and ``sayso dyads`` (counts per country pair and type)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from enum import Enum
from typing import Annotated, Any

import typer

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: $SAYSO_DB, else sayso.duckdb).")]


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class By(str, Enum):
    month = "month"
    week = "week"
    year = "year"


def _render(rows: list[dict[str, Any]], columns: list[str], fmt: Fmt, title: str) -> str:
    if fmt is Fmt.json:
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt is Fmt.csv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "|".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
        return out.getvalue().rstrip("\n")
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("—" if row[c] is None else ", ".join(map(str, row[c])) if isinstance(row[c], list) else str(row[c]) for c in columns))
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=False).print(table)
    return buf.getvalue().rstrip("\n")


def events_command(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor name or ISO3 country (who did it).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name or ISO3 country (to whom).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type: ACCUSE, CONSULT, ...")] = None,  # noqa: A002
    since: Annotated[str | None, typer.Option(help="Event date from (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="Event date until (YYYY-MM-DD or YYYY-MM), inclusive.")] = None,
    all_events: Annotated[bool, typer.Option("--all", help="Include negated and modal (unrealised) events.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 100,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="table, json or csv.")] = Fmt.table,
) -> None:
    """List stored events: who did what to whom, when, on whose say-so."""
    from sayso.store import connect, default_db_path
    from sayso.store.events_queries import EventFilter, find_events

    con = connect(db or default_db_path(), read_only=True)
    try:
        rows = find_events(con, EventFilter(actor, recipient, type, since, until, all_events, limit))
    finally:
        con.close()
    columns = ["date", "type", "mode", "actors", "recipients", "trigger", "intensity", "via", "title"]
    if all_events:
        columns[3:3] = ["negated", "modality"]
    typer.echo(_render([asdict(r) for r in rows], columns if fmt is Fmt.table else list(asdict(rows[0]) if rows else columns), fmt, "events"))


def dyads_command(
    db: DbOption = None,
    by: Annotated[By | None, typer.Option(help="Group by month, week or year of the event date.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,  # noqa: A002
    since: Annotated[str | None, typer.Option(help="Event date from (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="Event date until (YYYY-MM-DD or YYYY-MM), inclusive.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="table, json or csv.")] = Fmt.table,
) -> None:
    """Event counts and mean intensity per (actor country, recipient country, type)."""
    from sayso.store import connect, default_db_path
    from sayso.store.events_queries import EventFilter, dyads

    con = connect(db or default_db_path(), read_only=True)
    try:
        rows = dyads(con, by.value if by else None, EventFilter(type=type, since=since, until=until))
    finally:
        con.close()
    columns = ["period", "actor_country", "recipient_country", "type", "events", "mean_intensity"]
    if by is None and fmt is Fmt.table:
        columns = columns[1:]
    typer.echo(_render([asdict(r) for r in rows], columns, fmt, "dyads"))


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("dyads")(dyads_command)
