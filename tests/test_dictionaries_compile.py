"""The dictionary compiler on small dictionaries written here in the PETRARCH formats (no ../shared)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sayso.dictionaries.actor_codes import decode
from sayso.dictionaries.actor_reader import parse_role, read_actor_file, read_agent_file
from sayso.dictionaries.cameo_reader import read_verb_dictionary
from sayso.dictionaries.compile import OUTPUTS, compile_all
from sayso.errors import InputError

VERBS = """\
# a test verb dictionary
####### SYNONYM SETS #######

&TRUCE
+TRUCE
+CEASE_FIRE

&HELPER_
+HELPER
+AIDE

####### VERB PATTERNS #######

---  PUNISH   [---]  ---
PUNISH
SCOLD [111]
+BEAT_UP {+BEATS_UP +BEATING_UP +BEAT_UP +BEATEN_UP}
- * SANCTIONS                                    [163]     # PUNISH
- * {TRADE SANCTIONS} (ON +)                     [163]     # PUNISH
- * (FOR &TRUCE)                                 [---]     # PUNISH
- POLICE * PROTESTERS                            [175]     # PUNISH
- * (BY/WITH FINES)                              [172]     # PUNISH
- * REMARK                                       [010]     # PUNISH

---  TRAVEL   [---]  ---
TRAVEL {TRAVELS TRAVELLED TRAVELLING}
VISIT [042:043]
- * (TO +)                                       [042:043] # TRAVEL
- * RECOGNITION (FROM) +                         [:054]    # TRAVEL
- * UNDEFINED &NOSUCHSET                         [040]     # TRAVEL
- * BADLY                                        [s]       # TRAVEL

---  SCOLD_AGAIN   [---]  ---
SCOLD [110]

######## TRANSFORMATIONS ##########
~ a (b . PUNISH) SAY = a b 112
"""

PLOVER = """\
# test CAMEO to PLOVER table
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit
043: CONSULT, visit,   # Host a visit
054: SUPPORT,  , diplomatic # Grant diplomatic recognition
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
172: COERCE, restrict, executive      # Impose administrative sanctions
175: ASSAULT, pro_autocracy , military # Use violent repression
"""

COUNTRIES = """\
# test countries
FREEDONIA_  [FRE]
+FREEDONIAN_
+FREEDONIA_CITY
RUFUS_FIREFLY_
+FIREFLY_
+PRESIDENT_FIREFLY
	[FREGOV 330101-331231]
	[FREGOV >200101]
	[FREELI]
CHICOLINI_  # an old minister
	[FREGOV 300101-050101]
	[FREELI]
AMBASSADOR_TRENTINO_
+TRENTINO_
SYLVANIA_AMBASSADOR_TRENTINO_  [SYLGOV 330101-331231] [ELI]
BADLY_DATED_
	[FREGOV 2004017-20061201]
	[FREMIL]
"""

INTERNATIONAL = """\
THE_LEAGUE_OF_NATIONS_ [IGOUNO]
FRIENDS_OF_FREEDONIA_ [NGOHRI]
"""

ARMED = """\
MARX_BROTHERS_FRONT_ [FREREB] # test group
+MBF
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
POLICE {} [~COP]
PROTESTER [~OPP]
ARMY [~MIL]
NEWS!PERSON! [~MED]
HUMAN_RIGHTS_GROUP [NGO~]
"""

LICENCE = "The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n\nPermission is hereby granted ...\n"


def write_fixtures(root: Path, licence: bool = True) -> tuple[Path, Path]:
    petrarch, plover = root / "petrarch", root / "plover"
    petrarch.mkdir()
    plover.mkdir()
    (petrarch / "CAMEO.2.0.txt").write_text(VERBS, encoding="utf-8")
    (petrarch / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (petrarch / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (petrarch / "Phoenix.MilNonState.actors.txt").write_text(ARMED, encoding="utf-8")
    (petrarch / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    if licence:
        (petrarch / "LICENSE").write_text(LICENCE, encoding="utf-8")
    (plover / "CAMEO2PLOVER-2021.txt").write_text(PLOVER, encoding="utf-8")
    return petrarch, plover


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def tsv_rows(path: Path) -> list[list[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


@pytest.fixture()
def compiled(tmp_path):
    petrarch, plover = write_fixtures(tmp_path)
    out = tmp_path / "out"
    summary = compile_all(petrarch, plover, out)
    return out, summary


def test_verb_dictionary_is_read_as_petrarch_reads_it(tmp_path):
    petrarch, _ = write_fixtures(tmp_path)
    d = read_verb_dictionary(petrarch / "CAMEO.2.0.txt")
    assert d.synsets["&truce"][1].words == ("cease", "fire")  # '_' joins a phrase
    assert "&helper" in d.exact_synsets  # a set named with a trailing '_' takes no plural
    beat = next(v for v in d.verbs if v.word == "beat")
    assert beat.particles == ("up",) and "beaten" in beat.forms and beat.code == "---"
    assert next(v for v in d.verbs if v.word == "scold").block == "punish"  # the first block owns a verb
    assert any("already in block punish" in w for w in d.warnings)
    trade = next(p for p in d.patterns if "TRADE" in p.text)
    assert trade.lower[0].words == ("trade", "sanctions") and trade.lower_preps[0].marker == "recipient"
    assert d.transformations == 1


def test_compiled_verbs_code_plover_types(compiled):
    out, summary = compiled
    recs = records(out / "cameo_verbs.jsonl")
    verbs = {r["lemma"]: r for r in recs if r["kind"] == "verb"}
    assert verbs["punish"]["type"] is None  # the block's [---]: the bare verb is no event
    assert verbs["scold"]["type"] == "ACCUSE" and verbs["scold"]["goldstein"] == -2.0
    assert verbs["visit"]["cameo"] == "042" and verbs["visit"]["reverse_cameo"] == "043"
    patterns = {r["text"].split("[")[0].strip(): r for r in recs if r["kind"] == "pattern"}
    sanctions = patterns["- * SANCTIONS"]
    assert (sanctions["type"], sanctions["mode"]) == ("SANCTION", "discontinue")  # the manual wins over COERCE
    assert patterns["- * (FOR &TRUCE)"]["type"] is None  # an exclusion
    assert patterns["- * REMARK"]["cameo"] == "010" and patterns["- * REMARK"]["type"] is None  # a statement
    assert patterns["- * {TRADE SANCTIONS} (ON +)"]["recipient"] == "prep:on"
    assert patterns["- POLICE * PROTESTERS"]["mode"] is None  # a context in the table's mode column is dropped
    recognition = patterns["- * RECOGNITION (FROM) +"]
    assert recognition["swap"] and recognition["cameo"] == "054" and recognition["recipient"] == "object"
    assert patterns["- * (BY/WITH FINES)"]["preps"][0]["prep"] == "by/with"
    assert summary.counts["patterns dropped: undefined synonym set"] == 1
    assert summary.counts["patterns dropped: no valid CAMEO code"] == 1
    assert summary.counts["patterns"] == 8


def test_compiled_actors_carry_dates_countries_and_sectors(compiled):
    out, summary = compiled
    rows = tsv_rows(out / "phoenix_actors.tsv")
    firefly = [r for r in rows if r[0] == rows[[r[1] for r in rows].index("rufus firefly")][0]]
    assert firefly[0][2] == "firefly|president firefly"
    assert [(r[3], r[8], r[9]) for r in firefly] == [
        ("FREGOV", "1933-01-01", "1933-12-31"), ("FREGOV", "2020-01-01", ""), ("FREELI", "", "")]
    # a name group with no code of its own takes the next group's codes (the same person written twice)
    trentino = next(r for r in rows if r[1] == "ambassador trentino")
    assert trentino[3] == "SYLGOV"
    league = next(r for r in rows if r[1] == "the league of nations")
    assert (league[4], league[5], league[6]) == ("", "UNO", "IGO")
    front = next(r for r in rows if r[1] == "marx brothers front")
    assert (front[3], front[6]) == ("FREREB", "REB")
    assert any("2004017" in w for w in summary.warnings)  # a malformed date is reported, not guessed
    agents = {r[0]: r for r in tsv_rows(out / "phoenix_agents.tsv")}
    assert agents["police"][3] == "COP" and "polices" not in agents  # {} = no plural
    assert agents["protesters"][3] == "OPP"  # a regular plural is made
    assert agents["newswoman"][3] == "JRN"  # CAMEO MED (media) is PLOVER JRN; !PERSON! is substituted
    assert agents["human rights group"][2] == "before"


def test_compile_is_deterministic_and_carries_the_licence(tmp_path):
    petrarch, plover = write_fixtures(tmp_path)
    compile_all(petrarch, plover, tmp_path / "a")
    compile_all(petrarch, plover, tmp_path / "b")
    for name in OUTPUTS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    header = (tmp_path / "a" / "cameo_verbs.jsonl").read_text(encoding="utf-8").split("\n{")[0]
    assert "# The MIT License (MIT)" in header and "Open Event Data Alliance" in header and "sha256" in header
    assert "Permission is hereby granted" in (tmp_path / "a" / "LICENSE-petrarch-dictionaries.txt").read_text()


def test_no_licence_no_output(tmp_path):
    petrarch, plover = write_fixtures(tmp_path, licence=False)
    with pytest.raises(InputError, match="LICENSE"):
        compile_all(petrarch, plover, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_roles_and_codes():
    assert parse_role("RUSGOV >080508").start == date(2008, 5, 8)
    assert parse_role("HTIOPPMED <061231").end == date(2006, 12, 31)
    assert parse_role("IGOUNO 970101-061231").start == date(1997, 1, 1)
    assert parse_role("USAGOV 19830101-090101").end == date(2009, 1, 1)  # YYYYMMDD and YYMMDD mixed
    with pytest.raises(ValueError):
        parse_role("KORGOVBUS 2004017-20061201")
    assert decode("USAGOVMIL").country == "USA" and decode("USAGOVMIL").other_sectors == ("MIL",)
    assert decode("IMGMUSALQ").sector == "REB"  # a religion does not replace an armed group's sector
    assert decode("~HLH").sector == "MED" and decode("---").sector is None


def test_actor_file_without_codes_warns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("LONELY_NAME_\n", encoding="utf-8")
    result = read_actor_file(path)
    assert result.actors == [] and "has no code" in result.warnings[0]
    agents, warnings = read_agent_file(tmp_path / "a.txt")
    assert agents == [] and "no code" in warnings[0]
