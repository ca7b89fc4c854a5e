"""Event trigger rules (lexicons/event_patterns.jsonl) turned into one spaCy DependencyMatcher.

Each rule becomes a dependency pattern anchored on the trigger token: a verb by lemma (optionally with a
direct object from a word list, or a given preposition), a noun by lemma (optionally governed by a light
verb, "heaped praise", or carrying a modifier, "congratulatory message"), or a speech verb whose clause
subject is a conduct noun owned by someone ("argued that China's equivocation ..."). The matcher finds
the triggers; ``events`` then walks the parse around each one for the participants.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from sayso.lexicons import read_jsonl, read_tsv

PATTERN_FILE = "event_patterns.jsonl"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_OBJECT_DEPS = ["dobj", "nsubjpass", "pobj"]


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # verb | noun | blame
    type: str
    mode: str | None
    cameo: str
    lemmas: tuple[str, ...]
    recipient: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    objects_ent: tuple[str, ...] = ()  # the direct object must resolve to an actor (checked in events)
    light: tuple[str, ...] = ()
    mods: tuple[str, ...] = ()
    not_mods: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    swap: bool = False
    self_only: bool = False
    needs_recipient: bool = False
    needs_actor: bool = False
    needs_object: bool = False
    needs_place: bool = False
    objects_none: bool = False


def _rule(d: dict[str, Any]) -> Rule:
    t = tuple
    return Rule(
        id=d["id"], kind=d["kind"], type=d["type"], mode=d.get("mode"), cameo=d["cameo"],
        lemmas=t(d["lemmas"]), recipient=t(d.get("recipient", [])), objects=t(d.get("objects", [])),
        objects_ent=t(d.get("objects_ent", [])), light=t(d.get("light", [])), mods=t(d.get("mods", [])),
        not_mods=t(d.get("not_mods", [])), preps=t(d.get("preps", [])), nouns=t(d.get("nouns", [])),
        swap=bool(d.get("swap")), self_only=bool(d.get("self")), needs_recipient=bool(d.get("needs_recipient")),
        needs_actor=bool(d.get("needs_actor")), needs_object=bool(d.get("needs_object")),
        needs_place=bool(d.get("needs_place")), objects_none=bool(d.get("objects_none")),
    )


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    rules = tuple(_rule(d) for d in read_jsonl(PATTERN_FILE))
    bad = [r.id for r in rules if r.type not in PLOVER_TYPES]
    if bad:
        raise ValueError(f"{PATTERN_FILE}: rules with a type outside PLOVER: {bad}")
    return rules


def _node(right_id: str, attrs: dict[str, Any], left_id: str | None = None, op: str = ">") -> dict[str, Any]:
    node: dict[str, Any] = {"RIGHT_ID": right_id, "RIGHT_ATTRS": attrs}
    if left_id is not None:
        node.update({"LEFT_ID": left_id, "REL_OP": op})
    return node


def dependency_patterns(rule: Rule) -> list[list[dict[str, Any]]]:
    """The DependencyMatcher patterns of one rule; the trigger is always the first node."""
    lemmas = {"IN": list(rule.lemmas)}
    if rule.kind == "verb":
        pattern = [_node("trigger", {"LEMMA": lemmas, "POS": "VERB"})]
        if rule.objects:
            pattern.append(_node("object", {"DEP": {"IN": ["dobj", "nsubjpass"]}, "LEMMA": {"IN": list(rule.objects)}}, "trigger"))
        if rule.preps:
            pattern.append(_node("prep", {"DEP": {"IN": ["prep", "prt", "advmod"]}, "LOWER": {"IN": list(rule.preps)}}, "trigger"))
        return [pattern]
    if rule.kind == "noun":
        trigger = _node("trigger", {"LEMMA": lemmas, "POS": {"IN": ["NOUN", "PROPN"]}})
        if rule.mods:
            mod = {"DEP": {"IN": ["amod", "compound", "nmod"]}, "LOWER": {"IN": list(rule.mods)}}
            return [[trigger, _node("mod", mod, "trigger")]]
        if rule.light:
            light = {"LEMMA": {"IN": list(rule.light)}, "POS": "VERB"}
            # the noun is the light verb's object ("heaped praise"), or sits in its prepositional object
            # ("went on strike"): two patterns
            return [
                [trigger, _node("light", light, "trigger", "<")],
                [trigger, _node("prep", {"DEP": "prep"}, "trigger", "<"), _node("light", light, "prep", "<")],
            ]
        return [[trigger]]
    if rule.kind == "blame":
        return [[
            _node("trigger", {"LEMMA": lemmas, "POS": "VERB"}),
            _node("clause", {"DEP": "ccomp"}, "trigger"),
            _node("blamed", {"DEP": "nsubj", "LEMMA": {"IN": list(rule.nouns)}}, "clause"),
            _node("owner", {"DEP": "poss"}, "blamed"),
        ]]
    raise ValueError(f"rule {rule.id}: unknown kind {rule.kind!r}")


@lru_cache(maxsize=4)
def event_matcher(vocab: Vocab) -> DependencyMatcher:
    """One matcher per vocab; match ids are the rule ids (their string hashes)."""
    matcher = DependencyMatcher(vocab)
    for rule in load_rules():
        matcher.add(rule.id, dependency_patterns(rule))
    return matcher


@lru_cache(maxsize=1)
def rules_by_key() -> dict[int, Rule]:
    from spacy.strings import hash_string

    return {hash_string(r.id): r for r in load_rules()}


@lru_cache(maxsize=1)
def goldstein_scores() -> dict[str, float]:
    """CAMEO code -> Goldstein score (cameo_plover.tsv)."""
    return {row[0]: float(row[2]) for row in read_tsv("cameo_plover.tsv") if len(row) >= 3 and row[2]}


@lru_cache(maxsize=1)
def plover_scores() -> dict[tuple[str, str], float]:
    """(type, mode) -> PLOVER score; mode '' is the type's default (plover_types.tsv)."""
    return {(row[0], row[1] if len(row) > 2 else ""): float(row[-1]) for row in read_tsv("plover_types.tsv")}


def intensity(rule_type: str, mode: str | None, cameo: str | None) -> float | None:
    """The Goldstein score of the rule's CAMEO code; else the PLOVER score of the type and mode."""
    if cameo and cameo in goldstein_scores():
        return goldstein_scores()[cameo]
    scores = plover_scores()
    return scores.get((rule_type, mode or ""), scores.get((rule_type, "")))
