"""``sayso events`` (who did what to whom, filtered) and ``sayso dyads`` (counts per country pair and type)."""

from __future__ import annotations

from dataclasses import asdict
from enum import Enum
from typing import Annotated

import typer

from sayso.cli.options import DbOption, Fmt
from sayso.cli.store_render import render_records


class By(str, Enum):
    month = "month"
    week = "week"
    year = "year"


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
    if fmt is Fmt.csv and rows:
        columns = list(asdict(rows[0]))
    typer.echo(render_records(rows, fmt.value, columns, "events", joiner=", "))


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
    typer.echo(render_records(rows, fmt.value, columns, "dyads", joiner=", "))


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("dyads")(dyads_command)
