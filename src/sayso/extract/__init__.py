"""Extraction over one parsed Doc, one subpackage per subject: ``attribution`` (quotes, cues, speakers,
sources), ``actors`` (recognition and resolution), ``claims`` (numeric claims), ``events`` (PLOVER events),
with ``dates`` and ``entities`` shared. Each subject is a registered spaCy component writing its results on
the Doc (``doc_fields``); ``run`` parses articles and runs the components, ``assemble`` builds the report
from the Doc. See docs/architecture.md."""
