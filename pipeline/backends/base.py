"""The backend interface, and the instructor + tenacity machinery every backend shares.

A backend is one small class with one method, ``complete(messages, response_model)``. Backends
differ only in the raw ``create`` function they hand to :class:`InstructorBackend`: an in-process
llama.cpp model, an OpenAI-compatible HTTP server, or a replay of recorded completions in tests.

Two retry loops, counted separately:

* validation retries: instructor re-asks the model with the pydantic errors;
* transport retries: tenacity retries connection errors, timeouts, 429 and 5xx with backoff
  (honouring ``Retry-After``). Transport errors never reach the prompt.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import instructor
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from pipeline.errors import ExtractionError

T = TypeVar("T", bound=BaseModel)
Messages = list[dict[str, str]]


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens


@dataclass
class Completion(Generic[T]):
    """What one ``complete`` call returns: the validated object and what it cost."""

    parsed: T
    raw_text: str
    usage: Usage = field(default_factory=Usage)
    model_calls: int = 1
    validation_retries: int = 0
    transport_retries: int = 0
    latency_s: float = 0.0


class Backend(Protocol):
    """One method: messages and a pydantic model in, a validated Completion out."""

    name: str
    model_id: str

    def complete(
        self, messages: Messages, response_model: type[T], *, max_tokens: int | None = None
    ) -> Completion[T]: ...


RetryPredicate = Callable[[BaseException], bool]
ErrorMapper = Callable[[BaseException], Exception | None]


def _retry_after_seconds(exc: BaseException) -> float | None:
    """Seconds a server asked us to wait (``Retry-After``), if it said so."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def backoff_wait(base: float = 0.5, cap: float = 30.0) -> Callable[[RetryCallState], float]:
    """Exponential backoff with full jitter; a server's ``Retry-After`` wins (capped)."""

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = _retry_after_seconds(exc) if exc else None
        if asked is not None:
            return min(asked, cap)
        return random.uniform(0, min(cap, base * 2 ** (state.attempt_number - 1)))

    return wait


def as_json_object_format(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Rewrite instructor's ``json_schema`` response format as llama-cpp-python's ``json_object``.

    llama-cpp-python (in-process, and its ``llama_cpp.server``) silently ignores
    ``{"type": "json_schema", ...}``, so nothing would constrain decoding; from the
    ``json_object`` form it builds a grammar. Servers that speak ``json_schema`` (vLLM, Ollama,
    llama.cpp's own server, OpenAI) take instructor's request unchanged.
    """
    fmt = kwargs.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        kwargs = dict(kwargs)
        kwargs["response_format"] = {"type": "json_object", "schema": fmt["json_schema"]["schema"]}
    return kwargs


class InstructorBackend:
    """Validated completions from any OpenAI-style ``create`` function.

    ``create`` takes OpenAI chat-completion keyword arguments and returns an OpenAI
    ``ChatCompletion``. ``is_transient`` says which of its exceptions are worth retrying;
    ``map_error`` turns a final transport error into a ``TroopwatchError`` with a readable message.
    """

    def __init__(
        self,
        *,
        name: str,
        model_id: str,
        create: Callable[..., Any],
        request_kwargs: dict[str, Any],
        max_validation_retries: int,
        max_transport_retries: int,
        is_transient: RetryPredicate = lambda e: False,
        map_error: ErrorMapper = lambda e: None,
        mode: instructor.Mode = instructor.Mode.JSON_SCHEMA,
        wait: Callable[[RetryCallState], float] | None = None,
    ) -> None:
        self.name = name
        self.model_id = model_id
        self._create = create
        self._request_kwargs = request_kwargs
        self._max_validation_retries = max_validation_retries
        self._max_transport_retries = max_transport_retries
        self._is_transient = is_transient
        self._map_error = map_error
        self._mode = mode
        self._wait = wait or backoff_wait()

    def complete(
        self, messages: Messages, response_model: type[T], *, max_tokens: int | None = None
    ) -> Completion[T]:
        """Validated ``response_model`` for ``messages``; ``max_tokens`` caps this answer."""
        responses: list[Any] = []
        transport_retries = 0

        def count_retry(state: RetryCallState) -> None:
            nonlocal transport_retries
            transport_retries += 1

        retrying = Retrying(
            stop=stop_after_attempt(self._max_transport_retries + 1),
            wait=self._wait,
            retry=retry_if_exception(self._is_transient),
            before_sleep=count_retry,
            reraise=True,
        )

        def create(*args: Any, **kwargs: Any) -> Any:
            response = retrying(self._create, *args, **kwargs)
            responses.append(response)
            return response

        patched = instructor.patch(create=create, mode=self._mode)
        start = time.perf_counter()
        try:
            parsed = patched(
                response_model=response_model,
                messages=messages,
                max_retries=self._max_validation_retries,
                strict=False,
                **{**self._request_kwargs, **({"max_tokens": max_tokens} if max_tokens else {})},
            )
        except Exception as e:
            # instructor wraps transport errors in InstructorRetryException: look down the chain.
            for cause in _causes(e):
                mapped = self._map_error(cause)
                if mapped is not None:
                    raise mapped from e
            raw = _text_of(responses[-1]) if responses else None
            raise ExtractionError(
                f"{self.name} backend gave no valid {response_model.__name__} after "
                f"{len(responses)} completion(s): {_first_line(_causes(e)[-1])}",
                attempts=len(responses),
                last_raw=raw,
            ) from e
        latency = time.perf_counter() - start
        usage = Usage()
        for r in responses:
            usage.add(_usage_of(r))
        return Completion(
            parsed=parsed,
            raw_text=_text_of(responses[-1]) if responses else "",
            usage=usage,
            model_calls=len(responses),
            validation_retries=max(0, len(responses) - 1),
            transport_retries=transport_retries,
            latency_s=latency,
        )


def _causes(e: BaseException) -> list[BaseException]:
    chain = []
    seen: BaseException | None = e
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain


def _text_of(response: Any) -> str:
    try:
        return response.choices[0].message.content or ""
    except (AttributeError, IndexError):
        return ""


def _usage_of(response: Any) -> Usage:
    u = getattr(response, "usage", None)
    if u is None:
        return Usage()
    return Usage(int(u.prompt_tokens or 0), int(u.completion_tokens or 0))


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0][:300] if text else type(e).__name__
