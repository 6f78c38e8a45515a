"""A claims ledger: records from many articles grouped by the quantity they estimate.

Different sources give different figures for the same thing ("North Korean troops killed":
at least 600 says one agency in one article, about 2,000 another months later). The ledger puts
such figures side by side, sorted by date, so competing and superseded estimates are visible.

What counts as "the same quantity" follows the schema:

* **deployment**: personnel type (troops, workers, ...), the phase of the deployment and who
  sends whom. Planned deployments (a pledge, a figure for next year) are a different quantity
  from people already there; ``ongoing`` and ``unknown`` status both mean "sent/there" (the
  article did not say it ended or had not started), ``completed`` means the deployment ended.
* **casualty**: casualty type and who suffered it. Killed, wounded, the combined
  killed-or-wounded total, captured and missing are never mixed.
* **exchange**: category (weapons, fuel, ...) and direction. Exchanges carry no count; their
  groups show who claims what moved, with what status (delivered, promised, suspected).

Each entry is dated by the record's own time (``time.start``, else ``time.end``) when the
article gave one, else by the article's date when the caller knows it (``published``), else it
stays undated: it is listed, after the dated entries, but cannot go on a timeline.

Pure functions over ``ArticleSummary`` objects: no I/O, no HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from schemas.records import (
    ArticleSummary,
    Casualty,
    CasualtyType,
    Count,
    Deployment,
    DeploymentStatus,
    Exchange,
    ExchangeCategory,
    PersonnelType,
)

__all__ = ["LedgerEntry", "LedgerGroup", "QuantityKey", "build_ledger", "date_ordinal"]

Record = Deployment | Casualty | Exchange

#: Deployment status -> phase. ``unknown`` joins ``ongoing``: a figure of people sent whose end
#: the article does not mention is a figure of people there.
PHASES: dict[DeploymentStatus, str] = {
    DeploymentStatus.planned: "planned",
    DeploymentStatus.ongoing: "deployed",
    DeploymentStatus.unknown: "deployed",
    DeploymentStatus.completed: "completed",
}
_PHASE_ORDER = ("deployed", "planned", "completed")
_PERSONNEL_LABELS: dict[PersonnelType, str] = {
    PersonnelType.troops: "Troops",
    PersonnelType.construction_troops: "Construction troops",
    PersonnelType.military_engineers: "Military engineers",
    PersonnelType.deminers: "Deminers",
    PersonnelType.workers: "Workers",
    PersonnelType.other: "Other personnel",
}
_PHASE_LABELS = {
    "deployed": "sent / deployed",
    "planned": "planned to be sent",
    "completed": "deployment completed",
}
_CASUALTY_LABELS: dict[CasualtyType, str] = {
    CasualtyType.killed: "killed",
    CasualtyType.wounded: "wounded",
    CasualtyType.killed_or_wounded: "killed or wounded (combined)",
    CasualtyType.captured: "captured",
    CasualtyType.missing: "missing",
}
_CATEGORY_LABELS: dict[ExchangeCategory, str] = {
    ExchangeCategory.weapons: "Weapons and ammunition",
    ExchangeCategory.air_defense: "Air defence",
    ExchangeCategory.military_technology: "Military technology",
    ExchangeCategory.electronic_warfare: "Electronic warfare",
    ExchangeCategory.drones: "Drones",
    ExchangeCategory.space_satellite: "Space and satellites",
    ExchangeCategory.missile_technology: "Missile technology",
    ExchangeCategory.nuclear_technology: "Nuclear technology",
    ExchangeCategory.fuel: "Fuel",
    ExchangeCategory.food: "Food",
    ExchangeCategory.financial: "Money",
    ExchangeCategory.other: "Other",
}
_DEFAULT_ROUTE = ("north korea", "russia")
_TYPE_ORDER = {"deployment": 0, "casualty": 1, "exchange": 2}


def _norm(text: str) -> str:
    """Case- and space-insensitive form of a state or group name; curly apostrophes unified."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


@dataclass(frozen=True, order=True)
class QuantityKey:
    """What a figure estimates. Two records with equal keys estimate the same quantity."""

    record_type: Literal["deployment", "casualty", "exchange"]
    subtype: str  # personnel type, casualty type or exchange category (enum value)
    phase: str  # deployment phase (deployed/planned/completed); "" for other record types
    subject: str  # normalized route ("north korea -> russia") or affected group

    def sort_key(self) -> tuple:
        if self.record_type == "deployment":
            order = [p.value for p in PersonnelType].index(self.subtype)
            return (0, _PHASE_ORDER.index(self.phase), order, self.subject)
        if self.record_type == "casualty":
            return (1, [c.value for c in CasualtyType].index(self.subtype), 0, self.subject)
        return (2, [c.value for c in ExchangeCategory].index(self.subtype), 0, self.subject)


def quantity_key(record: Record) -> QuantityKey:
    """The quantity a record estimates (see the module docstring for the rules)."""
    if isinstance(record, Deployment):
        route = f"{_norm(record.sending_state)} -> {_norm(record.host_state)}"
        return QuantityKey("deployment", record.personnel_type.value, PHASES[record.status], route)
    if isinstance(record, Casualty):
        return QuantityKey("casualty", record.casualty_type.value, "", _norm(record.affected))
    route = f"{_norm(record.provider)} -> {_norm(record.recipient)}"
    return QuantityKey("exchange", record.category.value, "", route)


def quantity_label(record: Record) -> str:
    """A reader's name for the quantity a record estimates ("Troops sent / deployed")."""
    if isinstance(record, Deployment):
        label = f"{_PERSONNEL_LABELS[record.personnel_type]} {_PHASE_LABELS[PHASES[record.status]]}"
        route = (_norm(record.sending_state), _norm(record.host_state))
        if route != _DEFAULT_ROUTE:
            label += f" ({record.sending_state} \u2192 {record.host_state})"
        return label
    if isinstance(record, Casualty):
        return f"{record.affected} {_CASUALTY_LABELS[record.casualty_type]}"
    return f"{_CATEGORY_LABELS[record.category]}: {record.provider} \u2192 {record.recipient}"


@dataclass(frozen=True)
class LedgerEntry:
    """One record in a ledger group, with where it came from and the date it is filed under."""

    article_index: int  # position of its article in the input sequence
    record_index: int  # position in ``ArticleSummary.records``
    article_id: str
    source: str | None
    record: Record
    date: str | None  # ISO date, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)
    date_basis: Literal["claim", "article"] | None  # the record's own time, or the article's

    @property
    def count(self) -> Count | None:
        return getattr(self.record, "count", None)

    @property
    def value(self) -> int | None:
        """The number to plot: best, else the range midpoint; None for vague or no counts."""
        return self.count.value if self.count is not None else None

    @property
    def grounded(self) -> bool:
        g = self.record.grounding
        return g is None or g.grounded


@dataclass
class LedgerGroup:
    """Every estimate of one quantity, dated entries first in date order, then undated ones."""

    key: QuantityKey
    label: str
    entries: list[LedgerEntry] = field(default_factory=list)

    @property
    def dated(self) -> list[LedgerEntry]:
        return [e for e in self.entries if e.date is not None]

    @property
    def undated(self) -> list[LedgerEntry]:
        return [e for e in self.entries if e.date is None]

    @property
    def claimants(self) -> list[str]:
        """Distinct claimants in entry order (compared case- and space-insensitively)."""
        seen: dict[str, str] = {}
        for e in self.entries:
            if e.record.claimant:
                seen.setdefault(_norm(e.record.claimant), e.record.claimant)
        return list(seen.values())

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(e.article_id for e in self.entries))

    @property
    def values(self) -> list[int]:
        return [v for e in self.entries if (v := e.value) is not None]

    @property
    def latest(self) -> LedgerEntry | None:
        """The most recent dated entry with a number: the figure that supersedes the others,
        as far as dates tell (ties: the later one in input order)."""
        numbered = [e for e in self.dated if e.value is not None]
        return numbered[-1] if numbered else None

    @property
    def competing(self) -> bool:
        """True when sources disagree: at least two different figures from two articles or
        claimants."""
        numbered = [e for e in self.entries if e.value is not None]
        figures = {e.value for e in numbered}
        sources = {(e.article_id, _norm(e.record.claimant or "")) for e in numbered}
        return len(figures) > 1 and len(sources) > 1


def _record_date(record: Record) -> str | None:
    return record.time.start or record.time.end


def build_ledger(
    summaries: Sequence[ArticleSummary],
    published: Mapping[str, date] | None = None,
    *,
    include_ungrounded: bool = True,
) -> list[LedgerGroup]:
    """Group every record of every summary by the quantity it estimates.

    ``published`` maps an article id to the article's own date (from its dateline or its JSONL
    ``date``); it dates the records whose time the article did not state. Groups come in a
    fixed order (deployments, casualties, exchanges; each by enum order); entries in a group are
    sorted by date, undated last, ties kept in input order.
    """
    published = published or {}
    groups: dict[QuantityKey, LedgerGroup] = {}
    for ai, summary in enumerate(summaries):
        for ri, record in enumerate(summary.records):
            if not include_ungrounded and record.grounding and not record.grounding.grounded:
                continue
            own = _record_date(record)
            pub = published.get(summary.article_id)
            when, basis = (
                (own, "claim") if own else (pub.isoformat(), "article") if pub else (None, None)
            )
            entry = LedgerEntry(
                article_index=ai,
                record_index=ri,
                article_id=summary.article_id,
                source=summary.provenance.source,
                record=record,
                date=when,
                date_basis=basis,  # type: ignore[arg-type]
            )
            key = quantity_key(record)
            group = groups.get(key)
            if group is None:
                group = groups[key] = LedgerGroup(key, quantity_label(record))
            group.entries.append(entry)
    for group in groups.values():
        # ISO strings of mixed precision sort correctly as text: "2025" < "2025-03" < "2025-03-10"
        group.entries.sort(key=lambda e: (e.date is None, e.date or ""))
    return sorted(groups.values(), key=lambda g: g.key.sort_key())


def date_ordinal(iso: str) -> float:
    """A partial ISO date as a day number for plotting: the middle of its year or month."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 7, 2).toordinal()
    if len(parts) == 2:
        return date(parts[0], parts[1], 15).toordinal()
    return date(parts[0], parts[1], parts[2]).toordinal()
