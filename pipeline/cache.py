"""The extraction cache and run log: one SQLite file, safe for concurrent threads and processes.

An extraction is keyed by everything that decides its output: the article's sha256, the prompt
version, the schema hash, the backend and model, the decoding parameters and the settings that
change records (strict grounding, chunk size, the reference date). The value is the validated
``ArticleSummary`` JSON plus the raw completion(s), usage and latency, so a re-run of an unchanged
batch makes no model calls and a result can be audited against what the model wrote.

Only successes are cached: a failure costs nothing to keep and is worth retrying. Nothing that
identifies a server or a credential goes in: no base URL, no API key, no headers.

Concurrency: WAL mode (readers never block the writer) and a busy timeout (writers from other
processes wait instead of failing); in one process a lock serialises the shared connection.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    key TEXT PRIMARY KEY,
    article_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    schema_hash TEXT NOT NULL,
    params TEXT NOT NULL,
    output TEXT NOT NULL,
    raw TEXT NOT NULL,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    latency_s REAL NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started REAL NOT NULL,
    finished REAL,
    command TEXT NOT NULL,
    params TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS run_articles (
    run_id TEXT NOT NULL,
    article_id TEXT,
    source TEXT,
    article_sha256 TEXT,
    status TEXT NOT NULL,
    cached INTEGER NOT NULL,
    stage TEXT,
    reason TEXT,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS run_articles_run ON run_articles (run_id);
"""


def cache_key(parts: Mapping[str, Any]) -> str:
    """The sha256 of the key parts, serialised canonically (sorted keys)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class CachedExtraction:
    """What the cache holds for one key."""

    output: str  # ArticleSummary JSON as first extracted (its id and source are that article's)
    raw: list[str]
    tokens_in: int
    tokens_out: int
    latency_s: float


class Cache:
    """Cached extractions and the run log in one SQLite file (created on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit: every statement is its own transaction, so no writer holds the lock
            # between statements; check_same_thread off because worker threads share it (locked)
            self._db = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable across app crashes
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as e:
            raise ConfigError(
                f"cannot open the cache {self.path}: {e}; choose another file with --cache / "
                "TROOPWATCH_CACHE, or run with --no-cache"
            ) from e
        self._lock = threading.Lock()

    # -- extractions --------------------------------------------------------------------------

    def get(self, key: str) -> CachedExtraction | None:
        """The cached extraction for ``key``, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT output, raw, tokens_in, tokens_out, latency_s FROM extractions "
                "WHERE key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        return CachedExtraction(row[0], json.loads(row[1]), row[2], row[3], row[4])

    def put(
        self,
        key: str,
        parts: Mapping[str, Any],
        output: str,
        raw: list[str],
        *,
        tokens_in: int = 0,
        tokens_out: int = 0,
        latency_s: float = 0.0,
    ) -> None:
        """Store one validated extraction (the first writer of a key wins)."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO extractions (key, article_sha256, model, prompt_version, "
                "schema_hash, params, output, raw, tokens_in, tokens_out, latency_s, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    str(parts.get("article_sha256", "")),
                    str(parts.get("model", "")),
                    str(parts.get("prompt_version", "")),
                    str(parts.get("schema_hash", "")),
                    json.dumps(parts, sort_keys=True, default=str),
                    output,
                    json.dumps(raw, ensure_ascii=False),
                    tokens_in,
                    tokens_out,
                    latency_s,
                    time.time(),
                ),
            )

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM extractions").fetchone()[0]

    # -- run log ------------------------------------------------------------------------------

    def start_run(self, command: str, params: Mapping[str, Any]) -> str:
        """Open a run in the log; returns its id."""
        run_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        with self._lock:
            self._db.execute(
                "INSERT INTO runs (run_id, started, command, params) VALUES (?, ?, ?, ?)",
                (run_id, time.time(), command, json.dumps(params, sort_keys=True, default=str)),
            )
        return run_id

    def log_article(
        self,
        run_id: str,
        *,
        article_id: str | None,
        source: str | None,
        sha256: str | None,
        status: str,
        cached: bool,
        stage: str | None = None,
        reason: str | None = None,
    ) -> None:
        """One article's outcome in a run: ok, failed, duplicate or skipped (resume)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO run_articles (run_id, article_id, source, article_sha256, status, "
                "cached, stage, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    article_id,
                    source,
                    sha256,
                    status,
                    int(cached),
                    stage,
                    reason,
                    time.time(),
                ),
            )

    def finish_run(self, run_id: str) -> None:
        with self._lock:
            self._db.execute("UPDATE runs SET finished = ? WHERE run_id = ?", (time.time(), run_id))

    def run_log(self, run_id: str) -> list[dict[str, Any]]:
        """The articles of one run, in the order they were logged."""
        with self._lock:
            cur = self._db.execute(
                "SELECT article_id, source, article_sha256, status, cached, stage, reason "
                "FROM run_articles WHERE run_id = ? ORDER BY rowid",
                (run_id,),
            )
            names = [c[0] for c in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
