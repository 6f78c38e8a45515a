"""Score predicted ``ArticleSummary`` lines against golden labels.

Pure functions, no I/O. The checks here are deliberately independent of the pipeline's own
number finder and evidence locator (``pipeline.quantities``, ``pipeline.grounding``): the eval
audits those, so it must not reuse them.

Matching
    Predicted records are matched to expected ones one-to-one, separately for deployments,
    casualties and exchanges. A pair is *compatible* when

    * deployment: ``personnel_type`` is equal (strict: near types such as ``construction_troops``
      vs ``military_engineers`` do not match) and the counts match;
    * casualty: ``casualty_type`` is equal and the counts match;
    * exchange: ``category`` is equal (exchanges carry no count).

    Counts match when their ``value`` is equal: ``best``, else the range midpoint ``(low+high)//2``
    (as ``schemas.Count.value``), else whichever bound is present. Two counts with no numbers
    (``unspecified``) match each other.

    Among compatible pairs the assignment is an exact maximum-weight bipartite matching
    (Hungarian algorithm), ranked lexicographically: most matches to required expected records,
    then most matches to optional ones, then most field agreement (which, for exchanges, prefers
    the same provider->recipient direction).

Optional expected records
    A prediction matched to an ``optional: true`` record is neither a TP nor an FP; an unmatched
    optional record is not an FN; optional pairs do not enter field accuracy.

Precision, recall, F1 (per type, per article, micro-averaged)
    ``precision = TP/(TP+FP)``, 1.0 when nothing was predicted;
    ``recall = TP/(TP+FN)``, 1.0 when nothing was expected;
    ``F1 = 2TP/(2TP+FP+FN)``, 1.0 when TP+FP+FN is 0.
    So: no expected and no predicted records gives P=R=F1=1.0; predictions with nothing expected
    give precision 0 and F1 0; nothing predicted with something expected gives recall 0 and F1 0.
    Micro averages sum TP/FP/FN over the three types (and, in the report, over all articles).

Failed articles
    An article whose prediction is ``None`` or that carries an error counts as failed: its
    prediction (if any) is ignored, so every required expected record is an FN; it is not
    schema-valid.

Field accuracy
    On matched pairs of required records only: ``count_values`` (low, best, high all equal),
    ``qualifier``, ``status`` (deployments, exchanges), ``claimant`` (fuzzy, see
    :func:`claimants_match`), ``location`` (normalised containment; null only equals null) and
    ``direction`` (exchanges: provider and recipient mapped to canonical states). Accuracy is
    ``correct/total``, ``None`` when ``total`` is 0 (nothing to measure).

Grounding
    A predicted record is *grounded* when every number of its count (low, best, high) is found in
    the article by :func:`find_numbers`, and its evidence quote is found by
    :func:`evidence_in_text`. ``grounded_rate`` = grounded / predicted records (1.0 when there are
    none); ``ungrounded_counts`` = records with a count number not in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from schemas import ArticleSummary

RECORD_TYPES: tuple[str, ...] = ("deployment", "casualty", "exchange")
LIST_KEYS: dict[str, str] = {
    "deployment": "deployments",
    "casualty": "casualties",
    "exchange": "exchanges",
}
TYPE_FIELDS: dict[str, str] = {
    "deployment": "personnel_type",
    "casualty": "casualty_type",
    "exchange": "category",
}
FIELDS: tuple[str, ...] = (
    "count_values",
    "qualifier",
    "status",
    "claimant",
    "location",
    "direction",
)
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "deployment": ("count_values", "qualifier", "status", "claimant", "location"),
    "casualty": ("count_values", "qualifier", "claimant", "location"),
    "exchange": ("status", "claimant", "direction"),
}

# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)

_DEMONYMS = {
    "korean": "korea",
    "koreans": "korea",
    "russian": "russia",
    "russians": "russia",
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "american": "america",
    "nordkoreanisch": "nordkorea",
    "nordkoreanische": "nordkorea",
    "nordkoreanischen": "nordkorea",
    "russische": "russland",
    "russischen": "russland",
    "oblast": "region",
    "province": "region",
}
_STOPWORDS = {"the", "of", "a", "an", "for", "s", "der", "die", "das", "des"}


def _clean(text: str) -> str:
    """NFKC, unify quotes/dashes/spaces, lowercase, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return re.sub(r"\s+", " ", text).strip()


def _tokens(text: str | None) -> list[str]:
    """Lowercase word tokens, possessive ``'s`` and punctuation removed, demonyms folded."""
    if not text:
        return []
    text = _clean(text)
    text = re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)  # u.s. -> us
    text = re.sub(r"'s\b", "", text)
    words = re.findall(r"[^\W_]+", text)
    return [_DEMONYMS.get(w, w) for w in words]


def _norm(text: str | None) -> str:
    """Normalised phrase: tokens joined by single spaces (stopwords kept)."""
    return " ".join(_tokens(text))


def _contains_phrase(haystack: str, needle: str) -> bool:
    """Whole-word containment of one normalised phrase in another."""
    return bool(needle) and f" {needle} " in f" {haystack} "


# --------------------------------------------------------------------------------------------
# Claimants
# --------------------------------------------------------------------------------------------

# Known agencies: acronym -> normalised phrases that name it (compared after _norm).
_AGENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "nis": (
        "national intelligence service",
        "south korea intelligence",
        "south korea spy agency",
        "seoul spy agency",
        "seoul intelligence",
    ),
    "jcs": ("joint chiefs of staff",),
    "hur": (
        "main intelligence directorate",
        "ukraine military intelligence",
        "ukraine defence intelligence",
        "ukraine defense intelligence",
        "defence intelligence of ukraine",
        "defense intelligence of ukraine",
        "gur",
    ),
    "isw": ("institute for the study of war",),
    "kcna": ("korea central news agency",),
    "sbu": ("security service of ukraine", "ukraine security service"),
    "dia": ("defense intelligence agency",),
}
# Country acronyms are too broad to identify a claimant on their own.
_COUNTRY_ACRONYMS = {
    "US",
    "USA",
    "UK",
    "EU",
    "UN",
    "DPRK",
    "ROK",
    "RF",
    "NK",
    "SK",
    "РФ",
    "США",
    "КНДР",
    "ЕС",
    "ООН",
    "РК",
}
_ACRONYM_STOP = {"of", "the", "for", "and", "on", "in"}


def _acronyms(text: str) -> tuple[set[str], set[str]]:
    """(explicit acronyms written in the text, initials of its capitalised word runs)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    explicit: set[str] = set()
    for inner in re.findall(r"\(([^)]*)\)", text):
        # Latin or Cyrillic: "(NIS)", "(НИС)" (a Russian name is kept in the case it is
        # written in, "разведки (НИС)", so the acronym is what stays the same)
        tok = re.sub(r"[^A-Za-zА-Яа-яЁё]", "", inner)
        if 2 <= len(tok) <= 8:
            explicit.add(tok.upper())
    for tok in re.findall(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё.]*[A-Za-zА-Яа-яЁё]\.?", text):
        bare = tok.replace(".", "")
        if 2 <= len(bare) <= 8 and sum(c.isupper() for c in bare) >= 2 and bare[0].isupper():
            if bare.isupper() or bare[-1].isupper():
                explicit.add(bare.upper())
    explicit -= _COUNTRY_ACRONYMS
    initials: set[str] = set()
    words = re.findall(r"[A-Za-z]+(?:'s)?", text)
    run: list[str] = []
    for w in [*words, "."]:
        if w[:1].isupper():
            run.append(w)
        elif w.lower() in _ACRONYM_STOP and run:
            continue
        else:
            for i in range(len(run)):
                for j in range(i + 2, len(run) + 1):
                    initials.add("".join(x[0] for x in run[i:j]).upper())
            run = []
    return explicit, initials - _COUNTRY_ACRONYMS


def _agency_keys(normalised: str) -> set[str]:
    keys = set()
    for acronym, phrases in _AGENCY_ALIASES.items():
        if _contains_phrase(normalised, acronym) or any(
            _contains_phrase(normalised, _norm(p)) for p in phrases
        ):
            keys.add(acronym)
    return keys


def claimants_match(expected: str | None, predicted: str | None) -> bool:
    """Fuzzy claimant equality.

    Both empty: equal. One empty: different. Otherwise equal when, after lowercasing, removing
    punctuation and possessives and folding demonyms (``Korean`` -> ``korea``):

    * one phrase contains the other, or the content words of one are a subset of the other's;
    * an acronym written in one (``NIS``, ``(NIS)``) equals an acronym or the initials of a
      capitalised run of words in the other (country acronyms such as ``US`` are not enough);
    * both name the same known agency (e.g. "South Korean intelligence" and "NIS").
    """
    if not (expected or "").strip() and not (predicted or "").strip():
        return True
    if not (expected or "").strip() or not (predicted or "").strip():
        return False
    assert expected is not None and predicted is not None
    a, b = _norm(expected), _norm(predicted)
    if not a or not b:
        return a == b
    if _contains_phrase(a, b) or _contains_phrase(b, a):
        return True
    ta = {t for t in a.split() if t not in _STOPWORDS}
    tb = {t for t in b.split() if t not in _STOPWORDS}
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    exp_a, ini_a = _acronyms(expected)
    exp_b, ini_b = _acronyms(predicted)
    if exp_a & (exp_b | ini_b) or exp_b & (exp_a | ini_a):
        return True
    return bool(_agency_keys(a) & _agency_keys(b))


def locations_match(expected: str | None, predicted: str | None) -> bool:
    """Location equality: null only equals null; otherwise normalised whole-word containment
    either way ("Kursk" matches "the Kursk region"; "oblast"/"province" count as "region")."""
    a, b = _norm(expected), _norm(predicted)
    if not a or not b:
        return not a and not b
    a = " ".join(t for t in a.split() if t not in _STOPWORDS)
    b = " ".join(t for t in b.split() if t not in _STOPWORDS)
    return _contains_phrase(a, b) or _contains_phrase(b, a)


# --------------------------------------------------------------------------------------------
# States (exchange direction)
# --------------------------------------------------------------------------------------------

_STATE_ALIASES: dict[str, tuple[str, ...]] = {
    "North Korea": (
        "north korea",
        "dprk",
        "pyongyang",
        "n korea",
        "nordkorea",
        "democratic people republic of korea",
        "democratic people s republic of korea",
    ),
    "Russia": ("russia", "moscow", "russian federation", "kremlin", "russland", "rf"),
    "Ukraine": ("ukraine", "kyiv", "kiev", "kiew"),
    "South Korea": ("south korea", "seoul", "rok", "republic of korea", "s korea", "südkorea"),
    "United States": (
        "united states",
        "united states of america",
        "us",
        "usa",
        "washington",
        "america",
    ),
    "China": ("china", "beijing", "prc"),
    "Iran": ("iran", "tehran"),
}
_ALIAS_LIST: list[tuple[str, str]] = sorted(
    ((_norm(alias), state) for state, aliases in _STATE_ALIASES.items() for alias in aliases),
    key=lambda pair: -len(pair[0]),
)


def canonical_state(name: str | None) -> str | None:
    """Map a state name or metonym to a canonical name (``"Pyongyang"`` -> ``"North Korea"``).

    The earliest alias mentioned wins; unknown names come back normalised, ``None`` stays
    ``None``.
    """
    norm = _norm(name)
    if not norm:
        return None
    padded = f" {norm} "
    best: tuple[int, str] | None = None
    for alias, state in _ALIAS_LIST:
        pos = padded.find(f" {alias} ")
        if pos >= 0 and (best is None or pos < best[0]):
            best = (pos, state)
    return best[1] if best else norm


# --------------------------------------------------------------------------------------------
# Numbers and evidence in the article
# --------------------------------------------------------------------------------------------

_SCALES = {
    "k": 1_000,
    "thousand": 1_000,
    "tausend": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "millionen": 1_000_000,
    "mio": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "milliarden": 1_000_000_000,
    "mrd": 1_000_000_000,
    # Russian: "10 тысяч", "2 тысячи", "1,5 тыс.", "1,2 млн", "3 миллиона", "2 млрд"
    "тысяча": 1_000,
    "тысячи": 1_000,
    "тысяч": 1_000,
    "тысячу": 1_000,
    "тыс": 1_000,
    "миллион": 1_000_000,
    "миллиона": 1_000_000,
    "миллионов": 1_000_000,
    "млн": 1_000_000,
    "миллиард": 1_000_000_000,
    "миллиарда": 1_000_000_000,
    "миллиардов": 1_000_000_000,
    "млрд": 1_000_000_000,
    # French hundreds after a unit ("trois cents"), Italian and Ukrainian scales
    "cent": 100,
    "cents": 100,
    "mila": 1_000,
    "milioni": 1_000_000,
    "тис": 1_000,
    "тисяча": 1_000,
    "тисячі": 1_000,
    "тисяч": 1_000,
    "тисячу": 1_000,
    "мільйон": 1_000_000,
    "мільйони": 1_000_000,
    "мільйонів": 1_000_000,
    # Portuguese and Spanish after digits: "11 mil", "1,5 milhão", "2 millones"
    "mil": 1_000,
    "milhão": 1_000_000,
    "milhões": 1_000_000,
    "millón": 1_000_000,
    "millones": 1_000_000,
}
# Russian scale words after a number, longest first ("тысячи" before "тыс"); the plural and
# genitive forms alone ("тысячи", "десятки тысяч") state no number, as "thousands" does not.
_RU_SCALE = (
    "тысячи|тысячу|тысяча|тысяч|тыс|миллионов|миллиона|миллион|млн|"
    "миллиардов|миллиарда|миллиард|млрд|тисячі|тисячу|тисяча|тисяч|тис|мільйонів|мільйони|"
    "мільйон"
)
_WORDS = {
    # French and Spanish small numbers ("deux soldats", "dos soldados"); German ones are below
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "vingt": 20,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "doce": 12,
    "veinte": 20,
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1_000,
    "dozen": 12,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "hundert": 100,
    "tausend": 1_000,
    # teens and tens in German, French and Spanish ("dreißig Soldaten", "quinze soldats",
    # "cuarenta soldados"); not French "cent" ("per cent") or English-looking "seize"
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "dreißig": 30,
    "dreissig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
    "sept": 7,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "once": 11,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
    "cien": 100,
    # Russian small numbers ("две тысячи", "пять солдат"); "тысяча" alone is a thousand
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "двое": 2,
    "трое": 3,
    "четверо": 4,
    "пятеро": 5,
    "шестеро": 6,
    "тысяча": 1_000,
    "тысячу": 1_000,
    # Spanish, Italian and Ukrainian (session 12)
    "doscientos": 200,
    "trescientos": 300,
    "cuatrocientos": 400,
    "quinientos": 500,
    "seiscientos": 600,
    "setecientos": 700,
    "ochocientos": 800,
    "novecientos": 900,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sette": 7,
    "nove": 9,
    "dieci": 10,
    "dodici": 12,
    "cento": 100,
    "duecento": 200,
    "trecento": 300,
    "cinquecento": 500,
    "duemila": 2_000,
    "tremila": 3_000,
    "cinquemila": 5_000,
    "diecimila": 10_000,
    "дві": 2,
    "чотири": 4,
    "шість": 6,
    "сім": 7,
    "вісім": 8,
    "двоє": 2,
    "троє": 3,
    "двісті": 200,
    # Portuguese
    "dois": 2,
    "duas": 2,
    "três": 3,
    "quatro": 4,
    "sete": 7,
    "oito": 8,
    "dez": 10,
    "doze": 12,
    "vinte": 20,
    "trinta": 30,
    "duzentos": 200,
    "trezentos": 300,
    "quinhentos": 500,
}
_BARE_SCALES = {"a", "hundred", "thousand", "dozen", "hundert", "tausend"}
_SCALE_RE = (
    r"(?:\s*(?P<scale>thousand|tausend|millions?|millionen|mio|mln|billion|bn|milliarden|mrd|k|"
    r"mila|milioni|milhões|milhão|millones|millón|mil|" + _RU_SCALE + r")\b)?"
)
# Grouped thousands with , . ' or a (narrow) space, or a plain integer/decimal.
_NUM_SPACED = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?!\d)" + _SCALE_RE,
    re.IGNORECASE,
)
_NUM_TIGHT = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:[,.']\d{3})+|\d+(?:[.,]\d+)?)(?!\d)" + _SCALE_RE,
    re.IGNORECASE,
)
_WORD_RE = re.compile(
    r"\b(?P<word>" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:[\s-]+(?P<scale>hundred|thousand|tausend|million|billion|dozen|cents?|mila|"
    + _RU_SCALE
    + r")\b)?",
    re.IGNORECASE,
)

# A thousand written alone: Spanish and Portuguese "mil", French and Italian "mille", Russian and
# Ukrainian "тысяча", "тисяча".
_THOUSAND_ALONE_RE = re.compile(r"(?<![\w-])(mil|mille|тысяча|тисяча)(?= +[^\W\d_])", re.IGNORECASE)

# "half a million", "one and a half thousand", "2 and a half million"
_HALF_RE = re.compile(
    r"(?:\b(?P<whole>\d+|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
    r"[\s-]+and[\s-]+a[\s-]+half|\bhalf[\s-]+an?)"
    r"[\s-]+(?P<scale>hundred|thousand|million|billion|dozen)\b",
    re.IGNORECASE,
)
_NUMBER_WORD = "|".join(sorted((w for w in _WORDS if w not in _BARE_SCALES), key=len, reverse=True))
_SCALED_RANGE_RE = re.compile(
    rf"\b(?P<low>\d+(?:[.,]\d+)?|{_NUMBER_WORD})\s*(?:to|and|or|-|–|bis|und|à|a|et|y|до|и|или)\s*"
    rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORD})[\s-]+"
    rf"(?P<scale>hundred|thousand|tausend|million|millionen|billion|dozen|{_RU_SCALE})\b",
    re.IGNORECASE,
)
_TENS_UNIT_RE = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
    r"(?P<unit>one|two|three|four|five|six|seven|eight|nine)\b"
    r"(?:[\s-]+(?P<scale>hundred|thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_HALF_BEFORE_RE = re.compile(r"\bhalf[\s-]+$", re.IGNORECASE)
# German "anderthalbtausend" (1,500), "eineinhalbhundert" (150)
_DE_ONE_AND_A_HALF_RE = re.compile(r"\b(anderthalb|eineinhalb)(tausend|hundert)\b", re.IGNORECASE)
# German writes hundreds and thousands as one word: "zweitausend", "dreihundert", "eintausend"
_DE_COMPOUND_RE = re.compile(
    r"\b(?P<unit>ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"
    r"(?P<scale>hundert|tausend)\b",
    re.IGNORECASE,
)
# German units before tens in one word: "fünfundzwanzig" (25), "einunddreißig" (31)
_DE_UNIT_AND_TENS_RE = re.compile(
    r"\b(?P<unit>ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und"
    r"(?P<tens>zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)\b",
    re.IGNORECASE,
)
# A run of English number words, read as one number: "twenty one thousand five hundred",
# "ten thousand and fifty". Words only; the run is parsed by _english_run.
_EN_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_EN_RUN_WORD = rf"(?:{'|'.join(sorted(_EN_UNITS, key=len, reverse=True))}|hundred|thousand|million)"
_EN_RUN_RE = re.compile(
    rf"\b{_EN_RUN_WORD}(?:(?:[\s-]+and)?[\s-]+{_EN_RUN_WORD})+\b", re.IGNORECASE
)
_EN_BIG = {"thousand": 1_000, "million": 1_000_000}


def _english_run(run: str) -> int | None:
    """The number a run of English number words states, or None when the words do not form
    one number ("twelve and fifteen thousand" is two: "and" joins only after a scale word)."""
    total, current, previous = 0, None, ""
    for word in re.split(r"[\s-]+", run.lower()):
        if word == "and":
            if previous not in ("hundred", *_EN_BIG):
                return None
        elif word == "hundred":
            if current is None or current >= 100:
                return None
            current *= 100
        elif word in _EN_BIG:
            if current is None:
                return None
            total += current * _EN_BIG[word]
            current = None
        else:
            unit = _WORDS[word]
            if current is None:
                current = unit
            elif current % 100 >= 20 and current % 10 == 0 and unit < 10:
                current += unit  # "twenty one", "two hundred twenty one"
            elif current % 100 == 0 and unit < 100:
                current += unit  # "five hundred twenty", "hundred and fifty"
            else:
                return None
        previous = word
    return total + (current or 0)


# A dozen in German, French and Spanish: "ein Dutzend", "une douzaine", "una docena"
_DOZEN_RE = re.compile(r"\b(ein|une|una)\s+(Dutzend|douzaine|docena)\b", re.IGNORECASE)
# French and Spanish hundreds and thousands after a number word: "deux mille", "dos mil",
# "trois cents", "doscientos" stays unread
_FR_ES_SCALED_RE = re.compile(
    r"\b(?P<word>deux|trois|quatre|cinq|six|huit|neuf|dix|dos|tres|cuatro|cinco|seis|siete|ocho|"
    r"nueve|diez|dois|duas|três|quatro|sete|oito|dez|doze|vinte|trinta)\s+(?P<scale>mille|mil|"
    r"cents?)\b",
    re.IGNORECASE,
)
_FR_ES_SCALES = {"mille": 1_000, "mil": 1_000, "cent": 100, "cents": 100}
# "one hundred and fifty", "two hundred and twelve"
_HUNDRED_AND_RE = re.compile(
    r"\b(?P<hundreds>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+hundred[\s-]+and[\s-]+"
    r"(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|"
    r"four|five|six|seven|eight|nine)\b)?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b",
    re.IGNORECASE,
)
# "полторы тысячи", "полтора миллиона": one and a half
_RU_HALF_RE = re.compile(rf"\b(?:полтор[аы]|полутора)\s+(?P<scale>{_RU_SCALE})\b", re.IGNORECASE)


def _interpretations(raw: str) -> list[float]:
    """Values a digit string may denote: '12,000' -> 12000; '1.5' -> 1.5; '1.500' -> both."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    values: list[float] = []
    if re.fullmatch(r"\d{1,3}(?:[,.' ]\d{3})+", raw):
        values.append(float(re.sub(r"[,.' ]", "", raw)))
        if re.fullmatch(r"\d{1,3}[.,]\d{3}", raw):
            values.append(float(raw.replace(",", ".")))
    else:
        values.append(float(raw.replace(",", ".")))
    return values


def find_numbers(text: str) -> set[float]:
    """Every number the text states: digits with ``,`` ``.`` ``'`` or space separators, decimals
    with a scale ("1.5 million" -> 1500000), "10k", and a few number words ("two thousand",
    "five hundred", "a dozen"). Ambiguous forms yield every reading."""
    found: set[float] = set()
    text = unicodedata.normalize("NFKC", text)
    for regex in (_NUM_SPACED, _NUM_TIGHT):
        for m in regex.finditer(text):
            scale = _SCALES.get((m.group("scale") or "").lower(), 1)
            for value in _interpretations(m.group("num")):
                found.add(value)
                found.add(round(value * scale, 6))
    for m in _WORD_RE.finditer(text):
        word = m.group("word").lower()
        scale_word = (m.group("scale") or "").lower()
        base = _WORDS[word]
        if word in _BARE_SCALES and not scale_word:
            continue  # "a", "hundred", "dozen" alone: "several hundred" states no number
        if word == "a" and _HALF_BEFORE_RE.search(text, 0, m.start()):
            continue  # the "a million" of "half a million" is read below
        found.add(float(base * (_WORDS.get(scale_word) or _SCALES.get(scale_word) or 1)))
    for _ in _THOUSAND_ALONE_RE.finditer(text):
        found.add(1000.0)  # "unos mil soldados", "mille soldats", "тисяча військових"
    for m in _TENS_UNIT_RE.finditer(text):
        # "forty-nine", "twenty five thousand"
        value = _WORDS[m.group("tens").lower()] + _WORDS[m.group("unit").lower()]
        scale_word = (m.group("scale") or "").lower()
        found.add(float(value * (_WORDS.get(scale_word) or _SCALES.get(scale_word) or 1)))
    for m in _SCALED_RANGE_RE.finditer(text):
        # "between twelve and fifteen thousand", "10 to 12 million": the low end takes the scale
        low = m.group("low").lower()
        scale_word = m.group("scale").lower()
        scale = _WORDS.get(scale_word) or _SCALES[scale_word]
        for value in _interpretations(low) if low[0].isdigit() else [float(_WORDS[low])]:
            found.add(round(value * scale, 6))
    for m in _DE_ONE_AND_A_HALF_RE.finditer(text):
        found.add(1500.0 if m.group(2).lower() == "tausend" else 150.0)
    for m in _DE_COMPOUND_RE.finditer(text):
        unit = 1 if m.group("unit").lower() == "ein" else _WORDS[m.group("unit").lower()]
        found.add(float(unit * _WORDS[m.group("scale").lower()]))
    for m in _EN_RUN_RE.finditer(text):
        value = _english_run(m.group())
        if value:
            found.add(float(value))
    for m in _DE_UNIT_AND_TENS_RE.finditer(text):
        unit = 1 if m.group("unit").lower() == "ein" else _WORDS[m.group("unit").lower()]
        found.add(float(unit + _WORDS[m.group("tens").lower()]))
    if _DOZEN_RE.search(text):
        found.add(12.0)
    for m in _FR_ES_SCALED_RE.finditer(text):
        found.add(float(_WORDS[m.group("word").lower()] * _FR_ES_SCALES[m.group("scale").lower()]))
    for m in _HUNDRED_AND_RE.finditer(text):
        rest = sum(_WORDS[w] for w in re.split(r"[\s-]+", m.group("rest").lower()))
        found.add(float(_WORDS[m.group("hundreds").lower()] * 100 + rest))
    for m in _RU_HALF_RE.finditer(text):
        found.add(1.5 * _SCALES[m.group("scale").lower()])
    for m in _HALF_RE.finditer(text):
        whole = (m.group("whole") or "").lower()
        value = float(whole) if whole.isdigit() else float(_WORDS.get(whole, 0))
        scale = _WORDS.get(m.group("scale").lower()) or _SCALES[m.group("scale").lower()]
        found.add((value + 0.5) * scale)
    return found


def evidence_in_text(evidence: str | None, text: str) -> bool:
    """True when the quote occurs in the text after unifying whitespace, case, quotes and
    dashes. Surrounding quote marks are ignored; an ellipsis (``...``/``…``) splits the quote
    into pieces that must each occur, in order."""
    if not evidence or not evidence.strip():
        return False
    hay = _clean(text)
    pieces = [p.strip(" \"'.,;:") for p in re.split(r"\[?(?:\.\.\.|\u2026)\]?", _clean(evidence))]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    pos = 0
    for piece in pieces:
        idx = hay.find(piece, pos)
        if idx < 0:
            return False
        pos = idx + len(piece)
    return True


# --------------------------------------------------------------------------------------------
# Record helpers
# --------------------------------------------------------------------------------------------


def _count(record: dict[str, Any]) -> dict[str, Any]:
    count = record.get("count")
    return count if isinstance(count, dict) else {}


def count_value(count: dict[str, Any] | None) -> float | None:
    """``best``, else the range midpoint ``(low+high)//2``, else the bound present, else None."""
    count = count or {}
    low, best, high = count.get("low"), count.get("best"), count.get("high")
    if best is not None:
        return best
    if low is not None and high is not None:
        try:
            return (low + high) // 2
        except TypeError:
            return None
    return low if low is not None else high


def _count_numbers(record: dict[str, Any]) -> list[Any]:
    count = _count(record)
    return [count.get(k) for k in ("low", "best", "high") if count.get(k) is not None]


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.value if hasattr(value, "value") else value)


def _count_label(count: dict[str, Any]) -> str:
    low, best, high = count.get("low"), count.get("best"), count.get("high")
    if best is not None:
        core = str(best)
        if low is not None or high is not None:
            core += f" [{low if low is not None else ''}-{high if high is not None else ''}]"
    elif low is not None or high is not None:
        core = f"{low if low is not None else ''}-{high if high is not None else ''}"
    else:
        text = count.get("text")
        core = f"'{text}'" if text else "?"
    qualifier = _str(count.get("qualifier")) or "unspecified"
    return f"{qualifier} {core}" if qualifier != "exact" else core


def render_record(rtype: str, record: dict[str, Any]) -> str:
    """Compact one-line rendering of a record.

    E.g. ``deployment construction_troops approximately 5000 ongoing (NIS)``.
    """
    parts = [rtype, _str(record.get(TYPE_FIELDS[rtype])) or "?"]
    if rtype == "exchange":
        if record.get("item"):
            parts.append(f"'{record['item']}'")
        parts.append(f"{record.get('provider')}->{record.get('recipient')}")
        if record.get("status"):
            parts.append(str(_str(record.get("status"))))
    else:
        if rtype == "casualty" and record.get("affected"):
            parts.append(str(record["affected"]))
        parts.append(_count_label(_count(record)))
        if rtype == "deployment" and record.get("status"):
            parts.append(str(_str(record.get("status"))))
        if record.get("location"):
            parts.append(f"@ {record['location']}")
    if record.get("claimant"):
        parts.append(f"({record['claimant']})")
    if record.get("optional"):
        parts.append("[optional]")
    return " ".join(parts)


def _field_value(rtype: str, name: str, record: dict[str, Any]) -> str:
    """Human-readable value of a scored field, for the diff."""
    if name == "count_values":
        c = _count(record)
        return f"low={c.get('low')} best={c.get('best')} high={c.get('high')}"
    if name == "qualifier":
        return str(_str(_count(record).get("qualifier")))
    if name == "direction":
        return f"{record.get('provider')}->{record.get('recipient')}"
    return str(_str(record.get(name)))


def field_correct(
    rtype: str, name: str, expected: dict[str, Any], predicted: dict[str, Any]
) -> bool:
    """Whether one scored field of a matched pair agrees (see the module docstring)."""
    if name == "count_values":
        ce, cp = _count(expected), _count(predicted)
        return all(ce.get(k) == cp.get(k) for k in ("low", "best", "high"))
    if name == "qualifier":
        return _str(_count(expected).get("qualifier")) == _str(_count(predicted).get("qualifier"))
    if name == "status":
        return _str(expected.get("status")) == _str(predicted.get("status"))
    if name == "claimant":
        return claimants_match(expected.get("claimant"), predicted.get("claimant"))
    if name == "location":
        return locations_match(expected.get("location"), predicted.get("location"))
    if name == "direction":
        return canonical_state(expected.get("provider")) == canonical_state(
            predicted.get("provider")
        ) and canonical_state(expected.get("recipient")) == canonical_state(
            predicted.get("recipient")
        )
    raise ValueError(f"unknown field {name!r}")


def compatible(rtype: str, expected: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether two records may be matched: same type, and (except exchanges) same count value."""
    key = TYPE_FIELDS[rtype]
    if _str(expected.get(key)) != _str(predicted.get(key)):
        return False
    if rtype == "exchange":
        return True
    return count_value(_count(expected)) == count_value(_count(predicted))


_TIEBREAK_MAX = 2 * len(FIELDS) + 1


def _agreement(rtype: str, expected: dict[str, Any], predicted: dict[str, Any]) -> int:
    """Tie-break score in ``[0, _TIEBREAK_MAX]``: agreeing fields, plus item/affected overlap."""
    score = 2 * sum(field_correct(rtype, f, expected, predicted) for f in FIELDS_BY_TYPE[rtype])
    aux = "item" if rtype == "exchange" else "affected"
    a, b = _norm(_str(expected.get(aux))), _norm(_str(predicted.get(aux)))
    if a and b and (_contains_phrase(a, b) or _contains_phrase(b, a)):
        score += 1
    return score


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def _hungarian_max(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Maximum-weight assignment for a rows<=cols integer matrix (Kuhn-Munkres, O(n^2 m)).

    Returns (row, col) pairs, one per row.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] != 0]


def match_records(
    rtype: str, expected: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one matching of expected to predicted records of one type.

    Returns ``(expected_index, predicted_index)`` pairs of compatible records, chosen to
    maximise, in order: matches to required records, matches to optional records, field
    agreement.
    """
    if not expected or not predicted:
        return []
    pairs = min(len(expected), len(predicted))
    base = (pairs + 1) * (_TIEBREAK_MAX + 1)  # exceeds any total of tie-breaks
    weights = [[0] * len(predicted) for _ in expected]
    for i, e in enumerate(expected):
        tier = base if e.get("optional") else base * base * (pairs + 1)
        for j, p in enumerate(predicted):
            if compatible(rtype, e, p):
                weights[i][j] = tier + _agreement(rtype, e, p)
    if len(expected) <= len(predicted):
        assignment = _hungarian_max(weights)
    else:
        transposed = [list(col) for col in zip(*weights, strict=True)]
        assignment = [(i, j) for j, i in _hungarian_max(transposed)]
    return sorted((i, j) for i, j in assignment if weights[i][j] > 0)


# --------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------


def _ratio(num: float, den: float, empty: float | None) -> float | None:
    return num / den if den else empty


@dataclass
class TypeCounts:
    """TP/FP/FN for one record type (or the micro sum), with P/R/F1 per the module convention."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP/(TP+FP); 1.0 when nothing was predicted."""
        den = self.tp + self.fp
        return self.tp / den if den else 1.0

    @property
    def recall(self) -> float:
        """TP/(TP+FN); 1.0 when nothing was expected."""
        den = self.tp + self.fn
        return self.tp / den if den else 1.0

    @property
    def f1(self) -> float:
        """2TP/(2TP+FP+FN); 1.0 when all three are 0."""
        den = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / den if den else 1.0

    def add(self, other: TypeCounts) -> None:
        """Accumulate another count into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float]:
        """Counts and rates as a JSON-ready dict."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class FieldCount:
    """Correct/total for one field over matched required pairs."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """correct/total, ``None`` when there was nothing to compare."""
        return _ratio(self.correct, self.total, None)

    def add(self, other: FieldCount) -> None:
        """Accumulate another count into this one."""
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        """As a JSON-ready dict."""
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


def _new_types() -> dict[str, TypeCounts]:
    return {t: TypeCounts() for t in RECORD_TYPES}


def _new_fields() -> dict[str, FieldCount]:
    return {f: FieldCount() for f in FIELDS}


@dataclass
class ArticleScore:
    """Everything the scorer found for one article."""

    case_id: str
    failed: bool = False
    error: str | None = None
    schema_valid: bool = False
    schema_errors: list[str] = field(default_factory=list)
    types: dict[str, TypeCounts] = field(default_factory=_new_types)
    optional_matched: int = 0
    fields: dict[str, FieldCount] = field(default_factory=_new_fields)
    predicted_records: int = 0
    grounded_records: int = 0
    ungrounded_counts: int = 0
    ungrounded_evidence: int = 0
    tokens_in: int | None = None
    tokens_out: int | None = None
    latency_s: float | None = None
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_fields: list[dict[str, str]] = field(default_factory=list)
    ungrounded: list[str] = field(default_factory=list)

    @property
    def micro(self) -> TypeCounts:
        """TP/FP/FN summed over the three record types."""
        total = TypeCounts()
        for counts in self.types.values():
            total.add(counts)
        return total

    @property
    def field_totals(self) -> FieldCount:
        """All scored fields pooled."""
        total = FieldCount()
        for counts in self.fields.values():
            total.add(counts)
        return total

    @property
    def perfect(self) -> bool:
        """No failure, no diff, schema-valid and fully grounded."""
        return (
            not self.failed
            and self.schema_valid
            and not self.missing
            and not self.extra
            and not self.wrong_fields
            and not self.ungrounded
        )

    def to_dict(self) -> dict[str, Any]:
        """As a JSON-ready dict."""
        micro = self.micro
        return {
            "case_id": self.case_id,
            "failed": self.failed,
            "error": self.error,
            "schema_valid": self.schema_valid,
            "schema_errors": list(self.schema_errors),
            "precision": micro.precision,
            "recall": micro.recall,
            "f1": micro.f1,
            "types": {t: c.to_dict() for t, c in self.types.items()},
            "micro": micro.to_dict(),
            "optional_matched": self.optional_matched,
            "fields": {f: c.to_dict() for f, c in self.fields.items()},
            "field_accuracy": self.field_totals.accuracy,
            "predicted_records": self.predicted_records,
            "grounded_records": self.grounded_records,
            "ungrounded_counts": self.ungrounded_counts,
            "ungrounded_evidence": self.ungrounded_evidence,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "latency_s": self.latency_s,
            "diff": {
                "missing": list(self.missing),
                "extra": list(self.extra),
                "wrong_fields": [dict(w) for w in self.wrong_fields],
                "ungrounded": list(self.ungrounded),
            },
        }


def _records(container: dict[str, Any] | None, rtype: str) -> list[dict[str, Any]]:
    if not isinstance(container, dict):
        return []
    records = container.get(LIST_KEYS[rtype]) or []
    if not isinstance(records, list):
        return []
    return [r for r in records if isinstance(r, dict)]


def _grounding_check(
    rtype: str, record: dict[str, Any], text: str, numbers: set[float]
) -> list[str]:
    """Reasons a predicted record is not grounded (empty list = grounded)."""
    reasons = []
    if rtype != "exchange":
        for value in _count_numbers(record):
            if not isinstance(value, (int, float)) or float(value) not in numbers:
                reasons.append(f"count {value} not in text")
    if not evidence_in_text(record.get("evidence"), text):
        reasons.append("evidence not in text")
    return reasons


def score_article(
    case_id: str,
    expected: dict[str, Any],
    predicted: dict[str, Any] | BaseModel | None,
    text: str,
    error: str | None = None,
) -> ArticleScore:
    """Score one article's prediction against its golden label.

    Args:
        case_id: the golden case id.
        expected: the ``<case>.expected.json`` object.
        predicted: one output line (an ``ArticleSummary`` dict or model), or ``None`` when the
            pipeline produced nothing.
        text: the article text (for the grounding checks).
        error: an error message when the pipeline failed on this article.

    A failed article (``predicted is None`` or ``error``) is scored as an empty prediction.
    An invalid prediction is still scored, leniently, record by record.
    """
    if isinstance(predicted, BaseModel):
        predicted = predicted.model_dump(mode="json")
    score = ArticleScore(case_id=case_id, error=error)
    score.failed = predicted is None or error is not None
    if score.failed:
        predicted = None
    else:
        try:
            ArticleSummary.model_validate(predicted)
            score.schema_valid = True
        except ValidationError as exc:
            score.schema_errors = [
                f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
            ]
        provenance = predicted.get("provenance") if isinstance(predicted, dict) else None
        if isinstance(provenance, dict):
            score.tokens_in = _as_number(provenance.get("tokens_in"))
            score.tokens_out = _as_number(provenance.get("tokens_out"))
            score.latency_s = _as_number(provenance.get("latency_s"))

    numbers = find_numbers(text)
    for rtype in RECORD_TYPES:
        exp = _records(expected, rtype)
        pred = _records(predicted, rtype)
        pairs = match_records(rtype, exp, pred)
        counts = score.types[rtype]
        matched_e = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, j in pairs:
            if exp[i].get("optional"):
                score.optional_matched += 1
                continue
            counts.tp += 1
            for name in FIELDS_BY_TYPE[rtype]:
                ok = field_correct(rtype, name, exp[i], pred[j])
                score.fields[name].total += 1
                score.fields[name].correct += ok
                if not ok:
                    score.wrong_fields.append(
                        {
                            "record": render_record(rtype, exp[i]),
                            "field": name,
                            "expected": _field_value(rtype, name, exp[i]),
                            "predicted": _field_value(rtype, name, pred[j]),
                        }
                    )
        for i, e in enumerate(exp):
            if i not in matched_e and not e.get("optional"):
                counts.fn += 1
                score.missing.append(render_record(rtype, e))
        for j, p in enumerate(pred):
            if j not in matched_p:
                counts.fp += 1
                score.extra.append(render_record(rtype, p))
        for p in pred:
            score.predicted_records += 1
            reasons = _grounding_check(rtype, p, text, numbers)
            if not reasons:
                score.grounded_records += 1
                continue
            if any(r.startswith("count") for r in reasons):
                score.ungrounded_counts += 1
            if "evidence not in text" in reasons:
                score.ungrounded_evidence += 1
            score.ungrounded.append(f"{render_record(rtype, p)}: {'; '.join(reasons)}")
    return score


def _as_number(value: Any) -> Any:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


# --------------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------------


@dataclass
class EvalReport:
    """Scores of a whole run: totals, flat ``metrics`` for gates, and per-article detail."""

    articles: list[ArticleScore]
    types: dict[str, TypeCounts]
    fields: dict[str, FieldCount]
    metrics: dict[str, float | int | None]

    @property
    def micro(self) -> TypeCounts:
        """TP/FP/FN summed over types and articles."""
        total = TypeCounts()
        for counts in self.types.values():
            total.add(counts)
        return total

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: ``metrics`` (flat), ``types``, ``fields`` and ``articles``."""
        return {
            "metrics": dict(self.metrics),
            "types": {
                **{t: c.to_dict() for t, c in self.types.items()},
                "micro": self.micro.to_dict(),
            },
            "fields": {f: c.to_dict() for f, c in self.fields.items()},
            "articles": [a.to_dict() for a in self.articles],
        }


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def aggregate(scores: list[ArticleScore]) -> EvalReport:
    """Combine article scores into an :class:`EvalReport`.

    ``metrics`` holds (all flat numbers; ``None`` where nothing could be measured):

    * ``articles``, ``failed``, ``failed_rate``, ``schema_valid_rate`` (over all articles;
      failed ones are not valid);
    * ``micro_{precision,recall,f1,tp,fp,fn}`` and ``{deployment,casualty,exchange}_{...}``,
      summed over articles before dividing; ``mean_article_f1`` (macro over articles);
    * ``field_{count_values,qualifier,status,claimant,location,direction}_accuracy`` and
      ``field_accuracy`` (all fields pooled);
    * ``predicted_records``, ``grounded_rate``, ``ungrounded_counts``, ``ungrounded_evidence``;
    * ``tokens_in_total``, ``tokens_out_total``, ``mean_tokens_in``, ``mean_tokens_out``,
      ``mean_latency_s``, ``total_latency_s``, ``max_latency_s`` (over articles whose
      provenance gives them).
    """
    types = _new_types()
    fields = _new_fields()
    for s in scores:
        for t, c in s.types.items():
            types[t].add(c)
        for f, c in s.fields.items():
            fields[f].add(c)
    micro = TypeCounts()
    for c in types.values():
        micro.add(c)
    n = len(scores)
    failed = sum(s.failed for s in scores)
    predicted_records = sum(s.predicted_records for s in scores)
    grounded = sum(s.grounded_records for s in scores)
    pooled = FieldCount()
    for c in fields.values():
        pooled.add(c)

    metrics: dict[str, float | int | None] = {
        "articles": n,
        "failed": failed,
        "failed_rate": _ratio(failed, n, 0.0),
        "schema_valid_rate": _ratio(sum(s.schema_valid for s in scores), n, 1.0),
    }
    for name, c in (("micro", micro), *types.items()):
        metrics[f"{name}_precision"] = c.precision
        metrics[f"{name}_recall"] = c.recall
        metrics[f"{name}_f1"] = c.f1
        metrics[f"{name}_tp"] = c.tp
        metrics[f"{name}_fp"] = c.fp
        metrics[f"{name}_fn"] = c.fn
    metrics["mean_article_f1"] = _mean(s.micro.f1 for s in scores)
    for f, c in fields.items():
        metrics[f"field_{f}_accuracy"] = c.accuracy
    metrics["field_accuracy"] = pooled.accuracy
    metrics["predicted_records"] = predicted_records
    metrics["grounded_rate"] = _ratio(grounded, predicted_records, 1.0)
    metrics["ungrounded_counts"] = sum(s.ungrounded_counts for s in scores)
    metrics["ungrounded_evidence"] = sum(s.ungrounded_evidence for s in scores)
    tin = [s.tokens_in for s in scores if s.tokens_in is not None]
    tout = [s.tokens_out for s in scores if s.tokens_out is not None]
    lat = [s.latency_s for s in scores if s.latency_s is not None]
    metrics["tokens_in_total"] = sum(tin)
    metrics["tokens_out_total"] = sum(tout)
    metrics["mean_tokens_in"] = _mean(tin)
    metrics["mean_tokens_out"] = _mean(tout)
    metrics["mean_latency_s"] = _mean(lat)
    metrics["total_latency_s"] = float(sum(lat))
    metrics["max_latency_s"] = max(lat) if lat else None
    return EvalReport(articles=list(scores), types=types, fields=fields, metrics=metrics)


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def _f(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(report: EvalReport) -> str:
    """Markdown summary for a CI job summary: per-type P/R/F1, field accuracies, rates, and a
    per-article table followed by the diff of every article that is not perfect."""
    m = report.metrics
    out = [
        "## troopwatch eval",
        "",
        f"{m['articles']} articles, {m['failed']} failed.",
        "",
        "### Records",
        "",
        "| type | TP | FP | FN | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in (*report.types.items(), ("**micro**", report.micro)):
        out.append(
            f"| {name} | {c.tp} | {c.fp} | {c.fn} | {_f(c.precision)} | {_f(c.recall)} "
            f"| {_f(c.f1)} |"
        )
    out += [
        "",
        "### Field accuracy (matched required records)",
        "",
        "| field | correct | total | accuracy |",
        "|---|---:|---:|---:|",
    ]
    for name, c in report.fields.items():
        out.append(f"| {name} | {c.correct} | {c.total} | {_f(c.accuracy)} |")
    out += [
        "",
        "### Rates",
        "",
        "| metric | value |",
        "|---|---:|",
        f"| grounded_rate | {_f(m['grounded_rate'])} |",
        f"| ungrounded_counts | {m['ungrounded_counts']} |",
        f"| ungrounded_evidence | {m['ungrounded_evidence']} |",
        f"| schema_valid_rate | {_f(m['schema_valid_rate'])} |",
        f"| failed_rate | {_f(m['failed_rate'])} |",
        f"| mean_latency_s | {_f(m['mean_latency_s'], 2)} |",
        f"| total_latency_s | {_f(m['total_latency_s'], 2)} |",
        f"| tokens in / out (total) | {m['tokens_in_total']} / {m['tokens_out_total']} |",
        "",
        "### Articles",
        "",
        "| article | F1 | TP | FP | FN | fields | grounded | status |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for a in report.articles:
        c = a.micro
        ft = a.field_totals
        status = "failed" if a.failed else ("ok" if a.perfect else "diff")
        if not a.failed and not a.schema_valid:
            status += ", invalid schema"
        out.append(
            f"| {_cell(a.case_id)} | {_f(c.f1)} | {c.tp} | {c.fp} | {c.fn} "
            f"| {ft.correct}/{ft.total} | {a.grounded_records}/{a.predicted_records} "
            f"| {status} |"
        )
    imperfect = [a for a in report.articles if not a.perfect]
    if imperfect:
        out += ["", "### Diffs", ""]
        for a in imperfect:
            out.append(f"#### {a.case_id}")
            out.append("")
            out += _diff_lines(a, prefix="- ", code="`")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _diff_lines(a: ArticleScore, prefix: str, code: str = "") -> list[str]:
    lines = []
    if a.failed:
        lines.append(f"{prefix}failed: {a.error or 'no prediction'}")
    for err in a.schema_errors:
        lines.append(f"{prefix}schema: {err}")
    lines += [f"{prefix}missing: {code}{r}{code}" for r in a.missing]
    lines += [f"{prefix}extra: {code}{r}{code}" for r in a.extra]
    lines += [
        f"{prefix}wrong {w['field']}: {code}{w['record']}{code} expected {code}{w['expected']}"
        f"{code}, predicted {code}{w['predicted']}{code}"
        for w in a.wrong_fields
    ]
    lines += [f"{prefix}ungrounded: {code}{r}{code}" for r in a.ungrounded]
    return lines


def render_table(report: EvalReport) -> str:
    """Compact plain-text summary for the terminal."""
    m = report.metrics
    rows = [f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for name, c in (*report.types.items(), ("micro", report.micro)):
        rows.append(
            f"{name:<12}{_f(c.precision):>7}{_f(c.recall):>7}{_f(c.f1):>7}"
            f"{c.tp:>5}{c.fp:>5}{c.fn:>5}"
        )
    rows.append("")
    rows.append(
        "fields: "
        + "  ".join(
            f"{name} {_f(c.accuracy, 2)} ({c.correct}/{c.total})"
            for name, c in report.fields.items()
        )
    )
    rows.append(
        f"grounded {_f(m['grounded_rate'], 2)}  ungrounded_counts {m['ungrounded_counts']}  "
        f"schema_valid {_f(m['schema_valid_rate'], 2)}  failed {m['failed']}/{m['articles']}  "
        f"latency mean {_f(m['mean_latency_s'], 2)}s total {_f(m['total_latency_s'], 1)}s  "
        f"tokens {m['tokens_in_total']}/{m['tokens_out_total']}"
    )
    rows.append("")
    width = max([len("article"), *(len(a.case_id) for a in report.articles)]) + 2
    rows.append(f"{'article':<{width}}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}  notes")
    for a in report.articles:
        c = a.micro
        notes = "FAILED" if a.failed else ("" if a.perfect else "diff")
        rows.append(f"{a.case_id:<{width}}{_f(c.f1):>7}{c.tp:>5}{c.fp:>5}{c.fn:>5}  {notes}")
        if not a.perfect:
            rows += _diff_lines(a, prefix=" " * (width + 2) + "- ")
    return "\n".join(rows) + "\n"
