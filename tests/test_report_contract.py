"""The report contract: every report validates against the JSON schema and its offsets reproduce its text."""

from __future__ import annotations

import pytest
from conftest import fixture_text, needs_model

from sayso.report import Report, offset_errors, validate


@needs_model
@pytest.mark.parametrize("text", ["", "No quotes here at all.", "He said “unbalanced", fixture_text("modi-lula-summit.txt")])
def test_reports_validate_and_offsets_hold(text: str) -> None:
    import sayso

    report = sayso.extract(text, published="2024-05-07")
    validate(report)
    assert offset_errors(report) == []
    assert Report.from_dict(report.to_dict()) == report


@needs_model
def test_article_fields(tmp_path) -> None:
    import hashlib

    import sayso

    text = fixture_text("modi-lula-summit.txt")
    report = sayso.extract(text, published="2024-05-07", path="x.txt")
    assert report.article.id == hashlib.sha256(text.encode()).hexdigest()
    assert report.article.title == "India’s Modi Hails ‘New Chapter’ In Ties With Brazil"
    assert report.article.language == "en"
    assert report.article.published == "2024-05-07"
    assert report.schema == "sayso/1"


def test_headline_is_found_with_unix_or_windows_line_ends() -> None:
    from sayso.extract.assemble import detect_title

    assert detect_title("Ministers Meet In Oslo\n\nThe talks began.") == "Ministers Meet In Oslo"
    assert detect_title("Ministers Meet In Oslo\r\n\r\nThe talks began.") == "Ministers Meet In Oslo"  # pasted in a form
    assert detect_title("The talks began on Monday.\n\nMore later.") is None  # a sentence, not a headline
