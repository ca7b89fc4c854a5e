"""Report -> store -> rebuilt report is the same report: hand-built and hypothesis-generated."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import summit_report

from sayso.report import (
    Actor, ActorRef, ArticleInfo, Claim, Content, Cue, Event, EventDate, Location, Quote, Report, TextRef, Via,
)
from sayso.store import connect, iter_reports, rebuild_report, store_reports


def test_hand_built_report_round_trips_exactly():
    con = connect(":memory:")
    report = summit_report()
    result = store_reports(con, [report])
    assert result.stored == [report.article.id] and not result.failed
    assert rebuild_report(con, report.article.id) == report
    assert rebuild_report(con, report.article.id).to_json() == report.to_json()


def test_storing_the_same_report_twice_adds_nothing():
    con = connect(":memory:")
    report = summit_report()
    store_reports(con, [report])
    again = store_reports(con, [report, report])
    assert again.stored == [] and again.duplicates == 2
    assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(report.quotes)


def test_iter_reports_gives_back_every_article_in_order():
    con = connect(":memory:")
    reports = [summit_report("Outlet A"), summit_report("Outlet B", lead="Updated. ")]
    store_reports(con, reports)
    assert list(iter_reports(con, batch=1)) == reports


# --- hypothesis: arbitrary well-formed reports ---

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_opt_text = st.none() | _text
_ident = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=4)
_span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
_opt_span = st.none() | _span
_date = st.dates().map(lambda d: d.isoformat())
_float = st.floats(allow_nan=False, allow_infinity=False)

_text_ref = st.builds(TextRef, _text, _span)
_actor_ref = st.builds(ActorRef, st.none() | _ident, _text, _span)
_via = st.builds(Via, st.none() | _ident, _text, _span, st.none() | _text_ref)
_vias = st.lists(_via, max_size=3)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
    info = ArticleInfo(
        id=draw(st.text(alphabet="0123456789abcdef", min_size=8, max_size=64)), text=text, path=draw(_opt_text),
        published=draw(st.none() | _date), title=draw(_opt_text), language=draw(st.sampled_from(["en", "other"])),
        url=draw(_opt_text), outlet=draw(_opt_text), author=draw(_opt_text), warnings=draw(st.lists(_text, max_size=2)),
    )
    actor_ids = draw(st.lists(_ident, max_size=4, unique=True))
    actors = [
        Actor(id=aid, name=draw(_text), type=draw(st.sampled_from(["person", "organization", "country", "media", "group"])),
              country=draw(st.none() | st.sampled_from(["CHN", "RUS", "USA"])), roles=draw(st.lists(_text, max_size=2)),
              state_media=draw(st.booleans()), sector=draw(st.none() | st.sampled_from(["GOV", "MED"])),
              mentions=draw(st.lists(_span, max_size=3)))
        for aid in actor_ids
    ]
    ref_id = st.none() | (st.sampled_from(actor_ids) if actor_ids else st.none())
    quotes = [
        Quote(id=f"q{i}", type=draw(st.sampled_from(["direct", "indirect", "mixed"])),
              content=Content(draw(_text), draw(st.lists(_span, max_size=3))),
              cue=draw(st.none() | st.builds(Cue, _text, _text, _span)),
              speaker=draw(st.none() | st.builds(ActorRef, ref_id, _text, _span)),
              addressee=draw(st.none() | _actor_ref), via=draw(_vias), hedged=draw(st.booleans()),
              sentence=draw(_opt_span))
        for i in range(draw(st.integers(0, 3)))
    ]
    claims = [
        Claim(id=f"c{i}", text=draw(_text), span=draw(_span), value=draw(_float), unit=draw(_opt_text),
              about=draw(ref_id), speaker=draw(st.none() | _actor_ref), via=draw(_vias), hedged=draw(st.booleans()))
        for i in range(draw(st.integers(0, 2)))
    ]
    events = [
        Event(id=f"e{i}", type=draw(st.sampled_from(["CONSULT", "ACCUSE", "AID"])), mode=draw(_opt_text),
              actor=draw(st.lists(_ident, max_size=2)), recipient=draw(st.lists(_ident, max_size=2)),
              trigger=draw(_text_ref), sentence=draw(_span),
              date=draw(st.none() | st.builds(EventDate, _date, _date, st.sampled_from(["day", "month", "range"]),
                                               _opt_text, _opt_span)),
              location=draw(st.none() | st.builds(Location, _text, _span, st.none() | st.just("IND"))),
              negated=draw(st.booleans()), modality=draw(_opt_text), via=draw(_vias), hedged=draw(st.booleans()),
              cameo=draw(st.none() | st.just("04")), intensity=draw(st.none() | _float),
              count=draw(st.none() | st.integers(0, 1000)))
        for i in range(draw(st.integers(0, 2)))
    ]
    return Report(article=info, actors=actors, quotes=quotes, claims=claims, events=events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_round_trips_through_the_store(report):
    con = connect(":memory:")
    try:
        result = store_reports(con, [report])
        assert not result.failed, result.failed
        assert rebuild_report(con, report.article.id) == report
    finally:
        con.close()
