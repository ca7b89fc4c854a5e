"""Tables -> Report: the inverse of ``rows.py``. ``sayso export --format jsonl`` and the web view use it,
and the round-trip tests hold it to giving back exactly the report that was stored."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import duckdb

from sayso.errors import StoreError
from sayso.report import (
    Actor, ActorRef, ArticleInfo, Claim, Content, Cue, Event, EventDate, Location, Quote, Report, TextRef, Via,
)

Row = dict[str, Any]


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _span(a: int | None, b: int | None) -> tuple[int, int] | None:
    return None if a is None else (int(a), int(b))  # type: ignore[arg-type]


def _ref(row: Row, prefix: str) -> ActorRef | None:
    if not row[f"has_{prefix}"]:
        return None
    return ActorRef(row[f"{prefix}_local"], row[f"{prefix}_text"], _span(row[f"{prefix}_start"], row[f"{prefix}_end"]))  # type: ignore[arg-type]


def _vias(rows: list[Row]) -> list[Via]:
    return [
        Via(r["local_actor"], r["text"], (r["start_char"], r["end_char"]),
            None if r["cue_text"] is None else TextRef(r["cue_text"], (r["cue_start"], r["cue_end"])))
        for r in rows
    ]


def _grouped(con: duckdb.DuckDBPyConnection, table: str, key: str, article_id: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in _dicts(con, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {key}, ord", [article_id]):
        groups[r[key]].append(r)
    return groups


def rebuild_report(con: duckdb.DuckDBPyConnection, article_id: str) -> Report:
    """The stored report of one article; ``StoreError`` when the article is not in the store."""
    arts = _dicts(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not arts:
        raise StoreError(f"no article {article_id!r} in the store")
    a = arts[0]
    info = ArticleInfo(id=a["id"], text=a["text"], path=a["path"], published=a["published"], title=a["title"],
                       language=a["language"], url=a["url"], outlet=a["outlet"], author=a["author"],
                       warnings=list(a["warnings"] or []))
    mentions = _grouped(con, "mentions", "local_actor", article_id)
    actors = [
        Actor(id=r["local_id"], name=r["name"], type=r["type"], country=r["country"], roles=list(r["roles"] or []),
              state_media=r["state_media"], sector=r["sector"],
              mentions=[(m["start_char"], m["end_char"]) for m in mentions.get(r["local_id"], [])])
        for r in _dicts(con, "SELECT * FROM article_actors WHERE article_id = ? ORDER BY ord", [article_id])
    ]
    qsrc = _grouped(con, "quote_sources", "item_id", article_id)
    quotes = [
        Quote(id=r["local_id"], type=r["type"],
              content=Content(r["content_text"], [(s[0], s[1]) for s in r["content_spans"]]),
              cue=None if r["cue_text"] is None else Cue(r["cue_text"], r["cue_lemma"], (r["cue_start"], r["cue_end"])),
              speaker=_ref(r, "speaker"), addressee=_ref(r, "addressee"), via=_vias(qsrc.get(r["local_id"], [])),
              hedged=r["hedged"], sentence=_span(r["sentence_start"], r["sentence_end"]))
        for r in _dicts(con, "SELECT * FROM quotes WHERE article_id = ? ORDER BY ord", [article_id])
    ]
    csrc = _grouped(con, "claim_sources", "item_id", article_id)
    claims = [
        Claim(id=r["local_id"], text=r["text"], span=(r["start_char"], r["end_char"]), value=r["value"],
              unit=r["unit"], about=r["about_local"], speaker=_ref(r, "speaker"),
              via=_vias(csrc.get(r["local_id"], [])), hedged=r["hedged"])
        for r in _dicts(con, "SELECT * FROM claims WHERE article_id = ? ORDER BY ord", [article_id])
    ]
    esrc = _grouped(con, "event_sources", "item_id", article_id)
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in _dicts(con, "SELECT * FROM event_actors WHERE article_id = ? ORDER BY event_id, role, ord", [article_id]):
        roles[(r["event_id"], r["role"])].append(r["local_actor"])
    events = []
    for r in _dicts(con, "SELECT * FROM events WHERE article_id = ? ORDER BY ord", [article_id]):
        date = None
        if r["has_date"]:
            date = EventDate(r["date_start"], r["date_end"], r["date_precision"], r["date_text"],
                             _span(r["date_span_start"], r["date_span_end"]))
        loc = None
        if r["has_location"]:
            loc = Location(r["location_text"], (r["location_start"], r["location_end"]), r["location_country"])
        events.append(Event(
            id=r["local_id"], type=r["type"], mode=r["mode"], actor=roles.get((r["local_id"], "actor"), []),
            recipient=roles.get((r["local_id"], "recipient"), []),
            trigger=TextRef(r["trigger_text"], (r["trigger_start"], r["trigger_end"])),
            sentence=(r["sentence_start"], r["sentence_end"]), date=date, location=loc, negated=r["negated"],
            modality=r["modality"], via=_vias(esrc.get(r["local_id"], [])), hedged=r["hedged"], cameo=r["cameo"],
            intensity=r["intensity"], count=r["count"]))
    return Report(article=info, actors=actors, quotes=quotes, claims=claims, events=events, schema=a["schema"])


def iter_reports(con: duckdb.DuckDBPyConnection, batch: int = 500) -> Iterator[Report]:
    """Every stored report in insertion order; article ids are paged so memory stays flat."""
    last = -1
    while True:
        page = con.execute("SELECT num, id FROM articles WHERE num > ? ORDER BY num LIMIT ?", [last, batch]).fetchall()
        if not page:
            return
        for num, art_id in page:
            yield rebuild_report(con, art_id)
            last = num
