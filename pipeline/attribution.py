"""Who says so: the sources an article attributes its claims to, found and resolved by code.

News copy names a source once ("South Korea's National Intelligence Service said ...") and then
refers back to it ("the agency also estimated ...", "according to the report"). A 1.5B model
asked for the claimant of each figure mostly answers with the nearest name, or with one of the
two states, or with nothing. This module finds every attribution in the article ("X said",
"according to X", "said X", "laut X", "selon X", "según X", "по данным X", "X сообщил",
"заявил X"), resolves back-references ("the agency", "it", "the official", "ведомство") to the
latest fitting name before them, and answers "who is the claimant of the text at this
position": an attribution in its own sentence, else the latest one before it in the paragraph;
and which source an earlier paragraph passes on (``carried_over``: only to a paragraph that goes
on with its report or to an item of its list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from pipeline.prefilter import cyrillic, finditer_at_starts, fold, may_match

_VERBS = (
    r"said|says|say|estimated|estimates|estimate|told|tells|reported|reports|believes|believe|"
    r"believed|revealed|reveals|warned|claimed|claims|claim|assessed|assesses|confirmed|confirms|"
    r"added|adds|stated|states|announced|announces|wrote|writes|counted|counts|put|puts|"
    r"calculated|concluded|found|alleged|alleges|offered|gave|identified|"
    r"briefed|informed|accused|noted|indicated|suggested|disclosed|detailed|suggest|suggests|"
    r"indicate|indicates|assess|"
    r"sagte|sagt|schätzt|schätzte|erklärte|meldete|"
    r"berichtete|spricht|geht|a déclaré|déclare|estime|affirme|dijo|afirmó|estima|informó|"
    r"calcula|calculó|calculan|señala|señaló|asegura|aseguró|sostiene|indica|indicó|ofrece|ofreció|"
    r"cree|creen|estiman|añadió|añade|précise|indique|assure|ajoute|explique|compte|"
    r"cifra|cifró|sitúa|situó|chiffre|beziffert|bezifferte|dice|dicen|"
    # Portuguese and Italian: "A Ucrânia diz ter matado", "Seul fala em cerca de 2 mil mortos",
    # "l'intelligence sudcoreana stima"
    r"diz|disse|dizem|disseram|afirma|afirmou|afirmam|estimou|estimam|calculou|informou|"
    r"relatou|relata|fala em|falava em|falou em|menciona|mencionou|avalia|avaliou|revelou|"
    r"ha detto|dicono|afferma|ha affermato|stima|ha stimato|stimano|riferisce|ha riferito|"
    r"ha dichiarato|dichiara|parla di|ritiene|ritengono|"
    # a suspicion is a claim too: "US officials suspect that ...", "Washington soupçonne ..."
    r"suspect|suspects|soupçonne|soupçonnent|sospecha|sospechan|suspeita|suspeitam|sospetta|"
    r"sospettano|vermutet|vermuten|"
    # "Le NIS avance environ 4 000", "Seúl habla de unos 10.000"
    r"avance|avancent|habla de|hablan de"
)
# Words that may sit between a source and its verb: "the agency also estimated", "had put".
_BETWEEN = r"(?:also|had|has|have|earlier|previously|now|later|then|separately|further)"
# (\s+ BETWEEN)* \s+ VERB, written to open with one whitespace character (the same matches):
# a pattern that opens with a character class lets re skip to the next space instead of trying
# every position of the article.
_ATTRIB_VERB = re.compile(rf"\s(?:\s*{_BETWEEN}\s)*\s*(?:{_VERBS})\b")
# "..." said the official / "...," said Marta Zielinska / "..., erklärte der NIS." (the verb
# before its subject after a quote or a comma, as German, French and Spanish put it)
_SAID_AFTER = re.compile(
    r"(?:[\"”»]|,)\s*(?:said|says|told|added|wrote|erklärte|sagte|sagt|betonte|berichtete|"
    r"meldete|schätzt|schätzte|teilte|hieß es bei|so|dijo|afirmó|añadió|informó|explicó|"
    r"declaró|aseguró|señaló|a déclaré|a affirmé|a ajouté|a précisé|a indiqué|estime|"
    r"affirme|ajoute|précise|indique|relève|souligne|explique|poursuit|observe|explica|"
    r"subraya|spiega|sottolinea|ressalta)\s+"
    # the day may come between the verb and its subject: "a affirmé mercredi le renseignement
    # militaire ukrainien", "sagte ein Sprecher am Dienstag" keeps it after the name
    r"(?:(?:on|last|this|am|le|el|ce)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
    r"Samstag|Sonntag)\s+)?"
)
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Cc]ited by)\s+")
_GERMAN_ACCORDING = re.compile(
    r"\b(?:[Ll]aut|"
    r"[Nn]ach (?:Angaben|Einschätzung|Schätzungen|Erkenntnissen|Informationen) (?:des|der|von))\s+"
)
# French and Spanish names run on in lowercase ("selon le renseignement sud-coréen"): up to the
# next punctuation.
_ACCORDING_LOOSE = re.compile(
    r"\b(?:[Ss]elon|[Dd]'après|[Ss]egún|[Dd]e acuerdo con|[Cc]onforme a|[Ss]econdo|"
    r"[Ss]tando a|[Ss]egundo|[Dd]e acordo com)\s+"
    # not a relative pronoun ("secondo cui", "según el cual", "selon lequel"): who is meant was
    # named before it
    r"(?!(?:cui|il quale|la quale|i quali|le quali|el cual|la cual|los cuales|las cuales|"
    r"lequel|laquelle|lesquels|lesquelles|o qual|a qual|os quais|as quais)\b)"
)

# A German role noun written before a person's name, capitalised like the name itself.
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?:Die|Der|die|der)\s+)?(?:\S+-)?(?:Expertin|Experte|Experten|Analystin|Analyst|"
    r"Forscherin|Forscher|"
    r"Politologin|Politologe|Wissenschaftlerin|Wissenschaftler)\s+(?=[A-ZÄÖÜ])"
)
_FOR_SOURCE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Para|Pour)\s+(?=(?:o|a|os|as|el|la|los|las|le|les)\s)"
)

# Russian. A source is named before its verb ("Генштаб ВСУ сообщил", "Южнокорейская разведка
# заявила"), after it ("..., сообщила южнокорейская разведка", "— заявили в Пентагоне") or after
# "по данным", "по словам", "согласно", "как сообщает", "со ссылкой на" (in the case those ask
# for: "по данным Генштаба ВСУ"; the name is kept as written). Separate patterns, run only on
# text that holds their Cyrillic words, so English text costs nothing more.
_RU_VERBS = (
    r"сообщил[аио]?|сообщает|сообщают|заявил[аио]?|заявляет|заявляют|считает|считают|"
    r"оценивает|оценивают|оценил[аио]?|утверждает|утверждают|полагает|полагают|"
    r"подсчитал[аио]?|подтвердил[аио]?|подтверждает|добавил[аио]?|отметил[аио]?|отмечает|"
    r"пишет|написал[аио]?|рассказал[аио]?|указал[аио]?|указывает|уточнил[аио]?|признал[аио]?|"
    r"доложил[аио]?|подчеркнул[аио]?|предупредил[аио]?|выяснил[аио]?|оценивал[аио]?|"
    r"считал[аио]?|сообщал[аио]?|заявлял[аио]?|сказал[аио]?|говорит|говорят|"
    # Ukrainian
    r"повідомив|повідомила|повідомили|повідомляє|заявив|заявила|заявили|сказав|сказала|"
    r"вважає|вважають|оцінює|оцінюють|зазначив|зазначила|додав|додала|підтвердив|підтвердила|"
    r"подозревает|подозревают|підозрює|підозрюють"
)
_RU_BETWEEN = r"(?:также|ранее|уже|еще|ещё|тоже|вновь|позже|затем|сегодня|вчера|официально)"
_RU_ATTRIB_VERB = re.compile(rf"\s(?:\s*{_RU_BETWEEN}\s)*\s*(?:{_RU_VERBS})(?!\w)")
_RU_SAID_AFTER = re.compile(
    rf"(?:[\"”»]|,)\s*(?:[—–-]\s*)?(?:как\s+)?(?:{_RU_BETWEEN}\s+)?(?:{_RU_VERBS})"
    # where or to whom it was said comes before the speaker: "заявил в интервью телеканалу
    # начальник ГУР", "сообщил журналистам представитель"
    r"(?:\s+(?:в|во)\s+(?:интервью|беседе|эфире|разговоре|комментарии)"
    r"(?:\s+(?:с\s+)?[а-яё]+(?:у|ю|е|ой|ом|ам))?(?:\s+[«\"]?[A-ZА-ЯЁ][^\s,]*)?"
    r"|\s+(?:журналистам|репортёрам|репортерам|прессе|СМИ))?"
    # the impersonal "сообщили в Минобороны" is the ministry's statement
    r"(?:\s+(?:в|во)(?=\s+[A-ZА-ЯЁ]))?\s+"
)
_RU_ACCORDING = re.compile(
    r"(?<!\w)(?:[Пп]о\s+(?:данным|словам|оценкам|оценке|информации|сведениям|подсч[её]там|"
    r"мнению)|[Зз]а\s+(?:даними|словами|оцінками|оцінкою|інформацією)|[Зз]гідно\s+з|[Сс]огласно(?:\s+(?:данным|оценкам|оценке|информации|сведениям))?|"
    rf"[Кк]ак\s+(?:{_RU_VERBS})(?:\s+(?:в|во))?|[Сс]о\s+ссылкой\s+на)\s+"
)
# A Russian name runs on in lower case ("южнокорейская разведка"): up to the next punctuation
# or a word that starts what was said ("что", "в понедельник", "со ссылкой на").
_RU_LOOSE_STOP = re.compile(
    r"[,;:.\n\"“”»«](?:\s|$)|[,;:\n\"“”»«]|\s[—–]\s|"
    r"\s(?:в|во|на|о|об|что|со|по|после|накануне|ранее|также|из-за|уже)(?!\w)"
)
_RU_CITING = re.compile(r"[Сс]о\s+ссылкой\s+на\s")
# A source named by its kind alone refers back to the one named before: "по данным ведомства",
# "Агентство также сообщило".
_RU_GENERIC_SOURCES = frozenset(
    """ведомство ведомства ведомству агентство агентства разведка разведки министерство
    министерства служба службы издание издания газета газеты штаб штаба командование
    командования""".split()
)
# Lowercase words that belong to a source's name: "South Korea's spy agency", "a senior US
# defence official", "the Warsaw-based research institute".
_SOURCE_WORDS = frozenset(
    """spy agency agencies intelligence military defence defense security service services
    ministry official officials spokesperson spokesman spokeswoman government governments
    lawmaker lawmakers legislator legislators analysts analyst researchers researcher institute
    group report monitoring research think tank senior opposition foreign state media news
    sources source prosecutors prosecutor commander command staff minister president office
    panel monitors experts expert assessment department organisation organization body outlet
    newspaper daily broadcaster army forces operations special general chief head officer
    officers diplomats diplomat independent anonymous western regional local top unnamed
    interior labour labor statistics customs governor governors mayor sprecher sprecherin
    porte-parole portavoz ein eine un une una
    sanctions ukrainian korean russian american british japanese european us u.s. un
    the a an of for and at from on with in renseignement service servicio inteligencia
    geheimdienst militärgeheimdienst behörde regierung border guard guards residents navy
    air force agencia agencias servicios militar ministerio gobierno fuentes funcionarios
    analistas agence ministère gouvernement responsables militaire ucraniana ucraniano
    ucranianos surcoreano surcoreana surcoreanos ruso rusa estadounidense ukrainien
    ukrainienne sud-coréen sud-coréenne américain russe forum estimaciones estimations
    estimates cifras schätzungen los las les del de la le der die das des dem den
    разведка разведки разведку разведкой служба службы службу службой ведомство ведомства
    министерство министерства министерству минобороны обороны безопасности штаб генштаб
    агентство агентства агентству издание издания газета газеты источники источник источников
    mismo misma dicho dicha organismo même organisme selbe selben gleiche gleichen same fuente
    fonte fontes mesmo mesma
    stesso stessa servizio agenzia ministero fonti funzionari governo esercito
    представитель представители пресс-служба пресс-секретарь командование командования
    правительство правительства управление управления эксперты аналитики исследователи
    депутат депутаты депутата парламентарий военные чиновник чиновники официальные власти
    южнокорейская южнокорейской южнокорейские южнокорейский южнокорейского украинская
    украинской украинский украинского украинские американская американской американский
    американские американского британская британской британский британские японская японский
    японские западная западные западный российская российский российские российского военная
    военной военный военного национальная национальной национальную разведывательная
    разведывательной разведывательную разведывательный разведывательного главное главного
    генерального генеральный""".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those der die das des den dem le la les el los las ein eine "
    "einer un une una".split()
)
_PRONOUNS = frozenset(
    "he she it they we i er sie es wir ich il elle ils ellas él ella lui eux ihm ihr ihnen"
    " nous je nosotros yo он она оно они".split()
)
# A possessive alone names whose figure it is: "Its estimate of the force, about 10,000".
_POSSESSIVES = frozenset("its their his her".split())
_STATE_ONLY = re.compile(
    r"^(?:north korea|nordkorea|pyongyang|the dprk|dprk|russia|russland|moscow|moskau|"
    r"la russie|la corée du nord|corea del norte|rusia|"
    r"росси[яиюей]|рф|москв[аеыуой]|кремл[ьеяю]|кндр|северн(ая|ой|ую) коре[яиюей]|"
    r"пхеньян[еау]?)$",
    re.I,
)
_OUR = frozenset(
    "our unsere unser notre nos nuestra nuestro nuestros "
    # "my" ("D'après mes recoupements", "Pelas minhas contas"): one speaker's own claim
    "my mein meine meinen meiner mes mis meu minha meus minhas miei".split()
)
# "we" and the "our" a possessive source is cut to ("Our intelligence" -> "our")
_FIRST_PERSON = frozenset("we i wir ich nous je nosotros yo".split()) | _OUR
_CONTRACTED = re.compile(r"(I|[Ww]e)['’](?:d|m|ve|re|ll)")
_CONNECTORS = frozenset("of for and at from on with in".split())
_DATA_WORDS = frozenset("data figures estimates numbers statistics records".split())
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday week month year today yesterday
    earlier last this""".split()
)
_LEADING_NOISE = frozenset(
    "as but and while however meanwhile separately also so "
    "однако но а и также ранее кроме того между тем при этом теперь сейчас впрочем как".split()
)
_ORG_WORDS = re.compile(
    r"(?i:agency|service|ministry|institute|group|watch|office|intelligence|department|command|"
    r"forum|think tank|foundation|university|observatory|centre for|center for|servicio|"
    r"agencia|inteligencia|ministerio|agence|renseignement|"
    r"staff|council|committee|government|centre|center|forces|army|media|nations|report|"
    r"geheimdienst|renseignement|"
    r"разведк|служб|ведомств|министерств|минобороны|генштаб|штаб|агентств|управлени|институт|"
    r"центр|командовани|правительств|издани|газет|пентагон)|\b[A-Z]{2,6}\b|\b[А-ЯЁ]{2,6}\b"
)
_ORG_HEADS = ("agency", "service", "intelligence", "geheimdienst", "renseignement")
_TOKEN = re.compile(r"\([A-Z]{2,8}\)|[\w'’.-]+", re.UNICODE)


@dataclass(frozen=True)
class Mention:
    """One attribution in the article: where it is and whom it names (resolved)."""

    start: int
    end: int
    name: str
    anaphoric: bool  # written as a back-reference ("the agency", "he")
    cited: bool = False  # named as whom another source cites ("со ссылкой на X")
    written: str = ""  # the name as written, when it was a back-reference resolved to ``name``
    owner: bool = False  # named as the owner of a figure, not as a speaker ("the figure from X")


def _is_name_token(tok: str) -> bool:
    low = tok.lower().rstrip(".")
    if tok.startswith("(") and tok.endswith(")"):
        return True  # "(NIS)"
    if low.endswith(("'s", "’s")):
        return True
    if tok[:1].isupper():
        return True
    if "-" in tok and any(p[:1].isupper() for p in tok.split("-")):
        return True  # "Warsaw-based", "Seoul-based"
    if re.fullmatch(r"\w+(?:isch|ische|ischen|ischer|isches)", low):
        return True  # German adjectives: "der südkoreanische Geheimdienst"
    return low in _SOURCE_WORDS


def _name_before(text: str, end: int) -> tuple[int, str] | None:
    """The source name ending at ``end``, also across an appositive: "The Korea Peninsula
    Security Forum, a Seoul think tank that has tracked the deployment, now estimates"."""
    found = _name_run_before(text, end)
    if found:
        return found
    offset = max(0, end - 300)
    before = text[offset:end].rstrip()
    if before.endswith(","):
        comma = before.rfind(",", 0, len(before) - 1)
        if comma > 0 and re.match(r"\s*(?:a|an|the|un|una|une)\s", before[comma + 1 :]):
            return _name_run_before(text, offset + comma)
        known = re.fullmatch(r"\s*(?:also |better )?known as ([A-Z]{2,6}),", before[comma + 1 :])
        found = _name_run_before(text, offset + comma) if comma > 0 and known else None
        if found and known:  # "Ukraine's Defence Intelligence, known as HUR, put ..."
            return found[0], f"{found[1]} ({known[1]})"
    return None


def _name_run_before(text: str, end: int) -> tuple[int, str] | None:
    """The source name ending at ``end``: the longest run of name-like words before it."""
    window_start = max(0, end - 160)
    window = text[window_start:end]
    # stop at the clause boundary: punctuation or a quote
    cut = max(window.rfind(c) for c in ',;:\n"“”«»!?')
    cut = max(cut, _sentence_break(window))
    segment = window[cut + 1 :] if cut >= 0 else window
    offset = window_start + (cut + 1 if cut >= 0 else 0)  # where segment starts in text
    tokens = list(_TOKEN.finditer(segment))
    if tokens and tokens[-1].group() in _PRONOUNS:  # "In a statement, it said ..."
        last = tokens[-1]
        return offset + last.start(), last.group()
    run: list[re.Match[str]] = []
    for m in reversed(tokens):
        if not _is_name_token(m.group()):
            break
        run.insert(0, m)
    # a French object pronoun between the source and its verb: "Le HUR les chiffre à ..."
    while len(run) > 1 and run[-1].group() in _OBJECT_PRONOUNS:
        end = offset + run.pop().start()
    # leading connectors and time words: "In December the agency had put", "But the NIS"
    while run and (
        run[0].group().lower().rstrip(".") in _CONNECTORS | _LEADING_NOISE | _TIME_WORDS
    ):
        run.pop(0)
    # "Data from Russia's interior ministry suggest": the source is the ministry
    if len(run) > 2 and run[0].group().lower() in _DATA_WORDS and run[1].group() in ("from", "by"):
        run = run[2:]
    if not run or run[-1].group().lower().rstrip(".") in _TIME_WORDS:
        return None
    first = run[0].group()
    if len(run) == 1 and first.lower() in _PRONOUNS:
        return offset + run[0].start(), first
    if all(t.group().lower() in _DETERMINERS for t in run):
        return None
    start = offset + run[0].start()
    return start, text[start:end].strip()


def _sentence_break(window: str) -> int:
    best = -1
    for m in re.finditer(r"[.!?]\s+(?=[A-ZА-ЯЁ\"“«])", window):
        best = m.start()
    return best


def _name_after(text: str, start: int, *, german: bool = False) -> tuple[int, str] | None:
    """The source name starting at ``start`` ("according to X, ...", "said X."): the run of
    name-like words there, unbroken by punctuation.

    German capitalises every noun: after "laut"/"nach Angaben des" (``german``) a name is
    complete at an acronym or an institution's noun ("nach Angaben des NIS Eisenbahnstrecken
    ... instand setzen", "laut dem Vereinigungsministerium Tausende Arbeiter")."""
    segment = text[start : start + 160]
    complete = False
    end = 0
    for m in _TOKEN.finditer(segment):
        if end and not segment[end : m.start()].isspace():
            break  # punctuation between words ends the name
        word = m.group().rstrip(".")
        if not _is_name_token(word) or word.lower() in _TIME_WORDS:
            break
        if complete and word[:1].isupper() and not word.isupper() and "-" not in word:
            break
        complete = german and (word.isupper() or _GERMAN_INSTITUTION.search(word) is not None)
        end = m.start() + len(word)
    name = segment[:end].strip()
    while name and name.split()[-1].lower() in _CONNECTORS | _DETERMINERS:
        name = name.rsplit(None, 1)[0] if " " in name else ""
    if len(name) < 2 or name.lower() in _PRONOUNS or name.lower() in _DETERMINERS:
        return None
    return start, name


_GERMAN_INSTITUTION = re.compile(
    r"(?:ministerium|ministeriums|dienst|dienstes|amt|amtes|institut|instituts|behörde|"
    r"regierung|stab|stabes|agentur|kommando|kommandos)$"
)
_OBJECT_PRONOUNS = frozenset({"les", "la", "le", "en", "lui", "leur"})


_LOOSE_STOP = re.compile(r"[,;:.\n\"“”»](?:\s|$)|[,;:\n\"“”»]| (?:que|qui|ha|a|el|le)\b")


def _loose_name_after(
    text: str, start: int, stops: re.Pattern[str] = _LOOSE_STOP
) -> tuple[int, str] | None:
    """The source name starting at ``start``, up to the next punctuation (French, Spanish;
    Russian with ``_RU_LOOSE_STOP``)."""
    segment = text[start : start + 140]
    stop = stops.search(segment)
    segment = segment[: stop.start()] if stop else segment
    words = segment.split()[:10]
    if not words:
        return None
    name = " ".join(words).strip()
    if len(name) < 2 or (len(words) == 1 and name.islower() and name not in _PRONOUNS):
        return None  # a verb read as a name: "según declaró el jueves el diputado ..."
    return start, name  # a pronoun ("selon lui") is resolved like "he said"


# A nationality makes a description a source in its own right: "le renseignement sud-coréen",
# "la inteligencia militar ucraniana" (lower case in French and Spanish).
_NATIONALITY = frozenset(
    """ucraniana ucraniano ucranianos surcoreano surcoreana surcoreanos ruso rusa
    estadounidense ukrainien ukrainienne sud-coréen sud-coréenne américain russe ukrainian
    korean russian american british japanese european western""".split()
)


def _russian_name_after(text: str, start: int) -> tuple[int, str] | None:
    """``_loose_name_after`` with Russian stop words; a source named by its kind alone ("по
    данным ведомства") is kept, as a back-reference."""
    found = _loose_name_after(text, start, _RU_LOOSE_STOP)
    if found is None:
        word = re.match(r"[^\W\d_]+", text[start : start + 40])
        if word and word.group().lower() in _RU_GENERIC_SOURCES:
            return start, word.group()
    return found


# "the same source", "la misma fuente", "a mesma fonte", "dieselbe Quelle": whoever was named
# last, person or organisation
_FORMER_LATTER = frozenset(
    """former latter dernier dernière ersterer ersterem erstere letzterer letzterem letztere
    último última ultimo ultima останнього останньої последнего последней""".split()
)
_SAME = frozenset(
    "same mismo misma mismos mismas même mêmes mesmo mesma mesmos mesmas stesso stessa stessi "
    "stesse selbe selben dieselbe derselben gleiche gleichen".split()
)


def _anaphoric(name: str) -> bool:
    """True for back-references: pronouns and "the agency"-style descriptions with no name."""
    tokens = name.split()
    low = [t.lower() for t in tokens]
    if any(t in _NATIONALITY for t in low):
        return False
    if len(low) in (2, 3) and _SAME.intersection(low[:2]):
        return True  # "the same source", "a mesma fonte", "dieselbe Quelle"
    if len(low) <= 2 and _FORMER_LATTER.intersection(low):
        return True  # "the latter", "ce dernier", "Ersterer": one of two named before
    if len(low) == 1 and (
        low[0] in _PRONOUNS or low[0] in _POSSESSIVES or low[0] in _RU_GENERIC_SOURCES
    ):
        return True
    if low[0] not in (
        "the", "this", "that", "der", "die", "das", "le", "la", "el", "los", "las", "les",
        "its", "their", "sus", "su", "ses", "son", "sa", "seine", "ihre", "il", "lo", "i",
        "gli", "questo", "quel", "ce", "cet", "cette", "ces", "este", "esta", "esse", "essa",
        "diese", "dieser", "dieses", "questa",
    ):  # fmt: skip
        return False
    rest = tokens[1:]
    german = low[0] in ("der", "die", "das")  # German nouns are capitalised: "der Sprecher"
    return bool(rest) and all(
        t.lower() in _SOURCE_WORDS and (german or not t[:1].isupper()) and "(" not in t
        for t in rest
    )


# A document named before its author: "according to a report published on Tuesday by the
# Centre for Euro-Pacific Security Studies (CEPSS)" is the centre's claim.
_A_DOCUMENT = re.compile(
    r"(?i:(?:a|an|the)\s+(?:new\s+|latest\s+|recent\s+|confidential\s+)?"
    r"(?:report|study|assessment|analysis|paper|survey|statement|briefing|estimate))$"
)
_DOCUMENT_FROM = re.compile(
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:update|report|statement|assessment|estimate|"
    r"analysis|briefing|study|tally|count|figures|data)\s+(?:from|by)\s+"
)
# A figure named by its owner, without a verb: "The figure from South Korea's National
# Intelligence Service is lower, at some 4,800", "Le chiffre de Séoul d'abord : environ 10 000"
_OWNER = re.compile(
    r"\b(?:[Tt]he|[Ll]e|[Ll]a|[Ee]l)\s+(?:(?:latest|new|official|dernier|último)\s+)?"
    r"(?:figure|estimate|count|tally|toll|chiffre|décompte|bilan|cifra|recuento)\s+"
    r"(?:from|by|de|du|del)\s+"
)
_SOURCE_IN_BRACKETS = re.compile(
    r"(?<=[\w.,;:)\"”»] )\((?:(?i:sources?|fuentes?|fonte|quelle)\s*:\s*)?"
    r"([A-ZА-ЯЁ]{2,6})\)(?=[.;]?[ \t]*(?:\n|$))",
    re.M,
)
_BY_AUTHOR = re.compile(
    r"\s+(?:(?:released|published|issued|compiled|prepared|written|presented|made public)"
    r"\s+)?(?:(?:on|in|last|this|earlier)\s+\S+\s+)?(?:\S+\s+)?by\s+"
)


def _author_of(text: str, end: int) -> tuple[int, str] | None:
    """(end, name) of the author written after a document ending at ``end``, or None."""
    m = _BY_AUTHOR.match(text, end)
    found = _name_after(text, m.end()) if m else None
    if not found or (not found[1][:1].isupper() and not found[1].lower().startswith("the ")):
        return None
    return found[0] + len(found[1]), found[1]


def find_mentions(text: str) -> list[Mention]:
    """Every attribution in ``text``, in order, with back-references resolved."""
    raw: list[tuple[int, int, str]] = []
    folded = fold(text)  # a pattern none of whose words occurs in the article is not run
    for m in _ATTRIB_VERB.finditer(text) if may_match(_ATTRIB_VERB, folded) else ():
        found = _name_before(text, m.start())
        if found:
            raw.append((found[0], m.end(), found[1]))
    for m in _SAID_AFTER.finditer(text) if may_match(_SAID_AFTER, folded) else ():
        found = _name_after(text, m.end())
        if found and (found[1][:1].isupper() or found[1].split()[0].lower() in _DETERMINERS):
            raw.append((m.start(), m.end() + len(found[1]), found[1]))
    for pattern, read in (
        (_ACCORDING, _name_after),
        (_GERMAN_ACCORDING, partial(_name_after, german=True)),
        (_ACCORDING_LOOSE, _loose_name_after),
    ):
        # both open with a word boundary: tried only where their first words occur
        for m in finditer_at_starts(pattern, text) if may_match(pattern, folded) else ():
            document = _DOCUMENT_FROM.match(text, m.end())
            if document:  # "according to a February update from Ukraine's military ...": its author
                found = _name_after(text, document.end())
                if found and found[1][:1].isupper():
                    raw.append((m.start(), found[0] + len(found[1]), found[1]))
                    continue
            found = read(text, m.end())
            if found:
                end = m.end() + len(found[1])
                author = _author_of(text, end) if _A_DOCUMENT.match(found[1]) else None
                raw.append((m.start(), *(author or (end, found[1]))))
    # "Para o NIS, a Rússia já entregou ...", "Pour le renseignement sud-coréen, ...": a
    # sentence that opens with whose view it gives, up to the comma
    for m in _FOR_SOURCE.finditer(text) if ("Para " in text or "Pour " in text) else ():
        comma = text.find(",", m.end(), m.end() + 70)
        name = text[m.end() : comma].strip() if comma > 0 else ""
        if name and "\n" not in name and not any(c in name for c in ".;:!?"):
            raw.append((m.start(), comma, name))
    # a list item or table row that ends with its source in brackets: "- Sistemas antiaéreos
    # Pantsir, desplegados en torno a Pyongyang (MSMT)."
    for m in _SOURCE_IN_BRACKETS.finditer(text) if "(" in text else ():
        raw.append((m.start(), m.end(), m[1]))
    owners: set[int] = set()  # where a figure's owner is named: "The figure from X is lower"
    for m in _OWNER.finditer(text) if may_match(_OWNER, folded) else ():
        found = _name_after(text, m.end())
        if found and found[1][:1].isupper():
            raw.append((m.start(), found[0] + len(found[1]), found[1]))
            owners.add(m.start())
    cited: set[int] = set()  # where a source another one cites is named
    if cyrillic(text):
        russian = _russian_mentions(text, folded)
        raw += russian
        cited = {start for start, _, _ in russian if _RU_CITING.match(text, start)}
    speakers: set[int] = set()  # where a first-person claim's speaker is named
    # most articles hold none of the declaration's openings, which its words alone cannot rule
    # out ("we" is in "were"): the regex runs only where one occurs
    declares = any(opening in text for opening in _WE_OPENINGS)
    for m in _WE_DECLARATION.finditer(text) if declares else ():
        raw.append((m.start(1), m.end(1), m.group(1)))
        speakers.add(m.start(1))
    roles: dict[str, str] = {}  # a transcript gives a speaker's role once, at first
    for m in _SPEAKER.finditer(text):
        label = m.group(1)
        if label.split()[0].lower().rstrip(".") in _NOT_SPEAKERS:
            continue
        line_end = text.find("\n", m.end())
        if "|" in text[m.end() : line_end if line_end >= 0 else len(text)]:
            continue  # "Compartir: Facebook | X | WhatsApp": a share bar, nobody speaking
        if label.isupper():  # "MR. OKAFOR" -> "Mr. Okafor"
            label = label.title()
        name = _full_name(label, text, m.start())
        role = m.group(2).strip() if m.group(2) else roles.get(name)
        if role:  # the role the transcript gives: "(Senior Fellow, Pacific Institute)"
            roles.setdefault(name, role)
            name = f"{name} ({role})"
        raw.append((m.start(), m.end(), name))
        speakers.add(m.start())
    interviewee = _interviewee(text)
    for m in _ANSWER.finditer(text) if interviewee else ():
        # "R. Según nuestros datos, unos 12.000": an interview's answer is the interviewee's
        raw.append((m.start(), m.end(), interviewee))
        speakers.add(m.start())
    raw.sort()
    raw = _named_later(raw)
    mentions: list[Mention] = []
    for start, end, name in raw:
        name = re.sub(r"['’]s$", "", name.strip(" '\"“”"))
        if name.split()[-1].lower() in _CONNECTORS:
            continue
        if not name or _STATE_ONLY.match(name):
            continue
        if name.split()[0].lower() in _OUR and len(name.split()) > 1:
            name = name.split()[0].lower()  # "Our intelligence indicates": the speaker's claim
        if mentions and start < mentions[-1].end and mentions[-1].start <= start:
            continue  # overlapping matches of one attribution
        role = _ROLE_BEFORE_NAME.match(name)
        if role and _is_person(name[role.end() :]):
            name = name[role.end() :]  # "Korea-Expertin Katrin Oberländer": the person
        name = _fuller_name(name, text, start, mentions)
        contracted = _CONTRACTED.fullmatch(name)
        if contracted:  # "Today I'd say about 14,000": the speaker's own claim
            name = contracted[1]
        anaphoric = _anaphoric(name)
        if name.lower() in _FIRST_PERSON:
            # "We assess ..." is the speaker's claim (a transcript's current speaker, a
            # statement's authors), never the organisation quoted last; unresolved otherwise
            spoken = [m for m in mentions if m.start in speakers]
            resolved = spoken[-1].name if spoken else None
            if resolved is None:
                # a quote's speaker named earlier in its paragraph: "« La grande nouveauté, ce
                # sont les bâtisseurs, relève Julien Marchetti. D'après mes recoupements, ... »"
                para = _paragraph_start(text, start)
                near = [m for m in mentions if m.start >= para and _is_person(m.name)]
                resolved = near[-1].name if near else None
            if resolved is None:
                anaphoric = True  # an unresolved "nuestros datos" names nobody
        elif anaphoric:
            resolved = _resolve(name, mentions)
        else:
            resolved = _expand_acronym(name, text, [m.name for m in mentions])
        written = name if anaphoric and resolved else ""
        mentions.append(
            Mention(
                start,
                end,
                resolved or name,
                anaphoric and resolved is None,
                start in cited,
                written,
                start in owners,
            )
        )
    return mentions


def _russian_mentions(text: str, folded: str) -> list[tuple[int, int, str]]:
    """The Russian attributions in ``text`` (``folded`` is its fold), as ``find_mentions``'s
    raw (start, end, name) triples."""
    raw: list[tuple[int, int, str]] = []
    for m in _RU_ATTRIB_VERB.finditer(text) if may_match(_RU_ATTRIB_VERB, folded) else ():
        found = _name_before(text, m.start())
        if found:
            raw.append((found[0], m.end(), found[1]))
    for pattern in (_RU_SAID_AFTER, _RU_ACCORDING):
        for m in pattern.finditer(text) if may_match(pattern, folded) else ():
            found = _russian_name_after(text, m.end())
            if found and pattern is _RU_SAID_AFTER and not _names_a_source(found[1]):
                continue  # "Генштаб, своєю чергою, оцінює втрати КНДР": the verb's object
            if found:
                raw.append((m.start(), m.end() + len(found[1]), found[1]))
    return raw


def _names_a_source(name: str) -> bool:
    """Whether a name read after a verb can be who spoke: a capitalised name or a source
    word ("южнокорейская разведка"), not the verb's object ("втрати КНДР")."""
    first = name.split()[0]
    low = first.lower()
    return (
        first[:1].isupper()
        or low in _SOURCE_WORDS
        or low in _RU_GENERIC_SOURCES
        or low in _RU_ROLES
    )


# Who may speak, named by role in lower case: "заявил ... начальник ГУР Кирилл Буданов"
_RU_ROLES = frozenset(
    """начальник глава руководитель министр директор командующий посол спикер советник
    замминистра генерал полковник голова керівник речник міністр представник командувач""".split()
)


# A statement written in the first person names its authors once: "We, the Foreign Ministers
# of the Republic of Korea, Japan and the United States, met today ..."; every later "we"
# claim is theirs.
_WE_DECLARATION = re.compile(
    r"\b(?:We|Nous|Wir|Nosotros),\s+((?:the|les|die|los)\s[^\n]{5,200}?),\s+(?=[a-zà-ü])"
)
# What every match of _WE_DECLARATION holds as written (the pattern is case-sensitive).
_WE_OPENINGS = ("We,", "Nous,", "Wir,", "Nosotros,")
# Someone who passes on another source's figure: a lawmaker briefed by the intelligence service,
# "les députés présents".
_RELAYER = re.compile(
    r"(?i:lawmakers?|legislators?|députés?|diputad[oa]s?|abgeordneten?|parlamentarier|"
    r"депутат\w*|парламентари\w*|"
    r"member of (?:the )?(?:national assembly|parliament))"
)


def _introduced_as_relayer(name: str, text: str) -> bool:
    """Whether the person ``name`` is introduced in ``text`` as a lawmaker or a member of
    parliament ("Park Joon-seo, a member of the National Assembly's intelligence committee",
    "opposition lawmaker Han Ji-woo"): someone who passes on an agency's briefing."""
    at = text.find(name)
    if at < 0:
        return False
    end = text.find(".", at + len(name) + 100)
    end = at + len(name) + 300 if end < 0 else end
    # introduced as a lawmaker, in a sentence that names what is passed on ("told reporters
    # after the session that the agency now believes"); not '"They are soldiers," opposition
    # lawmaker Han Ji-woo told reporters' (his own words)
    return bool(
        _RELAYER.search(text, max(0, at - 40), at + len(name) + 100)
        and _PASSED_ON.search(text, max(0, at - 40), end)
    )


_PASSED_ON = re.compile(
    r"\b(agency|intelligence|NIS|service|briefing|briefed|citing|ministry|Geheimdienst\w*|"
    r"renseignement|inteligencia|разведк\w*|розвідк\w*|serviços secretos)\b",
    re.IGNORECASE,
)


def _relays(name: str) -> bool:
    """Whether ``name`` is a person or lawmaker who may be passing on an agency's figure."""
    if re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", name) and not _ORG_WORDS.search(name):
        return True  # a surname on its own: "According to Park, the agency ..."
    return _is_person(name) or bool(_RELAYER.search(name))


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in name.split() if w[:1].isupper() and not w.endswith(("'s", "’s"))
    ).upper()


def _expand_acronym(name: str, text: str, earlier: list[str]) -> str:
    """ "the NIS" -> "South Korea's National Intelligence Service (NIS)" when the article
    spells the acronym out; claimants then read the same across an article's records."""
    m = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z]{2,6})", name)
    if not m:
        cyrillic = re.fullmatch(r"[А-ЯЁ]{2,6}", name)
        return _expand_russian_acronym(name, text, earlier) if cyrillic else name
    acronym = m[1]
    at = text.find(f"({acronym})")
    if at < 0:
        for full in reversed(earlier):
            if len(full.split()) > 1 and _initials(full).endswith(acronym):
                return full
        return name
    words = text[max(0, at - 120) : at].rsplit("\n", 1)[-1].split()
    run: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word in ("of", "for", "and")):
            break
        run.insert(0, word)
    while run and not run[0][:1].isupper():
        run.pop(0)
    initials = "".join(w[0] for w in run if w[:1].isupper() and not w.endswith(("'s", "’s")))
    if run and initials.endswith(acronym):
        return f"{' '.join(run)} ({acronym})"
    return name


def _expand_russian_acronym(acronym: str, text: str, earlier: list[str]) -> str:
    """ "ГУР" -> the earlier source named with "(ГУР)"; else the words before "(ГУР)" in the
    text whose initials it is, lower-case words included ("Главного управления разведки")."""
    for full in reversed(earlier):
        if f"({acronym})" in full:
            return full
    at = text.find(f"({acronym})")
    if at < 0:
        return acronym
    words = text[max(0, at - 120) : at].split()[-len(acronym) :]
    if (
        len(words) == len(acronym)
        and words[0][:1].isupper()
        and "".join(w[0] for w in words).upper() == acronym
    ):
        return f"{' '.join(words)} ({acronym})"
    return acronym


def _is_person(name: str) -> bool:
    """A person's name ("opposition lawmaker Park Ji-hoon"), not an organisation's."""
    if _ORG_WORDS.search(name) or "'s" in name or "’s" in name:
        return False
    caps = [t for t in name.split() if t[:1].isupper()]
    return len(caps) >= 2


# One capitalised word that is no acronym and no organisation: a surname or a place
_BARE_NAME = re.compile(
    r"(?!(?i:\S*(?:agency|ministry|intelligence|service)))[A-ZА-ЯЁ][a-zа-яё'’-]+"
)
_INDEFINITE_ORG = re.compile(
    r"^(?:a|an)\s.*\b(?:institute|group|organisation|organization|tank|centre|center|monitor|"
    r"body|firm|project|initiative|NGO)$",
    re.I,
)


# An interview or hearing transcript's speaker label: "Cho: Our count ... is about 21,000",
# "MR. OKAFOR (Deputy Assistant Secretary of Defense): We assess more than 3,000 killed".
_SPEAKER = re.compile(
    # a podcast transcript puts a time stamp first: "[02:36] BERGER: Three things."
    r"^(?:\[[\d:.]+\]\s*)?"
    r"((?:(?:MR|MRS|MS|DR|SEN|REP|GEN|COL|PROF|Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Col|Prof)\.?\s+)?"
    r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})(?:\s*\(([^)\n]{1,90})\))?:[ \t]+(?=\S)",
    re.MULTILINE,
)
_NOT_SPEAKERS = frozenset(
    """q a question answer reporter interviewer editor note update updated source sources photo
    image video caption correction related read watch also advertisement breaking comments
    share tags topics listen subscribe warning disclaimer summary background context hearing
    title subject re date location witness witnesses panel transcript from to cc
    newsletter zum hinweis anzeige werbung fazit compartir compartilhar partilhar partager
    teilen condividi follow folgen suivre seguir siga""".split()
)


# An interview printed as questions and answers: "P. ¿Y las bajas?" / "R. Más de 7.000 ...".
_QUESTION = re.compile(
    r"^(?:P|Q|F|Д|Pregunta|Pergunta|Question|Frage|Domanda|Питання|Вопрос)\s?[.:–—-]\s", re.M
)
_ANSWER = re.compile(
    r"^(?:R|A|Respuesta|Resposta|Réponse|Antwort|Answer|Risposta|Відповідь|Ответ)\s?[.:–—-]\s",
    re.M,
)
# The interviewee, introduced before the first question: "Oleh Marchuk, portavoz de la
# Inteligencia Militar de Ucrania (HUR), repasa ...", "ENTREVISTA | MARTA IBARRA, INVESTIGADORA"
_PERSON_RUN = re.compile(
    r"(?<![\w-])([A-ZÀ-ÖØ-Þ][\w’'-]+(?: [A-ZÀ-ÖØ-Þ][\w’'-]+){1,2})(?:, ([^,\n]{3,90}?)(?:,|\n|$))?"
)
_BYLINE = re.compile(r"^(?:Por|By|Von|Par|Di|По)\s|\|")


def _interviewee(text: str) -> str | None:
    """Who answers in a question-and-answer interview: the person introduced before the first
    question whose surname the article repeats most (bylines left out), with the role written
    after the name ("Oleh Marchuk, portavoz de la Inteligencia Militar de Ucrania (HUR)")."""
    questions = list(_QUESTION.finditer(text))
    if len(questions) < 2 or len(_ANSWER.findall(text)) < 2:
        return None
    best: tuple[int, str] | None = None
    for line in text[: questions[0].start()].splitlines():
        header = bool(_INTERVIEW_HEAD.search(line))  # "ENTREVISTA | MARTA IBARRA, ..."
        byline = bool(_BYLINE.search(line)) and not header
        for m in _PERSON_RUN.finditer(line):
            words = m[1].split()
            name = m[1].title() if m[1].isupper() else m[1]
            if (m[1].isupper() and not header) or byline or _ORG_WORDS.search(name):
                continue  # a masthead, a byline, an institution
            if any(w.lower() in _NAME_STOPS for w in words):
                continue
            times = len(re.findall(rf"\b{re.escape(words[-1])}\b", text, re.I))
            if times < 2 and not header and not _ROLE_WORD.search(line, 0, m.start()):
                continue  # named once, with no role: not the one who answers
            role = m[2].strip() if m[2] and m[2][:1].islower() else ""
            if best is None or times > best[0]:
                best = (times, f"{name}, {role}" if role else name)
    return best[1] if best else None


# "Déclarations du porte-parole adjoint, M. Arnaud Levasseur": a briefing's speaker
_ROLE_WORD = re.compile(
    r"(?i:porte-parole|portavoz|porta-voz|portavoce|sprecher\w*|spokes\w+|minist\w+|"
    r"directeur|director|direktor|chief|chef|jefe|head|речник|представник|представитель)"
)
_INTERVIEW_HEAD = re.compile(r"(?i:entrevista|interview|entretien|intervista)\s*[|:]")
_NAME_STOPS = frozenset(
    "el la los las del de des du le les der die das the of and y e et und da do dos".split()
)


def _full_name(label: str, text: str, before: int) -> str:
    """The fullest form of a speaker label written earlier: given names after it ("Cho" ->
    "Cho Min-ji"), else the capitalised words before its surname where the speaker was
    introduced ("Hrytsai" -> "Oleh Hrytsai", "Lt Gen Whitcombe" -> "Lieutenant General Sarah
    Whitcombe")."""
    m = re.search(rf"\b{re.escape(label)}(?:[ -][A-Z][\w’'-]*){{1,2}}", text[:before])
    if m:
        return m.group()
    return _introduced_as(label.split()[-1], text, before) or label


def _introduced_as(surname: str, text: str, before: int) -> str | None:
    """The capitalised words written before ``surname`` where a person was first named ("Oleh
    Hrytsai, a spokesman for ..."), with the surname; None when there are none."""
    if not surname[:1].isupper() or surname.isupper():
        return None  # not a surname ("NIS", "the agency")
    for full in re.finditer(
        # on one line: not "Thomas Reinholz\n\nReinholz:" (a speaker label under the byline)
        rf"((?:[A-Z][\w’'.-]*[ \t]+){{1,5}}){re.escape(surname)}\b",
        text[:before],
    ):
        words = full.group(1).split()
        while words and words[0].lower().rstrip(".") in _NOT_NAME_WORDS:
            words.pop(0)
        if words and words[-1].lower().rstrip(".") not in _HONORIFICS:
            return " ".join([*words, surname])
    return None


# A person named by title and surname only: "Ms. Whitcomb", "Gen. Ashford", "Frau Baerbock".
_HONORIFIC_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Col|Prof|Maj|Lt|Capt|Adm|Herr|Frau|Mme|Sr|Sra)\.?\s+)"
    r"{1,3}([A-Z][\w’'-]+)$"
)
_HONORIFICS = frozenset(
    "mr mrs ms dr sen rep gen col prof maj lt capt adm herr frau mme sr sra".split()
)
# Capitalised words that open a sentence or a clause, not a name: "The", "But", "Said".
_NOT_NAME_WORDS = frozenset(
    "the a an but and in on at by for of as when while said says according after before "
    "if so then this that these those der die das le la les el los las".split()
)


def _fuller_name(name: str, text: str, before: int, earlier: list[Mention]) -> str:
    """The fuller form of a person named by surname alone or with a title: the latest earlier
    attribution to a person of that name ("Whitcomb" -> "Pentagon Press Secretary Dana
    Whitcomb", "Park" -> "Park Sun-won"), else, after a title, the capitalised words written
    just before the surname earlier on ("Ms. Whitcomb" -> "Pentagon Press Secretary Dana
    Whitcomb"); the name itself when there is none."""
    m = _HONORIFIC_NAME.match(name)
    surname = m.group(1) if m else name
    if " " in surname or not surname[:1].isupper() or surname.isupper():
        return name  # not a single surname ("NIS", "the agency")
    for mention in reversed(earlier):
        words = mention.name.split()
        if (
            not mention.anaphoric
            and mention.name != surname
            and _is_person(mention.name)
            # the surname ends the name, or comes before a hyphenated given name ("Park
            # Sun-won"); not "Bojko der Nachrichtenagentur Ukrinform" (who he spoke to)
            and (
                words[-1] == surname
                or (len(words) > 1 and words[-2] == surname and "-" in words[-1])
            )
        ):
            return mention.name
    if not m:
        return name
    return _introduced_as(surname, text, before) or name


def _named_later(raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "a Warsaw-based research institute said ... The Institute for Eastern Security Studies
    said": an organisation introduced by description and named in the next sentence or two is
    the named one throughout."""
    out = list(raw)
    for i, (start, end, name) in enumerate(raw):
        if not _INDEFINITE_ORG.match(name):
            continue
        for later_start, _, later in raw[i + 1 :]:
            if later_start - end > 400:
                break
            proper = later[:1].isupper() and later.split()[0].lower() not in ("a", "an")
            if proper and not _anaphoric(later) and not _is_person(later):
                out[i] = (start, end, later)
                break
    return out


def _resolve(name: str, earlier: list[Mention]) -> str | None:
    """The latest earlier named source a back-reference points to: a person for "he"/"she",
    an organisation for "the agency"/"the report" (the same head word first)."""
    named = [m for m in earlier if not m.anaphoric]
    if _FORMER_LATTER.intersection(name.lower().split()):
        # which of two it is depends on names the article may give without a verb ("HUR and
        # the State Department both commented. The former said ..."): left unresolved
        return None
    if _SAME.intersection(name.lower().split()):
        return named[-1].name if named else None
    head = name.split()[-1].lower()
    if head in _ROLES:
        # "der Sprecher" after "ein Sprecher des Ministeriums"; a spokesman or a governor is
        # not the organisation last quoted, so one named by role alone ("the regional governor
        # said") is the claimant as written, and an unnamed official stays unresolved
        same = [m for m in named if head in m.name.lower()]
        if same:
            return same[-1].name
        return None if head in ("official", "minister") else name
    if not named:
        return None
    if head in ("он", "она", "оно", "они"):
        # Russian nouns have genders: "он" may stand for "Генштаб" as well as for a man
        return named[-1].name
    if head in ("he", "she", "er", "il", "elle", "él", "ella", "lui", "ihm", "his", "her"):
        people = [m for m in named if _is_person(m.name)]
        return people[-1].name if people else None
    organisations = [m for m in named if not _is_person(m.name)]
    if head in _PRONOUNS or head in _POSSESSIVES:
        return organisations[-1].name if organisations else None
    # "the monitors" for the Monitoring Team, "the researchers" for the Research Centre
    stem = head[:-3] if head.endswith("ers") and len(head) > 8 else head
    stem = stem[:-1] if stem.endswith("s") and not stem.endswith("ss") else stem
    for m in reversed(organisations):
        low = m.name.lower()
        if re.search(rf"\b{re.escape(stem)}", low) or (
            head in _ORG_HEADS
            and (any(h in low for h in _ORG_HEADS) or re.search(r"\b[A-Z]{2,5}\b", m.name))
        ):
            return m.name
        if m.written and m.written.split()[-1].lower() == head:
            return m.name  # "the report" again: the source the last "the report" was
    # "Yoon said the agency put ...": a bare surname is no agency
    bodies = [m for m in organisations if not _BARE_NAME.fullmatch(m.name)]
    return bodies[-1].name if bodies else None


_ROLES = frozenset(
    "official minister spokesperson spokesman spokeswoman governor mayor sprecher sprecherin "
    "porte-parole portavoz".split()
)


def claimant_at(
    text: str, start: int, end: int, mentions: list[Mention] | None = None
) -> str | None:
    """The claimant of the text ``start:end`` (a sentence or a figure's evidence).

    An attribution inside the span wins (the nearest to it); else the latest one before it in
    its paragraph; else None. Unresolved back-references ("he", "the agency" before any name)
    never count.
    """
    mentions = find_mentions(text) if mentions is None else mentions
    usable = [m for m in mentions if not m.anaphoric]
    inside = [m for m in usable if m.start < end and m.end > start]
    # who said so in the sentence beats whose figure it is: "Le chiffre de Séoul : environ
    # 10 000 soldats, selon le Service national du renseignement (NIS)"
    inside = [m for m in inside if not m.owner] or inside
    cited = [m for m in inside if m.cited]
    if cited:  # "сообщило агентство Рёнхап со ссылкой на Минобороны": the ministry's claim
        return cited[0].name
    if inside:
        # "Park, a lawmaker, said the NIS counted 10,500": the agency is the claimant (rule j)
        if _relays(inside[0].name):
            agencies = [m for m in inside[1:] if not _relays(m.name)]
            if agencies:
                return agencies[0].name
            if _introduced_as_relayer(inside[0].name, text):
                # "About 3,000 soldiers were rotated home, Park said" after "Park Joon-seo, a
                # member of the National Assembly's intelligence committee, told reporters that
                # the agency ...": he passes on the agency named last
                earlier = [m for m in usable if m.end <= start and not _relays(m.name)]
                if earlier:
                    return earlier[-1].name
        return inside[0].name
    para_start = _paragraph_start(text, start)
    before = [m for m in usable if para_start <= m.start and m.end <= start]
    if before:
        return before[-1].name
    return None


def latest_before(position: int, mentions: list[Mention]) -> str | None:
    """The latest resolved attribution before ``position`` anywhere in the article."""
    usable = [m for m in mentions if not m.anaphoric and m.end <= position]
    return usable[-1].name if usable else None


# A paragraph that goes on with a report named earlier: "At the same briefing, lawmakers were
# told ...", "The group will reportedly consist of:", German and French reported speech.
_CARRIES_ON = re.compile(
    r"(?i)\b(?:reportedly|at the same (?:briefing|hearing|meeting|press conference)|"
    r"(?:were|was) (?:told|briefed)|the same (?:report|briefing|assessment|document|update|"
    r"source)|(?:it|he|she) added|also (?:said|estimated)|demnach|zufolge|selon la même|"
    r"según la misma|segundo a mesma|"
    # the moods of reported speech: "Etwa dreitausend Soldaten seien ... zurückgekehrt",
    # "seraient rentrés", "habrían muerto", "sarebbero attesi", "teriam regressado"
    r"seien|hätten|könnten|kämen|wären|seraient|auraient|pourraient|devraient|habrían|"
    r"serían|estarían|sarebbero|avrebbero|teriam|seriam|estariam)\b"
)


def _paragraph_start(text: str, position: int) -> int:
    cut = text.rfind("\n\n", 0, position)
    return cut + 2 if cut >= 0 else 0


def carried_over(text: str, position: int, mentions: list[Mention]) -> str | None:
    """The claimant an earlier paragraph passes on to the paragraph at ``position``, which
    names none of its own.

    A new paragraph that states a fact with no source has none (rule j): "Two more soldiers
    were captured ..." after an analysts' paragraph is nobody's claim. The claim carries over
    only when the paragraph says it goes on with a report ("At the same briefing, lawmakers
    were told ...", "reportedly") or is an item of a list whose lead-in, ending with a colon,
    names a source or such a cue ("The group will reportedly consist of:").
    """
    start = _paragraph_start(text, position)
    end = text.find("\n\n", position)
    if _CARRIES_ON.search(text[start : end if end >= 0 else len(text)]):
        return latest_before(position, mentions)
    for _ in range(8):  # back over short list items to the lead-in
        if start < 2:
            return None
        lead_start = _paragraph_start(text, start - 2)
        lead = text[lead_start : start - 2].strip()
        if lead.endswith(":"):
            named = claimant_at(text, lead_start, start - 2, mentions)
            if named or _CARRIES_ON.search(lead):
                return named or latest_before(position, mentions)
            return None
        if len(lead.split()) > 12 and not lead.endswith((",", ";")):
            return None
        start = lead_start
    return None


def resolve_name(name: str, position: int, mentions: list[Mention]) -> str | None:
    """A model-proposed claimant, with a back-reference ("the agency") resolved at
    ``position``; None when it is only one of the two states or cannot be resolved."""
    name = name.strip()
    if not name or _STATE_ONLY.match(name):
        return None
    if _anaphoric(name):
        return _resolve(name, [m for m in mentions if m.end <= position])
    return name
