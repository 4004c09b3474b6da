"""A small OpenAI-compatible server on 127.0.0.1 for tests and benchmarks: valid answers, or injected faults.

It answers `POST /v1/chat/completions` with a JSON object that fits the schema the request carries (either
dialect), generated from the schema itself, after an optional fixed latency. A `faults` callable may replace
any answer with a fault: an HTTP status (with headers such as Retry-After), a hang, a dropped connection,
invalid JSON, a truncated body, content that is not JSON or does not fit the schema, an empty choice list,
or content the test chooses (schema-valid but hostile). `times` records when each request arrived.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass(frozen=True)
class Fault:
    """One injected failure. `kind` is one of the names in `FAULT_KINDS`; `content` is the message content of a
    "content" answer (a well-formed completion whose content the test chooses, e.g. schema-valid but hostile)."""

    kind: str
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    content: str = ""


FAULT_KINDS = ("status", "hang", "drop", "invalid_json", "truncated", "not_json_content", "wrong_schema",
               "no_choices", "content")


def instance_of(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> Any:
    """A minimal JSON value that validates against `schema` (objects, arrays, enums, scalars, $ref)."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return instance_of(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return instance_of(schema["anyOf"][0], defs)
    kind = schema.get("type", "object")
    if kind == "object":
        return {name: instance_of(sub, defs) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [instance_of(schema.get("items", {}), defs) for _ in range(max(1, schema.get("minItems", 1)))]
    return {"string": "the strikes", "boolean": True, "integer": 1, "number": 1.0, "null": None}[kind]


def _schema_of(body: dict[str, Any]) -> dict[str, Any]:
    response_format = body.get("response_format") or {}
    if "schema" in response_format:
        return dict(response_format["schema"])
    return dict(response_format.get("json_schema", {}).get("schema", {}))


def completion(content: str, *, prompt_tokens: int = 100, completion_tokens: int = 20) -> dict[str, Any]:
    """A chat completion response carrying `content`."""
    return {
        "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": "stub",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


class StubServer:
    """Threaded HTTP server; a context manager. `requests` keeps every request body received."""

    def __init__(self, *, latency_s: float = 0.0, faults: Callable[[int, dict[str, Any]], Fault | None] | None = None,
                 hang_s: float = 30.0) -> None:
        self.latency_s = latency_s
        self.faults = faults
        self.hang_s = hang_s
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.times: list[float] = []  # time.monotonic() when each request arrived
        self.in_flight = self.peak_in_flight = 0  # requests being answered now, and the most at any moment
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        # A short poll interval: shutdown() waits for it, once per test.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _record(self, body: dict[str, Any], headers: dict[str, str]) -> int:
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)
            self.times.append(time.monotonic())
            return len(self.requests) - 1

    @contextlib.contextmanager
    def _counted(self) -> Iterator[None]:
        with self._lock:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            yield
        finally:
            with self._lock:
                self.in_flight -= 1

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms wait for a delayed ACK

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # /v1/models, as a health check
                self._send(200, json.dumps({"object": "list", "data": [{"id": "stub"}]}).encode())

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                index = stub._record(body, {k.lower(): v for k, v in self.headers.items()})
                with stub._counted():
                    if stub.latency_s:
                        time.sleep(stub.latency_s)
                    fault = stub.faults(index, body) if stub.faults else None
                    if fault is None:
                        content = json.dumps(instance_of(_schema_of(body)))
                        self._send(200, json.dumps(completion(content)).encode())
                    else:
                        self._fault(fault, body)

            def _fault(self, fault: Fault, body: dict[str, Any]) -> None:
                if fault.kind == "status":
                    error = {"error": {"message": f"injected {fault.status}", "type": "server_error"}}
                    self._send(fault.status, json.dumps(error).encode(), fault.headers)
                elif fault.kind == "hang":
                    time.sleep(stub.hang_s)
                elif fault.kind == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif fault.kind == "invalid_json":
                    self._send(200, b'{"id": "x", "choices": [')
                elif fault.kind == "truncated":
                    payload = json.dumps(completion("{}")).encode()
                    self.send_response(200)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload[: len(payload) // 2])
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif fault.kind == "not_json_content":
                    self._send(200, json.dumps(completion('{"parties": [unquoted')).encode())
                elif fault.kind == "wrong_schema":
                    self._send(200, json.dumps(completion('{"unexpected": 1}')).encode())
                elif fault.kind == "no_choices":
                    self._send(200, json.dumps({**completion("{}"), "choices": []}).encode())
                elif fault.kind == "content":
                    self._send(200, json.dumps(completion(fault.content)).encode())

            def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler
