"""Load the golden set: ``<case>.txt`` articles next to ``<case>.expected.json`` labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_RECORD_LISTS = ("deployments", "casualties", "exchanges")


@dataclass
class GoldenCase:
    """One golden article: its text and the records a correct extraction holds."""

    case_id: str
    text: str
    expected: dict[str, Any]
    path: Path


def default_golden_dir() -> Path:
    """The ``golden`` folder beside this module."""
    return Path(__file__).resolve().parent / "golden"


def _check_expected(expected: Any, path: Path) -> dict[str, Any]:
    """Light structural check so a broken label fails loudly, naming its file."""
    if not isinstance(expected, dict):
        raise ValueError(f"{path}: expected a JSON object, got {type(expected).__name__}")
    for key in _RECORD_LISTS:
        value = expected.get(key, [])
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise ValueError(f"{path}: '{key}' must be a list of objects")
    return expected


def load_golden(directory: Path | None = None) -> list[GoldenCase]:
    """Load every golden case in ``directory`` (default: :func:`default_golden_dir`).

    Each ``<case>.txt`` needs a ``<case>.expected.json``. Cases come back sorted by id.

    Raises:
        ValueError: naming the file, when a ``.txt`` has no label, a label has no ``.txt``,
            or a label is not valid JSON of the expected shape.
        FileNotFoundError: when ``directory`` does not exist.
    """
    directory = Path(directory) if directory is not None else default_golden_dir()
    if not directory.is_dir():
        raise FileNotFoundError(f"golden directory not found: {directory}")
    cases: list[GoldenCase] = []
    texts = {p.name[: -len(".txt")]: p for p in directory.glob("*.txt")}
    labels = {p.name[: -len(".expected.json")]: p for p in directory.glob("*.expected.json")}
    orphans = sorted(set(labels) - set(texts))
    if orphans:
        raise ValueError(f"{labels[orphans[0]]}: label has no article {orphans[0]}.txt beside it")
    for case_id in sorted(texts):
        txt = texts[case_id]
        label = labels.get(case_id)
        if label is None:
            raise ValueError(f"{txt}: article has no label {case_id}.expected.json beside it")
        try:
            expected = json.loads(label.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{label}: malformed JSON: {exc}") from exc
        cases.append(
            GoldenCase(
                case_id=case_id,
                text=txt.read_text(encoding="utf-8"),
                expected=_check_expected(expected, label),
                path=txt,
            )
        )
    return cases
