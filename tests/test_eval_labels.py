"""Every shipped eval case's labels pass the checks in evals/README.md.

The README section "Checks every expected file passed" lists what each ``<case>.expected.json``
must satisfy; :func:`check_case` implements it for one case and returns the problems found, so
the negative tests below can run it on broken copies in ``tmp_path``. The sets are discovered:
every folder under ``evals/`` that holds ``.txt`` or ``.expected.json`` files.

Failure messages name the case, the field and the offending value only: they never print
article text or other label contents (``holdout/`` is not for prompt writers' eyes).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from evals.scorer import find_numbers
from schemas.records import (
    CasualtyType,
    Count,
    DeploymentStatus,
    ExchangeCategory,
    ExchangeStatus,
    PersonnelType,
    Qualifier,
)

EVALS_DIR = Path(__file__).resolve().parent.parent / "evals"
TXT = ".txt"
EXPECTED = ".expected.json"

# --------------------------------------------------------------------------------------------
# The documented file format (README "File format")
# --------------------------------------------------------------------------------------------

TOP_KEYS = {"article_id", "tests", "reference_date", "deployments", "casualties", "exchanges"}
LISTS = ("deployments", "casualties", "exchanges")
# Keys every record of a list carries; ``note`` (free text for reviewers) may be added to any.
RECORD_KEYS: dict[str, set[str]] = {
    "deployments": {
        "personnel_type",
        "count",
        "status",
        "sending_state",
        "host_state",
        "claimant",
        "location",
        "optional",
    },
    "casualties": {"casualty_type", "affected", "count", "claimant", "location", "optional"},
    "exchanges": {"category", "item", "provider", "recipient", "status", "claimant", "optional"},
}
OPTIONAL_KEYS = {"note"}
ENUM_FIELDS: dict[str, dict[str, type]] = {
    "deployments": {"personnel_type": PersonnelType, "status": DeploymentStatus},
    "casualties": {"casualty_type": CasualtyType},
    "exchanges": {"category": ExchangeCategory, "status": ExchangeStatus},
}
STATE_FIELDS: dict[str, tuple[str, ...]] = {
    "deployments": ("sending_state", "host_state"),
    "casualties": (),
    "exchanges": ("provider", "recipient"),
}
STATES = {"North Korea", "Russia"}  # rule (n): English state names in every language
TEXT_FIELDS: dict[str, tuple[str, ...]] = {  # str, or null
    "deployments": ("claimant", "location"),
    "casualties": ("claimant", "location"),
    "exchanges": ("claimant",),
}
REQUIRED_STR_FIELDS: dict[str, tuple[str, ...]] = {  # non-empty str
    "deployments": (),
    "casualties": ("affected",),
    "exchanges": ("item",),
}

# Seed articles are copies of shared/seeds/ files and keep their stems (``000_bc9e0e36066b45ca``);
# the 150-500 word rule is for the written cases only.
SEED_STEM = re.compile(r"\d{3}_[0-9a-f]{16}")
MIN_WORDS, MAX_WORDS = 150, 500

# --------------------------------------------------------------------------------------------
# Count rules (README "Count rules"): hedge words by qualifier, in en/de/fr/es (plus ru)
# --------------------------------------------------------------------------------------------

HEDGES: dict[str, tuple[str, ...]] = {
    Qualifier.approximately.value: (
        # table
        "roughly",
        "around",
        "about",
        "some",
        "an estimated",
        "estimated",
        "approximately",
        "or so",
        "rund",
        "etwa",
        "environ",
        "quelque",
        "quelques",
        "alrededor de",
        "unos",
        "unas",
        # "suggested if it comes up" under the table, and the same in de/fr/es
        "nearly",
        "almost",
        "close to",
        "knapp",
        "près de",
        "cerca de",
        "casi",
        # ru
        "около",
        "примерно",
        "почти",
        "порядка",
        "# it, pt, uk (from dev20/dev21 on)",
        "circa",
        "quasi",
        "intorno a",
        "cerca de",
        "quase",
        "близько",
        "приблизно",
        "майже",
    ),
    Qualifier.at_least.value: (
        "at least",
        "no fewer than",
        "no less than",
        "mindestens",
        "au moins",
        "al menos",
        "por lo menos",
        "не менее",
        "по меньшей мере",
        "по крайней мере",
        "almeno",
        "pelo menos",
        "щонайменше",
        "не менше",
    ),
    Qualifier.more_than.value: (
        "over",
        "more than",
        "passed",
        "upwards of",
        "in excess of",
        "mehr als",
        "über",
        "plus de",
        "más de",
        "более",
        "больше",
        "свыше",
        "oltre",
        "più di",
        "mais de",
        "понад",
        "більше",
    ),
    Qualifier.up_to.value: (
        "up to",
        "as many as",
        "bis zu",
        "jusqu'à",
        "hasta",
        "до",
        "fewer than",
        "at most",
        "no more than",
        "fino a",
        "até",
    ),
    Qualifier.unspecified.value: (
        "thousands",
        "hundreds",
        "dozens",
        "several",
        "tens of thousands",
        "tausende",
        "hunderte",
        "dutzende",
        "mehrere",
        "plusieurs",
        "milliers",
        "centaines",
        "dizaines",
        "decenas",
        "miles",
        "cientos",
        "centenares",
        "varios",
        "varias",
        "тысячи",
        "сотни",
        "десятки",
        "несколько",
        "migliaia",
        "centinaia",
        "decine",
        "milhares",
        "centenas",
        "dezenas",
        "тисячі",
        "сотні",
        "кілька",
    ),
}
_HEDGE_RES = {
    qualifier: re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
        r"(?!\w)",
        re.IGNORECASE,
    )
    for qualifier, words in HEDGES.items()
}
# Two figures joined as a range ("10,000 to 12,000", "1,500-2,000", "zwischen 1.000 und 1.500",
# "entre 3.000 y 4.000", "between twelve and fifteen thousand").
_FIGURE = (
    r"(?:\d[\d.,\s]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)"
)
_RANGE_RE = re.compile(
    r"(?<!\w)(?:between|zwischen|entre|tra|от|від)(?!\w)"
    rf"|(?<!\w){_FIGURE}\s*(?:[-–—]|(?<!\w)(?:to|and|bis|und|y|e|à|a|et|до)(?!\w))\s*{_FIGURE}",
    re.IGNORECASE,
)


def hedges_in(text: str) -> set[str]:
    """The qualifiers whose hedge words (or a range of two figures) the count text holds."""
    text = _normalise(text)
    found = {q for q, regex in _HEDGE_RES.items() if regex.search(text)}
    if _RANGE_RE.search(text):
        found.add(Qualifier.range.value)
    return found


def qualifier_problem(qualifier: str, text: str) -> str | None:
    """Why ``qualifier`` disagrees with the hedge in ``text`` (None when it agrees)."""
    found = hedges_in(text)
    if qualifier == Qualifier.exact.value:
        if found:
            return f"is 'exact' but the count text holds a hedge for {sorted(found)}"
        return None
    if qualifier == Qualifier.range.value:
        # "an estimated 10,000 to 12,000" is a range: the range wins over any hedge word
        return None if qualifier in found else "is 'range' but the count text holds no range"
    if qualifier == Qualifier.unspecified.value:
        # the table's words are examples of vague amounts; any count text stating no figure is
        # one ("all null"), so a vague word outside the list is not an error
        if _numbers(text):
            return "is 'unspecified' but the count text states a figure"
        if found - {qualifier}:
            return f"is 'unspecified' but the count text holds a hedge for {sorted(found)}"
        return None
    if qualifier not in found:
        return f"is {qualifier!r} but the count text holds no such hedge (found {sorted(found)})"
    if Qualifier.range.value in found:
        return f"is {qualifier!r} but the count text holds a range"
    return None


# --------------------------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------------------------

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'", "\u2018": "'"})


def _normalise(text: str) -> str:
    """NFC, no-break and thin spaces as spaces, curly single quotes as ', runs of whitespace as
    one space: how a count phrase is compared with the article."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return re.sub(r"\s+", " ", text).strip()


def _numbers(text: str) -> set[int]:
    """The integers the scorer's own number reader finds in ``text``."""
    return {int(v) for v in find_numbers(text) if float(v).is_integer()}


def _check_count(where: str, record: dict[str, Any], article: str) -> list[str]:
    count = record.get("count")
    if not isinstance(count, dict):
        return [f"{where}.count: must be an object, got {type(count).__name__}"]
    try:
        Count.model_validate_json(json.dumps(count), strict=True)
    except ValidationError as exc:
        # loc, type and msg only: pydantic's str() would echo the input (the label's text)
        return [
            f"{where}.count.{'.'.join(str(x) for x in e['loc']) or '<object>'}: "
            f"not a valid Count ({e['type']}: {e['msg']})"
            for e in exc.errors(include_input=False, include_url=False)
        ]
    problems: list[str] = []
    text, qualifier = count["text"], count["qualifier"]
    values = {k: count[k] for k in ("low", "best", "high") if count[k] is not None}
    if text is None:
        # "A record the article states without any figure has text: null, all numbers null and
        # qualifier: unspecified, and is always optional (rule b)."
        if values or qualifier != Qualifier.unspecified.value:
            problems.append(f"{where}.count: text is null but qualifier={qualifier!r} {values}")
        if record.get("optional") is not True:
            problems.append(f"{where}.count.text: null on a required record (rule b)")
        return problems
    if not text.strip():
        return [f"{where}.count.text: empty string (use null for a fact without a figure)"]
    if _normalise(text) not in _normalise(article):
        problems.append(f"{where}.count.text: does not occur in the article")
    stated = _numbers(text)
    for key, value in values.items():
        if value not in stated:
            problems.append(f"{where}.count.{key}: {value} is not a number the count text states")
        if value not in _numbers(article):
            problems.append(f"{where}.count.{key}: {value} does not occur in the article")
    if not values and stated:
        problems.append(f"{where}.count: the count text states a number but low/best/high are null")
    elif values and stated and max(stated) > max(values.values()):
        problems.append(
            f"{where}.count: the count text states a number above {max(values.values())} "
            "that is not in low/best/high"
        )
    why = qualifier_problem(qualifier, text)
    if why:
        problems.append(f"{where}.count.qualifier: {why}")
    return problems


def _check_record(where: str, list_key: str, record: Any, article: str) -> list[str]:
    if not isinstance(record, dict):
        return [f"{where}: must be an object, got {type(record).__name__}"]
    problems: list[str] = []
    required = RECORD_KEYS[list_key]
    missing = sorted(required - record.keys())
    unknown = sorted(record.keys() - required - OPTIONAL_KEYS)
    if missing:
        problems.append(f"{where}: missing keys {missing}")
    if unknown:
        problems.append(f"{where}: unknown keys {unknown}")
    for name, enum in ENUM_FIELDS[list_key].items():
        value = record.get(name)
        if value not in {m.value for m in enum}:
            problems.append(f"{where}.{name}: {value!r} is not a {enum.__name__} value")
    for name in STATE_FIELDS[list_key]:
        value = record.get(name)
        if value not in STATES:
            problems.append(f"{where}.{name}: {value!r} is not 'North Korea' or 'Russia'")
    for name in TEXT_FIELDS[list_key]:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(f"{where}.{name}: must be a string or null")
    for name in REQUIRED_STR_FIELDS[list_key]:
        value = record.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}.{name}: must be a non-empty string")
    if not isinstance(record.get("optional"), bool):
        problems.append(f"{where}.optional: {record.get('optional')!r} is not true or false")
    if "note" in record and not isinstance(record["note"], str):
        problems.append(f"{where}.note: must be a string")
    if list_key == "exchanges":
        # rule (c): exchanges carry no count (an unknown "count" key is reported above)
        return problems
    if "count" in record:
        problems.extend(_check_count(where, record, article))
    return problems


def check_case(txt_path: Path, expected_path: Path) -> list[str]:
    """Every README check for one case; the problems found (empty when the case passes).

    Each problem names the case, the field and the offending value, never article text.
    """
    case = f"{txt_path.parent.name}/{txt_path.name.removesuffix(TXT)}"
    if not txt_path.is_file():
        return [f"{case}: {expected_path.name} has no article {txt_path.name} beside it"]
    if not expected_path.is_file():
        return [f"{case}: {txt_path.name} has no label {expected_path.name} beside it"]
    try:
        article = txt_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [f"{case}: article is not UTF-8 ({exc.reason} at byte {exc.start})"]
    try:
        label = json.loads(expected_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "encoding"
        return [f"{case}: {expected_path.name} is not valid UTF-8 JSON ({where})"]
    if not isinstance(label, dict):
        return [f"{case}: label must be a JSON object, got {type(label).__name__}"]

    problems: list[str] = []
    if label.keys() != TOP_KEYS:
        missing = sorted(TOP_KEYS - label.keys())
        unknown = sorted(label.keys() - TOP_KEYS)
        problems.append(f"{case}: top-level keys: missing {missing}, unknown {unknown}")
    stem = txt_path.name.removesuffix(TXT)
    if label.get("article_id") != stem:
        problems.append(f"{case}.article_id: {label.get('article_id')!r} is not the file stem")
    if not isinstance(label.get("tests"), str) or not label["tests"].strip():
        problems.append(f"{case}.tests: must be a non-empty string")
    ref = label.get("reference_date")
    if ref is not None:
        try:
            if not isinstance(ref, str) or date.fromisoformat(ref).isoformat() != ref:
                raise ValueError
        except ValueError:
            problems.append(f"{case}.reference_date: {ref!r} is not an ISO date or null")
    for list_key in LISTS:
        records = label.get(list_key, [])
        if not isinstance(records, list):
            problems.append(f"{case}.{list_key}: must be a list")
            continue
        for i, record in enumerate(records):
            problems.extend(_check_record(f"{case}.{list_key}[{i}]", list_key, record, article))
    if not SEED_STEM.fullmatch(stem):
        words = len(article.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{case}: article has {words} words, not {MIN_WORDS}-{MAX_WORDS}")
    return problems


# --------------------------------------------------------------------------------------------
# The shipped cases
# --------------------------------------------------------------------------------------------


def _stem(path: Path) -> str:
    return path.name.removesuffix(EXPECTED).removesuffix(TXT)


def discover_sets(root: Path = EVALS_DIR) -> list[Path]:
    """Folders under ``root`` holding eval cases (``.txt`` articles or ``.expected.json``)."""
    return sorted(
        d
        for d in root.iterdir()
        if d.is_dir() and (any(d.glob(f"*{TXT}")) or any(d.glob(f"*{EXPECTED}")))
    )


def discover_cases(set_dir: Path) -> list[tuple[Path, Path]]:
    """(txt, expected) paths for every stem that has either file; one may be missing."""
    stems = {_stem(p) for p in [*set_dir.glob(f"*{TXT}"), *set_dir.glob(f"*{EXPECTED}")]}
    return [(set_dir / f"{s}{TXT}", set_dir / f"{s}{EXPECTED}") for s in sorted(stems)]


# Problems in labels that are right, which the scorer's number reader (find_numbers) cannot
# check yet: it does not read German compound number words ("anderthalbtausend" = 1500). Only
# these exact problems are tolerated; once the reader learns the form, the test asks for the
# entry to be dropped.
READER_GAPS: dict[str, set[str]] = {}
SETS = discover_sets()
CASES = [
    pytest.param(txt, exp, id=f"{d.name}/{_stem(txt)}")
    for d in SETS
    for txt, exp in discover_cases(d)
]


def test_sets_are_discovered():
    names = {d.name for d in SETS}
    assert "golden" in names and "holdout" in names, f"eval sets found: {sorted(names)}"
    for d in SETS:
        assert discover_cases(d), f"{d.name}: no cases"


@pytest.mark.parametrize(("txt_path", "expected_path"), CASES)
def test_shipped_case_labels(txt_path: Path, expected_path: Path):
    known = READER_GAPS.get(f"{txt_path.parent.name}/{_stem(txt_path)}", set())
    problems = [p for p in check_case(txt_path, expected_path) if p not in known]
    assert not problems, "\n".join(problems)
    stale = known - set(check_case(txt_path, expected_path))
    assert not stale, f"no longer a problem, drop it from READER_GAPS: {sorted(stale)}"


# --------------------------------------------------------------------------------------------
# The checker catches broken labels
# --------------------------------------------------------------------------------------------

SAMPLE = "g01_paraphrase_new_numbers"  # a golden case with hedged counts and exchanges


@pytest.fixture
def case_copy(tmp_path: Path) -> tuple[Path, Path]:
    set_dir = tmp_path / "golden"
    set_dir.mkdir()
    for suffix in (TXT, EXPECTED):
        shutil.copy(EVALS_DIR / "golden" / f"{SAMPLE}{suffix}", set_dir / f"{SAMPLE}{suffix}")
    return set_dir / f"{SAMPLE}{TXT}", set_dir / f"{SAMPLE}{EXPECTED}"


def _edit(expected_path: Path, change) -> None:
    label = json.loads(expected_path.read_text(encoding="utf-8"))
    change(label)
    expected_path.write_text(json.dumps(label, ensure_ascii=False, indent=2), encoding="utf-8")


def _first_hedged(label: dict[str, Any]) -> dict[str, Any]:
    """The first deployment count with a hedge word and a best figure."""
    return next(
        r["count"]
        for r in label["deployments"]
        if r["count"]["qualifier"] == "approximately" and r["count"]["best"] is not None
    )


def test_sample_copy_passes(case_copy):
    assert check_case(*case_copy) == []


def _set_enum(label):
    label["deployments"][0]["personnel_type"] = "soldiers"


def _set_state(label):
    label["exchanges"][0]["provider"] = "DPRK"


def _text_not_in_article(label):
    _first_hedged(label)["text"] = "about 987,654"
    _first_hedged(label)["best"] = 987654


def _wrong_number(label):
    _first_hedged(label)["best"] += 1


def _qualifier_mismatch(label):
    _first_hedged(label)["qualifier"] = "at_least"


def _exact_with_hedge(label):
    _first_hedged(label)["qualifier"] = "exact"


def _invalid_count(label):
    count = _first_hedged(label)
    count["qualifier"] = "range"  # a range needs low and high


def _required_without_text(label):
    record = next(r for r in label["deployments"] if not r["optional"])
    record["count"] = {"low": None, "best": None, "high": None, "qualifier": "unspecified"}
    record["count"]["text"] = None


def _exchange_with_count(label):
    label["exchanges"][0]["count"] = {"low": None, "best": 5, "high": None}


def _wrong_article_id(label):
    label["article_id"] = "g99_other"


def _extra_top_key(label):
    label["records"] = []


BREAKS = {
    "bad enum": (_set_enum, "personnel_type: 'soldiers' is not a PersonnelType value"),
    "bad state": (_set_state, "provider: 'DPRK' is not 'North Korea' or 'Russia'"),
    "text not in article": (_text_not_in_article, "count.text: does not occur in the article"),
    "wrong number": (_wrong_number, "is not a number the count text states"),
    "qualifier mismatch": (_qualifier_mismatch, "qualifier: is 'at_least' but"),
    "exact with a hedge": (_exact_with_hedge, "qualifier: is 'exact' but"),
    "invalid Count": (_invalid_count, "not a valid Count"),
    "required without text": (_required_without_text, "null on a required record"),
    "exchange with a count": (_exchange_with_count, "unknown keys ['count']"),
    "article_id": (_wrong_article_id, "article_id: 'g99_other' is not the file stem"),
    "top-level keys": (_extra_top_key, "unknown ['records']"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_checker_catches(case_copy, name):
    change, message = BREAKS[name]
    txt, exp = case_copy
    _edit(exp, change)
    problems = check_case(txt, exp)
    assert any(message in p for p in problems), problems
    assert all(p.startswith(f"golden/{SAMPLE}") for p in problems), problems


def test_checker_catches_missing_files(case_copy):
    txt, exp = case_copy
    exp.unlink()
    assert check_case(txt, exp) == [
        f"golden/{SAMPLE}: {SAMPLE}{TXT} has no label {SAMPLE}{EXPECTED} beside it"
    ]
    assert discover_cases(txt.parent) == [(txt, exp)]  # the orphan article is still a case
    shutil.copy(EVALS_DIR / "golden" / f"{SAMPLE}{EXPECTED}", exp)
    txt.unlink()
    assert check_case(txt, exp) == [
        f"golden/{SAMPLE}: {SAMPLE}{EXPECTED} has no article {SAMPLE}{TXT} beside it"
    ]
    assert discover_cases(txt.parent) == [(txt, exp)]


def test_checker_catches_bad_json(case_copy):
    txt, exp = case_copy
    exp.write_text(exp.read_text(encoding="utf-8")[:-5], encoding="utf-8")
    problems = check_case(txt, exp)
    assert len(problems) == 1 and "is not valid UTF-8 JSON" in problems[0], problems


def test_checker_catches_word_count(case_copy):
    txt, exp = case_copy
    txt.write_text(txt.read_text(encoding="utf-8") + " filler" * 600, encoding="utf-8")
    assert any("words, not 150-500" in p for p in check_case(txt, exp))


@pytest.mark.parametrize(
    ("qualifier", "text", "ok"),
    [
        ("exact", "1,000", True),
        ("exact", "all four", True),
        ("exact", "about 1,000", False),
        ("approximately", "roughly 5,000", True),
        ("approximately", "3,000 or so", True),
        ("approximately", "Près de 600", True),
        ("approximately", "knapp 3.000", True),
        ("approximately", "nearly 2,000", True),
        ("approximately", "close to 1,000", True),
        ("approximately", "unos 4.700", True),
        ("approximately", "5,000", False),
        ("at_least", "Mindestens 600", True),
        ("at_least", "au moins 1\u00a0000", True),
        ("at_least", "more than 600", False),
        ("more_than", "passed 5,000", True),
        ("more_than", "más de 3.900", True),
        ("up_to", "jusqu\u2019à 5\u00a0000", True),
        ("up_to", "as many as 19,500", True),
        ("up_to", "between 1,000 and 2,000", False),
        ("range", "an estimated 10,000 to 12,000", True),
        ("range", "1,500-2,000", True),
        ("range", "12,000–13,000", True),
        ("range", "entre 3.000 y 4.000", True),
        ("range", "between twelve and fifteen thousand", True),
        ("range", "about 1,500", False),
        # Italian, Portuguese and Ukrainian (session 12)
        ("approximately", "circa 1.000", True),
        ("approximately", "близько 1\u00a0000", True),
        ("at_least", "almeno 600", True),
        ("at_least", "щонайменше 600", True),
        ("more_than", "oltre 2.000", True),
        ("more_than", "понад 6\u00a0000", True),
        ("up_to", "fino a 5.000", True),
        ("up_to", "fewer than 50", True),
        ("range", "tra 1.000 e 1.500", True),
        ("range", "від 1\u00a0000 до 1\u00a0500", True),
        ("unspecified", "migliaia", True),
        ("unspecified", "plusieurs milliers", True),
        ("unspecified", "Tausende", True),
        ("unspecified", "in the thousands", True),
        ("unspecified", "a large number", True),
        ("unspecified", "1,000", False),
        ("unspecified", "about a dozen", False),
    ],
)
def test_qualifier_rule(qualifier, text, ok):
    assert (qualifier_problem(qualifier, text) is None) is ok
