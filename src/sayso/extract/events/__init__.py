"""PLOVER events: ``component`` (spaCy component) -> ``candidates`` (triggers from sources: the rules of
``patterns``) -> ``coder`` (``participants``, ``context``, dates, places, sources) -> ``merge`` (governed
and nested events), with ``lexicon`` (rules, policies, word sets, scores) and ``coded`` (the record)."""
