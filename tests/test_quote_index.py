"""The quote search three ways on random stores: the SQL path (``query.find_quotes``), the web's in-memory
index (``QuoteIndex.search``) and a row-by-row reading of the rules of docs/query.md. All three must give
the same quotes in the same order; the SQL path and the index the same records."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.query import QuoteFilter, QuoteIndex, actor_ids, find_quotes
from sayso.query.names import padded_name, words
from sayso.store import connect
from sayso.store.keys import normalise_name

ACTORS = {  # id: name, type, country, state media
    1: ("Xi Jinping", "person", "CHN", False), 2: ("Xinhua", "media", "CHN", True), 3: ("Mexico", "country", "MEX", False),
    4: ("Anna Korpela", "person", "FIN", False), 5: ("Lars Dahl", "person", "NOR", False), 6: ("NRT", "media", "FIN", True),
}
UNNAMED = ["analysts", "a private news channel", "State TV"]
WORDS = ["Xi", "Xinjiang", "Mexico", "mexican", "ship,", "shipping", "the", "them", "100%", "e", "corridor"]
DAYS = ["2024-01-01", "2024-02-15", "2024-03-01", "2024-03-02", None]


@st.composite
def stores(draw: st.DrawFn) -> dict:
    articles = [{"published": draw(st.sampled_from(DAYS)), "outlet": draw(st.sampled_from(["Wire", "Gazette", None]))}
                for _ in range(draw(st.integers(1, 4)))]
    link = st.one_of(st.integers(1, 6), st.sampled_from(UNNAMED))
    quotes = [{"article": draw(st.integers(0, len(articles) - 1)),
               "text": " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))),
               "speaker": draw(st.one_of(st.none(), st.integers(1, 6))),
               "addressee": draw(st.one_of(st.none(), st.integers(1, 6))),
               "via": draw(st.lists(link, max_size=3))}
              for _ in range(draw(st.integers(1, 30)))]
    return {"articles": articles, "quotes": quotes}


def _build(spec: dict):  # noqa: ANN202 - a DuckDB connection
    con = connect(":memory:")
    actors, aliases, articles, article_actors, quotes, links = [], [], [], [], [], []
    for i, (name, kind, country, state) in ACTORS.items():
        actors.append([i, f"{name}|{country}", name, kind, country, state])
        norm = normalise_name(name)
        aliases += [[i, alias] for alias in ({norm, norm.split()[-1]} if kind == "person" else {norm})]
    for n, a in enumerate(spec["articles"]):
        articles.append([f"art{n}", f"k{n}", n, a["published"], a["outlet"]])
        article_actors += [[f"art{n}", f"a{i}", i, i, name, kind, country, state]
                           for i, (name, kind, country, state) in ACTORS.items()]
    for n, q in enumerate(spec["quotes"]):
        art, local = f"art{q['article']}", f"q{n}"
        state = any(isinstance(v, int) and ACTORS[v][3] for v in q["via"])
        quotes.append([art, local, n, q["text"], q["speaker"], q["speaker"] and f"a{q['speaker']}", q["speaker"] is not None,
                       q["addressee"], q["addressee"] and f"a{q['addressee']}", q["addressee"] is not None, len(q["via"]), state])
        for k, v in enumerate(q["via"]):
            actor, text = (v, ACTORS[v][0]) if isinstance(v, int) else (None, v)
            links.append([art, local, k, actor and f"a{actor}", actor, text])
    con.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, NULL)", actors)
    con.executemany("INSERT INTO actor_aliases VALUES (?, ?)", aliases)
    con.executemany("INSERT INTO articles (id, key, num, text, published, outlet, warnings, schema)"
                    " VALUES (?, ?, ?, 'x', ?, ?, [], 'sayso/1')", articles)
    con.executemany("INSERT INTO article_actors VALUES (?, ?, 0, ?, ?, ?, ?, [], ?, NULL)",
                    [[r[0], r[1], r[2], r[4], r[5], r[6], r[7]] for r in article_actors])
    con.executemany("""INSERT INTO quotes (article_id, local_id, ord, type, content_text, content_spans, start_char,
                       speaker_actor_id, speaker_local, has_speaker, addressee_actor_id, addressee_local, has_addressee,
                       hedged, n_via, via_state_media) VALUES (?, ?, ?, 'direct', ?, [[0, 1]], 0, ?, ?, ?, ?, ?, ?, false, ?, ?)""",
                    quotes)
    if links:
        con.executemany("INSERT INTO quote_sources VALUES (?, ?, ?, ?, ?, ?, 0, 1, NULL, NULL, NULL)", links)
    return con


def _by_rules(con, spec: dict, f: QuoteFilter) -> list[tuple[str, str]]:  # noqa: ANN001
    """The matching quotes' keys, read one by one from docs/query.md's rules, in rank order."""
    def ids(value: str) -> set[int]:
        return set(actor_ids(con, value))

    def keep(q: dict) -> bool:
        a = spec["articles"][q["article"]]
        if f.speaker and q["speaker"] not in ids(f.speaker):
            return False
        if f.addressee and q["addressee"] not in ids(f.addressee):
            return False
        if f.via and not any((isinstance(v, int) and v in ids(f.via))
                             or (isinstance(v, str) and padded_name(f.via) in f" {normalise_name(v)} ") for v in q["via"]):
            return False
        if f.outlet and a["outlet"] != f.outlet:
            return False
        if f.state_media_only and not any(isinstance(v, int) and ACTORS[v][3] for v in q["via"]):
            return False
        if f.article and f"art{q['article']}" != f.article:
            return False
        if (f.since or f.until) and a["published"] is None:
            return False
        if f.since and a["published"] < f.since.isoformat():
            return False
        if f.until and a["published"] > f.until.isoformat():
            return False
        own = set(re.split(r"\W+", q["text"].lower()))
        return all(any(o.startswith(w[:-1]) for o in own) if w.endswith("*") else w in own for w in words(f.text))

    def published(nq: tuple[int, dict]) -> str | None:
        return spec["articles"][nq[1]["article"]]["published"]

    # rank: newest publication first, undated last, then the latest stored article, then quote order
    ranked = sorted(enumerate(spec["quotes"]), key=lambda nq: -nq[1]["article"])
    ranked.sort(key=lambda nq: published(nq) or "", reverse=True)  # stable: ties keep the order above
    ranked.sort(key=lambda nq: published(nq) is None)
    return [(f"art{q['article']}", f"q{n}") for n, q in ranked if keep(q)]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


filters = st.builds(
    QuoteFilter,
    speaker=st.one_of(st.none(), st.sampled_from(["Xi", "xinhua", "Mexico", "FIN", "Korpela", "3", "Nobody", "Xin"])),
    addressee=st.one_of(st.none(), st.sampled_from(["Dahl", "CHN", "4"])),
    via=st.one_of(st.none(), st.sampled_from(["NRT", "analysts", "news channel", "Xinhua", "private", "state"])),
    outlet=st.one_of(st.none(), st.sampled_from(["Wire", "Nowhere"])),
    state_media_only=st.booleans(),
    text=st.one_of(st.none(), st.sampled_from(["xi", "Xinjiang", "ship", "SHIP,", "the e", "100%", "mexico", "sh", "ship*",
                                                 "xi* the", "mexic*"])),
    since=st.one_of(st.none(), st.sampled_from([date(2024, 2, 15), date(2024, 3, 2)])),
    until=st.one_of(st.none(), st.sampled_from([date(2024, 1, 1), date(2024, 3, 1)])),
    article=st.one_of(st.none(), st.sampled_from(["art1", "art9"])),
    limit=st.integers(1, 10),
    offset=st.integers(0, 5),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=stores(), fs=st.lists(filters, min_size=1, max_size=4))
def test_sql_index_and_rules_give_one_answer(spec: dict, fs: list[QuoteFilter]) -> None:
    con = _build(spec)
    try:
        index = QuoteIndex.build(con)
        for f in fs:
            expected = _by_rules(con, spec, f)
            sql = find_quotes(con, f)
            fast = index.search(f, lambda value: actor_ids(con, value))
            assert sql.total == fast.total == len(expected), f
            assert [(r.article_id, r.quote_id) for r in sql.items] == expected[f.offset:f.offset + f.limit], f
            assert sql.items == fast.items, f
    finally:
        con.close()


def test_common_and_rare_words_take_both_paths_with_one_answer() -> None:
    spec = {"articles": [{"published": "2024-01-01", "outlet": None}],
            "quotes": [{"article": 0, "text": f"the ship number{i % 7} sails", "speaker": 1 + i % 3, "addressee": None,
                        "via": []} for i in range(300)]}
    con = _build(spec)
    index = QuoteIndex.build(con)

    def both(f: QuoteFilter) -> int:
        sql, fast = find_quotes(con, f), index.search(f, lambda value: actor_ids(con, value))
        assert sql.items == fast.items
        return fast.total

    rare = both(QuoteFilter(text="number3", limit=200))  # few postings: the posting path
    common = both(QuoteFilter(text="ship number3", limit=200))  # "ship" everywhere: the scan path
    assert rare == common == len([i for i in range(300) if i % 7 == 3])
    narrowed = both(QuoteFilter(text="number3 the", speaker="Korpela", limit=200))  # a scan of a speaker's rows
    assert narrowed == len([i for i in range(300) if i % 7 == 3 and 1 + i % 3 == 4]) == 0
    assert both(QuoteFilter(text="number3 the", speaker="Xinhua", limit=200)) == len(
        [i for i in range(300) if i % 7 == 3 and 1 + i % 3 == 2])
    con.close()
