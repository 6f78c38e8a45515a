"""Output JSONL files: append-only writers (each finished article is on disk before the next
one starts) and a reader that turns the lines back into summaries."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pipeline.errors import InputError
from schemas.records import ArticleSummary


class JsonlWriter:
    """Write one JSON object per line, flushed per line and fsynced (``-`` is stdout).

    A flushed line is in the operating system's hands: it survives the process being killed.
    ``fsync_interval`` bounds what an OS crash or power cut could take: 0 fsyncs every line;
    a batch passes a fraction of a second, since one fsync costs about as much as extracting
    an article on a fast backend (group commit, as databases do). ``close`` always fsyncs.
    """

    def __init__(
        self, path: str | Path | None, *, append: bool = False, fsync_interval: float = 0.0
    ) -> None:
        self.path = None if path in (None, "-") else Path(path)
        self._fh: IO[str] | None = None
        self._append = append
        self._fsync_interval = fsync_interval
        self._synced_at = 0.0
        self._dirty = False

    def open(self) -> JsonlWriter:
        """Create (or truncate, or open for appending) the file now, before the first line."""
        self._handle()
        return self

    def _handle(self) -> IO[str]:
        if self._fh is None:
            if self.path is None:
                self._fh = sys.stdout
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = self.path.open("a" if self._append else "w", encoding="utf-8")
        return self._fh

    def write(self, obj: dict[str, Any] | str) -> None:
        line = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)
        fh = self._handle()
        fh.write(line + "\n")
        fh.flush()
        if self.path is not None:
            self._dirty = True
            now = time.monotonic()
            if now - self._synced_at >= self._fsync_interval:
                os.fsync(fh.fileno())
                self._synced_at, self._dirty = now, False

    def close(self) -> None:
        if self._fh is not None and self._fh is not sys.stdout:
            if self._dirty:
                os.fsync(self._fh.fileno())
            self._fh.close()
        self._fh = None

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class LineProblem:
    """A line of an output file that is not a valid ``ArticleSummary``."""

    lineno: int
    reason: str


@dataclass
class SummariesRead:
    """What ``read_summaries`` found: valid summaries in file order, and the bad lines."""

    summaries: list[ArticleSummary]
    problems: list[LineProblem]


def read_summaries(path: str | Path) -> SummariesRead:
    """Read an output JSONL file back into ``ArticleSummary`` objects.

    A malformed line (bad JSON, wrong fields) becomes a ``LineProblem`` with its line number and
    the reading goes on. A file that cannot be read at all raises ``InputError``.
    """
    from pydantic import ValidationError

    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not an output JSONL file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 text (byte {e.start}); is it an output JSONL?") from e
    result = SummariesRead([], [])
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            result.summaries.append(ArticleSummary.model_validate_json(line))
        except ValidationError as e:
            result.problems.append(LineProblem(lineno, _first_error(e)))
    return result


def _first_error(e: Exception) -> str:
    from pydantic import ValidationError

    if not isinstance(e, ValidationError):
        return str(e)
    errors = e.errors(include_url=False)
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"])
    if first["type"] == "json_invalid":
        return f"malformed JSON: {first['msg']}"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"not an article summary: {where or 'line'}: {first['msg']}{more}"
