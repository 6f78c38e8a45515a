"""The ``capture`` backend: records the requests the pipeline would send, answers placeholders.

``batch prepare`` runs ``extract_article`` on it to learn every request of an article without
calling a model: each ``complete`` call is recorded as an OpenAI chat-completion request body
(as instructor builds it for a live server) and answered with a valid but empty object, so the
next pass runs exactly as it would have.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from pipeline.backends.base import Completion, InstructorBackend, Messages, T
from pipeline.backends.replay import _as_chat_completion


def placeholder(schema: dict[str, Any], node: dict[str, Any] | None = None) -> Any:
    """The emptiest valid JSON for a response schema: consts kept, the last enum value (for
    a figure: "something else", so no record), null where allowed, [] for lists."""
    node = schema if node is None else node
    if "$ref" in node:
        return placeholder(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][-1]
    if "anyOf" in node:
        if any(option.get("type") == "null" for option in node["anyOf"]):
            return None
        return placeholder(schema, node["anyOf"][0])
    kind = node.get("type")
    if kind == "object":
        return {k: placeholder(schema, v) for k, v in node.get("properties", {}).items()}
    return {"array": [], "string": "", "integer": 0, "number": 0, "boolean": False}.get(kind)


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON schema OpenAI accepts with ``"strict": true``: every object closed and all of its
    properties required; ``const`` written as a one-value ``enum``; no ``default``."""

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        node = {k: walk(v) for k, v in node.items() if k != "default"}
        if "const" in node:
            node["enum"] = [node.pop("const")]
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
            node["required"] = list(node["properties"])
        return node

    return walk(copy.deepcopy(schema))


class CaptureBackend:
    """Records one Batch API request body per call and answers a placeholder."""

    def __init__(self, name: str, model_id: str, request_kwargs: dict[str, Any]) -> None:
        self.name = name
        self.model_id = model_id
        self.requests: list[dict[str, Any]] = []

        def create(**kwargs: Any) -> Any:
            fmt = kwargs["response_format"]["json_schema"]
            body = {k: v for k, v in kwargs.items() if k != "response_format"}
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": fmt["name"],
                    "schema": strict_schema(fmt["schema"]),
                    "strict": True,
                },
            }
            self.requests.append(body)
            return _as_chat_completion(json.dumps(placeholder(fmt["schema"])))

        self._inner = InstructorBackend(
            name=name,
            model_id=model_id,
            create=create,
            request_kwargs=request_kwargs,
            max_validation_retries=0,
            max_transport_retries=0,
        )

    def complete(
        self, messages: Messages, response_model: type[T], *, max_tokens: int | None = None
    ) -> Completion[T]:
        return self._inner.complete(messages, response_model, max_tokens=max_tokens)
