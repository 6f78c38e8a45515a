"""Status read from the words around a figure or an exchanged item, the way an annotator reads it.

A 1.5B model's planned/ongoing/completed and delivered/promised/suspected readings were the
weakest fields (it calls "have been deployed since September" planned). The article's own words
decide almost every case, so code reads them, clause by clause, and the model's reading is kept
only where the words say nothing.

Deployments (annotation rule i): future or expected ("will", "expected to leave", "could be
sent", "next year") -> planned; present or present perfect ("are stationed", "remain", "have been
deployed since") -> ongoing; placed wholly in the past ("returned home", "earlier deployments")
-> completed. The cue nearest the figure in its clause wins.

Exchanges: the verb that moves the item ("has supplied", "envía", "accused ... of providing")
decides, together with what stands just before it: a pledge ("agreed to send", "will provide")
-> promised; a hedge ("is believed to be sharing", "may have transferred", "sospecha que") ->
suspected; neither -> delivered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pipeline.clean import table_row_at
from pipeline.prefilter import any_match, cyrillic, fold, may_match, usable
from pipeline.scan import last_match_end
from schemas.records import DeploymentStatus, ExchangeStatus

# Clause breaks inside a sentence: what follows may be about another group or item.
_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|,\s+(and|but|while|whereas|although|though|und|aber|während|mais|alors que|"
    r"tandis que|y|pero|mientras|а|но|и|тогда как|в то время как|хотя)\s|"
    r"\s(but|while|whereas|mientras|während|однако)\s|"
    # a second reported clause: "... trabajan ya en Kursk y que hasta 5.000 ... llegarán"
    r"\s(and that|y que|e que|et que|e che|und dass)\s",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝА-ЯЁ\"“‘'(¿¡])|\n\s*\n|\n(?=\s*[-*•\d])")

_BE = r"(is|are|was|were|has been|have been|had been)"

_PLANNED = (
    rf"({_BE}|will be|would be)\s+"
    r"(expected|preparing|set|due|scheduled|planning|poised|about|going|likely|slated)"
    r"\s+to|(will|would|could|might|may|shall)(\s+\w+){0,2}\s+(be\s+)?"
    r"(sen[dt]|deploy\w*|dispatch\w*|arriv\w*|go|join|leave|follow|travel|head|take|bring)|"
    r"to be (sent|deployed|dispatched)|agreed to (send|deploy|dispatch)|"
    r"(are|is) due (by|in|before|next|this|within)\b|"
    # a promise to send: "Pyongyang aurait promis d'envoyer jusqu'à 6 000 militaires"
    r"(promised|pledged|vowed|committed) to (send|deploy|dispatch)|promis d'envoyer|"
    r"promesso di (inviare|mandare)|prometió enviar|prometeu (enviar|mandar)|"
    r"being (trained|prepared|readied) (for|to)|for dispatch|"
    r"plans?\s+to|planned|planning|intends?\s+to|wants?|"
    r"expects?\s+to|expected|prepar(es|ing) to|next (week|month|year|spring|summer|autumn|fall|"
    r"winter)|in the coming (weeks|months)|later this year|soon|"
    r"werden|wird|sollen|soll|sollten|folgen|geplant|künftig|nächste[nms]?|"
    r"va|vont|prévoit|prévu[es]?|devrai(en)?t|pourrai(en)?t|prochaine?s?|bientôt|"
    r"doi(t|vent)\s+(encore\s+)?(arriver|rejoindre|partir|être (envoyés?|déployés?))|"
    r"enviará[n]?|desplegará[n]?|prevé|previsto[s]?|planea|próximo[s]?|pronto|podría[n]?|"
    r"dovrebber[oa]|dovrebbe|saranno|sarà|arriveranno|partiranno|previst[oi]|prevede|"
    r"in arrivo|prossim[oi]|"
    # Portuguese: "Pyongyang se comprometeu a mandar outros seis mil", "vai enviar"
    r"enviará|enviarão|(vai|vão|irá|irão) (enviar|mandar)|deverá|deverão|prevê|planeja|planeia|"
    r"pretende|comprometeu-se a|se comprometeu a|em breve|próxim[ao]s?|poderá|poderão|chegarão|"
    r"deve(m)? (chegar|ser enviad[oa]s?|partir)|prepara(m)?-se para|"
    # a verb in the future tense, by its ending: "llegarán antes del verano", "chegarão",
    # "raggiungeranno", "rejoindront" (plural forms only: the singular endings are also other
    # tenses' in another language, as Spanish "era" is "was"; "estarão atualmente na Rússia"
    # is a guess about the present, not a plan)
    r"(?!Teherán|affront|estarán|estarão)"
    r"\w{3,}(arán|erán|irán|arão|erão|irão|eranno|iranno|aranno|ront)|"
    r"seront|"
    # an expectation of more: "It also expects about 6,000 more personnel by the summer"
    r"expects|expecting"
)
_ONGOING = (
    rf"{_BE}\s+((now|still|currently|already|reportedly)\s+)?(stationed|deployed|sent|dispatched|based|employed|working|fighting|serving|"
    r"present|operating|posted|there)|"
    r"remain(s|ed)?|stay(s|ed)?|presence|(are|is) (now )?(in|inside|on)\b|currently|"
    r"atualmente|actualmente|attualmente|actuellement|zurzeit|aktuell|"
    # at the front now: a table's "En el frente"
    r"at the front(line)?|en el frente|au front|an der Front|al fronte|na frente|"
    r"there (are|is) (now )?|living|"
    r"(has|have) (begun|started) (sending|deploying)|"
    r"sent|deployed|dispatched|arrived|stationed|employed|fighting|serving|assigned|"
    r"entsandt|stationiert|geschickt|befinden|eingesetzt|im Einsatz|seit|derzeit|depuis|desde|"
    r"envoyés?|déployés?|présents?|se trouvent|"
    r"desplegados?|enviados?|se encuentran|trabajan|destinados?|"
    r"inviati|schierati|dispiegati|si trovano|lavorano|operano|presenti|"
    r"destacados|estacionados|encontram-se|se encontram|trabalham|combatem|lutam|presentes"
)
_COMPLETED = (
    r"returned|return(ing)? home|came back|(have|has|had) come back|withdrawn|withdrew|"
    r"pulled (out|back)|rotated (out|home|back)|left Russia|went home|gone home|"
    r"(forced|sent|ordered)(\s+\w+){0,3}\s+home|"
    r"(earlier|previous|first|initial) (deployments?|dispatch(es)?|contingents?|waves?|batch(es)?)|"
    r"zurückgekehrt|heimgekehrt|abgezogen|regresaron|regresado|volvieron|retirados?|"
    r"rentrés?|retirés?|revenus?|rientrati|tornati a casa|ritirati|"
    # Portuguese: "Cerca de três mil já voltaram para casa"
    r"voltaram|regressaram|retornaram|voltado|regressado|retornado"
)
_DEPLOYMENT_CUES = [
    (DeploymentStatus.completed, _COMPLETED),
    (DeploymentStatus.planned, _PLANNED),
    (DeploymentStatus.ongoing, _ONGOING),
]

# Russian cues, asked only about text with Cyrillic letters (the lexicons above stay as fast as
# they were). A perfective present is a future ("направит"); "будут направлены" is planned
# although "направлены" alone is ongoing (the longer cue ends where the shorter does and ranks
# first). "ранее" alone may open an earlier estimate, whose status is its own (rule e): only
# "ранее направленные" and earlier contingents are wholly past.
_RU_PLANNED = (
    r"направит|направят|отправит|отправят|перебросит|перебросят|пришл[её]т|пришлют|прибуд(ет|ут)|"
    r"(будут|будет|могут быть|может быть|должны быть|должен быть)(\s+\w+)?\s+"
    r"(направлен\w*|отправлен\w*|переброшен\w*|развернут\w*|размещен\w*|размещён\w*)|"
    r"планиру\w*|намерен\w*|собира\w*ся|ожида\w*|предстоит|готов\w* к отправке|"
    r"в (следующем|будущем) (году|месяце)|в ближайш\w*|скоро|вскоре|"
    # Ukrainian
    r"мають прибути|має прибути|прибуд(е|уть)|направить|направлять|відправить|відправлять|"
    r"планує|планують|очіку\w*|незабаром|найближч\w*"
)
_RU_ONGOING = (
    r"наход(ятся|ится)|размещен\w*|размещён\w*|дислоцирован\w*|развернут\w*|развёрнут\w*|"
    r"воюют|воюет|сражаются|продолжают|продолжает|оста[её]тся|остаются|служат|работают|"
    r"трудятся|присутству\w*|в настоящее время|сейчас|"
    r"направил[аио]?|отправил[аио]?|перебросил[аио]?|направлен[аыо]?|отправлен[аыо]?|"
    r"переброшен[аыо]?|прибыл[аио]?|"
    r"перебува\w*|знаход(яться|иться)|воюють|працюють|залишаються|наразі|зараз|"
    r"направил[аи]|відправил[аи]|прибул[аи]"
)
_RU_COMPLETED = (
    r"вернул(ись|ся|ась)|возвратил(ись|ся|ась)|(были|был|была) выведен[ыа]?|выведен[ыа]?|"
    r"вывел[аи]?|отозван[ыа]?|покинул[аи]?|"
    r"(ранее|прежде) (направленн|отправленн|переброшенн|развернут|развёрнут)\w*|"
    r"(прежн|предыдущ|перв)\w* (контингент|парти|волн|ротаци)\w*|"
    r"повернул(ися|ася|ись)|виведен[іо]?|залишил[аи]"
)
_RU_DEPLOYMENT_CUES = [
    (DeploymentStatus.completed, _RU_COMPLETED),
    (DeploymentStatus.planned, _RU_PLANNED),
    (DeploymentStatus.ongoing, _RU_ONGOING),
]
# On a tie in distance: completed, then planned, then ongoing (the order of the lists above).
_CUE_RANK = {
    DeploymentStatus.completed: 0,
    DeploymentStatus.planned: 1,
    DeploymentStatus.ongoing: 2,
}

# Verbs that move an item from one state to the other.
_TRANSFER = (
    r"suppl(y|ies|ied|ying)|deliver(s|ed|ing)?|ship(s|ped|ping)?|sen(d|ds|t|ding)|"
    r"provid(e|es|ed|ing)|transfer(s|red|ring)?|hand(s|ed|ing)? over|g(ive|ives|ave|iven|iving)|"
    r"receiv(e|es|ed|ing)|obtain(s|ed|ing)?|acquir(e|es|ed|ing)|shar(e|es|ed|ing)|"
    r"help(s|ed|ing)|assist(s|ed|ing)|gets|got|getting|export(s|ed|ing)?|sell(s|ing)?|sold|pa(y|ys|id|ying)|"
    r"exchang(es|ed|ing)|trad(es|ed|ing)|swap(s|ped|ping)|"
    # goods that reach a port or arrive by some means: "Russian wheat and flour now reach
    # Rason", "guns continue to arrive by rail" (not "feedback is reaching North Korean
    # engineers", "IT workers expected to arrive in Vladivostok")
    r"reach(es|ed|ing)?\s+(\w+\s+){0,2}?(Rason|Rajin|Nampo|Chongjin|Vostochny|Pyongyang|"
    r"North Korea\b|Russia\b|Russian\s+(units|forces|troops|army|soldiers))|"
    r"arriv(e|es|ed|ing)\s+by\s+(rail|sea|train|ship|air|road|truck)|"
    # gifts and things handed over: "the Russian military had handed the unit reconnaissance
    # drones"
    r"(handed|presented|gifted)\s+\w+|gifts?\s+from|"
    # another state's systems set up there: "Russian Pantsir air-defence systems have
    # reportedly been installed around Pyongyang", "Russia has also installed a Pantsir
    # air-defence battery near Pyongyang"
    r"(installed|set up|stationed)(?=\s+([^.;]{0,60}?\s+)?(in|around|near|at)\s+"
    r"(Pyongyang|North Korea\b))|"
    # money earned from the other state: "Pyongyang may have earned ... from Moscow"
    r"earn(s|ed|ing)?\b[^.;]{0,80}?\bfrom\s+(Moscow|Russia\b)|"
    # weapons in another army's hands: "North Korean-made rockets fired by Russian forces"
    r"(fired|used|launched)\s+by\s+(the\s+)?Russia\w*|"
    r"\b(used|fired|launched|using|firing|employed)\s+(\S+\s+){0,3}?North Korean\b|"
    # made for another army: "begin assembling Geran-type attack drones for Russian forces"
    r"\b(assembl\w+|produc\w+|build\w*|manufactur\w+)\b[^.;]{0,60}\bfor\s+(the\s+)?Russian\s+"
    r"(forces|army|military|troops|units)\b|"
    r"liefer\w*|geliefert|beliefer\w*|versorg\w*|erh(a|ä)lt\w*|erhielt\w*|erhalten|bekomm\w*|überlass\w*|"
    r"zur Verfügung (gestellt|stellt|stellen|stellte)|hilft|helfen|helfe|half|geholfen|"
    r"unterstütz\w*|"
    r"livr\w*|fourni\w*|envo[iy]\w*|transf[eé]r\w*|transm(is|ise|ises|et|ettent|ettre|ettrait)\b|re[çc]oi\w*|re[çc]u\w*|aid(e|er|ent|ait|era|erait|eraient)|"
    # Spanish "envió", "envían", "envío" (not English "environment")
    r"env[ií](?:ó|a|an|ad[oa]s?|ar|aron|ará|arán|aría|arían|aba|aban|o|os)\b|"
    r"entreg\w*|suministr\w*|proporcion\w*|recib\w*|transfi\w*|vend\w*|ayud\w*|"
    r"earn(s|ed|ing)?|(weiter|über|ab)(gibt|geben|gab|gegeben)|carr(y|ies|ied|ying)|"
    # Italian
    r"consegn\w*|fornit[oiae]|fornisc\w*|fornire|inviat[oiae]|invia(no|to|re)?|trasferit\w*|"
    r"vendut\w*|vend(e|ono)|aiut\w*|installat[oiae]|ricev\w*|pagat[oiae]|paga(no)?|"
    r"spedit[oiae]|spedisce|spediscono|"
    # Portuguese: "forneceu", "terá fornecido", "enviou", "recebeu", "entregou"
    r"fornec\w*|enviou|envia(m|ram|do|dos|das)?\b|receb\w*|transferi\w*|vendeu|ajud\w*|"
    r"pag(ou|aram|a|am)\b|instalad[oa]s?|repass\w*|"
    # goods on their way: "seguem para a Rússia projéteis", "In senso opposto viaggiano
    # lanciarazzi", "oil flows to Pyongyang"
    r"segu(e|em|iram) para|viaggi(a|ano)|flow(s|ed|ing)? (in)?to|"
    # handed on: "Russia is passing submarine reactor know-how to Pyongyang"
    r"pass(es|ed|ing)?(?=\s+(on\s+)?[^.;]{0,60}?\bto\s+(Pyongyang|North Korea|Moscow|Russia)\b)|"
    # carried over the border: "rocket launchers ... on open wagons crossing the bridge into
    # Russia"
    r"cross(es|ed|ing)?\s+(\w+\s+){0,3}?into\s+(Russia|North Korea)\b|"
    # paid back: "Mosca abbia ricambiato con denaro contante"
    r"ricambia\w*"
)
_RU_TRANSFER = (
    r"поставля\w*|поставил\w*|поставит\w*|поставлен\w*|переда[её]т\w*|передава\w*|"
    r"передал\w*|передан\w*|передать|переда(дут|ст)|отправля\w*|отправил\w*|направля\w*|"
    r"направил\w*|предоставля\w*|предостав(ил|ит)\w*|получа\w*|получил\w*|получит\w*|"
    r"продал\w*|прода[её]т|продают|продать|помога\w*|помог(ла|ли|ает)?|помочь|помож(ет|ем)|"
    r"помогут|дел(ит|ят)ся|поделил\w*|обменива\w*|обменял\w*|оплачива\w*|плат(ит|ят)|"
    r"снабжа\w*|экспортир\w*|"
    # passive: "в КНДР отправлено около 70 тыс. тонн пшеницы"; future: "направит в КНДР"
    r"отправлен\w*|доставлен\w*|ввезен\w*|ввезён\w*|отгружен\w*|направ(ит|ят)|отправ(ит|ят)|"
    # Ukrainian: "передав", "постачає", "надіслала", "отримала", "допомагає"
    r"передав\w*|переда(є|ють)|постача\w*|нада(є|ють|в|ла|ли|вати)\b|надсила\w*|надісла\w*|відправ\w*|"
    r"отриму\w*|отрима\w*|продав\w*|прода(є|ють)\b|допомага\w*|допомі[гж]\w*|"
    r"допомогл\w*|обмін\w*|оплачу\w*|плат(ить|ять)\b"
)
_PROMISED = (
    r"will|would|shall|pledged?|pledges|promis\w*|agreed to|agrees to|offered to|offers to|"
    r"plans? to|is to|are to|is set to|vowed to|committed to|"
    r"zugesagt|versprochen|wird|werden|"
    r"s'est engagée?|va|vont|prometi\w*|prometid\w*|se comprometió|acordó|"
    r"si è impegnat[ao]|promess[oa]|promett\w*|fornirà|consegnerà|invierà|"
    r"prometeu|prometid[oa]s?|comprometeu|fornecerá|entregará|enviará"
)
_RU_PROMISED = (
    r"обеща\w*|пообеща\w*|обязал\w*|согласил\w*|договорил\w*|будет|будут|планиру\w*|"
    r"намерен\w*|собира\w*ся"
)
# A verb of promising that governs the items after it, in any language.
_PROMISE_VERB = re.compile(
    r"\b(promis\w*|pledg\w*|promess[oa]|promett\w*|prometi\w*|prometeu|prometid[oa]s?|"
    r"versprochen|versprach|zugesagt|обеща\w*|пообеща\w*)",
    re.IGNORECASE,
)
# The French conditional reports what others claim: "l'aiderait", "fournirait".
_FR_CONDITIONAL = r"\w+[ei]rai(?:t|ent)"
_SUSPECTED = (
    r"believed?|believes|thinks?|assum(e|es|ed)|suspect\w*|fear\w*|concerns?[\"”]? that|"
    r"in all likelihood|"
    r"(cannot|can't|could not|couldn't) rule out|not (been )?ruled out|"
    r"worr(y|ies|ied) that|(?-i:may)|might|could|"
    r"possibly|probably|likely|allegedly|reportedly|accus\w*|appears? to|thought to|"
    r"said to be|is said to|suggests?|signs? that|indications?|"
    r"mutmaßlich|vermut\w*|angeblich|wohl|möglicherweise|befürcht\w*|"
    r"soupçonn\w*|probablement|pourrai\w*|aurai\w*|craint\w*|"
    r"sospech\w*|probablemente|posiblemente|supuestamente|presuntamente|podría\w*|teme\w*|"
    r"temor|pueda|puedan|pudiera\w*|"
    # belief: "Il NIS ritiene inoltre che Mosca abbia ricambiato", "cree que", "acredita que"
    r"ritien\w*|ritengono|crede|credono|cree|creen|acredita\w*|glaubt|glauben|croi(t|ent)|"
    # Italian: the conditional reports what others claim ("sarebbero stati installati")
    r"sospett\w*|probabilmente|forse|presumibilmente|sarebbe(ro)?|avrebbe(ro)?|potrebbe(ro)?|"
    # Portuguese: "analistas americanos suspeitam que a Rússia esteja repassando"
    r"suspeit\w*|provavelmente|possivelmente|supostamente|alegadamente|poderia\w*|teria\w*|"
    # the French conditional reports what others claim: "l'aiderait", "fournirait"
    rf"{_FR_CONDITIONAL}"
)
_RU_SUSPECTED = (
    r"подозрева\w*|предположительно|вероятно|возможно|по-видимому|видимо|якобы|опаса\w*|"
    r"может|могут|мог|могла|могли|считается|считают|полагают|предполага\w*|обвиня\w*|"
    r"не исключ\w*|как сообщается|сообщается|"
    # Ukrainian: "У розвідці також вважають, що Москва допомагає"
    r"вважа\w*|підозрю\w*|ймовірно|імовірно|можливо|не виключа\w*"
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({pattern})(?!\w)", re.IGNORECASE)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` that holds ``start:end``: sentence bounds, then clause breaks."""
    left = _sentence_start(text, start)
    stop = _SENTENCE_END.search(text, end)
    right = stop.start() if stop else len(text)
    row = table_row_at(text, start, end)
    if row:
        left, right = max(left, row[0]), min(right, row[1])
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        left = m.end()
    after = _CLAUSE_BREAK.search(text, end, right)
    if after:
        right = after.start()
    return left, right


def _distance(m: re.Match[str], start: int, end: int) -> int:
    return start - m.end() if m.end() <= start else max(0, m.start() - end)


def deployment_status_at(
    text: str, start: int, end: int, model_status: DeploymentStatus
) -> DeploymentStatus:
    """The status the figure at ``start:end`` has in its clause's words, else the model's."""
    left, right = clause_around(text, start, end)
    best: tuple[int, int, DeploymentStatus] | None = None
    # a cue lexicon none of whose words occurs in the clause is not run (pipeline.prefilter);
    # a match lies inside left:right, so its words are in the clause's fold
    clause = text[left:right]
    folded = fold(clause)
    lexicons = _DEPLOYMENT_CUES + _RU_DEPLOYMENT_CUES if cyrillic(clause) else _DEPLOYMENT_CUES
    for status, pattern in lexicons:
        rank = _CUE_RANK[status]
        cues = _compiled(pattern)
        if not may_match(cues, folded):
            continue
        for m in cues.finditer(text, left, right):
            if start <= m.start() < end:  # a word of the figure itself ("sent" in a label)
                continue
            key = (_distance(m, start, end), rank, status)
            if best is None or key < best:
                best = key
    return best[2] if best else model_status


def exchange_status_at(
    text: str, start: int, end: int, model_status: ExchangeStatus
) -> ExchangeStatus:
    """The status the item at ``start:end`` has from its clause's words, else the model's.

    An item whose clause has no verb (a headline: "Shells for oil and air defence") takes the
    status of its first mention elsewhere in the text that has one.
    """
    status = _exchange_status_here(text, start, end)
    if status is None:
        for m in _mentions_of(text[start:end].strip(), text):
            if m.start() != start:
                status = _exchange_status_here(text, m.start(), m.end(), need_verb=True)
                if status is not None:
                    break
    return status or model_status


def _mentions_of(item: str, text: str) -> Iterator[re.Match[str]]:
    r"""``re.finditer(rf"(?<!\w){re.escape(item)}(?!\w)", text, re.IGNORECASE)``.

    A case-insensitive pattern is tried at every position of the text; when every character of
    the item is one whose matches ``fold`` lower-cases to its own lower case (pipeline.prefilter)
    a match can only start where the item's fold occurs in the text's, so only those positions
    are tried (later than the previous match's end, as finditer does).
    """
    if not item:
        return
    pattern = re.compile(rf"(?<!\w){re.escape(item)}(?!\w)", re.IGNORECASE)
    if not all(usable(ord(ch)) for ch in item):
        yield from pattern.finditer(text)
        return
    folded, key = fold(text), fold(item)
    at, after = folded.find(key), 0
    while at >= 0:
        m = pattern.match(text, at) if at >= after else None
        if m is not None:
            yield m
            after = m.end()
        at = folded.find(key, at + 1)


# "food supplies", "arms transfers", "fuel deliveries": the word after these is a noun.
_COMPOUND = re.compile(
    r"(food|fuel|oil|grain|arms|weapons?|military|ammunition|munitions?|energy|medical|"
    r"humanitarian|technology|aid|cash|gas)\s+$",
    re.IGNORECASE,
)


def _verbs(text: str, left: int, right: int, start: int, end: int) -> list[re.Match[str]]:
    """Transfer verbs in ``left:right``, not inside the item and not nouns of a compound."""
    found = [
        m
        for m in _compiled(_TRANSFER).finditer(text, left, right)
        if not (start <= m.start() < end)
        and not _COMPOUND.search(text, max(0, m.start() - 20), m.start())
    ]
    if cyrillic(text[left:right]):
        found += [
            m
            for m in _compiled(_RU_TRANSFER).finditer(text, left, right)
            if not (start <= m.start() < end)
        ]
        found.sort(key=lambda m: m.start())
    return found


def _exchange_status_here(
    text: str, start: int, end: int, *, need_verb: bool = False
) -> ExchangeStatus | None:
    left, right = clause_around(text, start, end)
    verbs = _verbs(text, left, right, start, end)
    before = [m for m in verbs if m.end() <= start]
    after = [m for m in verbs if m.start() >= end]
    if not before and not table_row_at(text, start, end):
        # a list item after a clause break ("... exchanged for fuel, food, and financial aid")
        # still hangs on the verb before the break
        sentence_left = _sentence_start(text, start)
        earlier = _verbs(text, sentence_left, left, start, end)
        if earlier:
            left, verbs, before = sentence_left, [*earlier, *verbs], earlier[-1:]
    verb = before[-1] if before else (after[0] if after else None)
    if verb is None:
        if need_verb:
            return None
        window = text[left:right]
    else:
        # what stands before the verb, back to the previous verb: "is widely believed to be
        # sharing", "agreed to send", "accused ... of providing"
        previous = [m for m in verbs if m.end() <= verb.start()]
        window = text[max(left, previous[-1].end() if previous else left) : verb.start()]
    russian = cyrillic(text[left:right])
    if any_match(_compiled(_PROMISED), window) or (
        russian and any_match(_compiled(_RU_PROMISED), window)
    ):
        return ExchangeStatus.promised
    if verb is not None and verb.end() <= start and _PROMISE_VERB.search(text, verb.end(), start):
        return ExchangeStatus.promised  # "Mosca ha consegnato sistemi Pantsir e ha promesso
        # caccia MiG-29": a verb of promising after the transfer verb is the item's own
    if (
        any_match(_compiled(_SUSPECTED), window)
        or (verb is not None and _CONDITIONAL_VERB.match(text, verb.start()))
        or _HEDGE_AFTER.match(text, end, right)
        or (
            russian
            and (
                any_match(_compiled(_RU_SUSPECTED), window)
                or _RU_HEDGE_AFTER.match(text, end, right)
            )
        )
    ):
        return ExchangeStatus.suspected
    if _THAT_CLAUSE.match(text, left) and any_match(
        _compiled(_SUSPECTED), text[_sentence_start(text, start) : left]
    ):
        return ExchangeStatus.suspected  # "Beamte vermuten, dass Russland ... weitergibt"
    if verb is not None:
        return ExchangeStatus.delivered
    return None


# The moving verb itself in the French conditional: "l'aiderait à moderniser".
_CONDITIONAL_VERB = re.compile(rf"{_FR_CONDITIONAL}\b")


# A clause reported after a comma: "..., dass", "..., que", "..., that".
_THAT_CLAUSE = re.compile(r"\s*(dass|daß|que|that)\b", re.IGNORECASE)


# A hedge put after the claim: "... helped with its satellite programme, Western officials
# believe".
_HEDGE_AFTER = re.compile(
    r"[^.;:]{0,80}?,\s*(?:[\w'’-]+\s+){1,4}(?:believe|believes|suspect|suspects|fear|fears|"
    r"think|thinks|assume|assumes|glauben|vermuten|croient|soupçonnent|creen|sospechan)\b",
    re.IGNORECASE,
)
# The Russian verb comes before its subject: "..., считают аналитики".
_RU_HEDGE_AFTER = re.compile(
    r"[^.;:]{0,80}?,\s*(?:как\s+)?(?:считают|полагают|подозревают|предполагают|опасаются)\b",
    re.IGNORECASE,
)


def _sentence_start(text: str, position: int) -> int:
    # the end of the last break in text[:position], from one scan of the text (pipeline.scan);
    # one character more, so a break whose look-ahead needs the first character of a sentence
    # that starts right at ``position`` is seen (no break can end past ``position`` there: a
    # non-space character cannot be consumed by a break)
    sees = position + 1 if 0 <= position < len(text) and not text[position].isspace() else position
    return last_match_end(_SENTENCE_END, text, sees)


# Nouns that name a transfer as well as the verbs do: "fuel deliveries", "the arms trade".
_TRANSFER_NOUNS = (
    r"deliver(y|ies)|shipments?|suppl(y|ies)|transfers?|exports?|imports?|exchange|return|swap|"
    r"trade|aid|help|assistance|support|payments?|compensation|reward|barter|"
    r"Lieferung\w*|Gegenzug|Gegenleistung|Austausch|Hilfe|Unterstützung|"
    r"livraisons?|échange|aide|soutien|contrepartie|"
    r"entregas?|envíos?|suministros?|cambio|ayuda|apoyo|intercambio|"
    r"fornitur[ae]|consegne|consegna|aiuti|aiuto|sostegno|contropartita|scambio|in cambio|"
    # a promise moves the item too, later ("Russia has promised fighter jets to North Korea");
    # not a verb of _TRANSFER, so the clause's status stays promised
    r"promis\w*|pledg\w*|zugesagt|versprochen|prometi\w*"
)
_RU_TRANSFER_NOUNS = (
    r"поставк\w*|передач\w*|помощ\w*|поддержк\w*|обмен\w*|взамен|оплат\w*|торговл\w*|"
    r"экспорт\w*|импорт\w*|"
    r"постачанн\w*|допомог\w*|підтримк\w*|натомість|торгівл\w*|експорт\w*|імпорт\w*"
)
_NO_TRANSFER = re.compile(
    r"\b(no|not any|zero)\s+(shipments?|deliveries|exports|supplies|transfers?)\b|"
    # "Kremlin: no drones sent to Pyongyang"
    r"\bno\s+(\w+\s+){1,2}(sent|delivered|supplied|shipped|transferred)\b|"
    r"\b(did|does|do|has|have|had) not\s+(\w+\s+)?(send|sent|deliver\w*|supply|supplied|ship\w*)\b|"
    r"\b(keine|aucune?|ningún|ninguna)\s+\w+|"
    # a denial: "Moscow denied supplying drones", "Moscou nie avoir livré des drones", "niega
    # haber enviado", "bestreitet, Drohnen geliefert zu haben"
    r"\b(denie[sd]|deny|denying)\s+(\w+\s+){0,3}?(send\w*|sent|deliver\w*|suppl\w*|ship\w*|"
    r"transfer\w*|provid\w*|giv\w*|gave|sales?|deals?)\b|"
    # German: "wies die Botschaft ... zurück", "zurückgewiesen", "dementiert"
    r"\bwies\b[^.;]{0,120}\bzurück\b|\bzurückgewiesen\b|\bdementiert\w*|"
    r"\b(nie|nient|niait|a nié|dément\w*|a démenti)\s+(\w+\s+){0,3}?(livr\w*|fourni\w*|envoy\w*|"
    r"transf\w*|transm\w*)|"
    r"\b(niega|niegan|negó|negaron)\s+(\w+\s+){0,3}?(envi\w*|entreg\w*|suministr\w*)|"
    r"\bbestreit\w*",
    re.IGNORECASE,
)
_RU_NO_TRANSFER = re.compile(
    r"\bне\s+(\w+\s+)?(поставля|поставил|передава|передал|отправля|отправил|получа|получил)\w*|"
    r"\b(никаких|нет)\s+(поставок|передач)\w*|"
    # a denial: "В Кремле отрицают передачу технологий", Ukrainian "заперечують"
    r"\b(отрица|опроверга|опроверг|заперечу|спростову)\w*",
    re.IGNORECASE,
)


def denies_transfer(context: str) -> bool:
    """Whether the words say nothing moved ("no shipments to North Korea", "Moscow denied
    supplying drones", "Moscow denies any sale")."""
    folded = fold(context)  # may_match rules out a pattern none of whose words occurs
    if may_match(_NO_TRANSFER, folded) and _NO_TRANSFER.search(context):
        return True
    return (
        cyrillic(context)
        and may_match(_RU_NO_TRANSFER, folded)
        and bool(_RU_NO_TRANSFER.search(context))
    )


def states_a_transfer(context: str) -> bool:
    """Whether the words say something moves between states (not: "drones struck a fuel depot",
    "no shipments to North Korea")."""
    if denies_transfer(context):
        return False
    folded = fold(context)
    russian = cyrillic(context)
    lexicons = (_TRANSFER, _TRANSFER_NOUNS, _RU_TRANSFER, _RU_TRANSFER_NOUNS)
    return any(
        may_match(pattern, folded) and pattern.search(context)
        for pattern in map(_compiled, lexicons if russian else lexicons[:2])
    )


# Verbs that move an item by themselves (no "help", "assist", "trade"): with both states named
# in a sentence and no direction word, one of these still says a transfer happens.
_MOVES = (
    r"suppl(y|ies|ied|ying)|deliver(s|ed|ing)?|ship(s|ped|ping)?|sen(d|ds|t|ding)|"
    r"provid(e|es|ed|ing)|transfer(s|red|ring)?|g(ive|ives|ave|iven|iving)|shar(e|es|ed|ing)|"
    r"receiv(e|es|ed|ing)|obtain(s|ed|ing)?|acquir(e|es|ed|ing)|sell(s|ing)?|sold|"
    r"hand(s|ed|ing)? over|übergeben|übergab\w*|remis|"
    r"liefer\w*|geliefert|beliefer\w*|versorg\w*|erh(a|ä)lt\w*|erhalten|livr\w*|fourni\w*|transf[eé]r\w*|"
    r"entreg\w*|suministr\w*|proporcion\w*|recib\w*|transfi\w*|transm\w*|fornec\w*|receb\w*|"
    r"enviou"
)
_RU_MOVES = (
    r"поставля\w*|поставил\w*|поставит\w*|переда[её]т\w*|передал\w*|передаст|отправля\w*|"
    r"отправил\w*|предоставля\w*|предостав(ил|ит)\w*|получа\w*|получил\w*|продал\w*|"
    r"прода[её]т|продают|снабжа\w*|"
    r"передав\w*|переда(є|ють)|постача\w*|надісла\w*|надсила\w*|відправ\w*|отрима\w*|продав\w*"
)


def moves_something(sentence: str) -> bool:
    """Whether a sentence has a verb that by itself moves goods between states."""
    return any_match(_compiled(_MOVES), sentence) or (
        cyrillic(sentence) and any_match(_compiled(_RU_MOVES), sentence)
    )
