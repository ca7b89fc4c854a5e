"""Cue words: which verbs report speech, thought or intent, and which child holds what they report.

The table ``lexicons/en/cue_verbs.tsv`` was learned from the PolNeAR training split (see
``sayso.eval.learn_cues``): for a verb lemma and the dependency of one of its children, how often that
pair was an annotated cue with that child as its content. A pair is trusted above ``MIN_RATE``.
A ``prep`` content is further judged by its preposition (``lexicons/en/content_preps.tsv``, learned the same
way): "spoke in Iowa about the plan" reports "about the plan", never "in Iowa".
Cue verbs are found with one ``Matcher`` pass over the document (lemma set lookup), not a token loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from sayso.lexicons import read_tsv, read_words

MIN_RATE = 0.1
MIN_PREP_RATE = 0.1  # a preposition whose phrase was a cue's content less often never holds one
# The order children are tried in when a verb has several candidates: clauses before objects.
DEP_ORDER = ("ccomp", "xcomp", "parataxis", "dobj", "oprd", "prep", "acomp", "attr", "advcl", "dative",
             "nsubjpass")


@dataclass(frozen=True)
class CueTable:
    deps: dict[str, dict[str, float]]  # lemma -> dependency -> rate
    speech: frozenset[str]  # verbs that may stand next to a direct quote
    preps: dict[str, float]  # preposition -> how often its phrase was a cue's content

    def content_deps(self, lemma: str) -> dict[str, float]:
        return self.deps.get(lemma, {})


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    deps: dict[str, dict[str, float]] = {}
    for lemma, dep, _hits, _seen, rate in read_tsv("cue_verbs.tsv"):
        if float(rate) >= MIN_RATE:
            deps.setdefault(lemma, {})[dep] = float(rate)
    for lemma, dep in read_tsv("belief_verbs.tsv"):
        deps.setdefault(lemma, {}).setdefault(dep, MIN_RATE)
    preps = {prep: float(rate) for prep, _hits, _seen, rate in read_tsv("content_preps.tsv")}
    return CueTable(deps, read_words("speech_verbs.txt"), preps)


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    key = id(vocab)
    if key not in _MATCHERS:
        table = cue_table()
        matcher = Matcher(vocab)
        lemmas = sorted(set(table.deps) | table.speech)
        matcher.add("CUE_VERB", [[{"LEMMA": {"IN": lemmas}, "POS": {"IN": ["VERB", "AUX"]}}]])
        matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


@dataclass
class CueMatches:
    verbs: list[Token]
    according: list[tuple[Token, Token]]  # ("according", "to")


def find_cues(doc: Doc) -> CueMatches:
    verbs: list[Token] = []
    according: list[tuple[Token, Token]] = []
    for match_id, start, end in _matcher(doc.vocab)(doc):
        label = doc.vocab.strings[match_id]
        if label == "CUE_VERB":
            verbs.append(doc[start])
        else:
            according.append((doc[start], doc[end - 1]))
    return CueMatches(verbs, according)


def content_child(verb: Token) -> Token | None:
    """The child holding the reported content, by the learned verb+dependency table; among prepositional
    phrases, the one whose preposition most often holds content (an unknown one counts as zero)."""
    table = cue_table()
    allowed = table.content_deps(verb.lemma_.lower())
    if not allowed:
        return None
    best: Token | None = None
    best_key = (len(DEP_ORDER), 0.0, 0.0)
    for child in verb.children:
        if child.dep_ not in allowed:
            continue
        prep_rate = 0.0
        if child.dep_ == "prep":
            if not any(True for _ in child.children):
                continue
            prep_rate = table.preps.get(child.lower_, 0.0)
            if child.lower_ in table.preps and prep_rate < MIN_PREP_RATE:
                continue
        order = DEP_ORDER.index(child.dep_) if child.dep_ in DEP_ORDER else len(DEP_ORDER)
        key = (order, -allowed[child.dep_], -prep_rate)
        if key < best_key:
            best, best_key = child, key
    return best


def is_speech_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in cue_table().speech


def is_cue_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    table = cue_table()
    return lemma in table.deps or lemma in table.speech


@lru_cache(maxsize=1)
def _belief_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("belief_verbs.tsv"))


def is_belief_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in _belief_lemmas()
