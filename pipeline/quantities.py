"""Parse count phrases ("roughly 5,000", "10.000 bis 12.000", "thousands") into ``Count``.

The model copies a count phrase verbatim; code turns it into numbers so the model cannot get the
arithmetic wrong. The same number grammar finds figures in running text, which is how a count is
checked against the article it came from.

Number grammar (English and German; French, Spanish and Russian words where they differ):

* digits with thousands separators: ``10,000``, ``10.000`` (a dot or comma followed by exactly
  three digits is a separator), ``100 000`` with a plain, thin, narrow or no-break space;
* decimals with a scale: ``1.5 million``, ``1,5 Millionen``, ``2 Mio.``, ``5k``, ``3bn``;
* number words: ``twelve``, ``twenty-five``, ``one hundred and fifty``, ``six thousand``,
  ``a dozen``, ``two dozen``, ``half a million``, German compounds such as ``sechstausend``,
  ``zweihundertfünfzig``, ``zwei Millionen``, ``ein Dutzend``;
* Russian scale words after digits (``10 тысяч``, ``2 тысячи``, ``1,5 тыс.``, ``1,2 млн``) and
  number words (``две тысячи``, ``двести пятьдесят``, ``полторы тысячи``, ``двое``).

Plural or determiner-led amounts ("thousands", "several thousand", "a few hundred", "dozens",
"Tausende", "mehrere tausend", "тысячи", "несколько сотен") are vague: they yield no number at
all.

The qualifier lexicon (``QUALIFIER_PREFIXES`` / ``QUALIFIER_SUFFIXES``) is the single source of
truth for hedge words; ``pipeline.grounding`` reads it through ``qualifiers_of``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from schemas.records import Count, Qualifier

__all__ = [
    "QUALIFIER_PREFIXES",
    "QUALIFIER_SUFFIXES",
    "VAGUE_WORDS",
    "count_in_text",
    "find_numbers",
    "parse_count",
    "qualifier_after",
    "qualifier_before",
    "qualifiers_of",
]

# --------------------------------------------------------------------------------------------
# Qualifier lexicon: the one place hedge words live.
# --------------------------------------------------------------------------------------------

# Word tables stay hand-wrapped: one entry per line would bury the lexicon.
# fmt: off
#: Hedge words written in front of a figure, by the qualifier they express.
QUALIFIER_PREFIXES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.approximately: (
        "approximately", "approx.", "approx", "roughly", "around", "about", "some",
        "an estimated", "estimated at", "estimated", "nearly", "almost", "close to",
        "~", "≈", "c.", "circa", "ca.", "rund", "etwa", "ungefähr", "zirka", "knapp", "fast",
        "beinahe", "annähernd", "geschätzt", "geschätzte", "schätzungsweise",
        "environ", "près de", "quelque", "quelques", "autour de", "aproximadamente",
        "alrededor de", "unos", "unas", "cerca de", "casi", "en torno a",
        "около", "примерно", "приблизительно", "ориентировочно", "порядка", "почти",
        "quasi", "intorno a", "attorno a", "all'incirca", "quase", "aproximadamente",
        "близько", "приблизно", "майже", "орієнтовно", "приблизно в", "примерно в",
    ),
    Qualifier.at_least: (
        "at least", "no fewer than", "no less than", "not less than", "not fewer than",
        "a minimum of", "mindestens", "wenigstens", "nicht weniger als",
        "au moins", "pas moins de", "al menos", "por lo menos", "como mínimo",
        "не менее", "не меньше", "по меньшей мере", "по крайней мере", "как минимум", "минимум",
        "almeno", "non meno di", "pelo menos", "щонайменше", "не менше", "не менше ніж",
        "принаймні", "мінімум",
    ),
    Qualifier.more_than: (
        "more than", "over", "above", "in excess of", "upwards of", "upward of", "just over",
        "well over", "passed", "surpassed", "exceeded", "mehr als", "über", "weit über",
        "plus de", "más de",
        "более", "более чем", "больше", "больше чем", "свыше",
        "oltre", "più di", "mais de", "понад", "більше", "більше ніж", "більш ніж",
    ),
    Qualifier.up_to: (
        "up to", "as many as", "as much as", "no more than", "not more than", "at most",
        "a maximum of", "fewer than", "less than", "under", "below", "bis zu", "maximal",
        "höchstens", "nicht mehr als", "weniger als", "unter",
        "jusqu'à", "jusqu’à", "moins de", "hasta", "menos de",
        # "до" is also "before": a figure right after it is never a year or a date (figure
        # finding leaves those out), so "до 15 000" is a cap
        "до", "вплоть до", "не более", "не больше", "максимум", "менее", "меньше",
        "fino a", "non più di", "meno di", "até", "не більше", "не більше ніж", "менше",
    ),
    Qualifier.exact: ("exactly", "precisely", "genau", "exakt", "ровно"),
}

#: Hedge words written after a figure ("600 or more", "10,000-plus").
QUALIFIER_SUFFIXES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.at_least: (
        "or more", "and more", "at least", "oder mehr", "und mehr",
        "и более", "и больше", "или более", "или больше",
    ),
    Qualifier.more_than: ("plus", "+", "с лишним", "с небольшим"),
    Qualifier.approximately: ("or so", "odd", "give or take", "or thereabouts"),
    Qualifier.up_to: ("or fewer", "or less", "at most", "at the most", "oder weniger"),
}

#: Words that make an amount vague. A scale word right after one of these ("several thousand")
#: is not a figure; plural scale words ("thousands", "Tausende") never are.
VAGUE_WORDS: frozenset[str] = frozenset(
    {
        "several", "few", "couple", "many", "multiple", "numerous", "countless", "various",
        "mehrere", "einige", "paar", "viele", "etliche", "zig", "wenige", "zahlreiche",
        "plusieurs", "nombreux", "varios", "varias", "muchos", "muchas", "numerosos",
        "несколько", "нескольких", "многие", "многих", "много", "немало",
        "alcune", "diverse", "molte", "кілька", "декілька", "багато",
    }
)
# fmt: on


def _alternation(phrases: list[str]) -> str:
    # Longest first so "no more than" wins over "more than"; spaces match any whitespace.
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_PREFIX_OWNER = {p: q for q, ps in QUALIFIER_PREFIXES.items() for p in ps}
_SUFFIX_OWNER = {p: q for q, ps in QUALIFIER_SUFFIXES.items() for p in ps}


def _cyrillic_phrase(phrase: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in phrase)


# Leftmost match wins in a search, so a longer phrase that starts earlier ("no more than") beats
# the shorter phrase it contains ("more than"). The hedges in Cyrillic are tried only where the
# words next to the figure are Cyrillic (``_hedges_before``): the others are as fast as before.
_PREFIX_RE = re.compile(
    r"(?<![^\W_])(?P<p>"
    + _alternation([p for p in _PREFIX_OWNER if not _cyrillic_phrase(p)])
    + r")\s*$",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    r"\s*-?\s*(?P<p>"
    + _alternation([p for p in _SUFFIX_OWNER if not _cyrillic_phrase(p)])
    + r")(?![^\W_])",
    re.IGNORECASE,
)
_ALL_PREFIX_RE = re.compile(
    r"(?<![^\W_])(?P<p>" + _alternation(list(_PREFIX_OWNER)) + r")\s*$", re.IGNORECASE
)
_ALL_SUFFIX_RE = re.compile(
    r"\s*-?\s*(?P<p>" + _alternation(list(_SUFFIX_OWNER)) + r")(?![^\W_])", re.IGNORECASE
)


def _hedges_before(text: str, pos: int) -> re.Pattern[str]:
    """The hedge pattern for the words ending at ``pos``: with the Cyrillic hedges when the last
    word there is Cyrillic ("около 600")."""
    last = text[max(0, pos - 40) : pos].rstrip()[-1:]
    return _ALL_PREFIX_RE if "\u0400" <= last <= "\u04ff" else _PREFIX_RE


def _hedges_after(text: str, pos: int) -> re.Pattern[str]:
    """The hedge pattern for the words starting at ``pos`` ("600 и более")."""
    first = text[pos : pos + 24].lstrip().lstrip("-").lstrip()[:1]
    return _ALL_SUFFIX_RE if "\u0400" <= first <= "\u04ff" else _SUFFIX_RE


def _owner(table: dict[str, Qualifier], matched: str) -> Qualifier:
    key = re.sub(r"\s+", " ", matched).casefold()
    for phrase, qualifier in table.items():
        if phrase.casefold() == key:
            return qualifier
    return Qualifier.exact  # unreachable: every alternative comes from the table


def qualifier_before(text: str, pos: int) -> Qualifier | None:
    """The qualifier whose hedge words end right before ``text[pos]``, or None when there is none.

    Only whitespace may sit between the hedge and the figure: "at least 600" is at_least, while
    "at least one unit of 600" is not a hedge on 600.
    """
    # pos/endpos (not a slice) so the word-boundary lookbehind still sees the real text.
    m = _hedges_before(text, pos).search(text, max(0, pos - 40), pos)
    return _owner(_PREFIX_OWNER, m.group("p")) if m else None


def hedge_start(text: str, pos: int) -> int:
    """Where the hedge words written right before ``text[pos]`` begin (``pos`` if none)."""
    m = _hedges_before(text, pos).search(text, max(0, pos - 40), pos)
    return m.start("p") if m else pos


def hedge_end(text: str, pos: int) -> int:
    """Where the hedge words written right after ``text[:pos]`` end (``pos`` if none)."""
    m = _hedges_after(text, pos).match(text, pos)
    return m.end("p") if m else pos


def qualifier_after(text: str, pos: int) -> Qualifier | None:
    """The qualifier whose hedge words start right after ``text[:pos]`` ("or more", "-plus")."""
    m = _hedges_after(text, pos).match(text, pos)
    return _owner(_SUFFIX_OWNER, m.group("p")) if m else None


# --------------------------------------------------------------------------------------------
# Number grammar
# --------------------------------------------------------------------------------------------

_SCALES: dict[str, int] = {
    "hundred": 100,
    "hundert": 100,
    "thousand": 1_000,
    "tausend": 1_000,
    "tsd": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "millionen": 1_000_000,
    "mio": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "milliarde": 1_000_000_000,
    "milliarden": 1_000_000_000,
    "mrd": 1_000_000_000,
    "bn": 1_000_000_000,
    "dozen": 12,
    "dutzend": 12,
    # Russian: "10 тысяч", "2 тысячи", "1,5 тыс.", "1,2 млн", "3 миллиона", "2 млрд"
    "тысяча": 1_000,
    "тысячи": 1_000,
    "тысяч": 1_000,
    "тысячу": 1_000,
    "тыс": 1_000,
    "тис": 1_000,
    "mila": 1_000,
    "milioni": 1_000_000,
    # Portuguese and Spanish: "11 mil", "1,5 milhão", "2 millones"
    "mil": 1_000,
    "milhão": 1_000_000,
    "milhões": 1_000_000,
    "millón": 1_000_000,
    "millones": 1_000_000,
    "тисяча": 1_000,
    "тисячі": 1_000,
    "тисяч": 1_000,
    "тисячу": 1_000,
    "мільйон": 1_000_000,
    "мільйони": 1_000_000,
    "мільйонів": 1_000_000,
    "миллион": 1_000_000,
    "миллиона": 1_000_000,
    "миллионов": 1_000_000,
    "млн": 1_000_000,
    "миллиард": 1_000_000_000,
    "миллиарда": 1_000_000_000,
    "миллиардов": 1_000_000_000,
    "млрд": 1_000_000_000,
}

# Separators: one kind per number (backreference), so "1,000.5" parses as 1000.5.
_GROUP_SEPS = " \u00a0\u202f\u2009'’"
# The number's first digit comes first in the pattern, with the tests of what stands before it
# right after it ("(?<!\w\d)" is "(?<!\w)" one character on): a pattern that opens with a digit
# lets ``re`` skip to the next digit instead of trying every position of the text.
_DIGITS_RE = re.compile(
    r"(?P<int>\d(?<!\w\d)(?<!\d[.,]\d)"
    r"(?:\d{0,2}(?P<sep>[,." + _GROUP_SEPS + r"])\d{3}(?!\d)(?:(?P=sep)\d{3}(?!\d))*|\d*))"
    r"(?:[.,](?P<dec>\d+))?"
    r"(?:"
    r"\s*(?P<abbr>Mio|Mrd|Tsd|тыс|тис|млн|млрд)\.?"
    r"|\s+(?P<word>hundred|hundert|thousand|tausend|millionen|million|milliarden|milliarde"
    r"|billion|dozen|dutzend|тысячи|тысячу|тысяча|тысяч|миллионов|миллиона|миллион"
    r"|миллиардов|миллиарда|миллиард|mila|milioni|тисячі|тисячу|тисяча|тисяч|мільйонів|"
    r"мільйони|мільйон"
    # Portuguese and Spanish after digits: "11 mil", "1,5 milhão", "2 millones"
    r"|milhões|milhão|millones|millón|mil)"
    r"|(?P<suffix>k|bn|mn|mln)"
    r")?"
    r"(?![^\W_])",
    re.IGNORECASE,
)

# fmt: off
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
    # French and Spanish ("six" is shared with English)
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    # Russian, with the genitive a hedge or "из" asks for ("около пяти тысяч")
    "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4,
    "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    # collective numerals count people: "двое попали в плен"
    "двое": 2, "двоих": 2, "трое": 3, "троих": 3, "четверо": 4, "четверых": 4, "пятеро": 5,
    "пятерых": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10,
    # Italian ("due", "sei" and "otto" are also English or Italian words and names: left out)
    "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "nove": 9,
    # Ukrainian (words with an apostrophe, "п'ять", split in two: left out)
    "дві": 2, "чотири": 4, "шість": 6, "сім": 7, "вісім": 8, "двоє": 2, "двох": 2, "троє": 3,
    "трьох": 3,
    # Portuguese ("cinco", "seis" are Spanish too; "nove" Italian)
    "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8,
}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dix": 10, "douze": 12, "quinze": 15, "diez": 10, "doce": 12, "quince": 15,
    "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15,
    "dez": 10, "onze": 11, "doze": 12,
    "одинадцять": 11, "дванадцять": 12,
    "десять": 10, "десяти": 10, "одиннадцать": 11, "двенадцать": 12, "двенадцати": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "пятнадцати": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
    "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60, "семьдесят": 70,
    "семидесяти": 70, "восемьдесят": 80, "восьмидесяти": 80, "девяносто": 90, "девяноста": 90,
}
# Russian hundreds are one word each ("двести", "пятьсот"): a value of their own.
_RU_HUNDREDS = {
    "сто": 100, "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300, "трёхсот": 300,
    "четыреста": 400, "четырехсот": 400, "четырёхсот": 400, "пятьсот": 500, "пятисот": 500,
    "шестьсот": 600, "шестисот": 600, "семьсот": 700, "семисот": 700, "восемьсот": 800,
    "восьмисот": 800, "девятьсот": 900, "девятисот": 900,
    # Spanish and Italian hundreds are one word too ("trescientos", "cinquecento"); so are
    # Ukrainian ones ("двісті")
    "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
    "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700,
    "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900,
    "duecento": 200, "trecento": 300, "quattrocento": 400, "cinquecento": 500,
    "seicento": 600, "settecento": 700, "ottocento": 800, "novecento": 900,
    "двісті": 200, "чотириста": 400, "шістсот": 600, "сімсот": 700, "вісімсот": 800,
    # Portuguese ("seiscentos", "setecentos", "novecentos" are Spanish too)
    "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300,
    "quatrocentos": 400, "quatrocentas": 400, "quinhentos": 500, "quinhentas": 500,
    "oitocentos": 800, "oitocentas": 800,
}
# French "cent(s)" is a hundred only after a French unit ("trois cents"): alone it is also
# English ("per cent", "every cent").
_FRENCH_HUNDRED = frozenset({"cent", "cents"})
_FRENCH_UNITS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"})
# Italian thousands are one word ("duemila"): a value of their own, like a German compound.
_IT_THOUSANDS = {
    "duemila": 2_000, "tremila": 3_000, "quattromila": 4_000, "cinquemila": 5_000,
    "seimila": 6_000, "settemila": 7_000, "ottomila": 8_000, "novemila": 9_000,
    "diecimila": 10_000, "quindicimila": 15_000, "ventimila": 20_000,
}
# Singular scale words that may stand in a word number; plurals ("thousands") are vague.
_WORD_SCALES = {
    "hundred": 100, "hundert": 100, "thousand": 1_000, "tausend": 1_000,
    "million": 1_000_000, "millionen": 1_000_000, "billion": 1_000_000_000,
    "milliarde": 1_000_000_000, "milliarden": 1_000_000_000, "dozen": 12, "dutzend": 12,
    "mille": 1_000, "mil": 1_000, "millones": 1_000_000, "millón": 1_000_000,
    "тысяча": 1_000, "тысячу": 1_000, "тысячи": 1_000, "тысяч": 1_000,
    "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "mila": 1_000, "milioni": 1_000_000, "milione": 1_000_000,
    "тисяча": 1_000, "тисячу": 1_000, "тисячі": 1_000, "тисяч": 1_000,
    "мільйон": 1_000_000, "мільйони": 1_000_000, "мільйонів": 1_000_000,
    "milhão": 1_000_000, "milhões": 1_000_000,
}
# Spanish and Portuguese "mil", French and Italian "mille" alone are a thousand ("unos mil
# soldados", "mille soldats") before a word, but not in "mil-to-mil" or an abbreviation ("$5 mil.")
_THOUSAND_ALONE = {"mil", "mille"}


def _thousand_alone(text: str, token: tuple[str, int, int]) -> bool:
    _, start, end = token
    return (start == 0 or text[start - 1] != "-") and bool(
        re.match(r" +[^\W\d_]", text[end : end + 3])
    )


# German plurals are only figures after a multiplier ("zwei Millionen"); bare, they are vague.
# So are the Russian plural and genitive forms ("тысячи", "десятки тысяч"), but "тысяча" and
# "тысячу" alone are a thousand.
_NEEDS_MULTIPLIER = {
    "millionen", "milliarden", "millones", "mila", "milioni",
    "тысячи", "тысяч", "миллиона", "миллионов", "тисячі", "тисяч", "мільйони", "мільйонів",
    "milhões",
}
# "полторы тысячи" is one and a half thousand.
_ONE_AND_A_HALF = {"полтора", "полторы", "полутора"}
_ARTICLES = {"a", "an", "ein", "eine", "einer", "einem", "einen"}
_HALF = {"half", "halbe", "halben"}
_AND = {"and", "und"}

# German compound morphemes, longest first so "sechzig" beats "sechs" and "sech".
_DE_MORPHEMES: list[tuple[str, int | str]] = sorted(
    [
        ("eins", 1), ("ein", 1), ("zwei", 2), ("zwo", 2), ("drei", 3), ("vier", 4),
        ("fünf", 5), ("sechs", 6), ("sech", 6), ("sieben", 7), ("sieb", 7), ("acht", 8),
        ("neun", 9), ("zehn", 10), ("elf", 11), ("zwölf", 12), ("zwanzig", 20),
        ("dreißig", 30), ("dreissig", 30), ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60),
        ("siebzig", 70), ("achtzig", 80), ("neunzig", 90), ("hundert", "h"),
        ("tausend", "t"), ("und", "u"),
    ],
    key=lambda kv: len(kv[0]),
    reverse=True,
)
# fmt: on
# Words that are German articles or stems, not numbers, when they stand alone.
_DE_NOT_ALONE = {"ein", "sech", "sieb", "hundert", "tausend", "und"}
# How a compound can begin (every morpheme is at least three letters long): most words do not.
_DE_OPENINGS = frozenset(morpheme[:2] for morpheme, _ in _DE_MORPHEMES)


# "anderthalbtausend", "eineinhalbhundert": one and a half of a scale
_DE_ONE_AND_A_HALF = re.compile(r"(anderthalb|eineinhalb)(tausend|hundert)")


def _german_compound(word: str) -> int | None:
    """Value of a one-word German numeral ("sechstausend" -> 6000), else None."""
    half = _DE_ONE_AND_A_HALF.fullmatch(word)
    if half:
        return 1500 if half[2] == "tausend" else 150
    if word in _DE_NOT_ALONE or len(word) < 3 or word[:2] not in _DE_OPENINGS:
        return None
    parts: list[int | str] = []
    i = 0
    while i < len(word):
        for morpheme, val in _DE_MORPHEMES:
            if word.startswith(morpheme, i):
                # "sech"/"sieb" are only stems of sechzehn/siebzehn.
                if morpheme in ("sech", "sieb") and not word.startswith("zehn", i + 4):
                    continue
                parts.append(val)
                i += len(morpheme)
                break
        else:
            return None
    if parts[0] == "u" or parts[-1] == "u":
        return None
    total = current = 0
    for p in parts:
        if p == "h":
            current = (current or 1) * 100
        elif p == "t":
            total += (current or 1) * 1000
            current = 0
        elif isinstance(p, int):
            current += p
    return total + current


@dataclass
class _Mention:
    """One figure found in text; values are exact fractions so 1.5 million stays 1500000."""

    value: Fraction
    start: int
    end: int
    base: Fraction  # the figure before its scale word ("12" in "12 thousand")
    scale: int  # 1 when no scale word was written
    alts: set[int] = field(default_factory=set)  # other readings a writer may have meant

    @property
    def int_value(self) -> int | None:
        return _as_int(self.value)


def _digit_mentions(text: str) -> list[_Mention]:
    out: list[_Mention] = []
    for m in _DIGITS_RE.finditer(text):
        raw_int, sep, dec = m.group("int"), m.group("sep"), m.group("dec")
        scale_word = m.group("abbr") or m.group("word") or m.group("suffix")
        scale = _SCALES[scale_word.casefold()] if scale_word else 1
        if sep and dec is not None and sep in ".,":
            # "10.000,5" or "10,000.5": decimals after grouping; the mark must differ.
            if text[m.start("dec") - 1] == sep:
                dec = None
        digits = _NON_DIGIT_RE.sub("", raw_int)
        base = Fraction(int(digits))
        if dec is not None:
            base += Fraction(int(dec), 10 ** len(dec))
        end = m.end()
        if dec is None and m.group("dec") is not None:
            # The decimal part was rejected: the figure ends before it.
            end = m.start("dec") - 1
            scale, base = 1, Fraction(int(digits))
        # a figure without a scale word is its base (no Fraction product to build)
        mention = _Mention(base if scale == 1 else base * scale, m.start(), end, base, scale)
        if sep and sep in " \u00a0":
            # "26 100" may be "26" and "100" side by side; keep those readings for matching.
            mention.alts.update(int(g) for g in re.split(r"[ \u00a0]", raw_int))
        out.append(mention)
    return out


_WORD_RE = re.compile(r"[^\W\d_]+")
_NON_DIGIT_RE = re.compile(r"\D")
_SPACES_RE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _word_kind(word: str) -> tuple[str, int] | None:
    w = word.casefold()
    if w in _UNITS:
        return ("zero" if w == "zero" else "unit", _UNITS[w])
    if w in _TEENS:
        return ("teen", _TEENS[w])
    if w in _TENS:
        return ("tens", _TENS[w])
    if w in ("hundred", "hundert", "cent", "cents", "cento"):
        return ("hundred", 100)  # French "trois cents", Italian "cento"
    if w in ("dozen", "dutzend"):
        return ("dozen", 12)
    if w in _WORD_SCALES:
        return ("big", _WORD_SCALES[w])
    if w in _RU_HUNDREDS:
        return ("ru_hundreds", _RU_HUNDREDS[w])
    if w in _IT_THOUSANDS:
        return ("de", _IT_THOUSANDS[w])
    if w in _ONE_AND_A_HALF:
        return ("one_and_a_half", 0)  # only leads a scale word: opener() reads it
    if w in _AND:
        return ("and", 0)
    de = _german_compound(w)
    if de is not None:
        return ("de", de)
    return None


def _hundreds_since_big(seq: list[tuple[str, Fraction]]) -> bool:
    """Whether the group of a number word sequence after its last scale word ("thousand") has
    its hundred already: one group holds one hundred ("two thousand three hundred")."""
    for kind, _ in reversed(seq):
        if kind == "big":
            return False
        if kind == "hundred":
            return True
    return False


# Which word kinds may follow which inside one number ("twenty-five", "one hundred and ten").
_NEXT: dict[str, set[str]] = {
    "unit": {"hundred", "big", "dozen"},
    "teen": {"hundred", "big", "dozen"},
    "tens": {"unit", "big"},
    "de": {"hundred", "big", "dozen"},
    "hundred": {"unit", "teen", "tens", "big", "and"},
    "ru_hundreds": {"unit", "teen", "tens", "big"},
    "big": {"unit", "teen", "tens", "and", "ru_hundreds"},
    "and": {"unit", "teen", "tens"},
    "mult": {"hundred", "big", "dozen"},
    "zero": set(),
    "dozen": set(),
}


def _overlap_test(taken: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether any ``taken`` span overlaps ``s:e`` (``ts < e and s < te``).

    The taken spans sorted by start, with the furthest end among each prefix, answer a span with
    one bisection instead of a scan of all taken spans (a figure-dense article has many).
    """
    ordered = sorted(taken)
    starts = [ts for ts, _ in ordered]
    reach: list[int] = []
    for _, te in ordered:
        reach.append(max(te, reach[-1]) if reach else te)

    def overlaps(s: int, e: int) -> bool:
        k = bisect_left(starts, e)  # taken[:k] start before e
        return k > 0 and reach[k - 1] > s

    return overlaps


def _word_mentions(text: str, taken: list[tuple[int, int]]) -> list[_Mention]:
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    words = [t[0].casefold() for t in tokens]
    overlaps = _overlap_test(taken)

    def busy(k: int) -> bool:
        # a word inside a figure written in digits ("1.5 million") is taken
        return overlaps(tokens[k][1], tokens[k][2])

    def joined(k: int, hyphen_ok: bool = True) -> bool:
        # Tokens k and k+1 belong to one number only when a space or one hyphen separates them.
        if k + 1 >= len(tokens) or busy(k + 1):
            return False
        gap = text[tokens[k][2] : tokens[k + 1][1]]
        return bool(_SPACES_RE.fullmatch(gap) or (hyphen_ok and gap == "-"))

    def opener(k: int) -> tuple[Fraction, int] | None:
        # Words that are no number alone but lead one: "a thousand", "ein Dutzend",
        # "half a million", "eine halbe Million". Returns the multiplier and the scale index.
        if words[k] not in _HALF and words[k] not in _ARTICLES:
            if words[k] in _ONE_AND_A_HALF and joined(k) and words[k + 1] in _WORD_SCALES:
                return Fraction(3, 2), k + 1  # "полторы тысячи"
            return None  # most words: no Fraction built for them
        n, mult = k, Fraction(1)
        if words[k] in _HALF:
            mult = Fraction(1, 2)
            if joined(n) and words[n + 1] in _ARTICLES:
                n += 1
        elif words[k] in _ARTICLES:
            if joined(n) and words[n + 1] in _HALF:
                mult, n = Fraction(1, 2), n + 1
        else:
            return None
        if joined(n) and words[n + 1] in _WORD_SCALES and words[n + 1] not in _NEEDS_MULTIPLIER:
            return mult, n + 1
        return None

    def vague_before(k: int) -> bool:
        # "several thousand", "a few hundred", "a couple of hundred"
        prev = k - 2 if k >= 2 and words[k - 1] == "of" else k - 1
        return prev >= 0 and words[prev] in VAGUE_WORDS

    # Only a free word that is a number word or may open one can start a number: go from one
    # such word to the next instead of trying every word of the text.
    starts = [
        k
        for k, w in enumerate(words)
        if (w in _HALF or w in _ARTICLES or _word_kind(w) is not None) and not busy(k)
    ]
    out: list[_Mention] = []
    end = 0
    for i in starts:
        if i < end:
            continue  # inside the number just read
        seq: list[tuple[str, Fraction]] = []
        opened = opener(i)
        if opened is not None:
            mult, n = opened
            kind = _word_kind(words[n])
            assert kind is not None  # opener() only returns scale words
            seq = [("mult", mult), (kind[0], Fraction(kind[1]))]
            last = n
        else:
            kind = _word_kind(words[i])
            if (
                kind is None
                or kind[0] in ("and", "one_and_a_half")
                or words[i] in _NEEDS_MULTIPLIER
                or words[i] in _FRENCH_HUNDRED
                or (words[i] in _THOUSAND_ALONE and not _thousand_alone(text, tokens[i]))
            ):
                continue
            if kind[0] in ("big", "hundred", "dozen") and vague_before(i):
                continue  # "several thousand", "a few hundred": vague, no figure
            seq = [(kind[0], Fraction(kind[1]))]
            last = i
        bigs = [v for k, v in seq if k == "big"]
        ends = [last] * len(seq)  # the token each element of seq ends at
        j = last + 1
        while j < len(tokens) and joined(j - 1, hyphen_ok=seq[-1][0] != "and"):
            kind = _word_kind(words[j])
            if kind is None or kind[0] not in _NEXT[seq[-1][0]]:
                break
            if words[j] in _FRENCH_HUNDRED and words[j - 1] not in _FRENCH_UNITS:
                break  # "two cents", "per cent": not French hundreds
            if kind[0] == "big" and bigs and kind[1] >= min(bigs):
                break  # "thousand thousand" is two numbers, not one
            if kind[0] == "hundred" and _hundreds_since_big(seq):
                # "between three hundred and four hundred" is two numbers, not 30,400: the
                # second one starts after the first hundred
                while seq[-1][0] != "hundred":
                    seq.pop()
                    ends.pop()
                last = ends[-1]
                break
            seq.append((kind[0], Fraction(kind[1])))
            ends.append(j)
            if kind[0] == "big":
                bigs.append(Fraction(kind[1]))
            if kind[0] != "and":
                last = j
            j += 1
        while seq[-1][0] == "and":
            seq.pop()
        # "one and a half thousand", "two and a half million": the half joins the scale word,
        # not a second figure (read alone, "and" would make it the range 1 to 500).
        n = last + 1
        if (
            seq[-1][0] in ("unit", "teen", "tens")
            and n + 3 < len(tokens)
            and words[n] in _AND
            and words[n + 1] in _ARTICLES
            and words[n + 2] in _HALF
            and words[n + 3] in _WORD_SCALES
            and words[n + 3] not in _NEEDS_MULTIPLIER
            and all(joined(t) for t in range(last, n + 3))
        ):
            seq.append(("half", Fraction(1, 2)))
            seq.append(("big", Fraction(_WORD_SCALES[words[n + 3]])))
            last = n + 3
        total = current = Fraction(0)
        for k, v in seq:
            if k == "hundred":
                current = (current or 1) * 100
            elif k == "dozen":
                current = (current or 1) * 12
            elif k == "big":
                total += (current or 1) * v
                current = Fraction(0)
            else:
                current += v
        value = total + current
        final_kind, final_val = seq[-1]
        scale = int(final_val) if final_kind in ("big", "hundred", "dozen") else 1
        out.append(_Mention(value, tokens[i][1], tokens[last][2], value / scale, scale))
        end = last + 1
    return out


_RANGE_GAP_RE = re.compile(r"\s*(?:-|–|—|to|bis|or|oder|до|или)\s*", re.IGNORECASE)
# Italian and Portuguese "e": "tra 10.000 e 12.000", "entre 10 mil e 12 mil"
_AND_GAP_RE = re.compile(r"\s*(?:and|und|et|y|e|и|і)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(
    r"(?<![^\W_])(?:between|zwischen|entre|tra|fra|между|між)\s*$", re.IGNORECASE
)


def _is_range(text: str, a: _Mention, b: _Mention, *, loose_and: bool) -> bool:
    gap = text[a.end : b.start]
    if "\n" in gap:
        return False  # "kills 14\n- 175 prisoners": a line ends, and a list item begins
    if _RANGE_GAP_RE.fullmatch(gap):
        return True
    if not _AND_GAP_RE.fullmatch(gap):
        return False
    # In running text "600 and 1,000" may be two counts; only "between ... and" makes a range.
    # A count phrase holds one count, so there "and" between two figures always does.
    return loose_and or bool(_BETWEEN_RE.search(text, max(0, a.start - 20), a.start))


def _mentions(
    text: str, *, loose_and: bool = False
) -> tuple[list[_Mention], list[tuple[int, int]]]:
    """All figures in text, in order, plus the index pairs that form ranges.

    The low end of a range inherits the high end's scale when it has none and is smaller than
    the high end's figure: "10 to 12 thousand" is 10,000 to 12,000, "1.5-2 million" is
    1,500,000 to 2,000,000.
    """
    digits = _digit_mentions(text)
    words = _word_mentions(text, [(m.start, m.end) for m in digits])
    mentions = sorted(digits + words, key=lambda m: m.start)
    pairs: list[tuple[int, int]] = []
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if not _is_range(text, a, b, loose_and=loose_and):
            continue
        pairs.append((k, k + 1))
        if a.scale == 1 and b.scale > 1 and a.value < b.base:
            if a.int_value is not None:
                a.alts.add(a.int_value)  # the figure as written stays a valid reading
            a.value = a.value * b.scale
            a.base, a.scale = a.value / b.scale, b.scale
    return mentions, pairs


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """Every whole-number mention in running text as ``(value, start, end)`` character offsets.

    Digits with separators, decimals with a scale word, and number words are recognised with the
    same grammar as ``parse_count``. Vague amounts ("thousands", "several hundred") and figures
    that are not whole numbers ("2.5", "1,5" without a scale) are left out. The low end of a
    range takes the high end's scale ("10 to 12 thousand" gives 10000 and 12000).
    """
    return list(_find_numbers(text))


@lru_cache(maxsize=1024)
def _find_numbers(text: str) -> tuple[tuple[int, int, int], ...]:
    # called on the same article and sentence texts by several steps; pure, so memoised
    if not text:
        return ()
    mentions, _ = _mentions(text)
    return tuple((m.int_value, m.start, m.end) for m in mentions if m.int_value is not None)


def _readings(m: _Mention) -> set[int]:
    values = set(m.alts)
    if m.int_value is not None:
        values.add(m.int_value)
    return values


def _as_int(value: Fraction) -> int | None:
    # A scaled decimal such as 1.25 thousand is whole; 2.5 on its own is not a count.
    # (numerator and denominator directly: Fraction's own comparison and int() are slow)
    return value.numerator if value.denominator == 1 and value.numerator >= 0 else None


def parse_count(text: str | None) -> Count:
    """Parse a count phrase copied from an article into a ``Count``; never raises.

    "roughly 5,000" -> best 5000, approximately; "10,000 to 12,000" -> low/high, range;
    "thousands" -> no numbers, unspecified. ``text`` is the stripped input (None for None or an
    empty string). The first figure in the phrase is the count; hedge words right before it
    (or right after it: "600 or more") set the qualifier, and none means exact.
    """
    if text is None:
        return Count(qualifier=Qualifier.unspecified, text=None)
    phrase = str(text).strip()
    if not phrase:
        return Count(qualifier=Qualifier.unspecified, text=None)
    try:
        mentions, pairs = _mentions(phrase, loose_and=True)
    except (ValueError, ArithmeticError, IndexError):
        # Defensive: an odd phrase must not break extraction of the rest of the article.
        return Count(qualifier=Qualifier.unspecified, text=phrase)
    if not mentions:
        return Count(qualifier=Qualifier.unspecified, text=phrase)
    first = mentions[0]
    if pairs and pairs[0][0] == 0:
        low, high = _as_int(first.value), _as_int(mentions[1].value)
        if low is not None and high is not None:
            low, high = min(low, high), max(low, high)
            return Count(low=low, high=high, qualifier=Qualifier.range, text=phrase)
    best = _as_int(first.value)
    if best is None:
        return Count(qualifier=Qualifier.unspecified, text=phrase)
    qualifier = (
        qualifier_before(phrase, first.start)
        or qualifier_after(phrase, first.end)
        or Qualifier.exact
    )
    return Count(best=best, qualifier=qualifier, text=phrase)


def count_in_text(count: Count, text: str) -> bool:
    """True when every number of ``count`` (low, best, high) is written in ``text``.

    A count without numbers ("thousands") is found when its ``text`` occurs in ``text``,
    ignoring case; without numbers and without text it is never found.
    """
    if not text:
        return False
    wanted = count.numbers
    if not wanted:
        phrase = (count.text or "").strip().casefold()
        return bool(phrase) and phrase in text.casefold()
    mentions, _ = _mentions(text)
    seen: set[int] = set()
    for m in mentions:
        seen |= _readings(m)
    return all(v in seen for v in wanted)


def qualifiers_of(text: str, value: int) -> list[Qualifier]:
    """The qualifier ``text`` puts on each mention of ``value``, in order of appearance.

    A mention that is one end of a range ("10,000 to 12,000") is ``range``; otherwise the hedge
    words right before it, or right after it, decide, and none means ``exact``. Empty when
    ``value`` is not written in ``text``.
    """
    if not text:
        return []
    mentions, pairs = _mentions(text)
    in_range = {k for pair in pairs for k in pair}
    out: list[Qualifier] = []
    for k, m in enumerate(mentions):
        if value not in _readings(m):
            continue
        if k in in_range:
            out.append(Qualifier.range)
            continue
        out.append(
            qualifier_before(text, m.start) or qualifier_after(text, m.end) or Qualifier.exact
        )
    return out
