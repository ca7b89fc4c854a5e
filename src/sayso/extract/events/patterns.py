"""Event trigger rules (lexicons/en/event_patterns.jsonl) turned into one spaCy DependencyMatcher.

Each rule becomes a dependency pattern anchored on the trigger token: a verb by lemma (optionally with a
direct object from a word list, or a given preposition), a noun by lemma (optionally governed by a light
verb, "heaped praise", or carrying a modifier, "congratulatory message"), or a speech verb whose clause
subject is a conduct noun owned by someone ("argued that China's equivocation ..."). The matcher finds
the triggers; the coder then walks the parse around each one for the participants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.strings import hash_string
from spacy.tokens import Token
from spacy.vocab import Vocab

from sayso.lexicons import read_tsv

# The PLOVER codebook's 16 event types, in codebook order (the rows of plover_policies.tsv).
PLOVER_TYPES: tuple[str, ...] = tuple(row[0] for row in read_tsv("plover_policies.tsv"))


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
        objects_none=bool(d.get("objects_none")),
    )


def parse_rules(records: Iterable[dict[str, Any]], types: Iterable[str]) -> tuple[Rule, ...]:
    """The rules of a pattern file; every rule's type must be one of ``types``."""
    rules = tuple(_rule(d) for d in records)
    known = set(types)
    bad = [r.id for r in rules if r.type not in known]
    if bad:
        raise ValueError(f"event patterns: rules with a type outside PLOVER: {bad}")
    return rules


def _node(right_id: str, attrs: dict[str, Any], left_id: str | None = None, op: str = ">") -> dict[str, Any]:
    node: dict[str, Any] = {"RIGHT_ID": right_id, "RIGHT_ATTRS": attrs}
    if left_id is not None:
        node.update({"LEFT_ID": left_id, "REL_OP": op})
    return node


def shapes_of(rule: Rule) -> list[str]:
    """The pattern shapes a rule matches through (see ``shape_patterns``)."""
    if rule.kind == "verb":
        return ["verb" + ("_object" if rule.objects else "") + ("_prep" if rule.preps else "")]
    if rule.kind == "noun":
        if rule.mods:
            return ["noun_mod"]
        return ["noun_light", "noun_prep_light"] if rule.light else ["noun"]
    if rule.kind == "blame":
        return ["blame"]
    raise ValueError(f"rule {rule.id}: unknown kind {rule.kind!r}")


def _union(rules: tuple[Rule, ...], field: str) -> list[str]:
    return sorted({value for rule in rules for value in getattr(rule, field)})


def shape_patterns(rules: tuple[Rule, ...]) -> dict[str, list[dict[str, Any]]]:
    """One DependencyMatcher pattern per shape of rule, each node testing the union of the rules'
    word lists; ``accepts`` then checks one rule's own lists on the matched tokens.

    Why shapes and not one pattern per rule: the matcher evaluates every node of every pattern on every
    token, and each ``IN`` list is a Python predicate; with ~70 rules that cost a third of the parse.
    With eight shapes it costs a few percent, and the matches (after ``accepts``) are the same."""
    verb = {"LEMMA": {"IN": _union(tuple(r for r in rules if r.kind != "noun"), "lemmas")}, "POS": "VERB"}
    noun = {"LEMMA": {"IN": _union(tuple(r for r in rules if r.kind == "noun"), "lemmas")},
            "POS": {"IN": ["NOUN", "PROPN"]}}
    obj = {"DEP": {"IN": ["dobj", "nsubjpass"]}, "LEMMA": {"IN": _union(rules, "objects")}}
    prep = {"DEP": {"IN": ["prep", "prt", "advmod"]}, "LOWER": {"IN": _union(rules, "preps")}}
    mod = {"DEP": {"IN": ["amod", "compound", "nmod"]}, "LOWER": {"IN": _union(rules, "mods")}}
    light = {"LEMMA": {"IN": _union(rules, "light")}, "POS": "VERB"}
    blamed = {"DEP": "nsubj", "LEMMA": {"IN": _union(rules, "nouns")}}
    all_shapes = {
        "verb": [_node("trigger", verb)],
        "verb_object": [_node("trigger", verb), _node("object", obj, "trigger")],
        "verb_prep": [_node("trigger", verb), _node("prep", prep, "trigger")],
        "verb_object_prep": [_node("trigger", verb), _node("object", obj, "trigger"), _node("prep", prep, "trigger")],
        "noun": [_node("trigger", noun)],
        "noun_mod": [_node("trigger", noun), _node("mod", mod, "trigger")],
        # the noun is the light verb's object ("heaped praise"), or sits in its prepositional object
        # ("went on strike")
        "noun_light": [_node("trigger", noun), _node("light", light, "trigger", "<")],
        "noun_prep_light": [_node("trigger", noun), _node("prep", {"DEP": "prep"}, "trigger", "<"),
                            _node("light", light, "prep", "<")],
        "blame": [_node("trigger", verb), _node("clause", {"DEP": "ccomp"}, "trigger"),
                  _node("blamed", blamed, "clause"), _node("owner", {"DEP": "poss"}, "blamed")],
    }
    used = {shape for rule in rules for shape in shapes_of(rule)}
    return {name: pattern for name, pattern in all_shapes.items() if name in used}


class RuleMatcher:
    """The DependencyMatcher of a rule set (match ids are the shape names' hashes) and, per shape and
    trigger lemma, the rules to check; built once per component."""

    def __init__(self, vocab: Vocab, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.order = {rule.id: i for i, rule in enumerate(rules)}
        self.patterns = shape_patterns(rules)
        self.matcher = DependencyMatcher(vocab)
        for shape, pattern in self.patterns.items():
            self.matcher.add(shape, [pattern])
        index: dict[tuple[int, str], list[Rule]] = {}
        for rule in rules:
            for shape in shapes_of(rule):
                for lemma in rule.lemmas:
                    index.setdefault((hash_string(shape), lemma), []).append(rule)
        self.by_shape = {key: tuple(found) for key, found in index.items()}


def accepts(rule: Rule, tokens: list[Token]) -> bool:
    """Whether a shape match (tokens in node order) satisfies this rule's own word lists."""
    if rule.kind == "verb":
        rest = tokens[1:]
        if rule.objects and rest.pop(0).lemma_ not in rule.objects:
            return False
        return not rule.preps or rest[0].lower_ in rule.preps
    if rule.kind == "noun":
        if rule.mods:
            return tokens[1].lower_ in rule.mods
        return not rule.light or tokens[-1].lemma_ in rule.light
    return tokens[2].lemma_ in rule.nouns  # blame: trigger, clause, blamed, owner
