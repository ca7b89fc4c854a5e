"""Report -> table rows, by walking the table descriptions (``store/tables.py``).

Every field of the report lands in a column, so ``rebuild.py`` gives the report back exactly; the
derived columns declared with the tables (canonical actor ids, ``n_via``, ``cluster``...) are computed
here from the record and a small per-report context. The canonical actors and their aliases, which
belong to the corpus rather than to one report, are built by hand at the end.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sayso.report import Report
from sayso.store.columns import Table
from sayso.store.keys import actor_key, aliases, canonical_actor_id, hash_id
from sayso.store.tables import TABLES, tables_of

Row = dict[str, Any]
Rows = dict[str, list[Row]]


@dataclass
class RowContext:
    """What a derived column may need beyond its record."""

    text: str
    fetched: str | None = None
    story_id: int | None = None
    ids: dict[str, int] = field(default_factory=dict)  # local actor id -> canonical actor id
    state_media: set[str] = field(default_factory=set)  # local ids of state media actors


def _at(value: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        if value is None:
            return None
        value = value[step] if isinstance(step, int) else getattr(value, step)
    return value


def _plain(value: Any) -> Any:
    """Tuples (spans) as lists, lists copied: what Arrow and DuckDB take."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _row(table: Table, item: Any, parent: Any, ctx: RowContext, keys: Row) -> Row:
    row = dict(keys)
    for column in table.columns:
        if column.derive is not None:
            row[column.name] = column.derive(item, parent, ctx)
        elif column.links_actor:
            local = _at(item, column.path)  # type: ignore[arg-type]
            row[column.name] = ctx.ids.get(local) if local else None
        elif column.path is not None:
            row[column.name] = _plain(_at(item, column.path))
    return row


def _list_rows(owner: Any, article_id: str, ctx: RowContext, out: Rows) -> None:
    """Rows of the tables that hold ``owner``'s lists, and of their items' lists in turn."""
    for table in tables_of(type(owner)):
        for name in table.fields:
            for ord_, item in enumerate(getattr(owner, name)):
                keys: Row = {"article_id": article_id}
                if table.parent_key:
                    keys[table.parent_key] = owner.id
                if table.role:
                    keys["role"] = name
                keys["ord"] = ord_
                out[table.name].append(_row(table, item, owner, ctx, keys))
                if table.record is not None:
                    _list_rows(item, article_id, ctx, out)


def _corpus_actor_rows(report: Report, out: Rows) -> None:
    """The canonical actors of the corpus and the name forms that find them."""
    text = report.article.text
    ref_texts: dict[str, list[str]] = defaultdict(list)
    for q in report.quotes:
        for ref in (q.speaker, q.addressee, *q.via):
            if ref is not None and ref.actor:
                ref_texts[ref.actor].append(ref.text)
    for a in report.actors:
        gid = canonical_actor_id(a)
        out["actors"].append({"id": gid, "actor_key": actor_key(a.name, a.country, a.type), "name": a.name,
                              "type": a.type, "country": a.country, "state_media": a.state_media,
                              "sector": a.sector})
        mention_texts = [text[s:e] for s, e in a.mentions]
        for alias in aliases(a.name, a.type, a.roles, mention_texts + ref_texts.get(a.id, [])):
            out["actor_aliases"].append({"actor_id": gid, "alias": alias})


def report_rows(report: Report, *, fetched: str | None = None, story_id: int | None = None) -> Rows:
    """All rows of one report, keyed by table name (its articles row included)."""
    ctx = RowContext(report.article.text, fetched, story_id)
    for a in report.actors:
        ctx.ids.setdefault(a.id, canonical_actor_id(a))
        if a.state_media:
            ctx.state_media.add(a.id)
    out: Rows = defaultdict(list)
    out["articles"].append(_row(TABLES["articles"], report, None, ctx, {}))
    _list_rows(report, report.article.id, ctx, out)
    _corpus_actor_rows(report, out)
    return out


def story_id_for(article_id: str) -> int:
    """A new story's id: a hash of the article that opened it (stable across runs and processes)."""
    return hash_id("story:" + article_id)
