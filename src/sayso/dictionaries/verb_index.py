"""``lexicons/en/cameo_verbs.jsonl`` loaded for matching: verbs by lemma, each block's patterns by anchor.

A pattern is checked only when one of its anchor words is present among the verb's dependents: its first
object head, else its first preposition, else its first subject head (``*`` when it has none). So a
verb's check looks up a handful of keys, not the hundreds of patterns of a large block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sayso.lexicons import read_jsonl, read_tsv

VERB_FILE = "cameo_verbs.jsonl"
ANY = ("*", "")


@dataclass(frozen=True)
class Words:
    """One word slot: ``words`` match a token's lemma or lower form, ``exact`` its lower form only."""

    words: frozenset[str]
    exact: frozenset[str]

    def all(self) -> frozenset[str]:
        return self.words | self.exact


@dataclass(frozen=True)
class TermAlt:
    """A noun or phrase: the head's words and the words its modifiers must include (one of each)."""

    head: Words
    mods: tuple[Words, ...]


@dataclass(frozen=True)
class PrepSlot:
    preps: frozenset[str]
    objects: tuple[tuple[TermAlt, ...], ...]  # each object term as its alternatives
    role: str | None


@dataclass(frozen=True)
class CameoEvent:
    cameo: str | None
    type: str | None  # None: no event (a [---] exclusion or a CAMEO 01 statement)
    mode: str | None
    goldstein: float | None
    reverse_cameo: str | None
    swap: bool


@dataclass(frozen=True)
class VerbPattern:
    block: str
    line: int
    text: str
    subject: tuple[tuple[TermAlt, ...], ...]
    object: tuple[tuple[TermAlt, ...], ...]
    preps: tuple[PrepSlot, ...]
    actor: str | None
    recipient: str | None
    joint: bool
    event: CameoEvent

    @property
    def specificity(self) -> int:
        """How much the pattern asks of the sentence: its terms, their modifiers and its prepositions."""
        terms = [*self.subject, *self.object, *(o for p in self.preps for o in p.objects)]
        return len(terms) + len(self.preps) + sum(max((len(a.mods) for a in alts), default=0) for alts in terms)


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    particles: tuple[str, ...]
    block: str
    line: int
    event: CameoEvent


def _words(slot: str, synsets: dict[str, list[str]], exact_sets: set[str]) -> list[Words]:
    """One word of a term as its alternatives; a synonym set yields its one-word members (its phrases
    become alternatives of their own in ``_term``)."""
    found: list[Words] = []
    for alt in slot.split("/"):
        if alt.startswith("&"):
            members = [m for m in synsets.get(alt.rstrip("_"), []) if " " not in m]
            lemma_words = {m for m in members if alt.rstrip("_") not in exact_sets and not m.endswith("_")}
            exact_words = {m.rstrip("_") for m in members} - lemma_words
            found.append(Words(frozenset(lemma_words), frozenset(exact_words)))
        elif alt.endswith("_"):
            found.append(Words(frozenset(), frozenset({alt.rstrip("_")})))
        elif alt:
            found.append(Words(frozenset({alt}), frozenset()))
    return found


def _merge(words: list[Words]) -> Words:
    return Words(frozenset().union(*(w.words for w in words)), frozenset().union(*(w.exact for w in words)))


def _term(text: str, synsets: dict[str, list[str]], exact_sets: set[str]) -> tuple[TermAlt, ...]:
    """A term's alternatives. A synonym set in head position whose members are phrases adds one
    alternative per phrase ("&ceasefire" -> ceasefire | truce | fire with modifier "cease")."""
    slots = text.split()
    if not slots:
        return ()
    mods = tuple(_merge(_words(s, synsets, exact_sets)) for s in slots[:-1])
    head = slots[-1]
    alts = [TermAlt(_merge(_words(head, synsets, exact_sets)), mods)]
    if head.startswith("&"):
        for member in synsets.get(head.rstrip("_"), []):
            parts = member.split()
            if len(parts) > 1:
                member_mods = tuple(_merge(_words(p, synsets, exact_sets)) for p in parts[:-1])
                alts.append(TermAlt(_merge(_words(parts[-1], synsets, exact_sets)), mods + member_mods))
    return tuple(alts)


def _event(rec: dict[str, Any]) -> CameoEvent:
    return CameoEvent(rec.get("cameo"), rec.get("type"), rec.get("mode"), rec.get("goldstein"),
                      rec.get("reverse_cameo"), bool(rec.get("swap")))


def anchors(pattern: VerbPattern) -> list[tuple[str, str]]:
    """The keys a verb's dependents must offer for the pattern to be checked at all."""
    if pattern.object:
        keys = [("o", w) for alt in pattern.object[0] for w in sorted(alt.head.all())]
    elif pattern.preps:
        keys = [("p", w) for w in sorted(pattern.preps[0].preps)]
    elif pattern.subject:
        keys = [("s", w) for alt in pattern.subject[0] for w in sorted(alt.head.all())]
    else:
        keys = [ANY]
    return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class VerbIndex:
    verbs: dict[str, tuple[VerbEntry, ...]]  # lemma or listed form -> entries, multi-word ones first
    patterns: dict[str, dict[tuple[str, str], tuple[VerbPattern, ...]]]  # block -> anchor -> patterns
    synsets: dict[str, frozenset[str]]  # "&weapon" -> its members' words

    def entries(self, lemma: str, lower: str) -> tuple[VerbEntry, ...]:
        return self.verbs.get(lemma) or self.verbs.get(lower) or ()


def regular_forms(lemma: str) -> list[str]:
    """The forms PETRARCH makes of a verb listed without irregular ones: -s/-es, -ed/-d, -ing; the lookup
    falls back to them when the lemmatiser errs ("staged" -> "stag")."""
    third = lemma + ("es" if lemma.endswith(("s", "x", "z")) else "s")
    past = lemma + ("d" if lemma.endswith("e") else "ed")
    ing = (lemma[:-1] if lemma.endswith("e") and len(lemma) > 2 and lemma[-2] not in "aeiou" else lemma) + "ing"
    return [third, past, ing]


def build_index(records: tuple[dict[str, Any], ...]) -> VerbIndex:
    synsets = {r["name"]: list(r["words"]) for r in records if r["kind"] == "synset"}
    exact_sets = {r["name"] for r in records if r["kind"] == "synset" and r.get("exact")}
    terms: dict[str, tuple[TermAlt, ...]] = {}  # the same terms recur across patterns: build each once

    def term(text: str) -> tuple[TermAlt, ...]:
        if text not in terms:
            terms[text] = _term(text, synsets, exact_sets)
        return terms[text]

    verbs: dict[str, list[VerbEntry]] = {}
    patterns: dict[str, dict[tuple[str, str], list[VerbPattern]]] = {}
    for rec in records:
        if rec["kind"] == "verb":
            entry = VerbEntry(rec["lemma"], tuple(rec.get("particles", ())), rec["block"], rec["line"], _event(rec))
            forms = rec.get("forms") or regular_forms(rec["lemma"])
            for key in dict.fromkeys([rec["lemma"], *forms]):
                verbs.setdefault(key, []).append(entry)
        elif rec["kind"] == "pattern":
            pattern = VerbPattern(
                block=rec["block"], line=rec["line"], text=rec["text"],
                subject=tuple(term(t) for t in rec["subject"]),
                object=tuple(term(t) for t in rec["object"]),
                preps=tuple(PrepSlot(frozenset(p["prep"].split("/")), tuple(term(t) for t in p["object"]), p.get("role"))
                            for p in rec["preps"]),
                actor=rec.get("actor"), recipient=rec.get("recipient"), joint=bool(rec.get("joint")),
                event=_event(rec),
            )
            by_anchor = patterns.setdefault(pattern.block, {})
            for key in anchors(pattern):
                by_anchor.setdefault(key, []).append(pattern)
    return VerbIndex(
        verbs={k: tuple(sorted(v, key=lambda e: (-len(e.particles), e.line))) for k, v in verbs.items()},
        patterns={b: {k: tuple(v) for k, v in a.items()} for b, a in patterns.items()},
        synsets={name: frozenset(w.rstrip("_") for m in members for w in m.split()) for name, members in synsets.items()},
    )


@lru_cache(maxsize=1)
def goldstein_scores() -> dict[str, float]:
    """CAMEO code -> Goldstein score (the packaged cameo_plover.tsv)."""
    return {row[0]: float(row[2]) for row in read_tsv("cameo_plover.tsv") if len(row) > 2 and row[2]}


@lru_cache(maxsize=1)
def verb_index() -> VerbIndex:
    """The packaged compiled dictionary, loaded once per process."""
    return build_index(read_jsonl(VERB_FILE))
