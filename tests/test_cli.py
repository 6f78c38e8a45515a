"""The CLI as a user meets it, on a fake backend (exit codes, files, messages)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import pipeline.backends
from pipeline.cli import app
from pipeline.errors import ModelUnavailableError
from tests.fakes import fake_backend

runner = CliRunner()
ARTICLE = "North Korea sent 2,000 workers to Russia, officials said."
FIGS = {
    "f1": {
        "figure": "2,000 workers",
        "counts": "workers sent",
        "status": "ongoing",
        "claimant": "officials",
        "location": None,
        "time_text": None,
    }
}
NO_EXC = {"exchanges": []}


@pytest.fixture
def fake(monkeypatch):
    """Install a fake backend; returns a function that sets its script."""
    holder = {}

    def install(script):
        backend, replay = fake_backend(
            [json.dumps(s) if isinstance(s, dict) else s for s in script]
        )
        holder["replay"] = replay
        monkeypatch.setattr(pipeline.backends, "make_backend", lambda settings: backend)
        return replay

    return install


def test_extract_writes_one_line_per_article_and_an_error_ledger(tmp_path, fake):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    fake([FIGS, NO_EXC])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1, result.output  # one bad input: partial failure
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["article_id"] for line in lines] == ["good"]
    assert lines[0]["deployments"][0]["count"]["best"] == 2000
    errors = [
        json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()
    ]
    assert errors[0]["article_id"] == "empty" and "empty" in errors[0]["reason"]
    assert "1 articles extracted, 1 records, 1 failures" in result.stderr


def test_all_good_exits_zero_and_stdout_works(tmp_path, fake):
    (tmp_path / "a.txt").write_text(ARTICLE)
    fake([FIGS, NO_EXC])
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-q"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article_id"] == "a"


def test_nothing_readable_exits_three(tmp_path, fake):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    fake([])
    result = runner.invoke(
        app, ["extract", str(tmp_path / "bin.txt"), "-o", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 3
    assert "binary" in result.stderr
    assert "Traceback" not in result.output


def test_model_failure_is_recorded_with_last_raw_and_batch_goes_on(tmp_path, fake):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + " More later.")  # same text would be a duplicate
    fake(["garbage", "garbage", FIGS, NO_EXC])
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert [json.loads(x)["article_id"] for x in out.read_text().splitlines()] == ["b"]
    err = json.loads((tmp_path / "o.jsonl.errors.jsonl").read_text())
    assert err["stage"] == "validate" and err["last_raw"] == "garbage" and err["attempts"] == 2


def test_unavailable_model_is_one_line_exit_four(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)

    def boom(settings):
        raise ModelUnavailableError("embedded model part 3 is not installed")

    monkeypatch.setattr(pipeline.backends, "make_backend", boom)
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 4
    assert result.stderr.strip() == "troopwatch: error: embedded model part 3 is not installed"


def test_bad_setting_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("TROOPWATCH_MAX_TOKENS", "many")
    result = runner.invoke(app, ["extract", "-"], input=ARTICLE)
    assert result.exit_code == 2 and "TROOPWATCH_MAX_TOKENS" in result.stderr


def test_workers_with_the_local_model_is_a_usage_error_that_says_why(tmp_path):
    result = runner.invoke(app, ["extract", "-", "--workers", "2"], input=ARTICLE)
    assert result.exit_code == 2 and "--workers needs a server backend" in result.stderr


def test_schema_command_prints_the_contract():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "ArticleSummary"
    assert {"deployments", "casualties", "exchanges", "provenance"} <= set(schema["properties"])


def test_api_key_never_reaches_outputs(tmp_path, fake, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret-value")
    (tmp_path / "a.txt").write_text(ARTICLE)
    fake([FIGS, NO_EXC])
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(out)])
    assert "sk-test-secret-value" not in out.read_text() + result.output


def test_an_article_out_of_scope_is_written_and_counted_without_a_model_call(tmp_path, fake):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "parade.txt").write_text(
        "A Russian delegation watched North Korea's parade in Pyongyang on Saturday, where "
        "leader Kim Jong Un showed off 12 new missiles."
    )
    replay = fake([FIGS, NO_EXC])  # answers for one article only
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    lines = {json.loads(x)["article_id"]: json.loads(x) for x in out.read_text().splitlines()}
    assert lines["parade"]["provenance"]["in_scope"] is False
    assert lines["parade"]["deployments"] == [] and lines["parade"]["exchanges"] == []
    assert lines["good"]["provenance"]["in_scope"] is True
    assert len(replay.requests) == 2  # the good article's two passes only
    assert "1 out of scope" in result.stderr
