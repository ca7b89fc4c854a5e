"""The component's token Matchers, built once from its lexicon: cue verbs, "according to", and
trailing reporter clauses ("…, Russian state news agency TASS reported.").

NLP-NOTES: long sentences ending in "…, X reported" parse badly (the outlet ends up in a relative clause,
or the verb attaches to another sentence), so a trailing clause is found with a token pattern, then
checked to end its sentence (``sources.find_trailing``); the tree is not trusted there.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from sayso.extract.attribution.lexicon import AttributionLexicon

_NP_POS = ["DET", "PROPN", "NOUN", "ADJ", "PART", "NUM", "PRON"]
PERFECT_AUX = ["has", "have", "had"]  # "…, TASS has reported."


@dataclass
class CueMatches:
    verbs: list[Token]
    according: list[tuple[Token, Token]]  # ("according", "to")
    trailing: list[tuple[int, int]]  # token ranges ", [quote] reporter [has] [adv] verb"


class AttributionMatchers:
    def __init__(self, vocab: Vocab, lexicon: AttributionLexicon) -> None:
        self.cues = Matcher(vocab)
        self.cues.add("CUE_VERB", [[{"LEMMA": {"IN": lexicon.cue_lemmas()}, "POS": {"IN": ["VERB", "AUX"]}}]])
        self.cues.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
        self.trailing = Matcher(vocab)
        np = {"POS": {"IN": _NP_POS}, "IS_SENT_START": False, "OP": "+"}
        verb = {"LEMMA": {"IN": sorted(lexicon.trailing)}, "TAG": {"IN": ["VBD", "VBZ", "VBP"]}}
        adv = {"POS": "ADV", "OP": "?"}
        self.trailing.add("TRAILING", [
            [{"ORTH": ","}, {"IS_QUOTE": True, "OP": "?"}, np, adv, verb],
            [{"ORTH": ","}, {"IS_QUOTE": True, "OP": "?"}, np, {"LOWER": {"IN": PERFECT_AUX}}, adv, verb],
        ])

    def __call__(self, doc: Doc) -> CueMatches:
        verbs: list[Token] = []
        according: list[tuple[Token, Token]] = []
        for match_id, start, end in self.cues(doc):
            if doc.vocab.strings[match_id] == "CUE_VERB":
                verbs.append(doc[start])
            else:
                according.append((doc[start], doc[end - 1]))
        trailing = [(start, end) for _, start, end in self.trailing(doc)]
        return CueMatches(verbs, according, trailing)
