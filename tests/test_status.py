"""Status read from the words around a figure or an item (pipeline/status.py)."""

from __future__ import annotations

import pytest

from pipeline.status import (
    clause_around,
    deployment_status_at,
    exchange_status_at,
    states_a_transfer,
)
from schemas.records import DeploymentStatus as D
from schemas.records import ExchangeStatus as X


def _deployment(sentence: str, figure: str, model: D = D.unknown) -> D:
    start = sentence.index(figure)
    return deployment_status_at(sentence, start, start + len(figure), model)


def _exchange(sentence: str, item: str, model: X = X.unknown) -> X:
    start = sentence.index(item)
    return exchange_status_at(sentence, start, start + len(item), model)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        (
            "Officials said 4,000 soldiers have been deployed to Kursk since March.",
            "4,000",
            D.ongoing,
        ),
        (
            "About 9,000 North Korean troops remain in Russia, the ministry said.",
            "9,000",
            D.ongoing,
        ),
        ("The agency said 3,500 troops had been sent to the Russian border.", "3,500", D.ongoing),
        ("Some 6,500 workers are employed on building sites in Vladivostok.", "6,500", D.ongoing),
        ("Another 2,000 engineers are expected to leave for Russia in May.", "2,000", D.planned),
        ("Pyongyang will send 1,500 more sappers, the official said.", "1,500", D.planned),
        ("Moscow wants as many as 40,000 labourers next year.", "40,000", D.planned),
        ("Up to 3,000 more soldiers could be sent this winter.", "3,000", D.planned),
        ("Nearly 700 deminers returned home in April after clearing fields.", "700", D.completed),
        ("Some 2,000 of the first soldiers had gone home by ship in May.", "2,000", D.completed),
        ("About 1,000 are sappers assigned to clear minefields near Sudzha.", "1,000", D.ongoing),
        ("Tropas en la región de Kursk | unos 9.000 | NIS | En el frente", "9.000", D.ongoing),
        ("This comes after earlier deployments of 8,000 troops last year.", "8,000", D.completed),
        ("Rund 5.000 Soldaten sind in Kursk stationiert, so der Geheimdienst.", "5.000", D.ongoing),
        ("Pyongyang enviará 2.000 ingenieros el próximo mes.", "2.000", D.planned),
    ],
)
def test_deployment_status_follows_the_words_of_its_clause(sentence, figure, expected):
    # the model's reading is deliberately the wrong one: the words must decide
    wrong = D.completed if expected is not D.completed else D.planned
    assert _deployment(sentence, figure, wrong) is expected


def test_each_clause_keeps_its_own_status():
    text = "North Korea has sent 12,000 troops, and it will send 6,000 builders in the summer."
    assert _deployment(text, "12,000") is D.ongoing
    assert _deployment(text, "6,000") is D.planned


def test_no_cue_keeps_the_models_reading():
    assert _deployment("Estimates: 5,000 (NIS).", "5,000", D.completed) is D.completed
    assert _exchange("Items: oil.", "oil", X.promised) is X.promised


@pytest.mark.parametrize(
    ("sentence", "item", "expected"),
    [
        (
            "Russia has been shipping refined oil to Pyongyang since spring.",
            "refined oil",
            X.delivered,
        ),
        (
            "Moscow is believed to be sharing drone know-how with Pyongyang.",
            "drone know-how",
            X.suspected,
        ),
        (
            "Kyiv accused Moscow of providing radar systems to the North.",
            "radar systems",
            X.suspected,
        ),
        ("Russia may have transferred satellite technology.", "satellite technology", X.suspected),
        ("Russia agreed to send fighter jets next year.", "fighter jets", X.promised),
        ("The Kremlin will provide wheat in exchange, officials said.", "wheat", X.promised),
        ("Corea del Norte envía proyectiles a Rusia.", "proyectiles", X.delivered),
        (
            "El NIS sospecha que Moscú ha transferido tecnología espacial.",
            "tecnología espacial",
            X.suspected,
        ),
        ("Russland hat Luftabwehrsysteme geliefert.", "Luftabwehrsysteme", X.delivered),
    ],
)
def test_exchange_status_follows_the_verb_that_moves_the_item(sentence, item, expected):
    wrong = X.unknown if expected is not X.unknown else X.delivered
    assert _exchange(sentence, item, wrong) is expected


def test_a_hedge_in_one_clause_does_not_cover_the_next():
    text = (
        "In return, Russia has been sending flour to Pyongyang, according to officials, and is "
        "widely believed to be sharing missile know-how."
    )
    assert _exchange(text, "flour") is X.delivered
    assert _exchange(text, "missile know-how") is X.suspected


def test_clause_stops_at_sentence_and_clause_breaks():
    text = "First sentence here. Troops arrived in May; more came in June."
    start = text.index("May")
    left, right = clause_around(text, start, start + 3)
    assert text[left:right] == "Troops arrived in May"


def test_a_list_item_after_a_comma_and_keeps_the_hedge_of_its_verb():
    text = (
        "Observers think the troops are traded for drones, food supplies, and hard currency, "
        "helping the regime."
    )
    assert _exchange(text, "hard currency", X.delivered) is X.suspected  # "think ... traded"


def test_a_noun_in_a_compound_is_not_the_verb():
    # "supplies" in "food supplies" must not stand in for the verb "traded"
    text = "Analysts suspect the men are traded for food supplies and cash."
    assert _exchange(text, "cash", X.delivered) is X.suspected


def test_a_headline_item_takes_its_status_from_the_body():
    text = "Shells for oil: the new trade\n\nRussia has shipped oil to Pyongyang every week."
    assert _exchange(text, "oil", X.suspected) is X.delivered


def test_german_verb_at_the_end():
    text = "Nordkorea habe Russland Millionen Granaten zur Verfügung gestellt."
    assert _exchange(text, "Granaten") is X.delivered


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Russia has shipped diesel to North Korea.", True),
        ("Pyongyang gets wheat in return for its troops.", True),
        ("Fuel deliveries to Pyongyang doubled.", True),
        ("Im Gegenzug erhält Nordkorea Erdöl.", True),
        ("Ukrainian drones struck a fuel depot near Tuapse.", False),
        ("Customs data showed no shipments to North Korea.", False),
        ("Russia did not send any oil to Pyongyang this year.", False),
        ("Russian wheat and flour now reach Rason by sea every month.", True),
        ("North Korean rocket launchers continue to arrive by rail.", True),
        ("Russian feedback is reaching North Korean engineers.", False),
        ("800 IT workers will arrive in Vladivostok to write software.", False),
    ],
)
def test_only_words_about_a_transfer_make_an_exchange(context, expected):
    assert states_a_transfer(context) is expected


def test_german_since_and_should_follow():
    text = "Rund 3.000 Soldaten sind seit Herbst dort; im Mai sollten 1.000 weitere folgen."
    assert _deployment(text, "3.000", D.planned) is D.ongoing
    assert _deployment(text, "1.000", D.ongoing) is D.planned


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Data suggest 15,000 labourers are now working on building sites.", "15,000", D.ongoing),
        ("There are several hundred IT workers living there.", "several hundred", D.ongoing),
        ("The agency believes a further 6,000 are being trained for dispatch.", "6,000", D.planned),
        ("Pyongyang has agreed to send up to 5,000 builders.", "up to 5,000", D.planned),
        (
            "About 30,000 worked in Russia before UN sanctions forced most of them home.",
            "About 30,000",
            D.completed,
        ),
    ],
)
def test_status_cues_with_words_between_and_group_moves(sentence, figure, expected):
    assert _deployment(sentence, figure) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # the future tense by its ending, in the Romance languages
        ("Hasta 3.000 constructores militares llegarán en primavera.", "3.000", D.planned),
        ("Cerca de 2.000 sapadores reforçarão as unidades antes do verão.", "2.000", D.planned),
        ("Altri 1.500 genieri raggiungeranno Kursk entro l'estate.", "1.500", D.planned),
        ("Quelque 4 000 ouvriers rejoindront les chantiers en mai.", "4 000", D.planned),
        ("Pyongyang prepara-se para enviar até 5.000 trabalhadores.", "5.000", D.planned),
        # an expectation of more, its parts listed after a colon
        (
            "It also expects about 6,000 more personnel by the summer: 5,000 military "
            "construction troops and 1,000 deminers.",
            "1,000",
            D.planned,
        ),
    ],
)
def test_future_tenses_and_expectations_are_planned(sentence, figure, expected):
    wrong = D.ongoing if expected is D.planned else D.planned
    assert _deployment(sentence, figure, wrong) is expected


def test_a_guess_about_the_present_is_no_plan():
    text = "Segundo o NIS, estarão atualmente na Rússia cerca de 11.000 militares."
    assert _deployment(text, "11.000", D.planned) is D.ongoing


def test_a_city_ending_like_a_future_tense_is_no_cue():
    assert _deployment("Unos 500 técnicos norcoreanos viven en Teherán.", "500", D.ongoing) is (
        D.ongoing
    )


def test_and_that_opens_a_clause_of_its_own():
    text = "Según el NIS, unos 1.000 zapadores trabajan ya en Kursk y que hasta 5.000 llegarán."
    assert _deployment(text, "1.000", D.planned) is D.ongoing
    assert _deployment(text, "5.000", D.ongoing) is D.planned


def test_a_sentence_starting_at_the_figure_does_not_take_the_previous_ones_cue():
    text = "About 11,000 personnel are in Russia. About 1,000 soldiers returned in December."
    assert _deployment(text, "About 1,000") == D.completed


def test_a_hedge_after_the_claim_and_german_subjunctive_receive():
    text = "Russian engineers have helped with its satellite programme, Western officials believe."
    assert _exchange(text, "satellite programme") == X.suspected
    german = "Als Gegenleistung erhalte Pjöngjang Devisen, schreiben die Analysten."
    assert _exchange(german, "Devisen") == X.delivered


def test_french_help_is_a_transfer():
    assert states_a_transfer("on soupçonne la Russie d’aider la Corée du Nord à mettre au point")
    assert not states_a_transfer("la Russie et la Corée du Nord se sont rencontrées")


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("КНДР направит в Россию ещё 5000 военных строителей.", "5000", D.planned),
        ("Пхеньян планирует направить до 2000 сапёров.", "2000", D.planned),
        ("В Курскую область будут направлены 3000 инженеров.", "3000", D.planned),
        ("Ожидается, что ещё 1000 рабочих прибудут летом.", "1000", D.planned),
        ("Около 11 000 северокорейских военных находятся в России.", "11 000", D.ongoing),
        ("В Приморье размещены 4000 военных строителей.", "4000", D.ongoing),
        ("Примерно 8000 солдат КНДР воюют в Курской области.", "8000", D.ongoing),
        ("Около 6000 рабочих продолжают трудиться на стройках.", "6000", D.ongoing),
        ("Северная Корея направила в Россию около 6000 военных.", "6000", D.ongoing),
        ("Около 700 сапёров вернулись домой в апреле.", "700", D.completed),
        ("1000 военных были выведены из Курской области.", "1000", D.completed),
        ("Ранее направленные 3000 военных уже вернулись.", "3000", D.completed),
    ],
)
def test_russian_deployment_status_follows_the_words_of_its_clause(sentence, figure, expected):
    wrong = D.completed if expected is not D.completed else D.planned
    assert _deployment(sentence, figure, wrong) is expected


def test_russian_clauses_and_sentences_keep_their_own_status():
    text = "КНДР уже направила 12 000 военных, а в сентябре направит ещё 6000 строителей."
    assert _deployment(text, "12 000") is D.ongoing
    assert _deployment(text, "6000") is D.planned
    text = "Около 11 000 военных находятся в России. Около 1000 солдат вернулись в декабре."
    assert _deployment(text, "1000") is D.completed
    assert clause_around(text, text.index("1000"), text.index("1000") + 4)[0] == text.index(
        "Около 1000"
    )


@pytest.mark.parametrize(
    ("sentence", "item", "expected"),
    [
        ("Москва поставляет Пхеньяну нефть.", "нефть", X.delivered),
        ("Россия передала КНДР системы ПВО.", "системы ПВО", X.delivered),
        ("КНДР получила от России зерно.", "зерно", X.delivered),
        ("Москва обещала Пхеньяну истребители.", "истребители", X.promised),
        ("Россия может передать КНДР ракетные технологии.", "ракетные технологии", X.suspected),
        (
            "Западные страны подозревают, что Россия передаёт КНДР спутниковые технологии.",
            "спутниковые технологии",
            X.suspected,
        ),
        (
            "Россия помогает КНДР с космической программой, считают аналитики.",
            "космической программой",
            X.suspected,
        ),
    ],
)
def test_russian_exchange_status_follows_the_verb(sentence, item, expected):
    wrong = X.promised if expected is not X.promised else X.delivered
    assert _exchange(sentence, item, wrong) is expected


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Взамен Москва поставляет Пхеньяну нефть.", True),
        ("Поставки нефти в КНДР выросли вдвое.", True),
        ("КНДР получает продовольствие в обмен на войска.", True),
        ("Украинские дроны атаковали нефтебазу под Туапсе.", False),
        ("Россия не поставляла нефть в КНДР в этом году.", False),
    ],
)
def test_russian_words_about_a_transfer(context, expected):
    assert states_a_transfer(context) is expected


def test_russian_already_is_no_cue_of_its_own():
    # "уже" goes with any tense: "уже вернулись" is completed
    text = "Первые 1 500 сапёров, по данным ведомства, уже вернулись на родину."
    assert _deployment(text, "1 500", D.ongoing) is D.completed
    text = "Москва, как сообщается, передаёт Пхеньяну технологии для подводных лодок."
    assert _exchange(text, "технологии") is X.suspected


def test_english_words_that_begin_like_spanish_verbs_move_nothing():
    from pipeline.status import states_a_transfer

    assert not states_a_transfer("Japan faces its most severe security environment in years.")
    assert states_a_transfer("Rusia envió petróleo a Corea del Norte.")
    assert states_a_transfer("El envío de proyectiles a Rusia continúa.")


@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "In the other direction, we cannot rule out that Russia has provided technology "
            "for the reactor.",
            "technology",
        ),
        (
            "El Departamento de Estado expresó su temor a que Rusia pueda ayudar a Pionyang a "
            "desarrollar un submarino de propulsión nuclear.",
            "submarino",
        ),
        (
            'The report says there are "credible concerns" that Russian specialists are '
            "sharing technology for nuclear-powered submarines with Pyongyang.",
            "technology",
        ),
        (
            'Dr Aldridge said Russia had "in all likelihood" supplied North Korea with Pantsir '
            "air-defence systems.",
            "air-defence",
        ),
        (
            "En échange, Moscou fournit au régime du pétrole, et l'aiderait à moderniser sa "
            "défense antiaérienne.",
            "défense antiaérienne",
        ),
    ],
)
def test_hedges_that_make_an_exchange_suspected(text, item):
    assert _exchange(text, item) is X.suspected


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Moscow denied supplying attack drones to North Korea.", False),
        ("Moscou nie également avoir livré des drones d'attaque à la Corée du Nord.", False),
        ("Rusia niega haber enviado drones a Corea del Norte.", False),
        ("Moskau bestreitet, Drohnen an Nordkorea geliefert zu haben.", False),
        # a transmission is a transfer
        ("la Russie aurait transmis à Pyongyang des éléments de technologie de réacteur", True),
    ],
)
def test_a_denied_transfer_is_no_transfer(context, expected):
    assert states_a_transfer(context) is expected
