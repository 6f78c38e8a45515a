import pytest

from pipeline.claims import (
    categories_of,
    deployment_status_from_words,
    direction_from_words,
    exchange_status_from_words,
    infer_hedge,
    names_north_korea,
    names_people,
    subtype_from_words,
    typical_direction,
)
from schemas.records import DeploymentStatus, ExchangeStatus


@pytest.mark.parametrize(
    ("sentence", "status", "hedge"),
    [
        ("The NIS estimates that at least 600 soldiers were killed.", None, "estimated"),
        ("Russia is believed to have supplied air-defence systems.", None, "alleged"),
        ("Pyongyang will send 6,000 more troops next month.", None, "planned"),
        ("The ministry confirmed that 300 soldiers died.", None, "confirmed"),
        ("The NIS said 5,000 troops were deployed.", None, "reported"),
        ("Seoul expects 2,000 more.", DeploymentStatus.planned, "planned"),
        ("Laut Geheimdienst schätzt man rund 4.000 Soldaten.", None, "estimated"),
    ],
)
def test_hedge_is_read_from_the_sentence(sentence, status, hedge):
    assert infer_hedge(sentence, status).value == hedge


def test_an_item_naming_several_categories_names_them_in_order():
    assert [
        c.value
        for c in categories_of(
            "technologies related to drones, satellite systems, and missile guidance"
        )
    ] == ["drones", "space_satellite", "missile_technology"]
    assert [c.value for c in categories_of("Erdöl und Lebensmittel")] == ["fuel", "food"]
    assert [c.value for c in categories_of("military hardware")] == ["weapons"]
    assert [c.value for c in categories_of("des denrées alimentaires")] == ["food"]
    assert [c.value for c in categories_of("sa défense antiaérienne")] == ["air_defense"]
    assert [c.value for c in categories_of("170mm Koksan self-propelled guns")] == ["weapons"]
    assert [c.value for c in categories_of("missile guidance and artillery shells")] == [
        "missile_technology",
        "weapons",
    ]
    assert categories_of("help with its economy") == []


@pytest.mark.parametrize(
    ("record_type", "label", "subtype"),
    [
        ("deployment", "1,000 demining specialists", "deminers"),
        ("deployment", "roughly 5,000 North Korean construction troops", "construction_troops"),
        ("deployment", "5,000 construction workers", "workers"),
        ("deployment", "1,000 military engineers", "military_engineers"),
        ("deployment", "bis zu 1.500 Minenräumer", "deminers"),
        ("deployment", "over 10,000 North Korean personnel", "troops"),
        ("deployment", "about 200 North Korean medics", "other"),  # rule (h)
        ("casualty", "more than 3,000 killed and wounded", "killed_or_wounded"),
        ("casualty", "about 2,700 wounded", "wounded"),
        ("casualty", "two North Korean soldiers", None),
        ("casualty", "Mindestens 600 Soldaten seien getötet", "killed"),
    ],
)
def test_a_figures_own_words_name_its_kind(record_type, label, subtype):
    assert subtype_from_words(record_type, label) == subtype


def test_status_words_correct_the_model_only_where_they_speak():
    ctx = "North Korea is believed to be receiving support from Russia, including: oil,"
    assert exchange_status_from_words(ctx, ExchangeStatus.delivered) is ExchangeStatus.suspected
    assert (
        exchange_status_from_words("Moscow pledged jets.", ExchangeStatus.unknown)
        is ExchangeStatus.promised
    )
    assert (
        exchange_status_from_words("Russia shipped oil.", ExchangeStatus.delivered)
        is ExchangeStatus.delivered
    )
    assert (
        deployment_status_from_words("They will be sent in July.", DeploymentStatus.unknown)
        is DeploymentStatus.planned
    )
    assert (
        deployment_status_from_words("They will go.", DeploymentStatus.ongoing)
        is DeploymentStatus.ongoing
    )


@pytest.mark.parametrize(
    ("context", "direction"),
    [
        (
            "North Korea is believed to be receiving support from Russia, including: oil,",
            ("Russia", "North Korea"),
        ),
        (
            "North Korea was believed to be receiving Russian help with a reactor.",
            ("Russia", "North Korea"),
        ),
        (
            "Pyongyang has shipped millions of artillery shells to Russia.",
            ("North Korea", "Russia"),
        ),
        ("Moscow supplied Pyongyang with air-defence systems.", ("Russia", "North Korea")),
        ("Nordkorea erhält Erdöl aus Russland.", ("Russia", "North Korea")),
        ("Shells went to Russia and oil to North Korea.", None),
        ("The two states signed a treaty.", None),
    ],
)
def test_direction_is_read_only_from_unambiguous_words(context, direction):
    assert direction_from_words(context) == direction


def test_north_korea_and_people_filters():
    for text in ("N. Korea sends troops", "the DPRK and Russia", "KPA units", "Pyongyang"):
        assert names_north_korea(text), text
    assert not names_north_korea("Seoul said South Korean troops would not go to Ukraine.")
    assert names_people("military instructors") and names_people("three nuclear envoys")
    assert names_people("5.000 constructores militares")
    assert not names_people("suministros militares") and not names_people("biens militaires")
    assert not names_people("artillery shells") and not names_people("refined oil")


def test_french_and_spanish_words_are_read_too():
    assert subtype_from_words("casualty", "au moins 600 soldats tués") == "killed"
    assert subtype_from_words("casualty", "unos 300 heridos") == "wounded"
    assert subtype_from_words("deployment", "environ 3 000 soldats") == "troops"
    # rule (f): military construction workers are construction troops
    for label in ("5,000 military construction workers", "5.000 constructores militares"):
        assert subtype_from_words("deployment", label) == "construction_troops", label
    assert subtype_from_words("deployment", "5,000 construction workers") == "workers"


@pytest.mark.parametrize(
    ("category", "item", "direction"),
    [
        ("fuel", "refined petroleum", ("Russia", "North Korea")),
        ("space_satellite", "help with its satellite programme", ("Russia", "North Korea")),
        ("weapons", "artillery shells", ("North Korea", "Russia")),
        ("weapons", "KN-23 ballistic missiles", ("North Korea", "Russia")),
        ("weapons", "Kurzstreckenraketen", ("North Korea", "Russia")),
        ("weapons", "roquettes", ("North Korea", "Russia")),
        ("weapons", "military hardware", None),  # could go either way: the words must say
        ("other", "a treaty", None),
    ],
)
def test_typical_direction_only_for_one_way_kinds(category, item, direction):
    assert typical_direction(category, item) == direction


def test_north_korea_receiving_needs_no_named_giver():
    assert direction_from_words("Pyongyang is believed to be receiving crude oil in return.") == (
        "Russia",
        "North Korea",
    )
    assert direction_from_words("It cites Russian assistance with air-defence radars.") == (
        "Russia",
        "North Korea",
    )


def test_spanish_and_french_giving_words_set_the_direction():
    assert direction_from_words("Corea del Norte ha enviado a Rusia millones de proyectiles") == (
        "North Korea",
        "Russia",
    )
    assert direction_from_words("Moscú le ha suministrado petróleo") == ("Russia", "North Korea")
    assert categories_of("sistemas de defensa antiaérea") == ["air_defense"]
    assert categories_of("petróleo") == ["fuel"]


def test_figures_of_things_and_korea_mentions():
    from pipeline.claims import counts_things, mentions_korea

    assert counts_things("74 of 96 drones") and counts_things("43.1 million tonnes")
    assert not counts_things("about 3,000 North Korean soldiers")
    assert counts_things("les deux capitales invoquent") and counts_things("the two capitals")
    # German nouns take -n in the dative plural
    assert counts_things("von rund 20.000 Containern") and counts_things("mit 300 Kampfpanzern")
    assert not counts_things("mit rund 20.000 Soldaten")
    assert mentions_korea("soldados norcoreanos") and mentions_korea("Pyongyang said")
    assert not mentions_korea("Russia exported 14.7 million tonnes of wheat")


def test_a_figure_s_own_predicate_names_its_casualty_type():
    from pipeline.claims import casualty_in_clause

    text = (
        "It estimates that from 2,400 to 3,100 North Korean soldiers have been killed, "
        "and that between 6,100 and 7,400 have been wounded."
    )
    start = text.index("6,100")
    assert casualty_in_clause(text, start, text.index("7,400") + 5) == "wounded"
    start = text.index("2,400")
    assert casualty_in_clause(text, start, text.index("3,100") + 5) == "killed"


def test_the_casualty_type_named_first_is_the_figure_s():
    from pipeline.claims import casualty_in_clause

    def kind(text: str, figure: str) -> str | None:
        start = text.index(figure)
        return casualty_in_clause(text, start, start + len(figure))

    assert kind("Officials say 900 soldiers died and many more were injured.", "900") == "killed"
    assert kind("Some 700 troops were wounded and dozens killed.", "700") == "wounded"
    assert kind("About 5,000 were killed or wounded in March.", "5,000") == "killed_or_wounded"
    german = "Mindestens 5.000 seiner Soldaten seien getötet oder verwundet worden."
    assert kind(german, "5.000") == "killed_or_wounded"
    # Ukraine holding North Koreans holds prisoners; Russia holding them does not
    assert kind("With two new prisoners, Kyiv now holds five North Koreans.", "five") == "captured"
    assert kind("Russia holds 3,000 North Korean troops in reserve.", "3,000") is None


def test_the_north_stands_for_north_korea_once_named():
    from pipeline.claims import direction_from_words, mentions_korea

    assert direction_from_words("Russia has delivered refined petroleum to the North.") == (
        "Russia",
        "North Korea",
    )
    for text in ("The North's soldiers", "Kim's regime", "the reclusive state", "dem Norden"):
        assert mentions_korea(text), text
    for text in ("the north of Russia", "the North Atlantic", "the North-West", "in the north"):
        assert not mentions_korea(text), text


def test_help_to_kim_and_goods_handed_over_move():
    from pipeline.claims import direction_from_words
    from pipeline.status import moves_something

    helping = "US officials suspect that Russia is helping Kim Jong Un with the reactor."
    assert direction_from_words(helping) == ("Russia", "North Korea")
    assert moves_something("Moscow had handed over the designs for Shahed-type drones.")


def test_spanish_munitions_go_west():
    assert typical_direction("weapons", "misiles balísticos") == ("North Korea", "Russia")


def test_german_word_order_gives_the_direction():
    from pipeline.claims import category_mentions, direction_from_words

    second = "Im Gegenzug schicke Moskau Weizen und Treibstoff an Pjöngjang, hieß es."
    assert direction_from_words(second) == ("Russia", "North Korea")
    dative = "Nordkorea habe Russland zudem Kurzstreckenraketen geliefert."
    assert direction_from_words(dative) == ("North Korea", "Russia")
    assert [c.value for c, _, _ in category_mentions(dative)] == ["weapons"]


def test_the_payer_and_the_helper_give():
    from pipeline.claims import direction_from_words

    assert direction_from_words("Analysts say Moscow is paying in grain and cash.") == (
        "Russia",
        "North Korea",
    )
    assert direction_from_words("Russia has shared missile know-how with North Korea.") == (
        "Russia",
        "North Korea",
    )
    spanish = "Temen que Rusia pueda ayudar a Pionyang a construir reactores."
    assert direction_from_words(spanish) == ("Russia", "North Korea")


def test_people_outside_scope_and_numbers_standing_for_a_noun():
    from pipeline.claims import counts_other_people

    assert counts_other_people("30,000 runners")
    assert counts_other_people("three also disagreed")
    assert counts_other_people("two of which")
    assert not counts_other_people("two North Korean soldiers")
    assert not counts_other_people("three were captured")


def test_instructors_and_medics_are_other_personnel():
    assert subtype_from_words("deployment", "about 60 military instructors") == "other"
    assert subtype_from_words("deployment", "around 200 military medical staff") == "other"
    assert subtype_from_words("deployment", "1,000 military engineers") == "military_engineers"


def test_a_deployment_the_other_way():
    from pipeline.claims import deployment_direction

    assert deployment_direction("Russia has sent about 60 instructors to North Korea.") == (
        "Russia",
        "North Korea",
    )
    assert deployment_direction("North Korea sent 11,000 troops to Russia.") == (
        "North Korea",
        "Russia",
    )


def test_other_nations_soldiers_are_not_records():
    from pipeline.claims import counts_other_people

    assert counts_other_people("41 Russian assaults")
    assert counts_other_people("Two Ukrainian soldiers")
    assert counts_other_people("78 of which")
    assert counts_other_people("nine wounded", "Two Ukrainian soldiers were killed and ")
    assert counts_other_people("85", "The brigade put Russian dead at ")
    assert not counts_other_people("two North Korean soldiers", "Ukrainian forces have captured ")


def test_german_receiver_first_and_supplier_cues():
    from pipeline.claims import direction_from_words

    assert direction_from_words("Dafür erhalte Pjöngjang Devisen und Weizen.") == (
        "Russia",
        "North Korea",
    )
    assert direction_from_words("Nordkorea liefere weiterhin Granaten.") == (
        "North Korea",
        "Russia",
    )
    assert subtype_from_words("deployment", "rund 5.000 Angehörige der Baubataillone") == (
        "construction_troops"
    )


def test_civilians_and_launches_are_not_records():
    from pipeline.claims import counts_other_people, counts_things

    assert counts_other_people("11", "Russian drones struck Odesa, killing three civilians and ")
    assert counts_things("at least 20 launches")
    assert counts_things("the 11 participating states")


def test_french_engineers_and_losses_and_loggers():
    from pipeline.claims import casualty_in_clause

    assert subtype_from_words("deployment", "Environ 2 500 ingénieurs militaires") == (
        "military_engineers"
    )
    assert subtype_from_words("deployment", "around 2,000 North Korean loggers") == "workers"
    assert names_people("loggers")
    text = "les unités ont subi plus de 4 500 morts ou blessés depuis l'automne"
    start = text.index("4 500")
    assert casualty_in_clause(text, start, start + 5) == "killed_or_wounded"


def test_technology_related_to_missiles_is_missile_technology_not_weapons():
    item = "technology related to nuclear weapons or ballistic missiles"
    assert categories_of(item) == ["missile_technology", "nuclear_technology"]
    assert categories_of("ballistic missiles and artillery shells") == ["weapons"]


def test_a_recipient_alone_gives_the_direction():
    assert direction_from_words("The institute believes Pyongyang has received payments.") == (
        "Russia",
        "North Korea",
    )
    assert direction_from_words("Russia has received millions of shells.") == (
        "North Korea",
        "Russia",
    )


def test_people_sent_are_not_lost_and_unaccounted_for_is_missing():
    from pipeline.claims import casualty_in_clause, moves_people

    assert moves_people("Pyongyang plans to send up to 2,000 more deminers by the end of the year")
    assert moves_people("some 700 North Korean combat troops had rotated out of Kursk")
    assert not moves_people("some 700 North Korean troops were killed after they were sent")
    text = "Another 120 North Korean soldiers are unaccounted for, HUR said."
    at = text.index("120")
    assert casualty_in_clause(text, at, at + 3) == "missing"


def test_other_armies_paratroopers_are_not_records():
    from pipeline.claims import counts_other_people

    before = "Two Ukrainian paratroopers were killed and "
    assert counts_other_people("nine wounded", before)
    assert not counts_other_people("nine wounded", "Two North Korean soldiers were killed and ")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow has promised Pyongyang Su-27 fighter jets.", ("Russia", "North Korea")),
        ("Russia offered North Korea air-defence systems.", ("Russia", "North Korea")),
        ("Pyongyang has sold Moscow millions of shells.", ("North Korea", "Russia")),
        # "sold" inside "soldiers" is no verb of giving
        ("North Korean soldiers in Russia used drones.", None),
    ],
)
def test_promising_offering_and_selling_give_a_direction(sentence, expected):
    from pipeline.claims import direction_from_words

    assert direction_from_words(sentence) == expected


def test_technology_for_a_missile_programme_is_missile_technology():
    from pipeline.claims import categories_of

    item = "technology that could advance the DPRK's satellite and ballistic missile programmes"
    assert "missile_technology" in [c.value for c in categories_of(item)]
    assert [c.value for c in categories_of("help with its missile programme")] == [
        "missile_technology"
    ]


def test_category_sentences_is_may_match_per_sentence() -> None:
    from pathlib import Path

    from pipeline.claims import _CATEGORY_WORDS, category_sentences
    from pipeline.grounding import sentence_spans
    from pipeline.prefilter import fold, may_match

    root = Path(__file__).resolve().parent.parent / "evals"
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "golden").glob("*.txt"))]
    texts.append("North Korea sent shells.\n\nRussia pays in oil, food and cash. No drones.")
    for text in texts:
        folded, spans = fold(text), sentence_spans(text)
        found = dict(category_sentences(folded, spans))
        for entry in _CATEGORY_WORDS:
            expected = [may_match(entry[1], folded[s:e]) for s, e in spans]
            # an entry is left out exactly when it may match in no sentence
            assert found.get(entry, [False] * len(spans)) == expected, entry[0]
            assert (entry in found) == any(expected)


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record_type", "label", "subtype"),
    [
        ("deployment", "около 6000 военных строителей", "construction_troops"),
        ("deployment", "1000 военнослужащих", "troops"),
        ("deployment", "11 000 северокорейских солдат", "troops"),
        ("deployment", "500 бойцов", "troops"),
        ("deployment", "северокорейский контингент в 12 000", "troops"),
        ("deployment", "до 1000 военных инженеров", "military_engineers"),
        ("deployment", "300 сотрудников инженерных войск", "military_engineers"),
        ("deployment", "1000 саперов", "deminers"),
        ("deployment", "до 1 500 сапёров", "deminers"),
        ("deployment", "200 минёров", "deminers"),
        ("deployment", "Тысячи рабочих", "workers"),
        ("deployment", "5000 северокорейских рабочих", "workers"),
        ("deployment", "около 200 медиков", "other"),
        ("deployment", "100 военных врачей", "other"),
        ("deployment", "60 инструкторов", "other"),
        ("casualty", "не менее 300 северокорейских военнослужащих погибли", "killed"),
        ("casualty", "около 1000 убитых", "killed"),
        ("casualty", "2 700 раненых", "wounded"),
        ("casualty", "40 были ранены", "wounded"),
        ("casualty", "около 50 пропали без вести", "missing"),
        ("casualty", "десятки пропавших", "missing"),
        ("casualty", "двое попали в плен", "captured"),
        ("casualty", "два взяты в плен", "captured"),
        ("casualty", "шестеро пленных", "captured"),
        ("casualty", "потери в 4 000 человек", "killed_or_wounded"),
        ("casualty", "более 4 тысяч убитыми и ранеными", "killed_or_wounded"),
        ("casualty", "300 северокорейских военнослужащих", None),
    ],
)
def test_russian_figures_own_words_name_their_kind(record_type, label, subtype):
    assert subtype_from_words(record_type, label) == subtype


def test_russian_north_korea_russia_and_scope_are_recognised():
    from pipeline.claims import mentions_korea, names_russia

    for text in (
        "КНДР направила войска",
        "в Северную Корею",
        "из Северной Кореи",
        "северокорейские солдаты",
        "северокорейских военных",
        "Пхеньян заявил",
        "Пхеньяну",
        "корейцы",
    ):
        assert mentions_korea(text), text
    for text in ("Россия", "в Россию", "из России", "РФ", "Москва", "Москве", "Кремль", "Кремлём"):
        assert names_russia(text), text
    assert names_north_korea("КНДР провела ракетные испытания") and names_russia("Москва")
    assert not names_russia("Пхеньян провёл парад")


def test_russian_exchange_categories_in_order():
    assert [c.value for c in categories_of("снаряды, ракеты и РСЗО")] == ["weapons"]
    assert [c.value for c in categories_of("артиллерийские боеприпасы")] == ["weapons"]
    assert [c.value for c in categories_of("системы ПВО и зенитные ракетные комплексы")] == [
        "air_defense"
    ]
    assert [c.value for c in categories_of("нефть, нефтепродукты и топливо")] == ["fuel"]
    assert [c.value for c in categories_of("продовольствие, зерно и продукты питания")] == ["food"]
    assert [c.value for c in categories_of("деньги, валюта и финансовая помощь")] == ["financial"]
    assert [c.value for c in categories_of("спутниковые и космические технологии")] == [
        "space_satellite"
    ]
    assert [c.value for c in categories_of("ядерные технологии")] == ["nuclear_technology"]
    assert [c.value for c in categories_of("ракетные технологии")] == ["missile_technology"]
    assert [c.value for c in categories_of("военные технологии")] == ["military_technology"]
    assert [c.value for c in categories_of("беспилотники и дроны")] == ["drones"]
    assert [c.value for c in categories_of("нефть и продовольствие")] == ["fuel", "food"]
    # nearly a category word, but not one
    assert categories_of("рабочая группа") == []


@pytest.mark.parametrize(
    ("context", "direction"),
    [
        ("Взамен Москва поставляет Пхеньяну нефть и системы ПВО.", ("Russia", "North Korea")),
        ("Россия передала КНДР зенитные комплексы.", ("Russia", "North Korea")),
        ("Пхеньян получает от Москвы нефть.", ("Russia", "North Korea")),
        ("КНДР поставила России миллионы снарядов.", ("North Korea", "Russia")),
        ("Северная Корея отправила в Россию ракеты.", ("North Korea", "Russia")),
        ("Россия получила от КНДР артиллерию.", ("North Korea", "Russia")),
        ("Кремль обещал Пхеньяну спутниковые технологии.", ("Russia", "North Korea")),
        ("Две страны подписали договор.", None),
    ],
)
def test_russian_direction_words(context, direction):
    assert direction_from_words(context) == direction


def test_russian_exchange_status_and_hedge_words():
    assert (
        exchange_status_from_words("Москва обещала Пхеньяну истребители.", ExchangeStatus.unknown)
        is ExchangeStatus.promised
    )
    assert (
        exchange_status_from_words(
            "Западные страны подозревают, что Россия помогает КНДР со спутниками.",
            ExchangeStatus.delivered,
        )
        is ExchangeStatus.suspected
    )
    assert (
        exchange_status_from_words("Россия передала КНДР нефть.", ExchangeStatus.unknown)
        is ExchangeStatus.delivered
    )
    assert infer_hedge("Разведка оценивает потери в 4000 человек.").value == "estimated"
    assert infer_hedge("Россия якобы передала КНДР технологии.").value == "alleged"
    assert infer_hedge("Министерство подтвердило гибель 300 солдат.").value == "confirmed"
    assert infer_hedge("КНДР планирует направить ещё 5000 военных.").value == "planned"
    assert (
        deployment_status_from_words("КНДР направит ещё 5000 военных.", DeploymentStatus.unknown)
        is DeploymentStatus.planned
    )


def test_russian_people_things_and_other_nations():
    from pipeline.claims import counts_other_people, counts_people_in_general, counts_things

    assert names_people("военные инструкторы") and names_people("рабочих")
    assert not names_people("снаряды") and not names_people("военные технологии")
    assert counts_things("96 беспилотников") and counts_things("40 дронов")
    assert counts_things("100 танков") and not counts_things("100 солдат")
    assert counts_other_people("300 российских военных")
    assert counts_other_people("более 200 украинских военнослужащих")
    assert counts_other_people("30 мирных жителей")
    assert counts_other_people("500 беженцев")
    assert not counts_other_people("300 северокорейских военных")
    assert counts_people_in_general("2 человека", "В Киеве ранены 2 человека.")
    assert not counts_people_in_general("6000 человек", "КНДР направила 6000 человек.")


def test_russian_deployment_direction_and_moves():
    from pipeline.claims import casualty_in_clause, deployment_direction, moves_people

    assert deployment_direction("Россия направила 60 инструкторов в КНДР.") == (
        "Russia",
        "North Korea",
    )
    assert deployment_direction("КНДР направила в Россию 6000 военных.") == (
        "North Korea",
        "Russia",
    )
    assert moves_people("Пхеньян планирует направить ещё 5000 военных")
    assert not moves_people("направленные 300 военных погибли")
    text = "По данным ВСУ, 300 северокорейских военных были убиты, ещё 2 700 ранены."
    at = text.index("300")
    assert casualty_in_clause(text, at, at + 3) == "killed"
    at = text.index("2 700")
    assert casualty_in_clause(text, at, at + 5) == "wounded"


def test_a_russian_source_named_with_a_nation_does_not_make_a_figure_someone_elses():
    from pipeline.claims import counts_other_people

    before = "Украинская военная разведка сообщила, что погибли не менее 1500 солдат КНДР, ещё "
    assert not counts_other_people("порядка 3 тысяч получили ранения", before)
    assert counts_other_people("3 тысячи", "По данным Киева, украинские военные потеряли ")


def test_russian_own_army_losses_containers_and_atomic_technology():
    from pipeline.claims import counts_other_people, counts_things, names_losses

    assert counts_other_people("1 200 военнослужащих", "Российская армия за сутки потеряла ")
    assert counts_things("более 20 000 контейнеров")
    assert names_losses("Российская армия потеряла 1 200 военнослужащих.")
    assert [c.value for c in categories_of("технологии для атомных подводных лодок")] == [
        "nuclear_technology"
    ]
    assert (
        exchange_status_from_words(
            "Москва, как сообщается, передаёт Пхеньяну технологии.", ExchangeStatus.delivered
        )
        is ExchangeStatus.suspected
    )


def test_russian_help_in_the_infinitive_gives_a_direction():
    from pipeline.status import states_a_transfer

    text = "Россия, как считают в Вашингтоне, может помочь КНДР в разработке подводной лодки."
    assert direction_from_words(text) == ("Russia", "North Korea")
    assert states_a_transfer(text)


def test_a_group_word_takes_the_kind_before_it_unless_it_sums_every_kind():
    from pipeline.claims import personnel_named_last

    part = "North Korea sent 5,000 military construction troops, and a second contingent of"
    assert personnel_named_last(part) == "construction_troops"
    total = (
        "The engineers are building fortifications. Their arrival brings the number of North "
        "Korean military personnel in Russia to"
    )
    assert personnel_named_last(total) == "troops"


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # the payer gives, in Spanish; a promise with no recipient named
        ("Rusia paga con petróleo, con trigo y con dinero en efectivo.", (True, False)),
        (
            "Además, Moscú se ha comprometido a entregar helicópteros de ataque Mi-28.",
            (True, False),
        ),
        # Italian verbs of giving, both ways
        ("La Russia ha fornito alla Corea del Nord petrolio raffinato.", (True, False)),
        ("Pyongyang ha consegnato alla Russia milioni di proiettili.", (False, True)),
    ],
)
def test_exchange_directions_in_spanish_and_italian(text, cues):
    from pipeline.claims import direction_cues

    assert direction_cues(text) == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # the giver alone, with no recipient named, in English; not to a third state
        ("Russia has delivered more than a million barrels of refined petroleum.", (True, False)),
        ("Russia has also handed over Pantsir air-defence systems.", (True, False)),
        ("Russia has delivered S-400 systems to India.", (False, False)),
        # the payer pays the other state, in Italian with "ricambiare"
        ("Moscow is paying Pyongyang in rubles and hard currency.", (True, False)),
        ("Il NIS ritiene che Mosca abbia ricambiato con denaro contante.", (True, False)),
        ("La Russia ha spedito oltre confine gasolio e benzina.", (True, False)),
        # ships that call at a North Korean port
        ("Tankers that called at Rajin delivered refined petroleum products.", (True, False)),
    ],
)
def test_the_giver_alone_the_payer_and_a_port_of_call_give_a_direction(text, cues):
    from pipeline.claims import direction_cues

    assert direction_cues(text) == cues


@pytest.mark.parametrize(
    "text",
    [
        "Взамен Пхеньян, по данным NIS, получает нефтепродукты и продовольствие.",
        "Pyongyang, according to the NIS, has received refined oil.",
    ],
)
def test_the_recipient_with_an_aside_before_its_verb(text):
    from pipeline.claims import direction_cues

    assert direction_cues(text) == (True, False)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # a source, not a destination
        ("Wheat was shipped to Rason, according to Russian customs data.", (False, False)),
        ("Shells were sent to Russian forces near Kursk.", (False, True)),
        (
            "des systèmes Pantsir, que la Russie aurait installés autour de Pyongyang",
            (True, False),
        ),
    ],
)
def test_according_to_russian_data_is_no_destination(text, cues):
    from pipeline.claims import direction_cues

    assert direction_cues(text) == cues
