"""Numeric claims: ``component`` (spaCy component) -> ``finder`` (figures, units, subjects, sources) with
``lexicon`` (units, number words, word sets)."""
