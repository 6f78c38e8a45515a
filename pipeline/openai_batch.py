"""The OpenAI Batch API: ``prepare`` writes the requests for many articles, ``ingest`` reads the
results back into the normal output and errors files.

``prepare`` runs the pipeline on a capturing backend (pipeline.backends.capture), so the requests
are exactly those a live run would send, one per model call, with ``custom_id`` =
``<article id>#<call index>``. Next to ``requests.jsonl`` it writes ``requests.articles.jsonl``:
the articles as read (offsets in the output refer to this text) with what prepare decided.

``ingest`` runs the pipeline again over each article with a replay backend answering call *i* from
result ``<id>#<i>``. Prompt rendering is deterministic, so the same calls come in the same order;
each is checked against its request by a hash of the messages, and a mismatch (the articles or
the prompts changed since prepare) is an error rather than an answer to another question.
Errors in the results (error objects, non-200 responses, missing ids, content that does not
validate) go to the errors file with the article id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.backends.capture import CaptureBackend
from pipeline.backends.replay import Answer, ReplayBackend, ReplayMismatch, messages_sha256
from pipeline.batch import Outcome, rebind, stage_of
from pipeline.chunking import extract_long_article
from pipeline.errors import ConfigError, ExtractionError, TroopwatchError
from pipeline.output import JsonlWriter
from pipeline.settings import Settings
from pipeline.sources import Article, InputProblem

BACKEND_NAME = "openai-batch"
ENDPOINT = "/v1/chat/completions"


def articles_path(requests: str | Path) -> Path:
    """The sidecar holding the articles a requests file was prepared from."""
    requests = Path(requests)
    return requests.with_name(requests.name.removesuffix(".jsonl") + ".articles.jsonl")


def custom_id(article_id: str, index: int) -> str:
    return f"{article_id}#{index}"


def prepare(
    items: Iterable[Article | InputProblem], settings: Settings, requests: str | Path
) -> tuple[int, int, list[InputProblem]]:
    """Write Batch API requests and the articles sidecar; returns (articles, requests, problems)."""
    if not settings.model:
        raise ConfigError("batch prepare needs the model to ask: set --model or TROOPWATCH_MODEL")
    kwargs = {
        "model": settings.model,
        "temperature": settings.temperature,
        "max_tokens": settings.max_tokens,
    }
    problems: list[InputProblem] = []
    n_articles = n_requests = 0
    first_by_sha: dict[str, str] = {}
    with (
        JsonlWriter(requests).open() as out,
        JsonlWriter(articles_path(requests)).open() as side,
    ):
        for item in items:
            if isinstance(item, InputProblem):
                problems.append(item)
                continue
            n_articles += 1
            entry: dict[str, Any] = {
                "id": item.id,
                "text": item.text,
                "source": item.source,
                "date": item.reference_date.isoformat() if item.reference_date else None,
                "sha256": item.sha256,
                "max_article_chars": settings.max_article_chars,
                "calls": 0,
            }
            same = first_by_sha.get(item.sha256)
            if same is not None:  # the same text again: asked once, answered for both
                side.write({**entry, "same_as": same})
                continue
            first_by_sha[item.sha256] = item.id
            capture = CaptureBackend(BACKEND_NAME, settings.model, dict(kwargs))
            extract_long_article(item, capture, max_chars=settings.max_article_chars)
            for i, body in enumerate(capture.requests):
                out.write(
                    {
                        "custom_id": custom_id(item.id, i),
                        "method": "POST",
                        "url": ENDPOINT,
                        "body": body,
                    }
                )
            n_requests += len(capture.requests)
            side.write({**entry, "calls": len(capture.requests)})
    return n_articles, n_requests, problems


def _read_jsonl(path: Path, what: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read the {what} {path}: {e.strerror or e}") from e
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                obj = None
            yield lineno, obj


def _result_answer(result: dict[str, Any] | None, cid: str) -> dict[str, Any] | str:
    """The chat completion in one result line, or the reason there is none."""
    if result is None:
        return f"no result for {cid} in the results file"
    if result.get("error"):
        error = result["error"]
        message = error.get("message") if isinstance(error, dict) else str(error)
        return f"{cid}: the batch reported an error: {message}"
    response = result.get("response") or {}
    status = response.get("status_code")
    body = response.get("body")
    if status != 200:
        message = (body or {}).get("error", {}).get("message") if isinstance(body, dict) else None
        return f"{cid}: HTTP {status}" + (f": {message}" if message else "")
    if not isinstance(body, dict) or not body.get("choices"):
        return f"{cid}: the response has no chat completion"
    return body


def ingest(
    requests: str | Path,
    results: str | Path,
    *,
    strict: bool = False,
    articles: str | Path | None = None,
) -> Iterator[Outcome]:
    """One outcome per prepared article (in prepare's order), built from the results file."""
    requests, results = Path(requests), Path(results)
    sidecar = Path(articles) if articles else articles_path(requests)
    bodies: dict[str, dict[str, Any]] = {}
    for lineno, obj in _read_jsonl(requests, "requests file"):
        if not isinstance(obj, dict) or "custom_id" not in obj:
            raise ConfigError(f"{requests} line {lineno} is not a Batch API request")
        bodies[obj["custom_id"]] = obj["body"]
    answers: dict[str, dict[str, Any]] = {}
    malformed: list[Outcome] = []
    for lineno, obj in _read_jsonl(results, "results file"):
        if not isinstance(obj, dict) or not isinstance(obj.get("custom_id"), str):
            problem = InputProblem(f"{results}:{lineno}", f"line {lineno} is not a result")
            malformed.append(Outcome(problem, stage="parse"))
            continue
        answers[obj["custom_id"]] = obj
    yield from malformed
    done: dict[str, Outcome] = {}
    for lineno, entry in _read_jsonl(sidecar, "articles file (written by batch prepare)"):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise ConfigError(f"{sidecar} line {lineno} is not an article written by prepare")
        when = entry.get("date")
        article = Article(
            id=str(entry["id"]),
            text=entry["text"],
            source=entry.get("source") or str(sidecar),
            reference_date=date.fromisoformat(when) if when else None,
        )
        if entry.get("same_as") in done:
            first = done[entry["same_as"]]
            if first.summary is not None:
                yield Outcome(
                    article,
                    summary=rebind(first.summary, article),
                    duplicate_of=first.article_id,
                )
            else:
                error = ExtractionError(f"same text as {first.article_id}, which failed")
                yield Outcome(
                    article, error=error, stage=first.stage, duplicate_of=first.article_id
                )
            continue
        outcome = _ingest_one(article, int(entry.get("calls", 0)), bodies, answers, entry, strict)
        done[article.id] = outcome
        yield outcome


def _ingest_one(
    article: Article,
    calls: int,
    bodies: dict[str, dict[str, Any]],
    answers: dict[str, dict[str, Any]],
    entry: dict[str, Any],
    strict: bool,
) -> Outcome:
    recorded: list[Answer] = []
    model = BACKEND_NAME
    for i in range(calls):
        cid = custom_id(article.id, i)
        body = bodies.get(cid)
        if body is None:
            error = ExtractionError(f"{cid} is not in the requests file")
            return Outcome(article, error=error, stage="batch")
        model = body.get("model", model)
        answer = _result_answer(answers.get(cid), cid)
        if isinstance(answer, str):
            return Outcome(article, error=ExtractionError(answer), stage="batch")
        recorded.append(Answer(answer, messages_sha256(body["messages"])))
    replay = ReplayBackend(BACKEND_NAME, model, recorded, answered_by_model=True)
    try:
        summary = extract_long_article(
            article,
            replay,
            strict=strict,
            max_chars=int(entry.get("max_article_chars") or 12_000),
        )
    except TroopwatchError as e:
        stage = "batch" if isinstance(e, ReplayMismatch) else stage_of(e)
        return Outcome(article, error=e, stage=stage)
    if not replay.exhausted:
        error = ExtractionError(
            f"the pipeline made {replay.calls} calls for {article.id}, prepare recorded {calls}: "
            "prepare again with this version"
        )
        return Outcome(article, error=error, stage="batch")
    return Outcome(article, summary=summary)
