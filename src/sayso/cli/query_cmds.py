"""The query commands: ``quotes``, ``actors``, ``sources``, ``events``, ``dyads``. Each parses its options
into a filter of the query layer (``sayso.query``), calls the one function the web calls for the same
question, and renders the records; what every option means is in docs/query.md."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer

from sayso.cli.options import DbOption, Fmt
from sayso.cli.store_render import render_page, render_records

T = TypeVar("T")
DAY = "YYYY, YYYY-MM or YYYY-MM-DD"


class ActorType(str, Enum):
    person = "person"
    organization = "organization"
    country = "country"
    media = "media"
    group = "group"


class By(str, Enum):
    month = "month"
    week = "week"
    year = "year"


class SourcesBy(str, Enum):
    speaker = "speaker"
    source = "source"


Format = Annotated[Fmt, typer.Option("--format", "-f", help="table, json or csv.")]
Limit = Annotated[int, typer.Option(min=1, help="At most this many rows.")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many rows (paging).")]
Since = Annotated[str | None, typer.Option(help=f"From this day ({DAY}: the first day of it), inclusive.")]
Until = Annotated[str | None, typer.Option(help=f"Until this day ({DAY}: the last day of it), inclusive.")]
Speaker = Annotated[str | None, typer.Option(help="Speaker: name or alias ('Xi', 'President Xi'), actor id or ISO3 country.")]
AllEvents = Annotated[bool, typer.Option("--all", "--include-uncounted",
                                         help="Also negated and modal (unrealised) events.")]


def _checked(hint: str, build: Callable[[], T]) -> T:
    """A filter value the query layer refuses becomes a usage error on its option."""
    from sayso.query import QueryError

    try:
        return build()
    except QueryError as exc:
        raise typer.BadParameter(str(exc), param_hint=hint) from None


def _day(hint: str, value: str | None, *, end: bool = False) -> date | None:
    from sayso.query import parse_day

    return None if value is None else _checked(hint, lambda: parse_day(value, end=end))


@contextmanager
def _cursor(db: str | None) -> Iterator[Any]:
    from sayso.store import connect, default_db_path

    con = connect(db or default_db_path(), read_only=True)
    try:
        yield con
    finally:
        con.close()


def quotes_command(
    speaker: Speaker = None,
    addressee: Annotated[str | None, typer.Option(help="Addressee, as --speaker.")] = None,
    via: Annotated[str | None, typer.Option(help="A source of the chain (actor, as --speaker), or words of an unnamed one.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The article's outlet, exactly.")] = None,
    state_media_only: Annotated[bool, typer.Option(
        "--state-media-only", help="Only quotes resting on state media (some link of the source chain).")] = False,
    text: Annotated[str | None, typer.Option(help="Words the quote contains, each as a whole word ('sanction*': any word starting so).")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = Fmt.table,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Search stored quotes by speaker, addressee, source, words and publication day."""
    from sayso.query import QuoteFilter, find_quotes

    f = _checked("--text", lambda: QuoteFilter(speaker, addressee, via, outlet, state_media_only, text,
                                               _day("--since", since), _day("--until", until, end=True),
                                               None, limit, offset))
    with _cursor(db) as cur:
        page = find_quotes(cur, f)
    typer.echo(render_page(page, format.value, ["published", "outlet", "speaker", "addressee", "via", "text"], "quotes"))


def actors_command(
    name: Annotated[str | None, typer.Option(help="Actors by name (whole words), actor id or ISO3 country.")] = None,
    type: Annotated[ActorType | None, typer.Option("--type", help="person, media, country, organization, group.")] = None,  # noqa: A002
    state_media: Annotated[bool | None, typer.Option("--state-media/--not-state-media",
                                                     help="Only state media outlets, or none of them.")] = None,
    top: Annotated[int, typer.Option("--top", "--limit", min=1, help="How many actors.")] = 20,
    offset: Offset = 0,
    format: Format = Fmt.table,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Actors, most quoted first: quotes said, articles and outlets quoting them, articles naming them."""
    from sayso.query import ActorFilter, list_actors

    f = ActorFilter(name, type.value if type else None, state_media, top, offset)
    with _cursor(db) as cur:
        page = list_actors(cur, f)
    cols = ["name", "type", "country", "state_media", "quotes", "quoted_in", "outlets", "mentioned_in"]
    typer.echo(render_page(page, format.value, cols, "actors"))


def sources_command(
    by: Annotated[SourcesBy, typer.Option(help="speaker: how each speaker's quotes reach the reader; "
                                               "source: sources ranked by the quotes they carry.")] = SourcesBy.speaker,
    speaker: Annotated[str | None, typer.Option(help="With --by speaker: one speaker (as for quotes).")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = Fmt.table,  # noqa: A002
    db: DbOption = None,
) -> None:
    """How quotes reach the reader: through state media, independent sources, or no named source."""
    from sayso.query import SourceFilter, rank_sources, speaker_sources

    f = SourceFilter(speaker, _day("--since", since), _day("--until", until, end=True), limit, offset)
    with _cursor(db) as cur:
        if by is SourcesBy.source:
            cols = ["name", "type", "state_media", "quotes", "nearest", "articles"]
            typer.echo(render_page(rank_sources(cur, f), format.value, cols, "sources"))
        else:
            cols = ["speaker", "state_media", "independent", "unnamed", "total"]
            typer.echo(render_page(speaker_sources(cur, f), format.value, cols, "how quotes reach the reader"))


def events_command(
    actor: Annotated[str | None, typer.Option(help="Who did it: name, actor id or ISO3 country.")] = None,
    recipient: Annotated[str | None, typer.Option(help="To whom: name, actor id or ISO3 country.")] = None,
    involving: Annotated[str | None, typer.Option(help="Either side: name, actor id or ISO3 country.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type: ACCUSE, CONSULT, ...")] = None,  # noqa: A002
    since: Since = None,
    until: Until = None,
    all_events: AllEvents = False,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = Fmt.table,  # noqa: A002
    db: DbOption = None,
) -> None:
    """List stored events: who did what to whom, when, on whose say-so (the event's whole date must lie
    inside --since/--until)."""
    from sayso.query import EventFilter, find_events

    f = _checked("--type", lambda: EventFilter(actor, recipient, involving, type, _day("--since", since),
                                               _day("--until", until, end=True), all_events, limit, offset))
    with _cursor(db) as cur:
        page = find_events(cur, f)
    cols = ["when", "type", "mode", "actors", "recipients", "trigger", "intensity", "via", "title"]
    if all_events:
        cols[3:3] = ["negated", "modality"]
    typer.echo(render_page(page, format.value, cols, "events", joiner=", "))


def dyads_command(
    by: Annotated[By | None, typer.Option(help="Group by month, week or year; a coarser date gets its own "
                                               "period ('2024' beside '2024-03').")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,  # noqa: A002
    since: Since = None,
    until: Until = None,
    all_events: AllEvents = False,
    format: Format = Fmt.table,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Event counts and mean intensity per (actor country, recipient country, type), and period."""
    from sayso.query import EventFilter, dyads

    f = _checked("--type", lambda: EventFilter(type=type, since=_day("--since", since),
                                               until=_day("--until", until, end=True), include_uncounted=all_events))
    with _cursor(db) as cur:
        rows = dyads(cur, f, by.value if by else None)
    cols = ["period", "actor_country", "recipient_country", "type", "events", "mean_intensity"]
    if by is None and format is Fmt.table:
        cols = cols[1:]
    typer.echo(render_records(rows, format.value, cols, "dyads", joiner=", "))


def register(app: typer.Typer) -> None:
    for name, command in (("quotes", quotes_command), ("actors", actors_command), ("sources", sources_command),
                          ("events", events_command), ("dyads", dyads_command)):
        app.command(name)(command)
