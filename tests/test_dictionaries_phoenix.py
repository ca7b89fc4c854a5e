"""Phoenix actor lookup: names -> country/sector on a given day (roles bounded by dates)."""

from __future__ import annotations

from datetime import date

from sayso.dictionaries.phoenix import PhoenixActors, phoenix_actors

HEADER = ("id", "name", "aliases", "code", "country", "entity", "sector", "other_sectors", "from", "until")
ROWS = (
    ("c1", "rufus firefly", "firefly|president firefly", "FREGOV", "FRE", "", "GOV", "", "1933-01-01", "1934-01-01"),
    ("c1", "", "", "FREGOV", "FRE", "", "GOV", "", "2020-01-01", ""),
    ("c1", "", "", "FREELI", "FRE", "", "ELI", "", "", ""),
    ("c9", "chicolini", "", "FREGOV", "FRE", "", "GOV", "", "1930-01-01", "2005-01-01"),
    ("c9", "", "", "FREELI", "FRE", "", "ELI", "", "", ""),
    ("c20", "freedonia", "freedonian|freedonians", "FRE", "FRE", "", "", "", "", ""),
    ("i5", "the league of nations", "", "IGOUNO", "", "UNO", "IGO", "", "", ""),
    ("c30", "firefly", "", "SYLGOV", "SYL", "", "GOV", "", "", ""),  # a later entry with the same name wins
)
AGENTS = (("police", "~COP", "after", "COP", ""), ("security forces", "~MIL", "after", "MIL", ""),
          ("minister", "~GOV", "after", "GOV", ""))


def table() -> PhoenixActors:
    return PhoenixActors(ROWS, AGENTS)


def test_role_holds_for_its_dates():
    actors = table()
    assert actors.lookup("Rufus Firefly", date(1933, 6, 1)).code == "FREGOV"
    assert actors.lookup("rufus  firefly", date(1950, 1, 1)).sector == "ELI"  # between terms: the fallback
    assert actors.lookup("President Firefly", date(2024, 3, 18)).sector == "GOV"  # an open role
    assert actors.lookup("Rufus Firefly", None).sector == "ELI"  # no day: the undated fallback


def test_former_minister_is_not_government_after_his_term():
    actors = table()
    assert actors.lookup("Chicolini", date(2004, 12, 31)).sector == "GOV"
    assert actors.lookup("Chicolini", date(2005, 1, 1)).sector == "ELI"  # the end date is exclusive


def test_names_and_phrases():
    actors = table()
    assert actors.lookup("The League of Nations").entity == "UNO"  # a leading "the" is not needed
    assert actors.lookup("Firefly").country == "SYL"  # the later entry with this name wins, as in PETRARCH
    assert actors.lookup("Groucho") is None
    coded = actors.code_phrase(["the", "Freedonian", "security", "forces"], date(2024, 1, 1))
    assert (coded.country, coded.sector) == ("FRE", "MIL")
    coded = actors.code_phrase(["Freedonian", "minister", "Chicolini"], date(2024, 1, 1))
    assert (coded.country, coded.sector) == ("FRE", "GOV")  # the agent noun gives the sector first


def test_packaged_tables():
    actors = phoenix_actors()
    putin = actors.lookup("Vladimir Putin", date(2024, 3, 18))
    assert (putin.country, putin.sector) == ("RUS", "GOV")
    assert actors.lookup("Vladimir Putin", date(1995, 1, 1)).sector == "ELI"
    assert actors.lookup("Kofi Annan", date(2010, 1, 1)).sector == "ELI"  # after his term as UN chief
    assert actors.lookup("Kofi Annan", date(2000, 1, 1)).entity == "UNO"
    assert actors.code_phrase(["Israeli", "security", "forces"]).country == "ISR"
    assert actors.agent("protesters").sector == "OPP"


def test_roles_read_past_the_dictionary_are_marked_stale():
    actors = table()
    assert actors.horizon == date(2020, 1, 1)
    role = actors.lookup("Rufus Firefly", date(2024, 3, 18))
    assert actors.stale(role, date(2024, 3, 18)) and not actors.stale(role, date(2019, 1, 1))
    assert phoenix_actors().horizon.year == 2015
