"""Article text in, a validated and grounded ``ArticleSummary`` out.

The data flow, one direction: clean -> find figures -> one model pass per record type (constrained
to the figures found) -> drafts -> records (counts parsed, evidence located, dates parsed by code)
-> grounding -> ``ArticleSummary``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, create_model

from pipeline.backends import Backend, Completion, make_backend
from pipeline.clean import clean_text, is_boilerplate
from pipeline.dates import parse_time
from pipeline.errors import TroopwatchError
from pipeline.figures import Figure, find_figures, instruction_spans
from pipeline.grounding import locate, qualifier_consistent, sentence_around, sentence_spans
from pipeline.prompting import PASSES, prompt_version, render_messages
from pipeline.settings import Settings
from pipeline.sources import Article
from schemas import schema_hash
from schemas.records import (
    ArticleSummary,
    Attempts,
    Casualty,
    CasualtyDraft,
    Deployment,
    DeploymentDraft,
    Exchange,
    ExchangeDraft,
    ExchangeDrafts,
    Grounding,
    Provenance,
    RecordType,
)

Record = Deployment | Casualty | Exchange


# ------------------------------------------------------------------------------------------
# Response models: the drafts, with count_text limited to the figures this article contains
# ------------------------------------------------------------------------------------------

_LIST_FIELD = {"deployment": "deployments", "casualty": "casualties", "exchange": "exchanges"}


def response_model_for(record_type: RecordType, labels: list[str]) -> type[BaseModel]:
    """The pydantic model the backend must fill for one pass over one article."""
    if record_type == "exchange":
        return ExchangeDrafts
    base = DeploymentDraft if record_type == "deployment" else CasualtyDraft
    item = create_model(
        base.__name__,
        __base__=base,
        count_text=(
            Literal[tuple(labels)],  # type: ignore[valid-type]
            Field(description="One of the figures listed under FIGURES, copied exactly."),
        ),
    )
    field = _LIST_FIELD[record_type]
    return create_model(
        f"{base.__name__}s",
        **{
            field: (
                list[item],
                Field(description=f"Every {record_type}; [] when none.", max_length=12),
            )
        },  # type: ignore[valid-type]
    )


# ------------------------------------------------------------------------------------------
# Drafts -> records
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleContext:
    """What code knows about one article before the model is asked anything."""

    text: str  # as read: evidence offsets refer to this
    body: str  # cleaned: what the model reads
    figures: list[Figure]
    blocked: list[tuple[int, int]]  # spans addressed to AI systems
    reference_date: date | None

    @property
    def labels(self) -> list[str]:
        return [f.label for f in self.figures]


_ISO_DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def guess_reference_date(text: str) -> date | None:
    """A publication date written near the top of the article, if any."""
    m = _ISO_DATE.search(text[:600])
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def prepare(text: str, reference_date: date | None = None) -> ArticleContext:
    """Clean the article and find its figures (no model involved)."""
    blocked = instruction_spans(text)
    figures = [f for f in find_figures(text) if not is_boilerplate(_line_at(text, f.start))]
    return ArticleContext(
        text=text,
        body=clean_text(text),
        figures=figures,
        blocked=blocked,
        reference_date=reference_date or guess_reference_date(text),
    )


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _in_blocked(ctx: ArticleContext, start: int) -> bool:
    return any(s <= start < e for s, e in ctx.blocked)


def _evidence(ctx: ArticleContext, start: int, end: int) -> tuple[str, int, int]:
    s, e = sentence_around(ctx.text, start, end)
    return ctx.text[s:e], s, e


def build_record(draft: BaseModel, record_type: RecordType, ctx: ArticleContext) -> Record:
    """Turn one model draft into a public record, with everything code can derive filled in."""
    common: dict[str, Any] = {
        "claimant": draft.claimant,
        "hedge": draft.hedge,
        "time": parse_time(draft.time_text, ctx.reference_date),
    }
    reasons: list[str] = []
    if record_type in ("deployment", "casualty"):
        figure = next(f for f in ctx.figures if f.label == draft.count_text)
        evidence, s, e = _evidence(ctx, figure.start, figure.end)
        if not qualifier_consistent(figure.count, evidence):
            reasons.append(f"qualifier {figure.count.qualifier.value!r} contradicts the quote")
        grounding = Grounding(
            grounded=not reasons, reasons=reasons, evidence_start=s, evidence_end=e, match="exact"
        )
        fields = draft.model_dump(exclude={"claimant", "hedge", "time_text", "count_text"})
        if record_type == "deployment":
            return Deployment(
                count=figure.count, evidence=evidence, grounding=grounding, **common, **fields
            )
        return Casualty(
            count=figure.count, evidence=evidence, grounding=grounding, **common, **fields
        )

    assert isinstance(draft, ExchangeDraft)
    span = locate(draft.item, ctx.text)
    if span.kind == "none":
        evidence, s, e = draft.item, None, None
        reasons.append("item not found in the article")
    else:
        evidence, s, e = _evidence(ctx, span.start, span.end)
        if _in_blocked(ctx, span.start):
            reasons.append("evidence is text addressed to AI systems")
    grounding = Grounding(
        grounded=not reasons,
        reasons=reasons,
        evidence_start=s,
        evidence_end=e,
        match=span.kind if span.kind in ("exact", "normalized", "fuzzy") else "none",
    )
    fields = draft.model_dump(exclude={"claimant", "hedge", "time_text"})
    return Exchange(evidence=evidence, grounding=grounding, **common, **fields)


def _dedupe_key(record: Record) -> tuple:
    if isinstance(record, Deployment):
        return ("d", record.personnel_type, record.count.value, record.count.qualifier)
    if isinstance(record, Casualty):
        return ("c", record.casualty_type, record.count.value, record.count.qualifier)
    return ("e", record.category, record.item.lower().strip(), record.provider, record.recipient)


def lead_summary(body: str, max_sentences: int = 2, max_words: int = 70) -> str:
    """An extractive summary: the article's first prose sentences (headlines skipped)."""
    chosen: list[str] = []
    words = 0
    for s, e in sentence_spans(body):
        sentence = " ".join(body[s:e].split())
        if len(sentence.split()) < 8 or not sentence.endswith((".", "!", "?", "”", '"')):
            continue
        chosen.append(sentence)
        words += len(sentence.split())
        if len(chosen) >= max_sentences or words >= max_words:
            break
    return " ".join(chosen) or " ".join(body.split())[:300]


# ------------------------------------------------------------------------------------------
# One article, many articles
# ------------------------------------------------------------------------------------------


def extract_article(article: Article, backend: Backend, *, strict: bool = False) -> ArticleSummary:
    """Run every pass over one article and assemble its ``ArticleSummary``."""
    start = time.perf_counter()
    ctx = prepare(article.text, article.reference_date)
    completions: list[Completion[Any]] = []
    records: dict[RecordType, list[Record]] = {t: [] for t in PASSES}
    for record_type in PASSES:
        if record_type != "exchange" and not ctx.figures:
            continue  # nothing countable in the article: no deployment or casualty possible
        messages = render_messages(ctx.body, record_type, ctx.labels)
        completion = backend.complete(messages, response_model_for(record_type, ctx.labels))
        completions.append(completion)
        seen: set[tuple] = set()
        for draft in getattr(completion.parsed, _LIST_FIELD[record_type]):
            record = build_record(draft, record_type, ctx)
            key = _dedupe_key(record)
            if key in seen:
                continue  # one record per figure, however often the article repeats it
            seen.add(key)
            if strict and record.grounding is not None and not record.grounding.grounded:
                continue
            records[record_type].append(record)
    provenance = Provenance(
        backend=backend.name,
        model=backend.model_id,
        prompt_version=prompt_version(),
        schema_hash=schema_hash(),
        input_sha256=article.sha256,
        source=article.source,
        tokens_in=sum(c.usage.prompt_tokens for c in completions),
        tokens_out=sum(c.usage.completion_tokens for c in completions),
        latency_s=round(time.perf_counter() - start, 3),
        attempts=Attempts(
            model_calls=sum(c.model_calls for c in completions),
            validation_retries=sum(c.validation_retries for c in completions),
            transport_retries=sum(c.transport_retries for c in completions),
        ),
    )
    return ArticleSummary(
        article_id=article.id,
        summary=lead_summary(ctx.body),
        deployments=records["deployment"],  # type: ignore[arg-type]
        casualties=records["casualty"],  # type: ignore[arg-type]
        exchanges=records["exchange"],  # type: ignore[arg-type]
        provenance=provenance,
    )


def summarize(
    text: str,
    *,
    article_id: str = "article",
    settings: Settings | None = None,
    backend: Backend | None = None,
    reference_date: date | None = None,
) -> ArticleSummary:
    """Extract deployment, casualty and exchange records from one article's text.

    >>> from pipeline import summarize            # doctest: +SKIP
    >>> summarize(open("article.txt").read()).deployments   # doctest: +SKIP
    """
    settings = settings or Settings.from_env()
    backend = backend or make_backend(settings)
    article = Article(id=article_id, text=text, reference_date=reference_date)
    return extract_article(article, backend, strict=settings.strict)


@dataclass(frozen=True)
class BatchResult:
    """One article's outcome in a batch: a summary, or the error that stopped it."""

    article: Article
    summary: ArticleSummary | None = None
    error: TroopwatchError | None = None

    @property
    def ok(self) -> bool:
        return self.summary is not None


def summarize_batch(
    articles: Iterable[Article | str],
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    on_result: Callable[[BatchResult], None] | None = None,
) -> Iterator[BatchResult]:
    """Extract many articles, one result each, in order. One failure never stops the batch.

    Plain strings get ids ``article-1``, ``article-2``, ...
    """
    settings = settings or Settings.from_env()
    backend = backend or make_backend(settings)
    for i, item in enumerate(articles, 1):
        article = Article(id=f"article-{i}", text=item) if isinstance(item, str) else item
        try:
            result = BatchResult(
                article, summary=extract_article(article, backend, strict=settings.strict)
            )
        except TroopwatchError as e:
            result = BatchResult(article, error=e)
        if on_result is not None:
            on_result(result)
        yield result
