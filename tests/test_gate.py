"""Tests for the eval gate (evals/gate.py) and the shipped thresholds file."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.gate import check_gate, default_thresholds_path, load_thresholds

THRESHOLDS = """
[min]
micro_f1 = 0.60
grounded_rate = 0.9

[max]
failed_rate = 0.0
ungrounded_counts = 2

[baseline]
tolerance = 0.05
metrics = ["micro_f1", "ungrounded_counts"]
"""

GOOD = {"micro_f1": 0.80, "grounded_rate": 0.95, "failed_rate": 0.0, "ungrounded_counts": 1}


@pytest.fixture
def thresholds(tmp_path: Path) -> dict:
    path = tmp_path / "thresholds.toml"
    path.write_text(THRESHOLDS, encoding="utf-8")
    return load_thresholds(path)


def test_load_thresholds(thresholds):
    assert thresholds["min"] == {"micro_f1": 0.60, "grounded_rate": 0.9}
    assert thresholds["max"] == {"failed_rate": 0.0, "ungrounded_counts": 2.0}
    assert thresholds["baseline"]["tolerance"] == 0.05
    assert thresholds["baseline"]["metrics"] == ["micro_f1", "ungrounded_counts"]


def test_gate_passes(thresholds):
    assert check_gate(GOOD, thresholds, None) == []
    assert check_gate(GOOD, thresholds, dict(GOOD)) == []


def test_min_violated(thresholds):
    failures = check_gate({**GOOD, "micro_f1": 0.41}, thresholds, None)
    assert failures == ["micro_f1 0.41 < min 0.60"]


def test_min_boundary_is_inclusive(thresholds):
    assert check_gate({**GOOD, "micro_f1": 0.60}, thresholds, None) == []


def test_max_violated(thresholds):
    failures = check_gate({**GOOD, "ungrounded_counts": 3, "failed_rate": 0.1}, thresholds, None)
    assert "ungrounded_counts 3 > max 2" in failures
    assert "failed_rate 0.10 > max 0.00" in failures
    assert len(failures) == 2


def test_baseline_drop_beyond_tolerance_fails(thresholds):
    failures = check_gate({**GOOD, "micro_f1": 0.68}, thresholds, {"micro_f1": 0.80})
    assert failures == ["micro_f1 dropped 0.12 below baseline 0.80 (tolerance 0.05)"]


def test_baseline_drop_within_tolerance_passes(thresholds):
    assert check_gate({**GOOD, "micro_f1": 0.76}, thresholds, {"micro_f1": 0.80}) == []
    assert check_gate({**GOOD, "micro_f1": 0.75}, thresholds, {"micro_f1": 0.80}) == []


def test_baseline_rise_of_lower_is_better_metric_fails(thresholds):
    # ungrounded_counts is under [max], so a rise is a regression.
    failures = check_gate({**GOOD, "ungrounded_counts": 2}, thresholds, {"ungrounded_counts": 0})
    assert failures == ["ungrounded_counts rose 2 above baseline 0.00 (tolerance 0.05)"]
    # And an improvement is not.
    assert check_gate(GOOD, thresholds, {"ungrounded_counts": 2}) == []


def test_baseline_accepts_a_report_dict_and_skips_metrics_it_lacks(thresholds):
    baseline = {"metrics": {"micro_f1": 0.95}, "articles": []}
    failures = check_gate(GOOD, thresholds, baseline)
    assert failures == ["micro_f1 dropped 0.15 below baseline 0.95 (tolerance 0.05)"]
    assert check_gate(GOOD, thresholds, {"other": 1.0}) == []


def test_missing_metric_fails(thresholds):
    report = {k: v for k, v in GOOD.items() if k != "grounded_rate"}
    assert check_gate(report, thresholds, None) == ["grounded_rate missing from report"]


def test_unmeasured_metric_fails(thresholds):
    failures = check_gate({**GOOD, "grounded_rate": None}, thresholds, None)
    assert len(failures) == 1 and failures[0].startswith("grounded_rate not measured")


def test_malformed_thresholds_name_the_file(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[min]\nmicro_f1 = 'high'\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml"):
        load_thresholds(bad)
    broken = tmp_path / "broken.toml"
    broken.write_text("[min\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.toml"):
        load_thresholds(broken)


def test_shipped_thresholds_load_and_name_real_metrics():
    """The placeholder thresholds parse and every metric they name exists in a report."""
    from evals.scorer import aggregate, score_article

    thresholds = load_thresholds(default_thresholds_path())
    metrics = aggregate([score_article("x", {}, None, "")]).metrics
    named = {*thresholds["min"], *thresholds["max"], *thresholds["baseline"]["metrics"]}
    assert named <= set(metrics)
