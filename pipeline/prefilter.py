"""A cheap test that rules out a regex match before the regex runs.

Python's ``re`` cannot skip ahead in a case-insensitive pattern: it tries the whole pattern at
every position, so a lexicon of alternatives costs about as much per sentence as the sentence is
long. Most sentences hold none of a lexicon's words. ``requirements(pattern)`` reads the
pattern's parse tree for sets of literal strings such that every match contains one literal of
each set ("drone", "uav", ...), and ``may_match`` looks for them with ``in`` in the lower-cased
text. When a set has no literal there the pattern cannot match; otherwise the caller runs the
pattern as before. The test only ever skips a search that would have found nothing, so results
are the same with or without it. ``any_match`` does the same for each top-level alternative of
a pattern whose only question is whether it matches at all.

A literal character counts only when every character ``re`` matches to it lower-cases to it in
``fold`` (``tests/test_prefilter.py`` checks every code point for the project's patterns).
"""

from __future__ import annotations

import _sre
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise
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
# to k by itself.) The same for the Cyrillic letters в, д, о, с, т, ъ and ѣ, whose old
# lower-case variants (U+1C80-U+1C87: rounded ve, long-legged de, ...) ``re`` matches to them:
# folded onto them, the Russian lexicons keep these common letters in their required literals.
_CYRILLIC_VARIANTS = {
    "\u1c80": "в",
    "\u1c81": "д",
    "\u1c82": "о",
    "\u1c83": "с",
    "\u1c84": "т",
    "\u1c85": "т",
    "\u1c86": "ъ",
    "\u1c87": "ѣ",
}
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", **_CYRILLIC_VARIANTS})
_NEEDS_TABLE = re.compile("[\u0130\u0131\u017f\u1c80-\u1c87]")
# Letters all of whose extra case pairs fold() maps onto them.
_FOLDED_ONTO = frozenset(ord(c) for c in _CYRILLIC_VARIANTS.values())


def fold(text: str) -> str:
    """``text`` lower-cased for ``may_match``: every ASCII letter (and every Cyrillic letter) a
    case-insensitive pattern matches in ``text`` is that letter, lower-case, at the same
    offset."""
    if text.isascii() or _NEEDS_TABLE.search(text) is None:
        return text.lower()  # none of _FOLD's characters: translate would change nothing
    return text.translate(_FOLD).lower()


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def cyrillic(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic letter: the Russian lexicons are asked only then, so
    they cost other text nothing (an ASCII text is ruled out without a scan for the letters)."""
    return not text.isascii() and _CYRILLIC.search(text) is not None


try:  # re's extra case pairs (dotless i and i, long s and s, Greek and Cyrillic variants)
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10: ASCII literals only
    _EXTRA_CASES = None


def usable(code: int) -> bool:
    """Whether a literal character can stand in a required literal: ``re`` matches it (ignoring
    case or not) only to characters that ``fold`` turns into its own lower case. Characters with
    extra case pairs (and so the Greek sigma, whose lower case depends on the next letter) are
    left out, but for the Cyrillic letters whose pairs ``fold`` maps onto them."""
    if code < 128:
        return True  # fold's table covers i and s
    if _EXTRA_CASES is None:
        return False
    lower = _sre.unicode_tolower(code)
    if code not in _EXTRA_CASES and lower not in _EXTRA_CASES:
        return True
    # "в" or "В": every extra case pair of "в" is a character fold() maps onto it ("ᲀ" itself
    # lower-cases to itself, and is no such letter)
    return lower in _FOLDED_ONTO


def _conj(items: Any) -> list[frozenset[str]]:
    """Sets of literals such that every match of this sequence holds one of each set."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _C.LITERAL and usable(av):
            run.append(chr(_sre.unicode_tolower(av)))
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        found += _item(op, av)
    if run:
        found.append(frozenset(["".join(run)]))
    return found


def _best(sets: list[frozenset[str]]) -> frozenset[str]:
    # the set whose shortest literal is longest: the one least often found by chance
    return max(sets, key=lambda o: (min(map(len, o)), -len(o)))


def _item(op: Any, av: Any) -> list[frozenset[str]]:
    if op is _C.SUBPATTERN:
        return _conj(av[-1])
    if op in _GROUPS:
        return _conj(av)
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _conj(branch)
            if not found:
                return []  # this alternative can match without any known literal
            union |= _best(found)
        return [frozenset(union)]
    if op in _REPEATS:
        low, _, body = av
        return _conj(body) if low >= 1 else []
    return []  # classes, anchors, look-arounds, references: no literal of their own


def _minimal(literals: frozenset[str]) -> tuple[str, ...]:
    # a literal holding another of the set adds nothing: the shorter one is found whenever it is
    return tuple(sorted(a for a in literals if not any(b != a and b in a for b in literals)))


@cache
def requirements(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Sets of literals (lower-case ASCII) such that every match of ``pattern`` contains one
    literal of each set; empty when none are known (then every text may match)."""
    try:
        found = _conj(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse tree: no shortcut, never a wrong answer
        return ()
    sets = {_minimal(s) for s in found if "" not in s}
    return tuple(sorted(sets, key=len))


@cache
def _search_order(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """``requirements(pattern)`` with each set's literals shortest first: a set is tested
    until one of its literals is found, and short words ("say", "put") turn up sooner than
    long ones; the order changes no answer."""
    return tuple(tuple(sorted(s, key=len)) for s in requirements(pattern))


# requirements by pattern identity: hashing a compiled pattern re-hashes its source every time.
# Entries (like the caches here) are never dropped: meant for patterns compiled once, at import.
_BY_ID: dict[int, tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]] = {}


def may_match(pattern: re.Pattern[str], folded: str) -> bool:
    """False only when ``pattern`` cannot match the text whose ``fold`` is ``folded``."""
    entry = _BY_ID.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _BY_ID[id(pattern)] = (pattern, _search_order(pattern))
    for literals_ in entry[1]:
        for lit in literals_:
            if lit in folded:
                break
        else:
            return False  # no literal of this set occurs
    return True


def _look_ahead(items: Any) -> int | None:
    """How far past a position inside a match the pattern may read (None: no bound known)."""
    far = 0
    for op, av in items:
        if op is _C.AT:
            far = max(far, 2)  # a word boundary reads the next character, "$" a newline too
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, body = av
            width = body.getwidth()[1]
            inner = _look_ahead(body.data)
            if inner is None or width > _WIDE or (direction != 1 and inner):
                return None  # unbounded look-aheads, look-behinds with look-arounds inside
            if direction == 1:
                far = max(far, width + inner + 2)
        elif op is _C.SUBPATTERN or op in _GROUPS or op in _REPEATS:
            inner = _look_ahead(av[-1] if op is _C.SUBPATTERN else av if op in _GROUPS else av[2])
            if inner is None:
                return None
            far = max(far, inner)
        elif op is _C.BRANCH:
            for branch in av[1]:
                inner = _look_ahead(branch)
                if inner is None:
                    return None
                far = max(far, inner)
        elif op in (_C.GROUPREF, _C.GROUPREF_EXISTS) or op is getattr(_C, "GROUPREF_IGNORE", None):
            return None
    return far


_WIDE = 1000  # a pattern that may match more characters than this is scanned whole


@cache
def _windows_plan(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], int, int] | None:
    """(literals one of which every match holds, the longest match, how far past a match the
    pattern may read), or None when a match's extent cannot be bounded that way."""
    sets = requirements(pattern)
    if not sets:
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        width = tree.getwidth()[1]
        ahead = _look_ahead(tree.data)
    except Exception:  # an unfamiliar parse tree: scan the whole text
        return None
    if width > _WIDE or ahead is None:
        return None
    return sets[0], width, ahead


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, scanning only around the pattern's words.

    Every match holds one of the literals of ``requirements`` and is at most ``width``
    characters long, so it lies within ``width`` characters of an occurrence of one; the pattern
    reads at most ``ahead`` characters past it (look-aheads, word boundaries) and never needs the
    text before the scan's start (look-behinds see the whole string). Each stretch of the text
    around the occurrences, widened by that much, is scanned as the whole text would be scanned
    there: stretches that touch are joined, and between them no match can start.
    """
    plan = _windows_plan(pattern)
    if plan is None:
        yield from pattern.finditer(text)
        return
    literals_, width, ahead = plan
    folded = fold(text)
    spans = []
    for lit in literals_:
        at = folded.find(lit)
        while at >= 0:
            spans.append((max(0, at + len(lit) - width), at + width + ahead))
            at = folded.find(lit, at + 1)
    spans.sort()
    start = end = -1
    for s, e in spans:
        if s <= end:
            end = max(end, e)
            continue
        if end >= 0:
            yield from pattern.finditer(text, start, end)
        start, end = s, e
    if end >= 0:
        yield from pattern.finditer(text, start, end)


# Alternatives cannot be searched apart when something ties them together: global inline flags
# ("(?i)" at the start applies to every alternative), group references, conditionals.
_TIED = re.compile(r"\\\d|\\g<|\(\?[aiLmsux]+\)|\(\?\(|\(\?P=")


def _top_level(pattern: str) -> list[str] | None:
    """The pattern's top-level alternatives as pattern strings (None: cannot split safely)."""
    if _TIED.search(pattern):
        return None
    parts: list[str] = []
    depth = start = i = 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2  # an escaped character, in a class or not
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            if pattern[i : i + 1] == "]":
                i += 1  # "]" first in a class is a literal
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if depth == 0 and not in_class else None


@cache
def _alternatives(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    parts = None if pattern.flags & re.VERBOSE else _top_level(pattern.pattern)
    if parts is None or len(parts) < 2:
        return (pattern,)
    try:
        return tuple(re.compile(part, pattern.flags) for part in parts)
    except re.error:
        return (pattern,)


def _one_letter(op: Any, av: Any) -> str | None:
    """The lower-case character a literal, or a class of one letter's cases ("[Aa]"), matches
    in the fold (the same rule for characters as ``requirements``); None for anything else."""
    if op is _C.LITERAL:
        return chr(_sre.unicode_tolower(av)) if usable(av) else None
    if op is _C.IN and av and all(o is _C.LITERAL and usable(c) for o, c in av):
        lowered = {_sre.unicode_tolower(c) for _, c in av}
        return chr(lowered.pop()) if len(lowered) == 1 else None
    return None


def _prefixes(items: Any) -> frozenset[str] | None:
    """Literals (lower-case) one of which every match of this sequence starts with, or None
    when that is not known (the same rule for characters as ``requirements``)."""
    items = list(items)
    for i, (op, av) in enumerate(items):
        if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue  # zero-width: the first character is the next item's
        if _one_letter(op, av) is not None:
            run = []
            for op2, av2 in items[i:]:
                char = _one_letter(op2, av2)
                if char is None:
                    break
                run.append(char)
            return frozenset(["".join(run)])
        if op is _C.SUBPATTERN:
            return _prefixes(av[-1])
        if op in _GROUPS:
            return _prefixes(av)
        if op is _C.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = _prefixes(branch)
                if not found:
                    return None
                union |= found
            return frozenset(union)
        if op in _REPEATS:
            low, _, body = av
            return _prefixes(body) if low >= 1 else None
        return None
    return None  # only zero-width items: a match may start anywhere


@cache
def _starts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """``_prefixes`` of a whole pattern, shortest first with longer ones that hold a shorter
    one at their start left out (found wherever it is), or None."""
    try:
        found = _prefixes(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar parse tree: search as before
        return None
    if not found or "" in found:
        return None
    return tuple(sorted(a for a in found if not any(b != a and a.startswith(b) for b in found)))


def _search_at_starts(pattern: re.Pattern[str], text: str, folded: str) -> bool:
    """``bool(pattern.search(text))``: a match starts where one of ``_starts`` occurs in the
    fold (at the same offset), so ``pattern.match`` is tried there only. Lookbehinds and word
    boundaries see the text before the position, as in a search."""
    starts = _starts(pattern)
    if starts is None:
        return pattern.search(text) is not None
    for lit in starts:
        at = folded.find(lit)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = folded.find(lit, at + 1)
    return False


# Per alternative: the pattern, its ``requirements`` and its ``_starts``.
_Plan = tuple[tuple[re.Pattern[str], tuple[tuple[str, ...], ...], tuple[str, ...] | None], ...]
_PLANS: dict[int, tuple[re.Pattern[str], _Plan]] = {}


def finditer_at_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern.match`` only where one of
    ``_starts`` occurs in the fold (every match starts with one there): for a pattern that
    opens with a word boundary, which keeps ``re`` from skipping ahead to its first letters.
    Positions are tried in order from the end of the last match, as finditer does; a match
    is never empty (it holds a start literal). Lookbehinds and word boundaries see the text
    before each position, as in the scan of the whole text."""
    starts = _starts(pattern)
    if starts is None:
        yield from pattern.finditer(text)
        return
    folded = fold(text)
    positions: set[int] = set()
    for lit in starts:
        at = folded.find(lit)
        while at >= 0:
            positions.add(at)
            at = folded.find(lit, at + 1)
    after = 0
    for at in sorted(positions):
        if at < after:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            after = m.end()


def _any_match_plan(pattern: re.Pattern[str]) -> _Plan:
    entry = _PLANS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        plan = tuple((a, _search_order(a), _starts(a)) for a in _alternatives(pattern))
        entry = _PLANS[id(pattern)] = (pattern, plan)
    return entry[1]


def any_match(pattern: re.Pattern[str], text: str) -> bool:
    """``bool(pattern.search(text))``, faster for a long ``a|b|c`` with few words in ``text``.

    ``text`` matches ``a|b|c`` exactly when it matches one of ``a``, ``b`` or ``c``: each
    top-level alternative is searched on its own, and only when ``may_match`` allows, with
    ``_search_at_starts``. (Both are written out here: code asks this about a hundred
    times per article, and the two calls per alternative cost more than the tests.)
    """
    folded = fold(text)
    for alternative, sets, starts in _any_match_plan(pattern):
        possible = True
        for literals_ in sets:  # may_match(alternative, folded)
            for lit in literals_:
                if lit in folded:
                    break
            else:
                possible = False
                break
        if not possible:
            continue
        if starts is None:  # _search_at_starts(alternative, text, folded)
            if alternative.search(text) is not None:
                return True
            continue
        for lit in starts:
            at = folded.find(lit)
            while at >= 0:
                if alternative.match(text, at):
                    return True
                at = folded.find(lit, at + 1)
    return False


def may_match_in(
    pattern: re.Pattern[str], folded: str, spans: Sequence[tuple[int, int]]
) -> list[bool]:
    """``[may_match(pattern, folded[s:e]) for s, e in spans]``, from one pass over ``folded``.

    A literal is in ``folded[s:e]`` exactly when one of its occurrences in ``folded`` lies
    within ``s:e``; for spans in order that do not overlap (sentences) each occurrence is looked
    up in the one span that may hold it. ``folded`` may be the fold of a whole text whose spans
    are asked about: the slices of a text's fold hold the literals at the same places as the
    folds of its slices (``fold`` keeps every offset, and no literal holds a character whose
    lower case depends on its neighbours).
    """
    if any(e > s2 for (_, e), (s2, _) in pairwise(spans)):
        return [may_match(pattern, folded[s:e]) for s, e in spans]  # overlapping or unordered
    entry = _BY_ID.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _BY_ID[id(pattern)] = (pattern, _search_order(pattern))
    starts = [s for s, _ in spans]
    alive = [True] * len(spans)
    for literals_ in entry[1]:
        here = [False] * len(spans)
        for lit in literals_:
            at = folded.find(lit)
            while at >= 0:
                k = bisect_right(starts, at) - 1  # the last span starting at or before it
                if k >= 0 and at + len(lit) <= spans[k][1]:
                    here[k] = True
                at = folded.find(lit, at + 1)
        alive = [a and h for a, h in zip(alive, here, strict=True)]
        if not any(alive):
            break  # no span holds this set's literals: the other sets cannot change that
    return alive


@cache
def _alternation_of(pattern: re.Pattern[str], keep: tuple[bool, ...]) -> re.Pattern[str]:
    """``pattern`` with only the top-level alternatives ``keep`` marks, in their order."""
    parts = _top_level(pattern.pattern)
    assert parts is not None and len(parts) == len(keep)
    return re.compile("|".join(p for p, k in zip(parts, keep, strict=True) if k), pattern.flags)


def pruned(pattern: re.Pattern[str], folded: str) -> re.Pattern[str] | None:
    """A pattern that finds exactly ``pattern``'s matches in the text whose fold is ``folded``
    (the same spans and ``group()``), or None when it can find none.

    At each position an alternation takes the first of its top-level alternatives that
    matches; one that cannot match anywhere in the text (``may_match`` says no) never wins, so
    leaving it out changes no match and no scan. Only for patterns without capturing groups
    (the numbering would change); any other pattern is returned as it is.
    """
    alternatives = _alternatives(pattern)
    if pattern.groups or len(alternatives) < 2:
        return pattern if may_match(pattern, folded) else None
    keep = tuple(may_match(a, folded) for a in alternatives)
    if all(keep):
        return pattern
    if not any(keep):
        return None
    return _alternation_of(pattern, keep)
