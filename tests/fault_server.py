"""A fault-injection OpenAI-compatible server for tests: stdlib http.server on 127.0.0.1.

It speaks enough of ``POST /v1/chat/completions`` for the openai SDK: a good answer is a valid
chat completion whose content is valid JSON for the request's response schema (tests.fakes.fill).
Each request takes the next action from ``script``, then ``plan(n, body)`` if given, else "ok":

* ``"ok"``: a good answer;
* ``"429:S"``: HTTP 429 with ``Retry-After: S``;
* ``"500"``: HTTP 500 with an OpenAI-style error body;
* ``"malformed"``: HTTP 200 whose body is cut-off JSON;
* ``"slow:S"``: a good answer after S seconds (past the client's timeout when S is larger);
* ``"drop"``: the connection is closed without an answer;
* ``"invalid"``: HTTP 200, a well-formed completion whose content is not the requested JSON.

Every request is logged (arrival time, action, the article text's first words) in ``log``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes import answer_for


@dataclass
class Hit:
    at: float
    action: str
    article: str  # a snippet of the article the request was about


def _article_of(body: dict[str, Any]) -> str:
    content = body.get("messages", [{}])[-1].get("content", "")
    if "<<<ARTICLE" in content:
        content = content.split("<<<ARTICLE", 1)[1]
    return content.strip()[:60]


class FaultServer:
    """Start with ``with FaultServer(script) as server: ... server.url``."""

    def __init__(
        self,
        script: list[str] | None = None,
        plan: Callable[[int, dict[str, Any]], str] | None = None,
    ) -> None:
        self.script = list(script or [])
        self.plan = plan
        self.log: list[Hit] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/v1"

    def actions(self) -> list[str]:
        return [h.action for h in self.log]

    def _next(self, body: dict[str, Any]) -> str:
        with self._lock:
            n = len(self.log)
            if self.script:
                action = self.script.pop(0)
            elif self.plan is not None:
                action = self.plan(n, body)
            else:
                action = "ok"
            self.log.append(Hit(time.monotonic(), action, _article_of(body)))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        return action

    def _done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _send(self, code: int, payload: bytes, headers: dict[str, str] | None = None):
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                action = server._next(body)
                try:
                    self._act(action, body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to answer
                finally:
                    server._done()

            def _act(self, action: str, body: dict[str, Any]) -> None:
                kind, _, arg = action.partition(":")
                if kind == "slow":
                    time.sleep(float(arg))
                    kind = "ok"
                if kind == "ok":
                    self._send(200, completion(answer_for(body)))
                elif kind == "invalid":
                    self._send(200, completion("Sure! Here are the figures you asked about."))
                elif kind == "429":
                    error = {"error": {"message": "rate limited", "type": "rate_limit_error"}}
                    self._send(429, json.dumps(error).encode(), {"Retry-After": arg or "1"})
                elif kind == "500":
                    error = {"error": {"message": "internal error", "type": "server_error"}}
                    self._send(500, json.dumps(error).encode())
                elif kind == "malformed":
                    self._send(200, b'{"id": "chatcmpl-1", "object": "chat.completion", "cho')
                elif kind == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                else:
                    raise ValueError(f"unknown fault action {action!r}")

        return Handler

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def completion(content: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-fault",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "fault-model",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": content},
                }
            ],
            "usage": {"prompt_tokens": 50, "completion_tokens": 10, "total_tokens": 60},
        }
    ).encode()
