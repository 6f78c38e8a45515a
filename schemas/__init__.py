"""Pydantic models of troopwatch's output contract, and its exported JSON Schema."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from schemas.records import (
    SCHEMA_VERSION,
    ArticleSummary,
    Attempts,
    Casualty,
    CasualtyType,
    Count,
    DatePrecision,
    Deployment,
    DeploymentStatus,
    Exchange,
    ExchangeCategory,
    ExchangeDraft,
    ExchangeDrafts,
    ExchangeStatus,
    FigureKind,
    FigureVerdict,
    Grounding,
    Hedge,
    PersonnelType,
    Provenance,
    Qualifier,
    RecordType,
    TimeSpan,
)

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "Attempts",
    "Casualty",
    "CasualtyType",
    "Count",
    "DatePrecision",
    "Deployment",
    "DeploymentStatus",
    "Exchange",
    "ExchangeCategory",
    "ExchangeDraft",
    "ExchangeDrafts",
    "ExchangeStatus",
    "FigureKind",
    "FigureVerdict",
    "Grounding",
    "Hedge",
    "PersonnelType",
    "Provenance",
    "Qualifier",
    "RecordType",
    "TimeSpan",
    "output_json_schema",
    "schema_hash",
]


def output_json_schema() -> dict[str, Any]:
    """JSON Schema of one output line (``ArticleSummary``)."""
    return ArticleSummary.model_json_schema()


@cache  # the schemas are fixed at import; building them costs ~20 ms, paid once per article
def schema_hash() -> str:
    """Short hash of every schema the pipeline depends on: the output and the model drafts.

    Stored in each output's provenance so results can be traced to the contract that made them.
    """
    parts = [m.model_json_schema() for m in (ArticleSummary, FigureVerdict, ExchangeDrafts)]
    blob = json.dumps(parts, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:12]
