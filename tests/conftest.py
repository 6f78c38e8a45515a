"""Every test gets its own extraction cache: tests never read or write the user's cache dir."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    path = tmp_path_factory.mktemp("cache") / "extractions.sqlite3"
    monkeypatch.setenv("TROOPWATCH_CACHE", str(path))
    return path
