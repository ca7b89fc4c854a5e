"""Actor recognition, late mentions and the final pass on our own wire-style fixtures (needs the model)."""

from __future__ import annotations

import pytest
from conftest import fixture_text, needs_model

from sayso.extract.actors.links import link
from sayso.extract.actors.session import MentionSession
from sayso.extract.actors.table import ActorTable

pytestmark = needs_model


@pytest.fixture(scope="module")
def ministers(nlp):
    text = fixture_text("actors-ministers.txt")
    doc = nlp(text)
    return text, doc, doc._.sayso_actor_table


def _actors(table: ActorTable):
    return link(table, []).actors


def _by_name(table):
    return {a.name: a for a in _actors(table)}


def _resolved(session: MentionSession, span):
    record = session.record(session.resolve(span))
    return None if record is None else record.name


def _span(text, doc, words, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    span = doc.char_span(start, start + len(words))
    assert span is not None, words
    return span


def test_persons_roles_and_countries(ministers):
    text, _, table = ministers
    actors = _by_name(table)
    tanaka = actors["Emi Tanaka"]
    assert (tanaka.type, tanaka.country, tanaka.roles, tanaka.sector) == ("person", "JPN", ["Foreign Minister"], "GOV")
    mentions = [text[s:e] for s, e in tanaka.mentions]
    assert "Tanaka" in mentions and "She" in mentions
    brenner = actors["Klaus Brenner"]
    assert brenner.country == "DEU"
    assert "The German minister" in [text[s:e] for s, e in brenner.mentions]
    assert actors["Lin Wei"].roles == ["Spokesperson"]


def test_countries_media_groups(ministers):
    text, _, table = ministers
    actors = _by_name(table)
    assert "Tokyo" in [text[s:e] for s, e in actors["Japan"].mentions]
    assert actors["Germany"].sector == "GOV"
    assert (actors["Xinhua"].state_media, actors["Xinhua"].country) == (True, "CHN")
    assert (actors["TASS"].state_media, actors["TASS"].country) == (True, "RUS")
    assert actors["Kyodo"].state_media is False and actors["Deutsche Welle"].state_media is False
    generic = actors["Chinese state media"]
    assert (generic.type, generic.state_media, generic.country) == ("media", True, "CHN")
    officials = actors["Chinese officials"]
    assert (officials.type, officials.country, officials.sector) == ("group", "CHN", "GOV")
    assert actors["Russian troops"].sector == "MIL"
    assert actors["Western countries"].country is None
    assert actors["United Nations"].sector == "IGO"
    # a demonym on a person is not a mention of the country actor
    assert "Chinese" not in [text[s:e] for a in _actors(table) for s, e in a.mentions]


def test_resolve_speaker_and_source_spans(ministers):
    text, doc, table = ministers
    session = MentionSession(table)
    cases = {
        ("Tanaka", 1): "Emi Tanaka",
        ("She", 0): "Emi Tanaka",
        ("her German counterpart Klaus Brenner", 0): "Klaus Brenner",
        ("German broadcaster Deutsche Welle", 0): "Deutsche Welle",
        ("Foreign Ministry spokesman Lin Wei", 0): "Lin Wei",
        ("Beijing's state media", 0): "Chinese state media",
        ("the state news agency TASS", 0): "TASS",
        ("the US-led West", 0): "Western countries",
        ("Russia's defence ministry", 0): "defence ministry",
    }
    for (words, nth), expected in cases.items():
        assert _resolved(session, _span(text, doc, words, nth)) == expected, words


def test_unknown_mentions_stay_unresolved(ministers):
    text, doc, table = ministers
    session = MentionSession(table)
    assert session.resolve(_span(text, doc, "reporters")) is None
    assert session.resolve(None) is None
    assert session.log == []


def test_one_actor_per_entity_and_offsets(ministers):
    text, _, table = ministers
    actors = _actors(table)
    assert len({a.name for a in actors}) == len(actors)
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    assert [a.mentions[0] for a in actors] == sorted(a.mentions[0] for a in actors)  # ids follow the text
    for actor in actors:
        for s, e in actor.mentions:
            assert 0 <= s < e <= len(text)


def test_sessions_leave_the_table_alone_and_ids_do_not_depend_on_their_order(nlp):
    text = ("Police detained a Japanese businessman in Beijing on Monday.\n\n"
            "Officials said the Kenyan delegation would arrive later.\n")
    doc = nlp(text)
    table = doc._.sayso_actor_table
    before = _actors(table)
    first, second = MentionSession(table), MentionSession(table)
    man = first.resolve(_span(text, doc, "a Japanese businessman"))
    delegation = second.resolve(_span(text, doc, "the Kenyan delegation"))
    assert man is not None and delegation is not None and man not in table.records
    assert _actors(table) == before  # the table did not change
    one, other = link(table, [first.log, second.log]), link(table, [second.log, first.log])
    assert one.actors == other.actors and one.id_of(man) == other.id_of(man)
    assert [a.id for a in one.actors] == [f"a{i}" for i in range(1, len(one.actors) + 1)]
    assert int(one.id_of(man)[1:]) < int(one.id_of(delegation)[1:])  # numbered in text order


def test_headline_chunk_is_not_a_person(nlp):
    text = "Lopez Win ‘Clearly Shows’ Trust Of Voters\n\nPresident Ana Lopez won a second term on Sunday.\n"
    persons = [a for a in _actors(nlp(text)._.sayso_actor_table) if a.type == "person"]
    assert [p.name for p in persons] == ["Ana Lopez"]
    assert persons[0].roles == ["President"]
    assert "Lopez" in [text[s:e] for s, e in persons[0].mentions]


def test_empty_and_odd_documents(nlp):
    assert _actors(nlp("")._.sayso_actor_table) == ()
    assert _actors(nlp("??? 123 ... \n\n")._.sayso_actor_table) == ()


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("UN Secretary-General Ana Ruiz urged restraint on Monday.", "Ana Ruiz",
         ("Ana Ruiz", "person", None, ["Secretary-General"], "IGO")),
        ("The Palestinian Authority asked donors for help.", "The Palestinian Authority",
         ("Palestinian Authority", "organization", "PSE", [], None)),
        ("Sudan's army declared a ceasefire.", "Sudan's army", ("Sudanese army", "group", "SDN", [], "MIL")),
        ("Police detained a Japanese businessman in Beijing.", "a Japanese businessman",
         ("Japanese businessman", "person", "JPN", [], None)),
        ("Troops shot three Palestinians near the crossing.", "three Palestinians",
         ("Palestinians", "group", "PSE", [], None)),
        ("Ukrainian drones hit a refinery overnight.", "Ukrainian drones",
         ("Ukrainian drones", "group", "UKR", [], "MIL")),
        ("The bloc eased curbs on Belarusian potash exports.", "Belarusian potash exports",
         ("Belarus", "country", "BLR", [], "GOV")),
        ("Russian strikes hit the port.", "Russian strikes", ("Russia", "country", "RUS", [], "GOV")),
    ],
)
def test_resolve_creates_the_right_actor(nlp, sentence, words, expected):
    doc = nlp(sentence)
    session = MentionSession(doc._.sayso_actor_table)
    start = sentence.index(words)
    actor = session.record(session.resolve(doc.char_span(start, start + len(words))))
    assert actor is not None
    assert (actor.name, actor.type, actor.country, list(actor.roles), actor.sector) == expected


def test_name_variants_join_one_person(nlp):
    text = (
        "Saudi Crown Prince Mohammed bin Salman hosted Commission President Ursula von der Leyen in Riyadh.\n\n"
        "MBS told reporters the talks were useful. Later, Leyen said the visit was productive.\n\n"
        "The White House said President Dan Hollis’s special envoy, Mark Ortiz, would join them. Hollis did not comment.\n"
    )
    actors = _actors(nlp(text)._.sayso_actor_table)
    persons = {a.name: a for a in actors if a.type == "person"}
    mbs = persons["Mohammed bin Salman"]
    assert "MBS" in [text[s:e] for s, e in mbs.mentions]
    assert (mbs.country, mbs.roles) == ("SAU", ["Crown Prince"])
    assert "Ursula von der Leyen" in persons
    assert persons["Mark Ortiz"].roles == ["Envoy"]  # the President is Hollis, not his envoy
    assert not [a for a in actors if a.type == "organization" and a.name in ("Hollis", "Leyen")]


def test_pronoun_in_a_quote_is_not_its_speaker(nlp):
    text = (
        "Publisher Jose Ramos was jailed in 2022. Lawyer Ana Costa, who leads Ramos’s legal team, spoke to "
        "reporters on Monday.\n\n“He should never have spent a single day in prison,” Costa said.\n"
    )
    doc = nlp(text)
    he = doc.char_span(text.index("“He") + 1, text.index("“He") + 3)
    assert _resolved(MentionSession(doc._.sayso_actor_table), he) == "Jose Ramos"


def test_words_that_are_not_people(nlp):
    text = (
        "Negotiator Paul Mercer spoke in Brussels on Tuesday.\n\n"
        "“Cherry picking is not an option,” Mercer said. Ministers discussed the Schengen Agreement. "
        "“Schengen no longer works,” he said.\n"
    )
    persons = [a.name for a in _actors(nlp(text)._.sayso_actor_table) if a.type == "person"]
    assert persons == ["Paul Mercer"]


def test_he_said_after_a_quote_is_the_speaker_not_the_quoted_he(nlp):
    text = (
        "Commerce Secretary Lena Brooks spoke to reporters about President Tom Hale.\n\n"
        "“If the talks fail, he will raise tariffs again,” Brooks said. “It is a big problem,” she said.\n\n"
        "Adviser Omar Diaz joined her. “He is serious,” Diaz said. “We are ready,” he added.\n"
    )
    doc = nlp(text)
    added = text.index("he added")
    assert _resolved(MentionSession(doc._.sayso_actor_table), doc.char_span(added, added + 2)) == "Omar Diaz"
