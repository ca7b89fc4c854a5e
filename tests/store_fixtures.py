"""Hand-built reports for the store tests (own wire-style sentences, no extraction needed)."""

from __future__ import annotations

import hashlib

from sayso.report import (
    Actor, ActorRef, ArticleInfo, Claim, Content, Cue, Event, EventDate, Location, Quote, Report, TextRef, Via,
)


def _find(text: str, words: str, start: int = 0) -> tuple[int, int]:
    i = text.index(words, start)
    return (i, i + len(words))


def summit_report(outlet: str = "Daily Planet", published: str = "2024-05-02", lead: str = "") -> Report:
    """Lula speaks to Modi, via the state news agency; a claim and an event. ``lead`` varies the text
    (the same wire story in another outlet)."""
    text = (
        f"{lead}NEW DELHI, May 2 - Brazilian President Luiz Inacio Lula da Silva told Indian Prime Minister "
        "Narendra Modi that trade between the two countries must double by the end of the decade, "
        "according to the state news agency Agencia Brasil. \"We will not wait for anyone,\" Lula said. "
        "Trade rose 12 percent last year. Modi met Lula in New Delhi on Thursday."
    )
    lula = Actor("a1", "Luiz Inacio Lula da Silva", "person", "BRA", ["President"], False, "GOV",
                 [_find(text, "Luiz Inacio Lula da Silva"), _find(text, "Lula said")[:1] + (_find(text, "Lula said")[0] + 4,)])
    modi = Actor("a2", "Narendra Modi", "person", "IND", ["Prime Minister"], False, "GOV",
                 [_find(text, "Narendra Modi"), _find(text, "Modi met")[:1] + (_find(text, "Modi met")[0] + 4,)])
    agency = Actor("a3", "Agencia Brasil", "media", "BRA", [], True, "MED", [_find(text, "Agencia Brasil")])
    q1_words = "trade between the two countries must double by the end of the decade"
    q2_words = "We will not wait for anyone,"
    s_lula = _find(text, "Brazilian President Luiz Inacio Lula da Silva")
    q1 = Quote("q1", "indirect", Content(q1_words, [_find(text, q1_words)]),
               Cue("told", "tell", _find(text, "told")),
               ActorRef("a1", text[s_lula[0]:s_lula[1]], s_lula),
               ActorRef("a2", "Indian Prime Minister Narendra Modi", _find(text, "Indian Prime Minister Narendra Modi")),
               [Via("a3", "the state news agency Agencia Brasil", _find(text, "the state news agency Agencia Brasil"),
                    TextRef("according to", _find(text, "according to")))],
               False, (0, text.index("Brasil.") + 7))
    q2 = Quote("q2", "direct", Content(q2_words, [_find(text, q2_words)]), Cue("said", "say", _find(text, "said")),
               ActorRef("a1", "Lula", _find(text, "Lula said")[:1] + (_find(text, "Lula said")[0] + 4,)),
               None, [], True, None)
    claim = Claim("c1", "12 percent", _find(text, "12 percent"), 12.0, "percent", None, None, [], False)
    event = Event("e1", "CONSULT", "visit", ["a2"], ["a1"], TextRef("met", _find(text, "met")),
                  _find(text, "Modi met Lula in New Delhi on Thursday."),
                  EventDate("2024-05-02", "2024-05-02", "day", "Thursday", _find(text, "Thursday")),
                  Location("New Delhi", _find(text, "New Delhi on"[:9], text.index("Modi met")), "IND"),
                  False, None, [], False, "04", 1.0, None)
    info = ArticleInfo(hashlib.sha256(text.encode()).hexdigest(), text, f"{outlet}.txt", published,
                       "Lula presses Modi on trade", "en", f"https://{outlet.replace(' ', '').lower()}.example/a",
                       outlet, "Staff", [])
    return Report(info, [lula, modi, agency], [q1, q2], [claim], [event])
