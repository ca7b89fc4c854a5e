"""The in-memory quote index answers exactly what a plain row-by-row filter answers, in rank order."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.web.params import QuoteQuery
from sayso.web.quote_index import QuoteIndex

WORDS = ["ship", "shipping", "corridor", "Open", "talks", "the", "them", "grain", "100%", "e"]


@st.composite
def corpora(draw: st.DrawFn) -> list[dict]:
    n = draw(st.integers(1, 40))
    days = sorted(draw(st.lists(st.sampled_from([20240101, 20240215, 20240301, 20240302, -1]), min_size=n, max_size=n)),
                  key=lambda d: -d if d > 0 else 1)  # newest first, undated last, as the index is built
    rows = []
    for i in range(n):
        via = draw(st.lists(st.integers(1, 5), max_size=3))
        rows.append({
            "article_id": f"art{draw(st.integers(0, 3))}", "quote_id": f"q{i}", "type": "direct",
            "text": " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))) + ",",
            "hedged": False, "n_via": len(via), "via_state_media": False,
            "state_media_only": draw(st.booleans()) and bool(via), "cue": "said", "start_char": 0,
            "speaker_id": draw(st.one_of(st.none(), st.integers(1, 4))), "speaker": "s",
            "addressee_id": draw(st.one_of(st.none(), st.integers(1, 4))), "addressee": None,
            "published": None if days[i] < 0 else f"{days[i] // 10000}-{days[i] // 100 % 100:02d}-{days[i] % 100:02d}",
            "title": "t", "outlet": draw(st.sampled_from(["Wire", "Gazette", None])), "via": "[]",
            "via_ids": via, "day": days[i],
        })
    return rows


queries = st.builds(
    QuoteQuery,
    speaker=st.one_of(st.none(), st.sampled_from(["1", "2", "3", "9"])),
    addressee=st.one_of(st.none(), st.sampled_from(["1", "4"])),
    via=st.one_of(st.none(), st.sampled_from(["1", "5"])),
    outlet=st.one_of(st.none(), st.sampled_from(["Wire", "Nowhere"])),
    state_media_only=st.booleans(),
    since=st.one_of(st.none(), st.sampled_from([date(2024, 2, 15), date(2024, 3, 2)])),
    until=st.one_of(st.none(), st.sampled_from([date(2024, 1, 1), date(2024, 3, 1)])),
    article=st.one_of(st.none(), st.sampled_from(["art1", "art9"])),
    text=st.one_of(st.none(), st.sampled_from(["ship", "SHIP,", "open talks", "e", "100%", "orrid", "them the"])),
    limit=st.integers(1, 10),
    offset=st.integers(0, 5),
)


def _tokens(text: str) -> list[str]:
    import re

    return [t for t in re.split(r"[^\w]+", text.lower()) if t]


def brute_force(rows: list[dict], q: QuoteQuery) -> list[str]:
    def keep(r: dict) -> bool:
        if q.speaker and r["speaker_id"] != int(q.speaker):
            return False
        if q.addressee and r["addressee_id"] != int(q.addressee):
            return False
        if q.via and int(q.via) not in r["via_ids"]:
            return False
        if q.outlet and r["outlet"] != q.outlet:
            return False
        if q.state_media_only and not r["state_media_only"]:
            return False
        if q.article and r["article_id"] != q.article:
            return False
        if (q.since or q.until) and r["day"] < 0:
            return False
        if q.since and r["day"] < int(q.since.strftime("%Y%m%d")):
            return False
        if q.until and r["day"] > int(q.until.strftime("%Y%m%d")):
            return False
        return all(t in r["text"].lower() for t in _tokens(q.text or ""))

    return [r["quote_id"] for r in rows if keep(r)]


@settings(max_examples=100, deadline=None)
@given(rows=corpora(), q=queries)
def test_search_matches_a_row_by_row_filter(rows: list[dict], q: QuoteQuery) -> None:
    index = QuoteIndex(pa.Table.from_pylist(rows))
    items, total = index.search(q, lambda name: [int(name)])
    expected = brute_force(rows, q)
    assert total == len(expected)
    assert [i["quote_id"] for i in items] == expected[q.offset:q.offset + q.limit]


def test_common_and_rare_words_take_both_paths_with_one_answer() -> None:
    rows = [{"article_id": "a", "quote_id": f"q{i}", "type": "direct", "text": f"the ship number{i % 7} sails",
             "hedged": False, "n_via": 0, "via_state_media": False, "state_media_only": False, "cue": None,
             "start_char": 0, "speaker_id": i % 3, "speaker": "s", "addressee_id": None, "addressee": None,
             "published": "2024-01-01", "title": "t", "outlet": None, "via": "[]", "via_ids": [], "day": 20240101}
            for i in range(300)]
    index = QuoteIndex(pa.Table.from_pylist(rows))
    rare = index.search(QuoteQuery(text="number3", limit=200), lambda n: [int(n)])  # few postings: posting path
    common = index.search(QuoteQuery(text="ship number3", limit=200), lambda n: [int(n)])  # "ship" everywhere: scan
    assert rare[1] == common[1] == len([i for i in range(300) if i % 7 == 3])
    narrowed = index.search(QuoteQuery(text="number3", speaker="1", limit=200), lambda n: [int(n)])
    assert narrowed[1] == len([i for i in range(300) if i % 7 == 3 and i % 3 == 1])
