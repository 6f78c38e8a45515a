"""Faster text passes against the straightforward versions they replace (same answers)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pipeline.dates import MONTHS
from pipeline.grounding import (
    _BOUNDARY_RE,
    _BULLET_RE,
    _MONTH_AFTER_RE,
    _ends_sentence,
    iter_sentence_spans,
    sentence_spans,
)

ROOT = Path(__file__).resolve().parent.parent
EVAL_TEXTS = sorted(
    p.read_text(encoding="utf-8")
    for folder in ("golden", "dev", "dev2")
    for p in (ROOT / "evals" / folder).glob("*.txt")
)
PIECES = [
    "North Korea sent 1,000 troops.",
    " ",
    "  ",
    "\n",
    "\n\n",
    " \n ",
    "- ",
    "• ",
    "1. ",
    "12) ",
    "26. Juni 2025 ",
    "am 3. März ",
    "U.S. ",
    "Mr. Kim said",
    "e.g. the",
    "No. 5 ",
    "no. ",
    "Jan. 5 ",
    "Why? ",
    "he asked! ",
    '"Quote." ',
    "(aside.) ",
    "1.5 million ",
    "…",
    "... and then ",
    "word",
    "Word",
    ".",
    "?",
    "ß",
    "\t",
]


def reference_sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentence split as written before it became a generator."""
    spans: list[tuple[int, int]] = []

    def add(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))

    line_start = 0
    for line in text.split("\n"):
        if not line or line.isspace():
            line_start += len(line) + 1
            continue
        line_end = line_start + len(line)
        bullet = _BULLET_RE.match(line)
        if bullet and bullet.group().strip()[0].isdigit():
            after = _MONTH_AFTER_RE.match(line, bullet.end())
            if after and after.group(1).casefold() in MONTHS:
                bullet = None
        seg = line_start + (bullet.end() if bullet else 0)
        for m in _BOUNDARY_RE.finditer(line):
            if line_start + m.end() <= seg or not _ends_sentence(line, m):
                continue
            add(seg, line_start + m.end())
            seg = line_start + m.end()
        add(seg, line_end)
        line_start = line_end + 1
    return spans


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


@pytest.mark.parametrize("seed", range(300))
def test_iter_sentence_spans_is_the_split(seed):
    text = random_text(random.Random(seed))
    expected = reference_sentence_spans(text)
    assert list(iter_sentence_spans(text)) == expected
    assert sentence_spans(text) == expected


def test_iter_sentence_spans_on_the_eval_articles():
    for text in EVAL_TEXTS:
        expected = reference_sentence_spans(text)
        assert list(iter_sentence_spans(text)) == expected
        assert sentence_spans(text) == expected
        assert sentence_spans(re.sub(r"\s+", " ", text)) == reference_sentence_spans(
            re.sub(r"\s+", " ", text)
        )


def test_iter_sentence_spans_stops_early():
    spans = iter_sentence_spans("One. Two.\nThree.")
    assert next(spans) == (0, 4)
    assert next(spans) == (5, 9)


def _project_patterns() -> list[re.Pattern[str]]:
    from pipeline import claims, clean, figures, quantities, status

    found = [p for _, p in claims._CATEGORY_WORDS]
    for module in (claims, clean, figures, quantities, status):
        found += [v for v in vars(module).values() if isinstance(v, re.Pattern)]
    return found


WORDS = [
    "oil", "fuel", "Drones", "UAV", "satellite", "shells", "artillery", "missile technology",
    "AI", "assistants", "must", "report", "Ignore", "above", "ſ", "İ", "ı", "Σ", "ς", "K",
    "Luftabwehr", "Erdöl", "pétrole", "North Korea", "Russia", "sent", "to", "and", ",", ".",
    " ", "\n", "ai", "rep", "ort",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(60))
def test_may_match_in_is_may_match_of_each_span(seed):
    from pipeline.prefilter import fold, may_match, may_match_in

    rng = random.Random(seed)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 60)))
    folded = fold(text)
    sentences = sentence_spans(text)
    arbitrary = sorted(
        (a, a + rng.randint(0, 40))
        for a in (rng.randint(0, max(0, len(text))) for _ in range(rng.randint(0, 8)))
    )
    for pattern in _project_patterns():
        for spans in (sentences, arbitrary, [(0, len(text))]):
            got = may_match_in(pattern, folded, spans)
            assert got == [may_match(pattern, folded[s:e]) for s, e in spans], pattern.pattern
            assert got == [may_match(pattern, fold(text[s:e])) for s, e in spans]


@pytest.mark.parametrize("seed", range(40))
def test_digit_mentions_value_is_base_times_scale(seed):
    from fractions import Fraction

    from pipeline.quantities import _digit_mentions

    rng = random.Random(seed)
    pieces = ["1", "12", "1,000", "2.5", "10.000,5", " ", "-", " million", "k", " Mio.", "x", ","]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
    for m in _digit_mentions(text):
        assert isinstance(m.value, Fraction)
        assert m.value == m.base * m.scale


@pytest.mark.parametrize("seed", range(200))
def test_fold_is_translate_then_lower(seed):
    from pipeline.prefilter import _FOLD, fold

    rng = random.Random(seed)
    alphabet = ["a", "B", " ", "İ", "ı", "ſ", "Σ", "ß", "’", "É", "K", "x", "\n", "Ω", "ǅ"]
    chosen = rng.sample(alphabet, rng.randint(1, len(alphabet)))  # any subset of _FOLD's keys
    text = "".join(rng.choice(chosen) for _ in range(30))
    assert fold(text) == text.translate(_FOLD).lower()
    for special in ("İ", "ı", "ſ"):
        assert fold(f"ab{special}c’") == f"ab{special}c’".translate(_FOLD).lower()
