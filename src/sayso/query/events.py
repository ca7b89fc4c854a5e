"""Events: the list, the dyad counts per country pair, and a pair of actors' timeline.

Which events count: a realised act, neither negated ("refused to condemn") nor modal ("may impose",
"threatened to impose"), the rule of ``sayso.extract.events.coder.counted``. The others are stored for
the reader and left out of every list, count and relation unless a filter asks for them
(``include_uncounted``). Dates follow ``query/dates.py`` (a window holds an event when it holds the
event's whole date; periods never file a coarse date under a finer period).
"""

from __future__ import annotations

from typing import Any

from sayso.query.dates import COUNTED, END, START, add_window, period_sql, when
from sayso.query.filters import EventFilter, Period, check_period
from sayso.query.names import actor_ids, id_list
from sayso.query.records import DyadRow, EventRow, Page, Participant, TimelinePoint, ViaLink
from sayso.query.sql import Cursor, Where, scalar

_ROLES = {"actor": "('actor')", "recipient": "('recipient')", "involving": "('actor', 'recipient')"}


def event_where(cur: Cursor, f: EventFilter) -> Where | None:
    """The filter as SQL over ``events e`` joined to ``articles a``; None when it names nobody."""
    w = Where()
    if not f.include_uncounted:
        w.add(COUNTED)
    if f.type:
        w.add("e.type = ?", f.type)
    add_window(w, f.since, f.until)
    for role, value in (("actor", f.actor), ("recipient", f.recipient), ("involving", f.involving)):
        if value:
            ids = actor_ids(cur, value)
            if not ids:
                return None
            w.add("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.local_id"
                  f" AND x.role IN {_ROLES[role]} AND x.actor_id IN {id_list(ids)})")
    return w


_PARTICIPANTS = """
(SELECT list({{'id': p.actor_id, 'name': coalesce(pa.name, p.local_actor), 'country': pa.country}} ORDER BY p.ord)
   FROM event_actors p LEFT JOIN actors pa ON pa.id = p.actor_id
  WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND p.role = '{role}') AS {role}s"""

_SELECT = f"""
SELECT e.article_id, e.local_id, e.type, e.mode, {_PARTICIPANTS.format(role="actor")},
       {_PARTICIPANTS.format(role="recipient")},
       e.trigger_text, e.trigger_start, {START} AS date_start, {END} AS date_end, e.date_precision, e.date_text,
       {COUNTED} AS counted, e.negated, e.modality, e.hedged, e.intensity, e.cameo, e.count, e.location_text,
       (SELECT list({{'id': s.actor_id, 'name': coalesce(va.name, s.text), 'state_media': coalesce(l.state_media, false),
                      'cue': s.cue_text}} ORDER BY s.ord)
          FROM event_sources s LEFT JOIN actors va ON va.id = s.actor_id
          LEFT JOIN article_actors l ON l.article_id = s.article_id AND l.local_id = s.local_actor
         WHERE s.article_id = e.article_id AND s.item_id = e.local_id) AS via,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS evidence,
       a.published, a.outlet, a.title, a.url
FROM events e JOIN articles a ON a.id = e.article_id
"""


def _event(r: tuple[Any, ...]) -> EventRow:
    return EventRow(
        article_id=r[0], event_id=r[1], type=r[2], mode=r[3],
        actors=[Participant(**p) for p in r[4] or []], recipients=[Participant(**p) for p in r[5] or []],
        trigger=r[6], trigger_start=r[7], when=when(r[8], r[9], r[10]), date_start=r[8], date_end=r[9],
        date_precision=r[10], date_text=r[11], counted=bool(r[12]), negated=bool(r[13]), modality=r[14],
        hedged=bool(r[15]), intensity=r[16], cameo=r[17], count=r[18], location=r[19],
        via=[ViaLink(v["id"], v["name"], bool(v["state_media"]), v["cue"]) for v in r[20] or []],
        evidence=r[21], published=r[22], outlet=r[23], title=r[24], url=r[25])


def find_events(cur: Cursor, f: EventFilter | None = None) -> Page[EventRow]:
    """Matching events, latest first (by the last day of their date), and the number of all matches."""
    f = f or EventFilter()
    w = event_where(cur, f)
    if w is None:
        return Page([], 0, f.limit, f.offset)
    sql = (f"{_SELECT}{w.sql()} ORDER BY date_end DESC NULLS LAST, date_start DESC NULLS LAST, a.num DESC, e.ord"
           " LIMIT ? OFFSET ?")
    items = [_event(r) for r in cur.execute(sql, [*w.params, f.limit, f.offset]).fetchall()]
    total = scalar(cur, f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{w.sql()}", w.params)
    return Page(items, int(total), f.limit, f.offset)


def dyads(cur: Cursor, f: EventFilter | None = None, by: Period | None = None) -> list[DyadRow]:
    """Events and mean intensity per (period, actor country, recipient country, type). An event with two
    actor countries counts once for each; one without a recipient country counts with ``None``.
    ``f.limit``/``f.offset`` do not apply: every group is returned."""
    f = f or EventFilter()
    check_period(by)
    w = event_where(cur, f)
    if w is None:
        return []
    period = period_sql(by) if by else "NULL"
    sql = f"""
    WITH ev AS (
        SELECT e.article_id, e.local_id, e.type, e.intensity, {period} AS period
        FROM events e JOIN articles a ON a.id = e.article_id{w.sql()}
    ),
    side AS (
        SELECT DISTINCT p.article_id, p.event_id, p.role, pa.country
        FROM event_actors p JOIN actors pa ON pa.id = p.actor_id WHERE pa.country IS NOT NULL
    )
    SELECT ev.period, ac.country, rc.country, ev.type, count(*) AS n, avg(ev.intensity)
    FROM ev
    JOIN side ac ON ac.article_id = ev.article_id AND ac.event_id = ev.local_id AND ac.role = 'actor'
    LEFT JOIN side rc ON rc.article_id = ev.article_id AND rc.event_id = ev.local_id AND rc.role = 'recipient'
    GROUP BY ALL
    ORDER BY ev.period NULLS FIRST, n DESC, ac.country, rc.country NULLS LAST, ev.type
    """
    return [DyadRow(r[0], r[1], r[2], r[3], int(r[4]), None if r[5] is None else round(float(r[5]), 2))
            for r in cur.execute(sql, w.params).fetchall()]


def timeline(cur: Cursor, a: str, b: str, f: EventFilter | None = None, by: Period = "month") -> list[TimelinePoint]:
    """Events between two actors (either direction) per period and type; ``f`` adds its filters."""
    f = f or EventFilter()
    check_period(by)
    w = event_where(cur, f)
    ids_a, ids_b = actor_ids(cur, a), actor_ids(cur, b)
    if w is None or not ids_a or not ids_b:
        return []
    pairs = (f"(x.actor_id IN {id_list(ids_a)} AND y.actor_id IN {id_list(ids_b)})"
             f" OR (x.actor_id IN {id_list(ids_b)} AND y.actor_id IN {id_list(ids_a)})")
    sql = f"""
    SELECT {period_sql(by)} AS period, e.type, count(DISTINCT (e.article_id, e.local_id)) AS n
    FROM events e JOIN articles a ON a.id = e.article_id
    JOIN event_actors x ON x.article_id = e.article_id AND x.event_id = e.local_id AND x.role = 'actor'
    JOIN event_actors y ON y.article_id = e.article_id AND y.event_id = e.local_id AND y.role = 'recipient'
    WHERE ({pairs}){" AND " + " AND ".join(w.conds) if w.conds else ""} AND {START} IS NOT NULL
    GROUP BY ALL ORDER BY period, e.type
    """
    return [TimelinePoint(r[0], r[1], int(r[2])) for r in cur.execute(sql, w.params).fetchall()]
