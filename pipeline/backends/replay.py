"""The ``replay`` backend: answers from completions recorded earlier, in call order.

Used where the model already answered: the extraction cache (records rebuilt by the current code
from stored completions, with no model call) and the OpenAI Batch API (``batch ingest`` feeds the
results file back through ``extract_article``). Each answer may carry the sha256 of the messages
it answered; a call whose messages differ (another prompt, another article text) raises
``ReplayMismatch`` instead of pairing the wrong answer with the question.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from openai.types.chat import ChatCompletion

from pipeline.backends.base import Completion, InstructorBackend, Messages, T
from pipeline.errors import ExtractionError


class ReplayMismatch(ExtractionError):
    """The pipeline asked something the recording did not answer."""


def messages_sha256(messages: Messages) -> str:
    """A stable hash of chat messages (what a recorded answer is checked against)."""
    return hashlib.sha256(
        json.dumps(messages, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


@dataclass(frozen=True)
class Answer:
    """One recorded answer: a chat completion (dict) or just its content, and what it answered."""

    completion: dict[str, Any] | str
    messages_sha256: str | None = None


def _as_chat_completion(answer: dict[str, Any] | str) -> ChatCompletion:
    if isinstance(answer, str):
        answer = {
            "id": "replay",
            "object": "chat.completion",
            "created": 0,
            "model": "replay",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": answer},
                }
            ],
        }
    return ChatCompletion.model_validate(answer)


class ReplayBackend:
    """Answers call *i* with recorded answer *i*; validation as on a live backend, no re-asks."""

    def __init__(
        self, name: str, model_id: str, answers: list[Answer], *, answered_by_model: bool = False
    ) -> None:
        self.name = name
        self._answered_by_model = answered_by_model  # Batch API results: a model did answer
        self.model_id = model_id
        self._answers = list(answers)
        self.calls = 0

        def create(**kwargs: Any) -> ChatCompletion:
            return _as_chat_completion(self._current.completion)

        self._inner = InstructorBackend(
            name=name,
            model_id=model_id,
            create=create,
            request_kwargs={},
            max_validation_retries=0,  # a recording cannot answer a re-ask
            max_transport_retries=0,
        )
        self._current = Answer("")

    def complete(
        self, messages: Messages, response_model: type[T], *, max_tokens: int | None = None
    ) -> Completion[T]:
        index = self.calls
        self.calls += 1
        if index >= len(self._answers):
            raise ReplayMismatch(
                f"call {index} was not recorded (the recording has {len(self._answers)})"
            )
        self._current = self._answers[index]
        expected = self._current.messages_sha256
        if expected is not None and expected != messages_sha256(messages):
            raise ReplayMismatch(
                f"call {index} asks something else than was recorded (prompt or text changed)"
            )
        completion = self._inner.complete(messages, response_model, max_tokens=max_tokens)
        if not self._answered_by_model:
            completion.model_calls = 0  # a cache replay asks no model
        return completion

    @property
    def exhausted(self) -> bool:
        """True when every recorded answer was used."""
        return self.calls == len(self._answers)
