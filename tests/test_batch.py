"""The batch runner: order, cache, duplicates, resume, fleets and stopping, on fake backends."""

from __future__ import annotations

import json
import sqlite3

import pytest

import pipeline.batch
from pipeline.batch import BatchRunner, key_params, prepare_resume, run_batch
from pipeline.cache import Cache
from pipeline.errors import ConfigError, ModelUnavailableError
from pipeline.settings import Settings
from pipeline.sources import Article, InputProblem
from tests.fakes import answering_backend

PARAMS = key_params(Settings(backend="openai", model="m", base_url="http://127.0.0.1:1/v1"))


def article(i: int, **kw) -> Article:
    text = f"Report {i}: North Korea sent {1000 + i:,} workers to Russia, officials said."
    return Article(id=f"a{i:04d}", text=text, source=f"a{i:04d}.txt", **kw)


def runner(backends, cache=None, concurrency=1, **kw) -> BatchRunner:
    return BatchRunner(backends, params=PARAMS, concurrency=concurrency, cache=cache, **kw)


def lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_outcomes_come_in_input_order_with_requests_in_flight_at_once():
    backend, model = answering_backend(delay=0.05)
    items = [article(i) for i in range(12)]
    outcomes = list(runner([backend], concurrency=4).run(items))
    assert [o.article_id for o in outcomes] == [a.id for a in items]
    assert all(o.ok for o in outcomes)
    assert model.calls == 24 and model.max_in_flight == 4
    # (no wall-clock bound: on a shared, loaded machine it says more about the neighbours)


def test_a_rerun_of_an_unchanged_batch_makes_zero_model_calls(tmp_path):
    items = [article(i) for i in range(6)]
    with Cache(tmp_path / "c.sqlite3") as cache:
        backend, model = answering_backend()
        first = run_batch(runner([backend], cache), items, output=tmp_path / "1.jsonl", errors=None)
        assert (model.calls, first.written, first.cached) == (12, 6, 0)
        backend, model = answering_backend()
        again = run_batch(runner([backend], cache), items, output=tmp_path / "2.jsonl", errors=None)
        assert model.calls == 0 and (again.written, again.cached, again.model_calls) == (6, 6, 0)
        log = cache.run_log(again.run_id)
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()
    assert [(r["article_id"], r["status"], r["cached"]) for r in log] == [
        (a.id, "ok", 1) for a in items
    ]


def test_no_cache_and_changed_settings_ask_the_model_again(tmp_path):
    items = [article(1)]
    with Cache(tmp_path / "c.sqlite3") as cache:
        backend, model = answering_backend()
        list(runner([backend], cache).run(items))
        list(runner([backend], None).run(items))  # --no-cache
        assert model.calls == 4
        strict = BatchRunner([backend], params={**PARAMS, "strict": True}, cache=cache)
        list(strict.run(items))
        assert model.calls == 6
        other_model, other = answering_backend(model_id="another-model")
        list(runner([other_model], cache).run(items))
        assert other.calls == 2


def test_changed_record_code_rebuilds_records_from_stored_answers(tmp_path, monkeypatch):
    items = [article(i) for i in range(3)]
    with Cache(tmp_path / "c.sqlite3") as cache:
        backend, model = answering_backend()
        before = [o.summary for o in runner([backend], cache).run(items)]
        monkeypatch.setattr(pipeline.batch, "code_version", lambda: "edited-code")
        after = list(runner([backend], cache).run(items))
    assert model.calls == 6  # only the first run asked the model
    assert all(o.cached for o in after)
    assert [o.summary.deployments for o in after] == [s.deployments for s in before]


def test_duplicate_texts_are_extracted_once_and_written_under_each_id(tmp_path):
    a, b = article(1), article(2)
    twin = Article(id="twin", text=a.text, source="twin.txt")
    backend, model = answering_backend(delay=0.02)
    report = run_batch(
        runner([backend], concurrency=4),
        [a, b, twin, a],  # `a` given twice: the same input, skipped
        output=tmp_path / "o.jsonl",
        errors=tmp_path / "e.jsonl",
    )
    assert model.calls == 4  # a and b, two passes each
    out = lines(tmp_path / "o.jsonl")
    assert [o["article_id"] for o in out] == ["a0001", "a0002", "twin"]
    assert out[2]["deployments"] == out[0]["deployments"]
    assert out[2]["provenance"]["source"] == "twin.txt"
    assert (report.duplicates, report.skipped, report.failed) == (1, 1, 0)


def test_one_id_for_two_different_texts_is_an_error_not_a_silent_overwrite(tmp_path):
    clash = Article(id="a0001", text="Something else entirely about Russia.", source="b/a0001.txt")
    backend, _ = answering_backend()
    outcomes = list(runner([backend]).run([article(1), clash]))
    assert outcomes[1].stage == "id" and "already used by a0001.txt" in outcomes[1].reason


def test_resume_skips_done_ids_and_redoes_a_cut_off_last_line(tmp_path):
    items = [article(i) for i in range(5)]
    backend, _ = answering_backend()
    full = tmp_path / "full.jsonl"
    run_batch(runner([backend]), items, output=full, errors=None)
    # a run killed while writing its third line
    whole = full.read_text().splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_text("".join(whole[:2]) + whole[2][: len(whole[2]) // 2])
    backend, model = answering_backend()
    report = run_batch(runner([backend]), items, output=out, errors=None, resume=True)
    assert report.resume.done_ids == {"a0000", "a0001"} and report.resume.dropped_bytes > 0
    assert (report.skipped, report.written, model.calls) == (2, 3, 6)
    assert [x["article_id"] for x in lines(out)] == [x["article_id"] for x in lines(full)]


def test_resume_keeps_a_whole_last_line_without_newline_and_refuses_a_corrupt_middle(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text('{"article_id": "x"}\n{"article_id": "y"}')
    state = prepare_resume(out)
    assert state.done_ids == {"x"}  # y had no newline: it may be cut short, so it is redone
    out.write_text('{"article_id": "x"}\nnot json\n{"article_id": "y"}\n')
    with pytest.raises(ConfigError, match="line 2"):
        prepare_resume(out)


def test_servers_are_used_in_turn_and_both_passes_stay_on_one_server():
    (one, m1), (two, m2) = answering_backend(), answering_backend()
    items = [article(i) for i in range(6)]
    list(runner([one, two], concurrency=2).run(items))
    assert m1.calls == m2.calls == 6

    def articles_seen(model) -> list[str]:
        return [r["messages"][-1]["content"].split("<<<ARTICLE")[1][:80] for r in model.requests]

    # both passes of an article went to one server (requests of two articles on one server may
    # interleave, so compare per article, not neighbouring requests)
    seen_one, seen_two = articles_seen(m1), articles_seen(m2)
    assert not set(seen_one) & set(seen_two)
    assert all(seen_one.count(a) == 2 for a in seen_one)
    assert all(seen_two.count(a) == 2 for a in seen_two)


class Down:
    name, model_id = "fake", "fake-model"

    def __init__(self) -> None:
        self.calls = 0

    def complete(self, messages, response_model, *, max_tokens=None):
        self.calls += 1
        raise ModelUnavailableError("cannot reach http://127.0.0.1:9/v1 (APIConnectionError)")


def test_an_unreachable_server_of_a_fleet_is_passed_over():
    down = Down()
    up, model = answering_backend()
    outcomes = list(runner([down, up], concurrency=2).run([article(i) for i in range(4)]))
    assert all(o.ok for o in outcomes) and model.calls == 8


def test_no_server_at_all_stops_the_run_after_a_few_articles(tmp_path):
    down = Down()
    items = [article(i) for i in range(50)]
    report = run_batch(
        runner([down], max_consecutive_unavailable=3),
        items,
        output=tmp_path / "o.jsonl",
        errors=tmp_path / "e.jsonl",
    )
    assert isinstance(report.stopped, ModelUnavailableError)
    # three in a row stop it; the few already finished ahead (look-ahead window) are reported
    assert 3 <= report.failed <= 3 + 4 and down.calls == report.failed
    assert report.inputs + report.not_attempted < len(items)
    assert {e["stage"] for e in lines(tmp_path / "e.jsonl")} == {"transport"}


class Broken:
    name, model_id = "fake", "fake-model"

    def complete(self, messages, response_model, *, max_tokens=None):
        raise RuntimeError("a bug")


def test_an_unexpected_error_is_one_failed_article_not_a_crashed_batch():
    outcomes = list(runner([Broken()]).run([article(1), InputProblem("x.txt", "empty", "x")]))
    assert outcomes[0].stage == "extract" and "internal error (RuntimeError)" in outcomes[0].reason
    assert outcomes[1].status == "failed"


def test_run_log_records_failures_and_cache_hits(tmp_path):
    with Cache(tmp_path / "c.sqlite3") as cache:
        backend, _ = answering_backend()
        items = [article(1), InputProblem("bad.txt", "binary file", "bad", stage="decode")]
        report = run_batch(
            runner([backend], cache), items, output=tmp_path / "o.jsonl", errors=None
        )
        log = cache.run_log(report.run_id)
    assert [(r["article_id"], r["status"], r["stage"]) for r in log] == [
        ("a0001", "ok", None),
        ("bad", "failed", "decode"),
    ]


def test_a_run_that_writes_nothing_still_empties_old_files(tmp_path):
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    out.write_text('{"article_id": "old"}\n')
    err.write_text('{"article_id": "old"}\n')
    backend, _ = answering_backend()
    run_batch(runner([backend]), [], output=out, errors=err)
    assert out.read_text() == "" and err.read_text() == ""


def test_summarize_batch_runs_on_the_batch_runner():
    from pipeline import summarize_batch

    backend, model = answering_backend()
    texts = [article(1).text, article(2).text, article(1).text]
    results = list(summarize_batch(texts, settings=Settings(), backend=backend))
    assert [r.article.id for r in results] == ["article-1", "article-2", "article-3"]
    assert all(r.ok for r in results) and model.calls == 4  # the repeat is not asked again


def test_cache_file_is_sqlite_in_wal_mode(tmp_path):
    Cache(tmp_path / "c.sqlite3").close()
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


class Rejected:
    name, model_id = "fake", "fake-model"

    def __init__(self) -> None:
        self.calls = 0

    def complete(self, messages, response_model, *, max_tokens=None):
        self.calls += 1
        raise ConfigError("the server rejected the API key; set OPENAI_API_KEY")


def test_a_rejected_key_stops_the_run_at_once():
    backend = Rejected()
    r = runner([backend])
    outcomes = list(r.run([article(i) for i in range(30)]))
    assert isinstance(r.stopped, ConfigError)
    assert outcomes[0].stage == "config" and backend.calls <= 4  # not 30


def test_cli_stops_with_exit_four_and_says_how_to_go_on(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import pipeline.backends
    from pipeline.cli import app

    for i in range(20):
        (tmp_path / f"a{i:02d}.txt").write_text(article(i).text)
    monkeypatch.setattr(pipeline.backends, "make_backends", lambda settings: [Down()])
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 4
    last = result.stderr.strip().splitlines()[-1]
    assert "found no server" in last and "--resume" in last


def _answering_backends() -> list:
    """A worker process's backends (module level, so a spawned process can import it too)."""
    return [answering_backend(name="fake", model_id="fake-model")[0]]


def _failing_backends() -> list:
    from pipeline.errors import ExtractionError

    class Failing:
        name, model_id = "fake", "fake-model"

        def complete(self, messages, response_model, *, max_tokens=None):
            raise ExtractionError("no valid answer", attempts=2, last_raw="{}")

    return [Failing()]


def test_worker_processes_give_the_same_output_as_threads(tmp_path):
    items = [article(i) for i in range(10)] + [article(3)]  # the last repeats a text
    threads = run_batch(
        runner([answering_backend()[0]]), items, output=tmp_path / "t.jsonl", errors=None
    )
    with Cache(tmp_path / "c.sqlite3") as cache:
        procs = run_batch(
            runner([], cache, workers=2, backend_factory=_answering_backends),
            items,
            output=tmp_path / "p.jsonl",
            errors=None,
        )
        # each worker wrote its extractions to the shared cache file: a rerun asks nobody
        again = run_batch(
            runner([], cache, workers=2, backend_factory=_failing_backends),
            items,
            output=tmp_path / "q.jsonl",
            errors=None,
        )
    assert (threads.written, procs.written, procs.model_calls) == (10, 10, 20)
    strip = [{**x, "provenance": None} for x in lines(tmp_path / "t.jsonl")]
    assert [{**x, "provenance": None} for x in lines(tmp_path / "p.jsonl")] == strip
    assert (again.cached, again.failed) == (10, 0)


def test_a_failure_in_a_worker_process_keeps_its_details(tmp_path):
    report = run_batch(
        runner([], workers=2, backend_factory=_failing_backends),
        [article(1), article(2)],
        output=tmp_path / "o.jsonl",
        errors=tmp_path / "e.jsonl",
    )
    assert report.failed == 2
    assert [(e["stage"], e["attempts"], e["last_raw"]) for e in lines(tmp_path / "e.jsonl")] == [
        ("validate", 2, "{}"),
        ("validate", 2, "{}"),
    ]


def test_workers_need_a_server_backend_and_a_factory():
    with pytest.raises(ConfigError, match="--workers needs a server backend"):
        Settings(backend="local", workers=2)
    with pytest.raises(ConfigError, match="factory"):
        BatchRunner([], params=PARAMS, workers=2)
    settings = Settings(backend="openai", model="m", base_url="http://127.0.0.1:1/v1", workers=2)
    built = BatchRunner.from_settings(settings, backends=[])
    assert built.workers == 2 and built.backend_factory is not None


def _down_backends() -> list:
    return [Down()]


def _broken_backends() -> list:
    return [Broken()]


def test_worker_processes_stop_a_run_that_finds_no_server_and_report_bugs(tmp_path):
    items = [article(i) for i in range(200)]
    report = run_batch(
        runner([], workers=2, backend_factory=_down_backends, max_consecutive_unavailable=3),
        items,
        output=tmp_path / "o.jsonl",
        errors=tmp_path / "e.jsonl",
    )
    assert isinstance(report.stopped, ModelUnavailableError)
    assert report.inputs + report.not_attempted < len(items)  # the rest was never sent
    assert {e["stage"] for e in lines(tmp_path / "e.jsonl")} == {"transport"}
    # a bug in a worker is one failed article, with its type kept across the process boundary
    outcomes = list(runner([], workers=2, backend_factory=_broken_backends).run([article(1)]))
    assert outcomes[0].stage == "extract" and "RuntimeError: a bug" in outcomes[0].reason
