"""Batch runs that survive faults: many articles, requests in flight, a cache, no lost work.

``BatchRunner.run`` turns inputs (articles and input problems) into one ``Outcome`` each, **in input
order**, while up to ``concurrency`` articles are extracted at once on a thread pool. ``run_batch``
writes those outcomes: each summary appended (flushed, fsynced) to the output JSONL, each failure
to the errors JSONL, each outcome to the run log.

Why threads, not asyncio: the backends are synchronous (llama.cpp in-process; openai's sync
client, which is thread-safe) and most of an article's time is waiting on the server, so a pool
of ``concurrency`` threads gives ``concurrency`` requests in flight without a second, async code
path through the backends, and works where an event loop already runs (notebooks).
``asyncio.to_thread`` would run the same threads under an extra layer.

Why input order: the output of a run is the same file whatever the timing (and a resumed run
ends with the same file as an uninterrupted one). Results are taken from the pool strictly in
order, at most ``4 * concurrency`` ahead, so one slow article holds back the writing of a few
finished ones for a while, never the work: each extraction is in the cache the moment it ends.

Several backends (servers) are used in turn, one article per server so both passes over an
article hit the same server's prefix cache; an article whose server is unreachable is tried on
the next. After ``max_consecutive_unavailable`` articles in a row found no server, the run
stops (``stopped``): what finished is written, the rest is left for ``--resume``.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import Any

from pipeline.backends import Backend, Completion
from pipeline.backends.base import Messages, T
from pipeline.backends.replay import Answer, ReplayBackend, messages_sha256
from pipeline.cache import Cache, cache_key
from pipeline.chunking import extract_long_article
from pipeline.errors import (
    ArticleTooLongError,
    ConfigError,
    ExtractionError,
    ModelUnavailableError,
    TroopwatchError,
)
from pipeline.output import JsonlWriter
from pipeline.prompting import prompt_version
from pipeline.settings import Settings
from pipeline.sources import Article, InputProblem
from schemas import ArticleSummary, schema_hash

# Output lines are flushed at once (safe from a kill); fsynced at most this often (safe from
# an OS crash but for the last fraction of a second, which --resume and the cache redo for free).
FSYNC_INTERVAL_S = 0.2

# Modules whose code turns completions into records: a change here rebuilds cached records.
_RECORD_CODE = (
    "pipeline.extract",
    "pipeline.claims",
    "pipeline.figures",
    "pipeline.grounding",
    "pipeline.quantities",
    "pipeline.dates",
    "pipeline.clean",
    "pipeline.chunking",
    "schemas.records",
)


@cache
def code_version() -> str:
    """Hash of the code that builds records from completions."""
    digest = hashlib.sha256()
    for name in _RECORD_CODE:
        module = importlib.import_module(name)
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


def key_params(settings: Settings) -> dict[str, Any]:
    """The settings that change an extraction's output (part of every cache key).

    Servers, keys, timeouts and concurrency change how an answer is fetched, not what it says,
    and stay out.
    """
    return {
        "temperature": settings.temperature,
        "max_tokens": settings.max_tokens,
        "response_format": settings.response_format if settings.backend == "openai" else None,
        "max_validation_retries": settings.max_validation_retries,
        "strict": settings.strict,
        "max_article_chars": settings.max_article_chars,
    }


# ------------------------------------------------------------------------------------------
# Outcomes
# ------------------------------------------------------------------------------------------


def stage_of(error: BaseException) -> str:
    """The pipeline stage an extraction error belongs to (the errors file's ``stage``)."""
    if isinstance(error, ArticleTooLongError):
        return "too_long"
    if isinstance(error, ModelUnavailableError):
        return "transport"
    if isinstance(error, ConfigError):
        return "config"
    if isinstance(error, ExtractionError):
        # answers came back but none validated; zero answers: the server refused the request
        return "validate" if error.attempts else "extract"
    return "extract"


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    item: Article | InputProblem
    summary: ArticleSummary | None = None
    error: BaseException | None = None
    stage: str | None = None
    cached: bool = False
    duplicate_of: str | None = None  # same text as this earlier article (records copied)
    skipped: bool = False  # already in the output (resume), or the same input given twice

    @property
    def article_id(self) -> str | None:
        return self.item.id if isinstance(self.item, Article) else self.item.article_id

    @property
    def source(self) -> str:
        return self.item.source

    @property
    def ok(self) -> bool:
        return self.summary is not None

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        if self.summary is not None:
            return "duplicate" if self.duplicate_of else "ok"
        return "failed"

    @property
    def reason(self) -> str | None:
        if isinstance(self.item, InputProblem):
            return self.item.reason
        if self.error is None:
            return None
        text = str(self.error).strip() or type(self.error).__name__
        if not isinstance(self.error, TroopwatchError):
            text = f"internal error ({type(self.error).__name__}): {text}"
        return text

    def error_entry(self) -> dict[str, Any]:
        """The errors-JSONL line for a failed input."""
        entry: dict[str, Any] = {
            "article_id": self.article_id,
            "source": self.source,
            "stage": self.stage,
            "reason": self.reason,
        }
        if self.duplicate_of:
            entry["duplicate_of"] = self.duplicate_of
        if isinstance(self.error, ExtractionError):
            entry["attempts"] = self.error.attempts
            entry["last_raw"] = self.error.last_raw
        return entry


class _Recorder:
    """Passes calls to a backend and keeps what each one answered (for the cache)."""

    def __init__(self, backend: Backend) -> None:
        self.inner = backend
        self.name = backend.name
        self.model_id = backend.model_id
        self.answers: list[dict[str, Any]] = []

    def complete(
        self, messages: Messages, response_model: type[T], *, max_tokens: int | None = None
    ) -> Completion[T]:
        completion = self.inner.complete(messages, response_model, max_tokens=max_tokens)
        self.answers.append(
            {
                "messages_sha256": messages_sha256(messages),
                "content": completion.raw_text,
                "prompt_tokens": completion.usage.prompt_tokens,
                "completion_tokens": completion.usage.completion_tokens,
                "latency_s": round(completion.latency_s, 3),
            }
        )
        return completion


def rebind(summary: ArticleSummary, article: Article) -> ArticleSummary:
    """A summary extracted from the same text, under this article's id and source."""
    provenance = summary.provenance.model_copy(update={"source": article.source})
    return summary.model_copy(update={"article_id": article.id, "provenance": provenance})


# ------------------------------------------------------------------------------------------
# The runner
# ------------------------------------------------------------------------------------------


# The runner of a worker process (``BatchRunner`` with ``workers``), built once per process,
# and its threads (``concurrency`` requests in flight per process).
_WORKER: BatchRunner | None = None
_WORKER_THREADS: ThreadPoolExecutor | None = None


def _start_worker(
    backend_factory: Callable[[], Sequence[Backend]],
    params: Mapping[str, Any],
    cache_path: Path | None,
    concurrency: int,
) -> None:
    global _WORKER, _WORKER_THREADS
    _WORKER = BatchRunner(
        backend_factory(), params=params, cache=Cache(cache_path) if cache_path else None
    )
    _WORKER_THREADS = ThreadPoolExecutor(concurrency, thread_name_prefix="troopwatch")


def _extract_in_worker(work: list[tuple[Article, int] | None]) -> list[Outcome | None]:
    """``BatchRunner.extract_one`` in a worker process for a few articles, with outcomes that
    pickle."""
    assert _WORKER is not None and _WORKER_THREADS is not None, "worker process not started"
    worker = _WORKER

    def one(entry: tuple[Article, int] | None) -> Outcome | None:
        if entry is None:  # cancelled before it was sent
            return None
        outcome = worker.extract_one(*entry)
        if outcome.error is not None and not isinstance(outcome.error, TroopwatchError):
            # a third-party exception may not survive pickling: keep its type and message
            error = RuntimeError(f"{type(outcome.error).__name__}: {outcome.error}")
            outcome = replace(outcome, error=error)
        return outcome

    return list(_WORKER_THREADS.map(one, work))


# Articles sent to a worker process at once: a task costs about 0.5 ms of the main process's
# time (pickling, pipes, a future), more than our code spends on a short article. A process
# extracts its chunk on ``concurrency`` threads.
_CHUNK = 16


class _Chunks:
    """Sends articles to a process pool a few at a time; ``submit`` returns a handle per article
    that acts as its future (``result``, ``cancel``, ``cancelled``)."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.open: list[tuple[Article, int] | None] = []
        self.handles: list[_InChunk] = []

    def submit(self, article: Article, slot: int) -> _InChunk:
        handle = _InChunk(self, len(self.open))
        self.open.append((article, slot))
        self.handles.append(handle)
        if len(self.open) >= _CHUNK:
            self.flush()
        return handle

    def flush(self) -> None:
        if not self.open:
            return
        future = self.pool.submit(_extract_in_worker, self.open)
        for handle in self.handles:
            handle.future = future
        self.open, self.handles = [], []


class _InChunk:
    """One article of a chunk: its outcome is the chunk's result at its index."""

    def __init__(self, chunks: _Chunks, index: int) -> None:
        self.chunks, self.index = chunks, index
        self.future: Future | None = None
        self._cancelled = False

    def result(self) -> Outcome:
        if self.future is None:
            self.chunks.flush()
        assert self.future is not None
        outcome = self.future.result()[self.index]
        assert outcome is not None, "a cancelled article's outcome was asked for"
        return outcome

    def cancel(self) -> bool:
        if self.future is None:  # not sent yet: it never will be
            self.chunks.open[self.index] = None
            self._cancelled = True
            return True
        return self.future.cancel()

    def cancelled(self) -> bool:
        return self._cancelled or (self.future is not None and self.future.cancelled())


class BatchRunner:
    """Extract many articles through one or more backends, with a cache, in input order.

    ``workers`` > 0 extracts in that many processes, each with ``concurrency`` threads (so
    ``workers * concurrency`` requests in flight): our own code (finding figures, building and
    grounding records, about 3 ms per article) then runs on every core, which matters only when
    the servers answer faster than one core keeps up with. Articles go to the processes
    ``_CHUNK`` at a time. Each process makes its own backends with ``backend_factory`` (clients
    do not cross processes) and opens the cache file itself. Not for the local model, which
    would be loaded once per process.
    """

    def __init__(
        self,
        backends: Sequence[Backend],
        *,
        params: Mapping[str, Any] | None = None,
        concurrency: int = 1,
        cache: Cache | None = None,
        max_consecutive_unavailable: int | None = None,
        workers: int = 0,
        backend_factory: Callable[[], Sequence[Backend]] | None = None,
    ) -> None:
        if workers and backend_factory is None:
            raise ConfigError("worker processes need a backend factory to make their backends")
        self.backends = list(backends)
        self.params = dict(params or key_params(Settings(backend="local")))
        self.concurrency = max(1, concurrency)
        self.cache = cache
        self.workers = max(0, workers)
        self.backend_factory = backend_factory
        self.max_consecutive_unavailable = max_consecutive_unavailable or max(
            5, 2 * max(self.concurrency, self.workers)
        )
        self.stopped: TroopwatchError | None = None
        self.not_attempted = 0

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        backends: Sequence[Backend] | None = None,
        cache: Cache | None = None,
    ) -> BatchRunner:
        """A runner for ``settings``: one backend per server, the local model one at a time."""
        from pipeline.backends import make_backends

        backends = list(backends) if backends is not None else make_backends(settings)
        # llama.cpp runs one completion at a time; more threads would only queue on its lock
        concurrency = 1 if settings.backend == "local" else settings.concurrency
        workers = 0 if settings.backend == "local" else settings.workers
        return cls(
            backends,
            params=key_params(settings),
            concurrency=concurrency,
            cache=cache,
            workers=workers,
            backend_factory=partial(make_backends, settings) if workers else None,
        )

    def _pool(self) -> tuple[Executor, Callable[[Article, int], Any]]:
        """The executor that extracts, and how to submit one article to it."""
        if not self.workers:
            threads = ThreadPoolExecutor(self.concurrency, thread_name_prefix="troopwatch")
            return threads, partial(threads.submit, self.extract_one)
        # fork where there is one: a worker starts in milliseconds with the modules loaded
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        processes = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(
                self.backend_factory,
                self.params,
                self.cache.path if self.cache is not None else None,
                self.concurrency,
            ),
        )
        return processes, _Chunks(processes).submit

    # -- one article ---------------------------------------------------------------------------

    def _key_parts(self, article: Article, backend: Backend) -> dict[str, Any]:
        return {
            "article_sha256": article.sha256,
            "prompt_version": prompt_version(),
            "schema_hash": schema_hash(),
            "backend": backend.name,
            "model": backend.model_id,
            "reference_date": article.reference_date.isoformat()
            if article.reference_date
            else None,
            **self.params,
        }

    def _from_cache(self, article: Article, key: str) -> ArticleSummary | ExtractionError | None:
        assert self.cache is not None
        hit = self.cache.get(key)
        if hit is None:
            return None
        stored = json.loads(hit.output)
        if "error" in stored:  # the model answered, never validly: it would again
            e = stored["error"]
            return ExtractionError(e["message"], attempts=e["attempts"], last_raw=e["last_raw"])
        if stored.get("code_version") == code_version():
            return rebind(ArticleSummary.model_validate(stored["summary"]), article)
        # the record-building code changed since: rebuild the records from the stored answers
        summary = ArticleSummary.model_validate(stored["summary"])
        replay = ReplayBackend(
            summary.provenance.backend,
            summary.provenance.model,
            [Answer(a["content"], a["messages_sha256"]) for a in hit.raw],
        )
        try:
            rebuilt = extract_long_article(
                article,
                replay,
                strict=bool(self.params.get("strict")),
                max_chars=int(self.params.get("max_article_chars") or 12_000),
            )
        except ExtractionError:
            return None  # the stored answers no longer fit the questions: ask the model
        if not replay.exhausted:
            return None
        return rebuilt.model_copy(
            update={"provenance": summary.provenance.model_copy(update={"source": article.source})}
        )

    def extract_one(self, article: Article, slot: int = 0) -> Outcome:
        """One article: from the cache, else from backend ``slot`` (then the others in turn)."""
        try:
            if not self.backends:
                raise ConfigError("no backend to extract with")
            if self.cache is not None:
                key = cache_key(self._key_parts(article, self.backends[slot]))
                cached = self._from_cache(article, key)
                if isinstance(cached, ExtractionError):
                    return Outcome(article, error=cached, stage="validate", cached=True)
                if cached is not None:
                    return Outcome(article, summary=cached, cached=True)
            last: TroopwatchError | None = None
            n = len(self.backends)
            for i in range(n):
                backend = self.backends[(slot + i) % n]
                # what each call answered is kept for the cache only: without one, the
                # messages' hash (two JSON dumps and SHA-256s per article) is not computed
                recorder = _Recorder(backend) if self.cache is not None else None
                try:
                    summary = extract_long_article(
                        article,
                        recorder or backend,
                        strict=bool(self.params.get("strict")),
                        max_chars=int(self.params.get("max_article_chars") or 12_000),
                    )
                except ModelUnavailableError as e:
                    last = e  # another server of the fleet may answer
                    continue
                except ExtractionError as e:
                    self._remember_failure(article, backend, e)
                    raise
                if self.cache is not None and recorder is not None:
                    parts = self._key_parts(article, backend)
                    self.cache.put(
                        cache_key(parts),
                        parts,
                        # nested by hand: the summary is serialised once, not round-tripped
                        f'{{"code_version": "{code_version()}", '
                        f'"summary": {summary.model_dump_json()}}}',
                        recorder.answers,
                        tokens_in=summary.provenance.tokens_in,
                        tokens_out=summary.provenance.tokens_out,
                        latency_s=summary.provenance.latency_s,
                    )
                return Outcome(article, summary=summary)
            assert last is not None
            return Outcome(article, error=last, stage="transport")
        except TroopwatchError as e:
            return Outcome(article, error=e, stage=stage_of(e))
        except Exception as e:  # a bug on one odd article must not stop thousands of others
            return Outcome(article, error=e, stage="extract")

    def _remember_failure(self, article: Article, backend: Backend, error: ExtractionError) -> None:
        """Cache a model's invalid answers when asking again would get the same answers.

        Only at temperature 0, and only when the model did answer (attempts > 0): a refused
        request or a lost connection is worth another try. ``--no-cache`` asks again.
        """
        if self.cache is None or not error.attempts or self.params.get("temperature") != 0:
            return
        parts = self._key_parts(article, backend)
        failure = {"message": str(error), "attempts": error.attempts, "last_raw": error.last_raw}
        self.cache.put(
            cache_key(parts), parts, json.dumps({"error": failure}, ensure_ascii=False), []
        )

    # -- many articles -------------------------------------------------------------------------

    def run(
        self, items: Iterable[Article | InputProblem], *, skip_ids: Iterable[str] = ()
    ) -> Iterator[Outcome]:
        """One outcome per input, in input order; ``skip_ids`` are already done (resume).

        Duplicates: an article with the same text (sha256) as an earlier one is not extracted
        again; it is written with the earlier article's records under its own id
        (``Outcome.duplicate_of``). The same article id given twice with the same text is
        skipped; with different text it is an error (ids must be unique for ``--resume``).
        """
        skip = set(skip_ids)
        window = 4 * max(self.concurrency, self.workers * _CHUNK * self.concurrency)
        pending: deque[tuple[Callable[[], Outcome], Future | None]] = deque()
        first_by_sha: dict[str, tuple[Article, Future]] = {}
        seen_ids: dict[str, Article] = {}
        slot = 0
        consecutive_unavailable = 0

        def ready(outcome: Outcome) -> tuple[Callable[[], Outcome], None]:
            return (lambda: outcome), None

        pool, submit = self._pool()
        with pool:

            def schedule(item: Article | InputProblem) -> None:
                nonlocal slot
                if isinstance(item, InputProblem):
                    pending.append(ready(Outcome(item, stage=item.stage)))
                    return
                if item.id in skip:
                    pending.append(ready(Outcome(item, skipped=True)))
                    return
                earlier = seen_ids.get(item.id)
                if earlier is not None:
                    if earlier.sha256 == item.sha256:
                        pending.append(ready(Outcome(item, skipped=True, duplicate_of=item.id)))
                    else:
                        error = ConfigError(
                            f"article id {item.id!r} is already used by {earlier.source}; ids "
                            "must be unique (rename the file or the JSONL id)"
                        )
                        pending.append(ready(Outcome(item, error=error, stage="id")))
                    return
                seen_ids[item.id] = item
                first = first_by_sha.get(item.sha256)
                if first is not None:
                    first_article, first_future = first
                    pending.append(
                        (lambda: self._duplicate(item, first_article, first_future), first_future)
                    )
                    return
                # (with workers, each process has its own backends; the slot picks the server)
                future = submit(item, slot % max(1, len(self.backends)))
                slot += 1
                first_by_sha[item.sha256] = (item, future)
                pending.append((future.result, future))

            def settle(entry: tuple[Callable[[], Outcome], Future | None]) -> Outcome:
                nonlocal consecutive_unavailable
                outcome = entry[0]()
                if outcome.stage == "transport":
                    consecutive_unavailable += 1
                    if consecutive_unavailable >= self.max_consecutive_unavailable:
                        self._stop(
                            ModelUnavailableError(
                                f"stopped: {consecutive_unavailable} articles in a row found no "
                                f"server ({outcome.reason})"
                            )
                        )
                elif outcome.ok and not outcome.cached:
                    consecutive_unavailable = 0
                if outcome.stage == "config":
                    # a rejected key or unknown model fails every article the same way
                    self._stop(outcome.error)  # type: ignore[arg-type]
                return outcome

            try:
                for item in items:
                    if self.stopped is not None:
                        break
                    schedule(item)
                    while len(pending) >= window and self.stopped is None:
                        yield settle(pending.popleft())
                while pending:
                    entry = pending.popleft()
                    future = entry[1]
                    if self.stopped is not None and future is not None:
                        future.cancel()
                        if future.cancelled():
                            self.not_attempted += 1
                            continue
                    yield settle(entry)
            finally:
                for _, future in pending:
                    if future is not None:
                        future.cancel()

    def _stop(self, error: TroopwatchError | None) -> None:
        if self.stopped is None and error is not None:
            self.stopped = error

    def _duplicate(self, article: Article, first: Article, future: Future) -> Outcome:
        outcome: Outcome = future.result()
        if outcome.summary is not None:
            return Outcome(
                article,
                summary=rebind(outcome.summary, article),
                cached=outcome.cached,
                duplicate_of=first.id,
            )
        error = ExtractionError(f"same text as {first.id}, which failed: {outcome.reason}")
        if isinstance(outcome.error, ExtractionError):
            error = ExtractionError(
                str(error), attempts=outcome.error.attempts, last_raw=outcome.error.last_raw
            )
        return Outcome(article, error=error, stage=outcome.stage, duplicate_of=first.id)


# ------------------------------------------------------------------------------------------
# Resume and writing
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResumeState:
    """What an earlier run left in the output file."""

    done_ids: frozenset[str]
    dropped_bytes: int = 0  # a truncated last line removed (the run was killed mid-write)


def prepare_resume(path: str | Path) -> ResumeState:
    """Article ids already in ``path``; a truncated last line is cut off so it is redone.

    Lines are written whole and fsynced, so only the last one can be cut short (a kill or a
    full disk mid-write). A malformed line anywhere else means someone edited the file:
    ``ConfigError`` names it rather than guessing.
    """
    path = Path(path)
    if not path.exists():
        return ResumeState(frozenset())
    data = path.read_bytes()
    done: set[str] = set()
    end_of_good = 0
    lines = data.split(b"\n")
    for lineno, line in enumerate(lines, 1):
        last = lineno == len(lines)
        if not line.strip():
            if not last:
                end_of_good += len(line) + 1
            continue
        try:
            article_id = json.loads(line)["article_id"]
            if last:  # a complete JSON object with no newline: keep it, add the newline
                raise ValueError("no newline")
        except (ValueError, KeyError, TypeError) as e:
            if last:
                break
            raise ConfigError(
                f"{path} line {lineno} is not an output line ({e}); fix or remove it, or run "
                "without --resume"
            ) from None
        done.add(str(article_id))
        end_of_good += len(line) + 1
    dropped = len(data) - end_of_good
    if dropped:
        with path.open("r+b") as fh:
            fh.truncate(end_of_good)
            fh.flush()
            os.fsync(fh.fileno())
    return ResumeState(frozenset(done), dropped)


@dataclass
class BatchReport:
    """What a batch run did, for the summary line and the exit code."""

    run_id: str | None = None
    inputs: int = 0
    written: int = 0  # output lines this run (cache hits and duplicates included)
    cached: int = 0
    duplicates: int = 0
    skipped: int = 0
    records: int = 0
    out_of_scope: int = 0  # articles no sentence of which ties North Korea to Russia
    model_calls: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    stopped: TroopwatchError | None = None
    not_attempted: int = 0
    resume: ResumeState | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)


def run_batch(
    runner: BatchRunner,
    items: Iterable[Article | InputProblem],
    *,
    output: str | Path,
    errors: str | Path | None,
    resume: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    command: str = "extract",
) -> BatchReport:
    """Run a batch into files: summaries to ``output``, failures to ``errors``, the run log.

    With ``resume`` the output is appended to and articles already in it are skipped; the
    errors file always starts empty, since every article not in the output is tried again.
    """
    resume_state = None
    if resume:
        if str(output) == "-":
            raise ConfigError("--resume needs an output file (-o FILE), not stdout")
        resume_state = prepare_resume(output)
    skip = resume_state.done_ids if resume_state else frozenset()
    report = write_outcomes(
        lambda: runner.run(items, skip_ids=skip),
        output=output,
        errors=errors,
        append=resume,
        on_outcome=on_outcome,
        cache=runner.cache,
        command=command,
        params={**runner.params, "resume": resume},
    )
    report.resume = resume_state
    report.stopped = runner.stopped
    report.not_attempted = runner.not_attempted
    return report


def write_outcomes(
    outcomes: Callable[[], Iterable[Outcome]],
    *,
    output: str | Path,
    errors: str | Path | None,
    append: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    cache: Cache | None = None,
    command: str = "extract",
    params: Mapping[str, Any] | None = None,
) -> BatchReport:
    """Write outcomes as they come: summaries to ``output``, failures to ``errors``, run log."""
    started = time.perf_counter()
    report = BatchReport()
    if cache is not None:
        report.run_id = cache.start_run(command, dict(params or {}))
    # both files are opened now: a run that writes nothing must not leave an earlier run's lines
    with (
        JsonlWriter(output, append=append, fsync_interval=FSYNC_INTERVAL_S).open() as out,
        JsonlWriter(errors, fsync_interval=FSYNC_INTERVAL_S).open()
        if errors is not None
        else _NoWriter() as err,
    ):
        for outcome in outcomes():
            report.inputs += 1
            if outcome.summary is not None and not outcome.skipped:
                out.write(outcome.summary.model_dump_json())
                report.written += 1
                report.records += len(outcome.summary.records)
                report.out_of_scope += not outcome.summary.provenance.in_scope
                report.cached += outcome.cached
                report.duplicates += outcome.duplicate_of is not None
                if not outcome.cached and outcome.duplicate_of is None:
                    report.model_calls += outcome.summary.provenance.attempts.model_calls
            elif outcome.skipped:
                report.skipped += 1
            else:
                entry = outcome.error_entry()
                report.failures.append(entry)
                err.write(entry)
            if cache is not None and report.run_id is not None:
                cache.log_article(
                    report.run_id,
                    article_id=outcome.article_id,
                    source=outcome.source,
                    sha256=outcome.item.sha256 if isinstance(outcome.item, Article) else None,
                    status=outcome.status,
                    cached=outcome.cached,
                    stage=outcome.stage,
                    reason=outcome.reason,
                )
            if on_outcome is not None:
                on_outcome(outcome)
    if cache is not None and report.run_id is not None:
        cache.finish_run(report.run_id)
    report.seconds = time.perf_counter() - started
    return report


class _NoWriter:
    """Stand-in errors writer when failures only go to stderr."""

    def write(self, obj: dict[str, Any]) -> None:
        pass

    def __enter__(self) -> _NoWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        pass
