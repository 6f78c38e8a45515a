"""The OpenAI Batch API: prepare writes the requests a live run would send, ingest reads results."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extract import extract_article
from pipeline.sources import Article
from tests.fakes import answer_for, answering_backend
from tests.fault_server import completion

runner = CliRunner()


def text(i: int) -> str:
    return f"North Korea sent {1000 + i:,} workers to Russia, officials said. Fuel went back."


def write_articles(tmp_path, n=3):
    for i in range(n):
        (tmp_path / f"a{i}.txt").write_text(text(i))
    return [str(tmp_path / f"a{i}.txt") for i in range(n)]


def read(path):
    return [json.loads(x) for x in path.read_text().splitlines()]


def prepare(tmp_path, paths):
    requests = tmp_path / "requests.jsonl"
    result = runner.invoke(app, ["batch", "prepare", *paths, "-o", str(requests), "--model", "m"])
    assert result.exit_code == 0, result.output
    return requests


def ok_result(request):
    return {
        "id": "batch_req_" + request["custom_id"],
        "custom_id": request["custom_id"],
        "response": {
            "status_code": 200,
            "request_id": "req",
            "body": json.loads(completion(answer_for(request["body"]))),
        },
        "error": None,
    }


def test_prepare_writes_batch_api_requests_with_a_strict_schema(tmp_path):
    requests = prepare(tmp_path, write_articles(tmp_path, 2))
    lines = read(requests)
    assert [r["custom_id"] for r in lines] == ["a0#0", "a0#1", "a1#0", "a1#1"]
    first = lines[0]
    assert (first["method"], first["url"]) == ("POST", "/v1/chat/completions")
    body = first["body"]
    assert (
        body["model"] == "m" and body["max_tokens"] > 0 and body["messages"][0]["role"] == "system"
    )
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False and schema["required"] == ["f1"]
    figure = schema["properties"]["f1"]
    assert figure["properties"]["figure"]["enum"] == ["1,000 workers"]
    assert figure["additionalProperties"] is False
    sidecar = read(tmp_path / "requests.articles.jsonl")
    assert [(a["id"], a["calls"]) for a in sidecar] == [("a0", 2), ("a1", 2)]


def test_ingest_gives_what_a_live_run_gives(tmp_path):
    paths = write_articles(tmp_path, 3)
    requests = prepare(tmp_path, paths)
    results = tmp_path / "results.jsonl"
    # the Batch API returns results in any order
    results.write_text("".join(json.dumps(ok_result(r)) + "\n" for r in reversed(read(requests))))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", "ingest", str(requests), str(results), "-o", str(out)])
    assert result.exit_code == 0, result.output
    got = read(out)
    assert [g["article_id"] for g in got] == ["a0", "a1", "a2"]
    backend, _ = answering_backend()
    for g, i in zip(got, range(3), strict=True):
        live = extract_article(Article(f"a{i}", text(i)), backend)
        assert g["deployments"] == json.loads(live.model_dump_json())["deployments"]
        assert g["provenance"]["backend"] == "openai-batch" and g["provenance"]["model"] == "m"
        assert g["provenance"]["attempts"]["model_calls"] == 2


def test_errors_in_the_results_file_are_ledgered_per_article(tmp_path):
    paths = write_articles(tmp_path, 5)
    (tmp_path / "dup.txt").write_text(text(0))  # the same text as a0: asked once
    requests = prepare(tmp_path, [*paths, str(tmp_path / "dup.txt")])
    reqs = {r["custom_id"]: r for r in read(requests)}
    assert len(reqs) == 10  # not 12: the duplicate is not asked twice
    results = [ok_result(r) for r in reqs.values()]
    by_id = {r["custom_id"]: r for r in results}
    by_id["a1#0"]["error"] = {"code": "batch_expired", "message": "the batch expired"}
    by_id["a1#0"]["response"] = None
    by_id["a2#1"]["response"]["status_code"] = 429
    by_id["a2#1"]["response"]["body"] = {"error": {"message": "rate limit"}}
    by_id["a3#0"]["response"]["body"] = json.loads(completion("I cannot help with that."))
    del by_id["a4#1"]
    lines = [json.dumps(r) for r in by_id.values()] + ["{not json"]
    (tmp_path / "results.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["batch", "ingest", str(requests), str(tmp_path / "results.jsonl"), "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert [g["article_id"] for g in read(out)] == ["a0", "dup"]
    errors = {e["article_id"]: e for e in read(tmp_path / "out.jsonl.errors.jsonl")}
    assert "batch expired" in errors["a1"]["reason"] and errors["a1"]["stage"] == "batch"
    assert "HTTP 429: rate limit" in errors["a2"]["reason"]
    assert errors["a3"]["stage"] == "validate" and errors["a3"]["last_raw"].startswith("I cannot")
    assert "no result for a4#1" in errors["a4"]["reason"]
    assert any(e["stage"] == "parse" for e in errors.values())  # the broken results line


def test_a_changed_article_or_prompt_is_caught_not_answered_with_the_old_results(tmp_path):
    requests = prepare(tmp_path, write_articles(tmp_path, 1))
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(ok_result(r)) + "\n" for r in read(requests)))
    sidecar = tmp_path / "requests.articles.jsonl"
    entry = json.loads(sidecar.read_text())
    entry["text"] = entry["text"].replace("officials", "diplomats")
    sidecar.write_text(json.dumps(entry) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", "ingest", str(requests), str(results), "-o", str(out)])
    assert result.exit_code == 3
    (error,) = read(tmp_path / "out.jsonl.errors.jsonl")
    assert error["stage"] == "batch" and "asks something else" in error["reason"]


def test_prepare_needs_a_model(tmp_path, monkeypatch):
    monkeypatch.delenv("TROOPWATCH_MODEL", raising=False)
    result = runner.invoke(app, ["batch", "prepare", *write_articles(tmp_path, 1), "-o", "r.jsonl"])
    assert result.exit_code == 2 and "--model" in result.stderr
