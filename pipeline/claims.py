"""Claim attributes that code reads from the evidence sentence instead of asking the model.

Both functions are small lexicons (English and German): hedge words are few and stable, and
reading them by code costs no tokens and cannot drift between runs.
"""

from __future__ import annotations

import re

from schemas.records import DeploymentStatus, ExchangeCategory, Hedge

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
    for hedge, pattern in _HEDGES:
        if hedge is Hedge.planned and status is not None:
            continue  # a deployment's status already says whether it lies in the future
        if pattern.search(sentence):
            return hedge
    return Hedge.reported


_CATEGORY_WORDS: list[tuple[ExchangeCategory, re.Pattern[str]]] = [
    (
        ExchangeCategory.air_defense,
        re.compile(r"air[- ]?defen[cs]e|anti-aircraft|luftabwehr", re.IGNORECASE),
    ),
    (
        ExchangeCategory.electronic_warfare,
        re.compile(
            r"electronic warfare|jamm|elektronische "
            r"kampf",
            re.IGNORECASE,
        ),
    ),
    (ExchangeCategory.drones, re.compile(r"drone|uav|unmanned|drohne", re.IGNORECASE)),
    (
        ExchangeCategory.space_satellite,
        re.compile(r"satellite|space|launch vehicle|satellit", re.IGNORECASE),
    ),
    (
        ExchangeCategory.nuclear_technology,
        re.compile(r"nuclear|reactor|atom|nuklear", re.IGNORECASE),
    ),
    (
        ExchangeCategory.missile_technology,
        re.compile(
            r"missile (technology|guidance|know|"
            r"design|engine)|rocket engine|"
            r"raketentechn",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.fuel,
        re.compile(
            r"\b(oil|fuel|petroleum|diesel|gasoline|petrol|gas)\b|"
            r"erdöl|treibstoff|kraftstoff|benzin",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.food,
        re.compile(
            r"\b(food\w*|grain|wheat|rice|flour|maize|corn)\b|"
            r"lebensmittel|nahrung|getreide|weizen|mehl",
            re.IGNORECASE,
        ),
    ),
    (
        ExchangeCategory.financial,
        re.compile(
            r"\b(money|cash|currency|financial|funds|payments?|"
            r"dollars?|roubles?|rubles?)\b|geld|devisen|"
            r"finanz",
            re.IGNORECASE,
        ),
    ),
]


def categories_of(item: str) -> list[ExchangeCategory]:
    """Categories an item's own words name, in the order they appear ([] when none do).

    "technologies related to drones, satellite systems, and missile guidance" names three
    categories; the model tends to lump such a list into one record.
    """
    found: list[tuple[int, ExchangeCategory]] = []
    for category, pattern in _CATEGORY_WORDS:
        m = pattern.search(item)
        if m:
            found.append((m.start(), category))
    return [c for _, c in sorted(found)]
