"""Actor lexicons and lookups: no model needed."""

from __future__ import annotations

import pycountry
import pytest

from sayso.extract.actors.gazetteer import build_entity_patterns
from sayso.extract.actors.lexicon import ActorLexicon

PLOVER_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
                  "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"HKG"}


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.load()


@pytest.mark.parametrize(
    ("text", "code"),
    [("Russia", "RUS"), ("the US", "USA"), ("Beijing", "CHN"), ("Kyiv", "UKR"), ("Moscow", "RUS"),
     ("Washington", "USA"), ("China’s", "CHN"), ("Russian Federation", "RUS"), ("Namibia", "NAM"),
     ("Britain", "GBR"), ("CHINA", "CHN")],
)
def test_country_code(lex, text, code):
    assert lex.countries.code(text) == code


def test_lookups_reject_non_countries(lex):
    countries = lex.countries
    assert countries.code("us") is None  # the pronoun, not the country
    assert countries.code("Putin") is None
    assert countries.demonym("Chinese") == "CHN" and countries.demonym("Korean") is None
    assert countries.code("Kyiv") == "UKR"  # a capital stands for its country
    assert countries.name("RUS") == "Russia" and countries.name("KOR") == "South Korea"
    assert countries.adjective("CHN") == "Chinese"


def test_outlets_have_valid_country_and_flag(lex):
    assert len(lex.outlets) > 50
    for outlet in lex.outlets:
        assert outlet.country in ISO3, outlet.name
        assert outlet.media and outlet.sector == "JRN"
    flags = {o.name: o.state_media for o in lex.outlets}
    for name in ("CCTV", "CGTN", "Xinhua", "TASS", "RIA Novosti", "RT", "KCNA", "IRNA", "Anadolu", "SANA"):
        assert flags[name], name
    for name in ("Interfax", "Reuters", "Associated Press", "AFP", "BBC", "Press Trust of India"):
        assert not flags[name], name
    assert lex.named_by_text["RIA"].name == "RIA Novosti"


def test_sectors_are_plover_codes(lex):
    for org in lex.organizations:
        assert org.sector in PLOVER_SECTORS, org.name
        assert org.country is None or org.country in ISO3, org.name
    for role in lex.roles.values():
        assert role.sector is None or role.sector in PLOVER_SECTORS
    assert all(s in PLOVER_SECTORS for s in lex.group_nouns.values())
    assert all(sector in PLOVER_SECTORS for _, sector in lex.org_sectors)


def test_pronouns_and_word_sets(lex):
    assert (lex.pronouns["she"].refers, lex.pronouns["she"].gender) == ("person", "f")
    assert (lex.pronouns["its"].refers, lex.pronouns["its"].gender) == ("thing", None)
    assert "von" in lex.word_set("name_particle") and "Leader" in lex.word_set("generic_role")
    assert lex.max_role_tokens == 3  # "secretary - general"


def test_gazetteer_teaches_the_slips(lex):
    patterns = build_entity_patterns(lex)
    index = {(p["pattern"], p["label"]): p["id"] for p in patterns}
    assert index[("Kyiv", "GPE")] == "country:UKR"
    assert index[("RIA", "ORG")] == "outlet:RIA Novosti"
    assert index[("Chinese", "NORP")] == "demonym:CHN"
    assert ("Jordan", "GPE") not in index  # also a given name: left to the model
