"""What code alone reads in a text, as the unit tests compare it: no model involved."""

from __future__ import annotations

from pipeline.extract import exchanges_from_words, prepare


def word_exchanges(text: str) -> set[tuple[str, str, str]]:
    """(category, provider, status) of each exchange ``exchanges_from_words`` reads in ``text``."""
    return {
        (r.category.value, r.provider, r.status.value) for r in exchanges_from_words(prepare(text))
    }


def listed_kinds(text: str) -> dict[str, str | None]:
    """Each figure code lists to the model, as written, with the kind of people its words name."""
    return {
        text[s.figure.start : s.figure.end]: s.personnel for s in prepare(text).screened.values()
    }
