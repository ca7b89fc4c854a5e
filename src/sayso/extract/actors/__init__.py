"""Actors: who the text names, one actor per real entity, with every mention.

``component`` (spaCy components) -> ``recognize`` (the text's actors: ``phrases``, ``persons``, ``kinds``,
``references`` with ``coref``) -> ``table`` (immutable) -> ``session`` (each step's late mentions) ->
``links`` (the final pass and the ids). ``lexicon``/``countries`` hold the word lists, ``keys`` the
identity of an actor, ``gazetteer`` the EntityRuler patterns taught from the same lexicon.
"""
