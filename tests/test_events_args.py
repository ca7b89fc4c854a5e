"""Event participants: joint subjects, nationality modifiers in objects, domestic targets, newer triggers."""

from __future__ import annotations

import pytest

from tests.conftest import needs_model
from tests.test_events import only


@needs_model
@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipient"),
    [
        ("Chile and Peru held talks on water rights in Lima on Monday.", "CONSULT", ["CHL"], ["PER"]),
        ("Ghana and Togo agreed to reopen their shared border.", "AGREE", ["GHA"], ["TGO"]),
        ("Greek and Italian warships held joint drills in the Ionian Sea.", "COOPERATE", ["GRC"], ["ITA"]),
        ("Chile's president and Peru's prime minister held a summit in Lima.", "CONSULT", ["CHL"], ["PER"]),
    ],
)
def test_joint_subjects_become_actor_and_recipient(text, etype, actor, recipient):
    event, actors, recipients = only(text)
    assert (event.type, actors, recipients) == (etype, actor, recipient)


@needs_model
def test_joint_subjects_with_a_named_partner_stay_actors():
    event, actors, recipients = only("Chile and Peru reached a trade agreement with Bolivia.")
    assert event.type == "AGREE" and set(actors) == {"CHL", "PER"} and recipients == ["BOL"]
