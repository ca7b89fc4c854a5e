"""The store's tables: derived from the report's dataclasses, plus what a corpus adds.

A report becomes one ``articles`` row (the report's own fields and its ``article``) and, for each list
of records, rows of a table of their own keyed by the article and the owning record's local id
(``quotes``, then ``quote_sources`` for each quote's ``via``). The columns follow from the fields
(``store/columns.py``). Declared here, once, and nowhere else:

* ``LIST_TABLES``: the table of a list field whose name is not the default (the field's name under the
  report, ``<table>_<field>`` deeper down), and which lists of plain values get a table of their own;
* ``DERIVED``: the columns computed from the record for queries (canonical actor ids, ``has_speaker``,
  ``n_via``, ``cluster``...) or filled by the database;
* the corpus tables the writer fills (canonical actors, stories, near-duplicate signatures, errors),
  the indexes and the views.

So a new report field is one edit in ``report.py``: it reaches the JSON Schema, the rows, the DDL and
the Arrow schemas from there, and ``db.migrate`` adds the new column to existing stores.
"""

from __future__ import annotations

from dataclasses import replace

from sayso.records import describe, record_fields
from sayso.report import Actor, Claim, Event, Quote, Report
from sayso.store.columns import Column, Derived, ListTable, Table, element_columns, record_columns
from sayso.store.keys import article_key, canonical_actor_id, cluster_key

# --- declared: where lists go, legacy nullability, derived columns, corpus tables, indexes, views ---

LIST_TABLES: dict[tuple[type, str], ListTable] = {
    (Report, "actors"): ListTable("article_actors"),
    (Actor, "mentions"): ListTable("mentions", parent_key="local_actor"),
    (Quote, "via"): ListTable("quote_sources"),
    (Claim, "via"): ListTable("claim_sources", copy_of="quote_sources"),
    (Event, "via"): ListTable("event_sources", copy_of="quote_sources"),
    (Event, "actor"): ListTable("event_actors", parent_key="event_id", role="actor"),
    (Event, "recipient"): ListTable("event_actors", parent_key="event_id", role="recipient"),
}

# Columns whose field is required but which store version 1 made nullable; kept so for old stores.
NULLABLE = {("articles", "language"), ("articles", "warnings"), ("article_actors", "roles")}
PRIMARY_KEYS = {"articles": "id"}  # a record table's key column (the others are keyed by article and ord)


def _has(name: str) -> Column:
    return Column(f"has_{name}", "BOOLEAN", True, derive=lambda item, parent, ctx: getattr(item, name) is not None)


# derive(item, parent, ctx): the row's record, the record that holds it, and store/rows.py's RowContext
DERIVED: dict[str, list[Derived]] = {
    "articles": [
        Derived(Column("key", "VARCHAR", True, options="UNIQUE",
                       derive=lambda report, parent, ctx: article_key(report.article.text)), after="id"),
        Derived(Column("num", "BIGINT", True, options="DEFAULT nextval('article_num')", written=False), after="key"),
        Derived(Column("story_id", "BIGINT", derive=lambda report, parent, ctx: ctx.story_id), after="num"),
        Derived(Column("fetched", "VARCHAR", derive=lambda report, parent, ctx: ctx.fetched), after="author"),
        Derived(Column("ingested_at", "TIMESTAMP", options="DEFAULT current_timestamp", written=False)),
    ],
    "article_actors": [
        Derived(Column("actor_id", "BIGINT", True, derive=lambda actor, parent, ctx: canonical_actor_id(actor)),
                after="ord"),
    ],
    "mentions": [
        Derived(Column("actor_id", "BIGINT", True, derive=lambda span, actor, ctx: canonical_actor_id(actor)),
                after="local_actor"),
        Derived(Column("text", "VARCHAR", derive=lambda span, actor, ctx: ctx.text[span[0]:span[1]])),
    ],
    "quotes": [
        Derived(Column("start_char", "INTEGER",
                       derive=lambda q, parent, ctx: q.content.spans[0][0] if q.content.spans else None),
                after="content_spans"),
        Derived(_has("speaker"), after="speaker_end"),
        Derived(_has("addressee"), after="addressee_end"),
        Derived(Column("n_via", "INTEGER", True, derive=lambda q, parent, ctx: len(q.via))),
        Derived(Column("via_state_media", "BOOLEAN", True,
                       derive=lambda q, parent, ctx: any(v.actor in ctx.state_media for v in q.via))),
        Derived(Column("cluster", "VARCHAR", derive=lambda q, parent, ctx: cluster_key(q.content.text))),
    ],
    "claims": [Derived(_has("speaker"), after="speaker_end")],
    "events": [Derived(_has("date"), after="date_span_end"), Derived(_has("location"), after="location_country")],
}

# The tables the writer fills for the corpus as a whole, not from one report's records.
CORPUS_TABLES = [
    Table("stories", (
        Column("id", "BIGINT", True, options="PRIMARY KEY"),  # a hash of the id of the article that opened it
        Column("first_article", "VARCHAR", True),
        Column("created_at", "TIMESTAMP", options="DEFAULT current_timestamp", written=False))),
    Table("article_minhash", (  # MinHash signatures and LSH band buckets: near-duplicate detection
        Column("article_id", "VARCHAR", True, options="PRIMARY KEY"), Column("signature", "BIGINT[]", True))),
    Table("lsh_buckets", (Column("bucket", "BIGINT", True), Column("article_id", "VARCHAR", True))),
    Table("actors", (  # canonical actors across the corpus: one row per normalised name (+ country)
        Column("id", "BIGINT", True, options="PRIMARY KEY"), Column("actor_key", "VARCHAR", True),
        Column("name", "VARCHAR", True), Column("type", "VARCHAR", True), Column("country", "VARCHAR"),
        Column("state_media", "BOOLEAN", True, options="DEFAULT false"), Column("sector", "VARCHAR"))),
    Table("actor_aliases", (Column("actor_id", "BIGINT", True), Column("alias", "VARCHAR", True)),
          primary_key=("actor_id", "alias")),
]
ERRORS = Table("errors", (
    Column("id", "BIGINT", True, options="PRIMARY KEY DEFAULT nextval('error_num')", written=False),
    Column("path", "VARCHAR"), Column("record", "VARCHAR"),  # record: a line number, a WARC record id
    Column("reason", "VARCHAR", True),
    Column("logged_at", "TIMESTAMP", options="DEFAULT current_timestamp", written=False)))

SEQUENCES = ("article_num", "error_num")
INDEXES = {
    "actor_aliases_alias": ("actor_aliases", "alias"),
    "article_actors_actor": ("article_actors", "actor_id"),
    "quotes_speaker": ("quotes", "speaker_actor_id"),
    "quotes_article": ("quotes", "article_id"),
    "events_type": ("events", "type"),
}
VIEWS = {
    # The same words carried by several articles: one cluster, with counts of articles and outlets.
    "quote_clusters": """
SELECT q.cluster,
       any_value(q.content_text) AS text,
       count(*) AS n_quotes,
       count(DISTINCT q.article_id) AS n_articles,
       count(DISTINCT a.outlet) AS n_outlets,
       count(DISTINCT a.story_id) AS n_stories,
       min(a.published) AS first_published
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.cluster IS NOT NULL
GROUP BY q.cluster""",
    "story_sizes": """
SELECT s.id AS story_id, s.first_article, count(a.id) AS n_articles,
       count(DISTINCT a.outlet) AS n_outlets, min(a.published) AS first_published
FROM stories s LEFT JOIN articles a ON a.story_id = s.id
GROUP BY s.id, s.first_article""",
}


# --- derived: the record tables, from the report's dataclasses and the declarations above ---

def _owns_table(owner: type, name: str) -> bool:
    """True for a list field whose items are rows of a table of their own: any list of records, and
    the lists of plain values declared in LIST_TABLES."""
    if (owner, name) in LIST_TABLES:
        return True
    info = next(f.type for f in record_fields(owner) if f.name == name)
    return info.origin is list and describe(info.args[0]).is_record


def _place(name: str, columns: list[Column]) -> tuple[Column, ...]:
    """The declarations applied to a table's columns: nullability, primary key, derived columns."""
    out = [replace(c, not_null=False) if (name, c.name) in NULLABLE else c for c in columns]
    out = [replace(c, options="PRIMARY KEY") if PRIMARY_KEYS.get(name) == c.name else c for c in out]
    for derived in DERIVED.get(name, []):
        at = len(out) if derived.after is None else [c.name for c in out].index(derived.after) + 1
        out.insert(at, derived.column)
    return tuple(out)


def _spec(owner: type, name: str, owner_table: str) -> ListTable:
    """The declared table of a list field, else the default: the field's name under the report
    (``quotes``), ``<owner table>_<field>`` deeper down."""
    default = name if owner is Report else f"{owner_table}_{name}"
    return LIST_TABLES.get((owner, name), ListTable(default))


def _list_tables(owner: type, owner_table: str) -> list[Table]:
    """The tables of ``owner``'s list fields and, depth first, of their records' lists. A row starts
    with its keys: article_id, the owner's local id (below the report), its own local id, role, ord."""
    out: list[Table] = []
    lists = [f for f in record_fields(owner) if _owns_table(owner, f.name)]
    for f in lists:
        spec = _spec(owner, f.name, owner_table)
        if any(t.name == spec.table for t in out):  # the second field of a shared table (event_actors)
            continue
        fields = tuple(g.name for g in lists if _spec(owner, g.name, owner_table).table == spec.table)
        item = describe(f.type.args[0])
        own = element_columns(item, skip=_owns_table)
        keys = [Column("article_id", "VARCHAR", True)]
        if owner is not Report:
            keys.append(Column(spec.parent_key, "VARCHAR", True))
        keys += [c for c in own if c.name == "local_id"]
        if spec.role:
            keys.append(Column("role", "VARCHAR", True))
        keys.append(Column("ord", "INTEGER", True))
        columns = _place(spec.table, keys + [c for c in own if c.name != "local_id"])
        if spec.copy_of:
            columns = tuple(replace(c, not_null=False, options="") for c in columns)
        record = item.base if item.is_record else None
        out.append(Table(spec.table, columns, record=record, owner=owner, fields=fields,
                         parent_key=None if owner is Report else spec.parent_key, role=spec.role is not None,
                         copy_of=spec.copy_of))
        if record is not None:
            out += _list_tables(record, spec.table)
    return out


def _all_tables() -> dict[str, Table]:
    """Every table in creation order: articles, the corpus tables, the report's lists, errors."""
    articles = Table("articles", _place("articles", record_columns(Report, skip=_owns_table, inline=frozenset({"article"}))),
                     record=Report)
    return {t.name: t for t in [articles, *CORPUS_TABLES, *_list_tables(Report, "articles"), ERRORS]}


TABLES: dict[str, Table] = _all_tables()


def tables_of(owner: type) -> list[Table]:
    """The tables that hold the items of ``owner``'s list fields."""
    return [t for t in TABLES.values() if t.owner is owner]
