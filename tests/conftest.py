"""Every test gets its own extraction cache: tests never read or write the user's cache dir.

Integration tests share ``model_path``, the embedded model (skipped with the reason when the
'local' extra or the model is missing).
"""

from __future__ import annotations

from pathlib import Path

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


@pytest.fixture(scope="session")
def model_path() -> Path:
    pytest.importorskip("llama_cpp", reason="the 'local' extra (llama-cpp-python) is not installed")
    from pipeline.errors import ModelUnavailableError
    from pipeline.model_store import embedded_model_path
    from pipeline.settings import default_cache_dir

    try:
        return embedded_model_path(default_cache_dir())
    except ModelUnavailableError as e:
        pytest.skip(f"embedded model not installed: {e}")
