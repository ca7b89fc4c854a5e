"""Learn the cue-verb table (``lexicons/en/cue_verbs.tsv``) from a PolNeAR training split.

For every verb in the split and every dependency its children carry (``ccomp``, ``dobj``...), count how
often that verb+dependency occurs and how often it is a gold cue whose content is that child's subtree.
The ratio says how far the extractor can trust "this verb with this kind of child reports speech". Only
lemmas, dependency labels and counts are written: no text of the corpus.

Run: ``python -m sayso.eval.learn_cues TRAIN_DIR > src/sayso/lexicons/en/cue_verbs.tsv``
(about three minutes on two cores: the split is parsed once).

``--preps`` learns ``lexicons/en/content_preps.tsv`` instead: for each preposition hung on a cue verb whose
table allows a ``prep`` content, how often its phrase is the gold content. "spoke in Iowa about the plan":
"in" almost never holds what was said, "about" often does, and the verb table cannot tell them apart.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from spacy.tokens import Doc, Token

from sayso.eval.polnear import Annotated, read_split
from sayso.extract.attribution.lexicon import AttributionLexicon, LexiconNames
from sayso.extract.attribution.thresholds import Thresholds

CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "prep", "oprd", "acomp", "attr", "advcl", "nsubjpass", "dative",
                "parataxis")
MIN_HITS = 3
MIN_RATE = 0.1
MIN_PREP_SEEN = 8


def _overlap_f1(span: tuple[int, int], gold: list[tuple[int, int]]) -> float:
    ov = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in gold)
    if not ov:
        return 0.0
    p, r = ov / (span[1] - span[0]), ov / sum(e - s for s, e in gold)
    return 2 * p * r / (p + r)


def _best_child(verb: Token, gold: list[tuple[int, int]]) -> str | None:
    best, best_f1 = None, 0.5
    for child in verb.children:
        if child.dep_ not in CONTENT_DEPS:
            continue
        f1 = _overlap_f1((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)), gold)
        if f1 > best_f1:
            best, best_f1 = child.dep_, f1
    return best


def count(doc: Doc, gold: Annotated, seen: Counter, hits: Counter) -> None:
    for tok in doc:
        if tok.pos_ == "VERB":
            for dep in {c.dep_ for c in tok.children if c.dep_ in CONTENT_DEPS}:
                seen[tok.lemma_.lower(), dep] += 1
    for rel in gold.relations:
        if rel.cue is None:
            continue
        s, e = rel.cue.ranges[0]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span) or span.root.pos_ != "VERB":
            continue
        dep = _best_child(span.root, [r for u in rel.content for r in u.ranges])
        if dep:
            hits[span.root.lemma_.lower(), dep] += 1


def count_preps(doc: Doc, gold: Annotated, seen: Counter, hits: Counter, *, table: AttributionLexicon) -> None:
    """Per preposition word: prep children of cue verbs (``prep`` allowed by the table) and how many of
    them are a gold content of that verb."""
    contents: dict[int, list[list[tuple[int, int]]]] = {}
    for rel in gold.relations:
        if rel.cue is None:
            continue
        s, e = rel.cue.ranges[0]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            contents.setdefault(span.root.i, []).append([r for u in rel.content for r in u.ranges])
    for tok in doc:
        if tok.pos_ != "VERB" or "prep" not in table.content_deps(tok.lemma_.lower()):
            continue
        for child in tok.children:
            if child.dep_ != "prep" or not any(True for _ in child.children):
                continue
            span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            seen[child.lower_] += 1
            if any(_overlap_f1(span, g) > 0.5 for g in contents.get(tok.i, [])):
                hits[child.lower_] += 1


def _tally(directory: str | Path, counter: Callable[..., None]) -> tuple[Counter, Counter]:
    """Parse every article of a split once and let ``counter`` tally (seen, hits) against its gold."""
    from sayso.nlp import SAYSO_COMPONENTS, load_pipeline

    nlp = load_pipeline()
    articles = read_split(directory)
    seen: Counter = Counter()
    hits: Counter = Counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=16, disable=list(SAYSO_COMPONENTS))
    for doc, gold in zip(docs, articles, strict=True):
        counter(doc, gold, seen, hits)
    return seen, hits


def learn_preps(directory: str | Path) -> list[tuple[str, int, int, float]]:
    table = AttributionLexicon.load(LexiconNames(), "en", Thresholds().min_cue_rate)
    seen, hits = _tally(directory, partial(count_preps, table=table))
    rows = [(p, hits[p], n, round(hits[p] / n, 3)) for p, n in seen.items() if n >= MIN_PREP_SEEN and p.isalpha()]
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def learn(directory: str | Path) -> list[tuple[str, str, int, int, float]]:
    seen, hits = _tally(directory, count)
    rows = []
    for (lemma, dep), n in hits.items():
        rate = n / max(seen[lemma, dep], n)
        if n >= MIN_HITS and rate >= MIN_RATE and lemma.isalpha():
            rows.append((lemma, dep, n, seen[lemma, dep], round(rate, 3)))
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


HEADER = """\
# Cue verbs: a verb lemma, the dependency of the child that holds the reported content, how often that
# pair was a cue in the PolNeAR training split (hits), how often the pair occurs there (seen), hits/seen.
# Learned with `python -m sayso.eval.learn_cues TRAIN_DIR` (spaCy en_core_web_sm 3.8 parses) from the
# PolNeAR corpus annotations (Newell, Margolin & Ruths, LREC 2018; research use). Only lemmas,
# dependency labels and counts are kept: no text of the corpus. Kept: hits >= {hits}, rate >= {rate}.
"""


PREPS_HEADER = """\
# Content prepositions: for a preposition hung on a cue verb whose table row allows a `prep` content, how
# often its phrase was that cue's content in the PolNeAR training split (hits), how often such a phrase
# occurs there (seen), hits/seen. Learned with `python -m sayso.eval.learn_cues --preps TRAIN_DIR`
# (spaCy en_core_web_sm 3.8 parses) from the PolNeAR corpus annotations (Newell, Margolin & Ruths,
# LREC 2018; research use). Only prepositions and counts: no text of the corpus. Kept: seen >= {seen}.
"""


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--preps":
        print(PREPS_HEADER.format(seen=MIN_PREP_SEEN), end="")
        print("prep\thits\tseen\trate")
        for prow in learn_preps(argv[1]):
            print("\t".join(str(x) for x in prow))
        return 0
    if len(argv) != 1:
        print("usage: python -m sayso.eval.learn_cues [--preps] TRAIN_DIR", file=sys.stderr)
        return 2
    print(HEADER.format(hits=MIN_HITS, rate=MIN_RATE), end="")
    print("lemma\tdep\thits\tseen\trate")
    for row in learn(argv[0]):
        print("\t".join(str(x) for x in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
