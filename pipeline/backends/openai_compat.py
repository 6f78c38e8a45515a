"""The ``openai`` backend: any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp server).

The only module that imports the openai SDK. The SDK's own retries are off (``max_retries=0``):
transport retries are ours, counted and reported in provenance.
"""

from __future__ import annotations

import json
from typing import Any

import openai

from pipeline.backends.base import InstructorBackend, as_json_object_format
from pipeline.errors import ConfigError, ModelUnavailableError
from pipeline.settings import Settings

# Servers that do not check keys still need a non-empty string in the Authorization header.
NO_KEY = "not-needed"


def is_transient(e: BaseException) -> bool:
    """Connection errors, timeouts, 429, 5xx and garbled response bodies are worth retrying.

    A body that is not JSON (or not a chat completion) comes from a proxy or a server cut off
    mid-answer, never from the model: the model's own text is parsed later, by instructor.
    """
    if isinstance(e, (openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError)):
        return True
    if isinstance(e, (json.JSONDecodeError, openai.APIResponseValidationError)):
        return True
    return isinstance(e, openai.APIStatusError) and e.status_code >= 500


def _map_error(settings: Settings) -> Any:
    where = settings.base_url or "the OpenAI API"

    def map_error(e: BaseException) -> Exception | None:
        if isinstance(e, openai.AuthenticationError):
            return ConfigError(
                f"{where} rejected the API key; set {settings.api_key_env} (or choose another "
                "variable with --api-key-env / TROOPWATCH_API_KEY_ENV)"
            )
        if isinstance(e, openai.NotFoundError):
            return ConfigError(
                f"{where} has no model {settings.model!r} (HTTP 404); set --model or "
                "TROOPWATCH_MODEL to a model the server serves"
            )
        if isinstance(e, (openai.APIConnectionError, openai.APITimeoutError)):
            return ModelUnavailableError(
                f"cannot reach {where} after {settings.max_transport_retries + 1} attempt(s) "
                f"({type(e).__name__}); check --base-url / TROOPWATCH_BASE_URL and that the "
                "server is running"
            )
        if isinstance(e, (json.JSONDecodeError, openai.APIResponseValidationError)):
            return ModelUnavailableError(
                f"{where} sent a malformed response body after "
                f"{settings.max_transport_retries + 1} attempt(s)"
            )
        if isinstance(e, openai.APIStatusError):
            return ModelUnavailableError(
                f"{where} answered HTTP {e.status_code} after "
                f"{settings.max_transport_retries + 1} attempt(s)"
            )
        return None

    return map_error


class OpenAICompatBackend(InstructorBackend):
    """Chat completions from an OpenAI-compatible server, in instructor's JSON_SCHEMA mode."""

    def __init__(self, settings: Settings) -> None:
        if not settings.model:
            raise ConfigError(
                "the openai backend needs a model name: set --model or TROOPWATCH_MODEL"
            )
        key = settings.api_key()
        if key is None and settings.base_url is None:
            raise ConfigError(
                "the openai backend needs an API key for the OpenAI API: set "
                f"{settings.api_key_env}, or point --base-url / TROOPWATCH_BASE_URL at your server"
            )
        self.client = openai.OpenAI(
            base_url=settings.base_url,
            api_key=key or NO_KEY,
            timeout=settings.request_timeout_s,
            max_retries=0,
        )
        raw_create = self.client.chat.completions.create
        if settings.response_format == "json_object":

            def create(**kwargs: Any) -> Any:
                return raw_create(**as_json_object_format(kwargs))

        else:
            create = raw_create
        super().__init__(
            name="openai",
            model_id=settings.model,
            create=create,
            request_kwargs={
                "model": settings.model,
                "temperature": settings.temperature,
                "max_tokens": settings.max_tokens,
            },
            max_validation_retries=settings.max_validation_retries,
            max_transport_retries=settings.max_transport_retries,
            is_transient=is_transient,
            map_error=_map_error(settings),
        )
