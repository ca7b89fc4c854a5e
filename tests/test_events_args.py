"""Event participants: joint subjects, nationality modifiers in objects, domestic targets, newer triggers."""

from __future__ import annotations

import pytest

from tests.conftest import needs_model
from tests.test_events import events_of, only


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


@needs_model
@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipient"),
    [
        ("Libyan coast guards seized a Greek-flagged trawler off Benghazi.", "COERCE", "LBY", "GRC"),
        ("Chilean protesters marched through the capital against pension cuts.", "PROTEST", "CHL", "CHL"),
        ("Uzbek police detained a group of opposition bloggers.", "COERCE", "UZB", "UZB"),
        ("Lebanon eased restrictions on Syrian refugees seeking work permits.", "CONCEDE", "LBN", "SYR"),
    ],
)
def test_recipient_from_demonyms_and_domestic_acts(text, etype, actor, recipient):
    event, actors, recipients = only(text)
    assert (event.type, actors, recipients) == (etype, [actor], [recipient])


@needs_model
def test_sponsor_demonym_is_not_the_target():
    _, evs = events_of("Turkish jets struck Iranian-backed fighters on Sunday.")
    assert all("IRN" not in r for _e, _a, r in evs)


@needs_model
def test_no_own_country_for_a_withdrawal_from_somewhere():
    event, _actors, recipients = only("Malian troops withdrew from the disputed town on Friday.")
    assert event.type == "RETREAT" and "MLI" not in recipients


@needs_model
@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipient"),
    [
        ("Ankara on Monday lashed out at Athens over the new maritime map.", "ACCUSE", "TUR", "GRC"),
        ("Canberra approved the sale of patrol boats to Fiji.", "AID", "AUS", "FJI"),
        ("Egypt flew tonnes of medicine to Libya after the floods.", "AID", "EGY", "LBY"),
        ("Belarus moved artillery and helicopters near the border with Lithuania.", "MOBILIZE", "BLR", "LTU"),
        ("Kyrgyzstan handed two border villages back to Tajikistan.", "RETREAT", "KGZ", "TJK"),
    ],
)
def test_weak_triggers(text, etype, actor, recipient):
    event, actors, recipients = only(text)
    assert (event.type, actors, recipients) == (etype, [actor], [recipient])


@needs_model
def test_freeing_a_named_person_is_retreat_and_a_statement_is_not():
    event, actors, recipients = only("Iran freed French teacher Lucie Marand after two years in prison.")
    assert event.type == "RETREAT" and actors == ["IRN"] and "FRA" in recipients
    _, evs = events_of("Iran released a statement on Monday.")
    assert not [e for e, _a, _r in evs if e.type == "RETREAT"]


@needs_model
def test_place_owned_by_a_country_is_the_target():
    _report, evs = events_of("Ukrainian drones struck a fuel depot in Russia's Belgorod region on Monday.")
    event, actors, recipients = next(x for x in evs if x[0].type == "ASSAULT")
    assert actors == ["UKR"] and recipients == ["RUS"]
    assert event.location is not None and event.location.text == "Russia's Belgorod region"


@needs_model
def test_nationality_on_a_compound_names_the_actor_and_cooperation_can_be_stepped_up():
    event, actors, recipients = only("Vietnamese coast guard officers seized a Cambodian fishing boat on Monday.")
    assert (event.type, actors, recipients) == ("COERCE", ["VNM"], ["KHM"])
    event, actors, recipients = only("Laos and Thailand have stepped up security cooperation.")
    assert (event.type, actors, recipients) == ("COOPERATE", ["LAO"], ["THA"])
