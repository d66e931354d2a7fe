"""Tests for newsprism.scoring: cluster metrics against hand-worked examples."""

from __future__ import annotations

import pytest

from newsprism.scoring import b_cubed, ceaf_e, conll_f1, muc, span_prf


def test_scoring_perfect_clustering_scores_one():
    gold = [{"a", "b"}, {"c"}]
    assert b_cubed(gold, gold).f1 == pytest.approx(1.0)
    assert muc(gold, gold).f1 == pytest.approx(1.0)
    assert ceaf_e(gold, gold).f1 == pytest.approx(1.0)
    assert conll_f1(gold, gold) == pytest.approx(1.0)


def test_scoring_b_cubed_worked_example():
    # gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
    gold = [{"a", "b", "c"}, {"d", "e"}]
    pred = [{"a", "b"}, {"c", "d", "e"}]
    score = b_cubed(gold, pred)
    # precision: a,b: 2/2 each; c: 1/3; d,e: 2/3 each -> (1+1+1/3+2/3+2/3)/5
    assert score.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    # recall: a,b: 2/3 each; c: 1/3; d,e: 1 each -> (2/3+2/3+1/3+1+1)/5
    assert score.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_scoring_all_singletons_have_full_b_cubed_precision_and_zero_muc():
    gold = [{"a", "b", "c"}]
    pred = [{"a"}, {"b"}, {"c"}]
    assert b_cubed(gold, pred).precision == pytest.approx(1.0)
    assert b_cubed(gold, pred).recall == pytest.approx(1 / 3)
    assert muc(gold, pred).recall == 0.0


def test_scoring_muc_worked_example():
    gold = [{"a", "b", "c", "d"}]
    pred = [{"a", "b"}, {"c", "d"}]
    score = muc(gold, pred)
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(1.0)


def test_scoring_predicted_mentions_missing_from_gold_lower_precision():
    gold = [{"a", "b"}]
    pred = [{"a", "b", "x"}]
    assert b_cubed(gold, pred).precision < 1.0
    assert b_cubed(gold, pred).recall == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("gold", "pred", "overlap", "expected_f1"),
    [
        ([("d", 0, 10)], [("d", 0, 10)], None, 1.0),
        ([("d", 0, 10)], [("d", 0, 9)], None, 0.0),
        ([("d", 0, 10)], [("d", 0, 9)], 0.5, 1.0),
        ([("d", 0, 10), ("d", 20, 30)], [("d", 0, 10)], None, 2 / 3),
    ],
)
def test_scoring_span_prf(gold, pred, overlap, expected_f1):
    assert span_prf(gold, pred, overlap=overlap).f1 == pytest.approx(expected_f1)
