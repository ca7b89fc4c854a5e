"""Event candidates from the compiled CAMEO verb dictionary (``lexicons/en/cameo_verbs.jsonl``).

A second source of PLOVER events beside the hand-written rules (``patterns.py``): the verb patterns of
PETRARCH2's CAMEO dictionary, compiled by ``scripts/compile_dictionaries.py``. For each verb of the Doc
(found by a POS Matcher) one dictionary lookup by lemma gives its verb entry and block; the block's
patterns whose anchor word is among the verb's dependents are checked (``sayso.dictionaries.verb_match``)
and the most specific match wins (then the earlier line, as in the file). Its code - or the bare verb's
when no pattern matches - gives the PLOVER type and mode (CAMEO2PLOVER), the CAMEO code and its Goldstein
score. A match whose code is no event (``[---]``, a CAMEO 01 statement) blocks the verb: "avoid an attack"
is not an ASSAULT.

Participants are tokens, as the pattern places them: the actor is the logical subject (a passive's agent,
or the subject a controlled infinitive inherits) unless a ``$`` marker puts it elsewhere; the recipient is
where a ``+`` marker puts it, else the candidates of ``_recipients`` in order. ``swap`` codes (``[:054]``)
exchange the two. Resolving them to actors, negation, modality and dates stay with the events coder.

One sayso rule sits on top of the dictionary: an ASSAULT verb that is also said of words, aimed at a
non-military target with nothing material in its clause, is a verbal attack - ACCUSE (``verbal_reading``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from sayso.dictionaries.phoenix import phoenix_actors
from sayso.dictionaries.verb_index import CameoEvent, VerbEntry, VerbIndex, goldstein_scores, verb_index
from sayso.dictionaries.verb_match import Dependents, Match, dependents, match
from sayso.lexicons import read_tsv

# prepositions whose object may be the recipient, best first; "over" and "for" give a topic or cause
RECIPIENT_PREPS = ("against", "on", "upon", "with", "to", "at", "into", "toward", "towards", "from", "in")
_NOT_RECIPIENT_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
VERBAL_FILE = "cameo_verbal_attack.tsv"
VERBAL_CAMEO = "111"  # criticize or denounce: ACCUSE disapprove
MATERIAL_SETS = ("&weapon", "&aircraft", "&military", "&wmd")
ARMED_SECTORS = {"MIL", "REB", "UAF", "COP", "SPY", "PRM"}
# the dictionary's bare-verb defaults of these types come from generic verbs (give, call, help, serve,
# allow): in a hand-checked sample of VOA stories 2 of 11 such events were right (docs/events-dictionaries.md)
WEAK_BARE_TYPES = {"CONSULT", "AID", "COOPERATE", "SUPPORT", "AGREE", "CONCEDE", "RETREAT"}
_PLACE_ENTS = {"GPE", "LOC", "FAC", "NORP"}


@dataclass(frozen=True)
class CameoCandidate:
    """One event candidate: the trigger, what the dictionary codes it as, and where its participants are."""

    trigger: Span  # the verb, with its particle ("called off")
    type: str
    mode: str | None
    cameo: str
    intensity: float | None  # the CAMEO code's Goldstein score
    reverse_cameo: str | None  # the code of the same words read the other way ([042:043]); equal = joint act
    actor: Token | None
    recipients: tuple[Token, ...]  # candidates, best first
    evidence: tuple[Token, ...]  # the words the pattern matched besides the verb
    negated: bool  # a "not"/"never" on the verb, as PETRARCH reads negation
    passive: bool
    pattern: str | None  # the source pattern ("- * SANCTIONS [163]"), None for the bare verb
    line: int  # its line in CAMEO.2.0.txt
    reading: str | None = None  # "verbal": an ASSAULT verb read as ACCUSE (see verbal_reading)

    @property
    def recipient(self) -> Token | None:
        return self.recipients[0] if self.recipients else None

    @property
    def strong(self) -> bool:
        """Evidence enough to stand alone: a pattern matched, or a bare verb of a conflictual type."""
        return self.pattern is not None or self.type not in WEAK_BARE_TYPES


@lru_cache(maxsize=4)
def _verb_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("VERB", [[{"POS": "VERB"}]])
    return matcher


def _with_particles(entry: VerbEntry, verb: Token) -> list[Token] | None:
    """The particle tokens of a multi-word verb ("call off"), None when one is missing."""
    found = []
    for word in entry.particles:
        tok = next((c for c in verb.children if c.lower_ == word or c.lemma_ == word), None)
        if tok is None:
            return None
        found.append(tok)
    return found


def _entry(index: VerbIndex, verb: Token) -> tuple[VerbEntry, list[Token]] | None:
    for entry in index.entries(verb.lemma_.lower(), verb.lower_):
        particles = _with_particles(entry, verb)
        if particles is not None:
            return entry, particles
    return None


def _best(index: VerbIndex, block: str, deps: Dependents) -> Match | None:
    by_anchor = index.patterns.get(block)
    if not by_anchor:
        return None
    keys = [("*", "")]
    for tok in deps.objects:
        keys += [("o", tok.lower_), ("o", tok.lemma_.lower())]
    keys += [("p", prep.lower_) for prep, _ in deps.preps]
    for tok in deps.subjects + deps.left:
        keys += [("s", tok.lower_), ("s", tok.lemma_.lower())]
    seen: set[int] = set()
    best: Match | None = None
    for key in dict.fromkeys(keys):
        for pattern in by_anchor.get(key, ()):
            if id(pattern) in seen:
                continue
            seen.add(id(pattern))
            found = match(pattern, deps)
            if found is None:
                continue
            if best is None or (pattern.specificity, -pattern.line) > (best.pattern.specificity, -best.pattern.line):
                best = found
    return best


def logical_subject(verb: Token, deps: Dependents) -> Token | None:
    """The doer: the subject or a passive's agent (a relative pronoun's antecedent); an infinitive's or a
    conjunct's is its head's ("urged Russia to withdraw": Russia; "refused to condemn": the refuser); none
    for an agentless passive or participle ("the leader was killed", "a journalist arrested")."""
    if deps.subjects:
        subject = deps.subjects[0]
        if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":  # "Berisha, who resigned": Berisha
            return verb.head
        return subject
    if deps.passive:  # "the leader was killed", "a journalist arrested": no doer named
        return None
    head = verb.head
    if head.i == verb.i or head.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None else logical_subject(head, dependents(head))
    if verb.dep_ in {"conj", "advcl"}:
        return logical_subject(head, dependents(head))
    return None


def _slot(slot: str | None, role: str, found: Match, deps: Dependents, actor: Token | None) -> Token | None:
    """The token a pattern's marker points at: the subject, an object it did not consume, a prep's object."""
    if slot == "subject":
        return actor
    if slot == "object":
        return next((t for t in deps.objects if t not in found.used and t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    return found.roles.get(role)


def _recipients(deps: Dependents, used: list[Token], actor: Token | None) -> list[Token]:
    """Default recipient candidates, best first: an indirect object; an object the pattern did not consume;
    the prepositions of an event noun it did consume ("imposed sanctions *on Iran*"); that noun itself
    ("expelled *British diplomats*"); the verb's prepositions; a consumed noun's possessor."""
    verb = deps.verb
    patient = [o for o in deps.objects if o.dep_ in {"dobj", "nsubjpass"} or o == verb.head]
    found: list[Token] = [o for o in deps.objects if o.dep_ == "dative"]
    found += [o for o in patient if o not in used]
    nested = [(p, o) for p, o in deps.preps if p.head != verb and p.head in used and o is not None and p not in used]
    found += [o for word in RECIPIENT_PREPS for p, o in nested if p.lower_ == word]
    found += [o for o in patient if o in used]
    verb_preps = [(p, o) for p, o in deps.preps if p.head == verb and o is not None and p not in used]
    found += [o for word in RECIPIENT_PREPS for p, o in verb_preps if p.lower_ == word]
    found += [c for tok in used for c in tok.children if c.dep_ == "poss"]  # "Iran's nuclear programme"
    ordered: list[Token] = []
    for tok in found:
        if tok == actor or tok in ordered or tok.ent_type_ in _NOT_RECIPIENT_ENTS:
            continue
        ordered.append(tok)
    return ordered


@lru_cache(maxsize=1)
def _verbal_words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in read_tsv(VERBAL_FILE):
        kinds.setdefault(row[1], set()).add(row[0])
    return {kind: frozenset(words) for kind, words in kinds.items()}


def _phrase(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.i + 1]


def _armed(token: Token | None, material: frozenset[str]) -> bool:
    """An armed party: a word of the dictionary's armed sets, or a Phoenix actor or agent of an armed sector."""
    if token is None:
        return False
    if token.lemma_.lower() in material or token.lower_ in material:
        return True
    coded = phoenix_actors().code_phrase([t.text for t in _phrase(token)])
    return coded.sector in ARMED_SECTORS or coded.entity == "IMG"


def verbal_reading(verb: Token, event_type: str, actor: Token | None, recipient: Token | None, index: VerbIndex) -> bool:
    """Whether an ASSAULT verb is a verbal attack: "Trump attacked the Wall Street Journal" (ACCUSE).

    The verb must be one said of words too (attack, slam, hit); the target a person or organisation named
    as such, or a thing only words can hit (a plan, a newspaper), or the words said on a channel ("on X");
    and nothing material about it: no place or people as target, no weapon or armed force in the clause,
    neither side an armed party (the dictionary's &weapon/&aircraft/&military sets, Phoenix sectors)."""
    words = _verbal_words()
    if event_type != "ASSAULT" or verb.lemma_.lower() not in words.get("verb", ()) or recipient is None:
        return False
    if recipient.ent_type_ in _PLACE_ENTS:
        return False
    material = frozenset().union(*(index.synsets.get(name, frozenset()) for name in MATERIAL_SETS))
    clause = list(verb.subtree)
    if any(t.lemma_.lower() in material or t.lower_ in material for t in clause if t.i != verb.i):
        return False
    if _armed(actor, material) or _armed(recipient, material):
        return False
    targets, channels = words.get("target", frozenset()), words.get("channel", frozenset())
    on_channel = any(t.lemma_.lower() in channels and t.head.dep_ == "prep" for t in clause)
    return recipient.ent_type_ in {"PERSON", "ORG"} or recipient.lemma_.lower() in targets or on_channel


def _candidate(verb: Token, entry: VerbEntry, particles: list[Token], index: VerbIndex) -> CameoCandidate | None:
    deps = dependents(verb)
    found = _best(index, entry.block, deps)
    event: CameoEvent = found.pattern.event if found is not None else entry.event
    if event.type is None or event.cameo is None:
        return None
    actor = logical_subject(verb, deps)
    if found is not None and found.pattern.actor not in (None, "subject"):
        actor = _slot(found.pattern.actor, "actor", found, deps, actor)
    used = found.used if found is not None else []
    recipients = _recipients(deps, used, actor)
    if found is not None and found.pattern.recipient is not None:
        explicit = _slot(found.pattern.recipient, "recipient", found, deps, actor)
        if explicit is not None:
            recipients = [explicit] + [r for r in recipients if r != explicit]
    if event.swap:
        first = recipients[0] if recipients else None
        recipients = [actor] if actor is not None else []
        actor = first
    reading = None
    if verbal_reading(verb, event.type, actor, recipients[0] if recipients else None, index):
        score = goldstein_scores().get(VERBAL_CAMEO)
        event = CameoEvent(VERBAL_CAMEO, "ACCUSE", "disapprove", score, None, False)
        reading = "verbal"
    doc = verb.doc
    start = min([verb.i] + [p.i for p in particles])
    end = max([verb.i] + [p.i for p in particles]) + 1
    return CameoCandidate(
        trigger=doc[start:end] if end - start <= 3 else doc[verb.i : verb.i + 1],
        type=event.type, mode=event.mode, cameo=event.cameo, intensity=event.goldstein,
        reverse_cameo=event.reverse_cameo, actor=actor, recipients=tuple(recipients), evidence=tuple(used),
        negated=any(c.dep_ == "neg" for c in verb.children), passive=deps.passive,
        pattern=found.pattern.text if found is not None else None,
        line=found.pattern.line if found is not None else entry.line, reading=reading,
    )


def find_candidates(doc: Doc, index: VerbIndex | None = None) -> list[CameoCandidate]:
    """Every verb of the Doc the dictionary codes as a PLOVER event, in text order."""
    index = index or verb_index()
    candidates = []
    for _, start, _end in _verb_matcher(doc.vocab)(doc):
        verb = doc[start]
        picked = _entry(index, verb)
        if picked is None:
            continue
        candidate = _candidate(verb, picked[0], picked[1], index)
        if candidate is not None:
            candidates.append(candidate)
    return candidates
