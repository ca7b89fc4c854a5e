"""A small logistic filter over cue-verb attributions: keep the ones that read like reported speech.

Why: the learned verb table alone cannot tell "Trump supports the wall" (PolNeAR: an attribution) from
"the bill supports farmers" (not one); the speaker's kind, the verb's form and the content's shape can.
Weights live in ``lexicons/en/attribution_filter.tsv`` (feature, weight; no pickle), trained by
``python -m sayso.eval.train_filter TRAIN_DIR`` on PolNeAR's training split. Without the file, every
candidate is kept.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from sayso.extract.attribution.cues import cue_table
from sayso.extract.attribution.types import Attribution
from sayso.lexicons import read_lines

WEIGHTS_FILE = "attribution_filter.tsv"


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


def features(verb: Token, att: Attribution, how: str) -> list[str]:
    """String features of one candidate (the verb, how its content was found, its speaker)."""
    lemma = verb.lemma_.lower()
    rate = max(cue_table().content_deps(lemma).values(), default=0.0)
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
        f"len={_bucket(n_chars, (10, 25, 50, 100, 200))}",
        f"speech={lemma in cue_table().speech}",
    ]
    if any(c.dep_ == "neg" for c in verb.children):
        feats.append("neg")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        feats.append("modal")
    if att.addressee is not None:
        feats.append("addressee")
    return feats


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    try:
        lines = read_lines(WEIGHTS_FILE)
    except FileNotFoundError:
        return {}
    out: dict[str, float] = {}
    for line in lines[1:]:
        name, _, value = line.partition("\t")
        out[name] = float(value)
    return out


def score(feats: list[str]) -> float:
    w = weights()
    return sum(w.get(f, 0.0) for f in feats)


def keep(feats: list[str]) -> bool:
    w = weights()
    return not w or score(feats) >= w.get("threshold", 0.0)
