"""Speaker labels: "Name: words" headlines and transcript lines are attributions; page furniture is not."""

from __future__ import annotations

from conftest import needs_model
from sayso.extract.attribution.candidates.labels import label_candidates
from sayso.report import offset_errors

pytestmark = needs_model

TEXT = (
    "Halvorsen: Port strike will end before the harvest\n\n"
    "UPDATE: This story was revised on Tuesday to add a comment.\n\n"
    "MORALES: Let us begin with the vote in the northern provinces tonight.\n\n"
    "The minister said the talks would resume: both sides had agreed.\n"
)


def test_labels_name_the_speaker_and_take_the_rest_of_the_line(nlp) -> None:  # noqa: ANN001
    doc = nlp(TEXT)
    atts = [c.attribution for c in label_candidates(nlp.get_pipe("sayso_attribution").context(doc))]
    got = {a.speaker.text: TEXT[a.content[0][0] : a.content[0][1]] for a in atts if a.speaker is not None}
    assert got == {
        "Halvorsen": "Port strike will end before the harvest",
        "MORALES": "Let us begin with the vote in the northern provinces tonight",
    }
    assert all(a.cue is not None and a.cue.text == ":" for a in atts)


def test_label_attributions_reach_the_report(nlp) -> None:  # noqa: ANN001
    import sayso

    report = sayso.extract(TEXT)
    speakers = {q.speaker.text for q in report.quotes if q.speaker is not None}
    assert {"Halvorsen", "MORALES"} <= speakers and "UPDATE" not in speakers
    assert offset_errors(report) == []
