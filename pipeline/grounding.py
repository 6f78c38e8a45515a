"""Find quotes in the article and check that a record's hedge matches its quote.

``locate`` tries, in order: the exact substring; a normalized match (case, whitespace, typographic
quotes, apostrophes and dashes unified) whose offsets are mapped back to the original text; and a
fuzzy match scored with ``difflib.SequenceMatcher``. Fuzzy candidates are anchored on the
needle's rarest words, so the cost grows with the needle and the number of anchor hits, not with
the article length times the needle length.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from pipeline.dates import MONTHS
from pipeline.quantities import qualifiers_of
from schemas.records import Count, Qualifier

__all__ = [
    "Span",
    "iter_sentence_spans",
    "locate",
    "qualifier_consistent",
    "sentence_around",
    "sentence_spans",
]


@dataclass(frozen=True)
class Span:
    """Where a quote was found: ``[start, end)`` in the original text, how, and how well."""

    start: int
    end: int
    kind: str  # "exact" | "normalized" | "fuzzy" | "none"
    score: float


# --------------------------------------------------------------------------------------------
# Normalization with an offset map back to the original text
# --------------------------------------------------------------------------------------------

_CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bc\uff07", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe63\uff0d", "-"),
    "\u2026": "...",
}


@lru_cache(maxsize=4096)
def _norm_char(ch: str) -> str:
    mapped = _CHAR_MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isspace():
        return " "
    if unicodedata.category(ch) == "Cf":
        return ""  # soft hyphens and zero-width characters are invisible in print
    # Decompose, fold case and drop accents, so composed and decomposed letters (and a quote
    # that lost its accents) compare equal; the rest of the quote must still match verbatim.
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _normalize(text: str) -> tuple[str, list[int]]:
    """Normalized text and, for each of its characters, the index of its source character.

    Case-folded, accents dropped, whitespace collapsed to single spaces and trimmed, typographic
    quotes, apostrophes and dashes unified, invisible format characters dropped. Characters
    that map one-to-one go through ``str.translate`` so a 50 KB article takes a few ms.
    """
    table: dict[int, str] = {}
    irregular: list[str] = []
    for ch in set(text):
        mapped = _norm_char(ch)
        if len(mapped) != 1:
            irregular.append(ch)  # "ß" -> "ss", "…" -> "...", soft hyphen -> ""
        elif mapped != ch:
            table[ord(ch)] = mapped
    out = text.translate(table)
    src = list(range(len(text)))
    if irregular:
        parts: list[str] = []
        idx: list[int] = []
        last = 0
        for m in re.finditer("[" + "".join(map(re.escape, irregular)) + "]", out):
            parts.append(out[last : m.start()])
            idx.extend(range(last, m.start()))
            rep = _norm_char(m.group())
            parts.append(rep)
            idx.extend([m.start()] * len(rep))
            last = m.end()
        parts.append(out[last:])
        idx.extend(range(last, len(out)))
        out, src = "".join(parts), idx
    # Collapse runs of spaces to one, then trim.
    parts, idx, last = [], [], 0
    for m in re.finditer(r" {2,}", out):
        parts.append(out[last : m.start() + 1])
        idx.extend(src[last : m.start() + 1])
        last = m.end()
    parts.append(out[last:])
    idx.extend(src[last:])
    norm = "".join(parts)
    lead = len(norm) - len(norm.lstrip(" "))
    norm = norm.strip(" ")
    return norm, idx[lead : lead + len(norm)]


@lru_cache(maxsize=8)
def _normalize_haystack(text: str) -> tuple[str, tuple[int, ...]]:
    # Cached apart from needles: a caller locates many quotes in the same article.
    norm, src = _normalize(text)
    return norm, tuple(src)


_TOKEN_RE = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _token_index(norm: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for m in _TOKEN_RE.finditer(norm):
        index.setdefault(m.group(), []).append(m.start())
    return index


# --------------------------------------------------------------------------------------------
# locate
# --------------------------------------------------------------------------------------------

_MAX_ANCHOR_HITS = 50  # a word seen more often than this says little about where the quote is
_MAX_CANDIDATES = 6


def _snap(norm: str, s: int, e: int) -> tuple[int, int]:
    """Widen [s, e) to whole words so a fuzzy match never starts or ends mid-word."""
    while s > 0 and norm[s - 1].isalnum() and norm[s].isalnum():
        s -= 1
    while e < len(norm) and norm[e - 1].isalnum() and norm[e].isalnum():
        e += 1
    while s < e and norm[s] == " ":
        s += 1
    while e > s and norm[e - 1] == " ":
        e -= 1
    return s, e


def _fuzzy(needle: str, hay: str) -> tuple[float, int, int]:
    """Best fuzzy window for ``needle`` in ``hay`` (both normalized): (score, start, end)."""
    index = _token_index(hay)
    tokens = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(needle)]
    present = [(t, q) for t, q in tokens if t in index]
    if not present:
        return 0.0, -1, -1
    usable = [(t, q) for t, q in present if len(index[t]) <= _MAX_ANCHOR_HITS]
    if not usable:
        # Only common words: anchor on the rarest of them rather than give up.
        rarest = min(len(index[t]) for t, _ in present)
        usable = [(t, q) for t, q in present if len(index[t]) == rarest]
    # Each hit of a needle word votes for where the quote would start (hit - offset in needle);
    # rare words weigh more. Votes are binned so small edits do not split them.
    bin_size = max(16, len(needle) // 8)
    votes: Counter[int] = Counter()
    starts: dict[int, list[int]] = {}
    for tok, q in usable:
        hits = index[tok]
        weight = 1.0 / len(hits)
        for h in hits:
            b = (h - q) // bin_size
            votes[b] += weight
            starts.setdefault(b, []).append(h - q)
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)  # seq2 is the side SequenceMatcher indexes; reuse it
    best = (0.0, -1, -1)
    pad = len(needle) // 4 + bin_size
    for b, _ in votes.most_common(_MAX_CANDIDATES):
        guess = sorted(starts[b])[len(starts[b]) // 2]
        lo, hi = max(0, guess - pad), min(len(hay), guess + len(needle) + pad)
        matcher.set_seq1(hay[lo:hi])
        blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
        if not blocks:
            continue
        # Trim stray short matches at the edges so the window hugs the aligned text.
        solid = [blk for blk in blocks if blk.size >= 3] or blocks
        s, e = _snap(hay, lo + solid[0].a, lo + solid[-1].a + solid[-1].size)
        if s >= e:
            continue
        matcher.set_seq1(hay[s:e])
        score = matcher.ratio()
        if score > best[0]:
            best = (score, s, e)
    return best


def _find_whole(haystack: str, needle: str) -> int:
    """The first occurrence of ``needle`` that does not start or end inside a word ("oil" is
    not found in "soil"), else the first occurrence at all when every one is inside a word
    and the needle is long enough to be a quote, else -1."""
    first = pos = haystack.find(needle)
    while pos >= 0:
        before = haystack[pos - 1] if pos > 0 else " "
        after = haystack[pos + len(needle)] if pos + len(needle) < len(haystack) else " "
        inside = (needle[0].isalnum() and before.isalnum()) or (
            needle[-1].isalnum() and after.isalnum()
        )
        if not inside:
            return pos
        pos = haystack.find(needle, pos + 1)
    return first if first >= 0 and len(needle) >= 12 else -1


def locate(needle: str, haystack: str, *, min_score: float = 0.85) -> Span:
    """Find a quote in the article: exact, then normalized, then fuzzy.

    Offsets always refer to the original ``haystack``. A fuzzy match is accepted when its
    ``SequenceMatcher`` ratio against the needle (both normalized) is at least ``min_score``;
    otherwise the result is ``Span(-1, -1, "none", best_score)``.
    """
    if not needle or not haystack or not needle.strip():
        return Span(-1, -1, "none", 0.0)
    stripped = needle.strip()
    pos = _find_whole(haystack, stripped)
    if pos >= 0:
        return Span(pos, pos + len(stripped), "exact", 1.0)

    hay, src = _normalize_haystack(haystack)
    ndl, _ = _normalize(stripped)
    if not ndl or not hay:
        return Span(-1, -1, "none", 0.0)
    pos = _find_whole(hay, ndl)
    if pos >= 0:
        return Span(src[pos], src[pos + len(ndl) - 1] + 1, "normalized", 1.0)
    if len(ndl) < 12:
        return Span(-1, -1, "none", 0.0)  # a short phrase is there or not; fuzzy finds "soil"

    score, s, e = _fuzzy(ndl, hay)
    if s >= 0 and score >= min_score:
        return Span(src[s], src[e - 1] + 1, "fuzzy", score)
    return Span(-1, -1, "none", score)


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------

# Words after which a period does not end a sentence (compared case-folded, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig rep sen gov pres st jr sr rev
    hon amb vs dept univ corp inc ltd bzw ggf usw vgl evtl inkl zb dh ua sog
    """.split()
)
# ...and words that are abbreviations only before a figure ("No. 2", "Jan. 5", "ca. 600"):
# "North Korea said no. The talks..." does end a sentence.
_NUMBER_ABBREVIATIONS = frozenset(
    """
    no nos nr art abs fig vol pp ca approx est
    jan feb mar apr jun jul aug sep sept oct nov dec okt dez mrz
    """.split()
)

_BOUNDARY_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
_BULLET_RE = re.compile(
    r"[ \t]*(?:[-*\u2022\u00b7\u25aa\u25e6\u2023\u2013\u2014]|\d{1,2}[.)])[ \t]+"
)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")
_DAY_BEFORE_RE = re.compile(r"(?<![\d.,])\d{1,2}\.$")
_MONTH_AFTER_RE = re.compile(r"\s*([^\W\d_]+)")


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    """Whether the punctuation matched at ``m`` ends a sentence."""
    nxt = line[m.end() :].lstrip()
    if nxt and nxt[0].islower():
        return False  # "e.g. the", '"Why?" he asked', "... and then"
    punct = m.group()
    if "!" in punct or "?" in punct or punct.count(".") != 1:
        return True
    # Both patterns end at the dot (``$`` at ``end``): search only the tail of the line that can
    # hold a match, not the whole line before it, which is quadratic in a long paragraph. A word
    # match holds no space; a day match is at most three characters, and its look-behind still
    # sees the character before the window.
    end = m.start() + 1
    word = _WORD_BEFORE_RE.search(line, line.rfind(" ", 0, end) + 1, end)
    if word:
        w = word.group(1)
        # "U.S.", "e.g.", "J." in a name: single letters joined by dots are initials.
        if all(len(part) == 1 for part in w.split(".")):
            return False
        if w.casefold() in _ABBREVIATIONS:
            return False
        if w.casefold() in _NUMBER_ABBREVIATIONS and nxt[:1].isdigit():
            return False
    if _DAY_BEFORE_RE.search(line, max(0, end - 3), end):
        # German dates: "am 26. Juni 2025" is one sentence.
        after = _MONTH_AFTER_RE.match(line, m.end())
        if after and after.group(1).casefold() in MONTHS:
            return False
    return True


@lru_cache(maxsize=8)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(iter_sentence_spans(text))


def iter_sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``sentence_spans(text)`` one at a time, split as they are read: a reader that stops after
    the first few sentences does not split the rest of the text."""

    def trimmed(s: int, e: int) -> tuple[int, int] | None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return (s, e) if s < e else None

    line_start = 0
    for line in text.split("\n"):
        if not line or line.isspace():
            line_start += len(line) + 1  # a blank line holds no sentence
            continue
        line_end = line_start + len(line)
        bullet = _BULLET_RE.match(line)
        if bullet and bullet.group().strip()[0].isdigit():
            # "26. Juni 2025 ..." starts with a date, not a numbered item.
            after = _MONTH_AFTER_RE.match(line, bullet.end())
            if after and after.group(1).casefold() in MONTHS:
                bullet = None
        seg = line_start + (bullet.end() if bullet else 0)
        for m in _BOUNDARY_RE.finditer(line):
            if line_start + m.end() <= seg or not _ends_sentence(line, m):
                continue
            span = trimmed(seg, line_start + m.end())
            if span:
                yield span
            seg = line_start + m.end()
        span = trimmed(seg, line_end)
        if span:
            yield span
        line_start = line_end + 1


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries as ``(start, end)`` offsets into ``text``, trimmed of whitespace.

    Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by whitespace, and at every newline;
    a leading bullet ("- ", "• ", "1. ") is not part of the sentence. Numbers ("10,000",
    "1.5 million"), initials ("U.S."), titles ("Mr.", "Gen."), month abbreviations ("Jan.") and
    German dates ("26. Juni") do not end a sentence, nor does punctuation followed by a
    lower-case word.
    """
    return list(_cached_sentence_spans(text))


@lru_cache(maxsize=256)
def _cached_sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    # every step asks for the sentences of the same article text: split it once
    return tuple(_sentence_spans(text)) if text else ()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence or sentences covering ``[start, end)``.

    An empty range counts as the character at ``start``. When no sentence overlaps the range
    (it lies in whitespace between sentences, or outside the text) the range itself is
    returned, clipped to the text.
    """
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if end < start:
        start, end = end, start
    lo, hi = start, max(end, start + 1)
    covering = [(s, e) for s, e in _sentence_spans(text) if s < hi and lo < e] if text else []
    if not covering:
        return start, end
    return covering[0][0], covering[-1][1]


# --------------------------------------------------------------------------------------------
# Qualifier check
# --------------------------------------------------------------------------------------------


def qualifier_consistent(count: Count, quote: str) -> bool:
    """False when the quote's hedge on the count's figure contradicts ``count.qualifier``.

    The hedge is read from the words just before the figure in the quote (and "or more" style
    words after it), with the lexicon in ``pipeline.quantities``. "at least 600" makes a count
    of 600 at_least; no hedge makes it exact. The count agrees when any mention of its figure
    carries its qualifier. Range and unspecified counts carry no single-figure hedge to
    contradict, and a figure the quote does not contain cannot be contradicted: both return
    True (use ``count_in_text`` to check presence).
    """
    if count.qualifier in (Qualifier.range, Qualifier.unspecified) or count.best is None:
        return True
    found = qualifiers_of(quote or "", count.best)
    return not found or count.qualifier in found
