"""Which articles can hold troopwatch records at all, decided before any model call.

Every record ties North Korea to Russia or its war: North Koreans sent there or lost there, goods
or help moving between the two. An article is in scope when it names North Korea itself and one of
its sentences ties the two: it names North Korea (or calls it "the North", "Kim's regime"),
Russia (or Moscow, the Kremlin, Kursk, the war in Ukraine) and a word for what ties them: people
sent, fighting or lost, or goods moved, paid for or given. An act may reach Russia named in the
next or previous sentence. Naming both states is not enough: a parade watched by a Russian
delegation, a flood that Moscow sent condolences for or a circus tour of Russia name both, and a
small model reads records into their numbers. An article out of scope gets no model call and
no records.
"""

from __future__ import annotations

import re

from pipeline.claims import (
    FUNDS_ITS_OWN,
    WAR_PLACES,
    categories_of,
    names_a_third_country,
    names_north_korea,
    names_russia,
    names_russia_or_war,
    refers_to_north_korea,
)
from pipeline.clean import clean_text
from pipeline.grounding import sentence_spans
from pipeline.prefilter import any_match, cyrillic, finditer

# Words for what ties the two states together in a record. Goods alone ("missile", "oil") are
# not here: "North Korea shows off its biggest missile as Russia blocks a UN statement" ties
# nothing. Goods count when something moves them (_ACTS) or when they are North Korea's own
# (_NORTH_KOREAN_GOODS).
_PEOPLE_AND_LOSSES = re.compile(
    r"\b(troops?|soldiers?|servicemen|service members|personnel|forces|contingents?|"
    r"battalions?|units?|officers|generals?|engineers|sappers|deminers|builders|workers|"
    r"labou?rers|labou?r|mercenar\w+|recruits|fighters|casualt\w+|dead|deaths?|prisoners?|"
    r"POWs?|losses|"
    r"truppen|soldaten|armee|arbeiter|arbeitskräfte|pioniere|verluste|tote|"
    r"troupes|soldats|militaires|ouvriers|travailleurs|morts|prisonniers|pertes|"
    r"tropas|soldados|militares|obreros|trabajadores|zapadores|desminadores|muertos|heridos|"
    r"prisioneros|bajas|"
    # Italian
    r"truppe|soldati|militari|operai|lavoratori|genieri|artificieri|sminatori|morti|feriti|"
    r"prigionieri|perdite)\b",
    re.IGNORECASE,
)
# Acts that tie the two even when Russia or its war is named in the next or previous sentence:
# "Pyongyang has now sent about 14,000 soldiers. Most are fighting in the Kursk region."
# Sending home is not one: "ordered all North Korean workers abroad to be sent home".
_ACTS = re.compile(
    # not sending home: "cannot ... send money home themselves"
    r"\b(deploy\w*|dispatch\w*|sent(?!(?:\s+\w+){0,2}?\s+(?:home|back)\b)|"
    r"send\w*(?!(?:\s+\w+){0,2}?\s+(?:home|back)\b)|"
    r"gives?|gave|giving|provid\w+|"
    r"suppl(?:y|ies|ied|ying|iers?)|deliver\w*|ship(?:s|ped|ping|ments?)|transfer\w*|"
    r"help\w*|assist\w*|aid|shar(?:e|es|ed|ing)|in exchange|in return|pay\w*|paid|bought|"
    r"hard currency|"
    r"buy\w*|purchas\w+|"
    r"import\w*|export\w*|fought|fighting|killed|wounded|"
    r"injured|died|captured|"
    # German
    r"kämpf\w+|entsand\w*|entsend\w*|geschickt|schickt|gefallen\w*|getötet\w*|verwundet\w*|"
    r"gefangen\w*|lieferung\w*|geliefert|liefert|hilft|hilfe|gegenleistung|"
    r"unterstützt|"
    # French
    r"combatt\w+|envoy(?:é|ée|és|ées|er|ait)|envoie\w*|déploy\w*|tués|blessés|"
    r"livr(?:é|ée|és|ées|er|e|ent|aisons?)|aide|fourni\w*|partag\w+|en échange|"
    # Spanish
    r"combat\w+|luch(a|an|aron|ó|ando)|enviad\w*|envió|envía|desplegad\w*|despliegue|"
    r"entreg\w+|ayuda|"
    r"suministr\w+|compart\w+|a cambio|"
    # Italian
    r"inviat[oiae]|invia|inviano|inviare|mandat[oiae]|schierat[oiae]|dispiegat[oiae]|"
    r"fornit[oiae]|fornisce|forniscono|consegnat[oiae]|aiut\w+|uccisi|feriti|catturati|"
    r"in cambio)\b",
    re.IGNORECASE,
)
_RU_PEOPLE_AND_LOSSES = re.compile(
    r"войск|солдат|военнослужащ|рабоч|плен|потер|северокорейц|"
    r"військ|робітник|полон|втрат|північнокорейц|сапер|будівельник",
    re.IGNORECASE,
)
_RU_ACTS = re.compile(
    r"направ|отправ|воева|воюю|погиб|убит|ранен|постав|помощ|"
    r"відправ|воюва|воюют|загин|загибл|вбит|поранен|постача|допомог|передал|передає",
    re.IGNORECASE,
)
# North Korea's own goods named as such: "North Korean shells", "misiles norcoreanos".
_GOODS = (
    r"(shells?|munitions?|ammunition|artillery|missiles?|rockets?|weapons?|arms|launchers?|"
    r"howitzers?|granaten|munition|raketen|waffen|obus|missiles|armes|roquettes|proyectiles|"
    r"municiones|misiles|armas|cohetes)"
)
_NORTH_KOREAN_GOODS = re.compile(
    rf"\b(north korean(?:-made)?|nordkoreanisch\w*|nord-coréen\w*|norcorean\w*)\s+"
    rf"(?:[\w-]+\s+){{0,2}}{_GOODS}\b|\b{_GOODS}\s+(?:[\w-]+\s+){{0,2}}"
    r"(nord-coréen\w*|norcorean\w*)\b",
    re.IGNORECASE,
)
# Receiving ties the two only when what is received is named: "North Korea receives oil from
# Russia", not "diplomats watched families receive their keys".
_RECEIVES = re.compile(
    r"\b(receiv\w+|obtain\w*|acquir\w+|erhält|erhielt|bekommt|bekam|reçu\w*|reçoit|"
    r"recib\w+)\b|получ",
    re.IGNORECASE,
)
# Goods an act may move that name no exchange category of their own: "Moscow helps the North
# build a submarine", "sharing military technology".
_GOODS_MOVED = re.compile(
    rf"\b({_GOODS}|technolog\w*|know-how|expertise|equipment|hardware|supplies|submarines?|"
    r"warships?|aircraft|jets?|u-boot\w*|technik|technologie\w*|ausrüstung|matériel|"
    r"équipements?|sous-marins?|tecnolog\w*|submarinos?|equipamiento)\b",
    re.IGNORECASE,
)
_RU_NORTH_KOREAN_GOODS = re.compile(
    r"северокорейск\w*\s+(?:\w+\s+){0,2}(снаряд|боеприпас|ракет|оруж|артиллер)", re.IGNORECASE
)


def in_scope(text: str) -> bool:
    """Whether an article can hold troopwatch records: it names North Korea, and one of its
    sentences ties North Korea (by name or epithet) to Russia or its war (``ties_north_korea``)."""
    if not (names_russia_or_war(text) and names_north_korea(text)):
        return False  # the cheap test first: most unrelated articles fail it
    # page furniture (readers' comments, lists of other stories' headlines) is not the article
    text = clean_text(text)
    # clauses a semicolon joins are separate claims ("14 killed in Zaporizhzhia strike; North
    # Korea fires two missiles"); the next one is still a neighbour
    sentences = [
        clause for start, end in sentence_spans(text) for clause in text[start:end].split(";")
    ]
    for i, sentence in enumerate(sentences):
        if (
            not refers_to_north_korea(sentence)
            or _HISTORY.search(sentence)
            or any_match(_NO_SIGN, sentence)
            or any_match(_PARADE, sentence)
        ):
            continue
        if names_russia_or_war(sentence) and ties_north_korea(sentence, acts_only=False):
            return True
        # an act (sent, fighting, killed, delivered) reaches Russia named next door
        neighbours = " ".join(sentences[max(0, i - 1) : i + 2])
        if ties_north_korea(sentence, acts_only=True) and names_russia_or_war(neighbours):
            return True
        # an interview's question names North Koreans, its answer the people and the war: "How
        # many North Koreans are there now?" "... roughly 11,000 soldiers, mostly in Kursk."
        answer = sentences[i + 1] if i + 1 < len(sentences) else ""
        if (
            sentence.rstrip().endswith("?")
            and names_russia_or_war(answer)
            and ties_north_korea(answer, acts_only=False)
        ):
            return True
    return False


# A sentence about history: a year before 1990 and none after ("the 1950 attack in which North
# Korean forces, armed by Moscow, overran most of the South").
_HISTORY = re.compile(
    r"^(?!.*\b(199\d|20\d\d)\b).*((\b(in|of|since|until|im|seit|en|desde|de|в)\s+|"
    r"\bthe\s+(?=1[89]\d\d\s+(attack|war|invasion|armistice|treaty)))(1[89]\d\d)\b|"
    # ... or dated by the Korean War: "After the armistice, Moscow wrote off North Korean debts"
    r"\b(after|during|before)\s+the\s+(armistice|Korean\s+War)\b)",
    re.DOTALL | re.IGNORECASE,
)


# A sentence that finds no sign of a tie ties nothing: "Researchers found 'no trace' of North
# Korean workers on Russian sites in Africa".
_NO_SIGN = re.compile(
    r"\b(no|not any|found no)\s+(trace|sign|evidence|indication)s?\b|"
    r"\b(aucune?|pas de)\s+(\W+\s*)?(trace|preuve|signe|indice)s?\b|"
    r"\b(keine|keinerlei)\s+(Spur|Hinweis|Beweis|Beleg)\w*|"
    r"\b(ningún|ninguna|sin)\s+(rastro|prueba|indicio|señal)\w*|"
    r"\b(nessuna|nessun)\s+(traccia|prova|indizio|segno)\w*|"
    r"\b(никаких|нет)\s+(следов|доказательств|признаков)|"
    r"\b(жодних|немає)\s+(слідів|доказів|ознак)",
    re.IGNORECASE,
)
# A parade is North Korea's own soldiers at home, whoever watches it: "13 тисяч військових і
# російська делегація на трибуні"; the dead and homeless of a typhoon or a flood are no one's
# support either.
_PARADE = re.compile(
    r"\b(parades?|paraded|march(ed)? past|défilé\w*|desfile\w*|Parade\w*|parata|"
    r"парад\w*|typhoons?|floods?|flood(ed|ing)|inundated|earthquakes?|Taifun\w*|Hochwasser|"
    r"Überschwemmung\w*|"
    r"inondations?|typhon\w*|inundaci\w*|tif[oó]n\w*|alluvion\w*|tifone|тайфун\w*|"
    r"наводнени\w*|повін\w*)\b",
    re.IGNORECASE,
)
# Another nation's people: "brought 1,200 Russian servicemen onto the central square".
_OTHER_NATIONS_BEFORE = re.compile(
    r"\b(Russian|Ukrainian|South Korean|Chinese|American|US|British|Belarusian|Japanese|"
    r"russische\w*|ukrainische\w*|russes?|ukrainiens?|rusos?|ucranianos?|"
    # the people of the place where the act happens: "to train local deminers"
    r"local|lokale\w*|locaux|locales|locali|"
    # a state's own: "Russia's armed forces rely on their own citizens"
    r"(Russia|Ukraine|China|America|Moscow|Kyiv)['’]s(\s+(own|armed|regular|professional))?)"
    r"\s+$",
    re.IGNORECASE,
)
# ... or named after the noun: "Builders on the Russian side of the road bridge", "workers from
# Uzbekistan".
_OTHER_NATIONS_AFTER = re.compile(
    r"\s+(on\s+the\s+(Russian|Ukrainian|Chinese|South\s+Korean)\s+side|"
    r"from\s+(Russia|Ukraine|China|South\s+Korea|Central\s+Asia|Uzbekistan|Tajikistan|"
    r"Kyrgyzstan|Belarus))\b",
    re.IGNORECASE,
)
# North Koreans who flee are no one's support: "a rights group warned that Russia was now
# sending asylum seekers back to Pyongyang".
_FLEEING = re.compile(
    r"\b(asylum|defect\w*|refugees?|Asyl\w*|Flüchtling\w*|Überläufer\w*|asile|réfugiés?|"
    r"transfuges?|asilo|refugiados?|desertores)\b",
    re.IGNORECASE,
)


# North Koreans by their demonym are people an act must move or lose: "Some 20,000 North
# Koreans work on Russian construction sites", not "would do nothing for ordinary North Koreans".
_NORTH_KOREANS_AS_NOUN = re.compile(
    r"\b(north koreans|nordkoreaner\w*|"
    # French and Spanish demonyms are nouns (people) after a determiner, else adjectives
    r"(?:les|des|aux|los|las|unos|unas)\s+(?:nord-coréen(?:ne)?s|norcorean[oa]s))\b",
    re.IGNORECASE,
)


# "General" in an office's title names no soldier: "North Korea's consul general in Nakhodka",
# "the UN secretary-general", "the General Assembly".
_TITLE_BEFORE = re.compile(
    r"\b(consul|secretary|attorney|director|governor|inspector|surgeon|solicitor|postmaster|"
    r"procureur|secrétaire|secretario|segretario)[\s-]+$",
    re.IGNORECASE,
)
_NOT_A_GENERAL_AFTER = re.compile(r"\s+(Assembly|Assemblée|Asamblea|Assemblea|Consul)\b", re.I)
# Russia's or Ukraine's own people in Russian or Ukrainian, or the people of the place where an
# act happens: "російські військові інженери ... відвідали Лаос, щоб навчати місцевих саперів".
_RU_OTHER_NATIONS_BEFORE = re.compile(
    r"(российск|русск|украинск|російськ|українськ|местн|місцев)\w*\s+(\w+\s+)?$", re.IGNORECASE
)


def _names_own_people(sentence: str) -> bool:
    """Whether a sentence names people or losses that may be North Korea's, not another
    nation's ("1,200 Russian servicemen", "російські військові") or an office's title ("the
    consul general")."""
    if cyrillic(sentence) and any(
        not _RU_OTHER_NATIONS_BEFORE.search(sentence, 0, found.start())
        for found in finditer(_RU_PEOPLE_AND_LOSSES, sentence)
    ):
        return True
    return any(
        not _OTHER_NATIONS_BEFORE.search(sentence, 0, found.start())
        and not _OTHER_NATIONS_AFTER.match(sentence, found.end())
        and not (
            found.group().lower().startswith("general")
            and (
                _TITLE_BEFORE.search(sentence, 0, found.start())
                or _NOT_A_GENERAL_AFTER.match(sentence, found.end())
            )
        )
        for found in finditer(_PEOPLE_AND_LOSSES, sentence)
    )


def ties_north_korea(sentence: str, *, acts_only: bool) -> bool:
    """Whether a sentence has a word for what a record ties North Korea to Russia by: an act
    (sent, fighting, lost, delivered, paid for, given, received) done to people or goods the
    sentence names, or, unless ``acts_only``, people and losses ("troops", "casualties") or
    North Korea's own weapons ("North Korean shells"). An act alone ties nothing: "Moscow has
    sent youth football teams to tournaments in Pyongyang"."""
    fled = any_match(_FLEEING, sentence)  # people who fled tie nothing
    people = not fled and _names_own_people(sentence)
    own_goods = any_match(_NORTH_KOREAN_GOODS, sentence) or (
        cyrillic(sentence) and any_match(_RU_NORTH_KOREAN_GOODS, sentence)
    )
    if not acts_only and (people or own_goods):
        return True
    koreans = not fled and any_match(_NORTH_KOREANS_AS_NOUN, sentence)
    present = any_match(_PRESENT_AT_WORK, sentence) or _AT_WAR.search(sentence)
    if not acts_only and koreans and present:
        return True  # "Some 20,000 North Koreans work on Russian construction sites", "How
        # many North Koreans are facing you in Russia's Kursk region now?"
    acts = any_match(_ACTS, sentence) or (cyrillic(sentence) and any_match(_RU_ACTS, sentence))
    goods = (any_match(_GOODS_MOVED, sentence) or bool(categories_of(sentence))) and not (
        # "money the United Nations says helps pay for its missile programme": its own
        _OWN_PROGRAMME.search(sentence)
    )
    if (people or koreans) and names_a_third_country(sentence) and not names_russia(sentence):
        people = koreans = False  # "IT workers ... working from China and Laos"
    if acts and (people or koreans or own_goods or goods):
        return True
    # receiving ties goods, not people: "The museum receives around 200,000 visitors a year,
    # most of them North Korean soldiers and students"
    return any_match(_RECEIVES, sentence) and (own_goods or goods)


# A state's own programme that money pays for.
_OWN_PROGRAMME = re.compile(rf"{FUNDS_ITS_OWN}(\S+\s+){{0,2}}program", re.IGNORECASE)
# The war's places and fronts: North Koreans there are at war.
_AT_WAR = re.compile(
    rf"\b({WAR_PLACES}|front\s*lines?|battlefield|trenches|Front|frente)\b",
    re.IGNORECASE,
)
# Work that puts North Koreans somewhere: "North Koreans work on Russian construction sites".
_PRESENT_AT_WORK = re.compile(
    r"\b(work|works|working|worked|employed|stationed|serv(e|es|ing|ed)|arbeite\w*|"
    r"travaill\w*|trabaj\w*|station\w*)\b",
    re.IGNORECASE,
)
