"""Run the pipeline over a golden directory and score it: the engine behind ``troopwatch eval``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from evals.golden_set import GoldenCase, load_golden
from evals.scorer import EvalReport, aggregate, score_article
from pipeline.backends import Backend
from pipeline.errors import TroopwatchError
from pipeline.extract import extract_article
from pipeline.sources import Article


@dataclass
class EvalRun:
    report: EvalReport
    predictions: list[dict[str, Any]]  # one ArticleSummary dict (or error entry) per case


def _reference_date(case: GoldenCase) -> date | None:
    value = case.expected.get("reference_date")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def run_eval(
    backend: Backend,
    golden_dir: Path | None = None,
    *,
    strict: bool = True,
    progress: Any = None,
) -> EvalRun:
    """Extract every golden article with ``backend`` and score the results."""
    cases = load_golden(golden_dir)
    scores = []
    predictions: list[dict[str, Any]] = []
    for case in cases:
        article = Article(
            id=case.case_id,
            text=case.text,
            source=str(case.path),
            reference_date=_reference_date(case),
        )
        predicted: dict[str, Any] | None = None
        error: str | None = None
        try:
            summary = extract_article(article, backend, strict=strict)
            predicted = json.loads(summary.model_dump_json())
            predictions.append(predicted)
        except TroopwatchError as e:
            error = str(e)
            predictions.append({"article_id": case.case_id, "error": error})
        scores.append(score_article(case.case_id, case.expected, predicted, case.text, error))
        if progress is not None:
            progress(case.case_id)
    return EvalRun(report=aggregate(scores), predictions=predictions)
