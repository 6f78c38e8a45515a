"""Flat tables of records: one row per record, for spreadsheets, pandas and SQL.

``record_rows`` turns summaries into plain dicts with a fixed set of columns (``COLUMNS``);
``write_csv`` and ``write_parquet`` write them. Columns that do not apply to a record type are
empty (CSV) or null (Parquet). Lists (tasks, grounding reasons) are joined with ``"; "``.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from schemas.records import ArticleSummary, Casualty, Deployment, Exchange

__all__ = ["COLUMNS", "FORMATS", "record_rows", "write_csv", "write_parquet"]

FORMATS = ("csv", "parquet")

#: Column name -> type for Parquet ("str", "int", "bool"); the order is the file's order.
COLUMNS: dict[str, str] = {
    "article_id": "str",
    "record_index": "int",
    "record_type": "str",
    "subtype": "str",  # personnel_type, casualty_type or exchange category
    "count_best": "int",
    "count_low": "int",
    "count_high": "int",
    "qualifier": "str",
    "count_text": "str",
    "status": "str",
    "claimant": "str",
    "hedge": "str",
    "time_text": "str",
    "time_start": "str",
    "time_end": "str",
    "time_precision": "str",
    "location": "str",
    "direction": "str",  # "sending -> host" or "provider -> recipient"
    "from_state": "str",
    "to_state": "str",
    "affected": "str",
    "item": "str",
    "tasks": "str",
    "evidence": "str",
    "evidence_start": "int",
    "evidence_end": "int",
    "grounded": "bool",
    "match": "str",
    "reasons": "str",
    "source": "str",
    "input_sha256": "str",
    "backend": "str",
    "model": "str",
    "prompt_version": "str",
    "schema_version": "str",
}


def _subtype(record: Deployment | Casualty | Exchange) -> str:
    if isinstance(record, Deployment):
        return record.personnel_type.value
    if isinstance(record, Casualty):
        return record.casualty_type.value
    return record.category.value


def record_rows(summaries: Iterable[ArticleSummary]) -> Iterator[dict[str, Any]]:
    """One dict per record, keys ``COLUMNS``; ``None`` where a field does not apply."""
    for s in summaries:
        p = s.provenance
        for i, r in enumerate(s.records):
            row: dict[str, Any] = dict.fromkeys(COLUMNS)
            g = r.grounding
            row.update(
                article_id=s.article_id,
                record_index=i,
                record_type=r.record_type,
                subtype=_subtype(r),
                claimant=r.claimant,
                hedge=r.hedge.value,
                time_text=r.time.text,
                time_start=r.time.start,
                time_end=r.time.end,
                time_precision=r.time.precision.value if r.time.precision else None,
                evidence=r.evidence,
                evidence_start=g.evidence_start if g else None,
                evidence_end=g.evidence_end if g else None,
                grounded=g.grounded if g else None,
                match=g.match if g else None,
                reasons="; ".join(g.reasons) if g else None,
                source=p.source,
                input_sha256=p.input_sha256,
                backend=p.backend,
                model=p.model,
                prompt_version=p.prompt_version,
                schema_version=p.schema_version,
            )
            if isinstance(r, Exchange):
                row.update(
                    status=r.status.value,
                    item=r.item,
                    from_state=r.provider,
                    to_state=r.recipient,
                    direction=f"{r.provider} -> {r.recipient}",
                )
            else:
                row.update(
                    count_best=r.count.best,
                    count_low=r.count.low,
                    count_high=r.count.high,
                    qualifier=r.count.qualifier.value,
                    count_text=r.count.text,
                    location=r.location,
                )
                if isinstance(r, Deployment):
                    row.update(
                        status=r.status.value,
                        from_state=r.sending_state,
                        to_state=r.host_state,
                        direction=f"{r.sending_state} -> {r.host_state}",
                        tasks="; ".join(r.tasks),
                    )
                else:
                    row.update(affected=r.affected)
            yield row


def write_csv(rows: Iterable[dict[str, Any]], output: str | Path) -> int:
    """Write rows as CSV (UTF-8, header row, ``None`` as empty); ``-`` is stdout. Returns rows.

    Values are written as they are: a cell starting with ``=`` is not defused for spreadsheet
    programs, so the file round-trips exactly.
    """
    if str(output) == "-":
        return _write_csv(rows, sys.stdout)
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            return _write_csv(rows, fh)
    except OSError as e:
        raise ConfigError(f"{output}: cannot write: {e.strerror or e}") from e


def _write_csv(rows: Iterable[dict[str, Any]], fh: io.TextIOBase | Any) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        n += 1
    return n


def write_parquet(rows: Sequence[dict[str, Any]], output: str | Path) -> int:
    """Write rows as a Parquet file with typed columns. Needs pyarrow (``ConfigError`` if not)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(
            "--format parquet needs pyarrow: pip install 'troopwatch[parquet]' (or pyarrow), "
            "or use --format csv"
        ) from None
    if str(output) == "-":
        raise ConfigError("--format parquet writes a file: give -o FILE.parquet")
    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS.items()])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    try:
        pq.write_table(table, str(output))
    except OSError as e:
        raise ConfigError(f"{output}: cannot write: {e}") from e
    return table.num_rows
