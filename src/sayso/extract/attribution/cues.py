"""Cue words: which child of a cue verb holds what it reports.

The table ``lexicons/en/cue_verbs.tsv`` was learned from the PolNeAR training split (see
``sayso.eval.learn_cues``): for a verb lemma and the dependency of one of its children, how often that
pair was an annotated cue with that child as its content. A pair is trusted from ``min_cue_rate`` on.
A ``prep`` content is further judged by its preposition (``lexicons/en/content_preps.tsv``, learned the same
way): "spoke in Iowa about the plan" reports "about the plan", never "in Iowa".
The cue verbs themselves are found by the component's ``Matcher`` (``matchers.py``), not a token loop.
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.extract.attribution.lexicon import AttributionLexicon

# The order children are tried in when a verb has several candidates: clauses before objects.
DEP_ORDER = ("ccomp", "xcomp", "parataxis", "dobj", "oprd", "prep", "acomp", "attr", "advcl", "dative",
             "nsubjpass")


def content_child(verb: Token, lexicon: AttributionLexicon, min_prep_rate: float) -> Token | None:
    """The child holding the reported content, by the learned verb+dependency table; among prepositional
    phrases, the one whose preposition most often holds content (an unknown one counts as zero)."""
    allowed = lexicon.content_deps(verb.lemma_.lower())
    if not allowed:
        return None
    best: Token | None = None
    best_key = (len(DEP_ORDER), 0.0, 0.0)
    for child in verb.children:
        if child.dep_ not in allowed:
            continue
        prep_rate = 0.0
        if child.dep_ == "prep":
            if not any(True for _ in child.children):
                continue
            prep_rate = lexicon.preps.get(child.lower_, 0.0)
            if child.lower_ in lexicon.preps and prep_rate < min_prep_rate:
                continue
        order = DEP_ORDER.index(child.dep_) if child.dep_ in DEP_ORDER else len(DEP_ORDER)
        key = (order, -allowed[child.dep_], -prep_rate)
        if key < best_key:
            best, best_key = child, key
    return best
