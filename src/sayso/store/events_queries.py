"""Queries over the stored events (tables ``events``, ``event_actors``, ``event_sources`` of migration 001).

Only realised events count by default: a negated event ("refused to condemn") or one with a modality
("may impose", "threatened to impose") is kept in the store for the reader but left out of lists and dyads
unless asked for (``include_uncounted``), the same rule as ``sayso.extract.events.coder.counted``.

An event's date is its resolved date (``date_start``; the last day for a range such as "in the past decade")
and, when the sentence gave none, the article's publication day; ``since``/``until`` and the dyad periods
use that date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb

from sayso.store.queries import resolve_actor

Period = Literal["month", "week", "year"]
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass
class EventFilter:
    actor: str | None = None  # a name ("Xi", "Russia") or an ISO3 country code ("RUS")
    recipient: str | None = None
    type: str | None = None  # PLOVER type
    since: str | None = None  # event date, inclusive, YYYY-MM-DD (or a prefix: YYYY-MM)
    until: str | None = None
    include_uncounted: bool = False
    limit: int = 100
    offset: int = 0


@dataclass
class EventRow:
    article_id: str
    event_id: str
    type: str
    mode: str | None
    actors: list[str]
    actor_countries: list[str]
    recipients: list[str]
    recipient_countries: list[str]
    trigger: str
    trigger_start: int
    date: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    negated: bool
    modality: str | None
    intensity: float | None
    cameo: str | None
    count: int | None
    location: str | None
    via: list[str] = field(default_factory=list)
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass
class DyadRow:
    period: str | None  # "2024-03", "2024-W11", "2024"; None when not grouped by time
    actor_country: str | None
    recipient_country: str | None
    type: str
    events: int
    mean_intensity: float | None


# a range ("in the past decade") is dated by its last day, so it is not filed ten years back
_EVENT_DATE = "coalesce(CASE WHEN e.date_precision = 'range' THEN e.date_end ELSE e.date_start END, a.published)"
_COUNTED = "NOT e.negated AND e.modality IS NULL"


def _participant_clause(con: duckdb.DuckDBPyConnection, role: str, value: str) -> tuple[str, list[Any]] | None:
    """SQL restricting events to those with a ``role`` participant named ``value`` (or of that country)."""
    base = ("EXISTS (SELECT 1 FROM event_actors x JOIN actors xa ON xa.id = x.actor_id "
            "WHERE x.article_id = e.article_id AND x.event_id = e.local_id AND x.role = ? AND {cond})")
    if _ISO3.match(value.strip()):
        return base.format(cond="xa.country = ?"), [role, value.strip()]
    ids = resolve_actor(con, value)
    if not ids:
        return None
    id_list = ", ".join(str(int(i)) for i in ids)
    return base.format(cond=f"x.actor_id IN ({id_list})"), [role]


def _where(con: duckdb.DuckDBPyConnection, f: EventFilter) -> tuple[str, list[Any]] | None:
    """The WHERE clause of a filter; None when a named actor matches nobody (no events, no query)."""
    conds: list[str] = []
    params: list[Any] = []
    if not f.include_uncounted:
        conds.append(_COUNTED)
    if f.type:
        conds.append("e.type = ?")
        params.append(f.type.upper())
    if f.since:
        conds.append(f"{_EVENT_DATE} >= ?")
        params.append(f.since)
    if f.until:
        conds.append(f"substr({_EVENT_DATE}, 1, ?) <= ?")  # "2024-03" includes every day of March
        params += [len(f.until), f.until]
    for role, value in (("actor", f.actor), ("recipient", f.recipient)):
        if value:
            clause = _participant_clause(con, role, value)
            if clause is None:
                return None
            conds.append(clause[0])
            params += clause[1]
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


_PARTICIPANTS = """
(SELECT list(coalesce(pa.name, p.local_actor) ORDER BY p.ord) FROM event_actors p
   LEFT JOIN actors pa ON pa.id = p.actor_id
  WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND p.role = '{role}') AS {role}s,
(SELECT list(DISTINCT pa.country) FROM event_actors p JOIN actors pa ON pa.id = p.actor_id
  WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND p.role = '{role}'
    AND pa.country IS NOT NULL) AS {role}_countries
"""

_SELECT = f"""
SELECT e.article_id, e.local_id, e.type, e.mode,
       {_PARTICIPANTS.format(role="actor")},
       {_PARTICIPANTS.format(role="recipient")},
       e.trigger_text, e.trigger_start, {_EVENT_DATE} AS event_date, coalesce(e.date_end, a.published),
       e.date_precision, e.date_text, e.negated, e.modality, e.intensity, e.cameo, e.count, e.location_text,
       (SELECT list(coalesce(va.name, s.text) ORDER BY s.ord) FROM event_sources s
          LEFT JOIN actors va ON va.id = s.actor_id
         WHERE s.article_id = e.article_id AND s.item_id = e.local_id) AS via,
       a.published, a.title, a.url, a.outlet
FROM events e JOIN articles a ON a.id = e.article_id
"""


def find_events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> list[EventRow]:
    """Events matching the filter, newest event date first."""
    f = f or EventFilter()
    where = _where(con, f)
    if where is None:
        return []
    sql = f"{_SELECT} {where[0]} ORDER BY event_date DESC NULLS LAST, e.article_id, e.ord LIMIT ? OFFSET ?"
    rows = con.execute(sql, [*where[1], int(f.limit), int(f.offset)]).fetchall()
    return [
        EventRow(
            article_id=r[0], event_id=r[1], type=r[2], mode=r[3], actors=list(r[4] or []),
            actor_countries=sorted(r[5] or []), recipients=list(r[6] or []), recipient_countries=sorted(r[7] or []),
            trigger=r[8], trigger_start=r[9], date=r[10], date_end=r[11], date_precision=r[12], date_text=r[13],
            negated=bool(r[14]), modality=r[15], intensity=r[16], cameo=r[17], count=r[18], location=r[19],
            via=list(r[20] or []), published=r[21], title=r[22], url=r[23], outlet=r[24],
        )
        for r in rows
    ]


_PERIODS = {
    "month": "substr(ev.d, 1, 7)",
    "year": "substr(ev.d, 1, 4)",
    "week": "strftime(TRY_CAST(ev.d AS DATE), '%G-W%V')",
}


def dyads(con: duckdb.DuckDBPyConnection, by: Period | None = None, f: EventFilter | None = None) -> list[DyadRow]:
    """Counts and mean intensity per (period, actor country, recipient country, type). An event with two
    actor countries counts once for each; one without a recipient country counts with ``None``."""
    f = f or EventFilter()
    where = _where(con, f)
    if where is None:
        return []
    if by is not None and by not in _PERIODS:
        raise ValueError(f"period must be one of {sorted(_PERIODS)}")
    period = _PERIODS[by] if by else "NULL"
    sql = f"""
    WITH ev AS (
        SELECT e.article_id, e.local_id, e.type, e.intensity, {_EVENT_DATE} AS d
        FROM events e JOIN articles a ON a.id = e.article_id {where[0]}
    ),
    side AS (
        SELECT DISTINCT p.article_id, p.event_id, p.role, pa.country
        FROM event_actors p JOIN actors pa ON pa.id = p.actor_id WHERE pa.country IS NOT NULL
    )
    SELECT {period} AS period, ac.country, rc.country, ev.type, count(*) AS n, avg(ev.intensity)
    FROM ev
    JOIN side ac ON ac.article_id = ev.article_id AND ac.event_id = ev.local_id AND ac.role = 'actor'
    LEFT JOIN side rc ON rc.article_id = ev.article_id AND rc.event_id = ev.local_id AND rc.role = 'recipient'
    GROUP BY ALL
    ORDER BY period NULLS FIRST, n DESC, ac.country, rc.country NULLS LAST, ev.type
    """
    rows = con.execute(sql, where[1]).fetchall()
    return [DyadRow(r[0], r[1], r[2], r[3], int(r[4]), None if r[5] is None else round(float(r[5]), 2)) for r in rows]
