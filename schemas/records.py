"""The output contract: pydantic models for troopwatch records.

Two layers live here:

* **Drafts** (``DeploymentDraft``, ``CasualtyDraft``, ``ExchangeDraft``) are what the language
  model writes. They hold only what a model must decide: types, states, verbatim phrases.
  Everything code can derive (numbers from the quoted count, evidence offsets, ISO dates) is left
  out, so a small model writes fewer tokens and cannot get those parts wrong.
* **Records** (``Deployment``, ``Casualty``, ``Exchange``) and ``ArticleSummary`` are the public
  output: one JSON object per article. Field names and enum values are a contract read by other
  tools and by the eval; change them only with a schema version bump.

This module is pure pydantic: no I/O.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.1"

# --------------------------------------------------------------------------------------------
# Enumerations (public contract)
# --------------------------------------------------------------------------------------------


class Qualifier(str, Enum):
    exact = "exact"
    approximately = "approximately"
    at_least = "at_least"
    more_than = "more_than"
    up_to = "up_to"
    range = "range"
    unspecified = "unspecified"


class PersonnelType(str, Enum):
    troops = "troops"
    construction_troops = "construction_troops"
    military_engineers = "military_engineers"
    deminers = "deminers"
    workers = "workers"
    other = "other"


class DeploymentStatus(str, Enum):
    planned = "planned"
    ongoing = "ongoing"
    completed = "completed"
    unknown = "unknown"


class CasualtyType(str, Enum):
    killed = "killed"
    wounded = "wounded"
    killed_or_wounded = "killed_or_wounded"
    captured = "captured"
    missing = "missing"


class ExchangeCategory(str, Enum):
    weapons = "weapons"
    air_defense = "air_defense"
    military_technology = "military_technology"
    electronic_warfare = "electronic_warfare"
    drones = "drones"
    space_satellite = "space_satellite"
    missile_technology = "missile_technology"
    nuclear_technology = "nuclear_technology"
    fuel = "fuel"
    food = "food"
    financial = "financial"
    other = "other"


class ExchangeStatus(str, Enum):
    delivered = "delivered"
    promised = "promised"
    suspected = "suspected"
    unknown = "unknown"


class Hedge(str, Enum):
    confirmed = "confirmed"
    reported = "reported"
    estimated = "estimated"
    alleged = "alleged"
    planned = "planned"


class DatePrecision(str, Enum):
    year = "year"
    month = "month"
    day = "day"


RecordType = Literal["deployment", "casualty", "exchange"]

# --------------------------------------------------------------------------------------------
# Shared value objects
# --------------------------------------------------------------------------------------------

NonNegative = Annotated[int, Field(ge=0)]


class Count(BaseModel):
    """A reported quantity, keeping the hedge the article put on it."""

    model_config = ConfigDict(extra="forbid")

    low: NonNegative | None = Field(None, description="Lower bound when the text gives one.")
    best: NonNegative | None = Field(
        None, description="The single figure the text gives (for 'roughly 5,000': 5000)."
    )
    high: NonNegative | None = Field(None, description="Upper bound when the text gives one.")
    qualifier: Qualifier = Field(
        Qualifier.unspecified, description="How the text hedges the figure."
    )
    text: str | None = Field(None, description="The count exactly as written in the article.")

    @model_validator(mode="after")
    def _consistent(self) -> Count:
        bounds = self.numbers
        if bounds != sorted(bounds):
            raise ValueError(
                f"count bounds must satisfy low <= best <= high, got low={self.low} "
                f"best={self.best} high={self.high}"
            )
        if self.qualifier is Qualifier.range and (self.low is None or self.high is None):
            raise ValueError("a 'range' count needs both low and high")
        if self.qualifier is Qualifier.unspecified and bounds:
            raise ValueError("an 'unspecified' count has no numbers; use another qualifier")
        if self.qualifier not in (Qualifier.range, Qualifier.unspecified) and self.best is None:
            raise ValueError(f"a '{self.qualifier.value}' count needs 'best'")
        return self

    @property
    def numbers(self) -> list[int]:
        """The numbers the count gives, low to high (none for "thousands")."""
        return [v for v in (self.low, self.best, self.high) if v is not None]

    @property
    def value(self) -> int | None:
        """One number to compare counts by: best, else the range midpoint, else a bound."""
        if self.best is not None:
            return self.best
        if self.low is not None and self.high is not None:
            return (self.low + self.high) // 2
        return self.low if self.low is not None else self.high


class TimeSpan(BaseModel):
    """When a claim applies: as written, plus ISO dates where the text allows."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The time phrase as written ('since September').")
    start: str | None = Field(None, description="ISO date, truncated to its precision (2025-07).")
    end: str | None = Field(None, description="ISO date, truncated to its precision (2025-08).")
    precision: DatePrecision | None = Field(None, description="Precision of start/end.")

    @field_validator("start", "end")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
            raise ValueError(f"{v!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return v


class Grounding(BaseModel):
    """What code found when it checked a record against the article (never model-written)."""

    model_config = ConfigDict(extra="forbid")

    grounded: bool = Field(description="True when the count and the evidence are in the text.")
    reasons: list[str] = Field(default_factory=list, description="Why a check failed.")
    evidence_start: int | None = Field(None, description="Character offset of the evidence.")
    evidence_end: int | None = Field(None, description="End offset (exclusive).")
    match: Literal["exact", "normalized", "fuzzy", "none"] = Field(
        "none", description="How the evidence was located in the article."
    )


# --------------------------------------------------------------------------------------------
# Drafts: what the model writes
# --------------------------------------------------------------------------------------------


class FigureKind(str, Enum):
    """What a figure in the article counts, in words a small model reads easily.

    Code maps each value to a record type and subtype (``FIGURE_KINDS``).
    """

    troops = "troops sent"
    construction_troops = "construction troops sent"
    military_engineers = "military engineers sent"
    deminers = "deminers sent"
    workers = "workers sent"
    other_personnel = "other personnel sent"
    killed = "killed"
    wounded = "wounded"
    killed_or_wounded = "killed or wounded"
    captured = "captured"
    missing = "missing"
    unrelated = "something else"


#: FigureKind -> (record type, subtype value); ``None`` for figures that are not records.
FIGURE_KINDS: dict[FigureKind, tuple[str, str] | None] = {
    FigureKind.troops: ("deployment", "troops"),
    FigureKind.construction_troops: ("deployment", "construction_troops"),
    FigureKind.military_engineers: ("deployment", "military_engineers"),
    FigureKind.deminers: ("deployment", "deminers"),
    FigureKind.workers: ("deployment", "workers"),
    FigureKind.other_personnel: ("deployment", "other"),
    FigureKind.killed: ("casualty", "killed"),
    FigureKind.wounded: ("casualty", "wounded"),
    FigureKind.killed_or_wounded: ("casualty", "killed_or_wounded"),
    FigureKind.captured: ("casualty", "captured"),
    FigureKind.missing: ("casualty", "missing"),
    FigureKind.unrelated: None,
}


class FigureVerdict(BaseModel):
    """The model's reading of one figure that code found in the article.

    The pipeline narrows ``figure`` to the one phrase this verdict is about, so the grammar makes
    the model walk through every figure, in order, and it cannot invent one.
    """

    model_config = ConfigDict(extra="ignore")

    figure: str = Field(description="The figure, copied from the FIGURES list.")
    counts: FigureKind = Field(
        description="What the figure counts: people sent to another country (by kind), "
        "casualties, or 'something else' (money, weapons, years, distances, anything else)."
    )
    status: DeploymentStatus = Field(
        description="For people sent: planned (future, expected), ongoing (there now), "
        "completed (went and came back, or finished), unknown. 'unknown' otherwise."
    )
    # No claimant or location: code reads both from the article (pipeline/attribution.py,
    # pipeline/places.py) more reliably than the model, and not writing them saves about a
    # third of this pass's output tokens.
    time_text: str | None = Field(
        description="When, copied as written ('since September', 'in late 2024'), or null."
    )


class ExchangeDirection(str, Enum):
    to_north_korea = "Russia to North Korea"
    to_russia = "North Korea to Russia"
    other = "other states"


#: ExchangeDirection -> (provider, recipient); ``None``: out of scope, not a record.
EXCHANGE_DIRECTIONS: dict[ExchangeDirection, tuple[str, str] | None] = {
    ExchangeDirection.to_north_korea: ("Russia", "North Korea"),
    ExchangeDirection.to_russia: ("North Korea", "Russia"),
    ExchangeDirection.other: None,
}


class ExchangeDraft(BaseModel):
    """Something of value that moves between states (weapons, technology, fuel, money)."""

    model_config = ConfigDict(extra="ignore")

    item: str = Field(description="The item copied as written ('electronic warfare equipment').")
    category: ExchangeCategory = Field(
        description="weapons, air_defense, military_technology, electronic_warfare, drones, "
        "space_satellite, missile_technology, nuclear_technology, fuel, food, financial, other."
    )
    direction: ExchangeDirection = Field(
        description="Who gives it to whom: 'Russia to North Korea' or 'North Korea to Russia'."
    )
    status: ExchangeStatus = Field(
        description="delivered: given; promised: pledged; suspected: believed or feared; unknown."
    )
    claimant: str | None = Field(
        description="Who says it, as the article names them, or null when no one is named."
    )
    time_text: str | None = Field(description="When, copied as written, or null.")


class ExchangeDrafts(BaseModel):
    exchanges: list[ExchangeDraft] = Field(
        description="Every exchange the article states; [] when none.", max_length=12
    )


# --------------------------------------------------------------------------------------------
# Records: the public output
# --------------------------------------------------------------------------------------------


class RecordBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claimant: str | None = Field(None, description="Who asserts the claim.")
    hedge: Hedge = Field(Hedge.reported, description="How firmly the claim is made.")
    evidence: str = Field(description="Verbatim quote from the article that supports the record.")
    time: TimeSpan = Field(default_factory=TimeSpan, description="When the claim applies.")
    grounding: Grounding | None = Field(
        None, description="Checks code ran against the article (null until grounded)."
    )


class Deployment(RecordBase):
    record_type: Literal["deployment"] = "deployment"
    personnel_type: PersonnelType
    count: Count
    sending_state: str
    host_state: str
    location: str | None = None
    tasks: list[str] = Field(default_factory=list)
    status: DeploymentStatus


class Casualty(RecordBase):
    record_type: Literal["casualty"] = "casualty"
    casualty_type: CasualtyType
    affected: str
    count: Count
    location: str | None = None


class Exchange(RecordBase):
    record_type: Literal["exchange"] = "exchange"
    category: ExchangeCategory
    item: str
    provider: str
    recipient: str
    status: ExchangeStatus


class Attempts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_calls: int = Field(0, description="Completions requested, all passes and retries.")
    validation_retries: int = Field(0, description="Re-asks after invalid output.")
    transport_retries: int = Field(0, description="Retries after connection errors, 429, 5xx.")


class Provenance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    backend: str
    model: str
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    schema_hash: str
    input_sha256: str
    source: str | None = Field(None, description="Where the article was read from.")
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float = 0.0
    attempts: Attempts = Field(default_factory=Attempts)
    in_scope: bool = Field(
        True,
        description=(
            "False when no sentence of the article ties North Korea to Russia or its war: it got "
            "no model call and holds no records."
        ),
    )


class ArticleSummary(BaseModel):
    """One article's extraction: the JSONL line troopwatch writes."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    summary: str = Field(description="One to three neutral sentences.")
    deployments: list[Deployment] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    exchanges: list[Exchange] = Field(default_factory=list)
    provenance: Provenance

    @property
    def records(self) -> list[Deployment | Casualty | Exchange]:
        return [*self.deployments, *self.casualties, *self.exchanges]
