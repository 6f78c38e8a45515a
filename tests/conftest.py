"""Every test gets its own extraction cache: tests never read or write the user's cache dir."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    path = tmp_path_factory.mktemp("cache") / "extractions.sqlite3"
    monkeypatch.setenv("TROOPWATCH_CACHE", str(path))
    return path


@pytest.fixture
def fast_backoff(monkeypatch):
    """Transport backoff of ~50 ms instead of ~0.5 s; Retry-After is still obeyed as sent."""
    import pipeline.backends.base as base

    original = base.backoff_wait
    monkeypatch.setattr(base, "backoff_wait", lambda b=0.05, cap=30.0: original(b, cap))
