"""The shared instructor + tenacity machinery, driven by a fake create function."""

from __future__ import annotations

import openai
import pytest

try:  # openai 3.x moved to httpx2
    import httpx2 as httpx
except ImportError:  # pragma: no cover
    import httpx  # type: ignore[no-redef]

from pipeline.backends.base import as_json_object_format, backoff_wait
from pipeline.backends.openai_compat import _map_error, is_transient
from pipeline.errors import ConfigError, ExtractionError, ModelUnavailableError
from pipeline.settings import Settings
from schemas import ExchangeDrafts
from tests.fakes import fake_backend

GOOD = (
    '{"exchanges": [{"category": "fuel", "item": "oil", "direction": "Russia to North Korea", '
    '"status": "delivered", "claimant": null, "time_text": null}]}'
)
MESSAGES = [{"role": "user", "content": "article"}]


def _status_error(cls: type, code: int, headers: dict | None = None) -> Exception:
    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    response = httpx.Response(code, request=request, headers=headers or {})
    return cls("boom", response=response, body=None)


def test_valid_completion_is_parsed_and_counted():
    backend, replay = fake_backend([GOOD])
    c = backend.complete(MESSAGES, ExchangeDrafts)
    assert c.parsed.exchanges[0].item == "oil"
    assert (c.model_calls, c.validation_retries, c.transport_retries) == (1, 0, 0)
    assert c.usage.prompt_tokens == 100
    # instructor's JSON_SCHEMA mode sends the schema as response_format
    assert replay.requests[0]["response_format"]["type"] == "json_schema"


def test_invalid_output_is_reasked_with_the_validation_error():
    bad = (
        '{"exchanges": [{"category": "bananas", "item": "x", "direction": "other states", '
        '"status": "delivered", "claimant": null, "time_text": null}]}'
    )
    backend, replay = fake_backend([bad, GOOD], max_validation_retries=1)
    c = backend.complete(MESSAGES, ExchangeDrafts)
    assert (c.model_calls, c.validation_retries) == (2, 1)
    reask = str(replay.requests[1]["messages"])
    assert "bananas" in reask  # the model is told what was wrong


def test_validation_retries_are_bounded_and_keep_last_raw():
    backend, _ = fake_backend(["not json", "still not json"], max_validation_retries=1)
    with pytest.raises(ExtractionError) as info:
        backend.complete(MESSAGES, ExchangeDrafts)
    assert info.value.attempts == 2
    assert info.value.last_raw == "still not json"


def test_transport_errors_are_retried_and_never_reach_the_prompt():
    err = _status_error(openai.InternalServerError, 503)
    backend, replay = fake_backend(
        [err, err, GOOD], max_transport_retries=2, is_transient=is_transient
    )
    c = backend.complete(MESSAGES, ExchangeDrafts)
    assert c.transport_retries == 2
    assert c.validation_retries == 0
    assert all("boom" not in str(r["messages"]) for r in replay.requests)


def test_transport_retries_are_bounded_then_mapped_to_a_readable_error():
    settings = Settings(backend="openai", model="m", base_url="http://127.0.0.1:9/v1")
    conn = openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:9"))
    backend, replay = fake_backend(
        [conn, conn, conn],
        max_transport_retries=2,
        is_transient=is_transient,
        map_error=_map_error(settings),
    )
    with pytest.raises(ModelUnavailableError, match="TROOPWATCH_BASE_URL"):
        backend.complete(MESSAGES, ExchangeDrafts)
    assert len(replay.requests) == 3


def test_client_errors_are_not_retried():
    settings = Settings(backend="openai", model="m", base_url="http://127.0.0.1:9/v1")
    err = _status_error(openai.AuthenticationError, 401)
    backend, replay = fake_backend(
        [err, GOOD],
        max_transport_retries=3,
        is_transient=is_transient,
        map_error=_map_error(settings),
    )
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        backend.complete(MESSAGES, ExchangeDrafts)
    assert len(replay.requests) == 1


def test_retry_after_header_is_honoured():
    class Outcome:
        def __init__(self, e):
            self._e = e

        def exception(self):
            return self._e

    class State:
        attempt_number = 1
        outcome = Outcome(_status_error(openai.RateLimitError, 429, {"retry-after": "7"}))

    assert backoff_wait()(State()) == 7.0


def test_llama_gets_a_schema_it_enforces():
    kwargs = {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "X", "schema": {"type": "object"}},
        }
    }
    assert as_json_object_format(kwargs)["response_format"] == {
        "type": "json_object",
        "schema": {"type": "object"},
    }


def test_default_threads_count_physical_cores_once(monkeypatch, tmp_path):
    from pipeline.backends import local

    # four logical CPUs, two cores with two SMT siblings each
    for cpu, core in enumerate([0, 1, 0, 1]):
        topology = tmp_path / f"cpu{cpu}" / "topology"
        topology.mkdir(parents=True)
        (topology / "physical_package_id").write_text("0\n")
        (topology / "core_id").write_text(f"{core}\n")
    real_path = local.Path
    monkeypatch.setattr(local.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(
        local,
        "Path",
        lambda p: real_path(str(p).replace("/sys/devices/system/cpu", str(tmp_path))),
    )
    assert local.default_threads() == 2
