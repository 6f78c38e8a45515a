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
