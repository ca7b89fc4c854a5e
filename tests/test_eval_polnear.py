"""The PolNeAR scorer on tiny hand-made BRAT files (no corpus needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.eval.polnear import Annotated, Relation, Unit, parse_ann, read_split, score_pairs

TEXT = 'The minister said that taxes would rise. "We have no choice," she told reporters.'
#       0         1         2         3         4         5         6         7         8
ANN = "\n".join([
    "T1\tSource 0 12\tThe minister",
    "T2\tCue 13 17\tsaid",
    "T3\tContent 18 39\tthat taxes would rise",
    "T4\tAttribution 13 17\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    'T5\tContent 41 61\t"We have no choice,"',
    "T6\tSource 62 65\tshe",
    "T7\tCue 66 70\ttold",
    "T8\tAttribution 66 70\ttold",
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
    "T9\tDiscard 0 3\tThe",
])


def write_split(root: Path) -> None:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a_b.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "a_b_zed.ann").write_text("", encoding="utf-8")  # second annotator: ignored
    (root / "attributions" / "a_b_amy.ann").write_text(ANN, encoding="utf-8")


def test_read_split_takes_first_annotator(tmp_path: Path) -> None:
    write_split(tmp_path)
    [article] = read_split(tmp_path)
    assert article.name == "a_b"
    assert len(article.relations) == 2
    assert TEXT[18:39] == "that taxes would rise"
    assert article.relations[0].content == (Unit(((18, 39),)),)


def test_read_split_rejects_other_dirs(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_split(tmp_path)


def test_discontinuous_content_and_content2() -> None:
    rels = parse_ann("T1\tContent 0 3;10 12\tx\nT2\tContent2 20 25\ty\nT3\tCue 4 8\tz\nE1\tAttribution:T3 Content:T1 Content2:T2 Cue:T3\n")
    assert rels[0].content == (Unit(((0, 3), (10, 12))), Unit(((20, 25),)))
    assert rels[0].source is None


def test_perfect_prediction_scores_one() -> None:
    gold = Annotated("a", TEXT, parse_ann(ANN))
    scores = score_pairs([(gold, gold)])
    for table in (scores.exact, scores.soft):
        for prf in table.values():
            assert prf.f1 == pytest.approx(1.0)
    assert scores.attribution.f1 == 1.0


def test_exact_ignores_punctuation_but_soft_is_proportional() -> None:
    gold = Annotated("a", TEXT, parse_ann(ANN))
    # content without the quote marks and comma: exact match; "taxes would rise" without "that": soft only
    pred = Annotated("a", TEXT, [
        Relation((Unit(((23, 39),)),), Unit(((13, 17),)), Unit(((4, 12),))),
        Relation((Unit(((42, 59),)),), Unit(((66, 70),)), Unit(((62, 65),))),
    ])
    scores = score_pairs([(pred, gold)])
    assert scores.exact["content"].tp_pred == 1
    assert scores.exact["content"].f1 == pytest.approx(0.5)
    assert scores.soft["content"].recall == pytest.approx((16 / 21 + 17 / 20) / 2)
    assert scores.soft["content"].precision == pytest.approx(1.0)
    assert scores.exact["source"].tp_pred == 1  # "minister" != "The minister"
    assert scores.attribution.f1 == 1.0  # contents cover over half, speakers overlap


def test_attribution_needs_the_right_source_and_half_the_content() -> None:
    gold = Annotated("a", TEXT, parse_ann(ANN))
    wrong_source = Relation((Unit(((18, 39),)),), None, Unit(((62, 65),)))
    too_short = Relation((Unit(((41, 45),)),), None, Unit(((62, 65),)))
    scores = score_pairs([(Annotated("a", TEXT, [wrong_source, too_short]), gold)])
    assert scores.attribution.tp_pred == 0
    assert scores.attribution.n_pred == 2 and scores.attribution.n_gold == 2


def test_one_to_one_matching() -> None:
    gold = Annotated("a", TEXT, parse_ann(ANN))
    dup = Relation((Unit(((18, 39),)),), Unit(((13, 17),)), Unit(((0, 12),)))
    scores = score_pairs([(Annotated("a", TEXT, [dup, dup]), gold)])
    assert scores.attribution.tp_pred == 1
    assert scores.attribution.precision == pytest.approx(0.5)
