"""Tests for pipeline.quantities: count phrases, the number finder and count_in_text."""

from __future__ import annotations

import pytest

from pipeline.quantities import (
    QUALIFIER_PREFIXES,
    count_in_text,
    find_numbers,
    parse_count,
    qualifier_after,
    qualifier_before,
    qualifiers_of,
)
from schemas.records import Count, Qualifier

Q = Qualifier


def values(text: str) -> list[int]:
    return [v for v, _, _ in find_numbers(text)]


# --------------------------------------------------------------------------------------------
# parse_count: single figures and their qualifiers
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "best", "qualifier"),
    [
        ("10,000", 10_000, Q.exact),
        ("1,000 demining specialists", 1_000, Q.exact),
        ("roughly 5,000", 5_000, Q.approximately),
        ("around 3,000", 3_000, Q.approximately),
        ("about 600", 600, Q.approximately),
        ("About 600", 600, Q.approximately),
        ("approximately 11,000", 11_000, Q.approximately),
        ("some 600", 600, Q.approximately),
        ("an estimated 11,000", 11_000, Q.approximately),
        ("estimated 11,000", 11_000, Q.approximately),
        ("nearly 1,000", 1_000, Q.approximately),
        ("almost 2,000", 2_000, Q.approximately),
        ("close to 11,000", 11_000, Q.approximately),
        ("~3,000", 3_000, Q.approximately),
        ("~ 3,000", 3_000, Q.approximately),
        ("rund 6.000", 6_000, Q.approximately),
        ("etwa 6.000", 6_000, Q.approximately),
        ("ungefähr 10.000", 10_000, Q.approximately),
        ("circa 1.500", 1_500, Q.approximately),
        ("ca. 1.500", 1_500, Q.approximately),
        ("at least 600", 600, Q.at_least),
        ("At Least 600", 600, Q.at_least),
        ("at  least\n600", 600, Q.at_least),
        ("no fewer than 300", 300, Q.at_least),
        ("no less than 300", 300, Q.at_least),
        ("mindestens 600", 600, Q.at_least),
        ("more than 10,000", 10_000, Q.more_than),
        ("over 1,000", 1_000, Q.more_than),
        ("above 1,000", 1_000, Q.more_than),
        ("in excess of 3,000", 3_000, Q.more_than),
        ("upwards of 1,000", 1_000, Q.more_than),
        ("mehr als 10.000", 10_000, Q.more_than),
        ("über 1.000", 1_000, Q.more_than),
        ("Über 1.000", 1_000, Q.more_than),
        ("up to 12,000", 12_000, Q.up_to),
        ("as many as 100,000", 100_000, Q.up_to),
        ("as much as 5,000", 5_000, Q.up_to),
        ("bis zu 6.000", 6_000, Q.up_to),
        ("maximal 6.000", 6_000, Q.up_to),
        # "no more than" contains "more than" but caps the figure.
        ("no more than 500", 500, Q.up_to),
        # Hedges written after the figure.
        ("600 or more", 600, Q.at_least),
        ("10,000-plus", 10_000, Q.more_than),
        ("10,000+", 10_000, Q.more_than),
        ("600 or so", 600, Q.approximately),
        # A hedge word must sit right before the figure to hedge it.
        ("at least one unit of 600", 1, Q.at_least),
    ],
)
def test_parse_count_single(phrase, best, qualifier):
    c = parse_count(phrase)
    assert (c.low, c.best, c.high) == (None, best, None)
    assert c.qualifier is qualifier
    assert c.text == phrase.strip()


def test_hedge_inside_a_word_is_not_a_hedge():
    # "whereabout" ends in "about", "cover" in "over": neither hedges the figure.
    assert parse_count("whereabout 600").qualifier is Q.exact
    assert parse_count("cover 600").qualifier is Q.exact


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("10.000", 10_000),
        ("1.234.567", 1_234_567),
        ("1,234,567", 1_234_567),
        ("100 000", 100_000),
        ("100\u202f000", 100_000),
        ("100\u00a0000", 100_000),
        ("100\u2009000", 100_000),
        ("1 000 000", 1_000_000),
        ("12'000", 12_000),
        ("1.5 million", 1_500_000),
        ("1.25 million", 1_250_000),
        ("1,5 Millionen", 1_500_000),
        ("2 Mio.", 2_000_000),
        ("3 Mrd.", 3_000_000_000),
        ("3bn", 3_000_000_000),
        ("5k", 5_000),
        ("5K", 5_000),
        ("10 thousand", 10_000),
        ("10 Tausend", 10_000),
        ("2 dozen", 24),
        ("one million", 1_000_000),
        ("One million", 1_000_000),
        ("two thousand", 2_000),
        ("six thousand", 6_000),
        ("a thousand", 1_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("twelve", 12),
        ("Twelve", 12),
        ("twenty-five", 25),
        ("twenty-five thousand", 25_000),
        ("one hundred and fifty", 150),
        ("a hundred and fifty", 150),
        ("two thousand three hundred", 2_300),
        ("one million two hundred thousand", 1_200_000),
        ("three hundred thousand", 300_000),
        ("fifteen hundred", 1_500),
        ("half a million", 500_000),
        ("one and a half thousand", 1_500),
        ("one-and-a-half thousand", 1_500),
        ("two and a half million", 2_500_000),
        ("sechstausend", 6_000),
        ("Sechstausend", 6_000),
        ("anderthalbtausend", 1_500),
        ("eineinhalbhundert", 150),
        ("zweihundertfünfzig", 250),
        ("dreizehn", 13),
        ("sechzehn", 16),
        ("siebzehn", 17),
        ("dreißig", 30),
        ("einhunderttausend", 100_000),
        ("zweiundzwanzigtausend", 22_000),
        ("zwei Millionen", 2_000_000),
        ("eine Million", 1_000_000),
        ("eine halbe Million", 500_000),
        ("ein Dutzend", 12),
    ],
)
def test_parse_count_number_forms(phrase, value):
    c = parse_count(phrase)
    assert c.best == value
    assert c.qualifier is Q.exact
    assert c.low is None and c.high is None


# --------------------------------------------------------------------------------------------
# parse_count: ranges
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("10,000 to 12,000", 10_000, 12_000),
        ("10,000-12,000", 10_000, 12_000),
        ("10,000 - 12,000", 10_000, 12_000),
        ("10,000–12,000", 10_000, 12_000),
        ("between 10,000 and 12,000", 10_000, 12_000),
        ("Between 10,000 and 12,000 troops", 10_000, 12_000),
        ("from 10,000 to 12,000", 10_000, 12_000),
        ("10,000 and 12,000", 10_000, 12_000),
        ("zwischen 10.000 und 12.000", 10_000, 12_000),
        ("10.000 bis 12.000", 10_000, 12_000),
        ("von 10.000 bis 12.000", 10_000, 12_000),
        ("5,000 or 6,000", 5_000, 6_000),
        ("roughly 10,000 to 12,000", 10_000, 12_000),
        ("up to 10,000-12,000", 10_000, 12_000),
        # The low end takes the high end's scale when it has none and is smaller.
        ("10 to 12 thousand", 10_000, 12_000),
        ("two to three thousand", 2_000, 3_000),
        ("two-three thousand", 2_000, 3_000),
        ("1.5-2 million", 1_500_000, 2_000_000),
        ("1,5 bis 2 Millionen", 1_500_000, 2_000_000),
        ("10k-12k", 10_000, 12_000),
        # ...but not when it is already larger: "500 to 1 million" is 500 to 1,000,000.
        ("500 to 1 million", 500, 1_000_000),
        # Reversed bounds are put in order so the Count stays valid.
        ("12,000 to 10,000", 10_000, 12_000),
        # one group of number words holds one hundred: two numbers, not 30,400
        ("three hundred and four hundred", 300, 400),
        ("between five hundred and six hundred", 500, 600),
    ],
)
def test_parse_count_range(phrase, low, high):
    c = parse_count(phrase)
    assert (c.low, c.best, c.high) == (low, None, high)
    assert c.qualifier is Q.range
    assert c.text == phrase


def test_numbers_not_joined_by_a_connector_are_no_range():
    c = parse_count("10,000 troops and 2,000 workers")
    assert c.qualifier is Q.exact
    assert c.best == 10_000


# --------------------------------------------------------------------------------------------
# parse_count: vague amounts, nothing parseable, odd input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "thousands",
        "Thousands",
        "hundreds",
        "dozens",
        "several thousand",
        "several hundred North Korean troops",
        "a few hundred",
        "a few thousand",
        "a couple of hundred",
        "a couple hundred",
        "several dozen",
        "many",
        "many thousand",
        "numerous",
        "tens of thousands",
        "hundreds of thousands",
        "millions",
        "Tausende",
        "Hunderte",
        "Dutzende",
        "Zehntausende",
        "mehrere tausend",
        "einige tausend",
        "ein paar hundert",
        "Millionen",
        "no figure here",
        "unknown",
        "2.5",  # not a whole number and no scale: no count
        "a",
        "ein Soldat",  # a German article is not the number one
        "-",
    ],
)
def test_parse_count_without_figure(phrase):
    c = parse_count(phrase)
    assert (c.low, c.best, c.high) == (None, None, None)
    assert c.qualifier is Q.unspecified
    assert c.text == phrase


@pytest.mark.parametrize("phrase", [None, "", "   ", "\n\t"])
def test_parse_count_empty(phrase):
    assert parse_count(phrase) == Count(qualifier=Q.unspecified, text=None)


def test_parse_count_strips_text():
    assert parse_count("  roughly 5,000 \n").text == "roughly 5,000"


@pytest.mark.parametrize(
    "phrase",
    [
        "9" * 400,
        "1." * 200,
        ",,,...---",
        "between and",
        "between 5 and",
        "and and and",
        "half a",
        "eine halbe",
        "\u202f\u00a0",
        "😀 12 😀",
        "zero",
        "0",
        "00,000",
        "1,000,0",
        "10.000,5 Millionen",
        "one hundred and",
    ],
)
def test_parse_count_never_raises(phrase):
    c = parse_count(phrase)
    assert isinstance(c, Count)


def test_parse_count_zero_is_a_figure():
    assert parse_count("zero").best == 0
    assert parse_count("0").best == 0


def test_parse_count_first_figure_wins():
    # A phrase with a stray second figure is the count of its first one.
    c = parse_count("at least 600, of whom 200")
    assert (c.best, c.qualifier) == (600, Q.at_least)


# --------------------------------------------------------------------------------------------
# find_numbers
# --------------------------------------------------------------------------------------------


def test_find_numbers_offsets_point_at_the_figure():
    text = "Officials said roughly 5,000 troops and 1.5 million shells, plus twenty-five tanks."
    found = find_numbers(text)
    assert [(v, text[s:e]) for v, s, e in found] == [
        (5_000, "5,000"),
        (1_500_000, "1.5 million"),
        (25, "twenty-five"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("roughly 5,000 troops", 5_000),
        ("rund 5.000 Soldaten", 5_000),
        ("12 000 soldiers", 12_000),
        ("12\u202f000 soldiers", 12_000),
        ("1.5 million shells", 1_500_000),
        ("1,5 Millionen Granaten", 1_500_000),
        ("3 million rounds", 3_000_000),
        ("10k troops", 10_000),
        ("two thousand workers", 2_000),
        ("five hundred engineers", 500),
        ("a dozen officers", 12),
        ("one million shells", 1_000_000),
        ("sechstausend Bauarbeiter", 6_000),
        ("between 10,000 and 12,000", 12_000),
        ("10,000-12,000", 10_000),
        ("the 11,000-strong force", 11_000),
        ("(600)", 600),
        ("600.", 600),
    ],
)
def test_find_numbers_finds(text, value):
    assert value in values(text)


def test_find_numbers_does_not_invent():
    assert values("About 600 soldiers were killed in 2024.") == [600, 2024]


def test_find_numbers_ignores_vague_amounts():
    text = (
        "Several hundred engineers, thousands of workers, dozens missing, a few thousand more, "
        "tens of thousands of shells, Tausende Soldaten, mehrere tausend Arbeiter."
    )
    assert find_numbers(text) == []


def test_find_numbers_skips_non_integers_and_glued_figures():
    # Decimals without a scale, ordinals, decades and model names are not counts.
    assert values("a 2.5% rise in the 1990s, the 3rd brigade, A320 and 5km") == []


def test_find_numbers_two_and_three_are_two_numbers():
    assert values("two and three") == [2, 3]
    assert values("one thousand and one nights") == [1_001]


def test_find_numbers_and_is_a_range_only_after_between():
    # Running text: "600 and 1,000" may be two counts, so no scale is carried over.
    assert values("between 10 and 12 thousand") == [10_000, 12_000]
    assert values("killed 10 and wounded 12 thousand") == [10, 12_000]


def test_a_second_hundred_starts_a_second_number():
    assert values("killed three hundred and wounded four hundred") == [300, 400]
    assert values("three hundred four hundred") == [300, 400]
    assert values("two thousand three hundred and twelve") == [2_312]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French hundreds after a unit; "cent" alone is English as often as French
        ("Entre trois cents et cinq cents d'entre eux", [300, 500]),
        ("deux cent cinquante soldats", [250]),
        ("output rose 40 per cent", [40]),
        ("two cents", [2]),
        # Spanish and Italian hundreds and thousands written as one word
        ("trescientos soldados", [300]),
        ("duemila soldati e cinquecento operai", [2_000, 500]),
        ("10 mila operai", [10_000]),
        # Ukrainian
        ("1,5 тис. військових", [1_500]),
        ("дві тисячі робітників", [2_000]),
        ("двоє полонених", [2]),
        # "due" and "otto" are English and a name too: no numbers
        ("more are due in May, Otto said", []),
    ],
)
def test_french_spanish_italian_and_ukrainian_number_words(text, expected):
    assert values(text) == expected


def test_find_numbers_empty():
    assert find_numbers("") == []
    assert find_numbers("no digits here at all") == []


def test_find_numbers_large_text_is_fast():
    import time

    text = "About 600 North Korean soldiers were killed near Kursk, officials said. " * 700
    t = time.perf_counter()
    found = find_numbers(text)
    assert time.perf_counter() - t < 1.0
    assert len(found) == 700


# --------------------------------------------------------------------------------------------
# count_in_text
# --------------------------------------------------------------------------------------------

ARTICLE = (
    "Seoul, June 26 (Yonhap) -- North Korea will send roughly 5,000 military construction "
    "troops to Russia, the NIS said. About 600 North Korean soldiers have been killed. "
    "Between 10,000 and 12,000 workers may follow, and thousands more later. "
    "Moscow gave 1.5 million barrels of oil and ten to twelve thousand tonnes of rice."
)


@pytest.mark.parametrize(
    "phrase",
    [
        "roughly 5,000",
        "5000",
        "about 600",
        "at least 600",  # presence only: the qualifier is grounding's business
        "between 10,000 and 12,000",
        "1.5 million",
        "1,500,000",
        "ten to twelve thousand",
        "10,000 to 12,000",
    ],
)
def test_count_in_text_found(phrase):
    assert count_in_text(parse_count(phrase), ARTICLE)


@pytest.mark.parametrize(
    "phrase",
    ["roughly 6,000", "60", "6,000", "between 10,000 and 13,000", "2 million", "50"],
)
def test_count_in_text_missing(phrase):
    assert not count_in_text(parse_count(phrase), ARTICLE)


def test_count_in_text_range_needs_both_ends():
    assert not count_in_text(Count(low=10_000, high=13_000, qualifier=Q.range), ARTICLE)
    assert count_in_text(Count(low=10_000, high=12_000, qualifier=Q.range), ARTICLE)


def test_count_in_text_without_numbers_matches_text():
    assert count_in_text(parse_count("thousands"), ARTICLE)
    assert count_in_text(parse_count("THOUSANDS"), ARTICLE)
    assert not count_in_text(parse_count("dozens"), ARTICLE)
    assert not count_in_text(Count(qualifier=Q.unspecified, text=None), ARTICLE)
    assert not count_in_text(Count(qualifier=Q.unspecified, text=""), ARTICLE)
    assert not count_in_text(Count(qualifier=Q.unspecified, text="   "), ARTICLE)


def test_count_in_text_empty_article():
    assert not count_in_text(parse_count("600"), "")
    assert not count_in_text(parse_count("thousands"), "")


def test_count_in_text_accepts_space_grouped_readings():
    # "June 26 100 soldiers": joined it is 26100, but 100 as written must still be found.
    text = "By June 26 100 soldiers had arrived."
    assert count_in_text(parse_count("100"), text)
    assert count_in_text(parse_count("26 100"), text)


def test_count_in_text_range_low_as_written():
    # "10 to 12 thousand": the low end reads 10,000, but a count of 10 is also written there.
    text = "10 to 12 thousand troops"
    assert count_in_text(parse_count("10,000"), text)
    assert count_in_text(parse_count("10"), text)


# --------------------------------------------------------------------------------------------
# The qualifier lexicon and its helpers
# --------------------------------------------------------------------------------------------


def test_every_prefix_phrase_parses_to_its_qualifier():
    for qualifier, phrases in QUALIFIER_PREFIXES.items():
        for phrase in phrases:
            c = parse_count(f"{phrase} 600")
            assert c.qualifier is qualifier, phrase
            assert c.best == 600, phrase


def test_qualifier_before_and_after():
    text = "at least 600 or more"
    assert qualifier_before(text, 9) is Q.at_least
    assert qualifier_before(text, 0) is None
    assert qualifier_after(text, 12) is Q.at_least
    assert qualifier_after(text, len(text)) is None
    # The hedge must end right before the figure.
    assert qualifier_before("at least the 600", 13) is None


def test_qualifiers_of_each_mention():
    text = "At least 600 were killed; 600 more were wounded, up to 600 missing."
    assert qualifiers_of(text, 600) == [Q.at_least, Q.exact, Q.up_to]
    assert qualifiers_of(text, 700) == []
    assert qualifiers_of("", 600) == []


def test_qualifiers_of_range_member():
    assert qualifiers_of("between 10,000 and 12,000 workers", 10_000) == [Q.range]
    assert qualifiers_of("10,000 to 12,000 workers", 12_000) == [Q.range]


# --------------------------------------------------------------------------------------------
# Russian: hedges, scale words, ranges, vague amounts, number words
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "best", "qualifier"),
    [
        ("около 6000", 6_000, Q.approximately),
        ("Около 6\u00a0000", 6_000, Q.approximately),
        ("примерно 3 000", 3_000, Q.approximately),
        ("приблизительно 1500", 1_500, Q.approximately),
        ("порядка 12 000", 12_000, Q.approximately),
        ("почти 2 000", 2_000, Q.approximately),
        ("свыше 4000", 4_000, Q.more_than),
        ("более 600", 600, Q.more_than),
        ("Более чем 600", 600, Q.more_than),
        ("больше 600", 600, Q.more_than),
        ("не менее 300", 300, Q.at_least),
        ("Не меньше 300", 300, Q.at_least),
        ("по меньшей мере 300", 300, Q.at_least),
        ("по крайней мере 300", 300, Q.at_least),
        ("как минимум 300", 300, Q.at_least),
        ("не более 5000", 5_000, Q.up_to),
        ("до 15 000", 15_000, Q.up_to),
        ("вплоть до 15 000", 15_000, Q.up_to),
        ("менее 100", 100, Q.up_to),
        ("ровно 100", 100, Q.exact),
        # "до" inside a word is no hedge ("одно" ends in "дно", not "до")
        ("надо 100", 100, Q.exact),
        # hedges written after the figure
        ("3000 с лишним", 3_000, Q.more_than),
        ("500 и более", 500, Q.at_least),
        # scale words: digits, decimals and abbreviations
        ("10 тысяч", 10_000, Q.exact),
        ("около 10 тысяч", 10_000, Q.approximately),
        ("1,5 тыс.", 1_500, Q.exact),
        ("2 тысячи", 2_000, Q.exact),
        ("свыше 1 тысячи", 1_000, Q.more_than),
        ("1,2 млн", 1_200_000, Q.exact),
        ("3 миллиона", 3_000_000, Q.exact),
        ("5 миллионов", 5_000_000, Q.exact),
        # number words
        ("две тысячи", 2_000, Q.exact),
        ("около пяти тысяч", 5_000, Q.approximately),
        ("двадцать пять тысяч", 25_000, Q.exact),
        ("двести пятьдесят", 250, Q.exact),
        ("полторы тысячи", 1_500, Q.exact),
        ("тысяча", 1_000, Q.exact),
        ("триста", 300, Q.exact),
    ],
)
def test_russian_count_phrases(phrase, best, qualifier):
    c = parse_count(phrase)
    assert (c.low, c.best, c.high) == (None, best, None), phrase
    assert c.qualifier is qualifier, phrase


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("от 10 до 12 тысяч", 10_000, 12_000),
        ("от 10 000 до 12 000", 10_000, 12_000),
        ("10–12 тысяч", 10_000, 12_000),
        ("между 1000 и 1500", 1_000, 1_500),
        ("5 или 6 тысяч", 5_000, 6_000),
    ],
)
def test_russian_ranges(phrase, low, high):
    c = parse_count(phrase)
    assert (c.low, c.best, c.high, c.qualifier) == (low, None, high, Q.range), phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "тысячи",
        "Тысячи",
        "сотни",
        "десятки",
        "несколько тысяч",
        "несколько сотен",
        "многие тысячи",
        "десятки тысяч",
        "сотни тысяч",
        "тысяч",
        "миллионы",
    ],
)
def test_russian_vague_amounts_have_no_figure(phrase):
    c = parse_count(phrase)
    assert (c.low, c.best, c.high, c.qualifier) == (None, None, None, Q.unspecified), phrase


def test_russian_numbers_in_running_text():
    text = (
        "По данным разведки, около 11 000 военных находятся в России, ещё 2\u00a0700 ранены; "
        "от 10 до 12 тысяч рабочих и 1,5 тыс. инженеров. Тысячи беженцев и несколько сотен "
        "сапёров."
    )
    assert values(text) == [11_000, 2_700, 10_000, 12_000, 1_500]
    assert qualifiers_of(text, 11_000) == [Q.approximately]
    assert qualifiers_of(text, 12_000) == [Q.range]
    assert count_in_text(parse_count("10 тысяч"), "от 10 до 12 тысяч военных")


def test_russian_hedge_before_and_after():
    assert qualifier_before("не менее 300", 9) is Q.at_least
    assert qualifier_before("менее 300", 6) is Q.up_to
    assert qualifier_after("300 и более", 3) is Q.at_least


@pytest.mark.parametrize(
    ("phrase", "best"),
    [("двое", 2), ("Трое", 3), ("четверо", 4), ("пятеро", 5), ("шестеро", 6), ("двоих", 2)],
)
def test_russian_collective_numerals_count_people(phrase, best):
    # "двое попали в плен": two were taken prisoner
    assert parse_count(phrase).best == best


def test_a_range_never_spans_a_line_break():
    from pipeline.extract import prepare

    text = "Key points\n- Missile strike on Kharkiv kills 14\n- 175 North Korean soldiers captured"
    counts = [(f.count.qualifier.value, f.count.best) for f in prepare(text).found]
    assert ("exact", 175) in counts and ("range", None) not in counts, counts
