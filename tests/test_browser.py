"""The pages in a real browser (Debian's chromium driven by Playwright) over a fixture corpus served by
uvicorn on loopback. Skips when chromium or playwright is absent. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_support import build_db

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list]]:
    import uvicorn

    from sayso.web import create_app

    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    reports = build_db(db)
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", reports
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # noqa: ANN001, ANN201 - playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    context.close()


def _shot(page, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_article_page_click_a_quote_shows_its_details(server, page) -> None:  # noqa: ANN001
    base, reports = server
    page.goto(f"{base}/articles/{reports[0].article.id}")
    assert page.evaluate("window.__pwned") is None  # the <script> inside the article never ran
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#article-text")
    pop = page.locator("#pop")
    assert pop.is_hidden()
    page.locator('mark.q[data-q="q1"]').click()
    assert pop.is_visible()
    details = pop.inner_text()
    assert "Anna Korpela" in details and "Norway" in details and "NRT" in details and "state media" in details
    assert page.locator("#quote-q1").get_attribute("class").split().count("hl") == 1
    _shot(page, "article-quote-clicked")
    page.keyboard.press("Escape")
    assert pop.is_hidden()
    page.locator('a.jump[data-key="c1"]').click()
    assert "hl" in page.locator('#article-text [data-c="c1"]').get_attribute("class")
    page.locator('a.jump[data-key="e1"]').click()
    assert "hl" in page.locator('#article-text [data-e="e1"]').get_attribute("class")
    assert page.js_errors == []


def test_mention_links_lead_to_the_actor_page(server, page) -> None:  # noqa: ANN001
    base, reports = server
    page.goto(f"{base}/articles/{reports[0].article.id}")
    page.locator('#article-text a.m[data-a="a4"]').first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Lars Dahl")
    assert "We will not accept" in page.inner_text("table.quotes")
    assert page.evaluate("window.__pwned") is None
    _shot(page, "actor")


@pytest.mark.parametrize("path, name, needle", [
    ("/", "overview", "Top speakers"),
    ("/search?speaker=Korpela", "search", "the corridor must stay open"),
    ("/sources", "sources", "Nordpress"),
    ("/relations?a=Norway&b=Finland", "relations", "Events between Norway and Finland"),
    ("/paste", "paste", "Paste an article"),
])
def test_pages_open_cleanly(server, page, path: str, name: str, needle: str) -> None:  # noqa: ANN001
    base, _ = server
    response = page.goto(base + path)
    assert response is not None and response.status == 200
    assert needle.lower() in page.inner_text("main").lower()
    assert page.evaluate("window.__pwned") is None
    _shot(page, name)
    assert page.js_errors == []


def test_search_form_submits_filters(server, page) -> None:  # noqa: ANN001
    base, _ = server
    page.goto(f"{base}/search")
    page.fill('input[name="via"]', "Nordpress")
    page.click('form.filters button[type="submit"]')
    page.wait_for_load_state()
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() == 1
    assert "We will not accept" in rows.first.inner_text()


@pytest.mark.model
def test_paste_an_article_and_read_it(server, page, seed_text: str) -> None:  # noqa: ANN001
    """The flagship article (from ../shared, skipped when absent) pasted into the form comes back as its
    article page: quotes highlighted, a click shows the speaker."""
    from conftest import HAS_MODEL

    if not HAS_MODEL:
        pytest.skip("no English spaCy model installed")
    base, _ = server
    page.goto(f"{base}/paste")
    page.fill('textarea[name="text"]', seed_text)
    page.fill('input[name="published"]', "2024-03-18")
    page.click('form.paste button[type="submit"]')
    page.wait_for_selector("#article-text", timeout=120_000)
    assert "not stored" in page.inner_text(".meta")
    marks = page.locator("mark.q")
    assert marks.count() > 0
    marks.first.click()
    assert page.locator("#pop").is_visible()
    assert page.locator("#pop .who").inner_text().strip()
    _shot(page, "paste-result")
    assert page.js_errors == []
