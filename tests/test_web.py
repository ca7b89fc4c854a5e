"""The web view and JSON API over a small fixture corpus, in process (FastAPI's TestClient)."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from conftest import needs_model
from web_support import SCRIPT, build_db, report_1

from sayso.report import Report

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sayso.settings import Settings
from sayso.web import create_app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Report]]:
    path = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    return path, build_db(path)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, list[Report]]) -> TestClient:
    return TestClient(create_app(str(corpus[0]), Settings(max_request_bytes=64 * 1024)))


def actor_id(client: TestClient, name: str) -> int:
    found = [a for a in client.get("/api/v1/actors", params={"name": name}).json()["items"] if a["name"] == name]
    assert len(found) == 1
    return found[0]["id"]


# --- API -------------------------------------------------------------------------------------------------

def test_lists_have_items_and_total(client: TestClient) -> None:
    for path, total in [("/api/v1/articles", 2), ("/api/v1/quotes", 4), ("/api/v1/events", 3),
                        ("/api/v1/sources", 3), ("/api/v1/actors", 7)]:
        body = client.get(path).json()
        assert set(body) >= {"items", "total"}, path
        assert body["total"] == total == len(body["items"]), path


def test_article_api_gives_back_the_stored_report(client: TestClient, corpus: tuple[Path, list[Report]]) -> None:
    stored = corpus[1][0]
    body = client.get(f"/api/v1/articles/{stored.article.id}").json()
    assert body["report"]["quotes"] == stored.to_dict()["quotes"]
    assert body["report"]["article"]["text"] == stored.article.text
    assert set(body["actor_ids"]) == {"a1", "a2", "a3", "a4", "a5"}


@pytest.mark.parametrize("params, expected", [
    ({"speaker": "Korpela"}, {"the corridor must stay open for every ship,", "the talks would resume next week"}),
    ({"speaker": "Anna Korpela", "addressee": "Norway"}, {"the corridor must stay open for every ship,"}),
    ({"via": "Nordpress"}, {f"We will not accept {SCRIPT} any delay,"}),
    ({"state_media_only": "true"}, {"the corridor must stay open for every ship,", f"We will not accept {SCRIPT} any delay,"}),
    ({"text": "good coasts"}, {"This is a good day for both coasts,"}),
    ({"since": "2024-05-01"}, {"This is a good day for both coasts,"}),
    ({"until": "2024-04-30", "speaker": "Dahl"}, {f"We will not accept {SCRIPT} any delay,"}),
    ({"outlet": "Harbour Gazette"}, {"This is a good day for both coasts,"}),
    ({"speaker": "Nobody Known"}, set()),
    ({"text": "100%_"}, set()),
])
def test_quote_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = client.get("/api/v1/quotes", params=params).json()
    assert {q["text"] for q in body["items"]} == expected
    assert body["total"] == len(expected)


def test_quote_paging_and_via_chain(client: TestClient) -> None:
    first = client.get("/api/v1/quotes", params={"limit": 1}).json()
    second = client.get("/api/v1/quotes", params={"limit": 1, "offset": 1}).json()
    past = client.get("/api/v1/quotes", params={"limit": 1, "offset": 10}).json()
    assert first["total"] == second["total"] == past["total"] == 4
    assert first["items"][0]["text"] == "This is a good day for both coasts,"  # newest article first
    assert first["items"][0]["via"] == [
        {"id": actor_id(client, "Harbour Gazette"), "name": "Harbour Gazette", "state_media": False, "cue": "according to"}]
    assert past["items"] == []


def test_actor_api_profile(client: TestClient) -> None:
    body = client.get(f"/api/v1/actors/{actor_id(client, 'Anna Korpela')}").json()
    assert body["actor"]["quotes"] == 2 and body["via_state_media"] == 1 and body["with_source"] == 1
    assert [a["name"] for a in body["addressed"]] == ["Norway"]
    assert [s["name"] for s in body["carried_by"]] == ["NRT"]
    assert {e["type"] for e in body["events_page"]["items"]} == {"CONSULT", "REQUEST"}


@pytest.mark.parametrize("params, triggers", [
    ({"type": "consult"}, ["met"]),
    ({"actor": "Norway"}, ["signed"]),  # who did it
    ({"recipient": "Norway"}, ["told"]),  # to whom
    ({"involving": "Norway"}, ["signed", "told"]),  # either side
    ({"actor": "FIN"}, ["told"]),  # every actor of the country: Anna Korpela
    ({"involving": "FIN"}, ["signed", "told", "met"]),
])
def test_events_filter_by_type_and_side(client: TestClient, params: dict[str, str], triggers: list[str]) -> None:
    body = client.get("/api/v1/events", params=params).json()
    assert [e["trigger"] for e in body["items"]] == triggers and body["total"] == len(triggers)


def test_unknown_event_type_is_refused_not_empty(client: TestClient) -> None:
    r = client.get("/api/v1/events", params={"type": "ATTACK"})
    assert r.status_code == 422 and "PLOVER" in r.json()["detail"]


def test_sources_rank_and_flag_state_media(client: TestClient) -> None:
    items = client.get("/api/v1/sources").json()["items"]
    assert {s["name"]: s["state_media"] for s in items} == {"NRT": True, "Nordpress": True, "Harbour Gazette": False}


@pytest.mark.parametrize("path", [
    "/api/v1/quotes?limit=0", "/api/v1/quotes?limit=100000", "/api/v1/quotes?since=yesterday",
    "/api/v1/quotes?offset=-1", "/api/v1/quotes?state_media_only=perhaps", "/api/v1/actors/notanumber",
    "/api/v1/articles/NOT-HEX", "/api/v1/quotes?speaker=" + "x" * 500,
])
def test_malformed_parameters_give_422_with_a_message(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 422
    assert isinstance(r.json()["detail"], str) and r.json()["detail"]


def test_unknown_ids_give_404(client: TestClient) -> None:
    assert client.get("/api/v1/articles/" + "0" * 64).status_code == 404
    assert client.get("/api/v1/actors/12345").status_code == 404
    assert client.get("/articles/" + "0" * 64).status_code == 404
    assert "Not found" in client.get("/actors/12345").text


def test_extract_rejects_big_and_malformed_bodies(client: TestClient) -> None:
    big = {"text": "x" * (65 * 1024)}
    assert client.post("/api/v1/extract", json=big).status_code == 413

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(80):
            yield b"x" * 1024

    assert client.post("/api/v1/extract", content=chunks(), headers={"content-type": "application/json"}).status_code == 413
    assert client.post("/api/v1/extract", json={"text": ""}).status_code == 422
    assert client.post("/api/v1/extract", json={"text": "a", "bogus": 1}).status_code == 422
    assert client.post("/api/v1/extract", json={"text": "a", "published": "soon"}).status_code == 422
    assert client.post("/api/v1/extract", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/paste", data={"text": "x" * (65 * 1024)}).status_code == 413


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/quotes", "/api/v1/actors",
                 "/api/v1/actors/{actor_id}", "/api/v1/sources", "/api/v1/events", "/api/v1/extract"]:
        assert path in paths
    params = {p["name"] for p in paths["/api/v1/quotes"]["get"]["parameters"]}
    assert params >= {"speaker", "addressee", "via", "state_media_only", "text", "since", "until", "limit", "offset"}


# --- pages -----------------------------------------------------------------------------------------------

def test_article_page_escapes_the_text_and_links_actors(client: TestClient, corpus: tuple[Path, list[Report]]) -> None:
    stored = corpus[1][0]
    page = client.get(f"/articles/{stored.article.id}").text
    assert SCRIPT not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert f'href="/actors/{actor_id(client, "Anna Korpela")}"' in page
    assert 'id="quote-q1"' in page and 'data-q="q3"' in page and "rests on state media" in page


def test_pages_render(client: TestClient) -> None:
    korpela = actor_id(client, "Anna Korpela")
    for path, needle in [
        ("/", "Top speakers"), ("/search?speaker=Dahl&since=&until=", "This is a good day"),
        (f"/actors/{korpela}", "rest on state media"), ("/sources", "Nordpress"),
        ("/relations", "<svg"), ("/relations?a=Norway&b=Finland", "Events between Norway and Finland"),
        ("/paste", "<textarea"), ("/search?state_media_only=true&limit=25", "NRT"),
    ]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert needle in r.text, path
    assert client.get("/search?since=later").status_code == 422


def test_search_page_pages_keep_filters(client: TestClient) -> None:
    page = client.get("/search", params={"text": "the", "limit": 25}).text
    assert "No quotes match" not in page
    page = client.get("/search", params={"speaker": "Korpela", "limit": 25, "offset": 0}).text
    assert "1–2 of 2" in page


def test_without_a_database_reading_pages_say_so(tmp_path: Path) -> None:
    app = TestClient(create_app(str(tmp_path / "missing.duckdb")))
    assert "No corpus database" in app.get("/").text
    r = app.get("/api/v1/quotes")
    assert r.status_code == 503 and "sayso ingest" in r.json()["detail"]
    assert app.get("/paste").status_code == 200


def test_a_replaced_database_is_reopened(tmp_path: Path, corpus: tuple[Path, list[Report]]) -> None:
    from sayso.store.db import connect
    from sayso.store.writer import store_reports

    live = tmp_path / "live.duckdb"
    shutil.copy(corpus[0], live)
    app = TestClient(create_app(str(live)))
    assert app.get("/api/v1/articles").json()["total"] == 2
    fresh = tmp_path / "fresh.duckdb"
    con = connect(str(fresh))
    store_reports(con, [report_1()])
    con.close()
    fresh.replace(live)  # what a finished `sayso ingest` into a copy does
    assert app.get("/api/v1/articles").json()["total"] == 1


def test_paste_form_errors_are_shown_not_raised(client: TestClient) -> None:
    r = client.post("/paste", data={"text": "   "})
    assert r.status_code == 422 and "Paste some text" in r.text
    r = client.post("/paste", data={"text": "Some words.", "published": "31/12/2024"})
    assert r.status_code == 422 and "is not a date" in r.text
    r = client.post("/paste", files={"file": ("x.txt", b"\x00\x01\x02binary\x00", "text/plain")}, data={"text": ""})
    assert r.status_code == 422 and "binary" in r.text


@needs_model
def test_paste_extracts_and_saves_only_when_asked(tmp_path: Path, corpus: tuple[Path, list[Report]]) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copy(corpus[0], live)
    app = TestClient(create_app(str(live)))
    text = ('Rivers Rise in the North\n\nOSLO - "We are ready for the floods," Norwegian minister Lars Dahl '
            "told reporters on Monday. <b>bold</b>\n")
    shown = app.post("/paste", data={"text": text, "published": "2024-05-06"})
    assert shown.status_code == 200 and "not stored" in shown.text and "&lt;b&gt;bold&lt;/b&gt;" in shown.text
    assert app.get("/api/v1/articles").json()["total"] == 2
    saved = app.post("/paste", data={"text": text, "store": "true"}, follow_redirects=False)
    assert saved.status_code == 303
    assert app.get(saved.headers["location"]).status_code == 200
    assert app.get("/api/v1/articles").json()["total"] == 3
