"""Actor lexicons and lookups: no model needed."""

from __future__ import annotations

import pycountry
import pytest

from sayso.extract.actors.lexicons import group_nouns, named_by_text, organizations, outlets, roles
from sayso.extract.actors.countries import country_code, country_name, demonym_code, is_capital
from sayso.extract.actors.gazetteer import build_entity_patterns

PLOVER_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
                  "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"HKG"}


@pytest.mark.parametrize(
    ("text", "code"),
    [("Russia", "RUS"), ("the US", "USA"), ("Beijing", "CHN"), ("Kyiv", "UKR"), ("Moscow", "RUS"),
     ("Washington", "USA"), ("China’s", "CHN"), ("Russian Federation", "RUS"), ("Namibia", "NAM"),
     ("Britain", "GBR"), ("CHINA", "CHN")],
)
def test_country_code(text, code):
    assert country_code(text) == code


def test_lookups_reject_non_countries():
    assert country_code("us") is None  # the pronoun, not the country
    assert country_code("Putin") is None
    assert demonym_code("Chinese") == "CHN" and demonym_code("Korean") is None
    assert is_capital("Kyiv") and not is_capital("Ukraine")
    assert country_name("RUS") == "Russia" and country_name("KOR") == "South Korea"


def test_outlets_have_valid_country_and_flag():
    assert len(outlets()) > 50
    for outlet in outlets():
        assert outlet.country in ISO3, outlet.name
        assert outlet.media and outlet.sector == "JRN"
    flags = {o.name: o.state_media for o in outlets()}
    for name in ("CCTV", "CGTN", "Xinhua", "TASS", "RIA Novosti", "RT", "KCNA", "IRNA", "Anadolu", "SANA"):
        assert flags[name], name
    for name in ("Interfax", "Reuters", "Associated Press", "AFP", "BBC", "Press Trust of India"):
        assert not flags[name], name
    assert named_by_text()["RIA"].name == "RIA Novosti"


def test_sectors_are_plover_codes():
    for org in organizations():
        assert org.sector in PLOVER_SECTORS, org.name
        assert org.country is None or org.country in ISO3, org.name
    for role in roles().values():
        assert role.sector is None or role.sector in PLOVER_SECTORS
    assert all(s in PLOVER_SECTORS for s in group_nouns().values())


def test_gazetteer_teaches_the_slips():
    patterns = build_entity_patterns()
    index = {(p["pattern"], p["label"]): p["id"] for p in patterns}
    assert index[("Kyiv", "GPE")] == "country:UKR"
    assert index[("RIA", "ORG")] == "outlet:RIA Novosti"
    assert index[("Chinese", "NORP")] == "demonym:CHN"
    assert ("Jordan", "GPE") not in index  # also a given name: left to the model
