"""Import this module to register sayso's spaCy component factories (``nlp.add_pipe("sayso_events")``,
or ``spacy.load`` of a saved sayso pipeline)."""

from sayso.extract.actors.component import make_actor_linker, make_actor_recognizer
from sayso.extract.attribution.component import make_attribution
from sayso.extract.claims.component import make_claim_extractor
from sayso.extract.events.component import make_event_coder

__all__ = ["make_actor_linker", "make_actor_recognizer", "make_attribution", "make_claim_extractor",
           "make_event_coder"]
