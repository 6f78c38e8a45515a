"""The openai backend and the batch against a fault-injection server on 127.0.0.1 (no network).

Real HTTP, the real openai SDK, tenacity and instructor: 429 with Retry-After, 500, cut-off
bodies, answers slower than the timeout, dropped connections and invalid model output.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.backends.openai_compat import OpenAICompatBackend
from pipeline.batch import BatchRunner, run_batch
from pipeline.cli import app
from pipeline.errors import ExtractionError, ModelUnavailableError
from pipeline.extract import extract_article
from pipeline.settings import Settings
from pipeline.sources import Article
from tests.fault_server import FaultServer

ROOT = Path(__file__).resolve().parent.parent


def text(i: int) -> str:
    return f"North Korea sent {1000 + i:,} workers to Russia, officials said."


def backend(url: str, **kw) -> OpenAICompatBackend:
    options = {"max_transport_retries": 3, "request_timeout_s": 0.5, **kw}
    return OpenAICompatBackend(Settings(backend="openai", model="m", base_url=url, **options))


def test_retry_after_on_429_is_waited_for(fast_backoff):
    with FaultServer(["429:1.2", "ok", "ok"]) as server:
        summary = extract_article(Article("a", text(1)), backend(server.url))
    first, second = server.log[0].at, server.log[1].at
    assert second - first >= 1.2  # not the 50 ms backoff
    assert server.actions() == ["429:1.2", "ok", "ok"]
    attempts = summary.provenance.attempts
    assert (attempts.transport_retries, attempts.model_calls) == (1, 2)


def test_5xx_cut_off_bodies_timeouts_and_drops_are_retried(fast_backoff):
    faults = ["500", "malformed", "slow:2", "drop"]
    with FaultServer([*faults, "ok", "ok"]) as server:
        summary = extract_article(
            Article("a", text(1)), backend(server.url, max_transport_retries=4)
        )
    assert server.actions()[:4] == faults and len(server.log) == 6
    assert summary.provenance.attempts.transport_retries == 4
    assert [d.count.best for d in summary.deployments] == [1001]


def test_transport_retries_are_bounded(fast_backoff):
    with FaultServer(plan=lambda n, body: "500") as server:
        with pytest.raises(ModelUnavailableError, match="HTTP 500 after 3 attempt"):
            extract_article(Article("a", text(1)), backend(server.url, max_transport_retries=2))
    assert len(server.log) == 3


def test_invalid_model_output_is_reasked_then_reported_with_the_last_raw_output(fast_backoff):
    with FaultServer(plan=lambda n, body: "invalid") as server:
        with pytest.raises(ExtractionError) as info:
            extract_article(Article("a", text(1)), backend(server.url, max_validation_retries=2))
    assert len(server.log) == 3  # one answer and two re-asks, then it gives up
    assert info.value.attempts == 3 and info.value.last_raw.startswith("Sure!")


def test_a_flaky_fleet_finishes_the_batch_with_each_article_once(fast_backoff, tmp_path):
    """Two servers, one failing now and then; 8 articles 4 at a time, each extracted once."""
    faults = ["500", "429:0.2", "drop", "malformed"]
    # answers take 0.1 s, as a model's would, so requests overlap
    flaky = FaultServer(plan=lambda n, body: faults[n // 3 % 4] if n % 3 == 1 else "slow:0.1")
    steady = FaultServer(plan=lambda n, body: "slow:0.1")
    with flaky, steady:
        settings = Settings(
            backend="openai",
            model="m",
            base_url=f"{flaky.url},{steady.url}",
            concurrency=4,
            request_timeout_s=2,
            max_transport_retries=4,
        )
        runner = BatchRunner.from_settings(settings)
        items = [Article(f"a{i}", text(i), source=f"a{i}.txt") for i in range(8)]
        report = run_batch(runner, items, output=tmp_path / "o.jsonl", errors=tmp_path / "e.jsonl")
    out = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert [o["article_id"] for o in out] == [f"a{i}" for i in range(8)]
    assert report.failed == 0 and (tmp_path / "e.jsonl").read_text() == ""
    assert {h.action for h in flaky.log} >= set(faults)  # every kind of fault was served...
    assert sum(o["provenance"]["attempts"]["transport_retries"] for o in out) > 0  # ...and retried
    assert len(steady.log) == 8  # four articles, two passes each: servers used in turn
    assert flaky.max_in_flight + steady.max_in_flight >= 3


def test_cli_ledger_shows_the_article_whose_server_gave_up_and_the_batch_goes_on(
    fast_backoff, tmp_path, monkeypatch
):
    monkeypatch.setenv("TROOPWATCH_MAX_TRANSPORT_RETRIES", "1")
    (tmp_path / "a.txt").write_text(text(1))
    (tmp_path / "b.txt").write_text(text(2))
    # a's first pass meets two 500s (retries used up); b then goes through
    with FaultServer(["500", "500"]) as server:
        result = CliRunner().invoke(
            app,
            [
                "extract",
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
                "-o",
                str(tmp_path / "o.jsonl"),
                "--backend",
                "openai",
                "--model",
                "m",
                "--base-url",
                server.url,
                "--no-cache",
            ],
        )
    assert result.exit_code == 1, result.output
    (err,) = [json.loads(x) for x in (tmp_path / "o.jsonl.errors.jsonl").read_text().splitlines()]
    assert (err["article_id"], err["stage"]) == ("a", "transport")
    assert "HTTP 500 after 2 attempt" in err["reason"]
    assert [
        json.loads(x)["article_id"] for x in (tmp_path / "o.jsonl").read_text().splitlines()
    ] == ["b"]


def _extract_cmd(paths, out, url, *extra):
    return [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        *map(str, paths),
        "-o",
        str(out),
        "--backend",
        "openai",
        "--model",
        "m",
        "--base-url",
        url,
        "-q",
        *extra,
    ]


def test_killed_run_resumed_equals_an_uninterrupted_run(tmp_path):
    """SIGKILL a real CLI process mid-batch, --resume it: same articles, each exactly once."""
    paths = []
    for i in range(10):
        paths.append(tmp_path / f"a{i:02d}.txt")
        paths[-1].write_text(text(i))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with FaultServer(plan=lambda n, body: "slow:0.15") as server:
        reference = tmp_path / "ref.jsonl"
        subprocess.run(
            _extract_cmd(paths, reference, server.url, "--no-cache"),
            env=env,
            check=True,
            timeout=120,
        )
        out = tmp_path / "out.jsonl"
        proc = subprocess.Popen(
            _extract_cmd(paths, out, server.url, "--no-cache", "--concurrency", "2"), env=env
        )
        deadline = time.time() + 60
        while time.time() < deadline and (not out.exists() or out.read_text().count("\n") < 3):
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed_at = out.read_text().count("\n")
        assert 3 <= killed_at < 10, "the run should be killed mid-batch"
        with out.open("a") as fh:
            fh.write('{"article_id": "a09", "summ')  # and as if cut off mid-line
        resumed = subprocess.run(
            _extract_cmd(paths, out, server.url, "--no-cache", "--resume", "--concurrency", "2"),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert resumed.returncode == 0, resumed.stderr
    assert "dropped a cut-off last line" in resumed.stderr
    got = [json.loads(line) for line in out.read_text().splitlines()]
    want = [json.loads(line) for line in reference.read_text().splitlines()]
    assert [g["article_id"] for g in got] == [w["article_id"] for w in want]  # once each, in order
    strip = lambda s: {k: v for k, v in s.items() if k != "provenance"}  # noqa: E731
    assert [strip(g) for g in got] == [strip(w) for w in want]
