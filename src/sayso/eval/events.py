"""Score sayso's PLOVER events against a sentence set (default: the packaged ``events-dev.jsonl``).

Each line holds one sentence and the realised events a coder would record. Every sentence goes through
the full extraction (``sayso.extract_many``), so actors are resolved exactly as in a report. Predicted
events count only when ``events.counted`` says so (not negated, no modality). Per sentence, predictions
are paired with gold events of the same type (a prediction whose actor country is right first); an
unpaired prediction is a false positive, an unpaired gold event a false negative.

Over the paired events: actor country accuracy (the gold country is among the predicted actors'),
recipient country accuracy, actor sector accuracy, and the swap rate (the gold recipient's country sits
in the actor slot and the gold actor's does not). Gold entries without a country (international bodies,
regional groups) are left out of the country measures and counted in ``n``.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sayso.errors import InputError
from sayso.extract.events.patterns import PLOVER_TYPES
from sayso.extract.events.coder import counted
from sayso.read.article import Article
from sayso.report import Report

log = logging.getLogger(__name__)

DEFAULT_SET = "events-dev.jsonl"


@dataclass(frozen=True)
class GoldEvent:
    type: str
    actor: str | None
    recipient: str | None
    actor_sector: str | None = None


@dataclass(frozen=True)
class Sentence:
    id: str
    split: str
    text: str
    published: str | None
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class Predicted:
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    sectors: frozenset[str]


@dataclass
class Ratio:
    right: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.n += 1

    @property
    def value(self) -> float:
        return self.right / self.n if self.n else 0.0


@dataclass
class EventScores:
    sentences: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    actor_country: Ratio = field(default_factory=Ratio)
    recipient_country: Ratio = field(default_factory=Ratio)
    actor_sector: Ratio = field(default_factory=Ratio)
    swaps: Ratio = field(default_factory=Ratio)
    errors: list[str] = field(default_factory=list)

    def prf(self, event_type: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[event_type], self.fp[event_type], self.fn[event_type]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def types(self) -> list[str]:
        return [t for t in PLOVER_TYPES if self.tp[t] + self.fp[t] + self.fn[t]]

    @property
    def macro_f1(self) -> float:
        types = [t for t in self.types() if self.tp[t] + self.fn[t]]  # types with gold events
        return sum(self.prf(t)[2] for t in types) / len(types) if types else 0.0

    @property
    def micro(self) -> tuple[float, float, float]:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "per_type": {t: dict(zip(("precision", "recall", "f1"), self.prf(t), strict=True))
                         | {"tp": self.tp[t], "fp": self.fp[t], "fn": self.fn[t]} for t in self.types()},
            "macro_f1": self.macro_f1,
            "micro": dict(zip(("precision", "recall", "f1"), self.micro, strict=True)),
            "actor_country_accuracy": {"value": self.actor_country.value, "n": self.actor_country.n},
            "recipient_country_accuracy": {"value": self.recipient_country.value, "n": self.recipient_country.n},
            "actor_sector_accuracy": {"value": self.actor_sector.value, "n": self.actor_sector.n},
            "swap_rate": {"value": self.swaps.value, "n": self.swaps.n},
        }


def _gold(d: dict[str, Any]) -> GoldEvent:
    return GoldEvent(d["type"], d.get("actor"), d.get("recipient"), d.get("actor_sector"))


def read_set(path: str | Path | None = None) -> list[Sentence]:
    """The sentences of an event set; ``None`` reads the packaged development set."""
    try:
        if path is None:
            text = resources.files("sayso.eval").joinpath("data", DEFAULT_SET).read_text(encoding="utf-8")
            where = DEFAULT_SET
        else:
            text = Path(path).read_text(encoding="utf-8")
            where = str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the event set {path}: {exc}") from exc
    sentences = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            d = json.loads(line)
            events = tuple(_gold(e) for e in d.get("events", []))
            sentences.append(Sentence(str(d.get("id", n)), d.get("split", "dev"), d["text"], d.get("published"), events))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{where} line {n}: not an event record ({exc})") from exc
    return sentences


def predictions(report: Report) -> list[Predicted]:
    out = []
    for ev in report.events:
        if not counted(ev):
            continue
        actors = [report.actor(i) for i in ev.actor]
        recipients = [report.actor(i) for i in ev.recipient]
        out.append(Predicted(
            ev.type,
            frozenset(a.country for a in actors if a and a.country),
            frozenset(a.country for a in recipients if a and a.country),
            frozenset(a.sector for a in actors if a and a.sector),
        ))
    return out


def score_sentence(gold: Iterable[GoldEvent], predicted: list[Predicted], scores: EventScores) -> bool:
    """Add one sentence's counts; True when anything in it was wrong."""
    wrong = False
    remaining = list(predicted)
    for g in gold:
        same = [p for p in remaining if p.type == g.type]
        if not same:
            scores.fn[g.type] += 1
            wrong = True
            continue
        pick = next((p for p in same if g.actor and g.actor in p.actors), same[0])
        remaining.remove(pick)
        scores.tp[g.type] += 1
        if g.actor:
            scores.actor_country.add(g.actor in pick.actors)
            wrong |= g.actor not in pick.actors
        if g.recipient:
            scores.recipient_country.add(g.recipient in pick.recipients)
            wrong |= g.recipient not in pick.recipients
        if g.actor_sector:
            scores.actor_sector.add(g.actor_sector in pick.sectors)
        if g.actor and g.recipient and g.actor != g.recipient:
            scores.swaps.add(g.recipient in pick.actors and g.actor not in pick.actors)
    for p in remaining:
        scores.fp[p.type] += 1
    return wrong or bool(remaining)


def evaluate(sentences: list[Sentence], n_process: int = 1) -> dict[str, EventScores]:
    """Scores per split ("dev", "test", ...) and over everything ("all")."""
    from sayso.api import extract_many

    by_split: dict[str, EventScores] = {"all": EventScores()}
    articles = (Article(text=s.text, published=s.published, path=s.id) for s in sentences)
    for sentence, report in zip(sentences, extract_many(articles, n_process=n_process), strict=True):
        preds = predictions(report)
        for key in ("all", sentence.split):
            scores = by_split.setdefault(key, EventScores())
            scores.sentences += 1
            wrong = score_sentence(sentence.events, preds, scores)
            if key == "all" and wrong:
                got = ", ".join(f"{p.type} {sorted(p.actors)}->{sorted(p.recipients)}" for p in preds) or "nothing"
                want = ", ".join(f"{g.type} {g.actor}->{g.recipient}" for g in sentence.events) or "nothing"
                scores.errors.append(f"{sentence.id}: want {want}; got {got} | {sentence.text}")
    return by_split


def format_scores(by_split: dict[str, EventScores], show_errors: bool = False) -> str:
    """Per-type P/R/F1 of every split, then the summary lines (a plain-text table)."""
    lines: list[str] = []
    for split in sorted(by_split, key=lambda s: (s == "all", s)):
        sc = by_split[split]
        lines.append(f"== {split}: {sc.sentences} sentences ==")
        lines.append(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for t in sc.types():
            p, r, f = sc.prf(t)
            lines.append(f"{t:<10} {p:6.2f} {r:6.2f} {f:6.2f} {sc.tp[t]:4d} {sc.fp[t]:4d} {sc.fn[t]:4d}")
        mp, mr, mf = sc.micro
        lines.append(f"macro F1 {sc.macro_f1:.3f}   micro P {mp:.3f} R {mr:.3f} F1 {mf:.3f}")
        lines.append(
            f"actor country {sc.actor_country.value:.3f} (n={sc.actor_country.n})   "
            f"recipient country {sc.recipient_country.value:.3f} (n={sc.recipient_country.n})   "
            f"actor sector {sc.actor_sector.value:.3f} (n={sc.actor_sector.n})   "
            f"swaps {sc.swaps.value:.3f} (n={sc.swaps.n})"
        )
        lines.append("")
    if show_errors and by_split["all"].errors:
        lines.append("mistakes:")
        lines.extend("  " + e for e in by_split["all"].errors)
    return "\n".join(lines)
