"""A CAMEO pattern checked against one verb's dependents in a spaCy parse.

PETRARCH matches its patterns on a constituency tree: the nouns before ``*`` against the heads of the
sentence's noun phrases (the subject), the nouns after it against the heads of the verb phrase's noun
phrases (the objects), ``(PREP ...)`` against its prepositional phrases, including those inside an object
("lifting of immunity"). Over a dependency parse that is: subject heads = ``nsubj`` (a passive's ``by``
agent); object heads = ``dobj``, ``dative``, attributes, particles and adverbs (a passive's subject, the
noun a participle modifies);
prepositions = the verb's ``prep``/``agent`` children and those of its object heads. A term's head must be
such a head; its modifiers, and a pattern's second and later nouns, may sit anywhere inside the phrase.
Words match a token's lower form or lemma (a word ending in ``_`` only the lower form).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from sayso.dictionaries.verb_index import PrepSlot, TermAlt, VerbPattern, Words

OBJECT_DEPS = {"dobj", "dative", "attr", "oprd", "acomp", "npadvmod", "advmod", "prt", "xcomp"}
PREP_DEPS = {"prep", "agent"}
LEFT_DEPS = {"aux", "neg", "advmod", "auxpass"}


@dataclass
class Dependents:
    """What a verb governs, as PETRARCH's patterns see it."""

    verb: Token
    passive: bool
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)  # the logical object first
    preps: list[tuple[Token, Token | None]] = field(default_factory=list)  # (preposition, its object)
    left: list[Token] = field(default_factory=list)  # auxiliaries, negation, adverbs before the verb


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def is_participle(verb: Token) -> bool:
    """A past participle modifying a noun ("a journalist arrested on Monday"): a passive whose patient is
    the noun it modifies."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def dependents(verb: Token) -> Dependents:
    children = list(verb.children)
    passive = is_participle(verb) or any(c.dep_ in {"nsubjpass", "auxpass"} for c in children)
    deps = Dependents(verb, passive)
    if is_participle(verb):
        deps.objects.append(verb.head)
    for child in children:
        dep = child.dep_
        if dep == "nsubj" or (passive and dep == "agent"):
            head = _pobj(child) if dep == "agent" else child
            if head is not None:
                deps.subjects += [head, *head.conjuncts]
        if dep in ("dobj", "nsubjpass") and (dep == "dobj" or passive):
            deps.objects.insert(0, child)
        elif dep in OBJECT_DEPS and child.i > verb.i:
            deps.objects.append(child)
        elif dep == "dative" and child.pos_ == "ADP":
            deps.preps.append((child, _pobj(child)))
        if dep in PREP_DEPS and not (passive and dep == "agent"):
            deps.preps.append((child, _pobj(child)))
        if dep in LEFT_DEPS and child.i < verb.i:
            deps.left.append(child)
    for obj in list(deps.objects):
        deps.objects += [c for c in obj.conjuncts if c not in deps.objects]
        deps.preps += [(c, _pobj(c)) for c in obj.children if c.dep_ == "prep"]
    return deps


def word_matches(words: Words, token: Token) -> bool:
    lower = token.lower_
    return lower in words.exact or lower in words.words or token.lemma_.lower() in words.words


def _phrase_tokens(head: Token) -> list[Token]:
    """The words of a head's phrase: everything it governs except the head."""
    return [t for t in head.subtree if t.i != head.i]


def term_matches(alts: tuple[TermAlt, ...], head: Token) -> bool:
    """The head is one of the term's heads and its phrase holds each modifier."""
    for alt in alts:
        if not word_matches(alt.head, head):
            continue
        phrase = _phrase_tokens(head)
        if all(any(word_matches(mod, t) for t in phrase) for mod in alt.mods):
            return True
    return False


@dataclass
class Match:
    """A pattern's match: the tokens it consumed and the tokens its ``$``/``+`` markers point at."""

    pattern: VerbPattern
    used: list[Token]
    roles: dict[str, Token]


def _terms(terms: tuple[tuple[TermAlt, ...], ...], heads: list[Token], inside: list[Token], used: list[Token]) -> bool:
    """The first term on a head, the others on another head or anywhere inside the phrases."""
    for n, alts in enumerate(terms):
        pool = heads if n == 0 else heads + inside
        found = next((t for t in pool if t not in used and term_matches(alts, t)), None)
        if found is None:
            return False
        used.append(found)
    return True


def _prep(slot: PrepSlot, deps: Dependents, used: list[Token]) -> Token | None | bool:
    """The object of the preposition the slot asks for (None when it has none); False when absent."""
    for prep, obj in deps.preps:
        if prep in used or prep.lower_ not in slot.preps:
            continue
        if slot.objects:
            if obj is None:
                continue
            trial = [*used, prep]
            if not _terms(slot.objects, [obj], _phrase_tokens(obj), trial):
                continue
            used[:] = trial
        else:
            used.append(prep)
        return obj
    return False


def match(pattern: VerbPattern, deps: Dependents) -> Match | None:
    used: list[Token] = []
    roles: dict[str, Token] = {}
    object_inside = [t for o in deps.objects for t in _phrase_tokens(o)]
    if pattern.object and not _terms(pattern.object, deps.objects, object_inside, used):
        return None
    subject_inside = [t for s in deps.subjects for t in _phrase_tokens(s)]
    if pattern.subject and not _terms(pattern.subject, deps.subjects + deps.left, subject_inside + deps.left, used):
        return None
    for slot in pattern.preps:
        obj = _prep(slot, deps, used)
        if obj is False:
            return None
        if slot.role is not None and isinstance(obj, Token):
            roles[slot.role] = obj
    return Match(pattern, used, roles)
