"""Attributions found and resolved by code: who each claim is attributed to."""

import pytest

from pipeline.attribution import (
    carried_over,
    claimant_at,
    find_mentions,
    latest_before,
    resolve_name,
)
from pipeline.grounding import sentence_around
from pipeline.places import place_near, places_in

ARTICLE = (
    "Seoul says Pyongyang sent more troops\n\n"
    "South Korea's National Intelligence Service (NIS) said about 2,000 soldiers arrived in "
    "August. The agency also estimated that 400 had been killed.\n\n"
    '"They are soldiers," opposition lawmaker Han Ji-woo told reporters. He said 90 more '
    "were wounded.\n\n"
    "About 600 labourers followed in September.\n\n"
    "According to the report, fuel went north. Russia has paid in oil, the institute said."
)


def _names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text) if not m.anaphoric]


def test_attributions_in_the_common_forms_are_found():
    assert _names("According to Ukraine's HUR, 3,000 arrived.") == ["Ukraine's HUR"]
    assert _names("The NIS estimates that 600 died.") == ["The NIS"]
    assert _names('"It is grim," said Marta Zielinska, a researcher.') == ["Marta Zielinska"]
    assert _names("a senior official in Russia's Primorsky Krai told a newspaper") == [
        "a senior official in Russia's Primorsky Krai"
    ]
    assert _names("Selon le renseignement sud-coréen, 3 000 soldats.") == [
        "le renseignement sud-coréen"
    ]
    assert _names("Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS rund") == [
        "südkoreanischen Geheimdienstes NIS"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting began in September put simply.",  # a month is not a source
        "North Korea said it would respond.",  # one of the two states is not a claimant
        "He said 600 died.",  # a pronoun with nothing to point back to
    ],
)
def test_non_sources_are_not_claimants(text):
    assert claimant_at(text, 0, len(text)) is None


def test_back_references_resolve_to_the_name_they_stand_for():
    mentions = find_mentions(ARTICLE)
    killed = ARTICLE.index("400")
    assert claimant_at(ARTICLE, killed - 40, killed + 20, mentions) == (
        "South Korea's National Intelligence Service (NIS)"
    )
    wounded = ARTICLE.index("90 more")
    # "He" is the lawmaker just quoted, not the agency
    assert claimant_at(ARTICLE, wounded - 8, wounded + 20, mentions) == (
        "opposition lawmaker Han Ji-woo"
    )


def test_a_sentence_without_attribution_inherits_the_latest_source_before_it():
    mentions = find_mentions(ARTICLE)
    workers = ARTICLE.index("About 600")
    # nothing in its own paragraph ...
    assert claimant_at(ARTICLE, workers, workers + 40, mentions) is None
    # ... but the article named a source before it
    assert latest_before(workers, mentions) == "opposition lawmaker Han Ji-woo"


def test_model_proposals_are_resolved_or_refused():
    mentions = find_mentions(ARTICLE)
    end = len(ARTICLE)
    assert resolve_name("the agency", end, mentions) == (
        "South Korea's National Intelligence Service (NIS)"
    )
    assert resolve_name("Russia", end, mentions) is None
    assert resolve_name("Nordkorea", end, mentions) is None
    assert resolve_name("Ukraine's HUR", end, mentions) == "Ukraine's HUR"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "About 3,500 troops are rebuilding roads in Russia's Belgorod region.",
            "Russia's Belgorod region",
        ),
        ("They were deployed near the border with Ukraine.", "near the border with Ukraine"),
        ("36 were killed near the village of Malaya Loknya.", "near the village of Malaya Loknya"),
        ("Etwa 4.000 Soldaten sind in der Region Kursk.", "Region Kursk"),
        ("Workers went to Russia's Far East.", "Russia's Far East"),
        ("About 2,000 soldiers went to Russia in August.", None),
        ("Knapp 11.000 Soldaten stehen in der russischen Grenzregion Kursk.", "Grenzregion Kursk"),
        ("Bis zu 2.000 sollen in den besetzten Teil des Gebiets Donezk.", "Gebiets Donezk"),
        ("Situó en 11.000 los soldados desplegados en Kursk.", "Kursk"),
        ("Officials expect up to 8,000 more workers in Primorye.", "Primorye"),
        (
            "Russia plans to bring 12,000 workers to the Alabuga special economic zone in "
            "Tatarstan.",
            "the Alabuga special economic zone in Tatarstan",
        ),
        ("About 4,000 soldiers who had guarded the Kursk border went home.", "the Kursk border"),
        ("About 4,000 soldiers were pulled back from the front.", None),
        # in the other languages
        ("Cerca de 11.000 militares estão na região de Kursk.", "região de Kursk"),
        ("Circa 9.000 soldati sono nella regione di Kursk.", "regione di Kursk"),
        ("Tre soldati sono stati catturati vicino a Glushkovo.", "vicino a Glushkovo"),
        ("Três militares foram capturados perto de Tiotkino.", "perto de Tiotkino"),
        ("Deux soldats ont été capturés près de Soudja.", "près de Soudja"),
        ("Die meisten seien in den Gebieten Kursk und Belgorod.", "Gebieten Kursk und Belgorod"),
        (
            "Au moins 12 000 ouvriers travaillent dans l'Extrême-Orient russe.",
            "l'Extrême-Orient russe",
        ),
        ("Unos 15.000 obreros trabajan en el Lejano Oriente ruso.", "el Lejano Oriente ruso"),
        ("Mehr als 4.000 Arbeiter sind in Wladiwostok.", "Wladiwostok"),
        ("Близько 11 000 військових перебувають у Курській області.", "Курській області"),
        ("Понад 15 000 робітників працюють на Далекому Сході.", "Далекому Сході"),
        ("Близько 15 000 робітників з Далекого Сходу.", "Далекого Сходу"),
        ("До 1 500 саперів працюють навколо Суджі.", "навколо Суджі"),
        ("Двоє потрапили в полон поблизу Глушкова.", "поблизу Глушкова"),
        ("До 2 000 строителей работают в Глушковском районе.", "Глушковском районе"),
        (
            "Около 1 000 саперов работали в Суджанском и Кореневском районах.",
            ("Суджанском и Кореневском районах"),
        ),
        # the host country is no location, in Ukrainian either
        ("Понад 15 000 робітників працюють у Росії.", None),
        # "cerca de" before a figure is "about"
        ("Cerca de 5.000 soldados foram enviados.", None),
    ],
)
def test_places_are_read_from_the_sentence(sentence, place):
    found = [p for _, _, p in places_in(sentence)]
    assert (found[0] if found else None) == place


def test_the_place_nearest_the_figure_wins():
    text = "In the Kursk region 300 were killed, while 50 were hurt near the village of Tetkino."
    i = text.index("50")
    assert place_near(text, i, i + 2, (0, len(text))) == "near the village of Tetkino"
    j = text.index("300")
    assert place_near(text, j, j + 3, (0, len(text))) == "the Kursk region"


def test_a_described_organisation_takes_the_name_given_next():
    text = (
        "Up to 15,000 soldiers are in Russia, a Warsaw-based research institute said on Tuesday. "
        "The Institute for Eastern Security Studies said it used satellite images. "
        "The institute also estimated that 2,000 labourers work there."
    )
    names = [m.name for m in find_mentions(text)]
    assert names == ["The Institute for Eastern Security Studies"] * 3


def test_a_description_followed_by_a_person_keeps_its_own_words():
    text = (
        "About 900 arrived, a Seoul-based monitoring group said. "
        '"It is grim," said Park Min-ji, who leads it.'
    )
    assert find_mentions(text)[0].name == "a Seoul-based monitoring group"


def test_it_points_to_the_latest_organisation_not_to_a_word_containing_it():
    text = (
        "Ukraine's SBU security service said 40 were captured. "
        "South Korea's National Intelligence Service offered a lower toll. "
        "It told lawmakers that at least 300 had been killed."
    )
    i = text.index("300")
    assert claimant_at(text, i - 30, i + 10) == "South Korea's National Intelligence Service"


def test_an_acronym_reads_as_the_full_name_the_article_gave():
    text = (
        "South Korea's National Intelligence Service (NIS) said 2,000 arrived. "
        "The NIS estimates that 600 died."
    )
    assert [m.name for m in find_mentions(text)] == [
        "South Korea's National Intelligence Service (NIS)"
    ] * 2
    text = "The National Intelligence Service said 2,000 arrived. The NIS estimates 600 died."
    assert find_mentions(text)[1].name == "The National Intelligence Service"
    assert find_mentions("The NIS estimates that 600 died.")[0].name == "The NIS"


def test_an_appositive_between_source_and_verb_is_skipped():
    text = (
        "The Korea Peninsula Security Forum, a Seoul think tank that has tracked the deployment "
        "since 2024, now estimates that 17,000 troops are in Russia. It estimates that 2,400 "
        "have been killed. The forum believes 3,800 workers have arrived."
    )
    names = [m.name for m in find_mentions(text)]
    assert names == ["The Korea Peninsula Security Forum"] * 3


def test_spanish_back_references_and_possessives_resolve():
    text = (
        "La inteligencia militar ucraniana (HUR) ofrece cifras más altas. Según sus "
        "estimaciones, al menos 1.350 militares han muerto. El NIS calcula que 10.700 siguen "
        "desplegados. Según la agencia, Pionyang prevé enviar hasta 6.400 soldados."
    )
    names = [m.name for m in find_mentions(text) if not m.anaphoric]
    assert names == [
        "La inteligencia militar ucraniana (HUR)",
        "La inteligencia militar ucraniana (HUR)",
        "El NIS",
        "El NIS",
    ]


def test_a_verb_before_its_subject_after_a_comma():
    text = (
        "Im Gegenzug liefere Russland Erdöl an Pjöngjang, erklärte der Geheimdienst BND. "
        "Moscow sends fuel north, said the Pentagon."
    )
    names = [m.name for m in find_mentions(text)]
    assert names == ["der Geheimdienst BND", "the Pentagon"]


def _place(text: str, figure: str) -> str | None:
    start = text.index(figure)
    stop = text.find(". ", start)
    sentence_end = stop + 1 if stop >= 0 else len(text)
    sentence_start = text.rfind(". ", 0, start) + 1
    return place_near(text, start, start + len(figure), (sentence_start, sentence_end))


def test_places_in_spanish_with_an_adjective_and_cities():
    assert _place("Unos 3.000 soldados siguen en la región rusa de Belgorod.", "3.000") == (
        "la región rusa de Belgorod"
    )
    assert _place("About 900 workers build flats in Vladivostok.", "900") == "Vladivostok"
    assert _place("Some 400 labourers work in the Russian capital.", "400") == (
        "the Russian capital"
    )


def test_the_next_paragraph_about_the_same_group_gives_the_place():
    text = (
        "The NIS said 5,000 construction troops have been deployed to Russian territory.\n\n"
        "These forces are clearing mines near the border with Ukraine.\n\nOther news."
    )
    assert _place(text, "5,000") == "near the border with Ukraine"
    german = (
        "Rund 11.000 Soldaten sind in Russland. Die meisten von ihnen seien in der Region Kursk."
    )
    assert _place(german, "11.000") == "Region Kursk"


def test_the_next_sentence_about_the_same_group_gives_the_place():
    text = "Russia sent 40 instructors north. They arrived in Pyongyang in May. Other news."
    assert _place(text, "40") == "Pyongyang"
    other = "Russia sent 40 instructors north. Seoul said talks in Pyongyang went well."
    assert _place(other, "40") is None


def test_an_interview_speaker_label_is_the_claimant_of_the_answer():
    text = (
        "Park Ji-hoon is a researcher at the Asan Labour Desk.\n\n"
        "Q: How many are there?\n\n"
        "Park: We count about 9,000 workers in the Far East.\n\n"
        "Note: figures are rounded."
    )
    names = [m.name for m in find_mentions(text)]
    assert names == ["Park Ji-hoon"]
    figure = text.index("9,000")
    assert claimant_at(text, figure, figure + 5) == "Park Ji-hoon"


def test_a_french_pronoun_source_is_the_person_named_before():
    text = (
        "Le général Oleksandr Petrenko a déclaré que 3 000 soldats sont arrivés. "
        "Selon lui, 500 ont été tués."
    )
    figure = text.index("500")
    assert claimant_at(text, figure, figure + 3) == "Oleksandr Petrenko"


def test_hearing_speaker_labels_with_titles_and_roles():
    text = (
        'Hearing: "North Korea and Russia"\n\n'
        "SEN. VOSS (Chair): How many troops?\n\n"
        "MR. ADEYEMI (Assistant Secretary for Asia): About 9,000 are deployed.\n\n"
        "MR. ADEYEMI: More than 2,000 have been killed.\n\n"
        "In March the agency had put the toll at 1,500."
    )
    names = [m.name for m in find_mentions(text)]
    assert names[:3] == [
        "Sen. Voss (Chair)",
        "Mr. Adeyemi (Assistant Secretary for Asia)",
        "Mr. Adeyemi (Assistant Secretary for Asia)",
    ]
    assert not any(n.startswith(("Hearing", "In March", "March")) for n in names)


def test_capitals_are_places_only_after_a_preposition():
    text = "Pyongyang has sent about 800 troops, who are now stationed near Tetkino."
    assert _place(text, "800") == "near Tetkino"
    assert _place("Pjöngjang hält etwa 9.000 Soldaten in Russland.", "9.000") is None
    text = "Russia sent 40 instructors, who arrived in Pyongyang in May."
    assert _place(text, "40") == "Pyongyang"


def _claimant_of(text: str, figure: str) -> str | None:
    """The claimant of the sentence holding ``figure`` (the span the pipeline asks about)."""
    at = text.index(figure)
    return claimant_at(text, *sentence_around(text, at, at + len(figure)))


def test_a_lawmaker_relaying_an_agency_figure_is_not_the_claimant():
    text = (
        "Park Sun-won, a lawmaker, told journalists that South Korea's National Intelligence "
        "Service (NIS) counted 10,500 troops. According to Park, the agency also believes a "
        "further 6,000 are being trained."
    )
    agency = "South Korea's National Intelligence Service (NIS)"
    assert _claimant_of(text, "10,500") == agency
    assert _claimant_of(text, "6,000") == agency
    french = "Selon les députés présents, le NIS estime que quelque 11 000 soldats sont là."
    assert _claimant_of(french, "11 000") == "le NIS"
    # a person alone in the sentence stays the claimant
    alone = "Park Sun-won told journalists that 10,500 troops are in Russia."
    assert _claimant_of(alone, "10,500") == "Park Sun-won"


def test_we_is_the_speaker_or_the_statements_authors_never_the_last_organisation():
    transcript = (
        "SEN. HALVORSEN: Seoul's intelligence service said 4,000 had been killed.\n\n"
        "MR. OKAFOR (Deputy Assistant Secretary of Defense): We assess more than 3,000 killed."
    )
    assert _claimant_of(transcript, "3,000") == (
        "Mr. Okafor (Deputy Assistant Secretary of Defense)"
    )
    statement = (
        "1. We, the Foreign Ministers of Japan and the United States, met today in Tokyo.\n\n"
        "2. Since October the DPRK has deployed more than 14,000 military personnel to Russia."
    )
    assert latest_before(statement.index("14,000"), find_mentions(statement)) == (
        "the Foreign Ministers of Japan and the United States"
    )
    # a "we" in a quote with nobody to resolve to does not borrow the last organisation
    quoted = 'The NIS briefed lawmakers. "We estimate 3,000 more," a Ukrainian officer said.'
    assert _claimant_of(quoted, "3,000") == "a Ukrainian officer"


def test_sources_named_by_apposition_pronoun_or_data_are_found():
    text = (
        "Ukraine's Defence Intelligence, known as HUR, put the figure higher. In a statement, "
        "it said as many as 19,500 soldiers were deployed."
    )
    assert _claimant_of(text, "19,500") == "Ukraine's Defence Intelligence (HUR)"
    data = "Data from Russia's interior ministry suggest 15,000 labourers are working there."
    assert _claimant_of(data, "15,000") == "Russia's interior ministry"


def test_our_intelligence_is_the_statements_authors_and_a_verb_is_no_name():
    statement = (
        "1. We, the Foreign Ministers of Japan and the United States, met today in Tokyo.\n\n"
        "2. Our intelligence indicates that DPRK forces have suffered at least 5,000 casualties."
    )
    assert _claimant_of(statement, "5,000") == (
        "the Foreign Ministers of Japan and the United States"
    )
    spanish = "Hay 11.000 soldados, según declaró el jueves el diputado Lee Sang-min."
    assert "declaró" not in _names(spanish)


def test_every_possessive_first_person_source_is_the_speaker():
    statement = (
        "Wir, die Außenminister Japans und Deutschlands, haben heute in Berlin beraten.\n\n"
        "Unser Geheimdienst schätzt, dass 5.000 Soldaten in Russland sind."
    )
    assert _claimant_of(statement, "5.000") == "die Außenminister Japans und Deutschlands"


def test_we_declaration_openings_cover_every_match() -> None:
    import re

    from pipeline.attribution import _WE_DECLARATION, _WE_OPENINGS

    # the quick test before the regex must never skip a declaration
    words = re.match(r"\\b\(\?:([\w|]+)\),", _WE_DECLARATION.pattern)
    assert words is not None
    assert {f"{w}," for w in words[1].split("|")} == set(_WE_OPENINGS)
    text = "We, the Foreign Ministers of Japan and Korea, met today. Nous, les membres, disons."
    assert [m[1] for m in _WE_DECLARATION.finditer(text)] == [
        "the Foreign Ministers of Japan and Korea",
        "les membres",
    ]


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("По данным Генштаба ВСУ, не менее 300 военных КНДР погибли.", ["Генштаба ВСУ"]),
        ("по словам депутата Ли Сон Гвона, 2 700 ранены.", ["депутата Ли Сон Гвона"]),
        ("Согласно оценкам британской разведки, там 11 000 военных.", ["британской разведки"]),
        ("Согласно Пентагону, около 10 000 военных находятся в России.", ["Пентагону"]),
        ("Как сообщает агентство Рёнхап, 3000 солдат прибыли.", ["агентство Рёнхап"]),
        (
            "Северная Корея направила около 6000 строителей, сообщила южнокорейская разведка.",
            ["южнокорейская разведка"],
        ),
        ("Генштаб ВСУ сообщил, что 300 северокорейцев погибли.", ["Генштаб ВСУ"]),
        (
            "Южнокорейская разведка заявила, что в России 11 000 военных.",
            ["Южнокорейская разведка"],
        ),
        (
            "Министерство обороны Великобритании считает, что погибли 1000 военных.",
            ["Министерство обороны Великобритании"],
        ),
        # the impersonal "заявили в X" is X's statement
        ("«Они воюют», — заявили в Пентагоне.", ["Пентагоне"]),
        (
            "Пхеньян отправил 1000 рабочих, сообщили в Минобороны Южной Кореи.",
            ["Минобороны Южной Кореи"],
        ),
    ],
)
def test_russian_attributions_are_found(text, names):
    assert _names(text) == names


def test_russian_state_alone_and_pronouns_are_no_claimant():
    assert claimant_at("Москва заявила, что 1000 человек.", 0, 34) is None
    text = "Генштаб ВСУ сообщил о 300 погибших. Он также заявил, что 2 700 ранены."
    at = text.index("2 700")
    assert claimant_at(text, text.index("Он"), at + 5) == "Генштаб ВСУ"


def test_russian_lawmaker_citing_an_agency_is_not_the_claimant():
    text = (
        "Северная Корея направила ещё 3000 военных, заявил депутат Ли Сон Гвон со ссылкой на "
        "Национальную разведывательную службу."
    )
    assert claimant_at(text, 0, len(text)) == "Национальную разведывательную службу"


def test_russian_places_are_read_from_the_sentence():
    assert _place("Не менее 300 военных погибли в Курской области.", "300") == "Курской области"
    assert _place("Около 5000 рабочих трудятся в Приморском крае.", "5000") == "Приморском крае"
    assert _place("3000 военных размещены под Курском.", "3000") == "под Курском"
    assert _place("1000 строителей работают во Владивостоке.", "1000") == "Владивостоке"
    assert _place("Около 500 сапёров находятся у границы с Украиной.", "500") == (
        "у границы с Украиной"
    )
    assert _place("КНДР направила 6000 военных в Россию.", "6000") is None


def test_a_russian_acronym_reads_as_the_full_name_the_article_gave():
    text = (
        "Украинская военная разведка (ГУР) сообщила о 1500 погибших. По данным ГУР, ещё 3000 "
        "ранены. Национальная разведывательная служба (НРС) Южной Кореи считает иначе. "
        "По оценке НРС, там 11 000 военных."
    )
    names = [m.name for m in find_mentions(text) if not m.anaphoric]
    assert names == [
        "Украинская военная разведка (ГУР)",
        "Украинская военная разведка (ГУР)",
        "Национальная разведывательная служба (НРС) Южной Кореи",
        "Национальная разведывательная служба (НРС) Южной Кореи",
    ]
    # without an earlier mention, the words before the acronym in brackets that it abbreviates
    text = (
        "В докладе Главного управления разведки (ГУР) приводятся цифры. По данным ГУР, 300 убиты."
    )
    names = [m.name for m in find_mentions(text) if not m.anaphoric]
    assert names == ["Главного управления разведки (ГУР)"]


def test_a_russian_source_citing_another_gives_way_to_the_cited_one():
    text = (
        "Пхеньян направит до 6 000 человек, сообщило агентство Рёнхап со ссылкой на Минобороны "
        "Южной Кореи. Первые 1 500 сапёров, по данным ведомства, уже вернулись."
    )
    first = text.index(".") + 1
    assert claimant_at(text, 0, first) == "Минобороны Южной Кореи"
    # "ведомства" (the ministry) refers back to the source named before it
    names = [(m.name, m.anaphoric) for m in find_mentions(text)]
    assert names[-1] == ("Минобороны Южной Кореи", False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "В Курской области 12 тыс. военных КНДР, заявил в интервью телеканалу начальник ГУР "
            "Кирилл Буданов.",
            ["начальник ГУР Кирилл Буданов"],
        ),
        (
            "Там 3000 военных, сообщил журналистам представитель Пентагона.",
            ["представитель Пентагона"],
        ),
        (
            "Там 3000 военных, сообщили в Пентагоне.",
            ["Пентагоне"],
        ),
    ],
)
def test_russian_said_with_the_circumstance_before_the_speaker(text, names):
    assert _names(text) == names


def test_a_title_and_surname_take_the_fuller_name_written_earlier():
    text = (
        "Briefing by Pentagon Press Secretary Dana Whitcomb\n\n"
        "MS. WHITCOMB: We assess that about 12,000 North Korean troops are in Kursk.\n\n"
        "Later, Ms. Whitcomb said 1,000 engineers would follow. Gen. Ashford said nothing."
    )
    names = {m.name for m in find_mentions(text)}
    assert "Pentagon Press Secretary Dana Whitcomb" in names
    assert not any(n.startswith("Ms.") for n in names), names
    # no fuller form written: the name stays as it is
    assert "Ashford" in names


def test_a_surname_takes_the_person_named_in_full_before():
    text = (
        "Opposition lawmaker Park Sun-won said 3,000 troops had arrived. Park said 200 more "
        "were killed. Later Kim said nothing."
    )
    names = [m.name for m in find_mentions(text)]
    assert names[:2] == ["Opposition lawmaker Park Sun-won", "Opposition lawmaker Park Sun-won"]
    # a name the surname only starts is someone (or something) else
    text = "Bojko der Nachrichtenagentur Ukrinform sagte, 300 seien tot. Bojko sagte, 20 mehr."
    assert [m.name for m in find_mentions(text)][-1] == "Bojko"


def test_a_document_named_before_its_author_is_the_authors_claim():
    text = (
        "North Korea has sent 12,000 troops, according to a report released on Tuesday by the "
        "Pacific Sanctions Research Centre. The report says 3,000 were killed."
    )
    assert _names(text) == ["the Pacific Sanctions Research Centre"] * 2
    # a document with no author written after it stays as written
    assert _names("North Korea sent 900 more, according to a report.") == ["a report"]


def test_a_back_reference_used_again_stands_for_the_same_source():
    text = (
        "Exports grew, according to a report by the Multilateral Sanctions Monitoring Team "
        "(MSMT). The report says 40 trains ran. Ukrainian officials say 60 percent of shells "
        "are North Korean. The monitors wrote that 12 ships sailed. The report says 5 ports "
        "were used."
    )
    names = _names(text)
    assert names[0] == names[1] == names[3] == names[4] != names[2]
    assert "Monitoring Team" in names[0]


def test_a_claimant_named_by_role_alone_is_kept_and_referred_back_to():
    text = (
        "About 1,500 builders have arrived, the regional governor said on Tuesday. A second "
        "group of 1,000 is due in June, the governor told reporters."
    )
    assert _names(text) == ["the regional governor", "the regional governor"]
    german = (
        "Rund 14.000 Soldaten seien in Kursk, sagte ein Ministeriumssprecher am Dienstag. "
        "Mindestens 5.000 seien verwundet worden, so der Sprecher."
    )
    assert _names(german) == ["ein Ministeriumssprecher", "ein Ministeriumssprecher"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Environ 12 000 militaires se trouvent en Russie, a affirmé mercredi le "
            "renseignement militaire ukrainien (HUR).",
            "le renseignement militaire ukrainien (HUR)",
        ),
        ("De acuerdo con el NIS, Pyongyang enviará hasta 3.000 zapadores.", "el NIS"),
        (
            "El Ministerio de Defensa surcoreano cifra en más de 6.700 las bajas norcoreanas.",
            "El Ministerio de Defensa surcoreano",
        ),
    ],
)
def test_french_and_spanish_attributions_with_a_day_or_a_figure_verb(text, name):
    assert _names(text) == [name]


def test_a_transcript_label_takes_the_name_the_speaker_was_introduced_by():
    text = (
        "Witnesses: Lieutenant General Sarah Whitcombe, Chief of Defence Intelligence; and "
        "Oleh Hrytsai, a spokesman for HUR.\n\n"
        "LT GEN WHITCOMBE: We assess that around 12,000 North Korean personnel are in Russia.\n\n"
        "HRYTSAI: Our figure is higher.\n"
    )
    names = [m.name for m in find_mentions(text)]
    assert "Lieutenant General Sarah Whitcombe" in names, names
    assert "Oleh Hrytsai" in names, names


@pytest.mark.parametrize(
    "name",
    ["el mismo organismo", "le même service", "il servizio", "die gleiche Behörde"],
)
def test_back_references_in_other_languages_are_back_references(name):
    from pipeline.attribution import _anaphoric

    assert _anaphoric(name)


def test_a_lawmaker_introduced_as_one_passes_on_the_agency_when_quoted_by_surname_alone():
    text = (
        "The NIS briefed the committee on Tuesday. Park Joon-seo, a member of the National "
        "Assembly's intelligence committee, told reporters that the agency now believes 10,000 "
        "soldiers remain.\n\n"
        "About 3,000 soldiers were rotated home in December, Park said."
    )
    start = text.index("About")
    assert claimant_at(text, start, len(text)) == "The NIS"


def test_my_figures_are_the_quoted_speakers_and_a_role_before_a_german_name_is_dropped():
    text = (
        "« La grande nouveauté, ce sont les bâtisseurs, relève Julien Marchetti. D'après mes "
        "recoupements, jusqu'à 3 000 ouvriers militaires doivent encore arriver. »"
    )
    start = text.index("jusqu")
    assert claimant_at(text, start, start + 20) == "Julien Marchetti"
    assert _names("Die Korea-Expertin Katrin Oberländer sagte, die Zahl sei plausibel.") == [
        "Katrin Oberländer"
    ]


def test_a_speaker_label_under_the_byline_is_not_named_twice():
    text = (
        "Katrin Oberländer im Gespräch mit Thomas Reinholz\n\n"
        "Reinholz: Guten Morgen.\n\n"
        "Oberländer: Guten Morgen.\n\n"
        "Reinholz: Ist die Zahl plausibel?\n"
    )
    assert {m.name for m in find_mentions(text)} == {"Thomas Reinholz", "Katrin Oberländer"}


def test_a_possessive_alone_refers_back_to_the_source_named_before():
    text = (
        "The figure from South Korea's National Intelligence Service is lower, at some 4,800. "
        "Its estimate of the force in Russia, about 10,000, is also below Kyiv's."
    )
    assert _claimant_of(text, "about 10,000") == "South Korea's National Intelligence Service"


def test_a_figure_named_by_its_owner_without_a_verb_is_the_owners_claim():
    text = (
        "The gap is wide.\n\nThe figure from South Korea's National Intelligence Service is "
        "lower, at some 4,800."
    )
    assert _claimant_of(text, "some 4,800") == "South Korea's National Intelligence Service"
    # who said so in the same sentence beats whose figure it is
    french = (
        "Le chiffre de Séoul d'abord : environ 10 000 soldats, selon le Service national du "
        "renseignement (NIS) sud-coréen."
    )
    assert (
        _claimant_of(french, "environ 10 000")
        == "le Service national du renseignement (NIS) sud-coréen"
    )


def test_the_author_of_an_update_cited_with_according_to_is_the_claimant():
    text = (
        "Kyiv's count is the highest: more than 6,000 killed or wounded, according to a "
        "February update from Ukraine's military intelligence agency, known as HUR. The agency "
        "says roughly 11,000 North Korean troops remain in Russia."
    )
    assert _claimant_of(text, "roughly 11,000") == "Ukraine's military intelligence agency"


def test_suspicion_is_attribution():
    text = (
        "Washington's estimate is lower still. US officials suspect that about 3,500 North "
        "Koreans have become casualties."
    )
    assert _claimant_of(text, "about 3,500") == "US officials"
    assert _names("Washington soupçonne Moscou d'aider la Corée du Nord.") == ["Washington"]


def test_a_contracted_first_person_is_the_speakers_claim():
    text = (
        "[00:00:31] CHOI MIN-HO: Thank you.\n\n"
        "[00:00:45] CHOI: It's too low. Today I'd say about 14,000, if you count Belgorod."
    )
    assert _claimant_of(text, "about 14,000") == "Choi Min-Ho"


@pytest.mark.parametrize(
    "text",
    [
        "Lucía Ferrer | Madrid\nCompartir: Facebook | X | WhatsApp\n\nSegún nuestros datos, 12.",
        "Partager : Facebook | X\n\nSelon nos calculs, environ 12 000.",
    ],
)
def test_a_share_bar_is_no_speaker_and_an_unresolved_we_names_nobody(text):
    assert _names(text) == []


@pytest.mark.parametrize("name", ["ce dernier", "the latter", "Ersterer", "la última"])
def test_the_former_and_the_latter_are_back_references_left_unresolved(name):
    text = f"HUR and the US State Department both commented. According to {name}, 11,000 remain."
    mentions = find_mentions(text.replace("According to", "Selon") if " " in name else text)
    assert all(m.anaphoric for m in mentions if m.name.lower() == name.lower())


def test_a_surname_is_not_the_agency_a_lawmaker_speaks_of():
    text = "Yoon said the agency put the number of North Koreans killed so far at roughly 2,300."
    agency = [m for m in find_mentions(text) if m.start == text.index("the agency")]
    assert agency and agency[0].anaphoric  # unresolved, not "Yoon"


def test_a_ukrainian_verb_after_a_comma_does_not_make_its_object_a_source():
    text = "Генштаб, своєю чергою, оцінює втрати КНДР у понад 6 тисяч убитими та пораненими."
    assert not any("втрати" in n for n in _names(text))


ANALYSTS = (
    "Analysts at the Royal United Services Institute believe the death toll lies between "
    "1,500 and 2,000.\n\n"
)


def _carried(text: str, phrase: str) -> str | None:
    return carried_over(text, text.index(phrase), find_mentions(text))


def test_a_new_paragraph_stating_a_fact_without_a_source_is_nobodys_claim():
    text = (
        ANALYSTS + "Two more soldiers were captured in late January, bringing the number to seven."
    )
    assert _carried(text, "Two more") is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "At the same briefing, lawmakers were told that the North had begun sending builders. "
        "About 2,000 arrived in January.",
        "Demnach sollen weitere 2.000 Soldaten folgen.",
    ],
)
def test_a_paragraph_that_goes_on_with_the_report_keeps_its_source(paragraph):
    text = "South Korea's National Intelligence Service said 11,000 remain.\n\n" + paragraph
    assert _carried(text, paragraph[-12:]) == "South Korea's National Intelligence Service"


def test_list_items_take_the_source_of_a_lead_in_that_reports_one():
    text = (
        "According to South Korea's National Intelligence Service (NIS), 6,000 will go.\n\n"
        "The group will reportedly consist of:\n\n1,000 demining specialists\n\n"
        "and 5,000 construction workers.\n\n"
        "In exchange, North Korea is believed to be receiving support, including:\n\n"
        "military hardware,\n\nelectronic warfare equipment."
    )
    nis = "South Korea's National Intelligence Service (NIS)"
    assert _carried(text, "5,000 construction") == nis
    assert _carried(text, "military hardware") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("Le NIS avance environ 4 000 pertes.", "Le NIS"), ("P. Seúl habla de unos 10.000.", "Seúl")],
)
def test_putting_a_figure_forward_is_attribution(text, name):
    assert _names(text)[-1:] == [name]


INTERVIEW = (
    "Lucía Ferrer | Madrid | 18 de marzo de 2026\n\n"
    "Oleh Marchuk, portavoz de la Inteligencia Militar de Ucrania (HUR), repasa las cifras.\n\n"
    "Marchuk (Kiev, 1981) habla despacio.\n\n"
    "P. ¿Cuántos soldados norcoreanos hay hoy en Rusia?\n\n"
    "R. Según nuestros datos, unos 12.000.\n\n"
    "P. ¿Y las bajas?\n\n"
    "R. Más de 7.000 entre muertos y heridos.\n\n"
)


def test_an_interviews_answers_are_the_interviewees_claims():
    marchuk = "Oleh Marchuk, portavoz de la Inteligencia Militar de Ucrania (HUR)"
    assert _claimant_of(INTERVIEW, "unos 12.000") == marchuk  # "nuestros datos": his agency's
    assert _claimant_of(INTERVIEW, "Más de 7.000") == marchuk  # no attribution: the answer's
    # the byline's writer is not the interviewee, and an article without answers has none
    assert _claimant_of(INTERVIEW.replace("R. ", ""), "Más de 7.000") is None


def test_german_reported_speech_carries_the_source_into_the_next_paragraph():
    text = (
        "Nach Erkenntnissen des Bundesnachrichtendienstes (BND) sind 11.000 Soldaten in "
        "Russland, sagte der Abgeordnete Jonas Feldmann.\n\n"
        "Etwa dreitausend Soldaten seien im Winter nach Nordkorea zurückgekehrt."
    )
    assert _carried(text, "Etwa dreitausend") is not None
    assert _carried(text.replace("seien", "sind"), "Etwa dreitausend") is None


def test_a_briefings_answers_are_the_speaker_named_with_his_role():
    text = (
        "Point de presse du 5 mars 2026\n"
        "Déclarations du porte-parole adjoint, M. Arnaud Levasseur\n\n"
        "Q – La Corée du Nord aurait envoyé de nouveaux soldats. Quelle est l'analyse ?\n\n"
        "R – Selon nos informations, plus de 11 000 militaires nord-coréens sont en Russie.\n\n"
        "Q – Et les pertes ?\n\n"
        "R – Je n'ai pas de chiffre.\n\n"
    )
    assert _claimant_of(text, "plus de 11 000") == "Arnaud Levasseur"


def test_a_list_items_source_in_brackets_is_its_claimant():
    text = (
        "Lo que recibe a cambio\n\n"
        "- Petróleo refinado: más de un millón de barriles (MSMT).\n"
        "- Sistemas antiaéreos Pantsir, desplegados en torno a Pyongyang (MSMT).\n"
    )
    assert _claimant_of(text, "Sistemas antiaéreos") == "MSMT"
    # an acronym spelled out after its name is no source of its own
    assert _names("El Equipo de Vigilancia de Sanciones (MSMT), formado por once países, dice.")[
        :1
    ] != ["MSMT"]


def test_a_demonstrative_before_a_verb_is_no_source():
    assert _names("Russia sends refined petroleum by rail; that's documented.") == []


def test_a_german_name_ends_at_its_acronym_or_institution_and_a_french_pronoun_is_no_name():
    names = [
        m.name
        for m in find_mentions(
            "Die Bausoldaten sollen nach Angaben des NIS Eisenbahnstrecken und Brücken "
            "instand setzen. Zusätzlich arbeiten laut dem südkoreanischen "
            "Vereinigungsministerium Tausende nordkoreanische Arbeiter im Fernen Osten. "
            "Le HUR les chiffre à plus de 6 000."
        )
    ]
    assert names == ["NIS", "dem südkoreanischen Vereinigungsministerium", "Le HUR"]
    # an English name runs on past an acronym
    assert [m.name for m in find_mentions("according to UK Defence Intelligence, 5,000.")] == [
        "UK Defence Intelligence"
    ]
