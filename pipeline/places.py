"""Where: place phrases written in a sentence ("Russia's Kursk region", "near the border with
Ukraine", "near the village of Malaya Loknya"), found by code and returned as written.

A small model mostly leaves ``location`` empty or copies a place from elsewhere in the article;
the figure's own sentence says where far more reliably. Only phrases that name a region, border,
front or settlement count: "Russia" or "the war" alone is not a location.
"""

from __future__ import annotations

import re

from pipeline.prefilter import cyrillic, fold, pruned

_CAP = r"[A-ZÀ-Ý][\w’'-]+"
_NAMES = rf"{_CAP}(?:[ -]{_CAP})?(?:\s+and\s+{_CAP})?"
_OWNER = r"(?:(?:Russia|Ukraine|Russland|Ukraine)['’]s\s+|the\s+|western\s+|southern\s+)?"
_PATTERNS = [
    # Russia's Kursk region, the Belgorod and Kursk regions, Primorsky Krai and Khabarovsk regions
    rf"{_OWNER}{_CAP}(?:\s+(?:Krai|Oblast))?(?:\s+and\s+{_CAP})?\s+(?:region|regions|oblast|"
    rf"province|district|krai)\b",
    rf"{_OWNER}{_NAMES}\s+(?:Krai|Oblast|Republic)\b",
    # near the border with Ukraine, areas close to the Ukrainian border, along the Kursk border
    rf"(?:(?:areas?|regions?)\s+)?(?:near|along|close to|on|at)\s+the\s+(?:{_CAP}[ -]?)?"
    rf"(?:{_CAP}\s+)?(?:border|front(?:\s?line)?)(?:\s+with\s+{_CAP})?(?:\s+region)?",
    r"(?:Russia['’]s|Russian)\s+(?:border|frontline|front-line)\s+(?:areas|regions|zones?)",
    # "withdrawn from the Kursk border", "who had guarded the Kursk border"
    rf"(?:from\s+)?the\s+(?!(?:Chinese|Korean|North|South|Russian|Ukrainian)\b){_CAP}\s+border\b",
    r"(?:Russia['’]s\s+)?Far East|(?:l['’])?Extrême-Orient(?: russe)?|"
    r"(?:el\s+|o\s+|l['’])?(?:Lejano|Extremo|Estremo) Oriente(?: rus[oa])?|"
    r"(?:im\s+|den\s+)?(?:russischen\s+)?Fernen Osten",
    # near the village of Tetkino, the town of Sudzha
    rf"(?:near|in|around|outside)\s+the\s+(?:village|town|city|settlement|port)\s+of\s+{_NAMES}",
    # other languages: Region Kursk, Gebiet Kursk, région de Koursk, región de Kursk
    rf"(?:[A-ZÄÖÜ]\w*region|Region|Gebiet(?:s|en)?|Oblast)\s+{_CAP}(?:\s+und\s+{_CAP})?",
    # "the Alabuga special economic zone in Tatarstan"
    rf"(?:the\s+)?{_CAP}\s+special economic zone(?:\s+in\s+{_CAP})?",
    rf"(?:\b(?:la|le|el|a)\s+)?(?:région|region|región|regione|região|oblast|province|provincia|"
    rf"província)\s+(?:(?:rusa|russe|russa|ucraniana|ukrainienne|ucraina)\s+)?"
    rf"(?:de|d['’]|du|di|del)\s*{_CAP}",
    # near a settlement, in the Romance languages: "vicino a Glushkovo", "perto de Tiotkino",
    # "près de Soudja" ("cerca de" is also "about": only before a name)
    rf"(?:vicino a|nei pressi di|perto de|près de|cerca de)\s+{_CAP}",
    # a capital or a city that hosts workers or troops
    r"the\s+(?:Russian|North Korean)\s+capital",
    r"\b(?:St\.? Petersburg|Saint Petersburg|Vladivostok|Khabarovsk|Novosibirsk|Wladiwostok|"
    r"Chabarowsk|Jabárovsk|Khabárovsk|"
    r"Yekaterinburg|Kazan|Rostov-on-Don|Sudzha|Vostochny)\b(?![’']s)",
    # capitals stand for governments ("Pyongyang sent", "Moscow pledged"): places only after
    # a preposition of place
    r"\b(?:in|at|to|around|near|nach|en|à)\s+(?:Moscow|Pyongyang|Nampo|Wonsan|Rason|Moskau|"
    r"Moscou|Moscú|Pjöngjang|Pionyang)\b(?![’']s)",
    # regions named alone, after a preposition of place: "desplegados en Kursk", "in Primorye"
    r"\b(?:in|at|to|into|near|nach|en|à|a)\s+(?:Kursk|Koursk|Belgorod|Donetsk|Donezk|Donbas|"
    r"Luhansk|Zaporizhzhia|Saporischschja|Primorye|Primorsky Krai|Tatarstan|Amur|Nakhodka)\b"
    r"(?![’']s)",
    # near a settlement named alone: "near Tetkino"
    r"\bnear\s+(?!(?:North|South|Russia|Ukraine|the|its|their)\b)[A-ZÀ-Ý][a-zà-ÿ’'-]+\b",
]
_PLACE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_RU_LOWER = "[а-яёіїєґ'’-]"
# Russian, asked only about text with Cyrillic letters (the pattern above stays as fast as it
# was for every other article)
_RU_PATTERNS = [
    # Russian and Ukrainian, as written in the sentence's case: "Курской области", "Приморском
    # крае", "Курская область", "Курській області"
    rf"(?<!\w)[А-ЯЁІЇЄ]{_RU_LOWER}+(?:ой|ая|ую|ом|ий|ого|ій|ої)\s+"
    r"(?:област(?:и|ь|ью|і)|кра(?:й|е|я|ю|ї))(?!\w)",
    # districts: "в Глушковском районе", "в Суджанском и Кореневском районах"
    rf"(?<!\w)[А-ЯЁІЇЄ]{_RU_LOWER}+(?:ом|ій|ому)(?:\s+(?:и|і|та)\s+[А-ЯЁІЇЄ]{_RU_LOWER}+"
    r"(?:ом|ій|ому|их))?\s+район(?:е|ах|і)(?!\w)",
    r"(?<!\w)(?:Дальн(?:ий|ем|его)\s+Восток(?:е|а)?|Далек(?:ий|ому|ого)\s+Сход(?:і|у)?)(?!\w)",
    # near a settlement or along the border: "под Курском", "в районе Суджи", "у границы с
    # Украиной", "на линии фронта", "поблизу Глушкова", "навколо Суджі"
    r"(?<!\w)(?:под|у|возле|близ|в районе|поблизу|біля|навколо|під|в районі)\s+"
    rf"(?!(?:Росси|Росі|Украин|Україн|КНДР|Северн|Півн)\w*)[А-ЯЁІЇЄ]{_RU_LOWER}+"
    # not the adjective of a region or district named next ("у Курській області")
    rf"(?!{_RU_LOWER})(?!\s+(?:област|район|кра[йеяюї]))",
    r"(?<!\w)(?:у|на|вдоль|близ)\s+границ[еыу](?:\s+с\s+[А-ЯЁ][а-яё]+)?",
    r"(?<!\w)на\s+(?:линии\s+)?фронт[ае](?!\w)",
    # cities that host workers or troops, and the capitals after a preposition of place
    r"(?<!\w)(?:в|во)\s+(?:Москве|Пхеньяне|Владивостоке|Хабаровске|Курске|Санкт-Петербурге|"
    r"Новосибирске|Казани|Ростове-на-Дону|Судже|Находке|Расоне|Вонсане)(?!\w)",
]
_RU_PLACE = re.compile("|".join(f"(?:{p})" for p in _RU_PATTERNS))


def places_in(text: str) -> list[tuple[int, int, str]]:
    """Every place phrase in ``text``: (start, end, phrase as written)."""
    found: list[tuple[int, int, str]] = []
    # most sentences name no region, border or city: only the alternatives whose words occur
    # in the sentence are tried (_PLACE is slow to try at every position)
    place = pruned(_PLACE, fold(text))
    matches = [*place.finditer(text)] if place is not None else []
    if cyrillic(text):
        matches = sorted([*matches, *_RU_PLACE.finditer(text)], key=lambda m: m.start())
    for m in matches:
        phrase = m.group().strip()
        lead = _BARE_PREPOSITION.match(phrase)  # "in Pyongyang" -> "Pyongyang"
        start = m.start() + (lead.end() if lead else 0)
        found.append((start, m.end(), phrase[lead.end() :] if lead else phrase))
    return found


_BARE_PREPOSITION = re.compile(r"(?:in|at|to|nach|en|à|в|во)\s+(?=[A-ZÀ-ÝА-ЯЁ])")


# A sentence that goes on about the same group: "They arrived in Pyongyang in September.",
# "Die meisten von ihnen seien in den Gebieten Kursk und Belgorod eingesetzt."
_SAME_GROUP = re.compile(
    r"(?:They|These|Those|Most of them|Many of them|Some of them|The (?:\w+\s+)?(?:troops|"
    r"soldiers|units|workers|labourers|laborers|engineers|deminers|sappers|instructors|"
    r"contingent|builders|personnel|forces)|Sie|Ils|Elles|Los (?:soldados|trabajadores)|Они|"
    r"Die meisten|La plupart|La mayoría|La maggior parte|A maioria|Большинство|Більшість)\b"
)


def place_near(text: str, start: int, end: int, span: tuple[int, int]) -> str | None:
    """The place phrase in ``text[span]`` (a figure's sentence) nearest the figure at
    ``start:end``; else one in the next sentence (in the paragraph, or opening the next one) when
    that sentence goes on about the same group ("They ...", "These forces ..."); else None."""
    found = _nearest_place(text, start, end, span)
    if found is None:
        following = text[span[1] : span[1] + 400]
        # the next sentence, in this paragraph or opening the next one
        gap = len(following) - len(following.lstrip())
        if following[:gap].count("\n") > 2:
            return None
        if _SAME_GROUP.match(following, gap):
            stop = re.search(r"[.!?](?:\s|$)|\n", following[gap:])
            nxt = (span[1] + gap, span[1] + gap + (stop.end() if stop else len(following)))
            found = _nearest_place(text, nxt[0], nxt[0], nxt)
    return found


def _nearest_place(text: str, start: int, end: int, span: tuple[int, int]) -> str | None:
    s, e = span
    best: tuple[int, str] | None = None
    for ps, pe, phrase in places_in(text[s:e]):
        ps, pe = ps + s, pe + s
        distance = ps - end if ps >= end else start - pe
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), phrase)
    return best[1] if best else None
