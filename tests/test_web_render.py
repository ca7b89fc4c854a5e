"""The article highlighter: every character of the text survives, escaped, inside well-formed tags."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from web_support import SCRIPT, report_1

from sayso.report import Actor, ArticleInfo, Claim, Content, Quote, Report, Via
from sayso.web.render import article_view, highlight


class _Checker(HTMLParser):
    """Collects the text and fails on a closing tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(str(markup))
    checker.close()
    assert checker.stack == []
    return checker


def no_link(actor: Actor) -> str | None:
    return None


def test_script_in_article_text_is_escaped_and_text_is_kept() -> None:
    report = report_1()
    out = str(highlight(report, lambda a: f"/actors/{a.id}"))
    assert SCRIPT not in out
    assert html.escape(SCRIPT, quote=False) in out
    checker = _check(out)
    assert "".join(checker.text) == report.article.text
    assert all(tag != "script" for tag, _ in checker.tags)


def test_quotes_mentions_claims_and_events_are_wrapped() -> None:
    checker = _check(highlight(report_1(), lambda a: f"/actors/{a.id}"))
    quotes = {attrs["data-q"] for tag, attrs in checker.tags if tag == "mark"}
    assert quotes == {"q1", "q2", "q3"}
    links = [attrs["href"] for tag, attrs in checker.tags if tag == "a"]
    assert "/actors/a1" in links and "/actors/a5" in links
    assert any(attrs.get("data-c") == "c1" and attrs.get("id") == "t-c1" for _, attrs in checker.tags)
    assert any(attrs.get("data-e") == "e1" for _, attrs in checker.tags)


def test_same_speaker_same_colour_and_resting_on_state_media() -> None:
    report = report_1()
    # a second, independent link does not lift a quote off state media: some link is enough (docs/query.md)
    report.quotes[0].via.append(Via("a2", "Norway", report.quotes[0].speaker.span))
    view = article_view(report, no_link)
    colours = {q.id: q.colour for q in view.quotes}
    assert colours["q1"] == colours["q2"] != colours["q3"]
    q1, q2, q3 = view.quotes
    assert q1.via_state_media and q3.via_state_media and not q2.via_state_media
    assert q1.speaker == "Anna Korpela" and q1.addressee == "Norway"
    assert "NRT [state media] ← Norway" in q1.summary and "hedged" in q2.summary
    assert view.legend == [("Anna Korpela", colours["q1"]), ("Lars Dahl", colours["q3"])]


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), min_size=1, max_size=60),
    raw=st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from("qmc")), max_size=8),
)
def test_any_overlap_keeps_text_and_balanced_tags(text: str, raw: list[tuple[int, int, str]]) -> None:
    quotes, mentions, claims = [], [], []
    for i, (a, b, kind) in enumerate(raw):
        s, e = sorted((a, b))
        if kind == "q":
            quotes.append(Quote(f"q{i}", "direct", Content(text[s:e], [(s, e)])))
        elif kind == "m":
            mentions.append((s, e))
        else:
            claims.append(Claim(f"c{i}", text[s:e], (s, e), 1.0))
    actors = [Actor("a1", "X", "person", mentions=mentions)]
    report = Report(ArticleInfo(id="x", text=text), actors, quotes, claims)
    checker = _check(highlight(report, lambda a: "/actors/1"))
    assert "".join(checker.text) == text
