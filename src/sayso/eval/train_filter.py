"""Train the attribution filter (``lexicons/en/attribution_filter.tsv``) on a PolNeAR training split.

The attribution component runs with every candidate kept (``KeepAll``); every merged attribution whose
candidate the filter judges (it carries features) is labelled right when PolNeAR has an attribution
whose content it covers by half and whose source its speaker overlaps (``polnear.is_right``). A logistic
regression over the candidates' string features (``sayso.extract.attribution.filter.features``) learns
which to keep, and the threshold is the one that maximises attribution F1 on the split. Output: feature
names and weights as text (no pickle, no corpus text).

Run: ``python -m sayso.eval.train_filter TRAIN_DIR > src/sayso/lexicons/en/attribution_filter.tsv``
(about four minutes on two cores: the split is parsed once).
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Iterable

from spacy.tokens import Doc

from sayso.eval.polnear import (
    Annotated,
    from_attributions,
    is_right,
    read_split,
    score_pairs,
)
from sayso.extract.attribution.component import FACTORY as ATTRIBUTION
from sayso.extract.attribution.component import AttributionComponent
from sayso.extract.attribution.filter import RuleScorer
from sayso.extract.attribution.merge import Merged
from sayso.extract.attribution.scorer import KeepAll

EPOCHS = 12
LEARNING_RATE = 0.1
L2 = 1e-4
MIN_COUNT = 3  # features seen fewer times are dropped

Kept = list[tuple[Annotated, list[Merged]]]


def examples(pairs: Iterable[tuple[Doc, Annotated]], component: AttributionComponent
             ) -> tuple[list[tuple[list[str], bool]], Kept]:
    """(features, right?) of every judged attribution, and each article's merged output for the threshold."""
    rows: list[tuple[list[str], bool]] = []
    kept: Kept = []
    for doc, gold in pairs:
        merged = component.merged(doc, KeepAll())
        pred = from_attributions(gold.name, gold.text, [m.attribution for m in merged])
        for rel, m in zip(pred.relations, merged, strict=True):
            if m.candidate.features:
                rows.append((list(m.candidate.features), is_right(rel, gold)))
        kept.append((gold, merged))
    return rows, kept


def train(rows: list[tuple[list[str], bool]], seed: int = 13) -> dict[str, float]:
    """Logistic regression by AdaGrad over sparse binary features."""
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    w: dict[str, float] = {f: 0.0 for f, n in counts.items() if n >= MIN_COUNT}
    g2: dict[str, float] = {f: 1e-8 for f in w}
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for idx in order:
            feats, label = rows[idx]
            active = [f for f in feats if f in w]
            z = sum(w[f] for f in active)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = p - (1.0 if label else 0.0)
            for f in active:
                g = grad + L2 * w[f]
                g2[f] += g * g
                w[f] -= LEARNING_RATE * g / math.sqrt(g2[f])
    return {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-4}


def best_threshold(kept: Kept, w: dict[str, float]) -> tuple[float, float]:
    """The score cut that maximises attribution F1 over the split."""
    best = (0.0, -1.0)
    for t in [x / 4 for x in range(-8, 9)]:
        scorer = RuleScorer(w, t)
        pairs = []
        for gold, merged in kept:
            chosen = [m.attribution for m in merged
                      if not m.candidate.features or scorer.keeps(scorer.score(m.candidate.features))]
            pairs.append((from_attributions(gold.name, gold.text, chosen), gold))
        f1 = score_pairs(pairs).attribution.f1
        if f1 > best[1]:
            best = (t, f1)
    return best


HEADER = """\
# Attribution filter: logistic-regression weights over string features of a cue-verb attribution
# (see sayso/extract/attribution/filter.py), and the score threshold. Trained with
# `python -m sayso.eval.train_filter TRAIN_DIR` on the PolNeAR training split (Newell, Margolin & Ruths,
# LREC 2018; research use) labelled by our scorer. Only feature names (lemmas, dependency labels, tags)
# and weights: no corpus text. Train-split attribution F1 at the threshold: {f1:.3f}.
"""


def write(w: dict[str, float], threshold: float, f1: float) -> str:
    lines = [HEADER.format(f1=f1).rstrip("\n"), "feature\tweight", f"threshold\t{threshold}"]
    lines += [f"{f}\t{v}" for f, v in sorted(w.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m sayso.eval.train_filter TRAIN_DIR", file=sys.stderr)
        return 2
    from sayso.nlp import SAYSO_COMPONENTS, load_pipeline

    gold = read_split(argv[0])
    nlp = load_pipeline()
    docs = nlp.pipe((g.text for g in gold), batch_size=16, disable=list(SAYSO_COMPONENTS))
    rows, kept = examples(zip(docs, gold, strict=True), nlp.get_pipe(ATTRIBUTION))
    w = train(rows)
    threshold, f1 = best_threshold(kept, w)
    sys.stdout.write(write(w, threshold, f1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
