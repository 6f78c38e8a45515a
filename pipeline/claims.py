"""Claim attributes that code reads from the evidence sentence instead of asking the model.

Both functions are small lexicons (English, German, French, Spanish and Russian): hedge words
are few and stable, and reading them by code costs no tokens and cannot drift between runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.prefilter import any_match, cyrillic, finditer, fold, may_match, may_match_in
from schemas.records import DeploymentStatus, ExchangeCategory, ExchangeStatus, Hedge

_HEDGES: list[tuple[Hedge, re.Pattern[str]]] = [
    (
        Hedge.planned,
        re.compile(
            r"\b(will|would|is to|are to|expected|expects|planned|plans?|preparing|prepares|"
            r"could be sent|may be sent|next (week|month|year)|future|soll|sollen|geplant|"
            r"erwartet|werden)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Hedge.alleged,
        re.compile(
            r"\b(allegedly|alleged|believed|suspected|reportedly|claims?|claimed|accused|"
            r"purportedly|mutmaßlich|angeblich|vermutlich|soll(en)? .{0,40} haben)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Hedge.estimated,
        # "roughly", "about" hedge the number (the count's qualifier), not the claim
        re.compile(
            r"\b(estimates?|estimated|assess(es|ed|ment)|schätz\w*)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Hedge.confirmed,
        re.compile(
            r"\b(confirmed|confirms|acknowledged|admitted|officially|bestätigt\w*)\b", re.IGNORECASE
        ),
    ),
]


def infer_hedge(sentence: str, status: DeploymentStatus | None = None) -> Hedge:
    """How firmly the sentence makes its claim: planned, alleged, estimated, confirmed, reported."""
    if status is DeploymentStatus.planned:
        return Hedge.planned
    folded = fold(sentence)  # most sentences hold no hedge word: may_match rules them out
    for hedge, pattern in _HEDGES_ALL if cyrillic(sentence) else _HEDGES:
        if hedge is Hedge.planned and status is not None:
            continue  # a deployment's status already says whether it lies in the future
        if may_match(pattern, folded) and pattern.search(sentence):
            return hedge
    return Hedge.reported


# Missiles by name or by designation: "the accuracy of the KN-23".
_MISSILES = r"missiles?|misiles?|missil[ei]|mísseis|míssil|Raketen?|KN-\d+\w*|Hwasong-\d+\w*"
_CATEGORY_WORDS: list[tuple[ExchangeCategory, re.Pattern[str]]] = [
    (
        ExchangeCategory.air_defense,
        re.compile(
            r"air[- ]?defen[cs]e|anti-aircraft|luftabwehr|flugabwehr|défense a[ée]rienne|"
            # systems by name: "at least one Pantsir battery"
            r"Pantsir\w*|S-[34]00|"
            r"radars?|radares|radarsysteme?|"
            r"antia[ée]r\w*|defensa a[ée]rea|antiaere\w*|difesa aerea",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.electronic_warfare,
        re.compile(
            r"electronic[- ]warfare|jamm|elektronische "
            r"kampf|guerre électronique|guerra electrónica|guerra elettronica",
            re.IGNORECASE,
        ),
    ),
    (ExchangeCategory.drones, re.compile(r"drone|uav|unmanned|drohne|dron", re.IGNORECASE)),
    (
        ExchangeCategory.space_satellite,
        re.compile(
            r"satellite|space|launch vehicle|\w*satellit\w*|satélite|spatial|espacial",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.nuclear_technology,
        re.compile(r"nuclear|reactor|atom|nuklear|nucléaire|nucleare|reattor", re.IGNORECASE),
    ),
    (
        ExchangeCategory.missile_technology,
        re.compile(
            r"missile (technology|guidance|know|"
            r"design|engine)|rocket engine|"
            # "technology related to nuclear weapons or ballistic missiles"
            r"technolog\w*\s+(related to|for|on)\s+(\w+\s+){0,4}?(ballistic\s+)?missiles|"
            # "technology that could advance the DPRK's satellite and ballistic missile programmes"
            r"technolog\w*\s+([\w'’-]+\s+){0,8}?(ballistic\s+)?missile\s+program|"
            r"missile program(me)?s?\b|"
            # "une aide au programme balistique nord-coréen", "Raketenprogramm"
            r"(programme|programa|programma)\s+(balistique|balístico|balistico|de misiles|"
            r"de missiles|missilistico|de mísseis)|Raketenprogramm\w*|"
            # "the guidance systems of its Hwasong-series ballistic missiles"
            r"guidance(\s+(systems?|technology|kits?))?\s+(of|for)\s+([\w'’-]+\s+){0,4}?"
            r"(ballistic\s+)?missiles|guidance\s+(systems?|technology|kits?)|"
            r"raketentechn\w*|Raketen-?Know-how|technologie (de )?missiles?|tecnología de misiles|"
            r"tecnologia de mísseis|"
            r"tecnologia missilistica|"
            # guidance and accuracy: "bei der Lenkung seiner Raketen", "improve the accuracy of
            # its missiles", "mejorar la precisión de sus misiles"
            r"Lenkung\s+(\w+\s+){0,2}Raketen|Raketenlenkung|Lenksystem\w*|"
            r"guidage\s+(de\s+ses|des|de\s+leurs)\s+missiles|"
            # "a orientação dos mísseis balísticos", "la guía de sus misiles", "la guida dei
            # missili"
            r"(orientação|guiagem|guía|guiado|guida)\s+(dos|de\s+seus|de\s+sus|de\s+los|dei|"
            r"delle)\s+(mísseis|misiles|missili)|"
            # help to develop them: "aider la Corée du Nord à perfectionner ses missiles
            # balistiques", "improve its ballistic missiles"
            r"(perfectionner|améliorer|développer|perfeccionar|desarrollar|mejorar|aperfeiçoar|"
            r"desenvolver|melhorar|migliorare|sviluppare|perfezionare|verbessern|entwickeln|"
            r"improve|develop|perfect|upgrade)\s+([\w'’-]+\s+){0,3}?(ballistic\s+)?"
            rf"({_MISSILES})\b|"
            r"(accuracy|precision|precisión|précision|Präzision|Treffgenauigkeit|precisione|"
            r"precisão)\s+"
            r"(of|de|des|der|dei|della|dos)\s+([\w'’-]+\s+){0,3}?"
            rf"({_MISSILES})\b",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.fuel,
        re.compile(
            # "sunflower oil" is food
            r"\b(?<!sunflower )(?<!vegetable )(?<!cooking )(?<!edible )(?<!palm )(?<!soybean )"
            r"(oil|fuel|petroleum|diesel|gasoline|petrol|gas)\b|"
            r"\w*öl\b|\böl\w+|\w*öl(produkt|lieferung)\w*|treibstoff|kraftstoff|benzin|pétrole|"
            # "des produits pétroliers raffinés" (but "des pétroliers" alone are tankers)
            r"produits pétroliers|"
            r"carburant|petróleo|combustible|petrolio|carburante|gasolio|petrol[ií]fer\w*|"
            # Portuguese
            r"combustível|combustíveis|gasóleo|derivados de petróleo",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.food,
        re.compile(
            r"\b(food\w*|grain|wheat|rice|flour|maize|corn|(sunflower|vegetable|cooking|edible|"
            r"palm|soybean) oil)\b|"
            r"lebensmittel|nahrung|getreide|weizen|mehl|nourriture|céréales|blé|farine|"
            r"alimentos|trigo|harina|cereales|denrées|vivres|alimentaires|grano|farina|cibo|"
            r"alimentari|cereali|farinha|cereais|comida",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.financial,
        re.compile(
            r"\b(money|cash|currency|financial|funds|payments?|"
            r"dollars?|roubles?|rubles?)\b|geld|devisen|"
            r"finanz|\b(argent|devises|dinero|divisas|denaro|valuta|contanti|dinheiro|"
            r"moeda estrangeira|moeda forte|harte Währung)\b",
            re.IGNORECASE,
        ),
    ),
]


_CATEGORY_WORDS.append(
    (
        ExchangeCategory.weapons,
        re.compile(
            r"\b(artillery shells?|shells|ammunition|munitions|artillery|rockets|"
            r"ballistic missiles|missiles(?! (technology|guidance|know))|rocket launchers|"
            r"launchers|howitzers|fighter jets|fighter aircraft|combat aircraft|fighter planes|"
            r"warplanes|arms|weapons|military hardware|MiG-\d+\w*|Su-\d+\w*|KN-\d+\w*|"
            r"self-propelled (guns|howitzers)|artillery pieces|canons|cañones|"
            r"obus|munitions|armes|proyectiles|armas|misiles|"
            r"missiles balistiques|misiles balísticos|munición|municiones|"
            # Italian
            r"proiettili|munizioni|missili|armi|obici|lanciarazzi|artiglieria|cannoni|"
            r"missili balistici|"
            # Portuguese
            r"mísseis|mísseis balísticos|projéteis|projécteis|munições|artilharia|obuses|"
            r"lança-foguetes)\b|"
            # German compounds: "Artilleriegranaten", "Kurzstreckenraketen"
            r"\w*(granaten|munition|waffen|raketen|raketenwerfer\w*|haubitzen|geschütze|"
            r"kampfflugzeug\w*)\b",
            re.IGNORECASE,
        ),
    )
)


def category_mentions(
    text: str,
    folded: str | None = None,
    categories: list[tuple[ExchangeCategory, re.Pattern[str]]] | None = None,
) -> list[tuple[ExchangeCategory, int, int]]:
    """Every category the text names, with the span of the naming words, in text order.

    ``folded`` is ``fold(text)`` when the caller has it, or the same slice of a whole article's
    fold (fold keeps every offset, and ``may_match``'s literals read the same in both);
    ``categories`` the entries of
    ``_CATEGORY_WORDS`` to look for (``possible_categories`` of a text that holds this one).
    """
    found = []
    folded = fold(text) if folded is None else folded
    if categories is None:
        categories = _CATEGORY_WORDS if cyrillic(folded) else _CATEGORY_WORDS[:_LATIN_CATEGORIES]
    for category, pattern in categories:
        if not may_match(pattern, folded):
            continue  # none of the pattern's words occurs: it cannot match (pipeline.prefilter)
        for m in finditer(pattern, text):  # pattern.finditer(text), only around its words
            found.append((category, m.start(), m.end()))
    # weapons named inside "technology related to ... ballistic missiles" are the technology
    know_how = [(a, b) for c, a, b in found if c is ExchangeCategory.missile_technology]
    found = [
        (c, a, b)
        for c, a, b in found
        if c is not ExchangeCategory.weapons or not any(s <= a and b <= e for s, e in know_how)
    ]
    return sorted(found, key=lambda x: x[1])


def category_sentences(
    folded: str, spans: Sequence[tuple[int, int]]
) -> list[tuple[tuple[ExchangeCategory, re.Pattern[str]], list[bool]]]:
    """For each entry of ``_CATEGORY_WORDS`` that may match in one of ``spans`` (sentences, in
    order) of the text whose fold is ``folded``: the entry, and for each span whether it may
    match there (``may_match_in``). One pass over the fold per category: an entry whose
    words occur in no span is left out, as ``possible_categories`` leaves out one whose words
    occur nowhere, and neither can match in any span."""
    found = []
    entries = _CATEGORY_WORDS if cyrillic(folded) else _CATEGORY_WORDS[:_LATIN_CATEGORIES]
    for entry in entries:
        may = may_match_in(entry[1], folded, spans)
        if any(may):
            found.append((entry, may))
    return found


def possible_categories(folded: str) -> list[tuple[ExchangeCategory, re.Pattern[str]]]:
    """The entries of ``_CATEGORY_WORDS`` that may match in the text whose fold is ``folded``:
    a word missing from a whole article is missing from each of its sentences, so one test per
    article rules a category out for every sentence."""
    entries = _CATEGORY_WORDS if cyrillic(folded) else _CATEGORY_WORDS[:_LATIN_CATEGORIES]
    return [(c, p) for c, p in entries if may_match(p, folded)]


def categories_of(item: str) -> list[ExchangeCategory]:
    """Categories an item's own words name, in the order they appear ([] when none do).

    "technologies related to drones, satellite systems, and missile guidance" names three
    categories; the model tends to lump such a list into one record.
    """
    ordered: list[ExchangeCategory] = []
    for category, _, _ in category_mentions(item):
        if category not in ordered:
            ordered.append(category)
    return ordered


# Words next to a figure that name what it counts. They refine the model's choice within a record
# type (the model decides deployment vs casualty vs neither; the label's own words decide which
# kind), because a small model tends to answer the first value of an enum.
_PERSONNEL_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "deminers",
        re.compile(
            r"demin|démin|mine[- ]clear|sapper|minenräum|entminung|"
            r"desminado|zapador|sminator|artificier|sminament|sapador|desminag",
            re.IGNORECASE,
        ),
    ),
    (
        "construction_troops",
        re.compile(
            r"construction (troops|units|soldiers|battalions?|brigades?)|"
            r"military construction workers|"
            # brigades and battalions of builders: "militares das brigadas de construção",
            # "batallones de construcción", "bataillons de construction"
            r"(brigad\w*|batal\w*|bataill\w*|battaglion\w*)\s+(de|di|da|del|du)\s+"
            r"(la\s+)?(constru\w*|costruzion\w*)|"
            r"constructores militares|militares constructores|militärische\w* Bauarbeiter|"
            r"military builders|bausoldaten|baupionier|baubataillon|militärbau|"
            r"soldados de construcci[óo]n|trabajadores militares|obreros militares|"
            r"militares de la construcci[óo]n|militares de constru[çc][ãa]o|"
            r"(soldats|militaires|troupes) du génie de construction|troupes de construction|"
            r"soldats-bâtisseurs|"
            r"bâtisseurs|militaires du bâtiment|ouvriers militaires|operai militari|"
            r"oper[áa]rios militares|trabalhadores militares|"
            r"costruttori militari|militari costruttori|edili militari|"
            r"truppe (di|da|del genio di) costruzione|"
            # Portuguese: "militares de engenharia de construção", "construtores militares"
            r"engenharia de constru[çc][ãa]o|construtores militares|constru[çc][ãa]o militar|"
            r"trabalhadores militares da constru[çc][ãa]o|militares da constru[çc][ãa]o",
            re.IGNORECASE,
        ),
    ),
    (
        "military_engineers",
        re.compile(
            r"engineer|pionier|ingénieur|ingeniero|genieri|militari del genio|engenheiro|"
            r"engenharia|(militaires|soldats|troupes|unités) du génie",
            re.IGNORECASE,
        ),
    ),
    (
        # rule (h): anyone else sent, such as military medical staff and instructors
        "other",
        re.compile(
            r"medic|doctors|nurses|instructors|advis[eo]rs|trainers|ausbilder|sanitäter|ärzte|"
            # "about 150 drone specialists" (but "IT specialists" are workers, above)
            r"(?<!IT )specialists|technicians|"
            r"berater|instructeurs|médecins|conseillers|instructores|médicos|asesores|"
            r"istruttori|consiglieri|medici|tecnici",
            re.IGNORECASE,
        ),
    ),
    (
        "workers",
        re.compile(
            r"worker|labou?rer|loggers|lumberjacks|woodcutters|arbeiter|it specialists|"
            r"construction workers|ouvriers|"
            r"travailleurs|trabajadores|obreros|operai|lavoratori|manodopera|trabalhadores|"
            r"oper[áa]rios",
            re.IGNORECASE,
        ),
    ),
    (
        "troops",
        re.compile(
            r"troops|soldiers|servicemen|personnel|forces|contingent|soldaten|truppen|"
            r"crew members|crews|gunners|operators|"
            r"\b(artillerymen|infantrymen|riflemen|paratroopers|snipers|commandos)\b|"
            r"Artilleristen|artilleurs|artilleros|Militärangehörige\w*|Armeeangehörige\w*|"
            r"soldats|troupes|soldados|tropas|militares|militaires|soldati|truppe|militari|"
            # "hasta 6.000 efectivos", "6 000 effectifs"
            r"efectivos|effectifs|efetivos|effettivi",
            re.IGNORECASE,
        ),
    ),
]
_CASUALTY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "killed_or_wounded",
        re.compile(
            r"(morts|tués) (et|ou) blessés|muertos (y|o) heridos|"
            r"killed (and|or) (wounded|injured)|dead (and|or) "
            r"(wounded|injured)|casualties|losses|(overall|total|casualty) (toll|tally)|"
            # "In April the agency had put the toll at around 4,700"
            r"(the|its|their) toll|"
            r"toten? und verwundeten?|"
            r"verluste|bajas|pertes|killed, wounded|dead, wounded|tués, blessés|muertos, heridos|"
            r"toten?, verwundeten?|getötet (oder|und) (verwundet|verletzt)|"
            r"tot (oder|und) verwundet|"
            r"(morti|uccisi) (e|o) feriti|tra morti e feriti|perdite|"
            # Portuguese
            r"mortos (e|ou) feridos|entre mortos e feridos|baixas|perdas|"
            # "A Ucrânia diz ter matado ou ferido mais de 7 mil", "haber matado o herido"
            r"matad[oa]s? (e|ou|o|y) (ferid|herid)[oa]s?|mat(ou|aram|ó|aron) (e|ou|o|y) "
            r"(feri|hiri)(u|ram|ó|eron)",
            re.IGNORECASE,
        ),
    ),
    (
        "captured",
        re.compile(
            r"captured|prisoners?|POWs?|custody|captivity|gefangen|captur[ée]s?|prisonniers?|"
            r"capturados?|captura|cattura|prisioneros?|prigionier[io]|catturat[io]|"
            r"captivité|cautiverio|cativeiro|prigionia|"
            # held by the other side: "Three North Koreans are held in Ukraine", "detenuti"
            r"(are|were|is|being) (now )?held (in|by) Ukrain\w*|held by (Kyiv|Kiev)|"
            r"detained|detenut[io]|détenus|"
            r"detenidos|festgehalten|inhaftiert|"
            # Portuguese: "prisioneiros", "nas mãos das forças ucranianas", "detidos"
            r"prisioneiros?|nas mãos d[aeo]s? (forças )?ucranian[oa]s|detidos",
            re.IGNORECASE,
        ),
    ),
    (
        "missing",
        re.compile(
            r"missing|unaccounted for|vermisst|disparus?|desaparecidos?|dispersi", re.IGNORECASE
        ),
    ),
    (
        "wounded",
        re.compile(
            r"wounded|injured|verwundet|verletzt|bless[ée]s?|heridos?|ferit[io]|feridos?",
            re.IGNORECASE,
        ),
    ),
    (
        "killed",
        re.compile(
            r"killed|dead|died|deaths?|death toll|fatalities|fatally|remains|coffins|toten?|"
            r"getötet|gefallen|ums Leben|tu[ée]s|morts?|muertos?|fallecidos?|\bmorti\b|uccisi|"
            r"caduti|\bmortos\b|\bmortes\b|morreram|morrid[oa]s?|morreu",
            re.IGNORECASE,
        ),
    ),
]


_PEOPLE = re.compile(
    r"\b(workers?|troops?|soldiers?|deminers?|sappers?|engineers?|instructors?|specialists?|"
    r"personnel|labou?rers?|loggers?|builders?|staff|envoys?|officials?|delegation|medics?|"
    r"doctors?|officers?|prisoners|POWs|"
    r"arbeiter|soldaten|truppen|kriegsgefangene|pioniere|minenräumer|bauarbeiter|"
    r"soldats|ouvriers|travailleurs|démineurs|sapeurs|prisonniers|soldados|trabajadores|"
    # not "militares"/"militaires", which are also adjectives: "suministros militares"
    r"obreros|desminadores|zapadores|prisioneros|constructores|bâtisseurs)\b",
    re.IGNORECASE,
)


def names_people(item: str) -> bool:
    """True when an exchange 'item' is really people (deployments are not exchanges)."""
    return bool(_PEOPLE.search(item)) or (cyrillic(item) and bool(_RU_PEOPLE.search(item)))


_IN_SCOPE = re.compile(
    r"russia|russian|moscow|kremlin|putin|kursk|ukrain|kyiv|kiev|russland|russisch|moskau|"
    r"russie|russe|moscou|rusia|ruso|moscú|росси|украин|"
    # Italian and Portuguese
    r"russi[ao]?|mosca|cremlino|ucrain|rússia|moscovo",
    re.IGNORECASE,
)


# North Korea itself, by name, capital, leader or army: "Korean" alone may be South Korean.
_NORTH_KOREA = re.compile(
    r"north[- ]korea|\bn\. ?korea|pyongyang|\bdprk\b|kim jong|\bkpa\b|korean people's army|"
    r"nordkorea|pjöngjang|pjongjang|corée du nord|nord-coré|corea del norte|norcorean|pionyang|"
    r"corea del nord|nordcorean|coreia do norte|norte-corean",
    re.IGNORECASE,
)
_RU_NORTH_KOREA = re.compile(
    r"кндр|северн\w*\s+коре|северокорейск|пхеньян|ким чен|"
    # Ukrainian
    r"північн\w*\s+коре|північнокорейськ|кім чен",
    re.IGNORECASE,
)


# Money that pays for a state's own things: "helps fund its weapons programmes", "paid for
# the regime's missile program". What follows is North Korea's own, not something handed over.
FUNDS_ITS_OWN = (
    r"\b(fund\w*|financ\w+|bankroll\w*|pa(y|ys|id|ying)\s+for)\s+"
    r"(its|the\s+country's|North\s+Korea's|Pyongyang's|the\s+regime's)\s+"
)


def names_russia_or_war(text: str) -> bool:
    """Whether ``text`` names Russia, Moscow, Putin, Kursk or the war in Ukraine."""
    return any_match(_IN_SCOPE, text) or (cyrillic(text) and any_match(_RU_IN_SCOPE, text))


def _personnel_table(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The personnel words to read ``text`` with: the Russian and Ukrainian ones only for text
    with Cyrillic letters."""
    return _PERSONNEL_ALL if cyrillic(text) else _PERSONNEL_WORDS


def _casualty_table(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The casualty words to read ``text`` with (as ``_personnel_table``)."""
    return _CASUALTY_ALL if cyrillic(text) else _CASUALTY_WORDS


def subtype_from_words(record_type: str, label: str) -> str | None:
    """The personnel or casualty type a figure's own words name, or None when they name none."""
    if record_type == "deployment":
        table = _personnel_table(label)
    else:
        table = _casualty_table(label)
    for subtype, pattern in table:
        if any_match(pattern, label):
            return subtype
    return None


def _named_first(table: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    """The type of ``table`` whose words occur first in ``text`` (the earlier entry on a tie)."""
    found = [
        (m.start(), rank, subtype)
        for rank, (subtype, pattern) in enumerate(table)
        if (m := pattern.search(text))
    ]
    return min(found)[2] if found else None


def _named_last(table: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    """The type of ``table`` whose words end last in ``text`` (the earlier entry on a tie)."""
    found = [
        (m.end(), -rank, subtype)
        for rank, (subtype, pattern) in enumerate(table)
        for m in pattern.finditer(text)
    ]
    return max(found)[2] if found else None


def personnel_in_phrase(phrase: str) -> str | None:
    """The personnel type named first in a noun phrase ("North Korean military construction
    troops" is construction troops, though "troops" alone would be troops)."""
    return _named_first(_personnel_table(phrase), phrase)


def names_personnel(text: str, subtype: str) -> bool:
    """Whether ``text`` anywhere names personnel of type ``subtype``."""
    return any(kind == subtype and pattern.search(text) for kind, pattern in _personnel_table(text))


def personnel_named_last(text: str) -> str | None:
    """The personnel type named last in ``text`` ("about 14,000 North Korean troops ... That
    compares with the 10,000": the bare figure is troops too)."""
    table = _personnel_table(text)
    found = sorted(
        (m.end(), -rank, subtype, m.group().casefold() in _GROUP_NOUNS)
        for rank, (subtype, pattern) in enumerate(table)
        for m in pattern.finditer(text)
    )
    if not found:
        return None
    if found[-1][3] and not _TOTAL_OF_ALL.search(text):
        # "5,000 military construction troops ..., and a second contingent of 1,000": a word
        # for any group takes the kind named before it, unless it sums all kinds ("Their
        # arrival brings the number of North Korean military personnel in Russia to 12,000")
        specific = [subtype for _, _, subtype, group in found if not group]
        if specific:
            return specific[-1]
    return found[-1][2]


def casualty_named_last(text: str) -> str | None:
    """The casualty type named last in ``text`` ("Ukraine was holding ten North Korean
    prisoners. The correct figure is eight.": the bare eight are prisoners too)."""
    return _named_last(_casualty_table(text), text)


# A total of every kind: "brings the number of North Korean military personnel to", "raising
# the overall contingent to".
_TOTAL_OF_ALL = re.compile(
    r"\b(brings?|bringing|brought|raises?|raising|raised|takes?|taking|took|puts?|putting)\s+"
    r"the\s+(total|overall|number|contingent|force|presence)\b",
    re.IGNORECASE,
)


# Words for a group of any kind of personnel.
_GROUP_NOUNS = frozenset({"contingent", "forces", "personnel"})


_DELIVERED = re.compile(
    r"\b(supplied|delivered|shipped|sent|provided|transferred|handed|geliefert|livré|entregado|"
    r"shipments?|reached|arrived|received|reçue?s?|recibid[oa]s?|ricevut[oaie])\b",
    re.IGNORECASE,
)
_SUSPECTED = re.compile(
    r"\b(believed?|believes|suspected|feared|allegedly|reportedly|(?-i:may)|might|could|"
    r"in exchange|in return|exchanged for|mutmaßlich|vermutlich|angeblich)\b",
    re.IGNORECASE,
)
_PROMISED = re.compile(
    r"\b(promised|pledged|agreed|will|would|plans? to|is to|are to|"
    r"zugesagt|versprochen)\b",
    re.IGNORECASE,
)


def exchange_status_from_words(context: str, status: ExchangeStatus) -> ExchangeStatus:
    """Correct a 'delivered' or 'unknown' status the context's own words contradict."""
    if status in (ExchangeStatus.delivered, ExchangeStatus.unknown):
        folded = fold(context)
        russian = cyrillic(context)
        for found, pattern, ru in (
            (ExchangeStatus.promised, _PROMISED, _RU_PROMISED),
            (ExchangeStatus.suspected, _SUSPECTED, _RU_SUSPECTED),
            (ExchangeStatus.delivered, _DELIVERED, _RU_DELIVERED),
        ):
            if may_match(pattern, folded) and pattern.search(context):
                return found
            if russian and may_match(ru, folded) and ru.search(context):
                return found
    return status


def deployment_status_from_words(context: str, status: DeploymentStatus) -> DeploymentStatus:
    """An 'unknown' status becomes 'planned' when the context speaks of the future."""
    if status is DeploymentStatus.unknown and (
        any_match(_HEDGES[0][1], context)
        or (cyrillic(context) and any_match(_RU_HEDGES[0][1], context))
    ):
        return DeploymentStatus.planned
    return status


_RUSSIA = (
    r"(Russia|Russians|Russian|Moscow|the Kremlin|Russland|russisch\w*|Moskau|Russie|Moscou|"
    r"Rusia|Moscú|Mosca|il Cremlino|Rússia|Moscovo|o Kremlin|(?:Vladimir |Wladimir )?Putin|Poutine)"
)
# Once an article has named North Korea, it may call it "the North" (case matters: "the north
# of Russia" is not it).
_THE_NORTH = (
    r"(?-i:\b(?:[Tt]he North|[Dd]er Norden|dem Norden|des Nordens|[Ll]e Nord|[Ee]l Norte)"
    r"\b(?![- ]?[A-Z]))"
)
_NK = (
    r"(North Korea|North Korean|Pyongyang|the DPRK|Nordkorea|nordkoreanisch\w*|Pjöngjang|Pionyang|"
    rf"Corée du Nord|Corea del Norte|Corea del Nord|nordcorean\w*|Coreia do Norte|"
    rf"Kim Jong[- ]?Un|{_THE_NORTH})"
)
# ... or by another epithet: "Kim's regime", "the reclusive state".
_EPITHETS = re.compile(
    rf"{_THE_NORTH}|"
    r"\bKims?(?:'s|’s)?\s+"
    r"(?:regime|Regime|régime|régimen|soldiers|troops|army|Soldaten|Truppen)\b|"
    r"\b(?:r[ée]gime[n]? de|Regime von) Kim\b|"
    r"\b(?:[Rr]eclusive|[Ii]solated|[Hh]ermit|[Ss]ecretive) "
    r"(?:state|country|kingdom|nation|regime)\b|"
    r"\b(?:abgeschottete\w*|isolierte\w*) (?:Staat\w*|Land\w*|Regime\w*)\b"
)
_TO_NK = re.compile(
    rf"{_NK}\W+(\w+\W+){{0,6}}(receiv|get|gets|obtain|acquir|earn|erh[aä]lt|bekomm)\w*\W+"
    rf"(\w+\W+){{0,8}}{_RUSSIA}|"
    rf"{_RUSSIA}\W+(\w+\W+){{0,6}}(suppl|provid|deliver|sen[dt]|ship|transfer|giv|help|aid|shar|ayud|ajud|aiut|"
    rf"promis|pledg|offer|"
    rf"hilft|helfe|unterstütz|"
    rf"sell|sold\b|"
    rf"liefer|beliefer|versorg|envi|enví|suministr|entreg|proporcion|fourni|livr|transf|transm|"
    rf"fornisc|fornit|consegn|invi|vend|fornec)\w*\W+"
    rf"(\w+\W+){{0,4}}{_NK}|"
    rf"{_RUSSIA}\W+(\w+\W+){{0,3}}(le |lui )?(ha |a )?(suministrado|entregado|enviado|fourni|livré|"
    rf"envoyé|transferido|transféré|consegnato|fornito|inviato|trasferito|forneceu|entregou|"
    rf"enviou|fornecido|entregue|spedito)\b|"
    # English, no recipient named, in an article about the two: "Russia has delivered more than
    # a million barrels", "Russia has also handed over Pantsir systems" (not "... to India")
    rf"{_RUSSIA}\s+(has\s+|have\s+|had\s+)?(also\s+)?(delivered|supplied|provided|shipped|"
    rf"handed\s+over|transferred)\s+(?!(\S+\s+){{0,6}}?(to|for)\s+(?!North Korea|Pyongyang)[A-Z])|"
    rf"\b(a|à la|alla|à)\s+(Corea del Norte|Corée du Nord|Corea del Nord)|"
    # Portuguese "a" is also "the": "a Coreia do Norte fornece" names the giver
    rf"\b(à|para a)\s+Coreia do Norte|"
    rf"\b(a cambio de|en échange d|als Gegenleistung für|im Austausch für)|"
    rf"exchanged? for\s+(\w+\s+){{0,2}}{_RUSSIA}|"
    rf"{_NK}\W+(\w+\W+){{0,4}}(is|was|are|has been|have been)\W+(\w+\W+){{0,3}}"
    rf"(receiv|gett|obtain|acquir|paid)\w*|"
    # the recipient alone: "Pyongyang has received hard-currency payments"
    rf"{_NK}(,[^,.;]{{0,50}},)?\s+(has\s+|had\s+|is\s+)?(receiv|obtain|acquir)\w*|"
    # ... in the other languages, and "gets": "En échange, Pyongyang reçoit du pétrole et des
    # devises", "Pyongyang recibe petróleo", "Pjöngjang erhält Öl"
    rf"{_NK}(,[^,.;]{{0,50}},)?\s+(gets|got|is getting|reçoit|reçoivent|a reçu|obtient|"
    rf"a obtenu|recibe|recibió|ha recibido|obtiene|obtuvo|riceve|ha ricevuto|ottiene|"
    rf"ha ottenuto|recebe|recebeu|tem recebido|obtém|obteve|erhält|erhielt|bekommt|bekam)\b|"
    rf"\b(Russian|Moscow's|Russia's)\s+(assistance|help|aid|support|deliveries)\b|"
    # "ajuda russa ao projeto de submarino", "ayuda rusa", "aiuto russo", "aide russe"
    rf"\b(ajuda|assistência|ayuda|asistencia|aiuto|assistenza|aide|assistance) "
    rf"(russa|rusa|russo|russe)\b|\brussische Hilfe\b|"
    rf"\bto\s+{_NK}|\b(nach|an)\s+(Nordkorea|Pjöngjang)\b|"
    rf"in (exchange|return) for (its )?(troops|soldiers|manpower|forces|deployment)|"
    # Russian things or people placed in North Korea: "Russian air-defence systems may have
    # been installed around Pyongyang"
    rf"\bRussian\s+(\S+\s+){{0,3}}\S*(systems?|equipment|weapons|technology|jets|missiles|"
    rf"engineers|specialists|advis[eo]rs|instructors)\b[^.;]{{0,60}}\b(in|around|near|at|to)\s+"
    rf"{_NK}|"
    # Russian goods arriving there: "Russian wheat and flour now reach Rason by sea"
    rf"\bRussian\s+(\S+\s+){{0,4}}(reach\w*|arriv\w*\s+(in|at)|flow\w*\s+(in)?to)\s+"
    rf"({_NK}|Rason|Rajin|Nampo|Chongjin)\b|"
    # ... or that Russia placed there: "Russia has also installed a Pantsir air-defence battery
    # near Pyongyang"
    rf"{_RUSSIA}\s+[^.;]{{0,40}}?\b(installed|set up|stationed)\s+[^.;]{{0,60}}?\b(in|around|"
    rf"near|at)\s+{_NK}|"
    # placed there, in French, Spanish, Italian and Portuguese: "des systèmes Pantsir, que la
    # Russie aurait installés autour de Pyongyang"
    rf"\b(install\w*|déploy\w*|instalad\w*|desplegad\w*|schierat\w*)\s+(autour de|à|en|"
    rf"près de|alrededor de|cerca de|intorno a|a|vicino a|in|em|perto de)\s+"
    rf"(Pyongyang|Corée du Nord|Corea del Norte|Corea del Nord|Coreia do Norte)\b|"
    # cargo brought to a North Korean port: "Tankers that called at Rajin delivered refined
    # petroleum products"
    rf"\b(called|calling|docked|docking|unloaded|unloading|tied up|moored|berthed)\s+(at|in)\s+"
    rf"(Rajin|Rason|Nampo|"
    rf"Chongjin|Wonsan)\b|"
    # a gift from Russia's side: "a 'gift from our Russian comrades'", "the Russian military had
    # handed the unit reconnaissance drones"
    rf"\bgifts?\s+from\s+(our\s+)?(Russian|Russia|Moscow)\b|"
    rf"\b(Russian|Russia's)\s+(military|army|side|forces|defen[cs]e ministry)\s+(had\s+|has\s+)?"
    rf"(handed|gave|given|presented|gifted)\b|"
    # money earned from the payer: "Pyongyang may have earned as much as $20 billion in hard
    # currency from Moscow"
    rf"{_NK}\W+(\w+\W+){{0,4}}earn\w*\b[^.;]{{0,80}}?\bfrom\s+{_RUSSIA}|"
    # Russia helping with a programme in an article about North Korea: "We suspect Russia is
    # helping with the reconnaissance satellite programme"
    rf"{_RUSSIA}\W+(is\s+|was\s+|has\s+been\s+|may\s+be\s+)?(\w+\s+)?"
    rf"(help|helps|helping|helped|assist|assists|assisting|assisted)\s+(with|on)\b|"
    # Russia promising North Korea something: "Putin promised Kim help", "Präsident Wladimir
    # Putin hat Kim Jong Un Hilfe beim Bau von Aufklärungssatelliten zugesagt"
    rf"{_RUSSIA}\W+(\w+\W+){{0,2}}(promised|pledged|offered|versprach)\s+(\w+\s+)?{_NK}|"
    rf"{_RUSSIA}\s+(hat|habe|hatte)\s+(\w+\s+){{0,2}}{_NK}\s+[^.;]{{0,80}}?\b(zugesagt|"
    rf"versprochen|angeboten)\b|"
    # help to "the regime" in an article about North Korea: "la Russia potrebbe aiutare il
    # regime anche nella costruzione di un sottomarino"
    rf"{_RUSSIA}\W+(\w+\W+){{0,3}}(help\w*|assist\w*|aiut\w*|ayud\w*|ajud\w*|aid\w*|hilft|"
    rf"helfen)\s+(the|il|el|o|le|dem)\s+(regime|régime|régimen|Regime)\b|"
    # ... and to its programme: "une aide au programme balistique nord-coréen", "ayuda al
    # programa de misiles norcoreano"
    rf"\b(aide|ayuda|aiuto|ajuda)\s+(au|al|ao)\s+(programme|programa|programma)\s+"
    rf"([\w-]+\s+){{0,2}}?(nord-coréen|norcoreano|nordcoreano|norte-coreano)\b|"
    # help with North Korea's own programme: "Putin pledged help with North Korea's satellite
    # programme"
    rf"\b(help|assistance|aid|support)\s+(with|for|to|on)\s+{_NK}['’]s\s+([\w-]+\s+){{0,3}}?"
    rf"(programm?e?s?|projects?|industry)\b|"
    # Russia promising to supply, no recipient named, in an article about the two: "Moscow has
    # agreed to supply MiG-29 and Su-27 fighter jets, it says"
    rf"{_RUSSIA}\s+(has\s+|have\s+|had\s+|is\s+)?(agreed|promised|pledged|offered|planning|"
    rf"plans|ready)\s+to\s+(supply|provide|deliver|send|sell|transfer|give)\s+"
    rf"(?!(\S+\s+){{0,6}}?(to|for)\s+(?!North Korea|Pyongyang)[A-Z])|"
    # the payer gives: "Russia is probably paying in oil and hard currency"
    rf"{_RUSSIA}\W+(\w+\W+){{0,3}}(pay|pays|paid|paying)\s+({_NK}\s+)?(for\s+[^,;.]{{0,60}}?\s+)?"
    rf"(in|with)\b|"
    # "Rusia paga con petróleo", "la Russie paie en pétrole", "Russland zahlt mit Öl", "la
    # Russia paga in petrolio"
    rf"{_RUSSIA}\W+(\w+\W+){{0,3}}(paga|pagan|pagó|pagaba|paie|paient|payait|a payé|zahlt|"
    rf"zahlte|bezahlt|pagano|pagato|ricambia\w*|ricambiato)\s+(\w+\s+)?(con|en|avec|mit|in)\b|"
    rf"{_RUSSIA}\s+(se ha comprometido|se comprometió|s'est engagée?|si è impegnat[ao]|"
    rf"ha prometido|prometió|a promis|ha promesso|hat zugesagt)\s+(a|à|de|di|zu)?\s*"
    rf"(entregar|suministrar|enviar|vender|livrer|fournir|envoyer|vendre|fornire|consegnare|"
    rf"inviare|vendere|liefern)\b|"
    # German verb-second order: "Im Gegenzug liefere Russland Erdöl ...", "erhalte Pjöngjang"
    rf"\b(liefer|schick|send|gib|gab|stell)\w*\s+(Russland|Moskau)\b|"
    rf"\b(erh[aä]lt|erhielt|bekomm|bekam)\w*\s+(Pjöngjang|Nordkorea)\b|"
    # German dative before the participle: "Moskau habe Pjöngjang Kampfflugzeuge zugesagt"
    rf"{_RUSSIA}\W+(\w+\W+){{0,3}}(Nordkorea|Pjöngjang)\W+(\w+\W+){{0,6}}"
    rf"(zugesagt|versprochen|zur Verfügung gestellt|geliefert|geschickt|überlassen|hilft|"
    rf"helfe|half|geholfen|unterstützt|unterstütze)|"
    rf"\b(reach(ed|es|ing)?|arriv(ed|es|ing) in)\s+{_NK}|"
    # Russia's specialists helping, in an article about the two: "russische Ingenieure beim Bau
    # von Aufklärungssatelliten helfen", "des ingénieurs russes aident"
    rf"\b(Russian|russische\w*)\s+(\w+\s+)?(engineers|specialists|experts|scientists|"
    rf"technicians|Ingenieure|Experten|Spezialisten|Techniker|Wissenschaftler)\b[^.;]{{0,60}}?"
    rf"\b(help|helps|helping|helped|assist\w*|helfen|hilft|halfen|geholfen)\b|"
    rf"\b(ingénieurs|ingenieros|ingegneri|engenheiros|experts|expertos|esperti|especialistas|"
    rf"spécialistes|specialisti|techniciens|técnicos|tecnici)\s+(russes|rusos|russi|russos)\b"
    rf"[^.;]{{0,60}}?\b(aident|aidaient|ont aidé|ayudan|ayudaron|aiutano|hanno aiutato|ajudam|"
    rf"ajudaram)\b",
    re.IGNORECASE,
)
_TO_RUSSIA = re.compile(
    rf"{_RUSSIA}\W+(\w+\W+){{0,6}}(receiv|get|gets|obtain|acquir|erh[aä]lt|bekomm)\w*\W+"
    rf"(\w+\W+){{0,8}}{_NK}|"
    rf"{_NK}\W+(\w+\W+){{0,4}}(suppl|provid|deliver|sen[dt]|ship|transfer|giv|liefer|beliefer|versorg|envi|"
    rf"promis|pledg|offer|sell|sold\b|"
    rf"enví|suministr|entreg|proporcion|fourni|livr|fornisc|fornit|consegn|invi|vend|fornec)\w*\W+"
    rf"(\w+\W+){{0,8}}(to\s+|a\s+|à\s+(la\s+)?|alla\s+)?{_RUSSIA}|"
    # "to Russia", not "according to Russian customs data" (an adjective, and a source)
    rf"(?<!according )\bto\s+(?!Russian\b|Russians\b){_RUSSIA}|"
    rf"\bto\s+(the\s+)?Russian\s+(forces|army|troops|military|units|soldiers|gunners|crews)\b|"
    rf"{_RUSSIA}\s+(has\s+|had\s+|is\s+)?(receiv|obtain|acquir)\w*|"
    rf"\b(nach|an)\s+(Russland|Moskau)\b|"
    rf"\bcross(es|ed|ing)?\s+(\w+\s+){{0,3}}?into\s+Russia\b|"
    rf"\b(liefer|schick|send|gib|gab|stell)\w*\s+(Nordkorea|Pjöngjang)\b|"
    # North Korea as the supplier ("Nordkorea liefere seinerseits ..."): to Russia
    rf"\b(Nordkorea|Pjöngjang|North Korea|Pyongyang)\s+(liefer\w*|supplies|ships|exports)\b|"
    rf"\b(Coreia do Norte|Corea del Norte|Corea del Nord|Corée du Nord)\s+(fornece|forneceu|"
    rf"envia|enviou|exporta|suministra|suministró|envía|envió|fornisce|invia|esporta|fournit|"
    rf"livre|envoie|exporte)\b|"
    # ... and as the one who has supplied, no recipient named: "La Corée du Nord a, elle, livré
    # des obus", "North Korea has supplied shells" (people sent are deployments, not items)
    rf"{_NK}\W+((a|ha|has|had|hat|habe|have|avait|había)\W+)?((elle|itself|seinerseits|"
    rf"por su parte|dal canto suo|por sua vez|de son côté)\W+)?(livré|fourni|suministrado|"
    rf"suministró|entregado|entregó|fornito|consegnato|fornecido|forneceu|entregou|supplied|"
    rf"shipped|delivered|provided|geliefert|lieferte)\b|"
    # German dative before the participle: "Nordkorea habe Russland Granaten geliefert"
    rf"{_NK}\W+(\w+\W+){{0,3}}(Russland|Moskau)\W+(\w+\W+){{0,8}}"
    rf"(zur Verfügung gestellt|geliefert|geschickt|überlassen)|"
    rf"\b(a|à la|alla|à)\s+(Rusia|Russie|Russia)\b|\b(à|para a)\s+Rússia\b|"
    # "a shipment of North Korean rocket launchers that reached Russia by rail"
    rf"\b(reach(ed|es|ing)?|arriv(ed|es|ing) in)\s+{_RUSSIA}|"
    # made or sent for Russia's forces: "assembling Geran-type attack drones for Russian forces"
    rf"\bfor\s+(the\s+)?Russian\s+(forces|army|troops|military|units)\b|"
    # North Korean weapons in Russian hands: "North Korean-made 122mm rockets ... fired by
    # Russian forces"
    rf"\bNorth Korean(-made)?\s+(\S+\s+){{0,8}}?(fired|used|launched)\s+by\s+{_RUSSIA}|"
    # the user first: "Russian forces used North Korean 240mm rockets in several strikes"
    rf"\b(Russian|Russia's)\s+(\w+\s+){{0,2}}(forces|troops|units|army|gunners|crews|soldiers)"
    rf"\s+(have\s+|had\s+|are\s+)?(\w+\s+)?(used|fired|launched|using|firing|employed)\s+"
    rf"(\S+\s+){{0,3}}?North Korean(-made)?\b",
    re.IGNORECASE,
)


# What each category usually is in this exchange: Russia pays in oil, food, money and
# technology; North Korea sends munitions. Used only when the sentence's words do not say.
_TYPICALLY_TO_NK = frozenset(
    {
        "fuel",
        "food",
        "financial",
        "space_satellite",
        "air_defense",
        "nuclear_technology",
        "missile_technology",
        "military_technology",
        "electronic_warfare",
        "drones",
    }
)
_MUNITIONS = re.compile(
    r"shell|ammunition|munition|artillery|howitzer|rocket|missile|launcher|KN-2\d|Hwasong|"
    r"Granat|Munition|Rakete|obus|roquette|munici|misil|proyectil|cohete",
    re.IGNORECASE,
)


def typical_direction(category: str, item: str) -> tuple[str, str] | None:
    """(provider, recipient) that an exchange of this kind almost always has, else None."""
    if category in _TYPICALLY_TO_NK:
        return ("Russia", "North Korea")
    if category == "weapons" and (
        _MUNITIONS.search(item) or (cyrillic(item) and _RU_MUNITIONS.search(item))
    ):
        return ("North Korea", "Russia")
    return None


def direction_cues(context: str) -> tuple[bool, bool]:
    """(the words say something goes to North Korea, the words say something goes to Russia)."""
    if cyrillic(context):
        return (
            any_match(_TO_NK, context) or any_match(_RU_TO_NK, context),
            any_match(_TO_RUSSIA, context) or any_match(_RU_TO_RUSSIA, context),
        )
    return any_match(_TO_NK, context), any_match(_TO_RUSSIA, context)


_RUSSIA_SENDS = re.compile(
    rf"{_RUSSIA}\W+(\w+\W+){{0,3}}(sen[dt]|deploy\w*|dispatch\w*|despleg\w*|envi\w*|"
    rf"entsandt|entsendet|geschickt|schickt|envoy\w*|déploy\w*)\W+(\w+\W+){{0,5}}"
    rf"(to|nach|a|à|en)\s+{_NK}|"
    rf"\bRussian\s+(\w+\s+){{0,2}}(instructors|advis[eo]rs|specialists|officers|troops|"
    rf"soldiers|engineers)\s+(in|to)\s+{_NK}",
    re.IGNORECASE,
)


_RUSSIA_NAMED = re.compile(rf"\b{_RUSSIA}\b", re.IGNORECASE)


def names_russia(text: str) -> bool:
    """Whether ``text`` names Russia, Moscow or the Kremlin in any supported language."""
    return any_match(_RUSSIA_NAMED, text) or (cyrillic(text) and any_match(_RU_RUSSIA_NAMED, text))


def deployment_direction(sentence: str) -> tuple[str, str]:
    """(sending state, host state) of a deployment: North Korea to Russia unless the sentence
    says Russia sent people to North Korea ("Russia has sent 60 instructors to North Korea")."""
    if any_match(_RUSSIA_SENDS, sentence) or (
        cyrillic(sentence) and any_match(_RU_RUSSIA_SENDS, sentence)
    ):
        return "Russia", "North Korea"
    return "North Korea", "Russia"


def direction_from_words(context: str) -> tuple[str, str] | None:
    """(provider, recipient) when the context says unambiguously who gives to whom, else None."""
    return direction_from_cues(*direction_cues(context))


def direction_from_cues(to_nk: bool, to_ru: bool) -> tuple[str, str] | None:
    """``direction_from_words`` for cues already read with ``direction_cues``."""
    if to_nk == to_ru:
        return None  # no cue, or cues both ways (a sentence about the swap itself)
    return ("Russia", "North Korea") if to_nk else ("North Korea", "Russia")


_CASUALTY_VERBS = re.compile(
    r"\b(killed|kill|wounded|injured|captured|missing|unaccounted for|died|dead|deaths?|"
    r"casualties|losses|(overall|total|casualty|the|its|their) (toll|tally)|coffins|bajas|"
    r"pertes|verluste|"
    r"taken prisoner|prisoners?|POWs?|custody|captivity|remains|"
    # German participles also as inflected adjectives: "600 verwundete Nordkoreaner"
    # "gefangen genommen", "in Kriegsgefangenschaft", "Gefangene"
    r"getötete?n?|verwundete?n?|verletzte?n?|\w*gefangen\w*|vermisste?n?|gefallen|tot|ums Leben|"
    r"tués|morts?|"
    r"blessés|capturés|faits? prisonniers?|disparus|muertos|heridos|capturados|desaparecidos|"
    # held by the other side; Italian
    r"held (in|by) (Ukrain\w*|Kyiv|Kiev)|detained|detenut[io]|détenus|detenidos|festgehalten|"
    r"inhaftiert|"
    r"morti|uccisi|caduti|feriti|prigionieri|catturati|dispersi|"
    # Portuguese
    r"mortos|feridos|baixas|perdas|prisioneiros|detidos|morreram|matad[oa]s?|matou|mataram|"
    r"ferid[oa]|feriu|capturad[oa]s?|capturou|"
    # held by the other side: "seis soldados ... estão nas mãos das forças ucranianas"
    r"nas mãos d[aeo]s? (forças )?ucranian[oa]s|en manos (de las fuerzas )?ucranianas|"
    r"in mano (alle forze )?ucraine?)\b",
    re.IGNORECASE,
)


_KOREA = re.compile(
    r"north korea|korean|pyongyang|dprk|kim jong|nordkorea|pjöngjang|corée du nord|coréen|"
    r"corea del norte|norcorean|pionyang|corea del nord|nordcorea|coreani|coreia do norte|"
    r"norte-corean",
    re.IGNORECASE,
)
# Nouns that make a figure count things, not people: "96 drones", "14.7 million tonnes".
_THINGS = re.compile(
    r"\b(drones?|tanks?|vehicles?|missiles?|shells?|rounds|tonnes?|tons?|barrels?|aircraft|"
    r"jets?|planes?|helicopters?|ships?|vessels?|launchers?|rockets?|guns?|howitzers?|"
    r"dollars?|euros?|won|roubles?|rubles?|hectares?|charts?|views|comments|likes|pages?|"
    # (not the Spanish thousands of "varios miles", "miles de soldados")
    r"readers?|reading|villages?|kilomet\w+|(?<!varios )(?<!unos )(?<!muchos )miles?(?! de\b)|"
    r"drohnen|panzer|tonnen|toneladas|"
    r"misiles|drones|chars|obus|rotations?|waves?|batches|shipments?|trains?|flights?|"
    r"stages?|phases?|sides|parties|partes|seiten|côtés|times|percent|questions|reasons|ways|"
    r"entries|crossings|"
    r"things|lessons|takeaways|facts|steps|assaults|attacks|strikes|sorties|raids|clashes|"
    r"engagements|incidents|bombers|fighters|launches|satellites|states|countries|nations|"
    r"mines|explosives?|square|capitals?|capitales?|hauptstädte|batteries|baterías|"
    r"bridges|ponts|puentes|brücken|lanzacohetes|proyectiles|obuses|unidades|voyages|"
    r"trips|journeys|port calls|Fahrten|Reisen|Transporte|trajets|viajes|"
    r"containers|battalions|brigades|regiments|wagons|carriages|votes|ballots|seats|firms|"
    r"Stimmen|voix|votos|groups|hotels|slides|"
    r"companies|entities|banks|raketen|granaten|flugzeuge|schiffe|geschosse|"
    r"pieces|systems)\b|"
    # German compounds: "Kurzstreckenraketen", "Güterzüge", "Container"; the dative plural adds
    # -n: "von rund 20.000 Containern", "mit 300 Panzern"
    # Italian: "40 droni", "5.300 case danneggiate"
    r"\b(avions|appareils|aviones|cazas|aerei|caccia|"
    # machines by designation: "100 MiG-29", "12 Su-27"
    r"(MiG|Su|Mi|Ka|Tu|Il|KN)-\d+\w*|"
    r"droni|carri armati|missili|proiettili|veicoli|villaggi|case|abitazioni|chilometri|"
    r"tonnellate|barili|dollari|rubli|colpi|attacchi|navi|aerei|elicotteri|sistemi|pezzi)\b|"
    r"\b\w*(raketen|granaten|flugzeugen?|schiffen?|geschossen?|drohnen|zügen?|waggons|"
    r"containern?|fahrzeugen?|panzern?|systemen?)\b|"
    r"[$€£¥₩%]",
    re.IGNORECASE,
)


def mentions_korea(text: str) -> bool:
    """Whether ``text`` names North Korea or North Koreans in any supported language, or calls
    North Korea by an epithet ("the North", "Kim's regime")."""
    return (
        any_match(_KOREA, text)
        or (cyrillic(text) and any_match(_RU_KOREA, text))
        or bool(_EPITHETS.search(text))
    )


def refers_to_north_korea(text: str) -> bool:
    """Whether ``text`` names North Korea itself or calls it by an epithet (``mentions_korea``
    without "Korean" alone, which may be South Korean)."""
    return names_north_korea(text) or bool(_EPITHETS.search(text))


def counts_things(label: str) -> bool:
    """Whether a figure's own words say it counts things, not people ("74 of 96 drones")."""
    return any_match(_THINGS, label) or (cyrillic(label) and any_match(_RU_THINGS, label))


# Civilians in French and Spanish, but not as the adjective after a word for workers:
# "travailleurs civils", "los obreros civiles: varios miles" are civilian workers (Italian
# "lavoratori civili" below too).
_CIVILIANS = r"(?<!travailleurs )(?<!ouvriers )civils|(?<!trabajadores )(?<!obreros )civiles"
# People troopwatch does not count: "a record 30,000 runners", "civilians".
_OTHER_PEOPLE = re.compile(
    r"\b(runners|civilians|residents|children|visitors|tourists|fans|students|spectators|"
    r"participants|passengers|patients|voters|refugees|guests|holidaymakers|travell?ers|guides|"
    r"civilian (deaths|casualties|dead|victims|toll|losses)|zivile Opfer|victimes civiles|"
    r"víctimas civiles|players|athletes|footballers|waitresses|"
    r"waiters|performers|artists|musicians|dancers|delegates|pilgrims|Spieler|Sportler|"
    r"Athleten|joueurs|athlètes|jugadores|atletas|Zivilisten|Einwohner|Besucher|"
    rf"{_CIVILIANS}|habitants|habitantes|turistas|leaders|lawmakers|"
    r"diplomats|ministers|journalists|"
    r"defectors|desertores|déserteurs|Überläufer|Ukrainians|Russians|"
    # but "About 2,400 citizens of the DPRK are now working in the region" (the words read
    # after a figure may stop at "of the")
    r"(nationals|citizens)(?!\s+of(\s+the)?\s*$|\s+of\s+(the\s+)?(DPRK|North\s+Korea))|"
    # not "jusqu'à 2 000 membres du génie militaire" (military engineers)
    r"Americans|Poles|Cubans|Nepalis|Mitglieder|membres(?!\s+du\s+génie)|"
    # but "some 2,000 members of the original force" are soldiers
    r"(?<!crew )members(?!\s+of\s+(the|this|that|its|their)\s+([\w-]+\s+){0,2}?(force|contingent|"
    r"corps|units?|battalions?|brigades?|regiments?|divisions?|detachments?|deployment)\b|"
    r"\s+of\s+(the\s+)?(original|first|second|third|initial|earlier|North Korean|Korean|KPA)\b|"
    # the words read after a figure may stop at "of the"
    r"\s+of(\s+(the|its|their))?\s*$)|"
    r"miembros|"
    r"families|relatives|widows|orphans|Familien|familles|proches|familias|"
    r"officials|sources|analysts|experts|researchers|interrogators|contract soldiers|"
    r"soldats sous contrat|Vertragssoldaten|soldados por contrato|soldados contratados|"
    r"Ukrainer|Russen|Ukrainiens|Russes|ucranianos|rusos|refugiados|réfugiés|Flüchtlinge|"
    # workers named by a civilian workplace: "Two port workers were killed in Odesa"
    r"(port|dock|rail|railway|aid|utility|power|postal|municipal|humanitarian|energy)\s+workers|"
    r"migrants|immigrants|Migranten|migrantes|fishermen|fishers|Fischer|pêcheurs|pescadores|"
    r"police officers|policemen|police|Polizisten|policiers|policías|"
    r"sailors|seamen|crew members aboard|crew aboard|"
    # Italian
    r"(?<!lavoratori )(?<!operai )civili|bambini|residenti|abitanti|profughi|rifugiati|turisti|"
    r"migranti|ucraini|russi|"
    r"famiglie)\b",
    re.IGNORECASE,
)


def names_other_people(text: str) -> bool:
    """Whether ``text`` names people troopwatch does not count ("migrants", "civilians")."""
    return any_match(_OTHER_PEOPLE, text)


# People in general ("Two people were injured in Kyiv"): somebody else's unless their sentence
# names North Korea.
_GENERIC_PEOPLE = re.compile(
    r"\b(people|persons|personnes|Menschen|Personen|personas|gens|persone|pessoas)\b",
    re.IGNORECASE,
)
# A small number standing for people already named: "The three also disagreed", "two of which".
_NUMBER_AS_PRONOUN = re.compile(
    r"^(one|two|three|four|five|six|seven|eight|nine|ten|zwei|drei|vier|fünf|deux|trois|"
    r"quatre|cinq|dos|tres|cuatro|cinco)\s+(also|of which|agreed|disagreed|said|say|says)\b|"
    r"^\d[\d,.]*\s+(of which|dont|davon|de los cuales|de las cuales)\b",
    re.IGNORECASE,
)
# Someone else's soldiers: "41 Russian assaults", "Two Ukrainian soldiers", "Russian dead at 85".
_NON_RUSSIAN_NAMES = (
    r"Ukrainian|Chinese|Belarusian|South Korean|American|British|Polish|Estonian|Japanese|"
    r"German|ukrainische\w*|deutsche\w*|ukrainiens?|ucranianos?|Bundeswehr"
)
_OTHER_NATION = (
    rf"(Russian|US|russische\w*|russes?|rusos?|Soviet|sowjetische\w*|soviétiques?|soviéticos?|"
    rf"{_NON_RUSSIAN_NAMES})"
)
# Any other nation's people by their demonym: "two Kenyan and one Ethiopian professional"
_DEMONYM = r"(?!(?:Korean|North|South|Russian|Soviet)\b)[A-Z][a-z]+(?:an|ese|ian|i|ish)"
_OTHERS_IN_LABEL = re.compile(
    # also after a word of loss: "37 wounded Ukrainian soldiers"
    rf"^\S+(\s+(of|von|de))?(\s+(wounded|injured|dead|fallen|captured|missing))?\s+"
    rf"({_OTHER_NATION}|{_DEMONYM})\b|"
    # French and Spanish nationalities as nouns: "al menos 12 cubanos desaparecidos"
    r"^(\S+\s+){0,3}?\d[\d.,\u00a0\u202f ]*\s+(cubanos|cubanas|nepalíes|nepaleses|indios|"
    r"colombianos|sirios|chinos|uzbekos|tayikos|africanos|cubains|népalais|indiens|colombiens|"
    r"syriens|chinois|ouzbeks|tadjiks|africains|"
    # Portuguese: "12 brasileiros detidos na Europa"
    r"brasileiros|portugueses|cubanos|nepaleses|indianos|chineses|africanos|angolanos|"
    # German nationalities as nouns: "darunter 3.100 Usbeken, 1.900 Chinesen"
    r"Usbeken|Tadschiken|Kirgisen|Chinesen|Vietnamesen|Inder|Nepalesen|Kubaner|Syrer|Afrikaner|"
    r"Ukrainer|Russen|Belarussen|Weißrussen|Türken|"
    # Italian: "3.100 uzbeki"
    r"uzbeki|tagiki|kirghisi|cinesi|vietnamiti|indiani|nepalesi|cubani|siriani|africani)\b|"
    # foreign workers in general, a mix of nations: "9.400 ausländische Arbeitskräfte"
    r"^(\S+\s+){0,3}?\d[\d.,\u00a0\u202f ]*\s+(ausländische\w*|foreign|étrangers|extranjeros|"
    r"stranieri)\b|"
    # French and Spanish put the nationality after the noun: "1 000 soldats français"
    r"^\S+(\s+\S+)?\s+(soldats|militaires|troupes|soldados|militares|tropas|ouvriers|"
    r"travailleurs|obreros|trabajadores|soldati|militari|truppe|operai|lavoratori)\s+(français|"
    r"russi|ucraini|cinesi|uzbeki|tagiki|americani|britannici|francesi|tedeschi|polacchi|"
    r"allemands|américains|britanniques|polonais|ukrainiens|russes|franceses|alemanes|"
    r"estadounidenses|británicos|españoles|polacos|ucranianos|rusos|cubanos|cubains|chinos|"
    r"chinois|indios|indiens|nepalíes|népalais|uzbekos|ouzbeks|"
    # the writer's own and other European nations: "i circa 250 militari italiani in Lettonia"
    r"italiani|spagnoli|inglesi|europei|italiens|espagnols|européens|italianos|europeos|"
    r"portugueses|portugais|portoghesi|turchi|turcs|turcos|giapponesi|japonais|japoneses|"
    r"sudcoreani|sud-coréens|surcoreanos)\b"
)
# After a hedge too ("more than 200 Ukrainian servicemen"), but not Russians: "some 50 Russian
# military advisers" sent to North Korea are a deployment. (Not "US" either: the match ignores
# case, and "5,000 of us" is no nation.)


def _hedged_label_of(nations: str) -> re.Pattern[str]:
    """A label whose figure, after a hedge of a few words, counts people of ``nations``."""
    return re.compile(
        rf"^(\D{{0,25}}?\d[\d,.\u00a0\u202f]*|(tens of |hundreds of )?(thousands|hundreds|dozens))"
        # "over 70,000 named Ukrainian", "tens of thousands of Russian soldiers"
        rf"\s+((of|von|de)\s+)?(named\s+|more\s+|other\s+)?({nations})\b",
        re.IGNORECASE,
    )


# "US" only in capitals: "Some 28,500 US soldiers", never "5,000 of us"
_OTHERS_IN_HEDGED_LABEL = _hedged_label_of(
    # the Soviet Union sends no one now: "some 26,000 Soviet airmen and ground crew"
    rf"{_NON_RUSSIAN_NAMES}|Soviet|sowjetische\w*|soviétiques?|soviéticos?|(?-i:US|U\.S)"
)
_OTHERS_BEFORE = re.compile(
    # another nation's formation: "the Soviet 64th Fighter Aviation Corps had about 26,000 men"
    rf"(\b{_OTHER_NATION}\s+(\S+\s+){{0,4}}?(corps|army|division|brigade|regiment|battalion|"
    rf"fleet|garrison)\b|"
    rf"\b{_OTHER_NATION}\s+(soldiers|troops|servicemen|forces|dead|casualties|losses|"
    rf"paratroopers|marines|fighters|defenders|conscripts|recruits|"
    rf"civilians|officers|Soldaten|soldats|soldados)|\b(civilians|residents|children|people|"
    rf"citizens|nationals|"
    rf"persons|personnes|Menschen|personas|"
    # other armies named as the subject: "die Bundeswehr soll bis 2029 um etwa 20.000 Soldaten"
    rf"Bundeswehr|US Army|British Army|NATO|"
    # not when North Korea is named between them and the figure: "documents captured by
    # Ukrainian troops, ..., when it put the North Korean contingent at 10,000 to 11,000"
    rf"Zivilisten|{_CIVILIANS}))\b(?![^;]*\b(North Korea|Pyongyang|Nordkorea|nordkoreanisch|"
    rf"Corée du Nord|nord-coréen|Corea del Norte|norcorean))[^;]*$",
    re.IGNORECASE,
)
# States other than North Korea and Russia, by name or capital, as they open a clause in
# English: one list for the vetoes that give a figure to another state (its losses or needs,
# its forces at work, its own count). German, French and Spanish names are _OTHER_STATES_DFS.
_OTHER_STATES = (
    r"Ukraine|Kyiv|Poland|Warsaw|Germany|Berlin|France|Paris|Britain|London|Europe|NATO|"
    r"the West|Japan|Tokyo|China|Beijing|India|Iran|Belarus|the United States|the US|America|"
    r"Washington|South Korea|Seoul|Spain|Madrid|Italy|Rome|Turkey|Ankara|Canada|Australia|"
    r"the UK|the United Kingdom"
)
_OTHER_STATES_DFS = (
    r"Südkorea|Japan|China|die USA|die Vereinigten Staaten|Deutschland|Frankreich|"
    r"Großbritannien|die Ukraine|Polen|die Nato|la Corée du Sud|les États-Unis|la France|"
    r"le Japon|la Chine|l'Ukraine|la Pologne|l'Allemagne|le Royaume-Uni|l'Otan|"
    r"Corea del Sur|Estados Unidos|Japón|Ucrania|Polonia|Alemania|Francia|el Reino Unido|"
    r"la OTAN|España|Italia|Turquía|Spanien|Italien|die Türkei|l'Espagne|l'Italie|la Turquie|"
    # Italian, and the writer's own country: "Il nostro Paese mantiene circa 250 militari"
    r"la Corea del Sud|gli Stati Uniti|il Giappone|la Cina|l'Ucraina|la Polonia|la Germania|"
    r"la Francia|il Regno Unito|la Nato|la Spagna|l'Italia|"
    r"il nostro Paese|our country|notre pays|nuestro país|unser Land"
)
# Another state's own losses or needs, or the speaker's own unit's: "Ukraine has lost tens of
# thousands of soldiers", "Poland would need 25,000 more professional soldiers", "We lost seven
# men that day", "his unit, about 450 strong". The figure ends the clause these open.
_OWN_FORCES_BEFORE = re.compile(
    rf"(\b({_OTHER_STATES}|the Bundeswehr|({_OTHER_STATES})'s (army|armed forces|military))"
    r"(\s+\w+){0,2}?\s+(has |have |had |would |will |may )?(lost|loses|losing|need|needs|"
    r"needed|recruit|recruits|recruited|mobili[sz]e[sd]?)\b"
    r"|\b(we|our (\w+ )?(unit|battalion|brigade|company|platoon|regiment))(\s+\w+){0,2}?\s+"
    r"(lost|buried|evacuated)\b"
    r"|\b(my|our|his|her|their) (unit|battalion|brigade|company|platoon|regiment)"
    # but not what the unit did to the enemy: "my battalion killed 38 of them"
    r"(?!\s+(has |have |had )?(killed|captured|took|taken|destroyed|shot|wounded|eliminated)\b),?"
    # a unit's own strength: "Vatra's company, which has 60 pilots"
    r"|\b(unit|battalion|brigade|company|platoon|regiment),?\s+which\s+(has|had|numbers)"
    # the speaker's own strength: "We should have 400 men; we have about 280"
    r"|\b(we|I)\s+(should |would |only |now |still )?(have|had)(?=\s*$)"
    # a prisoner swap between the warring sides: "The two sides swapped 300 prisoners each"
    r"|\b(swapp?\w*|exchanged|traded|tauscht\w*|ausgetauscht|intercambi\w*|canje\w*|"
    r"troc(aram|ou|a|am|ado)|scambi\w*|échang\w*)\b"
    # the dead handed back after a swap: "Ukraine also received the bodies of 1,000 fallen"
    r"|\b(received|repatriated|returned|handed\s+over|handed\s+back)\s+(the\s+)?"
    r"(bodies|remains)\s+of\b"
    # a state's own losses in German, French and Spanish: "Ucrania perdió más de 76.000"
    r"|\b(Ucrania|Rusia|Kiev|Moscú|Ukraine|Russland|Kiew|Moskau|Russie|Moscou)\b(\s+\w+){0,2}?"
    r"\s+(ha |hat |a )?(perdió|perdieron|pierde|pierden|perdido|verlor|verliert|verloren|"
    r"perdu|perd)\b)"
    r"(?![^,;]*\bNorth Korean)([^,;]|,\d)*$",
    re.IGNORECASE,
)


def _number_of_others(clause_before: str) -> bool:
    """Whether the words before a figure give "the number of" people troopwatch does not count."""
    found = _NUMBER_OF_BEFORE.search(clause_before)
    return found is not None and names_other_people(found.group(1))


def _own_forces_before(clause_before: str) -> bool:
    """Whether the words before a figure give another state's or the speaker's own losses or
    needs (``_OWN_FORCES_BEFORE``), with no North Korea between them and the figure: not "Kyiv
    says Pyongyang has lost 300 troops"."""
    found = (
        _OWN_FORCES_BEFORE.search(clause_before)
        if any_match(_OWN_FORCES_BEFORE, clause_before)
        else None
    )
    return found is not None and not refers_to_north_korea(clause_before[found.start() :])


# Another state's forces at work, in a sentence that does not name North Korea: "China has
# sent four destroyers, a supply ship and roughly 1,200 personnel", "South Korea's navy, which
# has about 70,000 personnel".
_OTHER_STATE_ACTS = re.compile(
    rf"\b({_OTHER_STATES}|Chinese|Japanese)"
    r"('s?\s+(\w+\s+)?(navy|army|military|forces|armed forces|defen[cs]e ministry|government))?"
    # "which has" says what a state holds, not what it estimates ("HUR, which has put the force
    # at as many as 14,000")
    r"\b[^;]*\b(sent|sends|deployed|deploys|dispatched|"
    r"which ha[sd](?!\s+(put|placed|estimated|counted|said|reported|given|cited))|contributed|"
    r"recruited|mobili[sz]ed|fields|stationed|deploy|send|dispatch|station|trained|"
    r"drills?|exercises?|manoeuvres|maneuvers|"
    r"Manöver\w*|Übung\w*|exercices?|ejercicios?|maniobras)\b[^;]*$",
    re.IGNORECASE,
)


def names_north_korea(text: str) -> bool:
    """Whether ``text`` names North Korea itself (not only "Korean", which may be South's)."""
    return any_match(_NORTH_KOREA, text) or (cyrillic(text) and any_match(_RU_NORTH_KOREA, text))


def other_state_acts(clause_before: str, sentence: str) -> bool:
    """Whether another state sends, has or drills the people a figure counts, in a sentence
    that does not name North Korea ("Japan ... had deployed three destroyers and about 1,000
    personnel", "South Korean and US forces began drills involving about 19,000 troops")."""
    return not names_north_korea(sentence) and bool(_OTHER_STATE_ACTS.search(clause_before))


# Places North Korea sends people to that are not Russia: "roughly 100,000 workers to China".
_ELSEWHERE = re.compile(
    r"\b(to|in|into|across|reached|of|near|outside|from|nach|en|à|au|aux|a|na|no|em|nella|nel)"
    r"\s+(the\s+)?(China|Chine|"
    r"Cambodia|Cambodge|"
    r"Camboya|Dandong|Hunchun|Yanji|Shenyang|Helong|Yanbian|Jilin|Liaoning|Changchun|"
    r"Kambodscha|Laos|Vietnam|Mongolia|Mongolei|Mongolie|Kuwait|Koweït|Qatar|Katar|Oman|"
    r"(United\s+Arab\s+)?Emirates|UAE|Libya|Nigeria|Angola|Senegal|Equatorial\s+Guinea|Algeria|"
    r"Malaysia|Myanmar|Thailand|Indonesia|Syria|Iran|Africa|Afrika|Afrique|África|Middle\s+East|"
    r"Nahen\s+Osten|Moyen-Orient|Oriente\s+Medio|Gulf|Cuba|Kuba|Lithuania|Litauen|Lituanie|"
    r"Lituania|Poland|Polen|Pologne|Polonia|Latvia|Lettland|Letonia|Lettonie|Estonia|Estland|"
    r"Estonie|Romania|Rumänien|Roumanie|Rumania|"
    r"Finland|Finnland|Germany|Deutschland|South\s+Korea|Südkorea|Corée\s+du\s+Sud|"
    r"Corea\s+del\s+Sur|Japan|Japon|Japón|Taiwan|"
    # Portuguese and Italian: "200 militares destacados na Roménia"
    r"Roménia|Romênia|Letónia|Letônia|Lituânia|Polónia|Polônia|Estónia|Estônia|Alemanha|"
    r"Coreia\s+do\s+Sul|Japão|Lettonia|Germania|Giappone|Corea\s+del\s+Sud)\b|"
    # "some 1,100 in 14 African countries"
    r"\b(to|in|into|across)\s+(the\s+)?(border\s+)?(city|town)\s+of\s+(Dandong|Hunchun|Yanji)\b|"
    r"\b(to|in|into|across)\s+(\d+\s+|several\s+|other\s+|a\s+dozen\s+)?(African|Asian|Arab|"
    r"Gulf|European|Middle\s+Eastern|Southeast\s+Asian)\s+(countries|states|nations)\b"
)


# People a few words after a figure who come from a country other than North Korea or Russia:
# "a quota of 2,000 workers from India", "около 2 тыс. рабочих из Китая".
_FROM_ELSEWHERE_AFTER = re.compile(
    r"\s*([\w-]+\s+){0,3}?(from|aus|de|desde)\s+(the\s+)?(China|India|Indien|Inde|Nepal|"
    r"Népal|Central\s+Asia|Zentralasien|Asie\s+centrale|Asia\s+Central|Uzbekistan|Usbekistan|"
    r"Ouzbékistan|Tajikistan|Tadschikistan|Tadjikistan|Kyrgyzstan|Kirgisistan|Kazakhstan|"
    r"Kasachstan|Vietnam|Viêt\s+Nam|Bangladesh|Sri\s+Lanka|Cuba|Kuba|Africa|Afrika|Afrique|"
    r"África|Chine|Syria|Syrien|Syrie|Siria|Turkey|Türkei|Turquie|Turquía|Laos|Myanmar|"
    r"Indonesia|Indonesien|Indonésie|the\s+Philippines)\b|"
    r"\s*(\w+\s+){0,3}?из\s+(Китая|Индии|Непала|Центральной\s+Азии|Узбекистана|"
    r"Таджикистана|Киргизии|Кыргызстана|Казахстана|Вьетнама|Бангладеш|Шри-Ланки|Кубы|Африки|"
    r"Сирии|Турции|Лаоса|Мьянмы|Индонезии|России|(других\s+)?регионов(\s+России)?)(?!\w)|"
    # Russians from elsewhere in Russia: "6,000 contractors' workers from other Russian regions"
    r"\s*([\w'-]+\s+){0,3}?from\s+(other|elsewhere in)\s+(Russian\s+regions|regions\s+of\s+Russia|"
    r"Russia)\b",
    re.IGNORECASE,
)


# A unit of another nation's forces: "About 600 servicemen of the Russian Railway Troops".
_OF_OTHER_FORCES_AFTER = re.compile(
    r"\s+(\w+\s+)?(servicemen|soldiers|troops|personnel|members|men|officers)\s+of\s+"
    rf"(the\s+)?({_OTHER_NATION}|Russia's|Ukraine's)\b|"
    # Italian: "800 uomini delle truppe ferroviarie di Mosca", "dell'esercito russo"
    r"\s+(uomini|soldati|militari)\s+(delle|della|dei|del|dell')\s*(truppe|forze|esercito|"
    r"reparti|unità)\b[^,;.]{0,40}?\b(russ[eoia]|ucrain[eoia]|di Mosca|di Kiev)\b",
    re.IGNORECASE,
)


# Losses among civilians, named after the figure in its clause: "сообщил о 9 погибших и 31
# раненом среди мирных жителей", "killed 9 and wounded 31 among civilians".
_AMONG_CIVILIANS_AFTER = re.compile(
    r"[^,;.!?\n]{0,60}?\b(среди мирн\w* жител\w*|среди гражданск\w*|among (the )?civilians|"
    r"unter (den )?Zivilisten|parmi les civils|entre (los )?civiles)",
    re.IGNORECASE,
)


def others_just_after(text: str, end: int) -> bool:
    """Whether the words just after a figure ending at ``end`` make its people someone else's:
    they come from a third country ("2,000 workers from India"), serve in another nation's
    forces ("About 600 servicemen of the Russian Railway Troops") or are civilians ("9 killed
    and 31 wounded among civilians")."""
    return any(
        pattern.match(text, end)
        for pattern in (_FROM_ELSEWHERE_AFTER, _OF_OTHER_FORCES_AFTER, _AMONG_CIVILIANS_AFTER)
    )


# China or its people in any supported language: "comerciantes chinos suministraron a Corea del
# Norte hasta 3 millones de barriles de petróleo refinado".
_CHINA_OR_CHINESE = re.compile(
    r"\b(China|Chinese|Chine|chinois\w*|chin[oa]s|chinesisch\w*|Cina|cinesi|chineses?|"
    r"Китай\w*|Китаю|китайск\w*|КНР)\b",
    re.IGNORECASE,
)


def china_not_russia(sentence: str) -> bool:
    """Whether a sentence names China or the Chinese but never Russia: what moves there moves
    between other states ("Chinese traders supplied North Korea with refined oil")."""
    return bool(_CHINA_OR_CHINESE.search(sentence)) and not names_russia(sentence)


def names_a_third_country(text: str) -> bool:
    """Whether ``text`` places something in a country other than Russia ("in China and Laos")."""
    return bool(_ELSEWHERE.search(text))


def sent_elsewhere(sentence: str, start: int, end: int) -> bool:
    """Whether the clause of ``sentence[start:end]`` (a figure) places people in a country other
    than Russia, in a sentence that never names Russia ("North Korea has sent roughly 100,000
    workers to China over the years"; not "loggers ..., felling larch for export to China")."""
    clause_start = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start)) + 1
    # a wire story's dateline before the sentence proper: "DANDONG, China, Nov. 20, 2025 (Agency)
    # - Behind the walls of a plant on the edge of Dandong, some 400 ..."
    dateline = _DATELINE.match(sentence)
    opening = dateline.end() if dateline and dateline.end() <= start else 0
    if _PLACE_OPENING.match(sentence, opening) and sentence.count(",", opening, start) == 1:
        clause_start = opening  # "On the edge of Dandong, some 400 North Korean women gut squid"
    clause_end = end
    while True:  # a list of places goes on past its commas
        ends = [
            k for k in (sentence.find(",", clause_end), sentence.find(";", clause_end)) if k >= 0
        ]
        clause_end = min(ends, default=len(sentence))
        if not _MORE_PLACES.match(sentence, clause_end + 1):
            break
        clause_end += 1
    clause = sentence[clause_start:clause_end]
    return bool(_ELSEWHERE.search(clause)) and not names_russia(sentence)


# A dateline: "DANDONG, China, Nov. 20, 2025 (Northeast Asia Report) - ", "SEOUL (AP) — ".
_DATELINE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý .'-]+(,|\s\()[^\n]{0,80}?\s[-–—]\s")
# A sentence that opens with where it happens: "Behind the walls of a plant in Dandong, ...".
_PLACE_OPENING = re.compile(r"\s*(On|In|At|Behind|Near|Outside|Inside|Across)\s")
# A clause that goes on listing places after a comma: "employed on building sites, in fishing
# fleets and in clinics across the Middle East and Africa".
_MORE_PLACES = re.compile(r"\s*(and\s+|or\s+)?(in|on|at|across|aboard|throughout)\s", re.IGNORECASE)


# Other nations' people counted by where they come from: "17 men from Nepal".
_PEOPLE_FROM = re.compile(
    r"^\S+(\s+\S+){0,3}?\s+(men|women|people|nationals|citizens|recruits|mercenaries)\s+"
    r"from\s+(?!North Korea)[A-Z]"
)
# Russians counted after a hedge ("held more than 6,000 Russian servicemen"): someone else's
# unless the sentence sends them to North Korea ("some 50 Russian military advisers").
_RUSSIANS_IN_HEDGED_LABEL = _hedged_label_of(r"Russian|russische\w*|russes?|rusos?")


_CONTRAST = re.compile(r"\b(?:unlike|whereas|rather than|in contrast to|compared with)\b", re.I)


def counts_people_in_general(label: str, sentence: str) -> bool:
    """Whether a figure counts "people" in a sentence that does not name North Korea ("South
    Korean media said 1,500 people may have died" is not about North Koreans)."""
    generic = _GENERIC_PEOPLE.search(label) or (
        cyrillic(label) and _RU_GENERIC_PEOPLE.search(label)
    )
    return bool(generic) and not names_north_korea(sentence)


# Words for people a figure's noun phrase may name besides personnel and losses: the people an
# "other personnel" deployment counts ("40 technicians"), and nouns that stand for soldiers.
_SOMEONE = re.compile(
    r"\b(men|women|people|personnel|staff|specialists|technicians|experts|pilots|guards|"
    r"comrades|Kameraden|camarades|camaradas|citizens|nationals|Bürger|citoyens|ciudadanos|"
    r"cadets|interpreters|translators|officers|officials|North Koreans|Koreans|members|others|"
    r"ones|heroes|replacements|reinforcements|recruits|conscripts|volunteers|mercenaries|"
    r"newcomers|new arrivals|arrivals|Neuankömmlinge|nouveaux arrivants|recién llegados|"
    r"combatants|victims|survivors|bodies|remains|graves|names|snipers|commandos|paratroopers|"
    r"marines|scouts|drivers|mechanics|welders|miners|electricians|carpenters|programmers|"
    r"developers|hackers|cooks|sailors|seamen|airmen|tankers|trainees|apprentices|"
    r"infantrymen|artillerymen|riflemen|tireurs|francotiradores|marins|marineros|"
    r"Mann|Männer|Frauen|Fachleute|Spezialisten|Techniker|Offiziere|Nordkoreaner|Helden|"
    r"hommes|femmes|spécialistes|techniciens|officiers|Nord-Coréen\w*|nord-coréen\w*|héros|"
    r"autres|hombres|mujeres|especialistas|técnicos|oficiales|norcorean\w*|héroes|otros|"
    # Portuguese: "cerca de 10 mil homens"
    r"homens|mulheres|oficiais|norte-corean\w*|heróis|outros|"
    r"человек|специалист\w*|техник\w*|офицер\w*|северокорейц\w*)\b",
    re.IGNORECASE,
)


def names_someone(text: str) -> bool:
    """Whether ``text`` names people of some kind ("40 North Korean technicians", "others")."""
    return bool(_SOMEONE.search(text))


# A plural noun in English, French or Spanish ("homes", "concerts", "países"); German and
# Russian plurals do not end so, and are left alone.
# a plural noun, or a designation's plural ("K9s", "T-72s", "MiG-29s": machines, not people)
_PLURAL_WORD = re.compile(r"^(?:[^\W\d_]{3,}s|[A-Z][\w-]*\d[\w-]*s[,.;:]?)$")
_NOT_NOUNS = frozenset(
    "was has is as its this thus always perhaps across less plus unless yes his hers ours "
    "theirs whereas besides sometimes afterwards towards país mais más após através "
    # participles of counting and expecting: "contra os 10 mil estimados em dezembro"
    "estimados estimadas previstos previstas calculados contabilizados registrados registados "
    "stimati previsti calcolati estimés prévus".split()
)


# "how many" in the supported languages: a question word ends a count's noun phrase and label
_QUESTION_WORDS = r"how many|quantos|quantas|cuántos|cuántas|combien|quanti|quante|wie viele"
_QUESTION_WORD = re.compile(rf"\s(?:{_QUESTION_WORDS})\s", re.IGNORECASE)
_NEXT_PHRASE = re.compile(
    # (not "two 5,000-tonne destroyers", whose noun comes after the measure)
    r"\s(?:and|or|und|oder|et|ou|y|o|plus)\s|\s\d(?![\d,.]*-[^\W\d])|"
    # a verb ends the noun phrase: "3,000 or so went home when their contracts expired"
    r"(?:^|\s)(?:went|came|are|were|is|was|have|has|had|will|would|remain\w*|return\w*|left|"
    r"arrived|"
    # ... in the other languages: "unos 11.000 siguen desplegados"
    r"siguen|sigue|están|son|eran|fueron|han|habían|permanecen|quedan|estão|são|seguem|"
    r"continuam|permanecem|ficam|restano|rimangono|sono|erano|sont|restent|demeurent|bleiben|"
    r"sind|waren|"
    # gone home ("mais de 2 mil regressaram ao país em janeiro"), and the Portuguese and
    # Spanish third-person plural past ("voltaram", "volvieron", "enviaram", "llegaron")
    r"regress\w*|rentr[ée]s|revenus|tornati|rientrati|zurückgekehrt|heimgekehrt|"
    r"[^\W\d_]{2,}(?:aram|eram|iram|aron|ieron)|"
    # ... and the conditional: "Otros 2.000 deberían llegar antes de finales de abril"
    r"[^\W\d_]{2,}(?:rían|riam|rebbero|raient)|"
    # ... and the future: "otros 3.000 llegarán antes del verano"
    r"[^\W\d_]{2,}(?:rán|rão|ront|ranno)|"
    # ... and a modal verb: "Outros 2 mil devem ser enviados até julho"
    r"should|must|could|might|devem|deve|deben|debe|doivent|doit|sollen|soll|müssen|dürften|"
    r"können|podem|pueden|possono|peuvent)\b|"
    # and so does a conjunction: "down from about 13,000 last summer as some units rotated home"
    r"(?:^|\s)(?:as|when|while|after|before|because|als|quand|lorsque|cuando|mientras)\s|"
    rf"(?:^|\s)(?:{_QUESTION_WORDS})\s",
    re.IGNORECASE,
)


def counts_other_things(label: str, phrase: str) -> bool:
    """Whether a figure's noun phrase names things, not people: a plural that is no word for
    people, personnel or losses ("about 4,400 new homes", "85 concerts", "9 países", "1,200 of
    the new homes"). ``phrase`` is the noun phrase after the count."""
    if cyrillic(phrase):
        return False
    # the first noun phrase only: "335 MiGs and 120 pilots" counts MiGs
    phrase = _NEXT_PHRASE.split(phrase, maxsplit=1)[0]
    plurals = [w for w in phrase.split() if _PLURAL_WORD.match(w) and w.lower() not in _NOT_NOUNS]
    if not plurals:
        return False
    # a question word ends the label too: "Entenda em cinco perguntas quantos soldados
    # Pyongyang mandou" counts questions
    words = f"{_QUESTION_WORD.split(label, maxsplit=1)[0]} {phrase}"
    return not (
        personnel_in_phrase(words) is not None
        or subtype_from_words("casualty", words) is not None
        or names_losses(words)
        or names_someone(words)
        or _PEOPLE.search(words)
        or any_match(_OTHER_PEOPLE, words)
    )


# Russia's own forces or hires, in a sentence that does not name North Korea: "Russia keeps
# about 3,500 troops on the disputed islands", "Russia plans to station about 50,000 troops".
_RUSSIA_OWN_BEFORE = re.compile(
    r"\b(Russia|Moscow|the Kremlin|Putin|Russland|Moskau|Russie|Moscou|Rusia|Moscú|"
    r"Россия|Москва|Кремль|Росія|"
    r"Russia's (own )?(army|military|armed forces|forces|defen[cs]e ministry|industry)|"
    r"Russian (army|forces|units|troops|soldiers|brigades|regiments|battalions|"
    r"military|plants|factories|firms|companies|industry)|(el ejército|las fuerzas) rus[oa]s?|"
    r"(l'armée|les forces) russes?|die russische Armee)\b,?(\s+\S+){0,6}?\s+"
    r"(plans? to |will |would |has |have |had |is |are |now |already |also |together )*"
    r"(station|stations|stationed|keep|keeps|kept|deploy|deploys|deployed|hire|hires|hired|"
    r"recruit|recruits|recruited|mobili[sz]e[sd]?|form|forms|formed|add|adds|added|maintain|"
    r"maintains|maintained|employ|employs|employed|lost|loses|lose|losing|pierde|perdió|perd\w*|"
    r"verliert|verlor|verloren|recluta\w*|reclutó|recrut\w*|rekrutier\w*|train|trains|"
    r"trained|"
    # "Россия ежемесячно набирает около 30 тыс. контрактников"
    r"набирает|набрала|вербует|завербовала|теряет|потеряла|мобилизовала|набирає|втрачає|"
    # Ukrainian past: "Росія, за даними Генштабу, втратила 1 090 військових"
    r"втратила|втратили|втратив|набрала|мобілізувала)\b"
    r"[^;]*$",
    re.IGNORECASE,
)


# Someone else's bare count: "against Ukraine's 2,000", "Russia's 600,000", "hired more than
# 35,000 workers" where no North Korean is named.
_STATES_OWN_BEFORE = re.compile(
    rf"\b(Russia|Moscow|{_OTHER_STATES})['’]s\s+(own\s+)?$",
    re.IGNORECASE,
)
# A state's own army by a pronoun, in a sentence that does not name North Korea.
_ITS_ARMY_BEFORE = re.compile(
    r"\b(its|their)\s+(\w+\s+)?(army|armed forces|military|navy|air force|forces)\s+"
    r"(now\s+)?(numbers?|counts?|totals?|has|have|comprises?|stands at)\s+(\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Another state's own strength in German, French and Spanish: "Südkorea hat etwa 450.000
# Soldaten", "les États-Unis y stationnent 28 500 soldats", "Japón mantiene unos 250.000".
_STATE_HAS_BEFORE = re.compile(
    # "España, que mantiene unos 600 militares en Letonia"
    rf"\b({_OTHER_STATES_DFS})\b(,?\s+\w+){{0,2}}?\s+(hat|haben|hält|halten|zählt|zählen|"
    r"unterhält|unterhalten|"
    r"stationiert|compte|comptent|a|ont|stationne|stationnent|maintient|maintiennent|tiene|"
    r"tienen|mantiene|mantienen|cuenta con|cuentan con|despliega|despliegan|"
    r"ha|hanno|schiera|schierano|dispone di|mantengono)"
    r"(\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
# ... and in English, the verb right before the figure: "South Korea currently has about 1,000
# troops on overseas missions" (not "Ukraine has captured two").
_STATE_HAS_BEFORE_EN = re.compile(
    rf"\b({_OTHER_STATES})\s+((currently|now|still|also)\s+)?(has|have|keeps|maintains|fields)"
    r"\s*$",
    re.IGNORECASE,
)
# A state's own toll: "when it put its dead at 5,937".
_OWN_TOLL_BEFORE = re.compile(
    r"\b(its|their)\s+(own\s+)?(dead|losses|casualties|death toll|toll)\s+(at|to)\s*$",
    re.IGNORECASE,
)
_HIRED_BEFORE = re.compile(
    r"\b(hired|hires|hiring|employ|employs|employed|employing)\b[^,;]*$", re.IGNORECASE
)
# North Korea's own soldiers at home: parades and rebuilding after floods.
_FIGHTING = re.compile(
    r"\b(fighting|the front|front ?lines?|battles?|combat|shelling|Kämpfe\w*|Krieg\w*|"
    r"guerre|combats|guerra|combates|combattimenti|luta|lutas)\b",
    re.IGNORECASE,
)
_AT_HOME = re.compile(
    r"\b(marched|march past|paraded|parade|parades|rebuil\w*|reconstruction|flood\w*)\b",
    re.IGNORECASE,
)


# A third country that hosts or employs the people: "China hosted as many as 100,000 North
# Korean workers before the 2017 UN ban".
_STATE_HOSTS_BEFORE = re.compile(
    rf"\b({_OTHER_STATES})\s+(\w+\s+)?(hosted|hosts|hosting|housed|houses|employed|employs)"
    r"(\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


def hosted_elsewhere(clause_before: str) -> bool:
    """Whether a third country hosts or employs the people a figure counts, North Korean or
    not: "China hosted as many as 100,000 North Korean workers"."""
    return bool(_STATE_HOSTS_BEFORE.search(clause_before))


def someone_elses(clause_before: str, sentence: str, previous: str = "") -> bool:
    """Whether a count belongs to another state or employer, or to North Koreans at home: "against
    Ukraine's 2,000", "Südkorea hat etwa 450.000 Soldaten", "have hired more than 35,000
    workers" (no North Korean named), "some 15,000 soldiers and cadets marched past Kim Jong
    Un" (no Russia or its war named in the sentence or, for "there", the one before it:
    "... in the Kursk region. A separate contingent of some 5,000 military construction troops
    has been rebuilding roads and bridges there")."""
    if _STATES_OWN_BEFORE.search(clause_before):
        return True
    state_has = _STATE_HAS_BEFORE.search(clause_before) or _STATE_HAS_BEFORE_EN.search(
        clause_before
    )
    if state_has and not refers_to_north_korea(clause_before[state_has.start() :]):
        return True  # not "Laut Südkorea hat Nordkorea rund 14.000 Soldaten ... geschickt"
    own_toll = _OWN_TOLL_BEFORE.search(clause_before)
    if (
        own_toll
        and not names_north_korea(sentence)
        # "their losses" after a sentence on North Korean soldiers are theirs: "... 12,000 North
        # Korean soldiers remain in Russia. HUR puts their losses at more than 6,000"
        and not (own_toll[1].lower() == "their" and names_north_korea(previous))
    ):
        return True
    if _ITS_ARMY_BEFORE.search(clause_before) and not names_north_korea(sentence):
        return True  # "Its army numbers about 71,500 active troops" (Romania's)
    if _HIRED_BEFORE.search(clause_before) and not names_north_korea(sentence):
        return True
    at_home = _AT_HOME.search(sentence)
    if (
        not at_home
        or names_russia_or_war(sentence)
        # rebuilding what fighting destroyed is war work, not a flood at home: "another 5,000
        # military construction troops are due by the summer, to rebuild what the fighting
        # destroyed"
        or (
            at_home[1].lower().startswith(("rebuil", "recons"))
            and (_FIGHTING.search(sentence) or _FIGHTING.search(previous))
        )
        or _WAR_PLACE.search(sentence)  # "rebuilding bridges around Sudzha"
        or _OF_THOSE.search(sentence)  # "Of those, roughly 5,000 ... rebuilding roads"
    ):
        return False
    return not (_THERE.search(sentence) and names_russia_or_war(previous))


# "there", "in the region": the place the sentence before named ("... in Russia's Kursk region.
# Their place has been taken by about 2,500 military engineers, who arrived in the region ... to
# rebuild bridges")
_THERE = re.compile(r"\b(there|in the (region|area|province|oblast))\b", re.IGNORECASE)
# A part of a group counted before: "Of those, roughly 5,000 are military construction troops
# rebuilding roads" (the group's place is named earlier, perhaps in a question before).
_OF_THOSE = re.compile(r"\b(of (those|them)|among them)\s*,", re.IGNORECASE)
# The war's places in Russia and Ukraine, named without "Russia": "rebuilding bridges around
# Sudzha" is not rebuilding at home.
WAR_PLACES = (
    r"Kursk|Koursk|Belgorod|Sumy|Sudzha|Sudscha|Soudja|Donetsk|Donezk|Donbas|Luhansk|"
    r"Zaporizhzhia|Kherson"
)
_WAR_PLACE = re.compile(rf"\b({WAR_PLACES})\b", re.IGNORECASE)


# The verb first, as German and Spanish put it after an opening phrase: "Nach ukrainischen
# Angaben verliert Russland täglich etwa 1.100 Soldaten", "cada día pierde Rusia unos 1.000".
_RUSSIA_OWN_INVERTED = re.compile(
    r"\b(verliert|verlor|rekrutiert|rekrutierte|stationiert|mobilisiert|pierde|perdió|"
    r"recluta|reclutó)\s+(Russland|Moskau|die russische Armee|Rusia|Moscú|el ejército ruso)\b"
    r"(\s+\S+){0,4}?\s*$",
    re.IGNORECASE,
)


# The size of Russia's own forces: "Russia's own grouping in the Kursk region numbers some
# 45,000" (but "North Korea's contingent in Russia now numbers some 13,000 troops").
_RUSSIA_OWN_NUMBERS = re.compile(
    # "Russia's own grouping in the Kursk region is about 50,000 strong", but not "Russia's own
    # estimate is 12,000"
    r"\bRussia's own\s+(?![^;]*\b(estimate|count|figure|tally|assessment)\b)(\S+\s+){0,6}?"
    r"(numbers|numbered|totals|totalled|totaled|is|was|stands at)\b[^;]*$|"
    # "Russia's forces in the Kursk region number roughly 45,000"
    r"\b(Russia['’]s|Russian)\s+(forces|troops|army|grouping|contingent|units|soldiers|"
    r"servicemen)\s+(\S+\s+){0,5}?(number|numbers|numbered|total|totals|totalled|totaled)\s+"
    r"[^;]*$",
    re.IGNORECASE,
)


def russias_own(clause_before: str) -> bool:
    """Whether a figure counts Russia's own people: Russia keeps, stations, hires, recruits or
    loses them, with no North Korea named between Russia and the figure."""
    found = (
        _RUSSIA_OWN_BEFORE.search(clause_before)
        or _RUSSIA_OWN_INVERTED.search(clause_before)
        or _RUSSIA_OWN_NUMBERS.search(clause_before)
    )
    # North Korea named after the figure is another clause's ("..., which helps explain why
    # Moscow values even a modest North Korean contingent"); named between Russia and the
    # figure, the figure may be North Korea's
    return found is not None and not refers_to_north_korea(clause_before[found.start() :])


# A bare figure that gives "the number of" someone named before it: "The number of Central
# Asian migrants in Primorye has fallen by about 30% to 41,000".
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:the\s+)?number\s+of\s+((?:[\w-]+\s+){0,3}[\w-]+)\b[^.;]*$", re.IGNORECASE
)


def counts_other_people(label: str, clause_before: str = "") -> bool:
    """Whether a figure counts people outside troopwatch's scope, or stands for a noun named
    earlier: "30,000 runners", "The three also disagreed", "78 of which", "Two Ukrainian
    soldiers", and "nine" in "Two Ukrainian soldiers were killed and nine wounded"."""
    label = label.strip()
    # after a contrast the other people are behind: "are civilians, unlike the roughly 1,000
    # military construction troops"
    clause_before = _CONTRAST.split(clause_before)[-1]
    if bool(
        any_match(_OTHER_PEOPLE, label)
        or _NUMBER_AS_PRONOUN.search(label)
        or _OTHERS_IN_LABEL.search(label)
        or _OTHERS_IN_HEDGED_LABEL.search(label)
        or _PEOPLE_FROM.search(label)
        or (
            clause_before
            and not mentions_korea(label)
            and (
                any_match(_OTHERS_BEFORE, clause_before)
                or _own_forces_before(clause_before)
                or _number_of_others(clause_before)
            )
        )
    ):
        return True
    if cyrillic(label) and (
        any_match(_RU_OTHER_PEOPLE, label)
        or _RU_NUMBER_AS_PRONOUN.search(label)
        or _RU_OTHERS_IN_LABEL.search(label)
        or _RU_OTHERS_IN_HEDGED_LABEL.search(label)
    ):
        return True
    return bool(
        clause_before
        and cyrillic(clause_before)
        and not mentions_korea(label)
        and any_match(_RU_OTHERS_BEFORE, clause_before)
    )


# North Korea as a destination or host: "to North Korea", "in Pyongyang", "nach Nordkorea".
_TO_KOREA = re.compile(
    # also placed there: "at an airfield near Pyongyang", "near the North Korean port of Wonsan"
    r"\b(to|in|into|for|across|near|at|nach|in|en|à|a|hacia)\s+(the\s+)?"
    r"(north korea|pyongyang|dprk|"
    r"north korean (port|city|town) of|"
    r"nordkorea|pjöngjang|corée du nord|corea del norte|pionyang|"
    # its other cities: "at an airfield near Wonsan"
    r"wonsan|chongjin|hamhung|hamhŭng|nampo|rason|rajin|sinuiju|kaesong|"
    # and its launch, naval and nuclear sites: "at the Sohae launch site"
    r"sohae|tonghae|sinpo|yongbyon|sunan)\b",
    re.IGNORECASE,
)


def russians_sent_to_north_korea(label: str, sentence: str) -> bool:
    """Whether a figure's words name Russians in a sentence that places them in North Korea
    ("Quelque 60 instructeurs russes se trouvent en Corée du Nord"): a deployment the other way,
    though "Russes" alone counts Russians elsewhere."""
    return bool(_RUSSIAN_WORD.search(label)) and bool(_TO_KOREA.search(sentence))


_RUSSIAN_WORD = re.compile(r"\b(Russian|Russians|russes?|rus[oa]s|russi|russische\w*)\b", re.I)


def counts_russians_elsewhere(label: str, sentence: str) -> bool:
    """Whether a hedged figure counts Russians in a sentence that does not send them to North
    Korea ("held more than 6,000 Russian servicemen in all"): Russians are a record only when
    sent there ("some 50 Russian military advisers to North Korea")."""
    return bool(_RUSSIANS_IN_HEDGED_LABEL.search(label.strip())) and not _TO_KOREA.search(sentence)


# Words that move or place people: a clause with one of these and no casualty word describes a
# deployment, whatever a model called it ("plans to send up to 2,000 more deminers").
_MOVES_PEOPLE = re.compile(
    r"\b(sen[dt]|sending|deploy\w*|dispatch\w*|rotat\w*|arriv\w*|stationed|working|"
    r"operating|serving|clearing|building|expected to (arrive|join|leave)|entsandt|"
    # present there: "some 10,000 are still in Russia", "remain in Kursk"
    r"(are|is|were) (still |now )?(in|inside|based in)|remain\w*|stay\w*|"
    r"envoy\w*|déploy\w*|envi\w*|despleg\w*|"
    # gone home alive: "A further 3,000 or so went home last year", "cerca de 3.000 regressaram
    # a casa"
    r"went home|came home|gone home|pulled out|zurückgekehrt|heimgekehrt|rentr[ée]s|revenus|"
    r"regresaron|volvieron|rientrati|tornati|voltaram|regressaram|retornaram)\b",
    re.IGNORECASE,
)


# Losses named only as the reason for sending more: "sent 4,000 more soldiers to make up for
# its losses" counts soldiers sent. What follows one of these is cut before looking for a loss.
_REPLACING = re.compile(
    r"\b(to make up for|to replace|replacing|to replenish|to compensate for|to offset|to fill|"
    r"to make good|um .{0,30}zu ersetzen|pour remplacer|pour compenser|pour combler|"
    r"para reemplazar|para compensar|para cubrir|per colmare|per rimpiazzare|per sostituire|"
    r"para repor|para substituir|"
    # "Relevo llegado en abril | unos 3.000 | NIS | Cubren bajas en Kursk"
    r"cover(s|ing)? (the |their )?losses|cubr\w* (las )?(bajas|pérdidas)|"
    r"cobr\w* (as )?(baixas|perdas)|copr\w* (le )?perdite)\b",
    re.IGNORECASE,
)


def _before_replacing(clause: str) -> str:
    m = _REPLACING.search(clause)
    if cyrillic(clause):
        ru = _RU_REPLACING.search(clause)
        m = ru if ru and (m is None or ru.start() < m.start()) else m
    return clause[: m.start()] if m else clause


# An aside on some of the people counted, set off by commas: "some 2,000 members of the
# original force, many of them ill or lightly injured, had gone home" counts people who left.
_ASIDE_ON_SOME = re.compile(
    r",\s*(many|most|some|several|all|a few|few|half)\s+of\s+(them|whom)\b[^,;]*,", re.IGNORECASE
)


def moves_people(clause: str) -> bool:
    """Whether a clause sends, places or rotates people and names no casualty."""
    clause = _ASIDE_ON_SOME.sub(",", _before_replacing(clause))
    if cyrillic(clause):
        moves = any_match(_MOVES_PEOPLE, clause) or any_match(_RU_MOVES_PEOPLE, clause)
        return moves and not _names_casualty_verb(clause)
    return any_match(_MOVES_PEOPLE, clause) and not any_match(_CASUALTY_VERBS, clause)


def _names_casualty_verb(clause: str) -> bool:
    return any_match(_CASUALTY_VERBS, clause) or (
        cyrillic(clause) and any_match(_RU_CASUALTY_VERBS, clause)
    )


# Any word that makes a passage about losses, in the supported languages (broader than the
# verbs above: "the toll", "les pertes", "las bajas", "Opfer", "body bags", "fallen").
_LOSS_WORDS = re.compile(
    r"\b(toll|tolls|loss|lost|lose|losing|fallen|bodies|body bags|corpses|dying|"
    r"verluste?n?|opfer|gefallene?n?|tote|pertes?|victimes|bajas|p[ée]rdidas|víctimas)\b",
    re.IGNORECASE,
)


def killed_and_wounded_after(after: str) -> bool:
    """Whether the words after a figure, up to the next figure, count the killed and the
    wounded together ("more than 6,000 killed, wounded and missing", "5.500 soldados
    norcoreanos muertos o heridos")."""
    after = re.split(r"\d|[.;!?\n]", after, maxsplit=1)[0]
    return bool(_CASUALTY_WORDS[0][1].search(after)) or (
        cyrillic(after) and bool(_RU_CASUALTY_WORDS[0][1].search(after))
    )


def names_losses(text: str) -> bool:
    """Whether ``text`` speaks of dead, wounded, captured or missing people in any way."""
    if _CASUALTY_VERBS.search(text) or _LOSS_WORDS.search(text):
        return True
    if any(pattern.search(text) for _, pattern in _CASUALTY_WORDS):
        return True
    return cyrillic(text) and bool(
        _RU_CASUALTY_VERBS.search(text)
        or _RU_LOSS_WORDS.search(text)
        or any(pattern.search(text) for _, pattern in _RU_CASUALTY_WORDS)
    )


# Ukraine holding North Koreans holds prisoners: "Kyiv now holds five North Koreans".
_HELD_BY_UKRAINE = re.compile(
    r"\b(Ukraine|Kyiv|Kiev|Kiew|Ucrania|Ukrainian \w+)\b(\s+\w+){0,2}?\s+"
    r"(holds|is holding|has held|held|hält|détient|retiene|mantiene)\s+(\w+\s+)?$",
    re.IGNORECASE,
)


# A sentence that opens with where its people are held: "В плену на Украине ... находятся шестеро".
_IN_CAPTIVITY_OPENING = re.compile(
    r"\s*(In captivity|В плену|У полоні|En cautiverio|Em cativeiro|In Gefangenschaft|"
    r"En captivité|In prigionia)(?!\w)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_ASIDE = re.compile(r",\s*(\S+\s+){0,4}?(said|says|reported|claimed|added)\s*,", re.IGNORECASE)
_NUMBER_HELD_BEFORE = re.compile(
    r"\bnumber\s+(of\s+\w+\s+)?((it|they|Kyiv|Ukraine)('s|\s+is|\s+are|\s+has)?\s+)?"
    r"(held|holding|in\s+captivity|taken\s+prisoner|captured)\b[^.;]{0,40}\bto\s*$",
    re.IGNORECASE,
)
# An active verb of loss just before a figure: "had killed 27 North Koreans".
_ACTIVE_LOSS_BEFORE = re.compile(
    # not the second noun of a pair: "HUR's count of dead and wounded passed 6,000"
    r"(?<!dead and )(?<!dead or )(?<!killed and )(?<!killed or )"
    r"\b(killed|wounded|injured|captured|"
    # the noun: "informó de la captura de tres militares norcoreanos"
    r"(capture|captura|cattura)\s+(of|de|di))\s*$",
    re.IGNORECASE,
)


def loss_verb_before(text: str, start: int) -> str | None:
    """The casualty type of a verb of loss just before a figure, which is the figure's own: "his
    troops had killed 27 North Koreans and wounded dozens more" (27 killed)."""
    found = _ACTIVE_LOSS_BEFORE.search(text, max(0, start - 20), start)
    return _first_casualty_type(found.group(1)) if found else None


# A sentence's topic, opening it: "On the wounded, Park cited ...".
_TOPIC_BEFORE = re.compile(
    r"(?:^|[.!?\n]\s*)(?:On|As for|As to|Regarding|As regards)\s+the\s+"
    r"(wounded|dead|killed|missing|captured|prisoners|injured)\b[^.!?\n]*$",
    re.IGNORECASE,
)


def casualty_in_clause(text: str, start: int, end: int) -> str | None:
    """The casualty type a figure's own clause names (a few words either side), or None.

    "Ukraine's forces killed 36 North Korean soldiers" and "at least 300 soldiers had been
    killed" both name 'killed', though the figure's label does not.
    """
    # another number ends the clause, but a year does not: "Tausende Soldaten seien seit
    # Herbst 2024 getötet oder verwundet worden"
    before = _YEAR.sub("year", text[max(0, start - 60) : start])
    before = re.split(r"[.;!?\n,]|\d", before)[-1]
    after = _YEAR.sub("year", text[end : end + 80])
    # an attribution set off by commas is not the clause's end: "eighteen sappers who, KCNA
    # said, had been killed by explosions"
    after = _ASIDE.sub(" ", after)
    after = _before_replacing(re.split(r"[.;!?\n,]|\d", after)[0])
    if _HELD_BY_UKRAINE.search(before) or _NUMBER_HELD_BEFORE.search(
        text, max(0, start - 80), start
    ):
        return "captured"  # "bringing the number held in Ukraine to four"
    opening = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    if _IN_CAPTIVITY_OPENING.match(text, opening, start):
        return "captured"  # "В плену на Украине, по данным ..., находятся шестеро северокорейцев"
    active = loss_verb_before(text, start)
    if active:
        return active
    topic = _TOPIC_BEFORE.search(text, max(0, start - 200), start)
    if topic and not _names_casualty_verb(after):
        # "On the wounded, Park cited 'roughly 4,000'": the sentence's topic types its figures
        return _first_casualty_type(topic.group(1))
    # the figure's own predicate first: in "2,400 had been killed, and that 6,100 have been
    # wounded" the second figure is the wounded, whatever the clause before it says
    if _names_casualty_verb(after):
        return _first_casualty_type(after)
    if _names_casualty_verb(before):
        # the word of loss nearest the figure: "le stime delle perdite: per il Nis i morti sono
        # 2.000" counts the dead, not the losses the clause opened with
        return casualty_named_last(before) or _first_casualty_type(before)
    return None


def _first_casualty_type(clause: str) -> str | None:
    """The casualty type named first in a clause: "600 have been killed and thousands wounded"
    is about the killed ("killed and wounded" together is one type, listed first)."""
    return _named_first(_casualty_table(clause), clause)


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------
# The Russian lexicons are patterns of their own, asked only about text that holds Cyrillic
# letters (``cyrillic``): the patterns above, which every article goes through, stay exactly
# as they were, and cost English, German, French and Spanish text nothing more.

_RU_HEDGES: list[tuple[Hedge, re.Pattern[str]]] = [
    (
        Hedge.planned,
        re.compile(
            r"\b(будет|будут|планиру\w*|намерен\w*|собира\w*ся|ожида\w*|предстоит|"
            r"в следующем (году|месяце)|в будущем|"
            # a perfective verb's present form is its future: "направит", "отправят"
            r"направит|направят|отправит|отправят|перебросит|перебросят|пришл[её]т|пришлют)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Hedge.alleged,
        re.compile(
            r"\b(якобы|предположительно|по-видимому|подозрева\w*|утвержда\w*)\b", re.IGNORECASE
        ),
    ),
    (
        Hedge.estimated,
        re.compile(r"\b(оцен(ка|ки|ке|ку|ок|ил\w*|ива\w*|ят|ит)|по оценкам)\b", re.IGNORECASE),
    ),
    (
        Hedge.confirmed,
        re.compile(r"\b(подтверд\w*|подтвержд\w*|признал\w*|официально)\b", re.IGNORECASE),
    ),
]

_RU_PERSONNEL_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "deminers",
        re.compile(r"сап[её]р\w*|мин[её]р(ы|ов|ам|ами)?\b|разминир\w*|розмінув\w*", re.IGNORECASE),
    ),
    (
        "construction_troops",
        re.compile(
            r"военн\w* строител\w*|военно-строительн\w*|"
            r"строительн\w* (войск|батальон|част|подразделени)\w*|"
            r"військов\w* будівельник\w*|будівельн\w* (військ|батальйон|частин|підрозділ)\w*",
            re.IGNORECASE,
        ),
    ),
    ("military_engineers", re.compile(r"инженер\w*|інженер\w*", re.IGNORECASE)),
    (
        "other",
        re.compile(
            r"медик\w*|медицинск\w* персонал\w*|врач(и|ей|ам|ами)\b|инструктор\w*|советник\w*",
            re.IGNORECASE,
        ),
    ),
    (
        "workers",
        re.compile(
            r"\bрабоч(ие|их|им|ими)\b|трудов\w* мигрант\w*|IT-специалист\w*|робітник\w*",
            re.IGNORECASE,
        ),
    ),
    (
        "troops",
        re.compile(
            # "военных" and "военные" as nouns: the military
            r"военнослужащ\w*|солдат\w*|бойц\w*|\bвойск\w*|\bвоенн(ые|ых|ым|ыми)\b|"
            r"контингент\w*|личн\w* состав\w*|военн\w* персонал\w*|артиллерист\w*|"
            # Ukrainian: "військових", "військовослужбовців", "бійців"
            r"\bвійськов(і|их|им|ими)\b|військовослужбов\w*|бійц\w*|артилерист\w*",
            re.IGNORECASE,
        ),
    ),
]
_RU_CASUALTY_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "killed_or_wounded",
        re.compile(
            r"(убит|погиб)\w*,?\s+(и|или)\s+ранен\w*|\bпотер(и|ь|ями|ях|я)\b|"
            # Ukrainian, which also writes "убитих": "понад 6 тисяч убитих і поранених"
            r"(вбит|убит|загибл|загин)\w*,?\s+(і|й|та|або)\s+поранен\w*|\bвтрат(и|ами|ах)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "captured",
        re.compile(r"\bплен(у)?\b|пленн\w*|военнопленн\w*|\bполон(і)?\b|полонен\w*", re.IGNORECASE),
    ),
    ("missing", re.compile(r"без вести|пропавш\w*|безвісти|зниклих", re.IGNORECASE)),
    ("wounded", re.compile(r"\bранен\w*|\bранил\w*|\bпоранен\w*", re.IGNORECASE)),
    (
        "killed",
        re.compile(
            r"погиб\w*|\bубит\w*|\bуничтож\w*|\bгибел\w*|\bсмерт\w*|загибл\w*|загин\w*|"
            r"\bвбит\w*|\bзнищ\w*",
            re.IGNORECASE,
        ),
    ),
]


def _both(
    latin: list[tuple[Any, re.Pattern[str]]], russian: list[tuple[Any, re.Pattern[str]]]
) -> list[tuple[Any, re.Pattern[str]]]:
    """Each entry of ``latin`` followed by the Russian entries of the same key, in order."""
    return [e for key, p in latin for e in [(key, p), *((k, q) for k, q in russian if k == key)]]


# the tables for text with Cyrillic letters: each type's Russian words right after its others
_HEDGES_ALL = _both(_HEDGES, _RU_HEDGES)
_PERSONNEL_ALL = _both(_PERSONNEL_WORDS, _RU_PERSONNEL_WORDS)
_CASUALTY_ALL = _both(_CASUALTY_WORDS, _RU_CASUALTY_WORDS)

# Russian names of the categories: entries of their own after the others, ruled out at once for
# an article without Cyrillic letters. Generic "military technology" is named by code in
# Russian only ("военные технологии"); in the other languages the model names it.
_RU_CATEGORY_WORDS: list[tuple[ExchangeCategory, re.Pattern[str]]] = [
    (
        ExchangeCategory.air_defense,
        # Ukrainian beside Russian: "ППО", "протиповітряної", "зенітні"
        re.compile(
            r"\bПВО\b|\bЗРК\b|противовоздушн\w*|зенитн\w*|\bППО\b|протиповітрян\w*|зенітн\w*",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.electronic_warfare,
        re.compile(
            r"\bРЭБ\b|радиоэлектронн\w* борьб\w*|\bРЕБ\b|радіоелектронн\w* боротьб\w*",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.drones,
        re.compile(r"беспилот\w*|безпілот\w*|дрон\w*|\bБПЛА\b", re.IGNORECASE),
    ),
    (
        ExchangeCategory.space_satellite,
        re.compile(
            r"спутник\w*|космическ\w*|космос\w*|ракет\w*-носител\w*|супутник\w*|космічн\w*",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.nuclear_technology,
        re.compile(r"ядерн\w*|реактор\w*|атомн\w*", re.IGNORECASE),
    ),
    (
        ExchangeCategory.missile_technology,
        # "ракетные технологии", "технологии баллистических ракет", "ракетная программа"
        re.compile(
            r"ракетн\w* (технолог|программ|двигател|програм|двигун)\w*|"
            r"технолог[иі]\w*\s+(\w+\s+){0,2}?((баллистических|балістичних)\s+)?ракет\b",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.fuel,
        re.compile(
            r"нефт\w*|топлив\w*|горюч\w*|бензин\w*|дизел\w*|нафт\w*|пальн\w*", re.IGNORECASE
        ),
    ),
    (
        ExchangeCategory.food,
        # "продукты" alone, not "нефтепродукты"
        re.compile(
            r"продовольстви\w*|продукт\w* питания|\bпродукт(ы|ов)\b|зерн[оа]\w*|пшениц\w*|"
            r"\bмук[аиу]\b|продовольч\w*|продукт\w* харчування|борошн\w*",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.financial,
        re.compile(
            r"деньг\w*|\bденег\b|денежн\w*|валют\w*|финансов\w*|доллар\w*|"
            r"рубл(ь|ей|я|ях|ями)\b|грош\w*|фінансов\w*|долар\w*|рубл(ів|і)\b",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.weapons,
        # "снаряды", "боеприпасы", "ракеты" (not "ракетные технологии"), "РСЗО"
        re.compile(
            r"снаряд\w*|боеприпас\w*|\bракет(ы|ами|ах|ам)?\b|артиллери\w*|\bРСЗО\b|"
            r"гаубиц\w*|мин[оё]мет\w*|оружи[еяю]\b|вооружени\w*|пусков\w* установ\w*|"
            r"военн\w* техник\w*|истребител\w*|"
            # Ukrainian: "боєприпаси", "гармати", "РСЗВ", "реактивні системи залпового вогню"
            r"боєприпас\w*|артилері\w*|гармат\w*|\bРСЗВ\b|реактивн\w* систем\w* залпов\w*|"
            r"міномет\w*|збро[яїю]\b|озброєнн\w*|винищувач\w*",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.military_technology,
        re.compile(
            r"военн\w* технологи\w*|военно-техническ\w* (помощ|содейств)\w*|"
            r"військов\w* технологі\w*",
            re.IGNORECASE,
        ),
    ),
]
_LATIN_CATEGORIES = len(_CATEGORY_WORDS)
_CATEGORY_WORDS += _RU_CATEGORY_WORDS

_RU_PEOPLE = re.compile(
    r"\b(рабоч(ие|их|им|ими)|солдат\w*|военнослужащ\w*|войск\w*|бойц\w*|инженер\w*|"
    r"сап[её]р\w*|инструктор\w*|специалист\w*|персонал\w*|строител\w*|медик\w*|врач\w*|"
    r"офицер\w*|делегаци\w*|чиновник\w*|робітник\w*|військов\w*|інженер\w*|будівельник\w*)\b",
    re.IGNORECASE,
)
_RU_IN_SCOPE = re.compile(
    r"москв|кремл|путин|курск|ки[её]в|\bрф\b|"
    # Ukrainian: "Росія", "російських", "Курській", "Київ", "Україна"
    r"росі[яїюєй]|російськ|путін|курськ|київ|україн",
    re.IGNORECASE,
)

_RU_DELIVERED = re.compile(
    r"\b(поставил\w*|поставлен\w*|поставля\w*|передал\w*|передан\w*|переда[её]т\w*|"
    r"отправил\w*|отправлен\w*|доставил\w*|доставлен\w*|получил\w*|получа\w*)\b",
    re.IGNORECASE,
)
_RU_SUSPECTED = re.compile(
    r"\b(подозрева\w*|предположительно|вероятно|возможно|по-видимому|видимо|якобы|опаса\w*|"
    r"может|могут|мог|могла|могли|считается|полагают|в обмен|взамен|сообщается)\b",
    re.IGNORECASE,
)
_RU_PROMISED = re.compile(
    r"\b(обеща\w*|пообеща\w*|обязал\w*|согласил\w*|договорил\w*|будет|будут|планиру\w*|"
    r"намерен\w*)\b",
    re.IGNORECASE,
)

# The two states in every case: "Россия", "России", "Россию", "российский", "Москве", "Кремль";
# "КНДР", "Северной Кореи", "северокорейский", "Пхеньяну"
_RU_RUSSIA = (
    r"(Росси[яиюей]\w*|российск\w*|РФ|Москв[аыеуой]\w*|Кремл[ьяеюём]\w*|"
    r"Росі[яїюєй]\w*|російськ\w*)"
)
_RU_NK = (
    r"(КНДР|Северн\w*\s+Коре[яиюей]\w*|северокорейск\w*|Пхеньян\w*|Північн\w*\s+Коре\w*|"
    r"північнокорейськ\w*)"
)
# Verbs that give: "поставляет", "передала", "отправила", "продаёт", "помогает", "помочь",
# "обещал", "предоставит", "делится"; and that receive: "получает"
_RU_GIVES = (
    r"постав[лия]|переда|отправ|направ|предостав|прода|помога|помог|помоч|обеща|пообеща|"
    r"снабж|делит|подел|"
    # Ukrainian: "російські фахівці допомагають КНДР налагодити виробництво ударних дронів"
    r"допомага|допомог|постача|надсила|надісла|відправ"
)
_RU_TO_NK = re.compile(
    rf"{_RU_NK}\W+(\w+\W+){{0,6}}получ\w*\W+(\w+\W+){{0,8}}{_RU_RUSSIA}|"
    rf"{_RU_RUSSIA}\W+(\w+\W+){{0,6}}({_RU_GIVES})\w*\W+(\w+\W+){{0,4}}{_RU_NK}|"
    # with an aside between: "Взамен Пхеньян, по данным NIS, получает нефтепродукты"
    rf"{_RU_NK}(,[^,.;]{{0,50}},)?\s+(получ|отриму|отрима)\w*|"
    # "в Северную Корею", "в Пхеньян" (to), "Пхеньяну" (dative), "российская помощь",
    # "в обмен на отправку войск"
    rf"\bв\s+(Северную\s+Корею|Пхеньян)\b|\bПхеньяну\b|"
    # "в КНДР" is also "in the DPRK": "to" beside a verb of sending ("с начала года в КНДР
    # отправлено около 70 тыс. тонн пшеницы")
    rf"\bв\s+КНДР\s+(\w+\s+)?(отправ|постав|переда|доставл|ввез|завез|отгруж)\w*|"
    rf"\b(отправ|постав|переда|доставл|ввез|завез|отгруж|направ)\w*\s+(\w+\s+){{0,2}}в\s+КНДР\b|"
    rf"\bроссийск\w*\s+(помощ|поддержк|поставк)\w*|"
    rf"\bв обмен на\s+(\w+\s+){{0,2}}(войск|солдат|военн|бойц|живую силу|отправк|направлени)\w*",
    re.IGNORECASE,
)
_RU_TO_RUSSIA = re.compile(
    rf"{_RU_RUSSIA}\W+(\w+\W+){{0,6}}получ\w*\W+(\w+\W+){{0,8}}{_RU_NK}|"
    rf"{_RU_NK}\W+(\w+\W+){{0,4}}({_RU_GIVES})\w*\W+(\w+\W+){{0,8}}{_RU_RUSSIA}|"
    rf"{_RU_RUSSIA}\s+получ\w*|\bв\s+(Россию|РФ|Москву)\b",
    re.IGNORECASE,
)
_RU_MUNITIONS = re.compile(
    r"снаряд|боеприпас|ракет|артиллер|РСЗО|гаубиц|мин[оё]мет|боєприпас|артилер|гармат|РСЗВ|"
    r"мінномет|міномет|залпов",
    re.IGNORECASE,
)
_RU_RUSSIA_SENDS = re.compile(
    rf"{_RU_RUSSIA}\W+(\w+\W+){{0,3}}(направ|отправ|командир)\w*\W+(\w+\W+){{0,5}}в\s+{_RU_NK}|"
    rf"\bроссийск\w*\s+(\w+\s+){{0,2}}(инструктор|советник|специалист|офицер|военн|инженер)\w*"
    rf"\s+(в|на)\s+{_RU_NK}",
    re.IGNORECASE,
)
_RU_RUSSIA_NAMED = re.compile(rf"\b{_RU_RUSSIA}\b", re.IGNORECASE)
_RU_CASUALTY_VERBS = re.compile(
    # "удар ... уничтожил около 30 артиллеристов": destroyed is killed
    r"\b(погиб\w*|убит\w*|уничтож\w*|ранен\w*|плен|плену|пленн\w*|пропал\w*|без вести|"
    r"потер(и|ь|ями|ях)|гибел\w*|загибл\w*|загин\w*|вбит\w*|знищ\w*|поранен\w*|полон\w*|"
    r"зниклих|втрат\w*)\b",
    re.IGNORECASE,
)
_RU_KOREA = re.compile(
    r"кндр|северн\w*\s+коре|корейск|корейц|пхеньян|ким чен|північн\w*\s+коре|корейськ|кім чен",
    re.IGNORECASE,
)
_RU_THINGS = re.compile(
    r"\b(беспилот\w*|дрон\w*|БПЛА|танк(а|ов|и)?|машин\w*|ракет(ы|а|ами)?|снаряд\w*|"
    r"тонн\w*|баррел\w*|самол[её]т\w*|вертол[её]т\w*|доллар\w*|рубл\w*|евро|"
    r"гаубиц\w*|систем\w*|установ\w*|батальон(а|ов|ы)?|бригад(а|ы)?|полк(а|ов|и)?|"
    r"эшелон\w*|поезд\w*|рейс\w*|атак\w*|удар(ов|а|ы)?|километр\w*|процент\w*|стран\w*|"
    r"сёл|сел(а|ах)?|контейнер\w*|вагон\w*|ящик\w*|единиц\w*|РСЗО|графиков|"
    r"населённ\w* пункт\w*|населенн\w* пункт\w*|"
    # Ukrainian: "23 населені пункти", "140 безпілотників", "87 разів", "2,3 млрд грн"
    r"населен\w* пункт\w*|безпілот\w*|гривень|грн|обстріл\w*|разів|літак\w*|систем\w*|"
    r"вибух\w*|взрыв\w*|дом(ов|а)?|домах|будинк\w*|квартир\w*|"
    # mines: "близько 4 тисяч мін", "2 млн мин"
    r"мін|мин|міни|мины|"
    # "11 держав", "вісім резолюцій", "48 суден", "10 фактів"
    r"держав\w*|країн\w*|государств\w*|резолюц\w*|суд(ен|ов|на)|кораб\w*|танкер\w*|"
    r"факт(ів|ов|а|и)?|стат(ей|ей)|матч\w*)\b",
    re.IGNORECASE,
)
# People troopwatch does not count, and people in general ("2 человека")
_RU_OTHER_PEOPLE = re.compile(
    r"\b(мирн\w* жител\w*|жител\w*|гражданск\w*|дет(и|ей)|беженц\w*|туристов|студентов|"
    r"пассажиров|украинц\w*|россиян\w*|американц\w*|депутат\w*|дипломат\w*|журналист\w*|"
    # Ukrainian
    r"цивільн\w*|мешканц\w*|дітей|діти|біженц\w*|українц\w*|росіян\w*|"
    # but "более 12 000 граждан Северной Кореи" / "граждан КНДР" are North Koreans
    r"перебежчик\w*|граждан(?!\s+(КНДР|Северной\s+Кореи)))\b",
    re.IGNORECASE,
)
_RU_GENERIC_PEOPLE = re.compile(r"\b(человека?|людей|осіб|особи|людини)\b", re.IGNORECASE)
_RU_NUMBER_AS_PRONOUN = re.compile(r"^\d[\d,.]*\s+из которых\b", re.IGNORECASE)
# Someone else's soldiers. Russian groups thousands with a plain space too ("2 700 украинских
# военных"), and the nation's adjective comes before the noun, right after the figure.
_RU_NON_RUSSIAN = (
    r"украинск|китайск|белорусск|южнокорейск|американск|британск|польск|эстонск|японск|немецк|"
    # Ukrainian: "близько 100 українських піротехніків"
    r"українськ|китайськ|білоруськ|південнокорейськ|американськ|британськ|польськ|японськ"
)
_RU_OTHERS_IN_LABEL = re.compile(
    rf"^\d[\d\s,.]*\s(российск|русск|{_RU_NON_RUSSIAN})\w*", re.IGNORECASE
)
_RU_OTHERS_IN_HEDGED_LABEL = re.compile(
    rf"^\D{{0,25}}?\d[\d\s,.]*\s({_RU_NON_RUSSIAN})\w*", re.IGNORECASE
)
_RU_OTHERS_BEFORE = re.compile(
    # plural nouns only: "украинские военные", not the adjective of "украинская военная
    # разведка", a source
    rf"(\b(российск|русск|{_RU_NON_RUSSIAN})\w*\s+(военн(ые|ых|ым|ыми)|солдат\w*|"
    rf"военнослужащ(ие|их|им|ими)|войск\w*|сил|бойц\w*|потер\w*|погибш\w*|арми\w*)|"
    rf"\bмирн\w* жител\w*)\b(?![^,;]*\bсеверокорейск)[^;]*$",
    re.IGNORECASE,
)
_RU_MOVES_PEOPLE = re.compile(
    r"\b(направ\w*|отправ\w*|переброс\w*|переброш\w*|размещ\w*|развернут\w*|развёрнут\w*|"
    r"дислоцир\w*|прибы\w*|прибуд\w*|работа(ют|ет|ли|л|ла)|служ(ат|ит|или|ил)|ротаци\w*|"
    # gone home alive: "Около 4 тыс. военных ... зимой вернулись домой"
    r"вернул\w* домой|вернул\w* на родину|повернул\w* додому)\b",
    re.IGNORECASE,
)
_RU_REPLACING = re.compile(
    r"\b(чтобы (восполнить|заменить|компенсировать)|для (восполнения|замены|компенсации)|"
    r"на замену)\b",
    re.IGNORECASE,
)
_RU_LOSS_WORDS = re.compile(
    r"\b(потер(и|ь|ями|ях|я)|потерял\w*|теря(ет|ют|ла|ли)|гибел\w*|жертв\w*|погибш\w*|"
    r"тел(а)?)\b",
    re.IGNORECASE,
)
