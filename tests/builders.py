"""Small builders for output records, so report, ledger and export tests read like the data."""

from __future__ import annotations

from typing import Any

from schemas.records import (
    ArticleSummary,
    Casualty,
    Count,
    Deployment,
    Exchange,
    Grounding,
    Provenance,
    TimeSpan,
)

Record = Deployment | Casualty | Exchange


def count(best: int | None = None, qualifier: str = "exact", **kw: Any) -> Count:
    if best is None and "low" not in kw:
        qualifier = "unspecified" if qualifier == "exact" else qualifier
    return Count(best=best, qualifier=qualifier, text=kw.pop("text", None), **kw)


def when(start: str | None = None, text: str | None = None, **kw: Any) -> TimeSpan:
    precision = None
    if start:
        precision = {4: "year", 7: "month", 10: "day"}[len(start)]
    return TimeSpan(text=text or start, start=start, precision=precision, **kw)


def grounded(text: str | None, evidence: str) -> Grounding:
    """Grounding as the pipeline writes it: offsets of ``evidence`` in ``text``."""
    if text is None or evidence not in text:
        return Grounding(grounded=True, match="exact")
    start = text.index(evidence)
    return Grounding(
        grounded=True, evidence_start=start, evidence_end=start + len(evidence), match="exact"
    )


def deployment(
    best: int | None,
    *,
    personnel: str = "troops",
    status: str = "ongoing",
    claimant: str | None = "NIS",
    evidence: str = "evidence",
    time: TimeSpan | None = None,
    text: str | None = None,
    **kw: Any,
) -> Deployment:
    return Deployment(
        personnel_type=personnel,
        count=kw.pop("count", None) or count(best, "approximately" if best else "exact"),
        sending_state=kw.pop("sending_state", "North Korea"),
        host_state=kw.pop("host_state", "Russia"),
        status=status,
        claimant=claimant,
        evidence=evidence,
        time=time or TimeSpan(),
        grounding=kw.pop("grounding", None) or grounded(text, evidence),
        **kw,
    )


def casualty(
    best: int | None,
    *,
    kind: str = "killed",
    claimant: str | None = "NIS",
    evidence: str = "evidence",
    time: TimeSpan | None = None,
    text: str | None = None,
    **kw: Any,
) -> Casualty:
    return Casualty(
        casualty_type=kind,
        affected=kw.pop("affected", "North Korean troops"),
        count=kw.pop("count", None) or count(best, "at_least" if best else "exact"),
        claimant=claimant,
        evidence=evidence,
        time=time or TimeSpan(),
        grounding=kw.pop("grounding", None) or grounded(text, evidence),
        **kw,
    )


def exchange(
    category: str = "weapons",
    *,
    item: str = "artillery shells",
    provider: str = "North Korea",
    recipient: str = "Russia",
    status: str = "delivered",
    claimant: str | None = None,
    evidence: str = "evidence",
    time: TimeSpan | None = None,
    text: str | None = None,
    **kw: Any,
) -> Exchange:
    return Exchange(
        category=category,
        item=item,
        provider=provider,
        recipient=recipient,
        status=status,
        claimant=claimant,
        evidence=evidence,
        time=time or TimeSpan(),
        grounding=kw.pop("grounding", None) or grounded(text, evidence),
        **kw,
    )


def summary(
    article_id: str,
    *records: Record,
    source: str | None = None,
    sha: str = "0" * 64,
    text: str = "",
) -> ArticleSummary:
    return ArticleSummary(
        article_id=article_id,
        summary=text[:120] or f"Summary of {article_id}.",
        deployments=[r for r in records if isinstance(r, Deployment)],
        casualties=[r for r in records if isinstance(r, Casualty)],
        exchanges=[r for r in records if isinstance(r, Exchange)],
        provenance=Provenance(
            backend="fake",
            model="fake-model",
            prompt_version="v-test",
            schema_hash="h",
            input_sha256=sha,
            source=source,
        ),
    )
