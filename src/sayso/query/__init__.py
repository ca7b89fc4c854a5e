"""The one query layer: every read question the CLI and the web ask of a corpus, with one meaning per
filter (docs/query.md).

Each function takes a DuckDB cursor on which the store's tables are visible by their own names (a
store file, the web's read-only attachment, or views over a Parquet dataset) and a filter dataclass,
and returns typed records; lists come as a ``Page`` (items and the number of all matches).

    find_quotes(cur, QuoteFilter(...))       -> Page[QuoteRow]     (QuoteIndex.search: same answer, in memory)
    find_events(cur, EventFilter(...))       -> Page[EventRow]
    dyads(cur, EventFilter(...), by)         -> list[DyadRow]
    timeline(cur, a, b, EventFilter(...), by) -> list[TimelinePoint]
    list_actors(cur, ActorFilter(...))       -> Page[ActorRow];  actor_profile(cur, id) -> ActorProfile | None
    rank_sources / speaker_sources(cur, SourceFilter(...))
    list_articles(cur, ArticleFilter(...))   -> Page[ArticleRow]; overview(cur) -> Overview
    edges(cur, RelationFilter(...))          -> list[Edge]
    actor_ids(cur, name)                     -> list[int]         (the name rule)
"""

from sayso.query.actors import actor, actor_profile, list_actors
from sayso.query.articles import article_actor_ids, article_exists, list_articles, overview, quote_clusters
from sayso.query.events import dyads, find_events, timeline
from sayso.query.filters import (
    ActorFilter, ArticleFilter, EventFilter, Period, QueryError, QuoteFilter, RelationFilter, SourceFilter, parse_day,
)
from sayso.query.names import actor_ids
from sayso.query.quote_index import QuoteIndex
from sayso.query.quotes import find_quotes
from sayso.query.records import (
    ActorProfile, ActorRow, ArticleRow, ClusterRow, DyadRow, Edge, EventRow, Overview, Page, Participant, QuoteRow,
    SourceRank, SpeakerSources, Tally, TimelinePoint, ViaLink,
)
from sayso.query.relations import edges
from sayso.query.sources import rank_sources, speaker_sources

__all__ = [
    "ActorFilter", "ActorProfile", "ActorRow", "ArticleFilter", "ArticleRow", "ClusterRow", "DyadRow", "Edge",
    "EventFilter", "EventRow", "Overview", "Page", "Participant", "Period", "QueryError", "QuoteFilter", "QuoteIndex",
    "QuoteRow", "RelationFilter", "SourceFilter", "SourceRank", "SpeakerSources", "Tally", "TimelinePoint", "ViaLink",
    "actor", "actor_ids", "actor_profile", "article_actor_ids", "article_exists", "dyads", "edges", "find_events",
    "find_quotes", "list_actors", "list_articles", "overview", "parse_day", "quote_clusters", "rank_sources",
    "speaker_sources", "timeline",
]
