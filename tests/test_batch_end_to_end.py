"""The whole batch: good articles, every kind of bad input, a flaky server, then a cached re-run.

The CLI as a user runs it, against the fault-injection server on 127.0.0.1: every good article
is extracted exactly once, every bad one is in the errors file with its stage and reason, and a
second run of the same batch is served from the cache with zero model calls.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.chunking import MAX_CHUNKS
from pipeline.cli import app
from tests.fault_server import FaultServer
from tests.test_sources import PAGE


def good(i: int) -> str:
    return f"North Korea sent {2000 + i:,} workers to Russia, officials said on Monday."


def write_batch(d):
    for i in range(5):
        (d / f"good{i}.txt").write_text(good(i))
    (d / "twin.txt").write_text(good(0))  # the same text as good0
    (d / "empty.txt").write_text("")
    (d / "blank.txt").write_text("  \n\t \n")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    german = "Nordkorea schickte 3.500 Soldaten nach Russland, sagte der Geheimdienst."
    (d / "latin.txt").write_bytes(german.encode("cp1252"))  # not UTF-8
    (d / "wide.txt").write_bytes(good(7).encode("utf-16-le"))
    (d / "page.html").write_text(PAGE)
    paragraph = "Analysts in Seoul weighed what the movements along the front might mean. " * 6
    (d / "long.txt").write_text(
        "\n\n".join([good(8), paragraph, paragraph, "At least 150 were killed.", paragraph])
    )
    (d / "huge.txt").write_text(("Words about the war in Russia. " * 40 + "\n\n") * MAX_CHUNKS * 2)
    (d / "poison.txt").write_text(
        "POISON: North Korea sent 999 engineers to Russia, the ministry said."
    )
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "feed-1", "text": good(11), "date": "2025-06-26"})
        + "\n{broken json\n"
        + json.dumps({"id": "feed-no-text", "body": "x"})
        + "\n"
        + json.dumps({"id": "feed-2", "text": good(12)})
        + "\n"
    )


GOOD_IDS = {
    *(f"good{i}" for i in range(5)),
    "twin",
    "latin",
    "wide",
    "page",
    "long",
    "feed-1",
    "feed-2",
}
FAULTS = ["500", "429:0.3", "drop", "malformed", "slow:3"]


def plan(n: int, body: dict) -> str:
    if "POISON" in json.dumps(body["messages"]):
        return "invalid"  # this article's model never answers validly
    return FAULTS[n // 4 % len(FAULTS)] if n % 4 == 3 else "slow:0.05"


def test_a_faulty_batch_finishes_and_a_rerun_costs_nothing(tmp_path, monkeypatch, fast_backoff):
    monkeypatch.setenv("TROOPWATCH_MAX_ARTICLE_CHARS", "1000")
    monkeypatch.setenv("TROOPWATCH_MAX_TRANSPORT_RETRIES", "3")
    d = tmp_path / "in"
    d.mkdir()
    write_batch(d)
    out = tmp_path / "out.jsonl"
    cache = tmp_path / "cache.sqlite3"
    with FaultServer(plan=plan) as server:
        args = [
            "extract",
            str(d),
            str(tmp_path / "missing.txt"),
            "-o",
            str(out),
            "--cache",
            str(cache),
            "--backend",
            "openai",
            "--model",
            "m",
            "--base-url",
            server.url,
            "--concurrency",
            "3",
            "--timeout",
            "1",
            "-q",
        ]
        first = CliRunner().invoke(app, args)
        calls_first = len(server.log)
        second_out = tmp_path / "again.jsonl"
        args[args.index(str(out))] = str(second_out)
        second = CliRunner().invoke(app, args)
        calls_second = len(server.log) - calls_first

    assert first.exit_code == 1, first.output  # partial: some inputs are bad
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    ids = [x["article_id"] for x in lines]
    assert sorted(ids) == sorted(GOOD_IDS)  # every good article, each exactly once
    by_id = {x["article_id"]: x for x in lines}
    assert by_id["twin"]["deployments"] == by_id["good0"]["deployments"]
    assert [d["count"]["best"] for d in by_id["latin"]["deployments"]] == [3500]
    assert "cookies" not in json.dumps(by_id["page"])
    long_text = (d / "long.txt").read_text()
    for record in by_id["long"]["deployments"] + by_id["long"]["casualties"]:
        g = record["grounding"]
        assert long_text[g["evidence_start"] : g["evidence_end"]] == record["evidence"]
    assert {
        r["count"]["best"] for r in by_id["long"]["deployments"] + by_id["long"]["casualties"]
    } >= {2008, 150}

    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    stages = {(e["article_id"] or e["source"].rsplit("/", 1)[-1], e["stage"]) for e in errors}
    assert stages == {
        ("empty", "empty"),
        ("blank", "empty"),
        ("binary", "decode"),
        ("huge", "too_long"),
        ("poison", "validate"),
        ("feed.jsonl:2", "parse"),
        ("feed.jsonl:3", "parse"),
        ("missing.txt", "read"),
    }
    poison = next(e for e in errors if e["article_id"] == "poison")
    assert poison["last_raw"].startswith("Sure!") and poison["attempts"] == 2
    assert all(e["reason"] for e in errors)
    served = {h.action for h in server.log}
    assert set(FAULTS) <= served  # the server failed in every way along the way
    assert sum(x["provenance"]["attempts"]["transport_retries"] for x in lines) >= len(FAULTS)

    assert second.exit_code == 1, second.output
    assert calls_second == 0  # the re-run asked the model nothing
    assert second_out.read_bytes() == out.read_bytes()
    assert "0 model calls" in second.stderr and f"{len(GOOD_IDS)} from cache" in second.stderr
