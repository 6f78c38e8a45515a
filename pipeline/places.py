"""Where: place phrases written in a sentence ("Russia's Kursk region", "near the border with
Ukraine", "near the village of Malaya Loknya"), found by code and returned as written.

A small model mostly leaves ``location`` empty or copies a place from elsewhere in the article;
the figure's own sentence says where far more reliably. Only phrases that name a region, border,
front or settlement count: "Russia" or "the war" alone is not a location.
"""

from __future__ import annotations

import re

_CAP = r"[A-ZÀ-Ý][\w’'-]+"
_NAMES = rf"{_CAP}(?:[ -]{_CAP})?(?:\s+and\s+{_CAP})?"
_OWNER = r"(?:(?:Russia|Ukraine|Russland|Ukraine)['’]s\s+|the\s+|western\s+|southern\s+)?"
_PATTERNS = [
    # Russia's Kursk region, the Belgorod and Kursk regions, Primorsky Krai and Khabarovsk regions
    rf"{_OWNER}{_CAP}(?:\s+(?:Krai|Oblast))?(?:\s+and\s+{_CAP})?\s+(?:region|regions|oblast|"
    rf"province|district|krai)\b",
    rf"{_OWNER}{_NAMES}\s+(?:Krai|Oblast|Republic)\b",
    # near the border with Ukraine, areas close to the Ukrainian border, along the Kursk border
    rf"(?:(?:areas?|regions?)\s+)?(?:near|along|close to|on|at)\s+the\s+(?:{_CAP}[ -]?)?"
    rf"(?:{_CAP}\s+)?(?:border|front(?:\s?line)?)(?:\s+with\s+{_CAP})?(?:\s+region)?",
    r"(?:Russia['’]s|Russian)\s+(?:border|frontline|front-line)\s+(?:areas|regions|zones?)",
    r"(?:Russia['’]s\s+)?Far East",
    # near the village of Tetkino, the town of Sudzha
    rf"(?:near|in|around|outside)\s+the\s+(?:village|town|city|settlement|port)\s+of\s+{_NAMES}",
    # other languages: Region Kursk, Gebiet Kursk, région de Koursk, región de Kursk
    rf"(?:Region|Gebiet|Oblast)\s+{_CAP}",
    rf"(?:région|region|región|oblast|province|provincia)\s+(?:de|d['’]|du)\s*{_CAP}",
]
_PLACE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def places_in(text: str) -> list[tuple[int, int, str]]:
    """Every place phrase in ``text``: (start, end, phrase as written)."""
    return [(m.start(), m.end(), m.group().strip()) for m in _PLACE.finditer(text)]


def place_near(text: str, start: int, end: int, span: tuple[int, int]) -> str | None:
    """The place phrase in ``text[span]`` (a figure's sentence) nearest the figure at
    ``start:end``, or None when the sentence names no place."""
    s, e = span
    best: tuple[int, str] | None = None
    for ps, pe, phrase in places_in(text[s:e]):
        ps, pe = ps + s, pe + s
        distance = ps - end if ps >= end else start - pe
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), phrase)
    return best[1] if best else None
