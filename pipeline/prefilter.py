"""A cheap test that rules out a regex match before the regex runs.

Python's ``re`` cannot skip ahead in a case-insensitive pattern: it tries the whole pattern at
every position, so a lexicon of alternatives costs about as much per sentence as the sentence is
long. Most sentences hold none of a lexicon's words. ``literals(pattern)`` reads the pattern's
parse tree for literal strings of which every match must contain at least one ("drone", "uav",
...), and ``may_match`` looks for them with ``in`` in the lower-cased text. When none occurs the
pattern cannot match; otherwise the caller runs the pattern as before. The test only ever skips
a search that would have found nothing, so results are the same with or without it.

Only ASCII literals are used: a character ``re`` matches to an ASCII letter case-insensitively
lower-cases to that letter in ``fold`` (``tests/test_prefilter.py`` checks every code point).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_C = sre_parse  # the opcode constants live beside the parser
_REPEATS = tuple(
    getattr(_C, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_C, name)
)
_GROUPS = tuple(getattr(_C, name) for name in ("ATOMIC_GROUP",) if hasattr(_C, name))

# Characters that ``re`` matches to an ASCII letter ignoring case but that ``str.lower`` does
# not turn into it, one character for one: dotted capital I lower-cases to two characters,
# dotless i and long s are ``re``'s extra case pairs of i and s. (The Kelvin sign lower-cases
# to k by itself.)
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lower-cased for ``may_match``: every ASCII letter a case-insensitive pattern
    matches in ``text`` is that letter, lower-case, at the same offset."""
    return text.translate(_FOLD).lower()


def _ascii(code: int) -> bool:
    return code < 128


def _seq(items: Any) -> frozenset[str] | None:
    """Literals one of which every match of this sequence holds (None: none known)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _C.LITERAL and _ascii(av):
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found = _item(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset(["".join(run)]))
    if not options:
        return None
    # any one option is a necessary condition: keep the one whose shortest literal is longest
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is _C.SUBPATTERN:
        return _seq(av[-1])
    if op in _GROUPS:
        return _seq(av)
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _seq(branch)
            if found is None:
                return None  # this branch can match without any known literal
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _, body = av
        return _seq(body) if low >= 1 else None
    return None  # classes, anchors, look-arounds, references: no literal of their own


@cache
def literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals (lower-case ASCII) one of which every match of ``pattern`` contains, or None
    when the pattern has no such set (then every text may match)."""
    try:
        found = _seq(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse tree: no shortcut, never a wrong answer
        return None
    if found is None or "" in found:
        return None
    return found


def may_match(pattern: re.Pattern[str], folded: str) -> bool:
    """False only when ``pattern`` cannot match the text whose ``fold`` is ``folded``."""
    found = literals(pattern)
    return found is None or any(lit in folded for lit in found)
