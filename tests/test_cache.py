"""The SQLite cache: concurrent writers (threads and processes), and no secrets on disk."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from typer.testing import CliRunner

import pipeline.backends
from pipeline.cache import Cache, cache_key
from pipeline.cli import app
from tests.fakes import answering_backend

ROOT = Path(__file__).resolve().parent.parent


def _put(cache: Cache, who: str, n: int) -> None:
    for i in range(n):
        parts = {"article_sha256": f"{who}-{i}", "model": "m"}
        cache.put(cache_key(parts), parts, json.dumps({"i": i}), [f"raw {i}"], tokens_in=i)


def test_threads_share_one_cache(tmp_path):
    with Cache(tmp_path / "c.sqlite3") as cache:
        threads = [threading.Thread(target=_put, args=(cache, f"t{t}", 50)) for t in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(cache) == 400
        hit = cache.get(cache_key({"article_sha256": "t3-7", "model": "m"}))
        assert hit is not None and hit.raw == ["raw 7"] and hit.tokens_in == 7


WRITER = """
import sys
from pipeline.cache import Cache
from tests.test_cache import _put
with Cache(sys.argv[1]) as cache:
    _put(cache, sys.argv[2], 200)
"""


def test_processes_write_one_cache_at_once(tmp_path):
    path = tmp_path / "c.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"p{p}"],
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in range(3)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err  # no "database is locked"
    with Cache(path) as cache:
        assert len(cache) == 600


def test_api_keys_and_headers_never_reach_the_cache_file(tmp_path, monkeypatch):
    secret = "sk-live-troopwatch-secret-0123456789"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    backend, model = answering_backend()
    seen: list = []
    monkeypatch.setattr(
        pipeline.backends, "make_backends", lambda settings: seen.append(settings) or [backend]
    )
    (tmp_path / "a.txt").write_text("North Korea sent 2,000 workers to Russia, officials said.")
    cache = tmp_path / "c.sqlite3"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(tmp_path / "a.txt"),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--cache",
            str(cache),
            "--backend",
            "openai",
            "--model",
            "m",
        ],
    )
    assert result.exit_code == 0, result.output
    assert model.calls == 2 and seen[0].api_key() == secret  # the key was there to be leaked
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("c.sqlite3*"))
    assert b"2,000 workers" in stored  # the raw answers are there (main file or its WAL)
    for needle in (secret.encode(), b"Authorization", b"Bearer", b"OPENAI_API_KEY"):
        assert needle not in stored, needle
