"""pipeline.scan answers as a scan of the text up to the position does."""

from __future__ import annotations

import random
import re
from pathlib import Path

from pipeline import status
from pipeline.scan import _SPACE_BOUNDED, last_match_end

ROOT = Path(__file__).resolve().parent.parent


def _slow(pattern: re.Pattern[str], text: str, position: int) -> int:
    left = 0
    for m in pattern.finditer(text, 0, position):
        left = m.end()
    return left


def test_status_sentence_breaks_take_the_fast_path() -> None:
    # a changed pattern falls back to the slow scan: prove the new one and list it in scan.py
    key = (status._SENTENCE_END.pattern, status._SENTENCE_END.flags)
    assert key in _SPACE_BOUNDED


def test_same_as_scanning_up_to_the_position() -> None:
    rng = random.Random(3)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "evals").rglob("*.txt"))]
    pieces = ["a", "B", ".", "!", "?", " ", "  ", "\n", "\n\n", " \n ", "\t", "\u00a0", "-"]
    pieces += ["•", "7", '"', "“", "(", "¿", "É", "x. Y", ".\n\n- item", "\n 3"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    pattern = status._SENTENCE_END
    for text in texts:
        positions = range(-2, len(text) + 3) if len(text) < 60 else rng.sample(range(len(text)), 60)
        for position in positions:
            expected = _slow(pattern, text, position)
            assert last_match_end(pattern, text, position) == expected, (text, position)
            # a sentence that starts right at the position is seen: the break's look-ahead
            # may read the character there
            sees = (
                position + 1
                if 0 <= position < len(text) and not text[position].isspace()
                else position
            )
            assert status._sentence_start(text, position) == _slow(pattern, text, sees), (
                text,
                position,
            )
            assert status._sentence_start(text, position) <= max(position, 0)


def test_other_patterns_are_scanned() -> None:
    pattern = re.compile(r"\.\s+")
    assert last_match_end(pattern, "One. Two. Three", 10) == 10
    assert last_match_end(pattern, "One. Two. Three", 9) == 5
