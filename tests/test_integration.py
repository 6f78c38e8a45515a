"""Integration tests on real components: the embedded model, and a real OpenAI-compatible server.

They are skipped, with the reason, only when the 'local' extra is not installed. CI installs it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.quantities import count_in_text
from schemas import ArticleSummary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    ROOT / "evals" / "golden" / "000_bc9e0e36066b45ca.txt",
    ROOT / "evals" / "golden" / "004_c708aba2ae581433.txt",
]
SHORT = (
    "Ukraine's military intelligence said on Monday that about 3,000 North Korean soldiers "
    "had arrived in Russia's Belgorod region, and that at least 200 of them had been killed."
)

pytestmark = pytest.mark.integration


def _check_grounded_counts(summary: ArticleSummary, text: str) -> None:
    for record in [*summary.deployments, *summary.casualties]:
        assert count_in_text(record.count, text), record.count
        assert (
            text[record.grounding.evidence_start : record.grounding.evidence_end] == record.evidence
        )


def test_cli_extracts_the_seed_articles_with_the_embedded_model(model_path, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", *map(str, SEEDS), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    lines = out.read_text().splitlines()
    assert len(lines) == 2
    for line, seed in zip(lines, SEEDS, strict=True):
        summary = ArticleSummary.model_validate_json(line)
        assert summary.article_id == seed.stem
        assert summary.deployments, f"no deployments for {seed.name}"
        _check_grounded_counts(summary, seed.read_text(encoding="utf-8"))
        assert summary.provenance.backend == "local"
        assert summary.provenance.tokens_out > 0
    assert "2 articles extracted" in proc.stderr


def test_module_api_with_the_embedded_model(model_path):
    from pipeline import Settings, summarize

    summary = summarize(SHORT, article_id="short", settings=Settings(backend="local"))
    _check_grounded_counts(summary, SHORT)
    assert [d.count.best for d in summary.deployments] == [3000]
    assert summary.deployments[0].count.qualifier.value == "approximately"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def llama_server(model_path, tmp_path_factory):
    pytest.importorskip("llama_cpp.server", reason="llama-cpp-python[server] not installed")
    port = _free_port()
    # a file, not a pipe: llama.cpp logs enough at load time to fill a pipe and block the server
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--model_alias",
            "embedded",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"llama_cpp.server exited: {log_path.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"llama_cpp.server did not start in 120 s: {log_path.read_text()[-2000:]}")
    yield f"http://127.0.0.1:{port}/v1"
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def test_batch_against_a_real_local_server(llama_server, tmp_path):
    """The batch path end to end on a real server: concurrency, a duplicate, a bad input, the
    cache; the re-run is served from the cache without a request."""
    (tmp_path / "short.txt").write_text(SHORT)
    (tmp_path / "again.txt").write_text(SHORT)  # the same text: extracted once
    (tmp_path / "empty.txt").write_text("")
    cache = tmp_path / "cache.sqlite3"

    def run(
        out: Path, names=("short.txt", "again.txt", "empty.txt"), *more: str
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "extract",
                *(str(tmp_path / n) for n in names),
                "-o",
                str(out),
                "--backend",
                "openai",
                "--base-url",
                llama_server,
                "--model",
                "embedded",
                "--response-format",
                "json_object",
                "--concurrency",
                "2",
                "--cache",
                str(cache),
                *more,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )

    first = run(tmp_path / "out.jsonl")
    assert first.returncode == 1, first.stderr  # the empty file: partial success
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    summaries = [ArticleSummary.model_validate_json(line) for line in lines]
    assert [s.article_id for s in summaries] == ["short", "again"]
    summary = summaries[0]
    assert summary.provenance.backend == "openai"
    assert [d.count.best for d in summary.deployments] == [3000]
    assert summaries[1].deployments == summary.deployments
    _check_grounded_counts(summary, SHORT)
    errors = (tmp_path / "out.jsonl.errors.jsonl").read_text()
    assert '"stage": "empty"' in errors

    second = run(tmp_path / "again.jsonl")
    assert second.returncode == 1, second.stderr
    assert "2 from cache" in second.stderr and "0 model calls" in second.stderr
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()

    # worker processes ask the same server and write the same records
    third = run(tmp_path / "workers.jsonl", ("short.txt",), "--workers", "2", "--no-cache")
    assert third.returncode == 0, third.stderr
    assert "1 articles extracted" in third.stderr and "0 from cache" in third.stderr
    by_workers = ArticleSummary.model_validate_json((tmp_path / "workers.jsonl").read_text())
    assert by_workers.deployments == summary.deployments


def test_unreachable_server_is_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SHORT)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "extract",
            str(article),
            "--backend",
            "openai",
            "--base-url",
            f"http://127.0.0.1:{_free_port()}/v1",
            "--model",
            "m",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "TROOPWATCH_MAX_TRANSPORT_RETRIES": "1"},
    )
    assert proc.returncode == 4
    assert "Traceback" not in proc.stderr
    assert "TROOPWATCH_BASE_URL" in proc.stderr.strip().splitlines()[-1]
