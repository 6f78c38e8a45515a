"""Flat export: one row per record, CSV that reads back to the same values, CLI behaviour."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import COLUMNS, record_rows, write_csv
from pipeline.output import read_summaries
from schemas.records import Count
from tests.builders import casualty, count, deployment, exchange, summary, when

runner = CliRunner()

TRICKY = 'He said "about 1,000, maybe more";\nthen: =SUM(A1) & <b>bold</b> — ünïcode'


def _summaries():
    return [
        summary(
            "a1",
            deployment(
                None,
                count=count(None, "range", low=10000, high=12000, text="10,000 to 12,000"),
                personnel="construction_troops",
                status="planned",
                claimant=TRICKY,
                evidence=TRICKY,
                time=when("2025-07", "between July and August 2025", end="2025-08"),
                location="Kursk region",
                tasks=["demining", "road building"],
            ),
            casualty(600, kind="wounded", claimant=None),
            source="articles/a1.txt",
        ),
        summary(
            "a2",
            exchange("fuel", item="refined oil", provider="Russia", recipient="North Korea"),
            source="feed.jsonl:2",
        ),
        summary("empty", source="articles/empty.txt"),
    ]


def _write_jsonl(path, summaries, extra_lines=()):
    lines = [s.model_dump_json() for s in summaries]
    lines[1:1] = extra_lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_one_row_per_record_with_flat_columns():
    rows = list(record_rows(_summaries()))
    assert [(r["article_id"], r["record_type"], r["subtype"]) for r in rows] == [
        ("a1", "deployment", "construction_troops"),
        ("a1", "casualty", "wounded"),
        ("a2", "exchange", "fuel"),
    ]
    assert all(list(r) == list(COLUMNS) for r in rows)
    dep, cas, exc = rows
    assert (dep["count_low"], dep["count_best"], dep["count_high"]) == (10000, None, 12000)
    assert dep["qualifier"] == "range" and dep["status"] == "planned"
    assert dep["direction"] == "North Korea -> Russia" and dep["tasks"] == "demining; road building"
    assert (dep["time_start"], dep["time_end"], dep["time_precision"]) == (
        "2025-07",
        "2025-08",
        "month",
    )
    assert cas["claimant"] is None and cas["affected"] == "North Korean troops"
    assert cas["status"] is None  # casualties have no status
    assert exc["count_best"] is None and exc["item"] == "refined oil"
    assert exc["direction"] == "Russia -> North Korea"
    assert exc["model"] == "fake-model" and exc["prompt_version"] == "v-test"
    assert exc["source"] == "feed.jsonl:2"


def test_csv_round_trip_keeps_every_value(tmp_path):
    summaries = _summaries()
    out = tmp_path / "records.csv"
    assert write_csv(record_rows(summaries), out) == 3
    with out.open(encoding="utf-8", newline="") as fh:
        back = list(csv.DictReader(fh))
    expected = list(record_rows(summaries))
    assert len(back) == len(expected)
    for got, want in zip(back, expected, strict=True):
        assert list(got) == list(COLUMNS)
        for key, value in want.items():
            text = "" if value is None else str(value)
            assert got[key] == text, key
    # counts rebuild into the same validated Count
    dep = back[0]
    rebuilt = Count(
        low=int(dep["count_low"]),
        best=int(dep["count_best"]) if dep["count_best"] else None,
        high=int(dep["count_high"]),
        qualifier=dep["qualifier"],
        text=dep["count_text"],
    )
    assert rebuilt == summaries[0].deployments[0].count
    assert back[0]["evidence"] == TRICKY  # quotes, commas, newline, formula, unicode survive


def test_cli_export_csv_to_stdout_and_file(tmp_path):
    out = tmp_path / "out.jsonl"
    _write_jsonl(out, _summaries())
    result = runner.invoke(app, ["export", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["article_id"] for r in rows] == ["a1", "a1", "a2"]
    assert "3 records from 3 articles" in result.stderr

    target = tmp_path / "flat.csv"
    result = runner.invoke(app, ["export", str(out), "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("article_id,")


def test_cli_export_reports_bad_lines_and_goes_on(tmp_path):
    out = tmp_path / "out.jsonl"
    _write_jsonl(out, _summaries(), extra_lines=["{not json", json.dumps({"article_id": "x"})])
    result = runner.invoke(app, ["export", str(out), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert f"{out}:2: skipped: malformed JSON" in result.stderr
    assert f"{out}:3: skipped: not an article summary" in result.stderr
    assert "Traceback" not in result.output
    with (tmp_path / "o.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 3  # every record of the good lines


def test_cli_export_missing_file_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_cli_export_nothing_valid_exits_three(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("garbage\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(out)])
    assert result.exit_code == 3
    assert "no article summaries" in result.stderr
    assert "Traceback" not in result.output


def test_cli_export_unknown_format_is_a_usage_error(tmp_path):
    out = tmp_path / "out.jsonl"
    _write_jsonl(out, _summaries())
    result = runner.invoke(app, ["export", str(out), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "xlsx" in result.output


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    out = tmp_path / "out.jsonl"
    _write_jsonl(out, _summaries())
    result = runner.invoke(app, ["export", str(out), "--format", "parquet"])
    assert result.exit_code == 2
    assert "pyarrow" in result.stderr and "--format csv" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.parquet").exists()


def test_parquet_round_trip(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed")
    out = tmp_path / "out.jsonl"
    _write_jsonl(out, _summaries())
    result = runner.invoke(app, ["export", str(out), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names == list(COLUMNS)
    assert table.to_pylist() == list(record_rows(_summaries()))


def test_read_summaries_keeps_line_numbers_of_bad_lines(tmp_path):
    out = tmp_path / "out.jsonl"
    _write_jsonl(out, _summaries(), extra_lines=["", "[1, 2]"])
    read = read_summaries(out)
    assert [s.article_id for s in read.summaries] == ["a1", "a2", "empty"]
    assert [(p.lineno, p.reason.split(":")[0]) for p in read.problems] == [
        (3, "not an article summary")
    ]
