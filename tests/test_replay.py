"""Replay completions recorded from the real embedded model (tests/fixtures/recorded/).

The recorded raw outputs go through the real instructor parsing and our record building; the
result must equal what the pipeline produced when they were recorded. A change in figure
detection, grounding or record building that alters real-model results fails here, without a
model. Re-record with tests/fixtures/recorded/record.py after an intended change.
"""

from __future__ import annotations

import json

import pytest

from pipeline.extract import extract_article
from pipeline.sources import Article
from tests.fakes import RECORDED, fake_backend

CASES = sorted(RECORDED.glob("*.json"))
GOLDEN = RECORDED.parent.parent.parent / "evals" / "golden"


def _comparable(summary: dict) -> dict:
    summary = dict(summary)
    provenance = dict(summary.pop("provenance"))
    for volatile in ("latency_s", "tokens_in", "tokens_out", "source", "prompt_version"):
        provenance.pop(volatile)
    return {**summary, "provenance": provenance}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_recorded_completions_rebuild_the_recorded_summary(path):
    recording = json.loads(path.read_text())
    text = (GOLDEN / recording["source"]).read_text(encoding="utf-8")
    backend, _ = fake_backend(recording["completions"], max_validation_retries=0)
    backend.model_id = recording["summary"]["provenance"]["model"]
    backend.name = recording["summary"]["provenance"]["backend"]
    summary = extract_article(Article(id=path.stem, text=text, source="replay"), backend)
    got = _comparable(json.loads(summary.model_dump_json()))
    assert got == _comparable(recording["summary"])
    assert summary.records, "a recording should exercise record building"


def test_there_is_at_least_one_recording():
    assert CASES, "record one with tests/fixtures/recorded/record.py"
