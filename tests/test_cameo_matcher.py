"""The CAMEO dictionary matcher: verb lookup, pattern checks over dependents, roles, exclusions."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from tests.conftest import needs_model
from sayso.dictionaries.verb_index import build_index, verb_index
from sayso.extract.events.cameo import find_candidates


def _verb(lemma, cameo, type_, block, mode=None, particles=()):
    return {"kind": "verb", "lemma": lemma, "particles": list(particles), "forms": [], "block": block,
            "cameo": cameo, "type": type_, "mode": mode, "goldstein": -1.0, "reverse_cameo": None, "swap": False,
            "line": 1}


def _pattern(block, line, obj=(), preps=(), cameo=None, type_=None, recipient=None, subject=()):
    return {"kind": "pattern", "block": block, "subject": list(subject), "object": list(obj),
            "preps": [{"prep": p, "object": list(o), "role": r} for p, o, r in preps], "actor": None,
            "recipient": recipient, "joint": False, "cameo": cameo, "type": type_, "mode": None, "goldstein": -5.0,
            "reverse_cameo": None, "swap": False, "line": line, "text": f"pattern {line}"}


INDEX = build_index((
    {"kind": "synset", "name": "&truce", "words": ["truce", "cease fire"], "exact": False},
    _verb("impose", None, None, "impose"),
    _pattern("impose", 10, obj=["sanctions"], cameo="163", type_="SANCTION"),
    _pattern("impose", 11, obj=["trade sanctions"], cameo="1621", type_="SANCTION"),
    _verb("avoid", "190", "ASSAULT", "avoid"),  # a silly default, blocked by the exclusion below
    _pattern("avoid", 20, obj=["&truce"]),
    _verb("kill", "190", "ASSAULT", "kill"),
    _verb("call", "160", "SANCTION", "call", particles=("off",)),
))


VOCAB = spacy.blank("en").vocab  # a blank English vocab: lower forms and other lexical attributes are set


def doc(words, pos, heads, deps, lemmas, ents=None):
    return Doc(VOCAB, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas, ents=ents)


def test_pattern_codes_the_verb_and_finds_the_recipient():
    d = doc(["Freedonia", "imposed", "trade", "sanctions", "on", "Sylvania", "."],
            ["PROPN", "VERB", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"],
            ["Freedonia", "impose", "trade", "sanction", "on", "Sylvania", "."])
    (c,) = find_candidates(d, INDEX)
    assert (c.type, c.cameo, c.pattern) == ("SANCTION", "1621", "pattern 11")  # the more specific pattern wins
    assert c.actor.text == "Freedonia" and c.recipient.text == "Sylvania"  # "sanctions on X": X
    assert [t.text for t in c.evidence] == ["sanctions"]


def test_exclusion_pattern_blocks_the_verb():
    d = doc(["They", "avoided", "a", "cease", "fire"], ["PRON", "VERB", "DET", "NOUN", "NOUN"], [1, 1, 4, 4, 1],
            ["nsubj", "ROOT", "det", "compound", "dobj"], ["they", "avoid", "a", "cease", "fire"])
    assert find_candidates(d, INDEX) == []  # "- * &TRUCE [---]": no event, not the verb's ASSAULT
    d = doc(["They", "avoided", "Sylvania"], ["PRON", "VERB", "PROPN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
            ["they", "avoid", "Sylvania"])
    assert [c.type for c in find_candidates(d, INDEX)] == ["ASSAULT"]


def test_agentless_passive_has_no_actor():
    d = doc(["The", "rebel", "leader", "was", "killed", "."], ["DET", "NOUN", "NOUN", "AUX", "VERB", "PUNCT"],
            [2, 2, 4, 4, 4, 4], ["det", "compound", "nsubjpass", "auxpass", "ROOT", "punct"],
            ["the", "rebel", "leader", "be", "kill", "."])
    (c,) = find_candidates(d, INDEX)
    assert c.passive and c.actor is None and c.recipient.text == "leader"


def test_multi_word_verb_needs_its_particle():
    words, lemmas = ["Freedonia", "called", "off", "talks"], ["Freedonia", "call", "off", "talk"]
    d = doc(words, ["PROPN", "VERB", "ADP", "NOUN"], [1, 1, 1, 1], ["nsubj", "ROOT", "prt", "dobj"], lemmas)
    (c,) = find_candidates(d, INDEX)
    assert c.trigger.text == "called off" and c.type == "SANCTION"
    d = doc(["Freedonia", "called", "Sylvania"], ["PROPN", "VERB", "PROPN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
            ["Freedonia", "call", "Sylvania"])
    assert find_candidates(d, INDEX) == []


@needs_model
def test_real_dictionary_on_parsed_sentences(nlp):
    def coded(text):
        return [(c.trigger.text, c.type, c.actor.text if c.actor else None, c.recipient.text if c.recipient else None)
                for c in find_candidates(nlp(text))]

    sanctions = coded("Freedonia imposed sanctions on Sylvania on Monday.")
    assert ("imposed", "SANCTION", "Freedonia", "Sylvania") in sanctions
    assert ("expelled", "SANCTION", "Freedonia", "diplomats") in coded("Freedonia expelled two Sylvanian diplomats.")
    # material vs verbal: a verbal attack on a newspaper is ACCUSE, an attack by troops on a village ASSAULT
    assert coded("The president attacked the Daily Freedonian on Monday.")[0][1] == "ACCUSE"
    assert coded("Freedonian troops attacked the village of Elbow.")[0][1] == "ASSAULT"
    # a passive killing: no actor, the victim is the recipient, nothing taken from the next sentence
    first = coded("The rebel leader was killed in an airstrike. The president said the army acted alone.")[0]
    assert first[1:] == ("ASSAULT", None, "leader")


def test_packaged_index_loads():
    index = verb_index()
    assert index.entries("attack", "attacks")[0].event.type == "ASSAULT"
    assert "missile" in index.synsets["&weapon"]


def test_bare_cooperative_defaults_are_weak():
    d = doc(["Freedonia", "avoided", "Sylvania"], ["PROPN", "VERB", "PROPN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
            ["Freedonia", "avoid", "Sylvania"])
    assert find_candidates(d, INDEX)[0].strong  # a bare ASSAULT default stands alone
    index = build_index((_verb("give", "070", "AID", "give"),))
    d = doc(["Freedonia", "gave", "Sylvania"], ["PROPN", "VERB", "PROPN"], [1, 1, 1], ["nsubj", "ROOT", "dative"],
            ["Freedonia", "give", "Sylvania"])
    assert not find_candidates(d, index)[0].strong  # "gave" alone is too generic to be AID


@pytest.mark.skip(reason="TEMPORARY (lead): eval/event_sources.py still calls the pre-component actor API; the events integration (issue 11) moves it onto the events component and removes this skip")
@needs_model
def test_comparison_of_sources_runs_on_a_small_set(tmp_path):
    from sayso.eval.event_sources import compare, format_comparison

    lines = [
        {"id": "s1", "split": "dev", "published": "2024-05-10", "text": "France imposed sanctions on Russia on Monday.",
         "events": [{"type": "SANCTION", "actor": "FRA", "recipient": "RUS"}]},
        {"id": "s2", "split": "dev", "published": "2024-05-10", "events": [], "text": "The weather was mild in Paris."},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = compare(str(path))
    for system in ("rules", "dictionary", "union", "merge"):
        assert result.scores[system]["all"].tp["SANCTION"] == 1 and not result.scores[system]["all"].fp
    assert "merge" in format_comparison(result)
