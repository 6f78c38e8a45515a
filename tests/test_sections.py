"""Subheadings that say which way the exchange items under them go (pipeline/sections.py)."""

import pytest

from pipeline.extract import exchanges_from_words, prepare
from pipeline.sections import heading_direction, section_direction, sections
from tests.readers import word_exchanges

TO_NK = ("Russia", "North Korea")
TO_RU = ("North Korea", "Russia")

_LEAD = (
    "Two years after the treaty, the trade between Moscow and Pyongyang has settled into a "
    "pattern that officials in Seoul describe as barter.\n\n"
)


@pytest.mark.parametrize(
    ("heading", "previous", "expected"),
    [
        ("What Pyongyang gives", None, TO_RU),
        ("What Moscow sends", None, TO_NK),
        ("What North Korea gets", None, TO_NK),
        ("What the Kremlin receives", None, TO_RU),
        ("Russia to North Korea", None, TO_NK),
        ("Sent to Russia", None, TO_RU),
        ("Was Moskau liefert", None, TO_NK),
        ("Ce que Pyongyang reçoit", None, TO_NK),
        ("Lo que entrega Corea del Norte", None, TO_RU),
        ("Что получает Пхеньян", None, TO_NK),
        # no state named: the way back from the heading before
        ("Cosa riceve in cambio", TO_RU, TO_NK),
        ("In return", TO_NK, TO_RU),
        # headings that say nothing about a direction
        ("What is disputed", TO_RU, None),
        ("In return", None, None),
        ("The numbers", None, None),
        # Italian "da" is "from", not Spanish "gives"
        ("Cosa arriva da Mosca", None, None),
    ],
)
def test_heading_direction(heading, previous, expected):
    assert heading_direction(heading, previous) == expected


def test_a_section_runs_to_the_next_heading_and_a_headline_governs_nothing():
    text = (
        "What Moscow gives North Korea\n\n"  # the headline, above the first prose
        + _LEAD
        + "What Pyongyang gives\n\nShells and rockets, by the trainload.\n\n"
        "What is disputed\n\nFuel deliveries are hard to trace.\n"
    )
    shells = text.index("Shells")
    assert section_direction(text, shells) == TO_RU
    assert section_direction(text, text.index("Fuel deliveries")) is None
    assert section_direction(text, text.index("pattern")) is None
    assert len(sections(text)) == 1


def test_a_lead_in_without_a_direction_does_not_end_the_section():
    text = (
        _LEAD + "What Pyongyang gets\n\nAccording to the institute:\n"
        "- Russia has supplied electronic warfare equipment now seen at a test range;\n"
    )
    assert section_direction(text, text.index("electronic")) == TO_NK


def test_items_under_a_heading_take_its_direction():
    text = (
        _LEAD
        + "What Moscow gives\n\n"
        + "Fuel. The monitors say more than a million barrels of refined petroleum were "
        "delivered last year, double the cap.\n\n"
        + "What Pyongyang gives\n\n"
        + "Munitions. North Korean shells and rockets were delivered by rail, officials said.\n"
    )
    found = _directions(text)
    assert ("fuel", *TO_NK) in found
    assert ("weapons", *TO_RU) in found
    assert ("fuel", *TO_RU) not in found


def test_without_the_heading_the_same_items_get_no_direction_from_words():
    text = (
        _LEAD + "Fuel. The monitors say more than a million barrels of refined petroleum were "
        "delivered last year, double the cap.\n"
    )
    assert not any(category == "fuel" for category, *_ in _directions(text))


def test_an_italian_section_in_return_after_what_pyongyang_gives():
    text = (
        "Il bilancio, a quasi due anni dal trattato firmato a Pyongyang, è quello di uno scambio "
        "sempre più sbilanciato verso le armi e verso Mosca.\n\n"
        "Cosa dà Pyongyang\n\n"
        "Secondo l'intelligence, la Corea del Nord ha consegnato alla Russia missili KN-23.\n\n"
        "Cosa riceve in cambio\n\n"
        "Grano e farina, anzitutto, secondo il ministero, che cita consegne attraverso il ponte "
        "ferroviario.\n"
    )
    assert ("food", *TO_NK) in _directions(text)


def test_bulleted_items_under_a_lead_in_are_read_even_when_short():
    text = (
        _LEAD + "Was Moskau liefert:\n- Flugabwehrsysteme vom Typ Pantsir, die rund um Pjöngjang "
        "stünden\n- Erdöl und Ölprodukte, deutlich über der erlaubten Menge\n- Weizen\n"
    )
    found = _directions(text)
    assert ("food", *TO_NK) in found
    assert ("fuel", *TO_NK) in found


def _directions(text: str) -> set[tuple[str, str, str]]:
    return {
        (r.category.value, r.provider, r.recipient) for r in exchanges_from_words(prepare(text))
    }


def test_a_drafted_item_under_a_heading_takes_its_direction_over_the_models():
    from pipeline.extract import records_from_exchange
    from schemas.records import ExchangeDraft

    text = (
        _LEAD + "What Moscow gives\n\n"
        "Jets. Officials say a squadron of fighter jets was handed over last summer.\n"
    )
    draft = ExchangeDraft.model_validate(
        {
            "category": "weapons",
            "item": "fighter jets",
            "direction": "North Korea to Russia",  # a 1.5B model's usual guess
            "status": "delivered",
            "claimant": None,
            "time_text": None,
        }
    )
    records = records_from_exchange(draft, prepare(text))
    assert [(r.provider, r.recipient) for r in records] == [TO_NK]


def test_a_table_under_a_direction_heading_gives_each_row_its_own_status():
    text = (
        _LEAD + "SENT TO RUSSIA\nItem | Source | Assessment\n"
        "KN-23 ballistic missiles | HUR | Delivered\n"
        "240mm multiple rocket launchers | HUR | Delivered\n\n"
        "WHAT PYONGYANG RECEIVED\nItem | Source | Assessment\n"
        "Refined petroleum products | MSMT | Delivered\n"
        "Electronic-warfare equipment | Ukrainian officials | Suspected\n"
        "Hard currency | KIDA | Suspected\n"
    )
    found = word_exchanges(text)
    assert ("weapons", "North Korea", "delivered") in found
    assert ("fuel", "Russia", "delivered") in found
    assert ("electronic_warfare", "Russia", "suspected") in found
    assert ("financial", "Russia", "suspected") in found


def test_a_live_blog_entry_title_under_its_time_stamp_is_a_heading():
    text = (
        _LEAD + "14:20 BST\nWhat Pyongyang has received, according to Seoul\n"
        "The intelligence service briefed lawmakers. The agency listed:\n"
        "- refined petroleum, in quantities well above the UN cap\n"
        "- Pantsir air-defence systems, two batteries of which now guard the capital\n\n"
        "12:55 BST\nOvernight attacks\nFuel depots burned after the strike.\n"
    )
    found = word_exchanges(text)
    assert ("fuel", "Russia", "delivered") in found  # "received" in the title: delivered
    assert ("air_defense", "Russia", "delivered") in found
    assert section_direction(text, text.index("Fuel depots")) is None  # the next entry's


def test_a_french_heading_with_a_past_participle_and_ten_words():
    assert heading_direction("Ce que Pyongyang a livré à la Russie", None) == TO_RU
    assert heading_direction("Ce que Pyongyang a reçu en échange", None) == TO_NK
    assert heading_direction("Was Pjöngjang dafür erhielt", None) == TO_NK
    text = _LEAD + "Ce que Pyongyang a livré à la Russie :\n- des obus de 152 mm ;\n"
    assert section_direction(text, text.index("obus")) == TO_RU


def test_a_denied_heading_ends_the_section_and_a_denial_is_no_exchange():
    text = (
        _LEAD + "Delivered to North Korea:\n- Refined petroleum products, per the monitors.\n\n"
        "Denied, no evidence:\n- Fighter aircraft. Moscow denies any sale.\n"
    )
    assert section_direction(text, text.index("Fighter")) is None
    assert not any(category == "weapons" for category, *_ in _directions(text))


def test_a_german_rejection_is_a_denial():
    from pipeline.status import states_a_transfer

    assert not states_a_transfer(
        "Dass Nordkorea auch Kampfdrohnen an Russland liefere, wies die Botschaft zurück."
    )
    assert states_a_transfer("Nordkorea liefere auch Kampfdrohnen an Russland.")


def test_an_interviewers_question_heads_the_answer_below_it():
    text = (
        "Kim Do-hyun, a researcher in Seoul, has followed the trade between Moscow and "
        "Pyongyang since the treaty was signed.\n\n"
        "Pregunta. ¿Qué envía Pyongyang?\n\n"
        "Respuesta. Munición de artillería y misiles balísticos KN-23, sobre todo.\n\n"
        "P. ¿Y qué recibe a cambio?\n\n"
        "R. Petróleo refinado, harina y divisas, en cantidades crecientes.\n\n"
        "P. ¿Cuántos soldados hay?\n\n"
        "R. Es difícil saberlo.\n"
    )
    assert section_direction(text, text.index("Munición")) == TO_RU
    assert section_direction(text, text.index("Petróleo")) == TO_NK
    assert section_direction(text, text.index("Es difícil")) is None


def test_what_comes_back_after_what_pyongyang_sends_is_the_way_back():
    text = (
        "More than a year after its soldiers first appeared on the Kursk front, North Korea has "
        "turned its alliance with Moscow into a two-way trade.\n\n"
        "What does Pyongyang send?\n\n"
        "Above all, ammunition, in rising amounts.\n\n"
        "And what comes back?\n\n"
        "Oil, food and money, in rising amounts.\n"
    )
    assert section_direction(text, text.index("Oil")) == TO_NK


def test_a_transcript_answer_takes_the_question_that_closed_the_paragraph_before():
    text = (
        "[00:55] LINDQVIST: North Korea has sent soldiers to Russia, and more are coming.\n\n"
        "[02:31] LINDQVIST: Let's talk about the invoice. What does Kim actually get?\n\n"
        "[02:36] BERGER: Three things. First, fuel, well above the cap. Second, hard currency, "
        "some of it as cash carried in diplomatic bags.\n\n"
        "[03:30] LINDQVIST: And going the other way?\n\n"
        "[03:33] BERGER: Everything a gun line needs. 170mm Koksan guns and shells by the "
        "million.\n"
    )
    found = {(r.item, r.provider) for r in exchanges_from_words(prepare(text))}
    assert ("fuel", "Russia") in found, found
    assert ("currency", "Russia") in found, found
    assert ("shells", "North Korea") in found, found


def test_a_new_question_ends_the_answer_to_the_one_before():
    text = (
        "A investigadora acompanha há uma década a relação entre a Coreia do Norte e a Rússia, "
        "e falámos com ela a propósito do novo livro.\n\n"
        "E a Rússia, o que ganha?\n"
        "Munições. A Coreia do Norte enviou milhões de granadas de artilharia.\n\n"
        "Portugal deveria preocupar-se?\n"
        "Sim. A Coreia do Norte testa armas com o que aprende na Ucrânia.\n"
    )
    assert section_direction(text, text.index("Munições")) == TO_RU
    assert section_direction(text, text.index("testa armas")) is None


def test_a_run_in_head_opening_the_paragraph_gives_its_way():
    text = (
        "North Korea has sent troops to Russia, and the trade has grown since.\n\n"
        "Delivered to North Korea. Refined petroleum has crossed by sea and rail, the NIS said. "
        "Wheat and flour have been shipped to the port of Rason, according to Russian customs "
        "data. Pantsir air-defence systems have been seen around Pyongyang since last summer.\n"
    )
    found = {(r.item, r.provider) for r in exchanges_from_words(prepare(text))}
    assert {("Wheat", "Russia"), ("flour", "Russia"), ("air-defence", "Russia")} <= found, found
