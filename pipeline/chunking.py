"""Articles longer than the model's context: overlapping chunks, one extraction each, one merge.

``extract_long_article`` wraps ``extract_article``: an article within ``max_chars`` goes through
unchanged; a longer one is split at paragraph boundaries (else sentence boundaries, else
whitespace) into chunks of at most ``max_chars`` that overlap by about ``overlap`` characters, so a
sentence cut by one chunk's end is whole in the next. Every chunk is extracted alone; records
are merged in article order with the same duplicate rule as one article (the first chunk's record
of a figure wins), and evidence offsets are shifted back into the full text. Past ``MAX_CHUNKS``
the article is refused with an ``ArticleTooLongError`` naming the limit.
"""

from __future__ import annotations

import re

from pipeline.backends import Backend
from pipeline.errors import ArticleTooLongError, ExtractionError
from pipeline.extract import _dedupe_key, extract_article, guess_reference_date
from pipeline.grounding import sentence_spans
from pipeline.scope import in_scope
from pipeline.sources import Article
from schemas.records import ArticleSummary, Attempts, Casualty, Deployment, Exchange, Provenance

MAX_CHUNKS = 40
Record = Deployment | Casualty | Exchange

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_LINE_END = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")


def _boundaries(text: str) -> dict[str, list[int]]:
    """Positions where a chunk may start or end, strongest kind first."""
    return {
        "paragraph": [m.end() for m in _PARAGRAPH_END.finditer(text)],
        "line": [m.end() for m in _LINE_END.finditer(text)],
        "sentence": [s for s, _ in sentence_spans(text)],
        "space": [m.end() for m in _SPACE.finditer(text)],
    }


def _last_at_most(points: list[int], low: int, high: int) -> int | None:
    best = None
    for p in points:
        if p > high:
            break
        if p > low:
            best = p
    return best


def _first_at_least(points: list[int], low: int, high: int) -> int | None:
    for p in points:
        if p >= low:
            return p if p < high else None
    return None


def split_text(text: str, max_chars: int, overlap: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans covering ``text``, each at most ``max_chars`` long.

    A chunk ends at the last paragraph, line, sentence or word boundary that keeps it at least
    half full (strongest kind first); the next chunk starts at the first sentence (or weaker)
    boundary inside the last ``overlap`` characters of the previous one.
    """
    if len(text) <= max_chars:
        return [(0, len(text))]
    overlap = max_chars // 8 if overlap is None else overlap
    points = _boundaries(text)
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        if len(text) - start <= max_chars:
            spans.append((start, len(text)))
            return spans
        limit = start + max_chars
        end = None
        for kind in ("paragraph", "line", "sentence", "space"):
            end = _last_at_most(points[kind], start + max_chars // 2, limit)
            if end is not None:
                break
        end = end or limit  # one unbroken run of characters: cut it
        spans.append((start, end))
        next_start = None
        for kind in ("paragraph", "line", "sentence", "space"):
            next_start = _first_at_least(points[kind], max(start + 1, end - overlap), end)
            if next_start is not None:
                break
        start = next_start if next_start is not None else end


def _shift(record: Record, offset: int) -> Record:
    g = record.grounding
    if g is None or g.evidence_start is None or g.evidence_end is None:
        return record
    grounding = g.model_copy(
        update={
            "evidence_start": g.evidence_start + offset,
            "evidence_end": g.evidence_end + offset,
        }
    )
    return record.model_copy(update={"grounding": grounding})


def extract_long_article(
    article: Article, backend: Backend, *, strict: bool = False, max_chars: int = 12_000
) -> ArticleSummary:
    """``extract_article``, over overlapping chunks when the article exceeds ``max_chars``."""
    spans = split_text(article.text, max_chars)
    if len(spans) == 1:
        return extract_article(article, backend, strict=strict)
    if len(spans) > MAX_CHUNKS:
        raise ArticleTooLongError(
            f"article is {len(article.text):,} characters: more than {MAX_CHUNKS} chunks of "
            f"{max_chars:,} (the limit is {MAX_CHUNKS * max_chars:,} characters; set "
            "TROOPWATCH_MAX_ARTICLE_CHARS for a model with a larger context)"
        )
    # what the whole article says about its date and scope holds for every part of it
    reference_date = article.reference_date or guess_reference_date(article.text)
    relevant = in_scope(article.text)
    parts: list[ArticleSummary] = []
    for i, (s, e) in enumerate(spans, 1):
        chunk = Article(
            id=article.id,
            text=article.text[s:e],
            source=article.source,
            reference_date=reference_date,
        )
        try:
            parts.append(extract_article(chunk, backend, strict=strict, in_scope_hint=relevant))
        except ExtractionError as err:
            raise ExtractionError(
                f"chunk {i} of {len(spans)} (characters {s}-{e}): {err}",
                attempts=err.attempts,
                last_raw=err.last_raw,
            ) from err
    return merge_chunks(article, spans, parts)


def merge_chunks(
    article: Article, spans: list[tuple[int, int]], parts: list[ArticleSummary]
) -> ArticleSummary:
    """One summary from per-chunk summaries: records deduplicated, offsets into the full text."""
    seen: set[tuple] = set()
    merged: dict[str, list] = {"deployments": [], "casualties": [], "exchanges": []}
    for (offset, _), part in zip(spans, parts, strict=True):
        for field in merged:
            for record in getattr(part, field):
                key = _dedupe_key(record)
                if key in seen:
                    continue  # the overlap, or the article repeating a figure
                seen.add(key)
                merged[field].append(_shift(record, offset))
    return ArticleSummary(
        article_id=article.id,
        summary=parts[0].summary,  # the lead is in the first chunk
        provenance=_provenance(parts, article),
        **merged,
    )


def _provenance(parts: list[ArticleSummary], article: Article) -> Provenance:
    """The first chunk's provenance with the whole article's hash and every chunk's costs."""
    return parts[0].provenance.model_copy(
        update={
            "input_sha256": article.sha256,
            "source": article.source,
            "tokens_in": sum(p.provenance.tokens_in for p in parts),
            "tokens_out": sum(p.provenance.tokens_out for p in parts),
            "latency_s": round(sum(p.provenance.latency_s for p in parts), 3),
            "attempts": Attempts(
                model_calls=sum(p.provenance.attempts.model_calls for p in parts),
                validation_retries=sum(p.provenance.attempts.validation_retries for p in parts),
                transport_retries=sum(p.provenance.attempts.transport_retries for p in parts),
            ),
        }
    )
