"""Which articles reach the model at all (pipeline.scope)."""

import pytest

from pipeline.extract import extract_article
from pipeline.scope import in_scope
from pipeline.sources import Article
from tests.fakes import fake_backend


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang sent troops to Kursk.",
        "N. Korea sends troops to Russia",
        "KPA units in Kursk",
        "About 300 North Korean soldiers have been killed in Russia's Kursk region.",
        "Russia is helping North Korea with its satellite programme.",
        "North Korea has shipped millions of shells to Russia, and Moscow paid in oil.",
        "North Korea receives refined oil from Russia, officials said.",
        "Ukraine says Russia fired North Korean KN-23 missiles at Kyiv overnight.",
        # the act and Russia in neighbouring sentences
        "Pyongyang has now sent about 14,000 soldiers. Most are fighting in the Kursk region.",
        "The war in Ukraine drags on. North Korea has delivered 12 million shells, Seoul says.",
        "Some 20,000 North Koreans work on Russian construction sites.",
        # another nation's people in the sentence do not hide North Korea's
        "Pyongyang sent 11,000 troops to fight beside Russian soldiers in Kursk.",
        "Moscow could share know-how on naval reactors, which Pyongyang needs.",
        "Russia is sharing military technology with North Korea, Seoul says.",
        # North Korea named in the article, an epithet in the tying sentence
        "North Korea is isolated. The North's soldiers are part of the Kremlin's war machine.",
        "North Korea said nothing. Moscow has supplied Kim's regime with oil.",
        "North Korea is poor. The reclusive state has sent soldiers to fight for Russia.",
        "Nordkorea schweigt. Moskau hilft dem Norden beim Bau eines U-Boots.",
        "Nordkorea schickt Soldaten nach Russland.",
        "Nordkoreanische Granaten werden in der Ukraine eingesetzt, sagte Moskau.",
        "La Corée du Nord a envoyé des ouvriers en Russie.",
        "Corea del Norte ha enviado tropas a Rusia.",
        "Ucrania dice que Rusia usa misiles norcoreanos.",
        "Según Kiev, los norcoreanos luchan en la región rusa de Kursk.",
        "Пхеньян направил войска в Курскую область.",
        "Москва получает снаряды из КНДР.",
        # an interview's question names North Koreans, its answer the soldiers and the war
        "How many North Koreans are there now?\n\nSeoul said it was roughly 11,000 soldiers, "
        "mostly in the Kursk region.",
    ],
)
def test_a_sentence_tying_north_korea_to_russia_puts_an_article_in_scope(text):
    assert in_scope(text)


@pytest.mark.parametrize(
    "text",
    [
        # one state only
        "North Korea test-fired two missiles into the East Sea on Monday.",
        "Seoul said South Korean troops would not go to Ukraine.",
        "Russia recruited 1,000 Cubans for the war in Ukraine.",
        "Москва получает снаряды.",
        "КНДР провела ракетные испытания в Японском море.",
        # both states, nothing tying them
        "the DPRK and Russia",
        "North Korea shows off its biggest missile yet as Russia blocks a UN statement.",
        "Russia's ambassador in Pyongyang watched families receive their keys.",
        "Russia's envoy said pressure on Pyongyang leads nowhere.",
        "Russian tourists have visited North Korea's new beach resort.",
        # an epithet needs North Korea named somewhere in the article
        "The North's soldiers are part of the Kremlin's war machine.",
        # "given" is a preposition as often as a verb, and case tells the North from the north
        "Russia understands Pyongyang's logic, given the build-up of US power in the region.",
        "North Korea held a parade. Troops from the north of Russia were sent to Kursk.",
        # a demonym after a noun is an adjective, not people
        "Acróbatas norcoreanos arrasan en el festival de circo de Moscú.",
        # the tie and Russia are sentences apart, and no act reaches across
        "North Korea has 1.2 million soldiers. Russia's army is growing. Moscow is far away.",
        # an act in one sentence, North Korea in another
        "Russia sent aid to Cuba. North Korea held a parade.",
        # an act needs people or goods to move: sports teams are neither
        "Moscú ha enviado equipos juveniles de fútbol y hockey a torneos en Pionyang.",
        # sending home is no act toward Russia
        "A UN resolution ordered North Korea's workers abroad sent home. Russia vetoed its panel.",
        # another nation's people are not North Korea's
        "A parade brought 1,200 Russian servicemen onto the square, watched by North Korea's "
        "military attache in Moscow.",
        "Builders on the Russian side of the bridge between Russia and the DPRK set its last span.",
        # people who fled are no one's support
        "Fewer North Koreans reached the South this year, and Russia is sending defectors back.",
        # North Koreans named with Russia, but nobody sent, working, fighting or lost
        "Russia's envoy said the meeting would do nothing for ordinary North Koreans.",
        # a question and an answer with no people or losses in it
        "Is North Korea worried?\n\nRussia's war economy keeps growing, he said.",
        # a sentence that finds no sign of a tie
        "Les chercheurs n'ont trouvé « aucune trace » d'ouvriers nord-coréens sur des chantiers "
        "russes en Afrique.",
        "Researchers found no evidence of North Korean workers at Russian sites in Africa.",
        # a parade is North Korea's own soldiers at home, whoever watches it
        "Парад у Пхеньяні: 13 тисяч військових і російська делегація на трибуні",
        "North Korea held a parade of 13,000 soldiers as a Russian delegation looked on.",
        # a typhoon's dead and homeless
        "Typhoon Jongdari kills at least 14 in North Korea, floods Russia's Primorye\n\n"
        "A typhoon tore into Russia's Primorye region over the weekend, killing at least 14 "
        "people in North Korea and two in Russia.\n\n"
        "North Korea's state news agency KCNA said that 14 people had died and 23 were missing "
        "in the special economic zone of Rason, where more than 4,600 homes were flooded and "
        "some 11,000 hectares of rice paddies were under water.",
    ],
)
def test_naming_both_states_is_not_enough(text):
    assert not in_scope(text)


def test_an_article_out_of_scope_gets_no_model_call():
    text = (
        "PYONGYANG - A Russian delegation watched on Saturday as North Korea paraded its "
        "newest missiles. About 15,000 soldiers marched past Kim Jong Un, and 50,000 people "
        "filled the square."
    )
    # the same figures, tied to Russia by an act in the next sentence, would reach the model
    assert in_scope(text.replace("marched past", "were sent to fight for Moscow, said"))
    backend, replay = fake_backend([])  # any call would fail: it has nothing to answer with
    summary = extract_article(Article(id="parade", text=text), backend, strict=True)
    assert replay.requests == []
    assert (summary.deployments, summary.casualties, summary.exchanges) == ([], [], [])


@pytest.mark.parametrize(
    "text",
    [
        # receiving visitors is no act on people; soldiers among them tie nothing
        "The war in Ukraine goes on. The museum receives 200,000 visitors a year, most of them "
        "North Korean soldiers.",
        # a state's own forces by the possessive
        "Asked about the treaty with North Korea, he said Russia's armed forces rely on their own "
        "citizens.",
    ],
)
def test_received_visitors_and_a_states_own_forces_tie_nothing(text):
    assert not in_scope(text)


@pytest.mark.parametrize(
    ("text", "tied"),
    [
        # an office's title names no soldier
        (
            "North Korea's consul general in Nakhodka spoke of the friendship between Pyongyang "
            "and Moscow under their 2024 treaty.",
            False,
        ),
        ("The UN General Assembly heard North Korea and Russia defend their 2024 treaty.", False),
        ("A North Korean general was killed in Russia's Kursk region, Kyiv said.", True),
        # Russia's own people, or the people of the place an act happens, in Russian or
        # Ukrainian
        (
            "Москва і Пхеньян підписали договір, а російські військові інженери відвідали Лаос, "
            "щоб навчати місцевих саперів.",
            False,
        ),
        (
            "Москва і Пхеньян підписали договір, а північнокорейські військові інженери "
            "розміняють Курщину.",
            True,
        ),
        (
            "Moscow and Pyongyang signed a treaty, and Russian engineers train local deminers.",
            False,
        ),
        # a sentence dated by the Korean War is history
        (
            "After the armistice, Moscow wrote off North Korean debts and granted 1 billion "
            "roubles in aid to rebuild factories.",
            False,
        ),
        ("Moscow wrote off North Korean debts and granted 1 billion roubles in aid.", True),
    ],
)
def test_titles_and_other_peoples_soldiers_tie_nothing(text, tied):
    assert in_scope(text) is tied


def test_sending_money_home_ties_nothing():
    text = (
        "Unlike the Central Asians working in Moscow, the North Korean women cannot send money "
        "home themselves."
    )
    assert not in_scope(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's hackers are another threat. Pyongyang's hackers stole $6 billion, money that "
        "helps pay for its missile programme.",
        "Russia's hackers are another threat. Several thousand North Korean IT workers hold "
        "remote jobs, most of them working from China and Laos and sending their pay to the state.",
    ],
)
def test_its_own_programme_and_workers_in_a_third_country_tie_nothing(text):
    assert not in_scope(text)


@pytest.mark.parametrize(
    "text",
    [
        # history: the only tie is dated before 1990
        "Seoul's volunteers fought near Kharkiv. Lee referred to the 1950 attack in which North "
        "Korean forces, armed by Moscow, overran most of the South within weeks.",
        # clauses a semicolon joins are separate claims
        "Russia-Ukraine war live: 14 killed in Zaporizhzhia strike; North Korea fires two "
        "missiles as allies' drills begin",
        # readers' comments and a most-viewed list are page furniture
        "Drills began in the Yellow Sea on Monday, with 40 ships taking part.\n\nComments (12)\n"
        "kursk_watch: Nobody mentions the 30,000 North Korean soldiers dug in near Kursk.\n\n"
        "Most viewed\n1. North Korea 'has sent 12,000 troops to Russia', Seoul says\n",
    ],
)
def test_history_joined_clauses_and_page_furniture_tie_nothing(text):
    assert not in_scope(text)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea has sent about 12,000 troops; Russia deployed them in the Kursk region.",
        "In 2024 North Korea sent troops to Russia, its first war since 1953.",
    ],
)
def test_a_tie_across_a_semicolon_or_beside_an_old_year_still_counts(text):
    assert in_scope(text)
