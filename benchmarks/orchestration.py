"""Batch orchestration throughput with an instant backend (not a test: run it by hand).

    .venv/bin/python benchmarks/orchestration.py [N] [--real]

Writes N article files, then times the whole path the CLI runs (read and decode files, find
figures, render prompts, validate the model's JSON, build and ground records, write JSONL with
an fsync per line, cache and run log) with a backend that answers at once. ``--real`` uses a
real 2,000-character golden article for every file instead of a one-sentence one.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pipeline.batch
from pipeline.backends.base import Completion, Usage
from pipeline.batch import BatchRunner, key_params, rebind, run_batch
from pipeline.cache import Cache
from pipeline.chunking import extract_long_article
from pipeline.settings import Settings
from pipeline.sources import Article, iter_articles

ROOT = Path(__file__).resolve().parent.parent


def _pinned(schema: dict[str, Any]) -> str:
    """The label a figures model pins this verdict to (a const in its JSON Schema)."""
    return schema["properties"]["figure"]["const"]


class Instant:
    """Answers every figure as troops sent and no exchanges, without any model or instructor."""

    name, model_id = "instant", "instant"

    def __init__(self) -> None:
        self.calls = 0

    def complete(self, messages, response_model, *, max_tokens=None):
        self.calls += 1
        if "exchanges" in response_model.model_fields:
            data = {"exchanges": []}
        else:
            # the schema a real backend sends (instructor asks the model for it on every call)
            verdicts = response_model.model_json_schema()["properties"]
            data = {
                key: {
                    "figure": _pinned(schema),
                    "counts": "troops sent",
                    "status": "ongoing",
                    "claimant": None,
                    "location": None,
                    "time_text": None,
                }
                for key, schema in verdicts.items()
            }
        raw = json.dumps(data)
        return Completion(
            parsed=response_model.model_validate_json(raw), raw_text=raw, usage=Usage()
        )


def _instant_backends() -> list[Instant]:
    return [Instant()]


def run(
    paths: list[str], out: Path, cache: Cache | None, concurrency: int, workers: int = 0
) -> tuple[float, int]:
    backend = Instant()
    runner = BatchRunner(
        [backend],
        params=key_params(Settings()),
        concurrency=concurrency,
        cache=cache,
        workers=workers,
        backend_factory=_instant_backends if workers else None,
    )
    started = time.perf_counter()
    report = run_batch(runner, iter_articles(paths), output=out, errors=out.with_suffix(".err"))
    elapsed = time.perf_counter() - started
    assert report.written == len(paths), report
    return elapsed, report.model_calls


def main() -> None:
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 2000))
    real = "--real" in sys.argv
    golden = (ROOT / "evals/golden/004_c708aba2ae581433.txt").read_text()
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        paths = []
        for i in range(n):
            p = d / "in" / f"a{i:05d}.txt"
            p.parent.mkdir(exist_ok=True)
            # a distinct figure in each article: no two texts, labels or response models alike
            body = golden if real else f"North Korea sent {2000 + i:,} workers to Russia."
            p.write_text(f"Dispatch of {months[i % 12]} {1 + i // 12}.\n\n{body}")
            paths.append(str(p))
        kind = "2,120-character golden article" if real else "one-sentence article"
        print(f"{n} files, each a {kind}")
        for label, concurrency, workers, use_cache in (
            ("no cache, 1 thread", 1, 0, False),
            ("no cache, 4 threads", 4, 0, False),
            ("no cache, 2 worker processes", 1, 2, False),
            ("cache (first run), 1 thread", 1, 0, True),
            ("cache hit re-run, 1 thread", 1, 0, True),
        ):
            cache = Cache(d / "cache.sqlite3") if use_cache else None
            out = d / f"out-{label[:5]}-{workers}.jsonl"
            elapsed, calls = run(paths, out, cache, concurrency, workers)
            if cache:
                cache.close()
            print(f"  {label:30s} {elapsed:6.2f} s  {n / elapsed:7.0f} articles/s  {calls} calls")
        # the batch machinery alone: read, schedule, write, cache; extraction returns at once
        canned = extract_long_article(Article("x", "North Korea sent 2,000 workers."), Instant())
        original = pipeline.batch.extract_long_article
        pipeline.batch.extract_long_article = lambda article, *a, **k: rebind(canned, article)
        try:
            elapsed, _ = run(paths, d / "out-machinery.jsonl", None, 1)
        finally:
            pipeline.batch.extract_long_article = original
        label = "machinery only, no cache"
        print(f"  {label:30s} {elapsed:6.2f} s  {n / elapsed:7.0f} articles/s")


if __name__ == "__main__":
    main()
