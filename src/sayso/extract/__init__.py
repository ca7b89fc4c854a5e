"""Extraction: pure functions over a parsed Doc, in the order quotes -> speakers -> sources -> actors ->
claims -> events. ``pipeline.build_report`` runs them and assembles the report."""
