"""Italian and Ukrainian articles (session 12): each step that reads words reads theirs too.

Before, an Italian or Ukrainian article was out of scope (no North Korea or Russia named in a
language the gate knew), so it got no model call and no records. These tests take one sentence
of each kind through the step that reads it: the scope gate, hedges, figures that are no
counts, the personnel and casualty words, status cues and attributions.
"""

from __future__ import annotations

import pytest

from pipeline.attribution import find_mentions
from pipeline.claims import subtype_from_words
from pipeline.extract import prepare
from pipeline.quantities import parse_count
from pipeline.scope import in_scope
from pipeline.status import deployment_status_at
from schemas.records import DeploymentStatus as D
from schemas.records import Qualifier as Q
from tests.readers import listed_kinds, word_exchanges


def _assert_not_listed_beside_the_deployment(
    text: str, not_listed: str, listed: str = "11"
) -> None:
    """``text`` holds a deployment of 11,000 (or "11 000", "11.000"): the figure starting
    ``listed`` is listed to the model, and the one starting ``not_listed`` is not."""
    labels = [f.label for f in prepare(text).figures]
    assert any(label.startswith(listed) for label in labels), labels
    assert not any(label.startswith(not_listed) for label in labels), labels


@pytest.mark.parametrize(
    "text",
    [
        "Secondo Seul, la Corea del Nord ha inviato in Russia circa 11.000 soldati.",
        "Pyongyang ha mandato migliaia di operai nordcoreani nei cantieri russi.",
        "За даними ГУР, Північна Корея відправила до Росії ще 3 000 військових.",
        "У Курській області воюють близько 11 000 військових КНДР.",
    ],
)
def test_italian_and_ukrainian_ties_are_in_scope(text):
    assert in_scope(text)


@pytest.mark.parametrize(
    "text",
    [
        "La Corea del Nord ha lanciato un missile; la Russia ha protestato all'Onu.",
        "Північна Корея провела парад. Росія надіслала привітання.",
    ],
)
def test_naming_both_states_is_still_not_a_tie(text):
    assert not in_scope(text)


@pytest.mark.parametrize(
    ("text", "qualifier", "best"),
    [
        ("circa 3.000", Q.approximately, 3000),
        ("quasi 2.000", Q.approximately, 2000),
        ("almeno 600", Q.at_least, 600),
        ("oltre 6.000", Q.more_than, 6000),
        ("più di 1.500", Q.more_than, 1500),
        ("fino a 5.000", Q.up_to, 5000),
        ("близько 1\u00a0000", Q.approximately, 1000),
        ("щонайменше 600", Q.at_least, 600),
        ("понад 6\u00a0000", Q.more_than, 6000),
        ("не більше 500", Q.up_to, 500),
    ],
)
def test_italian_and_ukrainian_hedges(text, qualifier, best):
    count = parse_count(text)
    assert (count.qualifier, count.best) == (qualifier, best)


@pytest.mark.parametrize(
    ("record_type", "label", "subtype"),
    [
        ("deployment", "2.500 militari del genio", "military_engineers"),
        ("deployment", "1.000 artificieri nordcoreani", "deminers"),
        ("deployment", "15.000 operai nordcoreani", "workers"),
        ("deployment", "11.000 soldati nordcoreani", "troops"),
        ("casualty", "6.500 tra morti e feriti", "killed_or_wounded"),
        ("casualty", "300 feriti", "wounded"),
        ("casualty", "due prigionieri", "captured"),
        ("deployment", "5 000 військових будівельників", "construction_troops"),
        ("deployment", "600 саперів з КНДР", "deminers"),
        ("deployment", "11 000 військових КНДР", "troops"),
        ("deployment", "3 000 північнокорейських робітників", "workers"),
        ("casualty", "900 загиблих", "killed"),
        ("casualty", "2 100 поранених", "wounded"),
        ("casualty", "двоє полонених", "captured"),
    ],
)
def test_italian_and_ukrainian_personnel_and_losses(record_type, label, subtype):
    assert subtype_from_words(record_type, label) == subtype


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        ("La Corea del Nord ha inviato 11.000 soldati in Russia il 12 febbraio.", "12"),
        ("La Corea del Nord ha inviato 11.000 soldati in Russia; 40 droni abbattuti.", "40"),
        ("La Corea del Nord ha inviato 11.000 soldati in Russia e 3.000 operai russi.", "3.000"),
        ("КНДР відправила до Росії 11 000 військових 18 березня.", "18"),
        ("КНДР відправила до Росії 11 000 військових; загинули 4 цивільних.", "4"),
        (
            "КНДР відправила до Росії 11 000 військових, а Росія має 50 000 власних військових.",
            "50",
        ),
    ],
)
def test_dates_things_and_other_people_are_not_listed(text, not_listed):
    _assert_not_listed_beside_the_deployment(text, not_listed)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Altri 3.000 genieri dovrebbero partire entro giugno.", "3.000", D.planned),
        ("Circa 1.000 artificieri sono rientrati a dicembre.", "1.000", D.completed),
        ("Ще до 2 000 будівельників мають прибути навесні.", "2 000", D.planned),
        ("Близько 600 саперів повернулися додому.", "600", D.completed),
    ],
)
def test_italian_and_ukrainian_status_cues(sentence, figure, expected):
    start = sentence.index(figure)
    wrong = D.ongoing
    assert deployment_status_at(sentence, start, start + len(figure), wrong) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Secondo il ministero sudcoreano dell'Unificazione, 15.000 operai.", "il ministero"),
        ("За даними Головного управління розвідки, 900 загиблих.", "Головного управління"),
    ],
)
def test_italian_and_ukrainian_attributions(text, name):
    assert any(m.name.startswith(name) for m in find_mentions(text)), [
        m.name for m in find_mentions(text)
    ]


_FILLER = (
    "I lavori riguardano ponti, strade e linee elettriche distrutte durante i combattimenti "
    "dell'estate scorsa, secondo quanto riferito ai giornalisti da un deputato della "
    "commissione, che ha chiesto di non essere citato. Le autorità locali parlano di un "
    "cantiere enorme, con decine di villaggi ancora senza corrente e senza acqua, e di "
    "inverni difficili per chi è rimasto. "
)


def test_more_of_a_group_counted_earlier_in_the_passage_is_listed():
    # the bare "Altri 3.000" is far from the sentence naming North Korea, but adds to the
    # group the passage counted: not "someone else's number" like a bare figure far from Korea
    text = "La Corea del Nord ha inviato in Russia 2.500 militari del genio. " + _FILLER
    text += "Altri 3.000 dovrebbero partire entro giugno."
    assert text.index("Altri") - text.index("Corea") > 400
    labels = [f.label for f in prepare(text).figures]
    assert any(label.startswith("3.000") for label in labels), labels


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        # the writer's own country keeps them
        ("Il nostro Paese mantiene circa 250 militari in Lettonia.", "circa 250"),
        # Russia's own troops named after the figure
        ("Lavorano anche 800 uomini delle truppe ferroviarie di Mosca.", "800"),
    ],
)
def test_italian_other_states_own_forces_are_not_listed(text, not_listed):
    text = "La Corea del Nord ha inviato 11.000 soldati in Russia. " + text
    _assert_not_listed_beside_the_deployment(text, not_listed, listed="11.000")


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        # a page's view counter, and explosions counted
        ("КНДР відправила до Росії 11 000 військових.\n\n19.03.2026 | Переглядів: 3 418", "3"),
        ("КНДР відправила до Росії 11 000 військових. Зафіксовано 311 вибухів.", "311"),
        # calibres written out
        (
            "Nordkorea schickte 11.000 Soldaten nach Russland, dazu Granaten der Kaliber 122 und "
            "152 Millimeter.",
            "122",
        ),
        # aircraft are things in French
        (
            "La Corée du Nord a envoyé 11 000 soldats en Russie, qui a livré 100 avions de chasse.",
            "100",
        ),
    ],
)
def test_counters_explosions_calibres_and_aircraft_are_not_listed(text, not_listed):
    _assert_not_listed_beside_the_deployment(text, not_listed)


def test_a_hedge_with_a_preposition_in_russian_and_ukrainian():
    assert parse_count("приблизно в 3 000").qualifier is Q.approximately
    assert parse_count("примерно в 6 500").qualifier is Q.approximately


def test_italian_exchange_words():
    from pipeline.claims import category_mentions

    text = (
        "Mosca fornisce a Pyongyang petrolio raffinato, grano e farina, denaro e sistemi "
        "antiaerei; Pyongyang invia proiettili e missili balistici."
    )
    found = {c.value for c, _, _ in category_mentions(text)}
    assert found == {"fuel", "food", "financial", "air_defense", "weapons"}


def test_ukrainian_exchange_words():
    from pipeline.claims import category_mentions, typical_direction

    text = (
        "Росія постачає Пхеньяну нафту, борошно, гроші та системи ППО; Пхеньян передав Росії "
        "170-мм гармати «Коксан», боєприпаси та 240-мм реактивні системи залпового вогню."
    )
    found = {c.value for c, _, _ in category_mentions(text)}
    assert found == {"fuel", "food", "financial", "air_defense", "weapons"}
    assert typical_direction("weapons", "гармати «Коксан»") == ("North Korea", "Russia")
    # artillerymen are people, not artillery
    assert category_mentions("Разом з артилеристами прибули офіцери.") == []


def test_a_ukrainian_sentence_of_transfer_yields_its_exchange():
    from pipeline.extract import exchanges_from_words

    text = (
        "Північна Корея відправила до Росії близько 3 000 артилеристів. Разом з артилеристами "
        "Пхеньян передав Росії і самі системи: працюють 170-мм гармати «Коксан»."
    )
    found = {(r.category.value, r.provider) for r in exchanges_from_words(prepare(text))}
    assert found == {("weapons", "North Korea")}


@pytest.mark.parametrize(
    "text",
    [
        "En échange, Pyongyang reçoit du pétrole et des devises, d'après le NIS.",
        "Im Gegenzug, so der BND, bekommt Pjöngjang Öl und Devisen.",
        "A cambio, Pyongyang recibe petróleo y divisas, según el NIS.",
        "In cambio Pyongyang riceve petrolio e valuta pregiata.",
        "Em troca, Pyongyang recebe petróleo e divisas, segundo o NIS.",
        "What Pyongyang gets in return is oil and hard currency, he said.",
        "Натомість КНДР отримує нафту та валюту, повідомили у ГУР.",
        "Росія передає КНДР нафтопродукти та валюту, повідомив Ковальчук.",
    ],
)
def test_north_korea_receiving_with_no_giver_named_goes_from_russia(text):
    from pipeline.extract import exchanges_from_words

    found = {(r.category.value, r.provider) for r in exchanges_from_words(prepare(text))}
    assert found == {("fuel", "Russia"), ("financial", "Russia")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington soupçonne en outre Moscou d'aider la Corée du Nord à perfectionner ses "
            "missiles balistiques.",
            {("missile_technology", "Russia", "suspected")},
        ),
        (
            "Autoridades norte-americanas suspeitam que a Rússia esteja a ajudar Pyongyang a "
            "desenvolver um submarino de propulsão nuclear.",
            {("nuclear_technology", "Russia", "suspected")},
        ),
        (
            "У розвідці також вважають, що Москва допомагає Пхеньяну з технологіями наведення "
            "балістичних ракет.",
            {("missile_technology", "Russia", "suspected")},
        ),
        (
            "La Corea del Nord invia proiettili alla Russia. Il NIS ritiene che Mosca abbia "
            "ricambiato con denaro contante.",
            {("financial", "Russia", "suspected"), ("weapons", "North Korea", "delivered")},
        ),
        (
            "North Korea has sent shells to Russia. We judge it likely that Russian engineers "
            "are helping to improve the accuracy of the KN-23 missile.",
            {
                ("missile_technology", "Russia", "suspected"),
                ("weapons", "North Korea", "delivered"),
            },
        ),
        (
            "Nordkorea liefert Granaten. Das Institut vermutet, dass russische Ingenieure beim Bau "
            "von Aufklärungssatelliten helfen.",
            {("space_satellite", "Russia", "suspected"), ("weapons", "North Korea", "delivered")},
        ),
    ],
)
def test_help_with_a_programme_and_beliefs_in_other_languages(text, expected):
    assert word_exchanges(text) == expected


@pytest.mark.parametrize(
    "context",
    [
        "la Corea del Nord ha consegnato alla Russia obici semoventi Koksan",
        "Mosca fornisce a Pyongyang petrolio raffinato",
        "Sistemi antiaerei Pantsir sarebbero stati installati attorno a Pyongyang",
    ],
)
def test_italian_words_of_transfer(context):
    from pipeline.status import states_a_transfer

    assert states_a_transfer(context)


def test_italian_status_of_an_exchange():
    from pipeline.status import exchange_status_at
    from schemas.records import ExchangeStatus as X

    text = "Sistemi antiaerei Pantsir sarebbero stati installati attorno a Pyongyang."
    start = text.index("Sistemi")
    assert exchange_status_at(text, start, start + 24, X.delivered) is X.suspected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("Three North Koreans are held in Ukraine, the headquarters said.", "Three", "captured"),
        # the loss word nearest the figure, not the one the clause opens with
        ("Divergono le stime delle perdite: per il Nis i morti sono 2.000.", "2.000", "killed"),
        ("Il primo giorno al fronte sono morti dodici dei nostri.", "dodici", "killed"),
    ],
)
def test_losses_held_and_nearest_in_the_clause(text, figure, expected):
    from pipeline.claims import casualty_in_clause

    start = text.index(figure)
    assert casualty_in_clause(text, start, start + len(figure)) == expected


def test_machines_by_designation_are_not_listed():
    text = "La Corée du Nord a envoyé 11 000 soldats en Russie, qui aurait livré 100 MiG-29."
    _assert_not_listed_beside_the_deployment(text, "100")


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        # Russians from other Russian regions, and houses
        (
            "КНДР направила в Россию 11 000 военных. На стройках заняты около 6 тыс. рабочих "
            "подрядчиков из других регионов России.",
            "около 6",
        ),
        ("КНДР направила в Россию 11 000 военных. Восстановлено 1 240 домов.", "1 240"),
        ("КНДР відправила до Росії 11 000 військових. Пошкоджено 14 будинків.", "14"),
    ],
)
def test_russians_from_other_regions_and_houses_are_not_listed(text, not_listed):
    _assert_not_listed_beside_the_deployment(text, not_listed)


# Portuguese (session 13): dev26's two Portuguese articles scored 0.24 and 0.32 on their first
# run; the words below are what they needed, each read by the step that reads the others.


@pytest.mark.parametrize(
    ("text", "best"),
    [("dois mil", 2000), ("três mil", 3000), ("11 mil", 11000), ("quinhentos", 500)],
)
def test_portuguese_number_words(text, best):
    assert parse_count(text).best == best


def test_portuguese_number_words_in_the_scorers_audit():
    from evals.scorer import find_numbers

    assert 2000.0 in find_numbers("dois mil soldados")
    assert 11000.0 in find_numbers("11 mil militares")


@pytest.mark.parametrize(
    ("record_type", "label", "subtype"),
    [
        ("casualty", "1.900 mortos", "killed"),
        ("casualty", "2.800 feridos", "wounded"),
        ("casualty", "entre 5.000 e 7.000 baixas", "killed_or_wounded"),
        ("casualty", "seis soldados estão nas mãos das forças ucranianas", "captured"),
        ("deployment", "mais de 1.000 sapadores", "deminers"),
        ("deployment", "militares de engenharia de construção", "construction_troops"),
        ("deployment", "operários", "workers"),
        ("deployment", "até 5.000 trabalhadores da construção militar", "construction_troops"),
        ("deployment", "batallones de construcción", "construction_troops"),
        ("deployment", "construction brigades", "construction_troops"),
        # German in the dative plural
        ("casualty", "mehr als 7.000 Toten und Verwundeten", "killed_or_wounded"),
    ],
)
def test_portuguese_personnel_and_losses(record_type, label, subtype):
    assert subtype_from_words(record_type, label) == subtype


def test_soldiers_of_construction_brigades_are_construction_troops_and_going_home_is_people():
    text = (
        "A Coreia do Norte enviou cerca de 11 mil militares para a Rússia, e mais de 2 mil "
        "regressaram ao país em janeiro. O jornal Asahi diz que até 5.000 militares das "
        "brigadas de construção devem chegar à região de Kursk."
    )
    personnel = listed_kinds(text)
    # "regressaram ao país" is a verb and a singular noun, not a plural of things
    assert "mais de 2 mil" in personnel
    assert personnel["até 5.000"] == "construction_troops"


def test_portuguese_exchange_words_and_a_question_heading():
    from pipeline.claims import category_mentions
    from pipeline.sections import section_direction

    text = "Moscovo terá fornecido a Pyongyang combustível, dinheiro e munições."
    found = {c.value for c, _, _ in category_mentions(text)}
    assert found == {"fuel", "financial", "weapons"}
    text = (
        "As estimativas variam conforme a fonte, e os números divergem entre Seul e Kiev.\n\n"
        "O que Pyongyang recebe em troca?\n"
        "Segundo o NIS, petróleo refinado, alimentos e dinheiro vivo.\n"
    )
    assert section_direction(text, text.index("petróleo")) == ("Russia", "North Korea")


def test_portuguese_attribution_swaps_and_other_nationals():
    text = "De acordo com o NIS, cerca de 11.000 militares norte-coreanos estão na Rússia."
    assert [m.name for m in find_mentions(text)] == ["o NIS"]
    # "secondo cui" refers back; it names no one
    mentions = find_mentions("Lo ha riferito il JCS, secondo cui i militari sono 10.000.")
    assert not any(m.name.startswith("cui") for m in mentions), mentions
    _assert_not_listed_beside_the_deployment(
        "A Coreia do Norte enviou 11.000 soldados para a Rússia. A Ucrânia e a Rússia trocaram "
        "150 prisioneiros de guerra cada. A polícia deteve 12 brasileiros detidos na Europa.",
        "150",
    )
    _assert_not_listed_beside_the_deployment(
        "A Coreia do Norte enviou 11.000 soldados para a Rússia. A polícia prendeu 12 "
        "brasileiros detidos na Europa.",
        "12",
    )


# Session 14: what dev26's and dev27's Portuguese, French and Italian articles still missed
# after their tuning, each read by the step that reads the others.


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Cerca de três mil já voltaram para casa no fim do ano.", "três mil", D.completed),
        ("Pyongyang se comprometeu a mandar outros seis mil militares.", "seis mil", D.planned),
        ("O JCS diz que cinco mil militares devem chegar até agosto.", "cinco mil", D.planned),
        ("Jusqu'à 3 000 ouvriers militaires doivent encore arriver.", "3 000", D.planned),
        ("Pyongyang aurait promis d'envoyer jusqu'à 6 000 militaires.", "6 000", D.planned),
        ("Pyongyang has pledged to send 6,000 more builders.", "6,000", D.planned),
    ],
)
def test_portuguese_and_french_status_cues(sentence, figure, expected):
    start = sentence.index(figure)
    assert deployment_status_at(sentence, start, start + len(figure), D.ongoing) is expected


@pytest.mark.parametrize(
    ("record_type", "label", "subtype"),
    [
        ("casualty", "ter matado ou ferido mais de 7 mil", "killed_or_wounded"),
        ("casualty", "понад 6 тисяч убитих і поранених", "killed_or_wounded"),
        ("deployment", "3 000 ouvriers militaires", "construction_troops"),
        ("deployment", "6 000 militaires du génie de construction", "construction_troops"),
        ("deployment", "cinco mil militares de construção", "construction_troops"),
    ],
)
def test_more_losses_and_builders(record_type, label, subtype):
    assert subtype_from_words(record_type, label) == subtype


def test_a_loss_verb_or_being_held_before_or_after_a_figure_types_it():
    from pipeline.claims import casualty_in_clause

    text = "A Ucrânia diz ter matado ou ferido mais de 7 mil norte-coreanos."
    start = text.index("mais")
    assert casualty_in_clause(text, start, start + 16) == "killed_or_wounded"
    text = "Pelo menos seis soldados norte-coreanos estão nas mãos das forças ucranianas."
    assert casualty_in_clause(text, 0, 24) == "captured"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Ucrânia diz ter matado ou ferido mais de 7 mil norte-coreanos.", "A Ucrânia"),
        ("Seul fala em cerca de 2 mil mortos.", "Seul"),
        ("Il Pentagono stima invece oltre 12.000 militari.", "Il Pentagono"),
    ],
)
def test_portuguese_and_italian_attribution_verbs(text, name):
    assert [m.name for m in find_mentions(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Segundo a inteligência sul-coreana, 11 mil estão na Rússia. Pelo menos 3 mil voltaram, "
        "de acordo com a mesma fonte.",
        "Park Sun-won said 11,000 are in Russia. About 3,000 went home, according to the same "
        "source.",
    ],
)
def test_the_same_source_is_whoever_was_named_last(text):
    mentions = find_mentions(text)
    assert len(mentions) == 2
    assert mentions[1].name == mentions[0].name and mentions[1].written


def test_portuguese_people_words_and_a_question_word_ending_the_noun():
    _assert_not_listed_beside_the_deployment(
        "Entenda em cinco perguntas quantos soldados Pyongyang mandou. A Coreia do Norte "
        "enviou 11.000 soldados para a Rússia.",
        "cinco",
    )
    labels = [
        f.label
        for f in prepare(
            "Quando os soldados norte-coreanos desembarcaram na Rússia, o Pentágono falava em "
            "cerca de 10 mil homens. Não há número oficial, e a situação muda. Além dos "
            "soldados, Pyongyang mandou operários."
        ).figures
    ]
    assert labels == ["cerca de 10 mil homens"]  # "dos" is "of the", not two


def _directions(text: str) -> set[tuple[str, str, str]]:
    from pipeline.extract import exchanges_from_words

    return {(r.item, r.provider, r.status.value) for r in exchanges_from_words(prepare(text))}


def test_an_inline_question_and_the_portuguese_article_give_the_way():
    found = _directions(
        "A Coreia do Norte enviou 11.000 soldados para a Rússia.\n\n"
        "E o que Kim ganha com isso? Petróleo, trigo e dinheiro vivo, que Moscou já entrega "
        "com regularidade. No sentido inverso, a Coreia do Norte fornece projéteis de "
        "artilharia."
    )
    assert ("Petróleo", "Russia", "delivered") in found
    assert ("trigo", "Russia", "delivered") in found
    # "a Coreia do Norte" is "the", not "to", North Korea: it gives
    assert ("projéteis", "North Korea", "delivered") in found


def test_the_way_back_reverses_the_sentence_before_and_a_promise_after_a_delivery():
    found = _directions(
        "La Corea del Nord ha inviato 11.000 soldati in Russia.\n\n"
        "Secondo il Yomiuri, Mosca ha consegnato sistemi antiaerei Pantsir e ha promesso "
        "caccia MiG-29 entro l'anno. In senso opposto viaggiano lanciarazzi da 240 mm."
    )
    assert ("antiaerei", "Russia", "delivered") in found
    assert ("MiG-29", "Russia", "promised") in found
    assert any(item == "lanciarazzi" and giver == "North Korea" for item, giver, _ in found)


def test_the_giver_alone_and_operators_of_drones():
    found = _directions(
        "La Corée du Nord a envoyé 11 000 soldats en Russie. Moscou a envoyé en Corée du Nord "
        "50 instructeurs chargés de former des opérateurs de drones. La Corée du Nord a, elle, "
        "livré des obus."
    )
    assert ("obus", "North Korea", "delivered") in found
    assert not any(item.startswith("drone") for item, _, _ in found), found


def test_ukrainian_things_a_comparison_and_a_passed_figure():
    _assert_not_listed_beside_the_deployment(
        "КНДР направила 11 000 військових до Росії. Група зафіксувала 48 суден, а санкції "
        "підтримали 11 держав.",
        "48",
    )
    _assert_not_listed_beside_the_deployment(
        "North Korea has sent 11,000 troops to Russia. We counted roughly 7,400 freight cars "
        "crossing, against about 1,100 in the same months of 2022.",
        "about 1,100",
    )
    count = parse_count("passed 6,000")
    assert (count.qualifier, count.best) == (Q.more_than, 6000)
    sentence = "Seoul says another 5,000 military construction troops are due by the summer."
    start = sentence.index("5,000")
    assert deployment_status_at(sentence, start, start + 5, D.ongoing) is D.planned


@pytest.mark.parametrize(
    ("text", "best"),
    [("unos mil soldados", 1000), ("mille soldats", 1000), ("dos mil soldados", 2000)],
)
def test_a_thousand_written_alone(text, best):
    from evals.scorer import find_numbers

    assert parse_count(text).best == best
    assert float(best) in find_numbers(text)


def test_mil_in_an_english_compound_is_no_number():
    assert parse_count("mil-to-mil contacts").best is None


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        ("Avançavam em colunas de vinte ou trinta homens.", "trinta"),
        ("They come in groups of twenty or thirty men.", "thirty"),
    ],
)
def test_the_size_of_a_column_written_in_words_is_not_a_count(text, not_listed):
    _assert_not_listed_beside_the_deployment(
        "A Coreia do Norte enviou 11.000 soldados para a Rússia. " + text, not_listed
    )


def test_a_portuguese_passage_naming_pyongyang_after_its_items_and_a_source_opening_it():
    found = _directions(
        "A Coreia do Norte enviou 11.000 soldados para a Rússia.\n\n"
        "O que o regime ganha com isso? Para o NIS, a Rússia já entregou petróleo refinado. "
        "Analistas ocidentais suspeitam ainda de ajuda russa ao projeto de submarino nuclear de "
        "Pyongyang. No sentido oposto, segundo a HUR, seguem para a Rússia projéteis de "
        "artilharia."
    )
    assert ("petróleo", "Russia", "delivered") in found, found
    assert ("nuclear", "Russia", "suspected") in found, found
    assert ("projéteis", "North Korea", "delivered") in found, found
    for text, name in [
        ("Para o NIS, a Rússia já entregou petróleo refinado.", "o NIS"),
        ("Pour le renseignement sud-coréen, 11 000 soldats sont en Russie.", "le renseignement"),
    ]:
        mentions = find_mentions(text)
        assert mentions and mentions[0].name.startswith(name), mentions


def test_a_verb_ends_the_noun_phrase_in_spanish_and_rebuilding_after_a_year_at_the_front():
    _assert_listed(
        "Según el NIS, Pyongyang ha enviado en total alrededor de 15.000 militares a Rusia; "
        "unos 11.000 siguen desplegados, sobre todo en la región de Kursk.",
        "unos 11.000",
    )
    _assert_listed(
        "According to the NIS, roughly 3,000 North Korean soldiers were pulled back in "
        "December after a year at the front. It also expects about 6,000 more personnel by "
        "the summer, to rebuild the border districts.",
        "about 6,000",
    )


def test_french_military_engineers_of_the_genie():
    assert subtype_from_words("deployment", "quelque 1 500 militaires du génie") == (
        "military_engineers"
    )


def test_missile_guidance_in_portuguese_is_missile_technology():
    from pipeline.claims import category_mentions

    text = "Os americanos suspeitam que Moscovo está a ajudar a melhorar a orientação dos mísseis."
    assert [c.value for c, _, _ in category_mentions(text)] == ["missile_technology"]


def _assert_listed(text: str, listed: str) -> None:
    """The figure of ``text`` whose label starts with ``listed`` is listed to the model."""
    labels = [f.label for f in prepare(text).figures]
    assert any(label.startswith(listed) for label in labels), labels


def test_a_conditional_verb_ends_a_bare_figures_noun_phrase():
    text = (
        "Corea del Norte ha enviado unos 1.500 obreros a Mariúpol. Otros 2.000 deberían llegar "
        "antes de finales de abril."
    )
    # "antes" and "finales" are no plural of things the 2.000 count
    _assert_listed(text, "2.000")


def test_ukrainian_mines_and_ukrainian_specialists_are_not_listed():
    text = (
        "КНДР відправила до Росії близько 11 000 військових. До кінця року навчання мають "
        "пройти ще близько 100 українських піротехніків. Південнокорейські сапери щороку "
        "знешкоджують близько 4 тисяч мін."
    )
    listed = listed_kinds(text)
    assert "близько 11 000" in listed
    assert "близько 100" not in listed
    assert "близько 4 тисяч" not in listed


@pytest.mark.parametrize(
    "sentence",
    [
        "Министр напомнил, что в крае не хватает почти 40 тыс. рабочих.",
        "In der Region fehlen rund 5.000 Bauarbeiter.",
        "Dans la région, il manque environ 3 000 ouvriers.",
        "En la región faltan unos 2.000 obreros.",
    ],
)
def test_a_shortage_of_workers_is_no_deployment(sentence):
    text = f"Nordkorea schickt Arbeiter nach Russland. {sentence}"
    assert prepare(text).figures == []
