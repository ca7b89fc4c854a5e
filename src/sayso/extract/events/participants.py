"""Who did it and to whom: the participant tokens around a trigger, and their resolution to actors.

The rule says where the recipient is ("dobj", "prep:with", "of:dobj" = the possessor of the object);
the actor is the grammatical subject, the agent of a passive, a possessor or nationality adjective of a
nominal trigger ("Russia's invasion", "Russian strikes"), or the subject of the verb that governs the noun
("launched an invasion"). Subjects missing from infinitives and participles are inherited from the clause
above ("refused to condemn", "saying ...").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from sayso.extract.actors.keys import ActorKey
from sayso.extract.actors.kinds import is_role_or_group
from sayso.extract.actors.session import MentionSession
from sayso.extract.entities import entity_at
from sayso.extract.events.lexicon import EventLexicon
from sayso.extract.events.patterns import Rule

SUBJECT_DEPS = {"nsubj", "csubj"}
# clauses a recipient search does not enter: they hold other events' participants
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_GROUP_ENTS = {"NORP", "GPE"}


def noun_phrase(token: Token) -> Span:
    """The token with its left modifiers ("Chinese President Xi Jinping"), not its right ones."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and (doc[start].is_punct or doc[start].dep_ in {"cc", "prep", "mark", "advmod"}):
        start += 1
    end = token.i + 1
    while end < len(doc) and doc[end].dep_ in {"compound", "flat"} and doc[end].head.i > token.i:
        end += 1
    ent = entity_at(token) if token.ent_type_ else None
    if ent is not None:  # extend to the entity the token sits in
        start, end = min(start, ent.start), max(end, ent.end)
    return doc[start:end]


def candidate_spans(lex: EventLexicon, actors: MentionSession, token: Token) -> Iterator[Span]:
    """Mentions to try for one participant, best first."""
    if token.lemma_ in lex.word_set("quantity_noun"):  # "thousands of Israeli protesters": the protesters
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = _pobj(of) if of is not None else None
        if inner is not None:
            yield from candidate_spans(lex, actors, inner)
    yield noun_phrase(token)
    ent = entity_at(token)
    if ent is not None:
        yield ent
    for child in token.children:
        if child.dep_ == "appos":
            yield noun_phrase(child)
    # "Myanmar's military government": the country acts
    if token.lemma_ in lex.word_set("institution_noun") or is_role_or_group(actors.lexicon, token):
        poss = _child(token, {"poss"})
        if poss is not None:
            yield noun_phrase(poss)
    if token.pos_ == "NOUN":  # "Russian strikes", "Thai protesters", "the EU delegation", "Chinese coast guard officers"
        compounds = [c for c in token.lefts if c.dep_ == "compound"]
        for child in [*token.lefts, *(g for c in compounds for g in c.lefts)]:
            if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in _GROUP_ENTS | {"ORG"}:
                ent = entity_at(child)
                if ent is not None:
                    yield ent


def resolve_token(lex: EventLexicon, token: Token | None, actors: MentionSession) -> list[ActorKey]:
    """Actors of the participant at ``token`` and its conjuncts ("China and Russia")."""
    if token is None:
        return []
    ids: list[ActorKey] = []
    for tok in [token, *token.conjuncts]:
        joint = _joint_modifiers(tok)
        if joint:  # "Russian and Chinese warships": one actor per nationality
            for mod in joint:
                actor_id = actors.resolve(entity_at(mod) or mod.doc[mod.i : mod.i + 1])
                if actor_id is not None and actor_id not in ids:
                    ids.append(actor_id)
            continue
        for span in candidate_spans(lex, actors, tok):
            actor_id = actors.resolve(span)
            if actor_id is not None:
                if actor_id not in ids:
                    ids.append(actor_id)
                break
    return ids


def _joint_modifiers(token: Token) -> list[Token]:
    """Coordinated nationality or country modifiers of one noun ("French and Indian troops"), else []."""
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in _GROUP_ENTS:
            mods = [child, *(c for c in child.conjuncts if c.ent_type_ in _GROUP_ENTS)]
            return mods if len(mods) > 1 else []
    return []


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, {"pobj", "pcomp"})


def subject(lex: EventLexicon, verb: Token) -> Token | None:
    """The doer of a verb: its subject, a passive's agent, or the subject inherited from above."""
    agent = _child(verb, {"agent"})
    if agent is not None:
        return _pobj(agent)
    subj = _child(verb, SUBJECT_DEPS)
    if subj is not None:
        return subj
    if _child(verb, {"nsubjpass"}) is not None:
        return None
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "xcomp":  # "urged Russia to withdraw" -> Russia; "refused to condemn" -> the refuser
        obj = _child(head, {"dobj"})
        return obj if obj is not None and head.lemma_ not in lex.word_set("subject_control_verb") else subject(lex, head)
    if verb.dep_ in {"conj", "advcl", "xcomp", "ccomp"} and head.pos_ in {"VERB", "AUX"}:
        if verb.dep_ == "advcl" and verb.tag_ == "VB":  # "given Putin cover to wage war": the one given
            given = _child(head, {"dative"})
            if given is not None:
                return given
        return subject(lex, head)
    return None


def passive_patient(verb: Token) -> Token | None:
    patient = _child(verb, {"nsubjpass"})
    if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the polls criticised by ..."
        return verb.head
    return patient


def governing_verb(lex: EventLexicon, noun: Token, rule: Rule) -> Token | None:
    """The verb a nominal trigger is the object of: "heaped praise", "went on strike"."""
    head = noun.head
    if head.dep_ == "prep" and head.head.pos_ == "VERB":
        head = head.head
    if head is noun or head.pos_ != "VERB":
        return None
    if rule.light and head.lemma_ in rule.light:
        return head
    if noun.dep_ == "dobj" and head.lemma_ in lex.word_set("do_verb"):
        return head
    return None


def nominal_actor(lex: EventLexicon, noun: Token, verb: Token | None) -> Token | None:
    poss = _child(noun, {"poss"})
    if poss is not None:
        return poss
    for child in noun.lefts:
        # "Russian strikes", "Hamas attack"; a bare place name is where, not who ("the Kabul attack")
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in {"NORP", "ORG", "PERSON"}:
            return child
    return subject(lex, verb) if verb is not None else None


def _possessor(token: Token | None) -> Token | None:
    if token is None:
        return None
    poss = _child(token, {"poss"})
    if poss is not None:
        return poss
    return next((c for c in token.lefts if c.dep_ in {"compound", "amod"} and c.ent_type_ in _GROUP_ENTS | {"ORG"}), None)


def _slot(spec: str, trigger: Token, verb: Token | None) -> Token | None:
    """One recipient place: 'dobj', 'dative', 'poss', 'prep:X', 'of:<spec>' (the possessor of it)."""
    if spec.startswith("of:"):
        return _possessor(_slot(spec[3:], trigger, verb))
    heads = [trigger] + ([verb] if verb is not None and verb is not trigger else [])
    for head in heads:
        if spec == "dobj":
            found = _child(head, {"dobj"}) if head.pos_ == "VERB" else None
            if found is None and head is trigger and head.pos_ == "VERB":
                found = passive_patient(head)
        elif spec == "dative":
            found = _child(head, {"dative"})
            if found is not None and found.pos_ == "ADP":
                found = _pobj(found)
        elif spec == "poss":
            found = _child(head, {"poss"})
        elif spec.startswith("prep:"):
            word = spec[5:]
            prep = next((c for c in head.children if c.dep_ in {"prep", "dative", "agent"} and c.lower_ == word), None)
            found = _pobj(prep) if prep is not None else None
        else:
            found = None
        if found is not None:
            return found
    return None


def _nested_prep(word: str, root: Token) -> Token | None:
    """The object of the nearest preposition ``word`` below ``root`` within its clause ("agreed to expand
    cooperation with Japan"), skipping subjects and embedded clauses."""
    queue = [c for c in root.children if c.dep_ not in SUBJECT_DEPS | _CLAUSE_DEPS | {"nsubjpass", "agent"}]
    while queue:
        tok = queue.pop(0)
        if tok.dep_ == "prep" and tok.lower_ == word:
            obj = _pobj(tok)
            if obj is not None:
                return obj
        queue.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS or _noun_conjunct(c))
    return None


def _noun_conjunct(token: Token) -> bool:
    """"sent warplanes and warships near Taiwan": a coordinated object is no embedded clause."""
    return token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"}


def recipient_tokens(rule: Rule, trigger: Token, verb: Token | None) -> Iterator[Token]:
    for spec in rule.recipient:
        token = _slot(spec, trigger, verb)
        if token is not None:
            yield token
    for spec in rule.recipient:  # second pass: the same prepositions deeper in the clause
        if spec.startswith("prep:"):
            token = _nested_prep(spec[5:], verb if verb is not None else trigger)
            if token is not None:
                yield token


def place_token(lex: EventLexicon, trigger: Token, verb: Token | None) -> Token | None:
    """A stated place: "to Beijing", "in Gaza", or the visited place itself."""
    heads = [trigger] + ([verb] if verb is not None else [])
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "dobj"]  # "welcomed Putin to Beijing"
    places = lex.word_set("place_preposition")
    visits = lex.word_set("visit_verb")
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in places:
                obj = _pobj(child)
                if obj is not None and obj.ent_type_ in _PLACE_ENTS:
                    return obj
                owner = _child(obj, {"poss"}) if obj is not None else None
                if owner is not None and owner.ent_type_ == "GPE":  # "in Russia's Bryansk region"
                    return obj
            if child.dep_ == "dobj" and child.ent_type_ in _PLACE_ENTS and trigger.lemma_ in visits:
                return child
    return None


def foreign_in_object(lex: EventLexicon, trigger: Token, own: set[str], actors: MentionSession) -> ActorKey | None:
    """A country other than the actor's named anywhere in the trigger's object ("eased restrictions on
    Palestinian workers"): the foreign party a domestic-looking act is aimed at. A country that modifies
    a sponsor word ("Iranian-backed militias") owns nothing."""
    sponsors = lex.word_set("sponsor_word")
    for obj in (c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}):
        for tok in obj.subtree:
            if tok.ent_type_ not in _GROUP_ENTS or tok.ent_iob_ != "B" or tok.head.lemma_ in sponsors:
                continue
            ent = entity_at(tok)
            actor = actors.record(actors.resolve(ent)) if ent is not None else None
            if actor is not None and actor.country and actor.country not in own and ent is not None:
                return actor.key if actor.type == "country" else actors.country(actor.country, ent)
    return None


def object_country(lex: EventLexicon, token: Token, actors: MentionSession) -> ActorKey | None:
    """The country named among an object's left modifiers, when the object itself is no country:
    "a British-flagged tanker", "a Taiwanese fishing boat", "U.S. journalist Evan Brook"."""
    doc = token.doc
    sponsors = lex.word_set("sponsor_word")
    for tok in doc[token.left_edge.i : token.i]:
        if tok.ent_type_ not in _GROUP_ENTS or tok.ent_iob_ != "B":
            continue
        ent = entity_at(tok)
        if ent is None or ent.end > token.i + 1 or tok.head.lemma_ in sponsors:
            continue
        actor = actors.record(actors.resolve(ent))
        if actor is not None and actor.country:
            return actor.key if actor.type == "country" else actors.country(actor.country, ent)
    return None
