"""troopwatch: typed, grounded records of North Korea's military support for Russia.

>>> from pipeline import summarize, Settings      # doctest: +SKIP
>>> s = summarize(text, settings=Settings(backend="local"))   # doctest: +SKIP
>>> s.deployments[0].count.best   # doctest: +SKIP
"""

from pipeline.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    ModelUnavailableError,
    TroopwatchError,
)
from pipeline.extract import BatchResult, summarize, summarize_batch
from pipeline.settings import Settings
from pipeline.sources import Article
from schemas import ArticleSummary

__all__ = [
    "Article",
    "ArticleSummary",
    "BatchResult",
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelUnavailableError",
    "Settings",
    "TroopwatchError",
    "summarize",
    "summarize_batch",
]
