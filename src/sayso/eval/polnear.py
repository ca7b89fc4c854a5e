"""Score sayso's attributions against a PolNeAR-format split (BRAT standoff).

PolNeAR's ``Source`` is our speaker span, ``Cue`` our cue span, ``Content`` (+``Content2``) our content
spans. Spans are compared two ways: *exact* (the same alphanumeric characters, lower-cased, so quote
marks, spaces and a final full stop do not count) and *soft* (proportional character overlap, pairs
matched one to one, greedily by overlap). An attribution is right when its content overlaps a gold
content covering at least half of it and, when the gold has a source, its speaker overlaps that source
(gold ``Attribution-no-source`` events have no source to check).

The corpus carries no licence: it is read from wherever the user keeps it and never copied in.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.errors import InputError
from sayso.extract.attribution.types import Attribution
from sayso.report import Report

log = logging.getLogger(__name__)

Ranges = tuple[tuple[int, int], ...]
KINDS = ("content", "cue", "source")


@dataclass(frozen=True)
class Unit:
    """One annotated span: possibly discontinuous (a split quote is one content with two ranges)."""

    ranges: Ranges

    def length(self) -> int:
        return sum(e - s for s, e in self.ranges)

    def overlap(self, other: Unit) -> int:
        return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in self.ranges for s2, e2 in other.ranges)


@dataclass(frozen=True)
class Relation:
    content: tuple[Unit, ...]
    cue: Unit | None
    source: Unit | None


@dataclass
class Annotated:
    """One article: its text and its spans, gold or predicted."""

    name: str
    text: str
    relations: list[Relation] = field(default_factory=list)

    def units(self, kind: str) -> list[Unit]:
        seen: dict[Ranges, Unit] = {}
        for rel in self.relations:
            parts = rel.content if kind == "content" else (getattr(rel, kind),)
            for unit in parts:
                if unit is not None and unit.length() > 0:
                    seen.setdefault(unit.ranges, unit)
        return list(seen.values())


# --- reading BRAT -------------------------------------------------------------------------------


def parse_ann(ann: str) -> list[Relation]:
    """The attribution events of one ``.ann`` file (spans not tied to an event are ignored)."""
    spans: dict[str, tuple[str, Unit]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        ident, body = cols[0], cols[1]
        if ident.startswith("T"):
            kind, _, where = body.partition(" ")
            try:
                ranges = tuple(tuple(int(x) for x in part.split()) for part in where.split(";"))
            except ValueError:
                log.warning("bad span line %r", line)
                continue
            spans[ident] = (kind, Unit(tuple((s, e) for s, e in ranges)))  # type: ignore[misc]
        elif ident.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in body.split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789") if role.startswith("Content") else role, []).append(ref)
            events.append(roles)
    relations = []
    for roles in events:
        content = tuple(spans[r][1] for r in roles.get("Content", []) if r in spans)
        cue = next((spans[r][1] for r in roles.get("Cue", []) if r in spans), None)
        source = next((spans[r][1] for r in roles.get("Source", []) if r in spans), None)
        if content:
            relations.append(Relation(content, cue, source))
    return relations


def read_split(directory: str | Path, limit: int | None = None) -> list[Annotated]:
    """Every article of a split: ``text/NAME.txt`` with the first ``attributions/NAME_*.ann`` by name."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root} is not a PolNeAR split (expected text/ and attributions/ inside)")
    by_name: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_name.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    articles = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = by_name.get(txt.stem)
        if not anns:
            log.warning("no annotation file for %s", txt.name)
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append(Annotated(txt.stem, text, parse_ann(anns[0].read_text(encoding="utf-8"))))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise InputError(f"no annotated articles found in {root}")
    return articles


def from_report(name: str, report: Report) -> Annotated:
    """Our quotes in the scorer's terms."""
    relations = []
    for q in report.quotes:
        content = (Unit(tuple(q.content.spans)),) if q.content.spans else ()
        cue = Unit((q.cue.span,)) if q.cue else None
        source = Unit((q.speaker.span,)) if q.speaker else None
        if content:
            relations.append(Relation(content, cue, source))
    return Annotated(name, report.article.text, relations)


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class PRF:
    tp_pred: float = 0.0  # credit given to predictions (precision numerator)
    tp_gold: float = 0.0  # credit given to gold spans (recall numerator)
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "n_pred": self.n_pred, "n_gold": self.n_gold}


def normalise(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _unit_text(text: str, unit: Unit) -> str:
    return normalise("".join(text[s:e] for s, e in unit.ranges))


def exact_score(text: str, pred: list[Unit], gold: list[Unit]) -> PRF:
    """One-to-one matches of identical normalised text."""
    remaining = Counter(_unit_text(text, g) for g in gold)
    hits = 0
    for p in pred:
        key = _unit_text(text, p)
        if remaining[key] > 0:
            remaining[key] -= 1
            hits += 1
    return PRF(hits, hits, len(pred), len(gold))


def soft_score(pred: list[Unit], gold: list[Unit]) -> PRF:
    """Greedy one-to-one pairing by overlap; each pair credits overlap/len on both sides."""
    pairs = sorted(
        ((p.overlap(g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    score = PRF(0.0, 0.0, len(pred), len(gold))
    for ov, i, j in pairs:
        if ov <= 0:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        score.tp_pred += ov / pred[i].length()
        score.tp_gold += ov / gold[j].length()
    return score


def content_hit(pred: Relation, gold: Relation) -> int:
    """Overlap with the gold content, or 0 when under half of it is covered."""
    gold_len = sum(u.length() for u in gold.content)
    ov = sum(p.overlap(g) for p in pred.content for g in gold.content)
    return ov if gold_len and ov * 2 >= gold_len else 0


def source_ok(pred: Relation, gold: Relation) -> bool:
    """The speaker overlaps the gold source (always true when the gold names none)."""
    if gold.source is None:
        return True
    return pred.source is not None and pred.source.overlap(gold.source) > 0


def is_right(pred: Relation, gold: Annotated) -> bool:
    """A predicted attribution counts as right against some gold one (content and source both fit)."""
    return any(content_hit(pred, g) and source_ok(pred, g) for g in gold.relations)


def attribution_score(pred: list[Relation], gold: list[Relation]) -> PRF:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = content_hit(p, g)
            if ov and source_ok(p, g):
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return PRF(len(used_p), len(used_g), len(pred), len(gold))


@dataclass
class Scores:
    articles: int = 0
    exact: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KINDS})
    soft: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KINDS})
    attribution: PRF = field(default_factory=PRF)

    def add_article(self, pred: Annotated, gold: Annotated) -> None:
        self.articles += 1
        for kind in KINDS:
            p, g = pred.units(kind), gold.units(kind)
            self.exact[kind].add(exact_score(gold.text, p, g))
            self.soft[kind].add(soft_score(p, g))
        self.attribution.add(attribution_score(pred.relations, gold.relations))

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "exact": {k: v.as_dict() for k, v in self.exact.items()},
            "soft": {k: v.as_dict() for k, v in self.soft.items()},
            "attribution": self.attribution.as_dict(),
        }


def score_pairs(pairs: Iterable[tuple[Annotated, Annotated]]) -> Scores:
    """Sum the scores of (predicted, gold) article pairs."""
    scores = Scores()
    for pred, gold in pairs:
        scores.add_article(pred, gold)
    return scores


def from_attributions(name: str, text: str, attributions: Iterable[Attribution]) -> Annotated:
    """The extractor's raw records, as the report will show them (speaker = the whole noun phrase);
    used while training the filter, before reports exist."""
    relations = []
    for a in attributions:
        phrase = a.speaker_phrase if a.speaker_phrase is not None else a.speaker
        relations.append(Relation(
            (Unit(tuple(a.content)),),
            Unit(((a.cue.start_char, a.cue.end_char),)) if a.cue is not None else None,
            Unit(((phrase.start_char, phrase.end_char),)) if phrase is not None else None,
        ))
    return Annotated(name, text, relations)


def evaluate(directory: str | Path, *, limit: int | None = None, n_process: int = 1) -> Scores:
    """Extract every article of the split with the product itself (``sayso.extract_many``) and score the
    reports against the gold annotations: PolNeAR's Source is the report's speaker span (the speaker's
    whole noun phrase), its Cue our cue, its Content our content spans."""
    from sayso.api import extract_many
    from sayso.read.article import Article

    gold = read_split(directory, limit)
    articles = (Article(text=g.text, path=g.name) for g in gold)
    reports: Iterator[Report] = extract_many(articles, n_process=n_process)
    return score_pairs((from_report(g.name, r), g) for g, r in zip(gold, reports, strict=True))


def format_scores(scores: Scores) -> str:
    lines = [f"PolNeAR attribution scores over {scores.articles} articles", "",
             f"{'':<22}{'P':>8}{'R':>8}{'F1':>8}{'pred':>8}{'gold':>8}"]
    for mode, table in (("exact", scores.exact), ("soft", scores.soft)):
        for kind in KINDS:
            s = table[kind]
            lines.append(f"{kind + ' ' + mode:<22}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.n_pred:>8}{s.n_gold:>8}")
    a = scores.attribution
    lines.append(f"{'attribution':<22}{a.precision:>8.3f}{a.recall:>8.3f}{a.f1:>8.3f}{a.n_pred:>8}{a.n_gold:>8}")
    return "\n".join(lines)

