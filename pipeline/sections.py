"""Section headings that say which way the exchange items under them go.

Explainers and trackers sort the swap under subheadings ("What Pyongyang gives", "What Moscow
gives", "Cosa riceve in cambio") and then write the items without a recipient ("Fuel. The
monitors say Russia delivered a million barrels of refined petroleum"). The sentence alone has
no direction; the heading above it does. This module finds such headings and the span of text
each one governs, so that exchange code can fall back on the heading's direction when the
sentence's own words give none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from pipeline.claims import direction_cues, direction_from_words, mentions_korea, names_russia
from pipeline.clean import ENTRY_STAMP, is_table_row
from pipeline.grounding import sentence_spans

Direction = tuple[str, str]  # (provider, recipient)
TO_NK: Direction = ("Russia", "North Korea")
TO_RUSSIA: Direction = ("North Korea", "Russia")

# A heading verb of giving: the state named in the heading is the provider.
_GIVES = re.compile(
    r"\b(gives?|given|gave|sends?|sent|suppl(y|ies|ied)|provided?|provides|delivers?|delivered|"
    r"ships?|shipped|exports?|exported|offers?|offered|pays?|paid|"
    # not Spanish "da", which is also the Italian and Portuguese "from"
    r"dà|manda|invia|fornisce|consegna|paga|dato|mandato|inviato|fornito|consegnato|pagato|"
    r"donne|envoie|fournit|livre|donné|envoyé|fourni|livré|payé|"
    r"envía|entrega|suministra|aporta|enviado|entregado|suministrado|aportado|pagado|"
    r"gibt|liefert|schickt|zahlt|gab|lieferte|schickte|zahlte|geliefert|geschickt|gezahlt|"
    r"да[её]т|поставляет|отправляет|переда[её]т|платит|"
    r"дал[аи]?|поставил[аи]?|отправил[аи]?|передал[аи]?|"
    r"дає|постачає|надсилає|передає|платить|дав|дала|передав|передала|надіслав|надіслала|"
    r"відправив|відправила|"
    # Portuguese
    r"envia|enviou|fornece|forneceu|entregou|mandou|pagou|"
    # sharing: "Moscou partage-t-il aussi des technologies sensibles ?"
    r"shares?|shared|partage|partagé|comparte|compartido|condivide|condiviso|teilt|geteilt|"
    r"compartilha|compartilhou)\b",
    re.IGNORECASE,
)
# A heading verb of getting: the state named in the heading is the recipient.
_GETS = re.compile(
    r"\b(gets?|got(ten)?|receives?|received|gains?|gained|earns?|earned|obtains?|obtained|"
    r"riceve|ottiene|guadagna|incassa|ricevuto|ottenuto|guadagnato|incassato|"
    r"reçoit|obtient|gagne|reçu|obtenu|gagné|"
    r"recibe|obtiene|gana|recibido|recibió|obtenido|ganado|"
    r"bekommt|erhält|bekam|erhielt|bekommen|erhalten|"
    r"получает|получил[аи]?|отримує|отримав|отримала|"
    r"recebe|recebeu|obtém|obteve|ganha|ganhou)\b",
    re.IGNORECASE,
)
# "In return" with no state: the way back from the heading before.
_IN_RETURN = re.compile(
    r"\b(in return|in exchange|in cambio|en échange|en retour|a cambio|en contrapartida|"
    r"im Gegenzug|als Gegenleistung|взамен|в обмен|в ответ|натомість|в обмін|em troca|"
    r"em contrapartida|comes? back|flows? back|goes back|going the other way|the other way|"
    r"the other direction)\b",
    re.IGNORECASE,
)
# A heading over items that did not move ("Denied, no evidence:", "Dementi", "Bestritten"):
# it ends the section above it, whose direction the items do not share.
_DENIED = re.compile(
    r"\b(denied|denials?|dementi\w*|démenti\w*|bestritten|dementiert|negad[oa]s?|desmentid[oa]s?|"
    r"smentit[ea]|smentite|опроверг\w*|спростован\w*|заперечу\w*)\b",
    re.IGNORECASE,
)
_PROSE_END = re.compile(r"[.!?…][\"'”»)]?$")


@dataclass(frozen=True)
class Section:
    """The text from just after a heading to the next heading (or the end of the article)."""

    start: int
    end: int
    direction: Direction | None
    heading: str = ""


# Kim alone, not followed by a given name ("What does Kim get?", not "Kim Byung-kee said"): in a
# heading or a question it stands for North Korea
_KIM_ALONE = re.compile(r"\bKim\b(?![\s-]+[A-Z])")


def _subject(heading: str) -> Direction | None:
    """The state a heading names, as the (giver, taker) pair of its own side: None unless
    exactly one of the two states is named."""
    korea = mentions_korea(heading) or bool(_KIM_ALONE.search(heading))
    russia = names_russia(heading)
    if korea == russia:
        return None
    return TO_RUSSIA if korea else TO_NK  # the state named gives, by default


def heading_direction(heading: str, previous: Direction | None) -> Direction | None:
    """Which way the items under ``heading`` go, given the direction of the heading before.

    "What Pyongyang gives" -> North Korea to Russia; "What Moscow gets" -> North Korea to
    Russia; "Russia to North Korea" -> Russia to North Korea; "What it gets in return" or "In
    return" -> the way back from the heading before; any other heading -> None.
    """
    words = direction_from_words(heading)  # "Russia to North Korea", "Sent to Russia"
    if words is not None:
        return words
    gives, gets = bool(_GIVES.search(heading)), bool(_GETS.search(heading))
    subject = _subject(heading)
    if subject is not None:
        if gives == gets:
            return None
        return subject if gives else (subject[1], subject[0])  # "What Moscow gets"
    if previous is not None and not (mentions_korea(heading) or names_russia(heading)):
        if _IN_RETURN.search(heading) or (gets and not gives):
            # "Cosa riceve in cambio" after "Cosa dà Pyongyang": the giver of the heading before
            # now receives
            return (previous[1], previous[0])
    return None


def question_direction(text: str, start: int) -> Direction | None:
    """Which way a question asks about when it comes just before the sentence at ``start``, in
    the same paragraph, with no sentence between that says its own way: "E o que Kim ganha com
    isso? Petróleo, trigo e dinheiro vivo, que Moscou já entrega com regularidade."; also a
    run-in head opening the paragraph ("Delivered to North Korea. Refined petroleum ...") and a
    question that closed the paragraph before (a transcript's answer below its question). A
    question on a line of its own with a blank line above heads a section: see :func:`sections`."""
    para = text.rfind("\n\n", 0, start) + 1
    spans = sentence_spans(text[para:start])
    for k in range(len(spans) - 1, -1, -1):
        s, e = spans[k]
        sentence = text[para + s : para + e]
        if sentence.endswith("?"):
            return _question_way(text, para + s, sentence)
        if k == 0 and len(sentence.split()) <= 6 and sentence.endswith((".", ":")):
            # a run-in head that opens the paragraph: "Delivered to North Korea. Refined
            # petroleum has crossed by sea and rail ..."
            way = heading_direction(sentence.rstrip(".:"), None)
            if way is not None:
                return way
        if any(direction_cues(sentence)):
            return None  # "No sentido inverso, a Coreia do Norte fornece ...": its own way
    if para <= 1:
        return None
    # an answer that opens its paragraph: the question that closed the paragraph before (an
    # interview's or a transcript's "What does Kim actually get?" over "Three things. First,
    # fuel.")
    previous = text.rfind("\n\n", 0, para - 2) + 1
    spans = sentence_spans(text[previous : para - 1])
    if not spans:
        return None
    s, e = spans[-1]
    sentence = text[previous + s : previous + e]
    return _question_way(text, previous + s, sentence) if sentence.endswith("?") else None


# A transcript's time stamp and speaker before a question: "[03:30] LINDQVIST: ".
_SPEAKER_BEFORE = re.compile(r"^(\[[\d:.]+\]\s*)?([A-ZÀ-ÖØ-Þ][\w.'’ -]{0,40}:\s+)?")


def _question_label(question: str) -> str:
    """A question without its time stamp, speaker or interviewer's label and question mark."""
    return _QUESTION_LABEL.sub("", _SPEAKER_BEFORE.sub("", question)).rstrip("?").strip()


def _question_way(text: str, start: int, question: str) -> Direction | None:
    """Which way ``question`` (at ``start``) asks about: its own words ("What does Kim get?"),
    or the way back from the question before it ("And going the other way?")."""
    label = _question_label(question)
    if len(label.split()) > 15:
        return None
    own = heading_direction(label, None)
    if own is not None or not _IN_RETURN.search(label):
        return own
    for s, e in reversed(sentence_spans(text[max(0, start - 3000) : start])):
        earlier = text[max(0, start - 3000) + s : max(0, start - 3000) + e]
        if earlier.endswith("?"):
            way = heading_direction(_question_label(earlier), None)
            if way is not None:
                return heading_direction(label, way)
    return None


def _is_heading(lines: list[str], k: int) -> bool:
    """Whether line ``k`` stands alone as a subheading: short, unpunctuated, set off by blank
    lines (or a colon-ended label of its own)."""
    line = lines[k].strip()
    if not line or len(line.split()) > 10 or _PROSE_END.search(line) or line.endswith((",", ";")):
        return False
    if line.startswith(("-", "•", "*", "|")) or "|" in line:
        return False  # a list item or a menu
    if _under_time_stamp(lines, k):
        return True  # a live blog entry's title
    before = not lines[k - 1].strip() if k > 0 else True
    return before and (_set_off(lines, k) or line.endswith(":"))


def _set_off(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is set off from the text below it: a blank line (or the end) follows,
    a table follows ("SENT TO RUSSIA" over "Item | Source | Assessment"), or a live blog's time
    stamp stands above it. A colon-ended line that is not set off is a lead-in to what follows."""
    table_next = k + 1 < len(lines) and is_table_row(lines[k + 1])
    return _stands_alone(lines, k) or table_next or _under_time_stamp(lines, k)


def _under_time_stamp(lines: list[str], k: int) -> bool:
    """Whether line ``k`` comes right after a live blog entry's time stamp."""
    return k > 0 and bool(ENTRY_STAMP.fullmatch(lines[k - 1]))


# An interviewer's label before a question: "Q:", "P.", "Pregunta.", "Frage:", "В:".
_QUESTION_LABEL = re.compile(
    r"^(Q|P|F|D|В|Question|Pregunta|Frage|Domanda|Вопрос|Питання)\s*[.:]\s*", re.IGNORECASE
)


def _is_question(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is an interviewer's short question standing alone: in an interview it
    heads the answer below it ("¿Qué envía Pyongyang?", "¿Y qué recibe a cambio?")."""
    line = lines[k].strip()
    before = not lines[k - 1].strip() if k > 0 else True
    # the answer may follow on the next line ("O que Pyongyang recebe em troca?\nSegundo o NIS,
    # petróleo refinado, ...")
    return line.endswith("?") and len(line.split()) <= 15 and before


def _stands_alone(lines: list[str], k: int) -> bool:
    """Whether a blank line (or the end) follows line ``k``."""
    return not lines[k + 1].strip() if k + 1 < len(lines) else True


@lru_cache(maxsize=64)
def sections(text: str) -> tuple[Section, ...]:
    """The article's sections under headings that come after its first paragraph of prose
    (a headline or standfirst above the body governs nothing)."""
    lines = text.split("\n")
    found: list[Section] = []
    pos = 0
    seen_prose = False
    previous: Direction | None = None
    open_start, open_direction, open_heading = None, None, ""
    for k, line in enumerate(lines):
        stripped = line.strip()
        heading = seen_prose and (_is_heading(lines, k) or _is_question(lines, k))
        label = _QUESTION_LABEL.sub("", stripped).rstrip(":?").strip()
        direction = heading_direction(label, previous) if heading else None
        question = heading and _is_question(lines, k)
        if heading and (direction or _DENIED.search(stripped) or _set_off(lines, k) or question):
            # a new question ends the answer to the one before ("E a Rússia, o que ganha?" then
            # "Portugal deveria preocupar-se?"), whatever it asks
            # a lead-in with no direction of its own ("According to CESS:") opens no section
            if open_start is not None:
                found.append(Section(open_start, pos, open_direction, open_heading))
            open_direction, open_heading = direction, stripped
            previous = open_direction or previous
            open_start = pos + len(line)
        elif len(stripped.split()) >= 12 and _PROSE_END.search(stripped):
            seen_prose = True
        pos += len(line) + 1
    if open_start is not None:
        found.append(Section(open_start, len(text), open_direction, open_heading))
    return tuple(s for s in found if s.direction is not None)


def section_at(text: str, position: int) -> Section | None:
    """The section under a heading with a direction that holds ``position``, or None."""
    found = sections(text)
    k = bisect_right([s.start for s in found], position)
    if k and position < found[k - 1].end:
        return found[k - 1]
    return None


def section_direction(text: str, position: int) -> Direction | None:
    """The direction the heading governing ``position`` gives, or None."""
    section = section_at(text, position)
    return section.direction if section else None
