"""Sum ``sayso.eval.wire`` story results into the figures and the failure-kind table of ``sayso eval wire``.

The failure table is the work list for extraction: each row counts one kind of mistake (an addressee missing
after "told reporters", a via link missing for a platform, a country in place of a person, ...), so a change
can be judged by the rows it empties. ``format_details`` lists every miss and error with its offsets; it
prints the story text's words at run time and nothing of it is ever stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.eval.wire import (
    GoldStory,
    Judged,
    StoryResult,
    exact_name,
    judge_story,
    overlap,
    read_gold,
    story_texts,
)
from sayso.report import Quote

TARGETS = {"recall": 0.93, "precision": 0.88, "speaker": 0.94, "addressee": 0.80, "via recall": 0.85}
OVERRUN = 20  # characters of predicted content outside the gold content that count as running past it


@dataclass
class Ratio:
    right: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.n += 1

    @property
    def value(self) -> float | None:
        return self.right / self.n if self.n else None


@dataclass
class WireScores:
    stories: int = 0
    gold_core: int = 0
    gold_extended: int = 0
    predicted: int = 0
    matched_core: int = 0
    quotes_matched: int = 0
    fragments: int = 0
    non_attributions: int = 0
    speaker: Ratio = field(default_factory=Ratio)
    speaker_name: Ratio = field(default_factory=Ratio)  # named people and organisations: the canonical name itself
    addressee: Ratio = field(default_factory=Ratio)
    addressee_present: Ratio = field(default_factory=Ratio)
    addressee_absent: Ratio = field(default_factory=Ratio)
    quote_type: Ratio = field(default_factory=Ratio)
    via_recall: Ratio = field(default_factory=Ratio)
    via_precision: Ratio = field(default_factory=Ratio)
    via_kind: Ratio = field(default_factory=Ratio)
    failures: Counter[str] = field(default_factory=Counter)
    tag_recall: dict[str, Ratio] = field(default_factory=dict)  # gold tag -> attributions found
    tag_speaker: dict[str, Ratio] = field(default_factory=dict)  # gold tag -> speakers right, when found

    @property
    def recall(self) -> float | None:
        return self.matched_core / self.gold_core if self.gold_core else None

    @property
    def precision(self) -> float | None:
        return (self.quotes_matched + self.fragments) / self.predicted if self.predicted else None

    @property
    def strict_precision(self) -> float | None:
        return self.quotes_matched / self.predicted if self.predicted else None

    def measures(self) -> dict[str, tuple[float | None, int]]:
        """Measure name -> (value, denominator)."""
        return {
            "recall": (self.recall, self.gold_core),
            "precision": (self.precision, self.predicted),
            "precision, strict (one to one)": (self.strict_precision, self.predicted),
            "speaker": (self.speaker.value, self.speaker.n),
            "speaker canonical name exact": (self.speaker_name.value, self.speaker_name.n),
            "addressee": (self.addressee.value, self.addressee.n),
            "addressee, gold has one": (self.addressee_present.value, self.addressee_present.n),
            "addressee, gold has none": (self.addressee_absent.value, self.addressee_absent.n),
            "via recall": (self.via_recall.value, self.via_recall.n),
            "via precision": (self.via_precision.value, self.via_precision.n),
            "via kind": (self.via_kind.value, self.via_kind.n),
            "quote type": (self.quote_type.value, self.quote_type.n),
        }

    def as_dict(self) -> dict:
        return {
            "stories": self.stories, "gold_core": self.gold_core, "gold_extended": self.gold_extended,
            "predicted": self.predicted, "matched_core": self.matched_core, "quotes_matched": self.quotes_matched,
            "fragments": self.fragments,
            "non_attributions": self.non_attributions,
            "measures": {k: {"value": None if v is None else round(v, 4), "n": n}
                         for k, (v, n) in self.measures().items()},
            "failures": dict(self.failures.most_common()),
            "by_tag": {tag: {"recall": self.tag_recall[tag].value, "n": self.tag_recall[tag].n,
                             "speaker": self.tag_speaker.get(tag, Ratio()).value,
                             "speaker_n": self.tag_speaker.get(tag, Ratio()).n} for tag in sorted(self.tag_recall)},
        }

    def add(self, result: StoryResult) -> None:
        self.stories += 1
        self.gold_core += len(result.judged)
        self.gold_extended += sum(a.scope != "core" for a in result.story.attributions)
        self.predicted += len(result.report.quotes)
        self.quotes_matched += result.quotes_matched
        self.fragments += len(result.fragments)
        self.non_attributions += len(result.non_attributions)
        self.failures["reported quote that is no attribution"] += len(result.non_attributions)
        self.failures["fragment or duplicate of an attribution"] += len(result.fragments)
        self.failures["speaker: one person split into several actors"] += len(result.split_people)
        for j in result.judged:
            self._add_judged(j)

    def _add_judged(self, j: Judged) -> None:
        gold = j.gold
        for tag in gold.tags:
            self.tag_recall.setdefault(tag, Ratio()).add(j.quote is not None)
            if j.quote is not None:
                self.tag_speaker.setdefault(tag, Ratio()).add(j.speaker_ok)
        if j.quote is None:
            tag = "quote paragraph without a cue" if "continuation" in gold.tags else "other"
            self.failures[f"missed attribution: {tag}"] += 1
            return
        self.matched_core += 1
        self.speaker.add(j.speaker_ok)
        if j.speaker_error:
            self.failures[j.speaker_error] += 1
        speaker = gold.speaker
        if speaker is not None and speaker.type in ("person", "organization", "media") and not speaker.unnamed:
            named_right = j.speaker_ok and j.speaker is not None and exact_name(j.speaker, speaker)
            self.speaker_name.add(named_right)
            if j.speaker_ok and not named_right:
                self.failures["speaker: right person, name cut or varied"] += 1
        self.addressee.add(j.addressee_ok)
        (self.addressee_present if gold.addressee else self.addressee_absent).add(j.addressee_ok)
        if j.addressee_error:
            self.failures[j.addressee_error] += 1
        self.quote_type.add(j.quote.type == gold.type)
        if j.quote.type != gold.type:
            self.failures["quote type wrong (direct, indirect, mixed)"] += 1
        if _length(j.spans) - overlap(j.spans, gold.content) >= OVERRUN:
            self.failures[f"content runs {OVERRUN}+ characters past the attribution"] += 1
        for link in gold.via:
            self.via_recall.add(link in j.via_found)
        for link in j.via_missing:
            self.failures[f"via missing: {link.kind}"] += 1
        self.failures["via: link there but naming another actor"] += len(j.via_wrong_actor)
        self.failures["via: link given where the text has none"] += len(j.via_spurious)
        for _ in j.via_found:
            self.via_precision.add(True)
        for _ in j.via_spurious:
            self.via_precision.add(False)
        for gold_kind, kind in j.via_kinds:
            self.via_kind.add(gold_kind == kind)


def _length(spans: Iterable[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def select(stories: list[GoldStory], split: str) -> list[GoldStory]:
    return stories if split == "all" else [s for s in stories if s.split == split]


def evaluate(split: str = "dev", *, gold_path: str | Path | None = None, voa_path: str | Path,
             n_process: int = 1) -> tuple[WireScores, list[StoryResult], list[str]]:
    """Run the product (``sayso.extract_many``) on the gold stories of a split and score its reports."""
    from sayso import Article, extract_many

    stories = select(read_gold(gold_path), split)
    texts, warnings = story_texts(stories, voa_path)
    stories = [s for s in stories if s.story in texts]
    articles = (Article(text=texts[s.story], path=s.story) for s in stories)
    results = [judge_story(s, r) for s, r in zip(stories, extract_many(articles, n_process=n_process), strict=True)]
    scores = WireScores()
    for result in results:
        scores.add(result)
    return scores, results, warnings


# --- text ---------------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def format_scores(scores: WireScores, split: str) -> str:
    lines = [f"Wire attribution scores, split {split}: {scores.stories} stories, {scores.gold_core} gold "
             f"attributions (+{scores.gold_extended} extended), {scores.predicted} reported quotes", "",
             f"{'measure':<34}{'value':>7}{'n':>6}{'target':>9}"]
    for name, (value, n) in scores.measures().items():
        target = TARGETS.get(name)
        lines.append(f"{name:<34}{_pct(value):>7}{n:>6}{'' if target is None else f'>= {target:.2f}':>9}")
    if not scores.via_kind.n:
        lines.append("(via kind: reports carry no via kind yet; checked once they do)")
    lines += ["", f"{'by gold tag':<22}{'recall':>8}{'n':>5}{'speaker':>9}{'n':>5}"]
    for tag in sorted(scores.tag_recall, key=lambda t: -scores.tag_recall[t].n):
        found, speaker = scores.tag_recall[tag], scores.tag_speaker.get(tag, Ratio())
        lines.append(f"{tag:<22}{_pct(found.value):>8}{found.n:>5}{_pct(speaker.value):>9}{speaker.n:>5}")
    lines += ["", f"{'failure kind':<66}{'count':>6}"]
    lines += [f"{kind:<66}{n:>6}" for kind, n in scores.failures.most_common() if n]
    return "\n".join(lines)


def _snippet(text: str, spans: Iterable[tuple[int, int]], width: int = 90) -> str:
    joined = " … ".join(text[s:e] for s, e in spans).replace("\n", " ")
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def _quote_line(text: str, q: Quote) -> str:
    who = q.speaker.text if q.speaker else "-"
    return f"{list(map(list, q.content.spans))} {q.type} speaker={who!r}: {_snippet(text, q.content.spans)}"


def _judged_lines(text: str, j: Judged) -> Iterator[str]:
    g = j.gold
    where = f"  {g.id} {list(map(list, g.content))}"
    if j.quote is None:
        yield f"{where} MISSED [{', '.join(g.tags) or '-'}] {g.speaker.name if g.speaker else '-'}: " \
              f"{_snippet(text, g.content)}"
        return
    if j.speaker_error:
        got = f"{j.speaker.name!r} ({j.speaker.type or 'no actor'})" if j.speaker else "none"
        yield f"{where} {j.speaker_error}: gold {g.speaker.name!r}, got {got}"  # type: ignore[union-attr]
    speaker = g.speaker
    if j.speaker_ok and speaker and j.speaker and speaker.type in ("person", "organization", "media") \
            and not speaker.unnamed and not exact_name(j.speaker, speaker):
        yield f"{where} speaker name cut or varied: gold {speaker.name!r}, got {j.speaker.name!r}"
    if j.addressee_error:
        want = g.addressee.name if g.addressee else None
        yield f"{where} {j.addressee_error}: gold {want!r}, got {j.addressee.name if j.addressee else None!r}"
    for link in j.via_missing:
        yield f"{where} via missing: {link.kind} {link.party.name!r} at {list(link.party.span or ())}"
    for n in j.via_spurious:
        yield f"{where} via given where the text has none: {n.name!r}"


def format_details(results: list[StoryResult]) -> str:
    """Every miss and error, story by story (the words come from the texts at hand, at run time)."""
    lines = []
    for r in results:
        text = r.report.article.text
        body = [line for j in r.judged for line in _judged_lines(text, j)]
        body += [f"  NOT AN ATTRIBUTION {_quote_line(text, q)}" for q in r.non_attributions]
        body += [f"  fragment {_quote_line(text, q)}" for q in r.fragments]
        body += [f"  one person, several actors: {name}" for name in r.split_people]
        if body:
            lines += [f"story {r.story.story} ({r.story.split})", *body]
    return "\n".join(lines)
