"""Tests for pipeline.grounding: locating quotes, sentences and the qualifier check."""

from __future__ import annotations

import random
import time

import pytest

from pipeline.grounding import (
    Span,
    locate,
    qualifier_consistent,
    sentence_around,
    sentence_spans,
)
from pipeline.quantities import parse_count
from schemas.records import Count, Qualifier

Q = Qualifier

ARTICLE = (
    "Seoul, June 26 (Yonhap) \u2014 North Korea will send roughly 5,000 military construction "
    "troops to Russia, South Korea\u2019s intelligence service (NIS) said on Thursday. "
    "About 600 North Korean soldiers have been killed in the Kursk region, the agency said. "
    "Russia is suspected of supplying \u201cair defence systems\u201d and fuel to Pyongyang."
)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


# --------------------------------------------------------------------------------------------
# locate
# --------------------------------------------------------------------------------------------


def test_span_is_frozen():
    span = Span(1, 2, "exact", 1.0)
    with pytest.raises(AttributeError):
        span.start = 3  # type: ignore[misc]


def test_locate_exact():
    needle = "About 600 North Korean soldiers"
    span = locate(needle, ARTICLE)
    assert span == Span(ARTICLE.index(needle), ARTICLE.index(needle) + len(needle), "exact", 1.0)


def test_locate_exact_ignores_surrounding_whitespace():
    span = locate("  About 600 North Korean soldiers \n", ARTICLE)
    assert span.kind == "exact"
    assert ARTICLE[span.start : span.end] == "About 600 North Korean soldiers"


@pytest.mark.parametrize(
    ("needle", "original"),
    [
        # straight apostrophe in the quote, typographic one in the article
        ("South Korea's intelligence", "South Korea\u2019s intelligence"),
        # case and collapsed whitespace
        ("about  600 north\nkorean SOLDIERS", "About 600 North Korean soldiers"),
        # straight quotes for typographic ones
        ('"air defence systems"', "\u201cair defence systems\u201d"),
        # hyphen for an em dash
        ("(Yonhap) - North Korea", "(Yonhap) \u2014 North Korea"),
    ],
)
def test_locate_normalized_maps_back_to_original(needle, original):
    span = locate(needle, ARTICLE)
    assert span.kind == "normalized"
    assert span.score == 1.0
    assert ARTICLE[span.start : span.end] == original


def test_locate_normalized_with_expanding_and_invisible_characters():
    hay = "Die Stra\u00dfe nach Kursk\u2026 war ge\u00adsperrt. Caf\u00e9 closed."
    span = locate("strasse nach kursk... war gesperrt", hay)
    assert span.kind == "normalized"
    assert hay[span.start : span.end] == "Stra\u00dfe nach Kursk\u2026 war ge\u00adsperrt"
    # A decomposed accent in the quote matches the composed one in the text.
    span = locate("Cafe\u0301 closed", hay)
    assert span.kind == "normalized"
    assert hay[span.start : span.end] == "Caf\u00e9 closed"


def test_locate_fuzzy_small_edits():
    needle = "About 600 North Korean soldiers were killed in the Kursk region, the agency said"
    span = locate(needle, ARTICLE)
    assert span.kind == "fuzzy"
    assert 0.85 <= span.score < 1.0
    found = ARTICLE[span.start : span.end]
    assert found.startswith("About 600 North Korean soldiers")
    assert found.endswith("the agency said")


def test_locate_fuzzy_short_item():
    span = locate("air defense systems", ARTICLE)
    assert span.kind == "fuzzy"
    assert ARTICLE[span.start : span.end] == "air defence systems"


def test_locate_fuzzy_respects_min_score():
    needle = "About 600 North Korean soldiers were killed in the Kursk region, the agency said"
    strict = locate(needle, ARTICLE, min_score=0.99)
    assert (strict.start, strict.end, strict.kind) == (-1, -1, "none")
    # The best score is still reported so a caller can log how close it came.
    assert 0.85 <= strict.score < 0.99
    # A looser threshold accepts a real paraphrase that the default refuses.
    paraphrase = "About 600 North Korean troops were killed in Kursk region, the agency said"
    assert locate(paraphrase, ARTICLE).kind == "none"
    loose = locate(paraphrase, ARTICLE, min_score=0.8)
    assert loose.kind == "fuzzy"
    assert ARTICLE[loose.start : loose.end].startswith("About 600 North Korean soldiers")


@pytest.mark.parametrize(
    "needle",
    [
        "Ukraine delivered tanks to Poland in exchange for grain",
        "zzzz qqqq",
        "!!!",
    ],
)
def test_locate_none(needle):
    span = locate(needle, ARTICLE)
    assert (span.start, span.end, span.kind) == (-1, -1, "none")
    assert span.score < 0.85


@pytest.mark.parametrize(("needle", "hay"), [("", ARTICLE), ("   ", ARTICLE), ("x", ""), ("", "")])
def test_locate_empty_input(needle, hay):
    assert locate(needle, hay) == Span(-1, -1, "none", 0.0)


def _big_article(seed: int = 7) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    words = (
        "the troops north korean russia kursk region said intelligence service deployed "
        "artillery shells missiles drones engineers workers construction according officials "
        "reported moscow pyongyang border front units"
    ).split()
    sents = []
    for i in range(420):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(8, 25)))
        sents.append(f"{body.capitalize()} report{i} code{i * 7}.")
    return " ".join(sents), sents


def test_locate_is_fast_on_a_big_article():
    hay, sents = _big_article()
    assert len(hay) > 50_000
    target = " ".join(sents[300:303])[:300]
    assert len(target) == 300
    edited = target.replace("troops", "troop").replace(" the ", " The  ")
    edited = edited[:120] + "XX" + edited[126:]
    absent = "A sentence about bananas, apples and pears that never appears in this article at all."
    for needle, kind in [
        (target, "exact"),
        (target.upper(), "normalized"),
        (edited, "fuzzy"),
        (absent, "none"),
    ]:
        t = time.perf_counter()
        span = locate(needle, hay)
        elapsed = time.perf_counter() - t
        assert span.kind == kind
        assert elapsed < 0.05, (kind, elapsed)
        if kind != "none":
            assert abs(span.start - hay.index(target)) <= 3
            assert abs(span.end - (hay.index(target) + 300)) <= 3


def test_locate_picks_the_right_occurrence_among_similar_sentences():
    hay, sents = _big_article(seed=11)
    target = sents[200]
    needle = target.replace("report200", "report 200")
    span = locate(needle, hay)
    assert span.kind in ("normalized", "fuzzy")
    assert span.start == hay.index(target)


# --------------------------------------------------------------------------------------------
# sentence_spans / sentence_around
# --------------------------------------------------------------------------------------------


def test_sentence_spans_basic():
    text = "  First one. Second one!  Third one?\tFourth one  "
    assert sentences(text) == ["First one.", "Second one!", "Third one?", "Fourth one"]
    for s, e in sentence_spans(text):
        assert not text[s].isspace() and not text[e - 1].isspace()


@pytest.mark.parametrize(
    "text",
    [
        "North Korea sent 10,000 troops to Russia.",
        "Russia supplied 1.5 million barrels of oil.",
        "The U.S. and the U.K. condemned the deal.",
        "Mr. Kim met Gen. Gerasimov in Moscow.",
        "Troops arrived on Jan. 5 in Kursk.",
        "Am 26. Juni 2025 kamen 10.000 Soldaten an.",
        "Experts, e.g. the NIS, disagree.",
        "He asked \u201cwhy?\u201d and left.",
        "No. 2 brigade was hit.",
        "Roughly 5,000 troops... and more later.",
    ],
)
def test_sentence_spans_does_not_split_inside(text):
    assert sentences(text) == [text]


def test_sentence_spans_splits_after_numbers_and_quotes():
    text = 'It said 600 were killed in 2024. Seoul agreed. He said: "We will go." Then he left.'
    assert sentences(text) == [
        "It said 600 were killed in 2024.",
        "Seoul agreed.",
        'He said: "We will go."',
        "Then he left.",
    ]


def test_sentence_spans_abbreviations_that_need_a_figure():
    text = "North Korea said no. The talks ended in Jan. Troops left. Gen. Kim stayed."
    assert sentences(text) == [
        "North Korea said no.",
        "The talks ended in Jan.",
        "Troops left.",
        "Gen. Kim stayed.",
    ]


def test_sentence_spans_line_starting_with_a_german_date():
    assert sentences("26. Juni 2025: 10.000 Soldaten.\n2. Punkt") == [
        "26. Juni 2025: 10.000 Soldaten.",
        "Punkt",
    ]


def test_sentence_spans_newlines_and_bullets():
    text = "Key points\n- 5,000 troops to Russia\n\u2022 600 killed\n* fuel supplied\n1. one\n\nEnd"
    assert sentences(text) == [
        "Key points",
        "5,000 troops to Russia",
        "600 killed",
        "fuel supplied",
        "one",
        "End",
    ]


def test_sentence_spans_crlf_and_empty():
    assert sentences("One.\r\nTwo.") == ["One.", "Two."]
    assert sentence_spans("") == []
    assert sentence_spans("   \n\n  ") == []


def test_sentence_spans_offsets_are_into_the_text():
    text = "Alpha beta. Gamma delta.\nEpsilon."
    assert sentence_spans(text) == [(0, 11), (12, 24), (25, 33)]


def test_sentence_around():
    text = "Alpha beta. Gamma delta. Epsilon zeta."
    g = text.index("Gamma")
    assert sentence_around(text, g, g + 5) == (12, 24)
    # A range across a boundary covers both sentences.
    assert sentence_around(text, text.index("beta"), g + 3) == (0, 24)
    # An empty range counts as the character at start.
    assert sentence_around(text, g, g) == (12, 24)
    assert sentence_around(text, 0, len(text)) == (0, len(text))


def test_sentence_around_outside_any_sentence():
    text = "Alpha.   Beta."
    assert sentence_around(text, 7, 8) == (7, 8)  # whitespace between sentences
    assert sentence_around(text, 100, 120) == (len(text), len(text))
    assert sentence_around("", 0, 0) == (0, 0)


def test_sentence_around_finds_the_evidence_sentence():
    start = ARTICLE.index("600")
    s, e = sentence_around(ARTICLE, start, start + 3)
    assert ARTICLE[s:e] == (
        "About 600 North Korean soldiers have been killed in the Kursk region, the agency said."
    )


# --------------------------------------------------------------------------------------------
# qualifier_consistent
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "quote"),
    [
        ("600", "The NIS said 600 soldiers were killed."),
        ("at least 600", "At least 600 soldiers were killed."),
        ("about 600", "About 600 soldiers were killed."),
        ("roughly 5,000", "North Korea will send roughly 5,000 troops."),
        ("more than 10,000", "More than 10,000 troops are in Kursk."),
        ("up to 12,000", "Up to 12,000 workers may follow."),
        ("bis zu 6.000", "Bis zu 6.000 Bauarbeiter sollen kommen."),
        ("600 or more", "It lost 600 or more men."),
        ("10,000 to 12,000", "Between 10,000 and 12,000 workers may follow."),
        ("thousands", "Thousands were wounded."),
    ],
)
def test_qualifier_consistent_true(phrase, quote):
    assert qualifier_consistent(parse_count(phrase), quote)


@pytest.mark.parametrize(
    ("count", "quote"),
    [
        (Count(best=600, qualifier=Q.exact), "At least 600 soldiers were killed."),
        (Count(best=600, qualifier=Q.exact), "Some 600 soldiers were killed."),
        (Count(best=600, qualifier=Q.at_least), "The NIS said 600 soldiers were killed."),
        (Count(best=600, qualifier=Q.at_least), "More than 600 soldiers were killed."),
        (Count(best=600, qualifier=Q.approximately), "Exactly 600 soldiers were killed."),
        (Count(best=500, qualifier=Q.more_than), "No more than 500 engineers went."),
        (Count(best=600, qualifier=Q.exact), "It lost 600 or more men."),
        (Count(best=10_000, qualifier=Q.exact), "Between 10,000 and 12,000 workers may follow."),
    ],
)
def test_qualifier_consistent_false(count, quote):
    assert not qualifier_consistent(count, quote)


def test_qualifier_consistent_any_mention_may_agree():
    quote = "At least 600 were killed, and the 600 dead were buried."
    assert qualifier_consistent(Count(best=600, qualifier=Q.exact), quote)
    assert qualifier_consistent(Count(best=600, qualifier=Q.at_least), quote)
    assert not qualifier_consistent(Count(best=600, qualifier=Q.up_to), quote)


def test_qualifier_consistent_only_looks_right_before_the_number():
    # "at least" hedges "two units", not 600.
    quote = "At least two units, 600 soldiers, were hit."
    assert qualifier_consistent(Count(best=600, qualifier=Q.exact), quote)
    assert not qualifier_consistent(Count(best=600, qualifier=Q.at_least), quote)


def test_qualifier_consistent_absent_figure_is_not_a_contradiction():
    assert qualifier_consistent(Count(best=700, qualifier=Q.exact), "At least 600 were killed.")
    assert qualifier_consistent(Count(best=700, qualifier=Q.exact), "")


def test_a_word_is_not_found_inside_another_word():
    text = "Soldiers remain on Russian soil. Moscow sent oil in March."
    span = locate("oil", text)
    assert text[span.start : span.end] == "oil" and span.start == text.index("sent oil") + 5
    assert locate("oil", "Soldiers remain on Russian soil.").kind == "none"
