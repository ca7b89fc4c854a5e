"""The rules' scorer: a small logistic filter over cue-verb candidates; every other candidate stays.

Why: the learned verb table alone cannot tell "Trump supports the wall" (PolNeAR: an attribution) from
"the bill supports farmers" (not one); the speaker's kind, the verb's form and the content's shape can.
Weights live in ``lexicons/en/attribution_filter.tsv`` (feature, weight; no pickle), trained by
``python -m sayso.eval.train_filter TRAIN_DIR`` on PolNeAR's training split. Without weights, every
candidate is kept. The features are computed by the cue-verb generator (``features`` below) and carried
on the candidate; a candidate without features is a form sayso promises to keep.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.util import registry

from sayso.extract.attribution.candidate import Candidate
from sayso.extract.attribution.lexicon import AttributionLexicon
from sayso.extract.attribution.scorer import Scored
from sayso.extract.attribution.types import Attribution
from sayso.lexicons import read_lines

_WEIGHTS_FILE = "filter.json"  # under the scorer's folder of a saved pipeline
THRESHOLD_KEY = "threshold"  # the weights file's row holding the score cut
_LENGTH_EDGES = (10, 25, 50, 100, 200)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _speaker_kind(att: Attribution) -> str:
    if att.speaker is None:
        return "none"
    root = att.speaker.root
    if root.pos_ == "PRON":
        return "pron:" + root.lower_
    if root.ent_type_:
        return "ent:" + root.ent_type_
    return "pos:" + root.pos_


def features(verb: Token, att: Attribution, how: str, lexicon: AttributionLexicon) -> list[str]:
    """String features of one candidate (the verb, how its content was found, its speaker)."""
    lemma = verb.lemma_.lower()
    rate = max(lexicon.content_deps(lemma).values(), default=0.0)
    spk = _speaker_kind(att)
    n_chars = sum(e - s for s, e in att.content)
    feats = [
        "bias",
        f"lemma={lemma}",
        f"how={how}",
        f"lemma_how={lemma}|{how}",
        f"type={att.type}",
        f"tag={verb.tag_}",
        f"vdep={verb.dep_}",
        f"spk={spk}",
        f"lemma_spk={lemma}|{spk.split(':')[0]}",
        f"rate={int(rate * 10)}",
        f"len={_bucket(n_chars, _LENGTH_EDGES)}",
        f"speech={lemma in lexicon.speech}",
    ]
    if any(c.dep_ == "neg" for c in verb.children):
        feats.append("neg")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        feats.append("modal")
    if att.addressee is not None:
        feats.append("addressee")
    return feats


def read_weights(name: str, lang: str) -> tuple[dict[str, float], float | None]:
    """Feature weights and the threshold of a weights lexicon (empty and None when the file is absent)."""
    try:
        lines = read_lines(name, lang)
    except FileNotFoundError:
        return {}, None
    weights: dict[str, float] = {}
    for line in lines[1:]:
        feature, _, value = line.partition("\t")
        weights[feature] = float(value)
    threshold = weights.pop(THRESHOLD_KEY, None)
    return weights, threshold


class RuleScorer:
    """Keep a candidate unless the filter judges it (it has features) and its score falls under the cut."""

    def __init__(self, weights: Mapping[str, float], threshold: float | None) -> None:
        self.weights = dict(weights)
        self.threshold = threshold

    def score(self, feats: Sequence[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in feats)

    def keeps(self, score: float) -> bool:
        if not self.weights and self.threshold is None:
            return True  # no weights: nothing to judge by
        return score >= (self.threshold or 0.0)

    def __call__(self, doc: Doc, candidates: Sequence[Candidate]) -> list[Scored]:
        out = []
        for c in candidates:
            if not c.features:
                out.append(Scored(c, True))
                continue
            s = self.score(c.features)
            out.append(Scored(c, self.keeps(s), s))
        return out

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        data = {"weights": self.weights, "threshold": self.threshold}
        (path / _WEIGHTS_FILE).write_text(json.dumps(data, indent=1), encoding="utf-8")  # floats as repr: exact

    def from_disk(self, path: Path) -> None:
        data = json.loads((path / _WEIGHTS_FILE).read_text(encoding="utf-8"))
        self.weights = dict(data["weights"])
        self.threshold = data["threshold"]


@registry.misc("sayso.attribution_filter.v1")
def make_rule_scorer(weights: str = "attribution_filter.tsv", threshold: float | None = None,
                     lang: str = "en") -> RuleScorer:
    """The rules' scorer with the weights of a lexicon file; ``threshold`` overrides the file's cut."""
    table, cut = read_weights(weights, lang)
    return RuleScorer(table, cut if threshold is None else threshold)
