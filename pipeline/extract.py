"""Article text in, a validated and grounded ``ArticleSummary`` out.

The data flow, one direction: clean -> find figures -> screen them (code's vetoes that need no
verdict) -> one model pass per record type (constrained to the figures that passed) -> drafts ->
records (counts parsed, evidence located, dates parsed by code) -> grounding ->
``ArticleSummary``.
"""

from __future__ import annotations

import copy
import json
import re
import time
from abc import ABCMeta
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, WithJsonSchema, create_model, model_validator
from pydantic_core import CoreConfig, SchemaSerializer, SchemaValidator

from pipeline.attribution import (
    Mention,
    carried_over,
    claimant_at,
    find_mentions,
    resolve_name,
)
from pipeline.backends import Backend, Completion, make_backend
from pipeline.claims import (
    FUNDS_ITS_OWN,
    casualty_in_clause,
    casualty_named_last,
    categories_of,
    category_mentions,
    category_sentences,
    china_not_russia,
    counts_other_people,
    counts_other_things,
    counts_people_in_general,
    counts_russians_elsewhere,
    counts_things,
    deployment_direction,
    deployment_status_from_words,
    direction_cues,
    direction_from_cues,
    direction_from_words,
    exchange_status_from_words,
    hosted_elsewhere,
    infer_hedge,
    killed_and_wounded_after,
    loss_verb_before,
    mentions_korea,
    moves_people,
    names_losses,
    names_north_korea,
    names_other_people,
    names_people,
    names_personnel,
    names_russia,
    names_someone,
    other_state_acts,
    others_just_after,
    personnel_in_phrase,
    personnel_named_last,
    refers_to_north_korea,
    russians_sent_to_north_korea,
    russias_own,
    sent_elsewhere,
    someone_elses,
    subtype_from_words,
    typical_direction,
)
from pipeline.clean import (
    ENTRY_STAMP,
    clean_text,
    in_lead_in_list,
    is_furniture_at,
    is_table_row,
    line_at,
    table_row_at,
)
from pipeline.dates import parse_time
from pipeline.errors import TroopwatchError
from pipeline.figures import Figure, find_figures, in_heading, instruction_spans
from pipeline.grounding import (
    iter_sentence_spans,
    locate,
    qualifier_consistent,
    sentence_around,
    sentence_spans,
)
from pipeline.places import place_near
from pipeline.prefilter import cyrillic, fold
from pipeline.prompting import prompt_version, render_messages
from pipeline.scope import in_scope
from pipeline.sections import question_direction, section_at, section_direction
from pipeline.settings import Settings
from pipeline.sources import Article
from pipeline.status import (
    clause_around,
    denies_transfer,
    deployment_status_at,
    exchange_status_at,
    moves_something,
    states_a_transfer,
)
from schemas import schema_hash
from schemas.records import (
    EXCHANGE_DIRECTIONS,
    FIGURE_KINDS,
    ArticleSummary,
    Attempts,
    Casualty,
    Count,
    Deployment,
    DeploymentStatus,
    Exchange,
    ExchangeCategory,
    ExchangeDraft,
    ExchangeDrafts,
    ExchangeStatus,
    FigureVerdict,
    Grounding,
    Provenance,
    Qualifier,
    TimeSpan,
)

Record = Deployment | Casualty | Exchange


# ------------------------------------------------------------------------------------------
# Response models
# ------------------------------------------------------------------------------------------


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@cache
def _verdict_schema() -> str:
    """FigureVerdict's JSON Schema with its enums inlined, serialised once."""
    schema = FigureVerdict.model_json_schema()
    return json.dumps(_inline_refs(schema, schema.get("$defs", {})))


def _pinned_verdict_schema(i: int, label: str) -> dict[str, Any]:
    """Verdict ``f<i>``'s JSON Schema: FigureVerdict's, its ``figure`` pinned to ``label``."""
    schema = json.loads(_verdict_schema())
    schema["title"] = f"Figure{i}"
    schema.pop("description", None)  # the class docstring is for readers of the code
    schema["properties"]["figure"] = {
        "const": label,
        "description": "This figure, copied exactly.",
        "type": "string",
    }
    return schema


def figures_schema(labels: Sequence[str]) -> dict[str, Any]:
    """The JSON Schema of ``figures_model(labels)``, built directly (a new dict every call).

    Exactly what pydantic generates for ``pinned_figures_model(labels)`` (tests/test_extract.py
    compares the two): the grammar and the prompt cache of the model depend on every byte.
    """
    return {
        "properties": {
            f"f{i}": _pinned_verdict_schema(i, label) for i, label in enumerate(labels, 1)
        },
        "required": [f"f{i}" for i in range(1, len(labels) + 1)],
        "title": "FigureVerdicts",
        "type": "object",
    }


class FigureVerdicts(BaseModel):
    """The base of every figures response model: verdicts ``f1`` ... ``fn`` and their pins.

    ``_labels`` are the labels the verdicts are pinned to, in order; the JSON Schema carries
    them as ``const`` (``figures_schema``) and the validator checks them.
    """

    _labels: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def figures_in_order(self) -> Any:
        # without a grammar (a server that ignores the schema) the model may skip, swap or
        # invent a figure: a precise message lets a validation retry put it right
        for i, label in enumerate(type(self)._labels, 1):
            got = getattr(self, f"f{i}").figure
            if got != label:
                raise ValueError(f"f{i}.figure must be {label!r}, copied exactly; got {got!r}")
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        """``figures_schema`` of the pins; another flavour (by alias, serialisation mode, ...)
        from pydantic, through the model that pins each field in its annotation."""
        if args or kwargs:
            return pinned_figures_model(cls._labels).model_json_schema(*args, **kwargs)
        return figures_schema(cls._labels)


@cache
def _figures_base(n: int) -> type[FigureVerdicts]:
    """The pydantic model for ``n`` figures: fields ``f1`` ... ``fn``, no pins (built once)."""
    fields: dict[str, Any] = {f"f{i}": (FigureVerdict, ...) for i in range(1, n + 1)}
    return create_model("FigureVerdicts", __base__=FigureVerdicts, **fields)


@cache
def _model_path(n: int) -> tuple[Any, ...]:
    """Where the ``model`` node of ``_figures_base(n)``'s core schema sits (keys from the top)."""
    base = _figures_base(n)

    def find(node: Any, path: tuple[Any, ...]) -> tuple[Any, ...] | None:
        if isinstance(node, dict):
            if node.get("type") == "model" and node.get("cls") is base:
                return path
            items: Iterable[tuple[Any, Any]] = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            return None
        for key, child in items:
            found = find(child, (*path, key))
            if found is not None:
                return found
        return None

    path = find(base.__pydantic_core_schema__, ())
    if path is None:  # pragma: no cover - a pydantic that lays out core schemas differently
        raise TypeError("no model node in the figures model's core schema")
    return path


def _core_schema_of(model: type[FigureVerdicts], n: int) -> Any:
    """``_figures_base(n)``'s core schema with ``model`` as the class it builds: the nodes on
    the path to the model node are copied, everything else (the verdicts' schemas) shared."""
    path = _model_path(n)
    top = copy.copy(_figures_base(n).__pydantic_core_schema__)
    node = top
    for key in path:
        node[key] = copy.copy(node[key])
        node = node[key]
    node["cls"] = model
    return top


def figures_model(labels: list[str]) -> type[FigureVerdicts]:
    """One verdict per figure, in article order: ``{"f1": {"figure": <label 1>, ...}, ...}``.

    Each ``figure`` is pinned to its label in the JSON Schema (a ``const``), so the grammar walks
    the model through every figure exactly once (no figure skipped, none invented, none
    repeated), and the validator checks the pins (a server without a grammar may get them
    wrong). The class is ``pinned_figures_model(labels)`` in all a backend sees (name, JSON
    Schema, validation and its error messages; tests/test_extract.py checks) at a fraction of
    the cost: pydantic builds the model for ``n`` figures once, and each article gets a
    subclass that only names its pins and has a validator built from that model's core schema,
    not a class pydantic builds from scratch (most of the pipeline's own time per article).
    """
    n = len(labels)
    base = _figures_base(n)
    namespace = {"__module__": __name__, "__qualname__": "FigureVerdicts", "_labels": tuple(labels)}
    # ABCMeta (pydantic's metaclass's base) sets the class up for isinstance; pydantic's own
    # class construction is what this skips: the subclass adds no field, validator or config
    model = ABCMeta.__new__(type(base), "FigureVerdicts", (base,), namespace)
    schema = _core_schema_of(model, n)
    model.__pydantic_core_schema__ = schema
    # the config pydantic gives a model without model_config: its title heads error messages
    config = CoreConfig(title="FigureVerdicts")
    model.__pydantic_validator__ = SchemaValidator(schema, config)
    model.__pydantic_serializer__ = SchemaSerializer(schema, config)
    return model


def pinned_figures_model(labels: Sequence[str]) -> type[BaseModel]:
    """``figures_model`` built the straightforward way, by pydantic: each field's pin in its
    annotation (a ``WithJsonSchema``), one pydantic class per call. Slow; the reference the fast
    model is tested against, and the source of JSON Schemas in other flavours."""
    fields: dict[str, Any] = {
        f"f{i}": (Annotated[FigureVerdict, WithJsonSchema(_pinned_verdict_schema(i, label))], ...)
        for i, label in enumerate(labels, 1)
    }
    pinned = tuple(labels)

    def in_order(self: Any) -> Any:
        for i, label in enumerate(pinned, 1):
            got = getattr(self, f"f{i}").figure
            if got != label:
                raise ValueError(f"f{i}.figure must be {label!r}, copied exactly; got {got!r}")
        return self

    return create_model(
        "FigureVerdicts",
        __validators__={"figures_in_order": model_validator(mode="after")(in_order)},
        **fields,
    )


# ------------------------------------------------------------------------------------------
# Drafts -> records
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleContext:
    """What code knows about one article before the model is asked anything."""

    text: str  # as read: evidence offsets refer to this
    body: str  # cleaned: what the model reads
    figures: list[Figure]  # what the model is asked about: found, and not vetoed by code
    blocked: list[tuple[int, int]]  # spans addressed to AI systems
    reference_date: date | None
    sources: list[Mention] = field(default_factory=list)  # attributions, resolved
    found: list[Figure] = field(default_factory=list)  # every figure found, vetoed ones too
    screened: dict[int, Screened] = field(default_factory=dict)  # by figure start

    @property
    def labels(self) -> list[str]:
        return [f.label for f in self.figures]


_ISO_DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def guess_reference_date(text: str) -> date | None:
    """A publication date written near the top of the article, if any."""
    m = _ISO_DATE.search(text[:600])
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def prepare(text: str, reference_date: date | None = None) -> ArticleContext:
    """Clean the article, find its figures and screen them (no model involved)."""
    blocked = instruction_spans(text)
    found = [f for f in find_figures(text, blocked) if not is_furniture_at(text, f.start)]
    ctx = ArticleContext(
        text=text,
        body=clean_text(text),
        figures=found,
        blocked=blocked,
        reference_date=reference_date or guess_reference_date(text),
        sources=[m for m in find_mentions(text) if not _in_spans(blocked, m.start)],
        found=found,
    )
    for figure in found:
        screened = screen_figure(figure, ctx)
        if screened is not None:
            ctx.screened[figure.start] = screened
    return replace(ctx, figures=[f for f in found if f.start in ctx.screened])


_YEARS = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:s|er)?\b")
_SINCE_YEAR = re.compile(
    r"\b(since|seit|depuis|desde)\s+(the\s+|den\s+|les\s+|los\s+)?1[5-9]\d\d", re.I
)


_AS_IN_YEAR = re.compile(
    r"\b(like|as|come|comme|como|wie)\s+((in|nel|en|im|dans)\s+)?(the\s+)?1[5-9]\d\d\b",
    re.IGNORECASE,
)


def _only_years_before(sentence: str, year: int) -> bool:
    """Whether a sentence names years or decades, all of them before ``year`` ("according to
    figures published by Russian military archives in the 1990s"); a span that reaches now
    ("its largest deployment since the 1950s") is not the past."""
    if _SINCE_YEAR.search(sentence):
        return False
    # a year in a comparison is not the sentence's time: "they send them in small groups, as
    # in 1950", "come nel 1950"
    years = [int(y) for y in _YEARS.findall(_AS_IN_YEAR.sub(" ", sentence))]
    return bool(years) and max(years) < year


def _in_spans(spans: list[tuple[int, int]], position: int) -> bool:
    return any(s <= position < e for s, e in spans)


def _in_blocked(ctx: ArticleContext, start: int) -> bool:
    return _in_spans(ctx.blocked, start)


def _evidence(ctx: ArticleContext, start: int, end: int) -> tuple[str, int, int]:
    s, e = sentence_around(ctx.text, start, end)
    return ctx.text[s:e], s, e


# Where a noun phrase after a count ends: a verb of being, sending or saying, or a preposition.
_NOUN_PHRASE_END = re.compile(
    r"\b(are|is|were|was|have|has|had|will|would|could|may|might|to|in|at|on|from|for|with|"
    r"who|which|that|said|says|sind|waren|haben|wurden|werden|nach|sont|ont|à|"
    r"dans|son|están|han|fueron|en|"
    # a relative pronoun or a place's preposition: "au moins 1 000 qui déminent les champs",
    # "plusieurs milliers sur les chantiers de Vladivostok"
    r"qui|que|che|sur|pour|par|avec|chez|"
    r"в|во|на|из|к|для|с|со|по|у|от|до|за|были|был|была|будут|будет|который|которые|которых|"
    r"что|уже|также)\b",
    re.IGNORECASE,
)


# Where one transfer's clause ends and another's begins inside a sentence: a semicolon, or a
# comma and a conjunction before a new subject ("..., and Moscow is paying for it in oil").
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+(?=[A-Z])|,\s+(?:а|и|но|тогда как)\s+(?=[А-ЯЁ])|"
    # the same subject's second verb, which takes what the first one gave: "North Korea has
    # kept shipping missiles to Russia and has been paid in oil", "et a reçu du pétrole"
    # (case-blind here only: the breaks above need the capital of a new subject)
    r"(?i:\s+(?:and|et|y|und|e|и)\s+(?=(?:has |have |had |is |was |were |a |ha |è |hat )?"
    r"(?:been |being |été |sido |stat[ao] )?"
    r"(?:paid|receiv\w+|gets?|got|obtain\w*|earn\w*|rewarded|compensated|payée?s?|reçu\w*|"
    r"reçoit|recib\w+|pagad[ao]s?|erhält|bekommt|ricev\w+|pagat[ao]|получа\w+|получил\w*)\b))"
)


def _clause_of(ctx: ArticleContext, position: int) -> str:
    """The clause of the sentence around ``position`` that holds it (the whole sentence when
    nothing splits it)."""
    s, e = sentence_around(ctx.text, position, position + 1)
    start = s
    for m in _CLAUSE_BREAK.finditer(ctx.text, s, e):
        if m.start() >= position:
            return ctx.text[start : m.start()]
        start = m.end()
    return ctx.text[start:e]


def _direction_in_own_clause(
    ctx: ArticleContext, position: int, sentence: str, category: str, item: str
) -> tuple[str, str] | None:
    """When a sentence joins two transfers, the direction of the item's own clause: its words,
    else its kind's usual way (None when the sentence is one clause)."""
    own = _clause_of(ctx, position)
    if len(own) >= len(sentence.strip()):
        return None
    return direction_from_words(own) or typical_direction(category, item)


_DEFINITE_BEFORE = re.compile(
    # "The next 3,000 are training at a base near Hamhung": the group announced before
    r"\b(the|these|those|die|diese|les|ces|los|las|estos|estas|эти|этих|те|тех)"
    r"(\s+(next|same|nächsten|prochains|próximos|prossimi))?\s+$",
    re.IGNORECASE,
)


def _refers_back(ctx: ArticleContext, figure: Figure) -> bool:
    """Whether a figure after a definite article repeats a count given earlier in the article
    ("sent roughly 4,000 more soldiers ... The 4,000 replacements tell you the losses are real");
    not a count of another kind of people ("Roughly 1,000 military engineers ... The roughly
    1,000 deminers sent in 2025 went home")."""
    if figure.count.value is None or not _DEFINITE_BEFORE.search(
        ctx.text[max(0, figure.start - 24) : figure.start]
    ):
        return False
    kind = subtype_from_words("deployment", figure.label)
    return any(
        f.start < figure.start
        and f.count.value == figure.count.value
        and (kind is None or subtype_from_words("deployment", f.label) in (None, kind))
        for f in ctx.found
    )


_IN_RETURN_FOR = re.compile(
    r"\b(in (return|exchange) for|(paid|pays|paying|payments?|earned|earns|compensation|money|"
    # what is paid for, not what it is paid with: "paying for its help with oil" pays in oil
    r"cash)\b[^,;]*\bfor(?![^,;]*\b(with|in)\b)|"
    r"als Gegenleistung für|im Austausch für|a cambio de)\s+[^,;]*$|"
    # "En échange des soldats et des munitions envoyés par la Corée du Nord, la Russie ..."
    r"\ben échange (des|du|de la|de|d')\s*[^,;]*$",
    re.IGNORECASE,
)
# Russian writes no comma after the phrase: "В обмен на снаряды Россия поставляет КНДР нефть".
# The phrase ends where the main clause's subject (a state, in the nominative) begins.
_RU_IN_RETURN_FOR = re.compile(
    r"(?<!\w)(?:[Вв] обмен|[Вв]замен) на\s+"
    r"(?:(?!(?:Россия|РФ|Москва|Кремль|КНДР|Пхеньян|Северная Корея)(?!\w))[^,;])*$"
)


def _in_return_for(text: str, sentence_start: int, position: int) -> bool:
    """Whether ``position`` sits inside an "in return for ..." phrase ("In return for arms and
    manpower, Russia has delivered air defence systems": the arms go the other way)."""
    if _IN_RETURN_FOR.search(text, sentence_start, position):
        return True
    return cyrillic(text[sentence_start:position]) and bool(
        _RU_IN_RETURN_FOR.search(text, sentence_start, position)
    )


_VOTES_BEFORE = re.compile(
    # and the second side of a swap: "157 gegen 157"
    r"\bvotes?\s+(to|against)\s*$|\d\s+(for|gegen|contre|por|за)\s*$",
    re.IGNORECASE,
)
# the first side of a tally: "mit 315 zu 94 Stimmen", "by 315 to 94 votes"
_TALLY_AFTER = re.compile(
    r"\s+(to|zu|contre|à|a|contra)\s+\d[\d.,]*\s+(votes?|Stimmen|voix|votos)\b|"
    # a swap, one for one: "tauschten ... Gefangene aus, 157 gegen 157", "300 for 300"
    r"\s+(for|gegen|contre|por|за)\s+\d[\d.,]*\b(?!\s*(troops|soldiers|Soldaten|soldats|soldados))",
    re.IGNORECASE,
)
_OF_ITS_OWN = re.compile(
    r"\s+(of (its|their|his|her|our|my) own|своих|собственных|власних|propri|proprie|eigene|"
    r"eigenen|propios|propias|propres)\b",
    re.IGNORECASE,
)


# A category word that names a kind of unit ("to train its air-defence and drone units") or
# sits in what sanctions target ("sanctions targeting its weapons and nuclear programs") names
# no item that moves.
_UNIT_AFTER_ITEM = re.compile(
    r"\s*(units?|crews?|operators?|teams?|battalions?|forces|troops|specialists|experts|"
    r"Einheiten|unités|unidades)\b",
    re.IGNORECASE,
)
_IMAGERY_AFTER = re.compile(
    r"[\s-]*(imagery|images?|photos?|photographs?|pictures?|data|Bilder|images satellites)\b",
    re.IGNORECASE,
)
# ... or before it, and in German compounds: "J'ai vu les images satellites", "imágenes de
# satélite", "Satellitenbilder"
_IMAGERY_BEFORE = re.compile(
    r"\b(images?|imagerie|imágenes|immagini|imagens|fotos?|photos?|снимк\w*|знімк\w*)\s+"
    r"(de\s+|di\s+|por\s+|du\s+)?$",
    re.IGNORECASE,
)
_IMAGERY_IN_WORD = re.compile(r"(bilder|bildern|aufnahmen|fotos)$", re.IGNORECASE)
_GENERIC_ARMS = frozenset({"weapons", "weapon", "arms"})
_PROGRAMME_AFTER = re.compile(r"[\s-]*(programs?|programmes?|industry|industries)\b", re.I)
# not across a preposition or a verb: "shipments of artillery ammunition to Russian forces"
# ships shells, "missiles had also reached Russian units" moved missiles
_UNIT_AFTER_LIST = re.compile(
    r"(?:(?!\b(?:to|for|from|with|into|of|by|had|has|have|was|were|is|are|reached)\b)[\w\s,-])"
    r"{0,40}?\b(units|crews|operators|forces)\b"
)
# North Korea's own goods: "North Korea's weapons", "Pyongyang's shells".
_NK_OWN_BEFORE = re.compile(r"\b(North Korea['’]s|Pyongyang['’]s|Nordkoreas)\s+$", re.IGNORECASE)
# Russia's own goods by the adjective: "Russian missiles and drones struck ...".
_RUSSIAN_BEFORE = re.compile(r"\b(Russian|Russia's|russische\w*|russes?|rus[oa]s?)\s+$", re.I)
# A state's own programme that money pays for: "funds the country's missile programme".
_FUNDS_BEFORE = re.compile(rf"{FUNDS_ITS_OWN}$", re.IGNORECASE)
# A sentence about the way back: "In umgekehrter Richtung fließt Öl", "In the other direction".
_OTHER_WAY = re.compile(
    r"\b(in|en|no)\s+(the\s+)?(other|opposite|reverse|umgekehrter|entgegengesetzter|sens\s+inverse|"
    r"sentido\s+(contrario|inverso|oposto)|senso\s+(opposto|inverso|contrario)|"
    r"direzione\s+opposta)\s*(direction|Richtung)?\b",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(r"\bthan\s+(any|a|an)\s+$", re.IGNORECASE)
# An item named as the payment in the exchange: "Hard currency is likely part of the payment",
# "much of it is paid in roubles and converted into hard currency".
_AS_PAYMENT = re.compile(
    r"\b(part of|as)\s+(the\s+)?(payment|compensation|price)\b|"
    r"\b(paid|pays|paying|bezahlt|payée?s?|pagad[oa]s?|pagat[oi])\s+(in|with|mit|en|em|con|com)\s+"
    r"(?!full\b)|"
    r"\b(Teil der|comme|como|come|parte d[eao])\s+(la\s+|del\s+|dell[ao]\s+|do\s+|da\s+)?"
    r"(Bezahlung|Zahlung|paiement|pago|pagamento)\b",
    re.IGNORECASE,
)
_PAYMENT_FOR = re.compile(
    r"(payments?|paiement|pago|Bezahlung|pagamento)\s+(for|pour|por|für|per)\b", re.I
)
# An item word in the possessive owns the next noun: "the missiles' guidance systems".
_POSSESSIVE_AFTER = re.compile(r"(?<=s)['’](?=\s+\w)|['’]s\s+\w", re.IGNORECASE)
_TARGETED_BEFORE = re.compile(
    r"\bsanctions\s+(targeting|on|against|over|imposed on)\s+[^,;.]*$|"
    r"\btrain(s|ing|ed)?\s+(its|their|the|North Korea's|Russia's)?\s*[^,;.]{0,30}$",
    re.IGNORECASE,
)
# Russian puts the unit noun first: "подразделения ПВО", "операторов дронов", "расчёты РСЗО";
# and "санкции против ракетной программы", "обучать подразделения ПВО"
_RU_NOT_AN_ITEM_BEFORE = re.compile(
    r"(?<!\w)(подразделени|расч[её]т|оператор|специалист|войск|батальон|полк|бригад)\w*\s+$|"
    r"\bсанкци\w*\s+(против|в отношении)\s+[^,;.]*$|\bобуч\w*\s+[^,;.]{0,30}$",
    re.IGNORECASE,
)


# ... as French, Spanish, Italian and Portuguese do: "former des opérateurs de drones",
# "operadores de drones", "operators of drones"
_OPERATORS_OF_BEFORE = re.compile(
    r"\b(operators?|opérateurs?|operadores?|operatori|pilots?|pilotes?|pilotos?|piloti|"
    r"crews?|équipages?|specialists?|spécialistes|especialistas|specialisti)\s+"
    r"(of|de|d'|des|di|dei|degli|da|do|dos)\s*$",
    re.IGNORECASE,
)


def _not_an_item(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the category words at ``start:end`` name a kind of unit or a sanctions target,
    not something handed over."""
    # a list of kinds ("air-defence and drone units") shares the unit noun at its end; the
    # words between hold no sentence or clause break ("." and ";" are outside the class)
    if _UNIT_AFTER_ITEM.match(text, end) or _UNIT_AFTER_LIST.match(text, end, end + 50):
        return True
    if text[start:end].casefold() in _GENERIC_ARMS and _PROGRAMME_AFTER.match(text, end):
        return True  # "helps fund its weapons programmes": a state's own programme
    if (
        _IMAGERY_AFTER.match(text, end)
        or _IMAGERY_BEFORE.search(text, max(sentence_start, start - 20), start)
        or _IMAGERY_IN_WORD.search(text, start, end)
    ):
        return True  # "citing satellite imagery": how it was seen, not what moved
    if _POSSESSIVE_AFTER.match(text, end):
        return True  # "Russian help with the missiles' guidance systems": whose, not what
    if _COMPARED_BEFORE.search(text, max(sentence_start, start - 20), start):
        return True  # "worth more to Pyongyang than any payment": a comparison
    if _PAYMENT_FOR.match(text, start, end + 6):
        return True  # "the deliveries were payment for artillery shells": what they are, not
        # another item
    if _TARGETED_BEFORE.search(text, sentence_start, start):
        return True
    if _OPERATORS_OF_BEFORE.search(text, max(sentence_start, start - 30), start):
        return True  # "des opérateurs de drones": people who use them, not what moved
    return cyrillic(text[start:end]) and bool(
        _RU_NOT_AN_ITEM_BEFORE.search(text, sentence_start, start)
    )


def _next_figure_start(ctx: ArticleContext, figure: Figure, end: int) -> int:
    """Where the next figure found after ``figure`` starts, if before ``end``; else ``end``."""
    return min((f.start for f in ctx.found if figure.end <= f.start < end), default=end)


def _sentence_and_previous(ctx: ArticleContext, start: int, end: int) -> str:
    """The sentence ``start:end`` and the one before it ("Losses are heavy. HUR puts them at
    more than 5,000": the second sentence leans on the first)."""
    spans = sentence_spans(ctx.text)  # in text order: the last one starting before ``start``
    k = bisect_right(spans, start - 1, key=lambda sp: sp[0])
    previous = ctx.text[spans[k - 1][0] : min(spans[k - 1][1], start)] if k else ""
    return f"{previous} {ctx.text[start:end]}"


@dataclass(frozen=True)
class Screened:
    """A figure that passed code's vetoes, with what the vetoes read about it."""

    figure: Figure
    evidence: str
    start: int  # the evidence's offsets in the article
    end: int
    personnel: str | None  # the kind of people its noun phrase names
    casualty: str | None  # the casualty type its own clause names


# A total that a figure just before it adds to: "listing 117 more vessels and bringing the
# total to 557" totals vessels.
_TOTAL_BEFORE = re.compile(
    r"\b(bring\w*|rais\w*|tak\w*|push\w*|lift\w*)\s+(the|its|their)\s+"
    r"(total|number|tally|count)\s+to\s*$",
    re.IGNORECASE,
)


def _total_of_things(ctx: ArticleContext, sentence_start: int, position: int) -> bool:
    """Whether the figure before ``position`` in its sentence counts things."""
    before = [f for f in ctx.found if sentence_start <= f.start < position]
    if not before:
        return False
    head = _head(ctx, before[-1])
    words = f"{before[-1].label} {head}"
    # "drones" and "tonnes", or any plural that names no people: "7,400 freight cars"
    return personnel_in_phrase(words) is None and (
        counts_things(words) or counts_other_things(before[-1].label, head)
    )


def _clause_after(ctx: ArticleContext, figure: Figure) -> str:
    # not at a separator inside a number: "two 5,000-tonne destroyers"
    # (nor past a colon: "about 6,000 more personnel by the summer: 5,000 military construction
    # troops and 1,000 deminers" lists the parts; nor into a table's next cell)
    return re.split(r"[;:!?\n|]|[,.](?!\d)", ctx.text[figure.end : figure.end + 90])[0]


def _head(ctx: ArticleContext, figure: Figure) -> str:
    """The words right after a figure, where the noun it counts sits when its label stops
    short: the first three words of its clause ("60 military instructors to train its drone
    units" counts instructors)."""
    return " ".join(_clause_after(ctx, figure).split()[:3])


# A strike by drones, missiles or shells: with Russia named and North Korea not, its losses
# are the other side's.
_RUSSIAN_STRIKE = re.compile(
    r"\b(drones?|missiles?|air strikes?|airstrikes?|shelling|bombardment|glide bombs?|droni|"
    r"missili|Drohnen|Raketen|Luftangriff\w*|frappes?|bombardements?|ataques? aéreos?|bombardeos?|"
    r"дрон\w*|ракет\w*|обстрел\w*|обстріл\w*|авиаудар\w*|авіаудар\w*)\b",
    re.IGNORECASE,
)
# Another army named as the people a sentence is about: "800,000 Russian soldiers".
_ANOTHER_ARMY = re.compile(
    r"\b(Russian|Ukrainian|russische\w*|ukrainische\w*|russes?|ukrainiens?|rusos?|ucranianos?)"
    r"\s+(\w+\s+)?(soldiers|troops|servicemen|forces|army|Soldaten|Truppen|soldats|troupes|"
    r"soldados|tropas)\b|"
    # French and Spanish put the adjective after the noun: "el ejército ruso"
    r"\b(soldados|tropas|ejército|fuerzas|militares|soldats|troupes|armée|forces)\s+"
    r"(rus[oa]s?|ucranian[oa]s?|russes?|ukrainien(ne)?s?)\b",
    re.IGNORECASE,
)


def _another_armys_losses(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether a loss figure belongs to another army: its sentence and the one before name
    Russian or Ukrainian soldiers and never North Korea."""
    text = _sentence_and_previous(ctx, start, end)
    return bool(_ANOTHER_ARMY.search(text)) and not mentions_korea(text)


def _live_blog_entry(ctx: ArticleContext, position: int) -> str | None:
    """The live-blog entry ``position`` is in (from its time stamp to the next), or None when
    no time stamp comes before it."""
    stamps = [m.end() for m in ENTRY_STAMP.finditer(ctx.text, 0, position)]
    if not stamps:
        return None
    following = ENTRY_STAMP.search(ctx.text, position)
    return ctx.text[stamps[-1] : following.start() if following else len(ctx.text)]


def screen_figure(figure: Figure, ctx: ArticleContext) -> Screened | None:
    """``figure`` with what code reads about it, or None when code vetoes it whatever a model
    would say. Vetoed figures are never shown to the model: no tokens for a verdict code drops."""
    # Code vetoes what a small model over-reads: a figure of drones or tonnes counts things
    # ("74 of 96 drones"), and a bare number with neither a kind of personnel nor a casualty
    # verb of its own, and no mention of North Korea in or just before its sentence, is about
    # someone else (a grain forecast, a reader counter). "3,000 soldiers" and "200 of them
    # have been killed" name what they count and may lean on the article's topic.
    clause = _clause_after(ctx, figure)
    head = _head(ctx, figure)
    own_words = f"{ctx.text[figure.start : figure.end]} {head}"
    before = re.split(r"[.;!?\n]", ctx.text[max(0, figure.start - 120) : figure.start])[-1]
    named_words = f"{figure.label} {head}"
    loss = subtype_from_words("casualty", figure.label)  # the loss its own words name
    row_kind = personnel_in_phrase(_row_label(ctx.text, figure.start))
    if row_kind is not None:
        before = ""  # a table row's first cell names the people counted ("Obreros civiles")
    evidence, s, e = _evidence(ctx, figure.start, figure.end)
    if (
        counts_things(named_words) and personnel_in_phrase(named_words) is None and loss is None
    ) or (
        counts_other_people(own_words, before)
        and not russians_sent_to_north_korea(own_words, evidence)
    ):
        return None  # "74 of 96 drones", but "2,000 rocket launcher operators" are people and
        # "about 90 wounded by mines" are losses; Russian instructors in North Korea are sent
    if counts_people_in_general(own_words, evidence) and not (
        _MORE_OF_THEM_BEFORE.search(before) and names_north_korea(_sentence_and_previous(ctx, s, e))
    ):
        return None  # "Two people were injured in Kyiv's Darnytskyi district"; but "Another
        # 1,500 people are expected" after a sentence on North Korean workers is more of them
    if counts_russians_elsewhere(figure.label, evidence):
        return None  # "and held more than 6,000 Russian servicemen in all"
    if _VOTES_BEFORE.search(before) or _TALLY_AFTER.match(ctx.text, figure.end):
        return None  # "passed by 178 votes to 91", "mit 315 zu 94 Stimmen"
    if (_TOTAL_BEFORE.search(before) or _UPDATES_BEFORE.search(before)) and _total_of_things(
        ctx, s, figure.start
    ):
        return None  # "listing 117 more vessels ... and bringing the total to 557", "handled
        # about 40 ships in 2025, up from six in 2022"
    if other_state_acts(before, evidence):
        return None  # "China has sent four destroyers, a supply ship and roughly 1,200 personnel"
    if not names_north_korea(figure.label) and (
        # a figure whose own words name North Koreans is theirs: "Ucrania mantiene a dos
        # prisioneros norcoreanos", "Russia has trained some 2,000 North Korean soldiers"
        russias_own(before) or someone_elses(before, evidence, _sentence_and_previous(ctx, s, e))
    ):
        return None  # "Russia keeps about 3,500 troops on the disputed islands"
    if loss is None and sent_elsewhere(evidence, figure.start - s, figure.end - s):
        return None  # "North Korea has sent roughly 100,000 workers to China over the years"
    if _OF_ITS_OWN.match(ctx.text, figure.end) and (
        names_russia(before) or not names_north_korea(evidence)
    ):
        return None  # "Russia had moved about 50,000 of its own troops into the Kursk region",
        # "The service said 14 of its own guards were wounded"
    if (
        _FLED_AFTER.match(ctx.text, figure.end)
        or _AUDIENCE_AFTER.match(ctx.text, figure.end)
        or _EARLIER_VERSION.search(evidence[: figure.start - s])
    ):
        return None  # "38 North Korean labourers who had fled their worksites", "more than
        # 3,000 people visited"; "An earlier version of this story said about 10,000 ...": a
        # figure the correction withdraws
    if (
        _RECRUITED_AFTER.match(ctx.text, figure.end) or _RECRUITS_BEFORE.search(before)
    ) and not names_north_korea(evidence):
        return None  # "Zudem sollen bis 2029 weitere 60.000 Soldaten rekrutiert werden"
    if (
        others_just_after(ctx.text, figure.end) and not mentions_korea(figure.label)
    ) or hosted_elsewhere(before):
        return None  # "a quota of 2,000 workers from India for the Far East", "About 600
        # servicemen of the Russian Railway Troops", "9 killed and 31 wounded among civilians",
        # "China hosted as many as 100,000 North Korean workers before the 2017 UN ban"
    if _NEGATED_BEFORE.search(before) and figure.count.qualifier is Qualifier.exact:
        return None  # "corrected to say about 1,000 deminers, not 10,000"
    if _LIMIT_BEFORE.search(before):
        return None  # "A bill would cap overseas deployments at 1,500 personnel": a ceiling
    if (
        _OWN_UNIT_BEFORE.search(before)
        or _WE_KEEP_BEFORE.search(before)
        or _ABROAD_AFTER.match(ctx.text, figure.end)
        or (_OWN_FORCES_AFTER.match(ctx.text, figure.end) and not mentions_korea(figure.label))
        or (
            _OURS_AFTER.match(ctx.text, figure.end)
            and loss is None
            and subtype_from_words("casualty", clause) is None
        )
        or _OTHERS_ARE_AFTER.match(ctx.text, figure.end)
        or _WORKFORCE_BEFORE.search(before)
    ):
        return None  # "His own company had two men wounded", "Our own engineering troops, 200
        # men", "we keep 28,500 troops on the peninsula", "rund 50.000 Arbeiter im Ausland",
        # "Roughly 3,000 are Russian builders from 17 regions", "a workforce of 12,000", "about
        # 19,000 of our troops" (a briefing officer's drill)
    if _NEEDED_BEFORE.search(before) and not mentions_korea(own_words):
        return None  # "The region is short of about 16,000 construction workers": a need
    if _OF_WHOM.match(figure.label) and _others_just_before(before):
        return None  # "migrants from Uzbekistan and Tajikistan, about 9,000 of whom work"
    # the label stops after four words: "Some 5,000 North Korean military [construction
    # troops]" names its kind just after; read on to the end of the noun phrase ("some 5,000
    # soldiers of the Korean People's Army's [construction brigades]")
    phrase = _NOUN_PHRASE_END.split(" ".join(clause.split()[:9]), maxsplit=1)[0]
    personnel = (
        subtype_from_words("deployment", figure.label) or personnel_in_phrase(phrase) or row_kind
    )
    if personnel in ("troops", "military_engineers") and names_personnel(
        phrase, "construction_troops"
    ):
        personnel = "construction_troops"  # "até seis mil militares de engenharia [de construção]"
    if personnel is None and (predicate := _PREDICATE_NOUN.match(clause)):
        personnel = personnel_in_phrase(predicate.group(1))  # "of whom 2,000 are engineers"
    if personnel is None and (relative := _RELATIVE_CLAUSE.match(clause)):
        personnel = personnel_in_phrase(relative.group(1))  # "au moins 1 000 qui déminent"
    if personnel is None and (apposition := _APPOSITION.match(ctx.text, figure.end + len(clause))):
        # "roughly 4,500 new arrivals so far, infantry and drone operators, now positioned
        # around Glushkovo"; "roughly 600, about a battalion, in occupied Zaporizhzhia"
        personnel = personnel_in_phrase(apposition.group(1)) or (
            "troops" if _MILITARY_UNIT.search(apposition.group(1)) else None
        )
    if personnel is None:
        personnel = _kind_named_before_in_sentence(ctx, figure)
    if _BOUGHT_AFTER.match(ctx.text, figure.end):
        return None  # "adding to the 54 it ordered in 2024"
    if personnel is None and _answers_about_others(ctx.text, figure, s):
        return None  # "How many Ukrainian recruits has the UK trained? - More than 50,000"
    if personnel is None and loss is None and counts_things(phrase) and not names_someone(phrase):
        # "dozens of 170mm Koksan self-propelled guns", but "Two North Koreans captured near
        # the village of ..." are people
        return None
    if counts_other_things(figure.label, phrase) and row_kind is None:
        return None  # "about 4,400 new homes", "85 concerts", "9 países"
    if personnel != "workers" and _only_years_before(evidence, 2000):
        return None  # "some 1,500 men of the Soviet 25th Army in 1945": no troops went then
    # North Korea's whole army is about 1.2 million: no deployment or toll reaches a million
    # ("North Korea's regular army numbers about 1.28 million", "Russia has lost more than 1.2
    # million troops"), and 100,000 or more that names no kind of people counts something else
    largest = max(v for v in (figure.count.best, figure.count.high, 0) if v is not None)
    if largest >= 1_000_000 or (
        largest >= 100_000 and (personnel is None or not mentions_korea(evidence))
    ):
        return None  # also "Moscow says it recruited about 400,000 contract soldiers"
    casualty = casualty_in_clause(ctx.text, figure.start, figure.end)  # the clause's own type
    if (
        personnel is None or (casualty is not None and not mentions_korea(figure.label))
    ) and _another_armys_losses(ctx, s, e):
        return None  # "... 800,000 Russian soldiers killed or wounded. Mediazona has confirmed
        # over 90,000 dead by name."; "Its 155th Naval Infantry Brigade ... lost thousands of
        # men ... to fight Ukrainian forces there"; "About 600 servicemen of the Russian Railway
        # Troops are rebuilding the bridge ... Two sappers were killed"
    if (
        (casualty is not None or loss is not None)
        and personnel is None
        and _RUSSIAN_STRIKE.search(evidence)
        and names_russia(evidence)
        and not mentions_korea(evidence)
    ):
        return None  # "Nella notte la Russia ha lanciato 140 droni sull'Ucraina: 11 i feriti a
        # Kharkiv": the losses of Russia's strikes are Ukraine's
    if (
        (casualty is not None or loss is not None)
        and personnel is None
        and (entry := _live_blog_entry(ctx, figure.start)) is not None
        and not mentions_korea(entry)
    ):
        return None  # a live blog's entry on something else: "17:05 Обстрел Харькова: ...
        # погибли три человека, ещё 14 ранены"
    if (
        personnel is None
        and casualty is None
        and loss is None  # "ils sont désormais sept en captivité" names its loss
        and not _korea_near(ctx, figure.start)
        and _group_added_to(ctx, figure, s) is None
        and not _kind_named_just_before(ctx, figure, s)
    ):
        return None
    if _refers_back(ctx, figure):
        return None  # "The 4,000 replacements tell you ...": the 4,000 already counted
    if largest == 1 and personnel is None and casualty is None:
        return None  # "one Moscow economist joked": one person who is neither sent nor lost
    return Screened(figure, evidence, s, e, personnel, casualty)


def _korea_in_passage(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether North Korea is named from three paragraphs before ``start`` up to ``end``: a
    transcript or interview names the country once for many answers."""
    return mentions_korea(ctx.text[max(0, start - 3 * _PASSAGE) : end])


def _kind_named_before_in_sentence(ctx: ArticleContext, figure: Figure) -> str | None:
    """The kind of people a bare figure's sentence names before it with no other figure
    between, in a passage about North Korea: "Ci sono poi i costruttori militari, almeno 3.000
    secondo il ministero", "Quanto ai lavoratori civili, il ministero ne stima oltre 10.000"."""
    spans = sentence_spans(ctx.text)
    k = bisect_right(spans, figure.start, key=lambda sp: sp[0])
    start = spans[k - 1][0] if k else max(0, figure.start - 200)
    before = ctx.text[start : figure.start]
    if "," not in before or any(start <= f.start < figure.start for f in ctx.found):
        return None  # another figure's noun is its own ("deux soldats capturés ...; ils sont
        # désormais sept en captivité")
    kind = personnel_named_last(before)
    if kind is None or not _korea_in_passage(ctx, start, figure.end):
        return None
    return kind


# A question of how many, in the supported languages.
_HOW_MANY = re.compile(
    r"\b(how many|combien|wie viele|cuánt[oa]s|quant[ie]|quant[oa]s|сколько|скільки)\b", re.I
)
_ANSWER_LEAD = 40  # characters: a speaker's name and a word or two before the answer's figure


def _question_answered(text: str, figure: Figure, start: int) -> str:
    """The question a figure answers: the sentence before its sentence (which starts at
    ``start``), if that ends with a question mark and the figure opens the answer, else ""."""
    if figure.start - start > _ANSWER_LEAD:
        return ""
    before = text[max(0, start - 300) : start].rstrip()
    if not before.endswith("?"):
        return ""
    return re.split(r"[.!?\n](?=\s)", before[:-1])[-1]


def _answers_about_others(text: str, figure: Figure, start: int) -> bool:
    """Whether a figure answers a question about another state's people ("Q118 Chair: For
    comparison, how many Ukrainian recruits has the UK trained? - More than 50,000")."""
    question = _question_answered(text, figure, start)
    return bool(question) and other_state_acts(question, question)


def _row_label(text: str, position: int) -> str:
    """The first cell of the table row a figure stands in, when the figure is in a later cell
    ("Zapadores | 1.000 | NIS | Regresaron a Corea del Norte en marzo": the 1.000 are sappers);
    else ""."""
    row = table_row_at(text, position)
    if row is None:
        return ""
    first, _, _ = text[slice(*row)].partition(" | ")
    return first if position >= row[0] + len(first) + 3 else ""


def _kind_named_just_before(ctx: ArticleContext, figure: Figure, start: int) -> bool:
    """Whether a bare figure's sentence or the one before it names a kind of personnel, in a
    passage about North Korea (a transcript or interview does not repeat the country): "Civilian
    workers are a separate category, and the number is higher. Our best estimate is between
    15,000 and 20,000", "Et les ouvriers civils ? Ils sont plusieurs milliers sur les chantiers",
    "They come from the army's construction brigades ... About 5,000 have gone over"."""
    leading = _sentence_and_previous(ctx, start, figure.start)
    return bool(
        personnel_named_last(leading) is not None and _korea_in_passage(ctx, start, figure.start)
    )


# A bare figure that updates, compares or confirms the count just before it in its sentence
# counts the same kind: "holding six North Korean soldiers captured ..., up from the two it
# announced", "taken about a dozen ... prisoner, though Kyiv has confirmed only two".
_UPDATES_BEFORE = re.compile(
    # "raised its estimate of dead to around 2,500, from 2,000 in November"
    r"\b((up|down|rising|falling|revised)\s+from|(?<=\d),\s+from|compared\s+(with|to)|"
    r"confirmed|acknowledged|"
    # "cerca de 4.700 ... mortos ou feridos ..., contra quase 3.000 que o mesmo organismo
    # contabilizava em setembro"
    r"(against|contra|contre|frente a|versus|vs\.?|gegenüber)(\s+(os|as|los|las|les|the|den|die))?|"
    r"(fewer|more|less|higher|lower)\s+than\s+(the|its|their)|"
    r"announced|admitted)(\s+(publicly|officially|only|just|the|an?|some|earlier))*"
    # "up from its January estimate of around 3,000"
    r"((\s+(its|their|his|her|the|an?|earlier|previous|own))*(\s+\w+)?\s+"
    r"(estimate|figure|count|tally|toll|number)\s+of)?\s*$",
    re.IGNORECASE,
)
# A count said to add to another is new, whatever its value: "another 3,000", "3,000 more".
_ADDED_BEFORE = re.compile(
    r"\b(another|more|further|additional|a new|second|third|fresh|next)\b[^,;.]*$", re.IGNORECASE
)
_ADDED_AFTER = re.compile(
    r"\s+(more|additional|new|extra|de plus|supplémentaires|más|adicionales|in più|aggiuntivi|"
    r"a mais|adicionais|"
    # new ones: "environ 3 000 nouveaux soldats"
    r"nouveaux|nouvelles|neue|neuen|nuevos|nuevas|nuovi|nuove|novos|novas|новых|новые|нових|"
    r"нові)(?!\w)",
    re.IGNORECASE,
)
# A bare loss figure given as a total counts killed and wounded together.
_A_TOTAL_BEFORE = re.compile(
    # "had put the combined toll at 5,000"
    r"\b(a|the|its|their)\s+((overall|combined)\s+(total|toll|tally)|total)\s+(of|at)\s*$",
    re.IGNORECASE,
)
# ... and so is one whose part is a loss: "The NIS figure is lower, at some 4,800, of whom about
# 2,000 were killed", "auf rund 4.500, darunter knapp 1.100 Tote".
_PART_AFTER = re.compile(
    # (also after a full stop: "at some 4,800. Of those, around 1,300 were killed")
    r"\s*[,.]?\s*(of whom|of them|of those|of these|among them|darunter|davon|dont|parmi eux|"
    r"de los cuales|de ellos|"
    r"entre ellos|dos quais|dentre eles|di cui|tra cui|из них|з них),?\s+[^.;]{0,40}$",
    re.IGNORECASE,
)
# People who left their posts are no deployment: "38 North Korean labourers who had fled".
_FLED_AFTER = re.compile(
    r"(\s+[\w-]+){0,4}?\s+(who|that)\s+(had\s+|have\s+|has\s+)?"
    r"(fled|escaped|defected|deserted|ran away)\b|"
    # displaced: "wildfires force 40,000 from their homes"
    r"(\s+[\w-]+){0,2}?\s+(from|out of)\s+their\s+homes\b",
    re.IGNORECASE,
)
# An audience is no deployment: "the museum says more than 3,000 people visited in the first
# five days", "rund 2.000 Menschen besuchten die Ausstellung".
_AUDIENCE_AFTER = re.compile(
    r"(\s+(people|visitors|guests|Menschen|Besucher|personnes|visiteurs|personas|visitantes|"
    r"persone|visitatori|pessoas|человек|людей|осіб))?\s+(have\s+|had\s+)?"
    r"(visited|attended|watched|came\s+to\s+see|besuchten|sahen|ont\s+visité|visitaron|"
    r"asistieron|hanno\s+visitato|visitaram|assistiram|посетил\w*|побывал\w*|відвідал\w*)\b",
    re.IGNORECASE,
)
# Hedge words that may stand between a verb and the figure it governs ("short of about",
# "recruits roughly"); each pattern below adds the other languages' it has met.
_HEDGES_BETWEEN = (
    "some|about|around|roughly|an estimated|at least|more than|nearly|almost|up to|another|"
    "a further"
)
# People a place or employer lacks or needs are not there: "The region is short of about
# 16,000 construction workers".
_NEEDED_BEFORE = re.compile(
    r"(?<!\w)(short of|shortage of|lacks?|lacking|lack of|in need of|needs?|needed|deficit of|"
    r"demand for|"
    # "в крае не хватает почти 40 тыс. рабочих", "es fehlen rund 5.000", "il manque 3 000",
    # "faltan unos 2.000", "mancano circa 1.000", "faltam cerca de 4.000"
    r"не хватает|нехватка|дефицит|не вистачає|бракує|fehlen|Mangel an|manque|manquent|"
    r"pénurie de|faltan|escasez de|mancano|carenza di|faltam|escassez de|carência de)\s+"
    rf"(({_HEDGES_BETWEEN}|почти|около|более|порядка|майже|близько|rund|etwa|knapp|environ|"
    r"près de|quelque|unos|unas|cerca de|casi|circa|quasi|quase)\s+)*$",
    re.IGNORECASE,
)
# People a state recruits at home, the verb after the figure: "sollen bis 2029 weitere 60.000
# Soldatinnen und Soldaten rekrutiert werden", "10,000 more were recruited last year".
_RECRUITED_AFTER = re.compile(
    r"[^.;:]{0,50}?\b(rekrutiert|eingezogen|einberufen|mobilisiert|recruited|conscripted|"
    r"mobili[sz]ed|drafted|recrutés|mobilisés|reclutados|movilizados)\b",
    re.IGNORECASE,
)
# ... and the verb before it: "Russia has about 600,000 troops ... and recruits roughly 30,000
# more each month".
_RECRUITS_BEFORE = re.compile(
    r"\b(recruits|recruited|recruiting|mobili[sz]es|mobili[sz]ed|conscripts|drafts|rekrutiert|"
    rf"recrute|recluta)\s+(({_HEDGES_BETWEEN}|etwa|rund|environ|unos|alrededor de)\s+)*$",
    re.IGNORECASE,
)
# A part of people named just before: "about 9,000 of whom", "200 of them", "dont 300".
_OF_WHOM = re.compile(
    r"^\S+(\s+\S+)?\s+(of whom|of them|davon|dont|de los cuales|de ellos|d'entre eux)\b",
    re.IGNORECASE,
)


def _others_just_before(before: str) -> bool:
    """Whether the words just before a part ("..., about 9,000 of whom") name people troopwatch
    does not count, and no North Koreans."""
    tail = before[-80:]
    return names_other_people(tail) and not mentions_korea(tail)


# An estimate given for the count the article is about: "put the figure at roughly 9,000",
# "puts their number at 12,000", "estimates the total at".
_ESTIMATE_AT_BEFORE = re.compile(
    r"\b(put|puts|putting|estimat\w+|plac\w+)\s+(the|its|their|that)\s+"
    r"(figure|number|total|count|tally|toll|strength)\s+at\s+((some|about|around|roughly|"
    r"an estimated|at least|more than|nearly|almost|up to|as many as|over)\s+)*$",
    re.IGNORECASE,
)
# A figure the sentence denies: "about 1,000 deminers, not 10,000" (a hedged "not more than
# 500" is a count).
_NEGATED_BEFORE = re.compile(r"\b(not|nicht|pas)\s*$", re.IGNORECASE)
# A legal ceiling, not people: "cap overseas deployments at 1,500", "a ceiling of 2,000".
_LIMIT_BEFORE = re.compile(
    r"\b(cap|caps|capped|capping|ceiling|limit|limits|limited|limiting)\b[^,;.]{0,60}"
    r"\b(at|of|to)\s+$",
    re.IGNORECASE,
)
# A figure given as someone's estimate of a number asked about: "Our own estimate is 9,000".
_ESTIMATE_IS_BEFORE = re.compile(
    r"\b(estimate|figure|number|count|assessment|reckoning)\s+(is|was|would be)\s+(between\s+)?$",
    re.IGNORECASE,
)
_PASSAGE = 600  # characters: about a paragraph
# More of the people just named: "another", "a further", "weitere", "otras", "outros", "altri",
# "ещё", "ще".
_MORE_OF_THEM_BEFORE = re.compile(
    r"(?<!\w)(another|a further|weitere|weiteren|otr[oa]s|outr[oa]s|altri|altre|ulteriori|"
    r"ещё|еще|ще)\s+$",
    re.IGNORECASE,
)


def _kinds_counted_before(
    ctx: ArticleContext, figure: Figure, sentence_start: int
) -> list[tuple[Figure, str]]:
    """The earlier figures of the passage that name a personnel type, in article order, each
    with its type."""
    return [
        (f, kind)
        for f in ctx.found
        if sentence_start - _PASSAGE <= f.start < figure.start
        and (kind := subtype_from_words("deployment", f.label))
    ]


def _kind_counted_before(
    ctx: ArticleContext,
    figure: Figure,
    sentence_start: int,
    earlier: Sequence[tuple[int, Deployment | Casualty]] = (),
) -> str | None:
    """The personnel type of the last earlier figure of the passage that names one ("about
    1,000 deminers ... Another 500 are expected": deminers), or of the last deployment made
    from a figure of the passage (``earlier``, as for ``record_from_verdict``), whichever comes
    later."""
    counted = [(f.start, kind) for f, kind in _kinds_counted_before(ctx, figure, sentence_start)]
    made = [
        (start, record.personnel_type.value)
        for start, record in earlier
        if isinstance(record, Deployment) and sentence_start - _PASSAGE <= start < figure.start
    ]
    last = max(counted + made, key=lambda c: c[0], default=None)
    return last[1] if last else None


# "The number" a bare figure gives is the passage's total, not a part named last: "etwa 14.000
# nordkoreanische Soldaten ..., darunter rund 1.500 Pioniere ... Noch im Dezember hatte der HUR
# die Zahl auf 12.000 beziffert".
_THE_NUMBER_AT_BEFORE = re.compile(
    r"\b(the|its|their|that|die|diese|la|le|el|su|sua)\s+(figure|number|total|count|tally|"
    r"estimate|Zahl|Gesamtzahl|Schätzung|chiffre|nombre|total|cifra|número|numero|stima)\s+"
    r"(at|to|auf|à|a|en|em|in)\s+((some|about|around|roughly|rund|etwa|environ|unos|cerca de|"
    r"circa)\s+)?$",
    re.IGNORECASE,
)


def _kind_of_the_total_before(
    ctx: ArticleContext, figure: Figure, sentence_start: int
) -> str | None:
    """The personnel type of the largest earlier figure of the passage that names one."""
    counted = _kinds_counted_before(ctx, figure, sentence_start)
    if not counted:
        return None
    return max(counted, key=lambda c: c[0].count.best or c[0].count.high or 0)[1]


def _group_added_to(ctx: ArticleContext, figure: Figure, start: int) -> str | None:
    """The personnel type of the group a bare figure adds to, which an earlier figure of the
    passage counted ("2.500 militari del genio ... Altri 3.000 dovrebbero partire entro
    giugno": military engineers); None when the figure adds to no group."""
    if not _MORE_OF_THEM_BEFORE.search(ctx.text, start, figure.start):
        return None
    return _kind_counted_before(ctx, figure, start)


# The size of a whole workforce: "That would add North Koreans to a workforce of roughly 12,000
# at the plant".
_WORKFORCE_BEFORE = re.compile(r"\b(a|the|its|their)\s+workforce\s+of\s*$", re.IGNORECASE)
# The speaker's or a person's own unit: "His own company had two men wounded", "Our own
# engineering troops, 200 men, are still working on the fields".
_OWN_UNIT_BEFORE = re.compile(
    r"\b(his|her|our|my)\s+own\s+(\w+\s+)?(company|unit|battalion|brigade|platoon|regiment|"
    r"division|squad|men|troops|soldiers|forces|side|guards)\b[^.;:!?]{0,25}$",
    re.IGNORECASE,
)
# The speaker's own country's forces: "For context, we keep 28,500 troops on the peninsula".
_WE_KEEP_BEFORE = re.compile(
    r"\b(we|wir|nous)\s+(still\s+)?(keep|station|maintain|base|halten|stationieren|"
    r"maintenons|stationnons)\s+((about|some|roughly|around|nearly|almost|over|more than|"
    r"rund|etwa|environ)\s+)?$",
    re.IGNORECASE,
)
# A count of a state's workers abroad, all countries together: "Nordkorea hat rund 50.000
# Arbeiter im Ausland, mehr als 10.000 davon in Russland".
_ABROAD_AFTER = re.compile(
    r"\s+([\w-]+\s+){0,3}?(abroad|overseas|im Ausland|à l'étranger|en el extranjero|"
    r"all'estero|no exterior|no estrangeiro|за рубежом|за границей|за кордоном)\b",
    re.IGNORECASE,
)
# A state's own soldiers, said after the figure: "Rusia tiene unos 60.000 soldados propios",
# "60,000 troops of its own".
_OWN_FORCES_AFTER = re.compile(
    r"(\s+[\w-]+){1,2}?\s+(propios|propias|propres|próprios|própri[ao]s|propri|"
    r"of (its|their) own)\b",
    re.IGNORECASE,
)
# The speaker's side: "The exercise starts next Monday with about 19,000 of our troops" (but a
# prisoner's "About a dozen of our men were killed" counts North Korean losses).
_OURS_AFTER = re.compile(
    r"\s+of\s+(our|my)\s+(own\s+)?(troops|soldiers|forces|servicemen|service\s+members|"
    r"personnel|men)\b",
    re.IGNORECASE,
)
# People a figure counts, named another nation's after "are": "Roughly 3,000 are Russian
# builders from 17 regions".
_OTHERS_ARE_AFTER = re.compile(
    r"\s+(are|were|sind|waren|sont|étaient|son|eran)\s+(\w+\s+)?(Russian|Ukrainian|Chinese|"
    r"Uzbek|Tajik|Kyrgyz|Indian|Central Asian|russische\w*|ukrainische\w*|russes|ukrainiens|"
    r"rusos|ucranianos)\b",
    re.IGNORECASE,
)
# A figure a correction note withdraws: "An earlier version of this story ... said about 10,000".
_EARLIER_VERSION = re.compile(
    r"\b(an?|the)\s+earlier\s+version\s+of\s+this\s+(story|article|report|item)\b", re.I
)
# The kind of people a figure counts, named after "are": "of whom roughly 2,000 are engineering
# troops".
_PREDICATE_NOUN = re.compile(
    # "Around 1,000 of the newcomers are sappers"
    r"\s*(?:of\s+(?:them|these|those|(?:the|these|those)\s+[\w-]+)\s+)?"
    r"(?:are|were|sind|waren|sont|étaient|son|eran)\s+((?:[\w-]+\s+){0,2}[\w-]+)",
    re.I,
)
# What a relative clause says the people counted do: "J'en compte au moins 1 000 qui déminent
# les champs autour de Soudja".
_RELATIVE_CLAUSE = re.compile(
    r"\s*(?:who|qui|que|che|die|der|которые|які)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", re.IGNORECASE
)
# A noun phrase set off by commas after a figure's clause names the people it counts:
# "roughly 4,500 new arrivals so far, infantry and drone operators, now positioned ...",
# "около 2 тыс., в основном сапёры, ..." (a phrase of at most four words with no verb of saying).
_APPOSITION = re.compile(
    r",\s*(?:(?:mostly|mainly|largely|chiefly|all|many of them|most of them|meist|vor allem|"
    r"surtout|principalement|sobre todo|principalmente|soprattutto|в основном)\s+)?"
    r"((?:(?!(?:said|says|say|according|estimates?|believes?|told|reports?|sagte|laut|selon|"
    r"según|segundo|secondo|сообщил\w*|заявил\w*)\b)[^\W\d][\w'-]*\s*){1,4})(?=[,.;)\n])",
    re.IGNORECASE,
)
# A military formation: people counted as one are soldiers.
_MILITARY_UNIT = re.compile(
    r"\b(battalions?|brigades?|regiments?|divisions?|platoons?|Bataillons?|Brigaden|"
    r"Regimente?|régiments?|batallón|batallones|brigadas?|regimientos?|"
    r"batalhão|batalhões|battaglion[ei]|brigat[ae]|reggimenti|reggimento|батальон\w*|"
    r"бригад\w*|полк\w*)\b",
    re.IGNORECASE,
)
# What a bare number bought counts things: "adding to the 54 it ordered in 2024".
_BOUGHT_AFTER = re.compile(
    r"\s+(it|they|we)\s+(had\s+|has\s+|have\s+)?(ordered|bought|purchased|acquired)\b", re.I
)


# North Koreans as people, with no kind named: soldiers, unless their sentence puts them to work.
_NORTH_KOREANS = re.compile(r"\bNorth Koreans\b|\bNordkoreaner\b|\bNord-Coréens\b", re.I)
# "Men" as the noun a figure counts: "5 000 hommes rentrés au pays", "rund 6.000 Mann".
_MEN = re.compile(r"^\S+(\s+\S+){0,3}?\s+(men|Mann|Männer|hommes|hombres|uomini|homens)\b", re.I)
_AT_WORK = re.compile(
    r"\b(work\w*|labou?r\w*|jobs?|construction sites?|factor(y|ies)|farms?|logging|wages?|"
    r"Arbeit\w*|travail\w*|trabaj\w*)\b",
    re.IGNORECASE,
)


def _kind_of(record: Deployment | Casualty) -> tuple[str, str]:
    if isinstance(record, Deployment):
        return "deployment", record.personnel_type.value
    return "casualty", record.casualty_type.value


def _record_kind(
    kind: tuple[str, str],
    figure: Figure,
    ctx: ArticleContext,
    screened: Screened,
    earlier: Sequence[tuple[int, Deployment | Casualty]] = (),
) -> tuple[str, str] | None:
    """The record type and subtype of a figure the model called ``kind`` (None: no record);
    ``earlier`` as for ``record_from_verdict``."""
    s, e = screened.start, screened.end
    personnel, casualty = screened.personnel, screened.casualty
    record_type, subtype = kind
    # The figure's own words name its kind more reliably than a small model, which drifts to
    # one enum value; "construction workers" may rightly be construction troops in context.
    named = (
        personnel
        if record_type == "deployment"
        # a verb of loss just before the figure beats one in its label ("had killed 27 North
        # Koreans and wounded dozens more")
        else loss_verb_before(ctx.text, figure.start)
        or subtype_from_words(record_type, figure.label)
    )
    if named is None and record_type == "deployment" and casualty is None:
        # a bare figure ("That compares with the 10,000 that the Pentagon gave") counts the
        # kind of people named just before it, not whatever the model drifted to
        named = (
            _kind_of_the_total_before(ctx, figure, s)
            if _THE_NUMBER_AT_BEFORE.search(ctx.text, s, figure.start)
            else None
        ) or personnel_named_last(_sentence_and_previous(ctx, s, figure.start))
        if named is None and (
            _MORE_OF_THEM_BEFORE.search(ctx.text, s, figure.start)
            or _ADDED_AFTER.match(ctx.text, figure.end)
        ):
            # "about 1,000 deminers ... At least seven of them have been killed. Another 500 are
            # expected to follow": more of the kind an earlier figure of the passage counted,
            # or of the deployment made last from it ("близько 15 тисяч громадян КНДР,
            # здебільшого на будівництва ... Ще 5 тисяч очікують": the workers made of citizens)
            named = _kind_counted_before(ctx, figure, s, earlier)
        if (
            _NORTH_KOREANS.search(screened.evidence)
            and _AT_WORK.search(screened.evidence)
            and personnel_in_phrase(screened.evidence) is None
        ):
            # "several hundred North Koreans on 'internship' visas are working on building
            # sites": people at work, whatever kind the sentence before named
            named = "workers"
        if (
            named is None
            and (
                _NORTH_KOREANS.search(_sentence_and_previous(ctx, s, e)) or _MEN.match(figure.label)
            )
            and not _AT_WORK.search(screened.evidence)
        ):
            # "as many as 15,000 North Koreans are in Russia now"; "How many North Koreans
            # face you? - We count about 1,500 in our sector"; "5 000 hommes rentrés au pays"
            named = "troops"
        if named is None and _ESTIMATE_IS_BEFORE.search(ctx.text, s, figure.start):
            # an estimate answering a question two sentences back: "Seoul says about 10,000
            # North Korean soldiers are still there. Does that match your picture? - It's in
            # the right range. Our own estimate is 9,000 to 11,000"
            passage = ctx.text[max(0, s - _PASSAGE // 2) : figure.start]
            if mentions_korea(passage):
                named = personnel_named_last(passage)
        if (
            named is None
            and subtype not in ("troops", "other")
            and not names_personnel(ctx.text[max(0, s - _PASSAGE) : e], subtype)
        ):
            # "The Ukrainians are telling us 16,000", "HUR believes the real number is higher:
            # up to 14,000": no word for the kind the model gave is near, so the bare figure
            # counts the kind the passage counted last
            named = _kind_counted_before(ctx, figure, s)
    if named and not (subtype == "construction_troops" and "construction" in figure.label.lower()):
        subtype = named
    if record_type == "deployment":
        # "killed 36 North Korean soldiers": the clause names a casualty whatever the model said
        if casualty is not None:
            record_type, subtype = "casualty", casualty
    elif (
        casualty is None
        and moves_people(ctx.text[slice(*clause_around(ctx.text, figure.start, figure.end))])
        and (
            present := personnel
            or personnel_named_last(_sentence_and_previous(ctx, s, e))
            or _gone_home(ctx, figure, s, e)
        )
    ):
        # "plans to send up to 2,000 more deminers", "its troops had fought in Kursk, and some
        # 10,000 are still in Russia": people sent or there, not lost
        record_type, subtype = "deployment", present
    elif casualty is None and not names_losses(
        _sentence_and_previous(ctx, s, _next_figure_start(ctx, figure, e))
    ):
        # "the BND had put the number of North Korean soldiers in Russia at up to 15,000": no
        # word of loss in the sentence or the one before it, so the figure counts people present;
        # words after the next figure are its own ("put the number at between 9,000 and 10,000
        # and said North Korean units had suffered more than 6,000 killed or wounded")
        present = personnel or subtype_from_words("deployment", screened.evidence)
        if present is None:
            # "близько 12 тисяч військових КНДР. Ще до 4 тисяч ... можуть прибути": more of
            # the group just counted, whatever loss the model saw
            present = _group_added_to(ctx, figure, s)
        if present is None:
            # "How many went home? - About 3,500, over the winter": the people the question
            # moves, soldiers unless it names another kind
            question = _question_answered(ctx.text, figure, s)
            if _HOW_MANY.search(question) and moves_people(question):
                present = personnel_in_phrase(question) or "troops"
        if present is None:
            return None
        record_type, subtype = "deployment", present
    elif named in ("killed", "wounded") and killed_and_wounded_after(
        ctx.text[figure.end : figure.end + 60]
    ):
        subtype = "killed_or_wounded"  # the label stopped at "killed" of "killed, wounded"
    elif not named:
        # "about 300 had been killed and some 2,700 wounded": the figure's own predicate names
        # its casualty type; the model tends to one value for every figure of a sentence. A bare
        # figure whose sentence names no loss at all counts the losses named just before it:
        # "Ukraine was holding ten North Korean prisoners. The correct figure is eight." (but
        # "2,400 North Koreans had lost their lives" names its own)
        # ("... more than 6,000 killed or wounded; the NIS gave a lower figure, around 4,700":
        # the loss words before the semicolon are the last ones named, not the figure's own)
        # A clause that names its losses with no type next to the figure types it by the words
        # it has ("the North's casualties, dead and wounded combined, have passed 6,000"; "had
        # lost their lives" has none, and the model's type stands)
        own_clause = ctx.text[slice(*clause_around(ctx.text, figure.start, figure.end))]
        named_last = (
            casualty_named_last(own_clause)
            if names_losses(own_clause)
            else casualty_named_last(_sentence_and_previous(ctx, s, figure.start))
        )
        subtype = casualty or (personnel is None and named_last) or subtype
    if (record_type, subtype) == ("deployment", "other") and personnel is None:
        # anyone else sent is named ("60 military instructors", "staff"): "12 slides", "two
        # North Korean guides" are the model's guess
        head = re.split(r"[,;.!?\n]", ctx.text[figure.end : figure.end + 60])[0]
        if not names_someone(f"{figure.label} {' '.join(head.split()[:4])}"):
            return None
    return record_type, subtype


def _gone_home(ctx: ArticleContext, figure: Figure, start: int, end: int) -> str | None:
    """Soldiers ("troops") when a figure's clause says its people went home, in a passage about
    North Korea that names no kind of people ("Os serviços secretos dizem que cerca de 3.000
    regressaram a casa no outono, mas foram logo substituídos"); else None."""
    status = deployment_status_at(ctx.text, figure.start, figure.end, DeploymentStatus.unknown)
    if status is DeploymentStatus.completed and _korea_in_passage(ctx, start, end):
        return "troops"
    return None


def _small(figure: Figure) -> bool:
    """Whether a figure counts fewer than 100 at most. Of about 300 labelled deployments only
    three are that small, and each names North Korea or North Koreans in its sentence ("They are
    North Korean, and about 60 of them ..."); most small groups in an article are someone
    else's (an assault group, a crew, a delegation)."""
    return max(figure.count.numbers, default=100) < 100


def _total_of_a_loss(ctx: ArticleContext, figure: Figure) -> bool:
    """Whether a bare figure is a total whose part, named next, is a loss: "at some 4,800, of
    whom about 2,000 were killed" (the next figure's words say killed or wounded)."""
    nxt = next((f for f in ctx.found if f.start >= figure.end), None)
    if nxt is None or not _PART_AFTER.fullmatch(ctx.text, figure.end, nxt.start):
        return False
    part = ctx.screened.get(nxt.start)
    if part is None:
        return False
    loss = part.casualty or subtype_from_words("casualty", nxt.label)  # "knapp 1.100 Tote"
    return loss in ("killed", "wounded")


def record_from_verdict(
    verdict: FigureVerdict,
    figure: Figure,
    ctx: ArticleContext,
    earlier: Sequence[tuple[int, Deployment | Casualty]] = (),
) -> Deployment | Casualty | None:
    """The deployment or casualty record a figure verdict describes (None: not a record).

    ``earlier`` holds the records already made from this article's figures, with each figure's
    start, in article order: a bare figure may repeat or update one of them.
    """
    kind = FIGURE_KINDS[verdict.counts]
    screened = ctx.screened.get(figure.start) or screen_figure(figure, ctx)
    if screened is None:
        return None
    evidence, s, e = screened.evidence, screened.start, screened.end
    # "rund 2.000 Toten" names its loss in its label, though its clause gives no casualty type
    bare = (
        screened.personnel is None
        and screened.casualty is None
        and subtype_from_words("casualty", figure.label) is None
    )
    before = ctx.text[s : figure.start]
    if (
        bare
        and figure.count.value is not None
        and not _adds_to_a_group(ctx, figure)
        and any(_numbers(r.count) == _numbers(figure.count) for _, r in earlier)
    ):
        return None  # "We now have six North Koreans." repeats the six captured (rule d)
    updated = [r for start, r in earlier if s <= start] if bare else []
    if updated and _UPDATES_BEFORE.search(before):
        # "up from the two it announced": the kind of the count it updates, even where the
        # model saw only an old number
        record_type, subtype = _kind_of(updated[-1])
    else:
        if kind is None and _HOW_MANY.search(_question_answered(ctx.text, figure, s)):
            # "Q113 Chair: How many went home? - Lt Gen Cole: About 3,500, over the winter": an
            # answer to a question of how many, which the model took for something else; its
            # kind is read from the words as for any deployment or casualty
            kind = ("deployment", "troops")
        if kind is None and _ESTIMATE_AT_BEFORE.search(before):
            # "The lowest estimate comes from the Centre ..., which put the figure at roughly
            # 9,000": an estimate of the article's count, whatever the model said; its kind is
            # read from the words as for any deployment or casualty
            kind = ("deployment", "troops")
        if (
            kind is None
            and screened.casualty is None
            and _group_added_to(ctx, figure, s) is not None
        ):
            # "около 2 тыс. военных строителей ... Ещё 3 тыс. ожидаются до лета": more of the
            # group a figure just before counted, which the model took for something else; the
            # kind is the one counted before (_record_kind)
            kind = ("deployment", "troops")
        if kind is None:
            return None
        typed = _record_kind(kind, figure, ctx, screened, earlier)
        if typed is None:
            return None
        record_type, subtype = typed
        if record_type == "deployment" and _small(figure) and not refers_to_north_korea(evidence):
            return None  # "a Russian assault group of about 30 men", "31 crew": a group this
            # small sent or stationed is named as North Korean in its own sentence
        if record_type == "casualty" and bare and _A_TOTAL_BEFORE.search(before):
            subtype = "killed_or_wounded"  # "In June the agency had given a total of 3,800"
        if bare and _total_of_a_loss(ctx, figure):
            # "at some 4,800, of whom about 2,000 were killed": a toll, whatever the model
            # called it
            record_type, subtype = "casualty", "killed_or_wounded"
    context = _context(ctx, s, e)
    reasons = []
    if not qualifier_consistent(figure.count, evidence):
        reasons.append(f"qualifier {figure.count.qualifier.value!r} contradicts the quote")
    grounding = Grounding(
        grounded=not reasons, reasons=reasons, evidence_start=s, evidence_end=e, match="exact"
    )
    fallback = deployment_status_from_words(context, verdict.status)
    question = _question_answered(ctx.text, figure, s)
    if question:
        # an answer with no word of its own takes the question's: "How many went home? -
        # About 3,500, over the winter"
        fallback = deployment_status_at(question, len(question), len(question), fallback)
    status = deployment_status_at(ctx.text, figure.start, figure.end, fallback)
    if status is DeploymentStatus.unknown:
        # a headcount with no word of plans or of a return is the count there now ("bringing
        # the contingent to some 13,000"): 191 of 282 labelled deployments are ongoing, 2 are
        # unknown, and a small model answers "unknown" when it is unsure
        status = DeploymentStatus.ongoing
    common: dict[str, Any] = {
        "claimant": _claimant(ctx, None, s, e),
        "hedge": infer_hedge(context, status if record_type == "deployment" else None),
        "time": parse_time(verdict.time_text, ctx.reference_date),
        "evidence": evidence,
        "grounding": grounding,
        "count": figure.count,
        "location": place_near(ctx.text, figure.start, figure.end, (s, e)),
    }
    if record_type == "deployment":
        sending, host = deployment_direction(ctx.text[s:e])
        return Deployment(
            personnel_type=subtype,
            sending_state=sending,
            host_state=host,
            status=status,
            **common,
        )
    return Casualty(casualty_type=subtype, affected="North Korean troops", **common)


# General words for things that move, whose kind the model's category may tell: "technologies",
# "artillería", "Russian AK-12 rifles".
_GENERAL_ITEM = re.compile(
    r"technolog|tecnolog|artill|\barm(s|as|es|i)\b|weapon|waffen|rifle|fusil|equipment|"
    r"équipement|equipo|materiale|systems?\b|systèmes|sistemas|sistemi|комплекс|систем|техн|"
    r"вооруж|оруж",
    re.IGNORECASE,
)


def records_from_exchange(draft: ExchangeDraft, ctx: ArticleContext) -> list[Exchange]:
    """Exchange records for one drafted item, one per category its words name."""
    if names_people(draft.item):
        return []  # people sent are deployments, never exchanges
    reasons: list[str] = []
    span = locate(draft.item, ctx.text)
    if span.kind != "none" and not _korea_near(ctx, span.start, ahead=True):
        return []  # Russian wheat sold to Egypt is not part of this exchange
    sentence = sentence_around(ctx.text, span.start, span.end) if span.kind != "none" else None
    words = ctx.text[slice(*sentence)] if sentence is not None else None
    context = _context(ctx, *sentence) if sentence is not None else draft.item
    if span.kind != "none" and not states_a_transfer(context):
        return []  # "drones struck a fuel depot": the item is there, no exchange is
    if words is not None:
        if (
            _RUSSIAN_BEFORE.search(ctx.text, max(0, span.start - 12), span.start)
            and not refers_to_north_korea(words)
            and direction_from_words(words) is None
        ):
            # "Russian missiles and drones struck energy facilities": Russia's own, not "Russian
            # wheat and flour now reach Rason"
            return []
        if _FUNDS_BEFORE.search(ctx.text, max(0, span.start - 60), span.start):
            return []  # "money it says funds the country's missile programme": its own
        if china_not_russia(words):
            return []  # "comerciantes chinos suministraron a Corea del Norte ... petróleo"
    categories = categories_of(draft.item)
    if not categories and span.kind != "none":
        # "des technologies destinées à un sous-marin à propulsion nucléaire": the words after
        # a general item, to the end of its clause, say what it is
        tail = re.split(r"[,;.!?:\n]", ctx.text[span.end : span.end + 80], maxsplit=1)[0]
        categories = categories_of(f"{draft.item} {tail}")[:1]
    if (
        not categories
        and not _GENERAL_ITEM.search(draft.item)
        and draft.category not in categories_of(words or "")
    ):
        # no word of any kind of item ("tuberculosis"), and the sentence names no item of the
        # model's category either: a guess about nothing that moves (but "Pjöngjang" drafted
        # from "Russland unterstütze Pjöngjang beim Bau eines atomgetriebenen U-Boots" keeps
        # its category, which the sentence names)
        return []
    categories = categories or [draft.category]
    # the context's own words ("North Korea receives ... from Russia") first; then what an
    # item of this kind almost always is (oil goes north, shells go west); the model last, as
    # a 1.5B model leans to "North Korea to Russia" whatever the item
    # A sentence may join two transfers: "North Korea has shipped Russia ammunition, and Moscow
    # is paying for it in oil": the item's own clause speaks first, and when it is silent
    # the other clause's cue is not the item's.
    own = (
        _direction_in_own_clause(ctx, span.start, words, categories[0], draft.item)
        if words is not None
        else None
    )
    main = direction_from_words(context)
    # a subheading's direction when the sentence has none ("Cosa riceve in cambio" over
    # "Petrolio raffinato, anzitutto, ...")
    heading = section_direction(ctx.text, span.start) if span.kind != "none" else None
    if sentence is not None and _in_return_for(ctx.text, sentence[0], span.start):
        # "En échange de ses obus ..., Pyongyang reçoit de Moscou du pétrole": what the
        # sentence's transfer pays for goes the other way (and so under a heading: "the
        # deliveries were payment for artillery shells")
        main = (main[1], main[0]) if main else None
        heading = (heading[1], heading[0]) if heading else None
        own = None
    if (
        not (own or main or heading)
        and span.kind != "none"
        and not (names_russia(context) or mentions_korea(context))
        and not _AS_PAYMENT.search(context)
    ):
        # no words for a direction and neither state named: "missiles" paraded through a square
        # (but "Hard currency is likely part of the payment" is what the exchange pays with)
        return []
    direction = (
        own
        or main
        or heading
        or typical_direction(categories[0], draft.item)
        or EXCHANGE_DIRECTIONS[draft.direction]
    )
    if direction is None:
        return []  # an exchange between other states is outside troopwatch's scope
    provider, recipient = direction
    if span.kind == "none":
        evidence, s, e = draft.item, None, None
        status = draft.status
        reasons.append("item not found in the article")
    else:
        evidence, s, e = _evidence(ctx, span.start, span.end)
        status = exchange_status_at(
            ctx.text, span.start, span.end, exchange_status_from_words(context, draft.status)
        )
        if _in_blocked(ctx, span.start):
            reasons.append("evidence is text addressed to AI systems")
    grounding = Grounding(
        grounded=not reasons,
        reasons=reasons,
        evidence_start=s,
        evidence_end=e,
        match=span.kind if span.kind in ("exact", "normalized", "fuzzy") else "none",
    )
    return [
        Exchange(
            category=category,
            item=draft.item,
            provider=provider,
            recipient=recipient,
            status=status,
            claimant=_claimant(ctx, draft.claimant, s, e),
            hedge=infer_hedge(context),
            time=parse_time(draft.time_text, ctx.reference_date),
            evidence=evidence,
            grounding=grounding,
        )
        for category in categories
    ]


def exchanges_from_words(ctx: ArticleContext) -> list[Exchange]:
    """Exchanges a sentence states in so many words: a category's name plus a clear direction.

    A 1.5B model skips items in long lists ("military technology, fuel, food supplies, and
    financial aid"); this recovers them. It runs after the model's pass, whose records win on
    duplicates, and it only fires where the direction is unambiguous in the sentence itself.
    """
    records: list[Exchange] = []
    folded = fold(ctx.text)
    sentences = sentence_spans(ctx.text)
    # for each category, the sentences it may match in: one pass over the article's fold
    found = category_sentences(folded, sentences)
    if not found:
        return records  # no category's words in any sentence of the article
    categories = [entry for entry, _ in found]
    maybe = [may for _, may in found]
    for k, (s, e) in enumerate(sentences):
        here = [entry for entry, may in zip(categories, maybe, strict=True) if may[k]]
        if not here:
            continue  # no category's words in this sentence (category_mentions would say [])
        if (
            _in_blocked(ctx, s)
            or is_furniture_at(ctx.text, s)
            or (
                in_heading(ctx.text, s)
                and not in_lead_in_list(ctx.text, s)
                and not is_table_row(line_at(ctx.text, s))
            )
        ):
            # a headline restates the body in fewer words, and often loses who gives what
            # ("proyectiles a cambio de defensa antiaérea y cazas"); a bulleted line under a
            # lead-in ("Was Moskau liefert:" then "- Weizen") is a list item, and a table row
            # ("Wheat and flour | Russian customs | Delivered") a claim, not a headline
            continue
        mentions = category_mentions(ctx.text[s:e], folded[s:e], here)
        if not mentions or china_not_russia(ctx.text[s:e]):
            continue  # no item, or one that moves between China and North Korea
        way_back = None
        if _OTHER_WAY.search(ctx.text, s, e) and not any(direction_cues(ctx.text[s:e])):
            # "In umgekehrter Richtung fließt Öl.": the way back from the sentence before, whose
            # cues (read with it as context) would give the wrong way
            way_back = _way_back(ctx, sentences, k)
            if way_back is None:
                continue  # the sentence before says no one way: the model decides
        context = ctx.text[s:e] if way_back else _context(ctx, s, e)
        to_nk, to_russia = direction_cues(context)
        # no direction word, but a subheading above says which way ("What Moscow gives")
        section = None if to_nk or to_russia or way_back else section_at(ctx.text, s)
        heading = way_back or (section.direction if section else None)
        if not (to_nk or to_russia or heading):
            # or a question just before it asks which way ("E o que Kim ganha com isso?")
            heading = question_direction(ctx.text, s)
        # no direction word, but both states and a transfer in the sentence ("Moscow could
        # share know-how for naval reactors, which Pyongyang needs"): each item goes the way
        # its kind always does
        sentence = ctx.text[s:e]
        both_named = not (to_nk or to_russia) and (
            (mentions_korea(sentence) and names_russia(sentence) and moves_something(sentence))
            # or what the exchange pays with: "much of it is paid in roubles"
            or bool(_AS_PAYMENT.search(sentence))
        )
        if (
            not (to_nk or to_russia or both_named or heading)
            # North Korea named near the sentence, or near the heading over a long table
            or not (
                _korea_near(ctx, s, ahead=True) or (section and _korea_near(ctx, section.start))
            )
            # a heading that says which way ("WHAT PYONGYANG RECEIVED") says that things move,
            # unless the sentence denies it ("Moscow denies any sale")
            or not ((heading and not denies_transfer(context)) or states_a_transfer(context))
        ):
            continue
        fallback = exchange_status_from_words(context, ExchangeStatus.unknown)
        if fallback is ExchangeStatus.unknown and section is not None:
            # "What Pyongyang has received" over a list with no verbs: received
            fallback = exchange_status_from_words(section.heading, fallback)
        # the sentence's claimant and hedge, the same for each of its items
        claimant, hedge = _claimant(ctx, None, s, e), infer_hedge(context)
        # a list item read with its lead-in keeps the one way its own words give ("- In return,
        # North Korea could begin exporting finished drones to Russia" under a lead-in whose
        # other items go to North Korea)
        own_way = (
            direction_from_cues(*direction_cues(sentence)) if len(context) > len(sentence) else None
        )
        for category, ms, me in mentions:
            if _not_an_item(ctx.text, s, s + ms, s + me):
                continue
            item = ctx.text[s + ms : s + me]
            status = exchange_status_at(ctx.text, s + ms, s + me, fallback)
            # one way in the words: that way; both ways (a sentence about the swap itself):
            # each item goes the way its kind always does, or is left to the model
            direction = _direction_in_own_clause(ctx, s + ms, sentence, category, item)
            if category is ExchangeCategory.weapons and _NK_OWN_BEFORE.search(
                ctx.text, max(0, s + ms - 25), s + ms
            ):
                # "North Korea's weapons have become a fixture of Russia's war ..., and Moscow
                # is paying with fuel": North Korea's own arms go to Russia, whoever pays
                direction = ("North Korea", "Russia")
            one_way = own_way or direction_from_cues(to_nk, to_russia) or heading
            if direction is None and one_way and _in_return_for(ctx.text, s, s + ms):
                # the sentence's one way is the main transfer's; what it pays for goes back
                direction = (one_way[1], one_way[0])
            direction = direction or one_way
            direction = direction or (
                typical_direction(category, item) if (to_nk and to_russia) or both_named else None
            )
            if direction is None:
                continue
            provider, recipient = direction
            records.append(
                Exchange(
                    category=category,
                    item=item,
                    provider=provider,
                    recipient=recipient,
                    status=status,
                    claimant=claimant,
                    hedge=hedge,
                    time=TimeSpan(),
                    evidence=ctx.text[s:e],
                    grounding=Grounding(
                        grounded=True, evidence_start=s, evidence_end=e, match="exact"
                    ),
                )
            )
    return records


def _way_back(
    ctx: ArticleContext, sentences: list[tuple[int, int]], k: int
) -> tuple[str, str] | None:
    """The reverse of the one way the sentence before sentence ``k`` (in its paragraph) states:
    "Mosca ha consegnato sistemi antiaerei Pantsir. In senso opposto viaggiano lanciarazzi"."""
    if k == 0:
        return None
    s, e = sentences[k - 1]
    if "\n\n" in ctx.text[e : sentences[k][0]]:
        return None
    way = direction_from_cues(*direction_cues(ctx.text[s:e]))
    return (way[1], way[0]) if way else None


def _context(ctx: ArticleContext, start: int, end: int) -> str:
    """The evidence sentence, plus the lead-in when it is a list item ("including:" + "oil,")."""
    sentence = ctx.text[start:end]
    short = len(sentence.split()) < 8
    before = ctx.text[:start].rstrip()
    colon = before.rfind(":")
    if (
        colon >= 0
        and start - colon < 400
        and (
            short
            or _list_shaped(ctx.text[colon + 1 : start])
            or in_lead_in_list(ctx.text, start)  # "Was Moskau liefert:" then "- Erdöl, ..."
        )
    ):
        # inside a list introduced by a colon
        lead_start = max(ctx.text.rfind("\n\n", 0, colon), ctx.text.rfind(". ", 0, colon)) + 1
        return ctx.text[lead_start:end]
    return sentence


def _list_shaped(between: str) -> bool:
    """Whether the lines between a colon and an item are list items ("oil,", "food;")."""
    lines = [line.strip() for line in between.splitlines() if line.strip()]
    return bool(lines) and all(
        line.endswith((",", ";", ":")) or len(line.split()) < 8 for line in lines
    )


def _found(ctx: ArticleContext, phrase: str | None) -> str | None:
    """``phrase`` when the article contains it (allowing small differences), else None.

    A small model sometimes copies a name or place from the prompt's worked example; a
    claimant or location the article does not mention is dropped rather than reported.
    """
    if not phrase or not phrase.strip():
        return None
    return phrase if locate(phrase, ctx.text).kind != "none" else None


def _korea_near(ctx: ArticleContext, position: int, *, ahead: bool = False) -> bool:
    """Whether North Korea is named in the figure's sentence or the text just before it (a
    paragraph or a list's lead-in names the subject once for several figures); with ``ahead``
    (exchange items), also later in the sentence's paragraph."""
    spans = sentence_spans(ctx.text)  # in text order: the last one starting at or before
    k = bisect_right(spans, position, key=lambda sp: sp[0])
    end = spans[k - 1][1] if k else position + 200
    if ahead:
        # ... or later in its paragraph: "O que o regime ganha com isso? Para o NIS, a Rússia já
        # entregou petróleo refinado. Analistas suspeitam de ajuda ao submarino de Pyongyang."
        paragraph_end = ctx.text.find("\n\n", end)
        end = max(end, min(paragraph_end if paragraph_end >= 0 else len(ctx.text), end + 400))
    start = max(0, position - 400)
    # a live blog's entry starts at its time stamp: the entry before is about something else
    stamps = [m.end() for m in ENTRY_STAMP.finditer(ctx.text, start, position)]
    return mentions_korea(ctx.text[stamps[-1] if stamps else start : end])


def _claimant(
    ctx: ArticleContext, proposed: str | None, start: int | None, end: int | None
) -> str | None:
    """Who the claim is attributed to.

    Code reads attributions more reliably than a 1.5B model, which tends to give every figure
    the nearest name or one of the two states: an attribution in the claim's own sentence (or
    earlier in its paragraph) wins; then the model's claimant when the article names it (a
    back-reference such as "the agency" resolved to the name it stands for); then the source
    an earlier paragraph passes on (:func:`carried_over`: only to a paragraph that goes on with
    its report or to an item of its list), else none.
    """
    if start is None or end is None:
        found = _found(ctx, proposed)
        return resolve_name(found, len(ctx.text), ctx.sources) if found else None
    cell = _source_cell(ctx.text, start)
    if cell:
        return cell  # "Tropas en la región de Kursk | unos 9.000 | NIS | En el frente"
    s, e = sentence_around(ctx.text, start, end)
    context_start = min(s, start)
    named = claimant_at(ctx.text, context_start, max(e, end), ctx.sources)
    if named:
        return named
    found = _found(ctx, proposed)
    if found:
        resolved = resolve_name(found, start, ctx.sources)
        if resolved:
            return resolved
    return carried_over(ctx.text, context_start, ctx.sources)


# A table's column of sources: "Fuerza | Cifra | Fuente | Situación".
_SOURCE_COLUMN = re.compile(
    r"(sources?|claimed by|according to|fuentes?|según|quelle|quellen|laut|fonte|fonti|"
    r"источник|джерело)",
    re.IGNORECASE,
)


def _source_cell(text: str, position: int) -> str | None:
    """The cell under a table's source column in the row at ``position`` ("NIS"), if the row's
    table has a header row that names one."""
    bounds = table_row_at(text, position)
    if bounds is None:
        return None
    line_start = bounds[0]
    row = header = text[slice(*bounds)]
    pos = line_start
    while pos > 0:  # the first row of the table the row belongs to
        previous_start = text.rfind("\n", 0, pos - 1) + 1
        previous = text[previous_start : pos - 1]
        if not is_table_row(previous):
            break
        header, pos = previous, previous_start
    if header == row:
        return None
    columns = [c.strip() for c in header.split(" | ")]
    cells = [c.strip() for c in row.split(" | ")]
    for k, column in enumerate(columns):
        if (
            _SOURCE_COLUMN.fullmatch(column)
            and k < len(cells)
            and any(ch.isalpha() for ch in cells[k])
        ):
            return cells[k]
    return None


def _numbers(count: Count) -> tuple[int | None, int | None, int | None]:
    """A count's numbers: "about 11,000" repeats "11,000", but a range of 10,000 to 12,000 is
    another estimate, though its midpoint is 11,000."""
    return count.low, count.best, count.high


def _dedupe_key(record: Record) -> tuple:
    if isinstance(record, Deployment):
        return ("d", record.personnel_type, _numbers(record.count))
    if isinstance(record, Casualty):
        return ("c", record.casualty_type, _numbers(record.count))
    # one exchange record per category and direction (evals/README.md, rule c)
    return ("e", record.category, record.provider.lower(), record.recipient.lower())


def _adds_to_a_group(ctx: ArticleContext, figure: Figure) -> bool:
    """Whether a figure counts people added to a group: "up to 3,000 more troops", "another
    3,000", "a second contingent of 3,000", "weitere 3.000", "3 000 soldats de plus"."""
    screened = ctx.screened.get(figure.start)
    before = ctx.text[screened.start if screened else max(0, figure.start - 200) : figure.start]
    return bool(
        _ADDED_BEFORE.search(before)
        or _MORE_OF_THEM_BEFORE.search(before)
        or _ADDED_AFTER.match(ctx.text, figure.end)
    )


def _another_group(record: Record, kept: list[Record], added: set[int]) -> bool:
    """Whether a deployment with the numbers of one already kept is another group of people,
    not a repeat: one of the two is counted as added (its id is in ``added``: "about 3,000
    troops were sent ... up to 3,000 more are being readied") and their statuses differ. The
    same figure read twice with two statuses, or "3,000 more" repeated in the lead and the
    body, stays one record."""
    return (
        isinstance(record, Deployment)
        and all(record.status != other.status for other in kept)
        and (id(record) in added or any(id(other) in added for other in kept))
    )


def lead_summary(body: str, max_sentences: int = 2, max_words: int = 70) -> str:
    """An extractive summary: the article's first prose sentences (headlines skipped)."""
    chosen: list[str] = []
    words = 0
    for s, e in iter_sentence_spans(body):  # the first few sentences: split no further
        sentence = " ".join(body[s:e].split())
        if len(sentence.split()) < 8 or not sentence.endswith((".", "!", "?", "”", '"')):
            continue
        chosen.append(sentence)
        words += len(sentence.split())
        if len(chosen) >= max_sentences or words >= max_words:
            break
    return " ".join(chosen) or " ".join(body.split())[:300]


# ------------------------------------------------------------------------------------------
# One article, many articles
# ------------------------------------------------------------------------------------------


def extract_article(
    article: Article, backend: Backend, *, strict: bool = False, in_scope_hint: bool | None = None
) -> ArticleSummary:
    """Run every pass over one article and assemble its ``ArticleSummary``.

    ``in_scope_hint`` overrides the scope check for a part of a longer article (pipeline.chunking):
    a middle chunk need not name Russia for the article to be about it.
    """
    start = time.perf_counter()
    ctx = prepare(article.text, article.reference_date)
    completions: list[Completion[Any]] = []
    candidates: list[Record] = []
    added: set[int] = set()  # ids of the records whose figure counts people added to a group
    # An article that never names Russia or the war cannot hold a record; one with no figures
    # cannot hold a deployment or casualty. Neither costs a model call.
    relevant = in_scope(ctx.text) if in_scope_hint is None else in_scope_hint
    if relevant and ctx.figures:
        messages = render_messages(ctx.body, "figures", ctx.labels)
        # a verdict takes about 50 tokens: room for every figure, and a bound on a runaway answer
        completion = backend.complete(
            messages, figures_model(ctx.labels), max_tokens=64 + 90 * len(ctx.figures)
        )
        completions.append(completion)
        made: list[tuple[int, Deployment | Casualty]] = []
        for figure, (_, verdict) in zip(ctx.figures, completion.parsed, strict=True):
            record = record_from_verdict(verdict, figure, ctx, made)
            if record is not None:
                made.append((figure.start, record))
                if _adds_to_a_group(ctx, figure):
                    added.add(id(record))
                candidates.append(record)
    if relevant:
        completion = backend.complete(
            render_messages(ctx.body, "exchanges", ctx.labels), ExchangeDrafts
        )
        completions.append(completion)
        for draft in completion.parsed.exchanges:
            candidates.extend(records_from_exchange(draft, ctx))
        candidates.extend(exchanges_from_words(ctx))

    records: dict[type, list[Record]] = {Deployment: [], Casualty: [], Exchange: []}
    seen: dict[tuple, list[Record]] = {}
    # grounded records first, so an ungrounded duplicate never shadows a grounded one; and an
    # exchange whose words say how far it got before one read where they do not ("Öl,
    # Lebensmittel und Geld." as a paragraph's lead, then "mehr als eine Million Barrel Erdöl
    # geliefert")
    candidates.sort(
        key=lambda r: (
            r.grounding is not None and not r.grounding.grounded,
            isinstance(r, Exchange) and r.status is ExchangeStatus.unknown,
        )
    )
    for record in candidates:
        key = _dedupe_key(record)
        if key in seen and not _another_group(record, seen[key], added):
            continue  # one record per figure, however often the article repeats it
        seen.setdefault(key, []).append(record)
        if strict and record.grounding is not None and not record.grounding.grounded:
            continue
        records[type(record)].append(record)
    provenance = Provenance(
        backend=backend.name,
        model=backend.model_id,
        prompt_version=prompt_version(),
        schema_hash=schema_hash(),
        input_sha256=article.sha256,
        source=article.source,
        tokens_in=sum(c.usage.prompt_tokens for c in completions),
        tokens_out=sum(c.usage.completion_tokens for c in completions),
        latency_s=round(time.perf_counter() - start, 3),
        attempts=Attempts(
            model_calls=sum(c.model_calls for c in completions),
            validation_retries=sum(c.validation_retries for c in completions),
            transport_retries=sum(c.transport_retries for c in completions),
        ),
        in_scope=relevant,
    )
    return ArticleSummary(
        article_id=article.id,
        summary=lead_summary(ctx.body),
        deployments=records[Deployment],  # type: ignore[arg-type]
        casualties=records[Casualty],  # type: ignore[arg-type]
        exchanges=records[Exchange],  # type: ignore[arg-type]
        provenance=provenance,
    )


def summarize(
    text: str,
    *,
    article_id: str = "article",
    settings: Settings | None = None,
    backend: Backend | None = None,
    reference_date: date | None = None,
) -> ArticleSummary:
    """Extract deployment, casualty and exchange records from one article's text.

    >>> from pipeline import summarize            # doctest: +SKIP
    >>> summarize(open("article.txt").read()).deployments   # doctest: +SKIP
    """
    from pipeline.chunking import extract_long_article  # chunking builds on this module

    settings = settings or Settings.from_env()
    backend = backend or make_backend(settings)
    article = Article(id=article_id, text=text, reference_date=reference_date)
    return extract_long_article(
        article, backend, strict=settings.strict, max_chars=settings.max_article_chars
    )


@dataclass(frozen=True)
class BatchResult:
    """One article's outcome in a batch: a summary, or the error that stopped it."""

    article: Article
    summary: ArticleSummary | None = None
    error: TroopwatchError | None = None

    @property
    def ok(self) -> bool:
        return self.summary is not None


def summarize_batch(
    articles: Iterable[Article | str],
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    on_result: Callable[[BatchResult], None] | None = None,
) -> Iterator[BatchResult]:
    """Extract many articles, one result each, in order. One failure never stops the batch.

    Plain strings get ids ``article-1``, ``article-2``, ... The batch runs on
    ``pipeline.batch.BatchRunner`` (``settings.concurrency`` requests in flight, one server per
    article from ``base_url``, repeated texts extracted once); the command line adds the cache,
    resume and the output files. When no server can be reached for several articles in a row
    the batch stops by raising ``ModelUnavailableError`` after the results it has.
    """
    from pipeline.batch import BatchRunner  # the batch machinery builds on this module

    settings = settings or Settings.from_env()
    runner = BatchRunner.from_settings(
        settings, backends=[backend] if backend is not None else None
    )
    items = (
        Article(id=f"article-{i}", text=item) if isinstance(item, str) else item
        for i, item in enumerate(articles, 1)
    )
    for outcome in runner.run(items):
        error = outcome.error
        if error is not None and not isinstance(error, TroopwatchError):
            error = TroopwatchError(outcome.reason)
        result = BatchResult(outcome.item, summary=outcome.summary, error=error)  # type: ignore[arg-type]
        if on_result is not None:
            on_result(result)
        yield result
    if runner.stopped is not None:
        raise runner.stopped
