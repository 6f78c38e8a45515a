"""Tests for pipeline.dates.parse_time."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import MONTHS, parse_time
from schemas.records import DatePrecision, TimeSpan

JUNE = date(2025, 6, 26)
NOVEMBER = date(2025, 11, 3)
Y, M, D = DatePrecision.year, DatePrecision.month, DatePrecision.day


def span(text, start, end, precision) -> TimeSpan:
    return TimeSpan(text=text, start=start, end=end, precision=precision)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # Absolute days
        ("2025-06-26", "2025-06-26", None, D),
        ("26 June 2025", "2025-06-26", None, D),
        ("26th June 2025", "2025-06-26", None, D),
        ("the 26th of June 2025", "2025-06-26", None, D),
        ("June 26, 2025", "2025-06-26", None, D),
        ("June 26th, 2025", "2025-06-26", None, D),
        ("on Jun. 26, 2025", "2025-06-26", None, D),
        ("am 26. Juni 2025", "2025-06-26", None, D),
        ("26.06.2025", "2025-06-26", None, D),
        ("26.6.2025", "2025-06-26", None, D),
        ("1 March 2025", "2025-03-01", None, D),
        # Months
        ("June 2025", "2025-06", None, M),
        ("in July 2025", "2025-07", None, M),
        ("im Juli 2025", "2025-07", None, M),
        ("im März 2025", "2025-03", None, M),
        ("Dezember 2024", "2024-12", None, M),
        ("Oktober 2024", "2024-10", None, M),
        ("Sept. 2024", "2024-09", None, M),
        ("2025-06", "2025-06", None, M),
        ("late June 2025", "2025-06", None, M),
        ("Ende Juni 2025", "2025-06", None, M),
        # Years
        ("2024", "2024", None, Y),
        ("in 2024", "2024", None, Y),
        ("late 2024", "2024", None, Y),
        ("mid-2025", "2025", None, Y),
        ("Anfang 2025", "2025", None, Y),
        ("in the third quarter of 2025", "2025", None, Y),
        # Spans
        ("between July and August 2025", "2025-07", "2025-08", M),
        ("zwischen Juli und August 2025", "2025-07", "2025-08", M),
        ("July-August 2025", "2025-07", "2025-08", M),
        ("from October 2024 to January 2025", "2024-10", "2025-01", M),
        ("between November and February 2025", "2024-11", "2025-02", M),
        ("from November 2024 to February", "2024-11", "2025-02", M),
        ("in late 2024 and early 2025", "2024", "2025", Y),
        ("2024-2025", "2024", "2025", Y),
        ("2024-25", "2024", "2025", Y),
        ("26-28 June 2025", "2025-06-26", "2025-06-28", D),
        ("June 26-28, 2025", "2025-06-26", "2025-06-28", D),
        ("vom 3. bis 5. Juli 2025", "2025-07-03", "2025-07-05", D),
        # Different precisions: both cut to the coarser one.
        ("from 26 June to August 2025", "2025-06", "2025-08", M),
        ("from 26 June 2025 to 2026", "2025", "2026", Y),
        ("between March 2024 and 2025", "2024", "2025", Y),
        # Start or end only
        ("since September 2024", "2024-09", None, M),
        ("seit Oktober 2024", "2024-10", None, M),
        ("until March 2025", None, "2025-03", M),
        ("by the end of 2025", None, "2025", Y),
        ("bis Ende 2025", None, "2025", Y),
        ("until the end of 2025", None, "2025", Y),
        ("bis Ende Juni 2025", None, "2025-06", M),
        ("before 2025", None, "2025", Y),
        # An end cue far from the date is not about the date.
        ("deployed by Russia in 2024", "2024", None, Y),
        ("since 2022", "2022", None, Y),
        ("as of June 2025", "2025-06", None, M),
        # Odd forms that still resolve
        ("31 June 2025", "2025-06", None, M),  # no such day: keep the month
        ("from 2025 to 2024", "2024", "2025", Y),  # reversed: put in order
        ("early July and late July 2025", "2025-07", None, M),  # one period
    ],
)
def test_parse_time_without_reference(text, start, end, precision):
    assert parse_time(text) == span(text, start, end, precision)
    # A reference date changes nothing when the phrase is absolute.
    assert parse_time(text, JUNE) == span(text, start, end, precision)


@pytest.mark.parametrize(
    ("text", "reference", "start", "end", "precision"),
    [
        # The most recent such month not after the reference.
        ("since September", JUNE, "2024-09", None, M),
        ("since September", NOVEMBER, "2025-09", None, M),
        ("since June", JUNE, "2025-06", None, M),
        ("seit Oktober", JUNE, "2024-10", None, M),
        ("in May", JUNE, "2025-05", None, M),
        ("June 26", JUNE, "2025-06-26", None, D),
        ("June 27", JUNE, "2024-06-27", None, D),
        ("between July and August", JUNE, "2024-07", "2024-08", M),
        ("until March", JUNE, None, "2025-03", M),
        # Relative words
        ("last year", JUNE, "2024", None, Y),
        ("earlier this year", JUNE, "2025", None, Y),
        ("next year", JUNE, "2026", None, Y),
        ("im vergangenen Jahr", JUNE, "2024", None, Y),
        ("letztes Jahr", JUNE, "2024", None, Y),
        ("im Vorjahr", JUNE, "2024", None, Y),
        ("dieses Jahr", JUNE, "2025", None, Y),
        ("this month", JUNE, "2025-06", None, M),
        ("last month", date(2025, 1, 10), "2024-12", None, M),
        ("next month", date(2025, 12, 10), "2026-01", None, M),
        ("letzten Monat", JUNE, "2025-05", None, M),
        ("today", JUNE, "2025-06-26", None, D),
        ("yesterday", date(2025, 1, 1), "2024-12-31", None, D),
        ("gestern", JUNE, "2025-06-25", None, D),
        ("last September", JUNE, "2024-09", None, M),
        ("last September", NOVEMBER, "2025-09", None, M),
        ("next September", JUNE, "2025-09", None, M),
        ("next March", JUNE, "2026-03", None, M),
        ("September last year", JUNE, "2024-09", None, M),
        ("in March this year", JUNE, "2025-03", None, M),
        ("since last year", JUNE, "2024", None, Y),
        ("from last year to this year", JUNE, "2024", "2025", Y),
    ],
)
def test_parse_time_with_reference(text, reference, start, end, precision):
    assert parse_time(text, reference) == span(text, start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "since September",
        "last year",
        "this month",
        "yesterday",
        "June 26",
        "between July and August",
        "September last year",
        "last September",
    ],
)
def test_relative_phrases_need_a_reference(text):
    assert parse_time(text) == TimeSpan(text=text)


@pytest.mark.parametrize(
    "text",
    [
        "recently",
        "over the past two months",
        "last week",
        "in recent weeks",
        "in the 1990s",
        "soon",
        "10,000 troops",  # a count is not a year
        "2,025",
        "the 2025th time",
        "troops may be sent",  # "may" is a verb unless capitalised
        "a long march",
        "unknown",
    ],
)
def test_parse_time_nothing_to_resolve(text):
    assert parse_time(text, JUNE) == TimeSpan(text=text)


@pytest.mark.parametrize("text", [None, "", "   "])
def test_parse_time_empty(text):
    assert parse_time(text) == TimeSpan()
    assert parse_time(text, JUNE) == TimeSpan()


def test_parse_time_keeps_text_as_given():
    assert parse_time("  in July 2025 ").text == "  in July 2025 "


@pytest.mark.parametrize(
    "text",
    [
        "2025-13-45",
        "2025-02-30",
        "99.99.2025",
        "0 June 2025",
        "32 June 2025",
        "February 29, 2025",
        "31.04.2025",
        "between and",
        "9" * 300,
        "since since since",
        "June" * 50,
    ],
)
def test_parse_time_never_raises(text):
    result = parse_time(text, JUNE)
    assert isinstance(result, TimeSpan)
    assert result.text == text


def test_impossible_day_falls_back_to_month():
    assert parse_time("February 29, 2025") == span("February 29, 2025", "2025-02", None, M)
    assert parse_time("February 29, 2024") == span("February 29, 2024", "2024-02-29", None, D)


def test_impossible_month_is_ignored():
    assert parse_time("2025-13-45") == TimeSpan(text="2025-13-45")


def test_capitalised_may_is_a_month():
    assert parse_time("May 2025") == span("May 2025", "2025-05", None, M)
    assert parse_time("Mai 2025") == span("Mai 2025", "2025-05", None, M)


def test_start_and_end_share_one_precision():
    for text in ("from 26 June to August 2025", "between March 2024 and 2025", "26-28 June 2025"):
        result = parse_time(text)
        assert result.precision is not None
        expected_len = {Y: 4, M: 7, D: 10}[result.precision]
        assert len(result.start) == expected_len
        assert len(result.end) == expected_len


def test_months_table_covers_english_and_german():
    for name, number in [
        ("january", 1),
        ("märz", 3),
        ("mai", 5),
        ("juli", 7),
        ("oktober", 10),
        ("dezember", 12),
        ("sept", 9),
    ]:
        assert MONTHS[name] == number


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("12 марта 2025 года", "2025-03-12", None, D),
        ("с сентября 2024 года", "2024-09", None, M),
        ("в ноябре 2024 года", "2024-11", None, M),
        ("в мае", "2025-05", None, M),
        ("в прошлом году", "2024", None, Y),
        ("в следующем месяце", "2025-07", None, M),
        ("до конца 2025 года", None, "2025", Y),
        ("с октября по декабрь 2024 года", "2024-10", "2024-12", M),
    ],
)
def test_russian_time_phrases(text, start, end, precision):
    assert parse_time(text, JUNE) == span(text, start, end, precision)


def test_russian_dateline_is_the_articles_date():
    from pipeline.dates import dateline_date

    assert dateline_date("СЕУЛ, 12 марта 2025 года. Северная Корея направила...") == date(
        2025, 3, 12
    )
