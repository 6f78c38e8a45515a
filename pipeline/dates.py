"""Turn a time phrase as written ("since September", "zwischen Juli und August 2025") into a
``TimeSpan``.

The model copies the phrase; code resolves it, so an ISO date is never invented by the model.
What is supported (English and German):

* absolute dates: ``2025-06-26``, ``2025-06``, ``26.06.2025``, ``26 June 2025``,
  ``26th of June 2025``, ``June 26, 2025``, ``am 26. Juni 2025``, ``June 2025``, ``Juni 2025``,
  bare years ``2024``, season spans ``2024-25``;
* day and month ranges: ``26-28 June 2025``, ``June 26-28, 2025``, ``between July and August
  2025``, ``from October 2024 to January 2025``;
* year-level phrases: ``late 2024``, ``early 2025``, ``mid-2025``, ``Ende 2024`` (the modifier is
  dropped; the year is kept at year precision);
* with a reference date only: a month or day without a year ("since September", "June 26"),
  ``last/this/next year``, ``last/this/next month``, ``last/next September``, ``September last
  year``, ``today``, ``yesterday`` and their German forms.

Rules: the first date found is ``start``; the last one is ``end`` when there are two or more.
One date alone is ``start`` ("since", "in", "from"), or ``end`` right after "until", "by",
"before", "bis" (filler such as "the end of" may sit between: "by the end of 2025").
A date missing its year takes it from a neighbouring date ("between July and August 2025"), else
from the reference date: the most recent such month not after the reference ("next <month>":
the first one after it). When start and end differ in precision both are cut to the coarser one.
Durations ("over the past two months", "last week", "in recent weeks") and seasons are not
resolved: the phrase is kept as text with no dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from schemas.records import DatePrecision, TimeSpan

__all__ = ["MONTHS", "dateline_date", "parse_time"]

# One row per month: its number, then its English and German names and abbreviations, then
# its Russian names (nominative, genitive "12 марта", prepositional "в марте").
_MONTH_NAMES = """
1 january jan januar jänner jaenner январь января январе
2 february feb februar feber февраль февраля феврале
3 march mar märz maerz marz mär mrz март марта марте
4 april apr апрель апреля апреле
5 may mai май мая мае
6 june jun juni июнь июня июне
7 july jul juli июль июля июле
8 august aug август августа августе
9 september sept sep сентябрь сентября сентябре
10 october oct oktober okt октябрь октября октябре
11 november nov ноябрь ноября ноябре
12 december dec dezember dez декабрь декабря декабре
"""
#: Month names and abbreviations (case-folded) to month numbers.
MONTHS: dict[str, int] = {
    name: int(row.split()[0])
    for row in _MONTH_NAMES.strip().splitlines()
    for name in row.split()[1:]
}
# English words that are also months; they count only when capitalised ("troops may go").
_CAPITALISED_ONLY = {"may", "march", "mar"}

_MON = r"(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")"
_ORD = r"(?:st|nd|rd|th|\.)?"
_YEAR = r"(?:19|20)\d{2}"
_THIS = (
    r"this|current|diesem|dieses|diesen|laufenden|laufendes|этом|этого|текущем|текущего|нынешнем"
)
_LAST = (
    r"last|previous|vergangenen|vergangenes|letzten|letztes|vorigen|voriges|прошлом|прошлого|"
    r"прошедшем|прошедшего"
)
_NEXT = (
    r"next|coming|nächsten|nächstes|naechsten|kommenden|kommendes|следующем|следующего|"
    r"будущем|будущего|наступающем"
)
_MOD = _THIS + "|" + _LAST + "|" + _NEXT

# <MON>, <YEAR>, <ORD> and <MOD> are filled in by _compile(); they keep the patterns readable.
_PATTERNS: list[tuple[str, str]] = [
    ("iso_day", r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    ("dotted_day", r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"),
    ("iso_month", r"(?<!\d)(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?![\d-])"),
    ("year_pair", r"(?<![\d.,])(?P<y><YEAR>)\s*[-–/]\s*(?P<y2>\d{2})(?![\d.,]?\d)"),
    (
        "day_range",
        r"(?<![\d.,])(?P<d>\d{1,2})<ORD>\s*(?:-|–|to|and|bis|und)\s*(?P<d2>\d{1,2})<ORD>"
        r"\s+(?:of\s+)?(?P<mon><MON>)\b\.?(?:,?\s+(?P<y><YEAR>)(?!\d))?",
    ),
    (
        "day_month",
        r"(?<![\d.,])(?P<d>\d{1,2})<ORD>\s+(?:of\s+)?(?P<mon><MON>)\b\.?"
        r"(?:,?\s+(?P<y><YEAR>)(?!\d))?",
    ),
    (
        "month_day_range",
        r"\b(?P<mon><MON>)\b\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*"
        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d.,]?\d)(?:,?\s+(?P<y><YEAR>)(?!\d))?",
    ),
    (
        "month_day",
        r"\b(?P<mon><MON>)\b\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d.,]?\d)"
        r"(?:,?\s+(?P<y><YEAR>)(?!\d))?",
    ),
    ("month_year", r"\b(?P<mon><MON>)\b\.?,?\s+(?:of\s+)?(?P<y><YEAR>)(?!\d)"),
    (
        "month",
        r"(?:\b(?P<mod><MOD>)\s+)?\b(?P<mon><MON>)\b\.?"
        r"(?:\s+(?P<post><MOD>)\s+(?:year|jahres)\b)?",
    ),
    ("year", r"(?<![\d.,])(?P<y><YEAR>)(?![^\W_]|[.,]\d)"),
    (
        "rel_year",
        r"\b(?:(?P<mod><MOD>)\s+(?:year|jahr(?:es)?|году|года)|(?P<prev>vorjahr(?:es)?))\b",
    ),
    ("rel_month", r"\b(?P<mod><MOD>)\s+(?:month|monats?|месяце|месяца)\b"),
    ("rel_day", r"\b(?P<rel>today|yesterday|heute|gestern|сегодня|вчера)\b"),
]


def _compile() -> re.Pattern[str]:
    # Python forbids a group name twice in one pattern, so each alternative's groups get its
    # name as prefix ("month_day__mon"). Alternatives are tried in order: most specific first.
    fills = {"<MON>": _MON, "<YEAR>": _YEAR, "<ORD>": _ORD, "<MOD>": _MOD}
    parts = []
    for name, rx in _PATTERNS:
        for placeholder, value in fills.items():
            rx = rx.replace(placeholder, value)
        parts.append(f"(?P<{name}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<{name}__\1>", rx) + ")")
    return re.compile("|".join(parts), re.IGNORECASE)


_SCAN = _compile()
_END_CUE = re.compile(
    r"\b(?:until|till|til|through|thru|by|bis|up\s+to|before|no\s+later\s+than|spätestens|"
    r"до|не\s+позднее|к)\b",
    re.IGNORECASE,
)
# Words that may sit between a cue and its date: "until the end of 2025", "bis Ende Juni".
_FILLER = re.compile(
    r"(?:[\s,-]|\b(?:the|end|start|beginning|middle|of|late|early|mid|ende|anfang|mitte|des|"
    r"der|den|dem|im|am|in|zum|zur|конца|начала|середины|концу|началу|середине)\b)*",
    re.IGNORECASE,
)
_RANK = {DatePrecision.year: 0, DatePrecision.month: 1, DatePrecision.day: 2}


def _cued(before: str, cue: re.Pattern[str]) -> bool:
    """Whether ``before`` ends in the cue, give or take filler words ("by the end of")."""
    matches = list(cue.finditer(before))
    return bool(matches) and _FILLER.fullmatch(before, matches[-1].end()) is not None


@dataclass(frozen=True)
class _Point:
    """One date found in the phrase; ``year`` is None until it is inferred."""

    year: int | None
    month: int | None = None
    day: int | None = None
    start: int = 0  # offset in the phrase, to tell which words come before it

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.day
        return DatePrecision.month if self.month is not None else DatePrecision.year

    def iso(self, precision: DatePrecision) -> str:
        if precision is DatePrecision.year or self.month is None:
            return f"{self.year:04d}"
        if precision is DatePrecision.month or self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _kind(word: str) -> str:
    """Which of this/last/next a modifier word means."""
    w = word.casefold()
    for name, alternatives in (("last", _LAST), ("next", _NEXT)):
        if w in alternatives.split("|"):
            return name
    return "this"


def _month_year(month: int, ref: date, kind: str) -> int:
    """Year of a year-less month relative to the reference date."""
    if kind == "last":  # the latest such month before the reference month
        return ref.year if month < ref.month else ref.year - 1
    if kind == "this":
        return ref.year
    if kind == "next":  # the first such month after the reference month
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1  # most recent, not after


def _shift_month(ref: date, delta: int) -> tuple[int, int]:
    index = ref.year * 12 + ref.month - 1 + delta
    return index // 12, index % 12 + 1


def _points(text: str, ref: date | None) -> list[_Point]:
    points: list[_Point] = []
    for m in _SCAN.finditer(text):
        name = m.lastgroup
        assert name is not None
        prefix = name + "__"
        g = {k[len(prefix) :]: v for k, v in m.groupdict().items() if v and k.startswith(prefix)}
        at = m.start()
        month = None
        if "mon" in g:
            if g["mon"].casefold() in _CAPITALISED_ONLY and not g["mon"][0].isupper():
                continue  # "troops may arrive", "a long march"
            month = MONTHS[g["mon"].casefold()]
        elif "m" in g:
            month = int(g["m"])
            if not 1 <= month <= 12:
                continue
        year = int(g["y"]) if "y" in g else None
        if name in ("iso_day", "dotted_day", "day_month", "month_day"):
            points.append(_Point(year, month, int(g["d"]), at))
        elif name in ("day_range", "month_day_range"):
            points.append(_Point(year, month, int(g["d"]), at))
            points.append(_Point(year, month, int(g["d2"]), at))
        elif name in ("iso_month", "month_year"):
            points.append(_Point(year, month, None, at))
        elif name == "year_pair":
            assert year is not None
            second = year // 100 * 100 + int(g["y2"])
            points.append(_Point(year, None, None, at))
            if second > year:  # "2024-25"; "2024/03" is no year pair
                points.append(_Point(second, None, None, at))
        elif name == "year":
            points.append(_Point(year, None, None, at))
        elif name == "month":
            assert month is not None
            if "post" in g:
                delta = {"this": 0, "last": -1, "next": 1}[_kind(g["post"])]
                year = ref.year + delta if ref else None
            elif "mod" in g:
                year = _month_year(month, ref, _kind(g["mod"])) if ref else None
            points.append(_Point(year, month, None, at))
        elif ref is None:
            continue  # relative phrases mean nothing without a reference date
        elif name == "rel_year":
            delta = -1 if "prev" in g else {"this": 0, "last": -1, "next": 1}[_kind(g["mod"])]
            points.append(_Point(ref.year + delta, None, None, at))
        elif name == "rel_month":
            delta = {"this": 0, "last": -1, "next": 1}[_kind(g["mod"])]
            y, mo = _shift_month(ref, delta)
            points.append(_Point(y, mo, None, at))
        elif name == "rel_day":
            day = (
                ref
                if g["rel"].casefold() in ("today", "heute", "сегодня")
                else date.fromordinal(ref.toordinal() - 1)
            )
            points.append(_Point(day.year, day.month, day.day, at))
    return points


def _fill_years(points: list[_Point], ref: date | None) -> list[_Point]:
    """Give year-less points the year of a neighbour, else of the reference date."""
    pts = list(points)

    def key(p: _Point) -> tuple[int, int]:
        return (p.month or 0, p.day or 0)

    while True:
        # Backward first: English and German put the year last ("July and August 2025").
        for i in range(len(pts) - 2, -1, -1):
            nxt = pts[i + 1]
            if pts[i].year is None and nxt.year is not None:
                later = nxt.month is None or key(pts[i]) <= key(nxt)
                pts[i] = replace(pts[i], year=nxt.year if later else nxt.year - 1)
        for i in range(1, len(pts)):
            prev = pts[i - 1]
            if pts[i].year is None and prev.year is not None:
                after = prev.month is None or key(pts[i]) >= key(prev)
                pts[i] = replace(pts[i], year=prev.year if after else prev.year + 1)
        missing = [i for i, p in enumerate(pts) if p.year is None]
        if not missing or ref is None:
            break
        last = pts[missing[-1]]
        assert last.month is not None  # only months and days lack a year
        if last.day is not None:
            year = ref.year if (last.month, last.day) <= (ref.month, ref.day) else ref.year - 1
        else:
            year = _month_year(last.month, ref, "none")
        pts[missing[-1]] = replace(last, year=year)
    return [p for p in pts if p.year is not None]


def _valid(p: _Point) -> _Point:
    if p.day is None:
        return p
    try:
        date(p.year or 1, p.month or 1, p.day)
    except ValueError:
        return replace(p, day=None)  # "31 June": keep the month, drop the impossible day
    return p


def parse_time(text: str | None, reference: date | None = None) -> TimeSpan:
    """Turn a time phrase as written into a ``TimeSpan``; never raises.

    ``text`` is kept as given (None for None or a blank string). ``reference`` is the date the
    article was written, used only for phrases that need it ("since September", "last year").
    Without a date the phrase is kept with ``start``, ``end`` and ``precision`` None.
    """
    if text is None or not str(text).strip():
        return TimeSpan()
    phrase = str(text)
    try:
        points = [_valid(p) for p in _fill_years(_points(phrase, reference), reference)]
        if not points:
            return TimeSpan(text=phrase)
        first, last = points[0], points[-1]
        if len(points) == 1:
            if _cued(phrase[: first.start], _END_CUE):
                return TimeSpan(
                    text=phrase, end=first.iso(first.precision), precision=first.precision
                )
            return TimeSpan(
                text=phrase, start=first.iso(first.precision), precision=first.precision
            )
        precision = min(first.precision, last.precision, key=_RANK.__getitem__)
        start, end = first.iso(precision), last.iso(precision)
        if start > end:  # ISO strings of one precision sort as dates
            start, end = end, start
        return TimeSpan(
            text=phrase, start=start, end=None if end == start else end, precision=precision
        )
    except (ValueError, OverflowError):
        # Defensive: a date phrase must never stop the record it belongs to.
        return TimeSpan(text=phrase)


def dateline_date(text: str, *, head_chars: int = 600) -> date | None:
    """The date an article gives itself near its top, or None.

    Looks at the start of each line in the first ``head_chars`` characters for one full date
    ("SEOUL, Nov. 18, 2025 (Wire) - ...", "date 2025-06-26", "Seoul, 14. Oktober 2025") and
    returns the first. Only day-precision dates count: "since September 2024" in a lead sentence
    is not the article's date.
    """
    for line in text[:head_chars].splitlines():
        span = parse_time(line[:60])
        if span.precision is DatePrecision.day and span.start and not span.end:
            return date.fromisoformat(span.start)
    return None
