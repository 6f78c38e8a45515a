"""A fake backend that replays recorded completions through the real instructor machinery."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openai.types.chat import ChatCompletion

from pipeline.backends.base import InstructorBackend

RECORDED = Path(__file__).parent / "fixtures" / "recorded"


def chat_completion(
    content: str, prompt_tokens: int = 100, completion_tokens: int = 20, finish_reason: str = "stop"
) -> ChatCompletion:
    return ChatCompletion.model_validate(
        {
            "id": "fake",
            "object": "chat.completion",
            "created": 0,
            "model": "fake",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "message": {"role": "assistant", "content": content},
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


class Replay:
    """A ``create`` function answering from a script: strings are completions, exceptions raise.

    Keeps every request it received in ``requests`` so tests can inspect prompts.
    """

    def __init__(self, script: Iterable[str | BaseException]) -> None:
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> ChatCompletion:
        self.requests.append(kwargs)
        if not self.script:
            raise AssertionError("the fake backend ran out of recorded completions")
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        return chat_completion(item)


def fake_backend(
    script: Iterable[str | BaseException], **kwargs: Any
) -> tuple[InstructorBackend, Replay]:
    replay = Replay(script)
    options: dict[str, Any] = {"max_validation_retries": 1, "max_transport_retries": 0}
    options.update(kwargs)
    backend = InstructorBackend(
        name="fake",
        model_id="fake-model",
        create=replay,
        request_kwargs={},
        wait=lambda state: 0.0,
        **options,
    )
    return backend, replay


def recorded(name: str) -> list[str]:
    """Completions recorded from the real embedded model (see tests/fixtures/recorded/README)."""
    return json.loads((RECORDED / f"{name}.json").read_text())["completions"]


def fill(schema: dict[str, Any], node: dict[str, Any] | None = None) -> Any:
    """Valid JSON for a response schema: each figure's pinned label, the first enum value (so
    every figure counts "troops sent"), null where allowed, [] for lists."""
    node = schema if node is None else node
    if "$ref" in node:
        return fill(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][0]
    if "anyOf" in node:
        if any(option.get("type") == "null" for option in node["anyOf"]):
            return None
        return fill(schema, node["anyOf"][0])
    kind = node.get("type")
    if kind == "object":
        return {k: fill(schema, v) for k, v in node.get("properties", {}).items()}
    return {"array": [], "string": "", "integer": 0, "number": 0, "boolean": False}.get(kind)


def answer_for(request: dict[str, Any]) -> str:
    """The content a good model would return for an OpenAI chat-completion request body."""
    fmt = request["response_format"]
    schema = fmt["json_schema"]["schema"] if fmt["type"] == "json_schema" else fmt["schema"]
    return json.dumps(fill(schema))


class SchemaAnswers:
    """A ``create`` function answering every request with valid JSON for its schema.

    Thread-safe; counts calls and the most calls in flight at once; ``delay`` seconds per call.
    """

    def __init__(self, delay: float = 0.0) -> None:
        import threading

        self.delay = delay
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    @property
    def calls(self) -> int:
        return len(self.requests)

    def __call__(self, **kwargs: Any) -> ChatCompletion:
        import time

        with self._lock:
            self.requests.append(kwargs)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            return chat_completion(answer_for(kwargs))
        finally:
            with self._lock:
                self.in_flight -= 1


def answering_backend(
    delay: float = 0.0, *, name: str = "fake", model_id: str = "fake-model", **kwargs: Any
) -> tuple[InstructorBackend, SchemaAnswers]:
    """A backend (real instructor machinery) whose model always answers validly."""
    answers = SchemaAnswers(delay)
    options: dict[str, Any] = {"max_validation_retries": 1, "max_transport_retries": 0}
    options.update(kwargs)
    backend = InstructorBackend(
        name=name,
        model_id=model_id,
        create=answers,
        request_kwargs={},
        wait=lambda state: 0.0,
        **options,
    )
    return backend, answers
