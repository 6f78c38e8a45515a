"""Long articles: overlapping chunks at paragraph boundaries, records merged, offsets mapped."""

from __future__ import annotations

from itertools import pairwise

import pytest

from pipeline.chunking import MAX_CHUNKS, extract_long_article, split_text
from pipeline.errors import ArticleTooLongError
from pipeline.sources import Article
from tests.fakes import answering_backend

FILLER = (
    "Officials in Seoul described the situation at length, and analysts offered a range of "
    "views on what the movements along the front might mean for the coming months. "
)


def long_article() -> str:
    paragraphs = [
        "North Korea has sent troops to Russia, South Korea's spy agency said.",
        FILLER * 4,
        "About 3,000 soldiers arrived in the Kursk region in October.",
        FILLER * 5,
        "At least 200 of them have been killed, the agency said.",
        FILLER * 4,
        "About 3,000 soldiers arrived in the Kursk region in October, it repeated.",
    ]
    return "\n\n".join(paragraphs)


def test_chunks_cover_the_text_overlap_and_end_at_boundaries():
    text = long_article()
    spans = split_text(text, 1000, overlap=300)
    assert len(spans) > 2
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (s1, e1), (s2, _) in pairwise(spans):
        assert e1 - s1 <= 1000
        assert s2 < e1  # overlap: no gap between chunks
        assert text[e1 - 1].isspace() or text[e1 - 1] in ".!?"  # ends at a boundary
        assert text[s2 - 1].isspace()  # starts at a sentence or paragraph start


def test_a_text_within_the_limit_is_one_chunk():
    assert split_text("short text", 1000) == [(0, 10)]


def test_long_article_records_are_merged_once_with_offsets_into_the_full_text():
    text = long_article()
    backend, model = answering_backend()
    summary = extract_long_article(Article("long", text), backend, max_chars=1000)
    chunks = len(split_text(text, 1000))
    assert model.calls >= chunks  # every chunk was read, even those that never name Russia
    counts = sorted(r.count.best for r in [*summary.deployments, *summary.casualties])
    assert counts == [200, 3000]  # the repeated 3,000 is one record
    for record in [*summary.deployments, *summary.casualties, *summary.exchanges]:
        g = record.grounding
        if g.evidence_start is not None:
            assert text[g.evidence_start : g.evidence_end] == record.evidence
    assert summary.provenance.input_sha256 == Article("long", text).sha256
    assert summary.provenance.attempts.model_calls == model.calls


def test_an_article_past_the_chunk_limit_is_refused_naming_the_limit():
    text = (FILLER + "\n\n") * (MAX_CHUNKS * 8)
    backend, model = answering_backend()
    with pytest.raises(ArticleTooLongError, match=f"more than {MAX_CHUNKS} chunks"):
        extract_long_article(Article("huge", text), backend, max_chars=1000)
    assert model.calls == 0
