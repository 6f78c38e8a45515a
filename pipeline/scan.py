"""Where the last sentence break before a position ends, without scanning from the start each time.

``pipeline.status`` asks, for every figure and item, where its sentence starts: the end of the
last match of its sentence-break pattern in ``text[:position]``. Scanning the text up to the
position for every question makes an article's status reading quadratic. ``last_match_end``
scans each text once and answers from the matches found, for a pattern whose matches and failed
attempts read no character past the first non-space character after where they start (a run of
spaces, then a look at one character). For such a pattern the scan of ``text[:position]`` finds,
up to the last non-space character before ``position``, exactly the matches the scan of the whole
text finds; only the spaces after that character are scanned again, as ``text[:position]``.

That property is proven for the patterns in ``_SPACE_BOUNDED`` only; any other pattern (a changed
sentence-break pattern, say) is scanned the slow way, with the same result.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_SPACE_BOUNDED = frozenset(
    (p.pattern, p.flags)
    for p in (
        # pipeline.status._SENTENCE_END: a run of spaces after [.!?] then a look at one
        # character; a newline, spaces, a newline; a newline then spaces and a look at one
        # character (Latin and Cyrillic capitals open a sentence)
        re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝА-ЯЁ\"“‘'(¿¡])|\n\s*\n|\n(?=\s*[-*•\d])"),
    )
)


@lru_cache(maxsize=32)
def _matches(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    found = [m.span() for m in pattern.finditer(text)]
    return [s for s, _ in found], [e for _, e in found]


def last_match_end(pattern: re.Pattern[str], text: str, position: int) -> int:
    """The end of the last match of ``pattern.finditer(text, 0, position)`` (0 if none)."""
    if (pattern.pattern, pattern.flags) not in _SPACE_BOUNDED:
        left = 0
        for m in pattern.finditer(text, 0, position):
            left = m.end()
        return left
    position = max(0, min(position, len(text)))  # as finditer bounds endpos
    tail = position  # the run of spaces right before position starts here
    while tail > 0 and text[tail - 1].isspace():
        tail -= 1
    starts, ends = _matches(pattern, text)
    k = bisect_left(starts, tail)  # the whole text's matches that start before the run
    left = ends[k - 1] if k else 0
    for m in pattern.finditer(text, tail, position):
        left = m.end()
    return left
