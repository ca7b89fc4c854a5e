"""Extraction over one parsed Doc, one subpackage per subject: ``attribution`` (quotes, cues, speakers,
sources), ``actors`` (recognition and resolution), ``claims`` (numeric claims), ``events`` (PLOVER events),
with ``dates`` and ``entities`` shared. ``pipeline.build_report`` runs them and assembles the report."""
