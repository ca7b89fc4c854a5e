"""The claims component, ``sayso_claims``: numeric claims with their speakers and sources."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.actors.session import MentionSession
from sayso.extract.claims.finder import find_claims
from sayso.extract.doc_fields import Findings, attributions


class ClaimFinder:
    def __init__(self, nlp: Language, name: str = "sayso_claims") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        session = MentionSession(doc._.sayso_actor_table)
        claims = find_claims(doc, attributions(doc), session)
        doc._.sayso_claims = Findings(tuple(claims), tuple(session.log))
        return doc


@Language.factory("sayso_claims")
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder(nlp, name)
