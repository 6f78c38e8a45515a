"""The exception tree. Everything troopwatch raises on purpose derives from ``TroopwatchError``.

The CLI maps each class to an exit code and prints ``str(error)`` as a one-line message; library
users catch ``TroopwatchError``. Third-party errors are wrapped with ``raise ... from e``.
"""

from __future__ import annotations


class TroopwatchError(Exception):
    """Root of every error troopwatch raises on purpose."""

    exit_code = 1


class ConfigError(TroopwatchError):
    """A setting is missing or invalid; the message names the flag or variable to set."""

    exit_code = 2


class InputError(TroopwatchError):
    """An input could not be read as an article (empty, binary, malformed)."""

    exit_code = 3


class ArticleTooLongError(InputError):
    """An article too long to extract even in chunks; the message names the limit."""


class ModelUnavailableError(TroopwatchError):
    """The model file or the server behind a backend cannot be reached or loaded."""

    exit_code = 4


class ExtractionError(TroopwatchError):
    """The backend answered but no valid extraction came out of it.

    ``attempts`` counts completions requested; ``last_raw`` keeps the last raw model output so a
    user can see what the model wrote.
    """

    exit_code = 5

    def __init__(self, message: str, *, attempts: int = 0, last_raw: str | None = None):
        super().__init__(message)
        self.attempts = attempts
        self.last_raw = last_raw
