"""One structured call to any OpenAI-compatible server, sync or async.

instructor turns a Pydantic model into the request's response format and re-asks with the validator's message
when validation fails (its own budget, `max_reasks`). Transport failures (connection errors, timeouts, 429
honouring Retry-After, 5xx, and a 200 whose body is not a chat completion: invalid JSON or no choices) are
retried here with tenacity, apart from re-asks, with jittered exponential back-off and a total deadline of
2 x `timeout_s` that no back-off sleep may cross. Every SDK error leaves as a `SummarizerError`.

Requests leave through the SDK's documented `client.post` with the body as plain JSON, not through
`chat.completions.create`, whose walk of its typed parameters costs about a sixth of the client's CPU per call and
changes nothing in our JSON (a test checks both send the same request). The answer comes back as bytes and is
read by pydantic-core in one pass (`_completion`), not by the SDK's field-by-field construction.

Dialects: OpenAI, vLLM and Ollama accept `response_format={"type": "json_schema", ...}`; llama-cpp-python's
server rejects it but enforces `{"type": "json_object", "schema": ...}` as a grammar, without putting the schema
into the prompt (so passes over one article share the prompt prefix). Both go through instructor's JSON_SCHEMA
mode; for llama.cpp the request's `response_format` is rewritten through `extra_body`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import instructor
import openai
import tenacity
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
from pydantic import BaseModel, ValidationError

from summarizer._config import Config
from summarizer._drafts import checking
from summarizer._grounding import Checks
from summarizer._instructor_checks import remember_passed_checks
from summarizer._retry_after import retry_after_s
from summarizer.errors import BackendError, ConfigError, InputError, RetriesExhausted, ValidationFailed
from summarizer.models import Usage

logger = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
_MODE = instructor.Mode.JSON_SCHEMA
# A batch's slots for model requests, set by the batch for each article it runs: every async call holds one while
# it is in flight (retries and their waits included), and none is held between an article's calls.
request_slots: ContextVar[asyncio.Semaphore | None] = ContextVar("summarizer_request_slots", default=None)


@dataclass(frozen=True)
class Call:
    """One structured request: messages, the schema to fill (its validators check the answer, against `checks`
    for a summary draft), an output cap."""

    messages: Sequence[ChatCompletionMessageParam]
    response_model: type[BaseModel]
    max_tokens: int
    name: str
    checks: Checks | None = None


def _retry_after(error: BaseException | None) -> float | None:
    return retry_after_s(error.response.headers) if isinstance(error, openai.APIStatusError) else None


class _WaitRetryAfter(tenacity.wait.wait_base):
    """Wait what a Retry-After header asks (429, 503), else jittered exponential back-off."""

    def __init__(self, initial_s: float) -> None:
        self._backoff = (tenacity.wait_exponential(multiplier=initial_s, max=30)
                         + tenacity.wait_random(0, initial_s))

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome else None
        told = _retry_after(_root(error) if error else None)
        return told if told is not None else float(self._backoff(retry_state))


def _root(error: BaseException) -> BaseException:
    """instructor wraps SDK errors in InstructorRetryException; the SDK error is its cause."""
    if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        return error.__cause__
    return error


class _MalformedAnswer(Exception):
    """A 200 whose body is not a chat completion (not JSON, or no choices): the server's or a proxy's fault, not
    the model's output, so it is retried like a 5xx instead of spending a re-ask."""


_TRANSIENT = (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError, _MalformedAnswer)


def _completion(body: bytes) -> ChatCompletion:
    """The chat completion a 200 carries, validated in one pass by pydantic-core (the SDK's own reading builds
    it field by field in Python: 20x the CPU); a body that lacks a field OpenAI always sends (some compatible
    servers leave out `created` or `object`) is built leniently, as the SDK builds it."""
    try:
        completion = ChatCompletion.model_validate_json(body)
    except ValidationError:
        try:
            data = json.loads(body)
        except json.JSONDecodeError as exc:  # the HTTP body, not the model's content
            raise _MalformedAnswer(f"the server answered 200 with a body that is not JSON ({exc.msg} at "
                                   f"character {exc.pos})") from exc
        if not isinstance(data, dict):
            raise _MalformedAnswer("the server answered 200 with JSON that is not a chat completion") from None
        completion = ChatCompletion.construct(**data)
    if not getattr(completion, "choices", None):
        raise _MalformedAnswer("the server answered 200 with no choices (not a chat completion)")
    return completion


# Arguments of `chat.completions.create` that are request options rather than fields of the JSON body.
_OPTIONS = {"extra_headers": "headers", "extra_query": "params", "timeout": "timeout"}
_UNSET = (openai.NotGiven, openai.Omit)


def _post(kwargs: dict[str, Any]) -> dict[str, Any]:
    """`chat.completions.create`'s arguments as the SDK's `post` takes them: the JSON body as given, `extra_body`
    merged in as the SDK merges it, and the request options. `create` would first walk every message against the
    SDK's typed parameters looking for fields to rename, which plain JSON messages never have: about a sixth of
    the client's CPU per call against a fast server (see benchmarks/batch_throughput.py)."""
    body = {key: value for key, value in kwargs.items()
            if key not in _OPTIONS and key != "extra_body" and not isinstance(value, _UNSET)}
    body.update(kwargs.get("extra_body") or {})
    options = {name: kwargs[key] for key, name in _OPTIONS.items()
               if key in kwargs and not isinstance(kwargs[key], _UNSET)}
    return {"path": "/chat/completions", "body": body, "options": options, "cast_to": bytes}


def _sync_instructor(client: openai.OpenAI) -> instructor.Instructor:
    """instructor over `client`, the answer's envelope checked before instructor parses (and would re-ask)."""

    def checked_create(**kwargs: Any) -> Any:
        return _completion(client.post(**_post(kwargs)))

    return instructor.Instructor(client=client, create=instructor.patch(create=checked_create, mode=_MODE),
                                 mode=_MODE)


def _async_instructor(client: openai.AsyncOpenAI) -> instructor.AsyncInstructor:
    """`_sync_instructor`, awaiting the server."""

    async def checked_create(**kwargs: Any) -> Any:
        return _completion(await client.post(**_post(kwargs)))

    return instructor.AsyncInstructor(client=client, create=instructor.patch(create=checked_create, mode=_MODE),
                                      mode=_MODE)


def _transient(error: BaseException) -> bool:
    return isinstance(_root(error), _TRANSIENT)


@cache  # what instructor would build on every call (a subclass with its parsing methods), built once per schema
def _response_model(model: type[BaseModel]) -> type[BaseModel]:
    return instructor.response_schema(model)


def _request_kwargs(config: Config, call: Call) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "model": config.model_name,
        "messages": list(call.messages),
        "response_model": _response_model(call.response_model),
        "max_retries": config.max_reasks,
        "max_tokens": call.max_tokens,
        "temperature": config.temperature,
        "seed": config.seed,
    }
    if config.is_embedded or config.dialect == "llama_cpp":
        schema = call.response_model.model_json_schema()
        kwargs["extra_body"] = {"response_format": {"type": "json_object", "schema": schema}}
    return kwargs


def _usage_of(completion: Any) -> Usage:
    usage = getattr(completion, "usage", None)
    if usage is None:
        return Usage(calls=1)
    return Usage(prompt_tokens=usage.prompt_tokens or 0, completion_tokens=usage.completion_tokens or 0, calls=1)


def _total_usage(error: InstructorRetryException) -> Usage:
    total = error.total_usage
    return Usage(prompt_tokens=getattr(total, "prompt_tokens", 0) or 0,
                 completion_tokens=getattr(total, "completion_tokens", 0) or 0, calls=error.n_attempts)


def _text_of(completion: Any) -> str | None:
    try:
        return str(completion.choices[0].message.content)
    except (AttributeError, IndexError, TypeError):
        return None


def _translate(error: BaseException, config: Config, call: Call) -> Exception:
    """Map an SDK or instructor failure to our error tree, keeping the evidence."""
    cause = _root(error)
    where = _where(config)
    if isinstance(cause, openai.AuthenticationError):
        return ConfigError(f"{where} rejected the API key (HTTP 401); set OPENAI_API_KEY or pass api_key=")
    if isinstance(cause, openai.NotFoundError):
        return ConfigError(f"{where} does not know model {config.model_name!r} (HTTP 404); "
                           "check the model name, e.g. Summarizer(model='gpt-4o-mini')")
    if isinstance(cause, openai.BadRequestError):
        hint = " (the prompt does not fit the model's context: shorten the article or raise n_ctx)" if (
            "context" in str(cause).lower() or "token" in str(cause).lower()) else ""
        return InputError(f"{where} refused the {call.name} request (HTTP 400){hint}: {_brief(cause)}")
    if isinstance(cause, openai.APIStatusError):
        return BackendError(f"{where} answered HTTP {cause.status_code} to the {call.name} request: {_brief(cause)}")
    if isinstance(cause, openai.APIError):
        return BackendError(f"{where} failed on the {call.name} request: {_brief(cause)}")
    if isinstance(error, IncompleteOutputException):
        return ValidationFailed(f"the {call.name} output was cut at max_tokens={call.max_tokens} (the model may "
                                "be repeating itself); raise max_tokens or use a larger model",
                                attempts=1, last_output=_text_of(error.last_completion),
                                usage=_usage_of(error.last_completion))
    if isinstance(error, InstructorRetryException) and error.failed_attempts:
        return ValidationFailed(f"the {call.name} output failed validation after {error.n_attempts} attempt(s): "
                                f"{_brief(cause or error)}", attempts=error.n_attempts,
                                last_output=_text_of(error.last_completion), usage=_total_usage(error))
    return BackendError(f"unexpected failure in the {call.name} request: {type(cause).__name__}: {_brief(cause)}")


def _where(config: Config) -> str:
    """The server named in error messages."""
    return config.base_url or ("the embedded server" if config.is_embedded else "OpenAI")


def _brief(error: BaseException | None, limit: int = 300) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Backend:
    """Structured calls against one configured server, with transport retries and re-asks."""

    def __init__(self, config: Config, client: openai.OpenAI | None = None,
                 async_client: openai.AsyncOpenAI | None = None) -> None:
        remember_passed_checks()
        self.config = config
        self._client = client
        self._async_client = async_client
        self._sync: instructor.Instructor | None = None
        self._async: instructor.AsyncInstructor | None = None

    def _retrying(self) -> dict[str, Any]:
        return {
            "retry": tenacity.retry_if_exception(_transient),
            "stop": tenacity.stop_after_attempt(self.config.max_transport_retries + 1)
            | tenacity.stop_before_delay(self.config.timeout_s * 2),
            "wait": _WaitRetryAfter(self.config.retry_backoff_s),
            "reraise": False,
            "before_sleep": lambda state: logger.warning("transient failure, attempt %d: %s", state.attempt_number,
                                                         state.outcome.exception() if state.outcome else None),
        }

    def _client_kwargs(self) -> dict[str, Any]:
        self.config.require_api_key()
        return {"api_key": self.config.api_key or "not-needed", "base_url": self.config.base_url,
                "timeout": self.config.timeout_s, "max_retries": 0}

    def close(self) -> None:
        """Close the HTTP client this backend created (an injected client belongs to the caller)."""
        if self._sync is not None and self._client is None:
            self._sync.client.close()  # type: ignore[union-attr]  # instructor keeps the OpenAI client here

    def _failure(self, call: Call, error: Exception, started: float) -> Exception:
        if isinstance(error, tenacity.RetryError):
            return RetriesExhausted(_exhausted_message(self.config, call, error, time.perf_counter() - started),
                                    attempts=error.last_attempt.attempt_number)
        return _translate(error, self.config, call)

    def complete(self, call: Call) -> tuple[BaseModel, Usage]:
        """Run one call; returns the validated object and the tokens spent."""
        if self._sync is None:
            client = self._client or openai.OpenAI(**self._client_kwargs())
            self._sync = _sync_instructor(client)
        started = time.perf_counter()
        try:
            for attempt in tenacity.Retrying(**self._retrying()):
                with attempt, checking(call.checks):
                    result, completion = self._sync.chat.completions.create_with_completion(
                        **_request_kwargs(self.config, call))
        except Exception as exc:
            raise self._failure(call, exc, started) from exc
        return result, _logged(call, completion, started)

    async def acomplete(self, call: Call) -> tuple[BaseModel, Usage]:
        """`complete`, awaiting the server (and, in a batch, a free request slot: see `request_slots`)."""
        if self._async is None:
            client = self._async_client or openai.AsyncOpenAI(**self._client_kwargs())
            self._async = _async_instructor(client)
        slots = request_slots.get()
        async with slots if slots is not None else contextlib.nullcontext():
            started = time.perf_counter()
            try:
                async for attempt in tenacity.AsyncRetrying(**self._retrying()):
                    with attempt, checking(call.checks):
                        result, completion = await self._async.chat.completions.create_with_completion(
                            **_request_kwargs(self.config, call))
            except Exception as exc:
                raise self._failure(call, exc, started) from exc
        return result, _logged(call, completion, started)


def _exhausted_message(config: Config, call: Call, exc: tenacity.RetryError, elapsed_s: float) -> str:
    where = _where(config)
    last = _root(exc.last_attempt.exception() or exc)
    told = _retry_after(last)
    asked = f"; it asked to retry after {told:g} s" if told is not None else ""
    return (f"{where} kept failing on the {call.name} request ({exc.last_attempt.attempt_number} attempt(s) in "
            f"{elapsed_s:.1f} s, deadline {2 * config.timeout_s:g} s; last: {_described(last)}{asked}); check the "
            "server, or retry later")


def _described(error: BaseException) -> str:
    """The failure, with the transport's reason behind the SDK's bare "Connection error."/"Request timed out."."""
    if isinstance(error, openai.APIConnectionError) and error.__cause__ is not None:
        return f"{_brief(error)} ({type(error.__cause__).__name__}: {_brief(error.__cause__, 150)})"
    return _brief(error)


def _logged(call: Call, completion: Any, started: float) -> Usage:
    usage = _usage_of(completion)
    logger.info("model call %s: %d prompt + %d completion tokens in %.2f s", call.name, usage.prompt_tokens,
                usage.completion_tokens, time.perf_counter() - started)
    logger.debug("model call %s output: %s", call.name, json.dumps(_text_of(completion)))
    return usage
