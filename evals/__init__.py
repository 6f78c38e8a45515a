"""Evaluation of troopwatch against a hand-labelled golden set.

* ``evals.golden_set`` loads the golden articles and their expected records.
* ``evals.scorer`` compares predicted ``ArticleSummary`` lines with them (pure functions).
* ``evals.gate`` turns a report's metrics into pass/fail lines against ``thresholds.toml``.
"""
