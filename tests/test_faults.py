"""Every fault an OpenAI-compatible server can throw at us, injected by the loopback stub, table-driven.

Transient faults (429, 5xx, a hang past `timeout_s`, a dropped connection, a truncated body, a 200 that is not a
chat completion) are retried with back-off within `max_transport_retries` and a deadline of 2 x `timeout_s`,
then raise `RetriesExhausted` naming the cause. Invalid model output (content that does not parse or does not
fit the schema) is re-asked `max_reasks` times, then the pass lands in `result.rejected`. Other 4xx are never
retried. Attempts are counted from the requests the stub received; nothing here waits on a real model.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai
import pytest
import tenacity

from summarizer import (
    ArticleSummary,
    BackendError,
    ConfigError,
    InputError,
    RetriesExhausted,
    Summarizer,
    SummarizerError,
)
from summarizer._backend import _completion, _MalformedAnswer, _post, _WaitRetryAfter
from tests.helpers import ROOT
from tests.openai_stub import Fault, StubServer, completion

# The stub answers "the strikes" for every text, a summary citing sentence 1: the words that sentence must share.
ARTICLE = ("The mayor said, \u201cWe will end the strikes and open 3 new parks this year.\u201d Critics said the plan "
           "costs too much.")
TIMEOUT_S = 1.0
RETRIES = 2
REASKS = 1
# Small back-off keeps the file fast; the production default (1 s) is measured in test_backoff_grows.
FAST: dict[str, Any] = {"timeout_s": TIMEOUT_S, "max_transport_retries": RETRIES, "max_reasks": REASKS,
                        "retry_backoff_s": 0.02}
DEADLINE_S = 2 * TIMEOUT_S
# What a wall-clock upper bound allows beyond the planned waits: scheduling on a loaded 2-core CI machine. Each
# bound it is added to would still be crossed by the bug it guards against (one more attempt, or a wait slept).
SLACK_S = 0.5


@dataclass(frozen=True)
class Case:
    """A fault, how many leading requests it may hit and still be recovered from, and what exhaustion means."""

    name: str
    fault: Fault
    recoverable: int  # injected on this many first requests, the article still succeeds
    error: type[SummarizerError] | None  # injected on every request: this error, or None = passes in `rejected`
    cause: str  # words the error (or the rejection reason) must contain
    attempts: int  # requests the first pass makes when the fault never stops


TRANSIENT = [
    Case("429", Fault("status", 429), RETRIES, RetriesExhausted, "429", RETRIES + 1),
    # Retry-After: 1 twice would reach the 2 s deadline, so one wait is all that fits, and then the call stops.
    Case("429 Retry-After: 1", Fault("status", 429, {"Retry-After": "1"}), 1, RetriesExhausted,
         "asked to retry after 1 s", 2),
    Case("500", Fault("status", 500), RETRIES, RetriesExhausted, "500", RETRIES + 1),
    Case("502", Fault("status", 502), RETRIES, RetriesExhausted, "502", RETRIES + 1),
    Case("503", Fault("status", 503), RETRIES, RetriesExhausted, "503", RETRIES + 1),
    # Each hang costs timeout_s; the second one ends at the deadline.
    Case("hang", Fault("hang"), 1, RetriesExhausted, "timed out", 2),
    Case("drop", Fault("drop"), RETRIES, RetriesExhausted, "Server disconnected", RETRIES + 1),
    Case("truncated", Fault("truncated"), RETRIES, RetriesExhausted, "peer closed connection", RETRIES + 1),
    Case("invalid_json", Fault("invalid_json"), RETRIES, RetriesExhausted, "not JSON", RETRIES + 1),
    Case("no_choices", Fault("no_choices"), RETRIES, RetriesExhausted, "no choices", RETRIES + 1),
]
REASKED = [
    Case("not_json_content", Fault("not_json_content"), REASKS, None, "Invalid JSON", REASKS + 1),
    Case("wrong_schema", Fault("wrong_schema"), REASKS, None, "Field required", REASKS + 1),
]
FATAL = [
    Case("401", Fault("status", 401), 0, ConfigError, "API key", 1),
    Case("404", Fault("status", 404), 0, ConfigError, "does not know model", 1),
    Case("400", Fault("status", 400), 0, InputError, "HTTP 400", 1),
    Case("403", Fault("status", 403), 0, BackendError, "HTTP 403", 1),
    Case("422", Fault("status", 422), 0, BackendError, "HTTP 422", 1),
]
CASES = TRANSIENT + REASKED + FATAL


def _first(n: int, fault: Fault) -> Callable[[int, dict[str, Any]], Fault | None]:
    return lambda index, body: fault if index < n else None


def _summarize(stub: StubServer, **settings: Any) -> ArticleSummary:
    with Summarizer(model="stub", base_url=stub.base_url, api_key="sk-test", **{**FAST, **settings}) as summarizer:
        return summarizer.summarize(ARTICLE)


def _failure(stub: StubServer, **settings: Any) -> tuple[SummarizerError, float]:
    """The error one article raises against `stub`, and the seconds until it was raised."""
    started = time.monotonic()
    try:
        _summarize(stub, **settings)
    except SummarizerError as error:
        return error, time.monotonic() - started
    pytest.fail("the article succeeded; a SummarizerError was expected")


def _schema_name(body: dict[str, Any]) -> str:
    return str(body["response_format"]["json_schema"]["name"])


@pytest.fixture(scope="module")
def clean_requests() -> int:
    """Requests one article takes when nothing goes wrong (one per pass)."""
    with StubServer() as stub:
        _summarize(stub)
    return len(stub.requests)


def test_clean_run_is_one_request_per_pass() -> None:
    """Without faults each pass is one request (each with its own schema): the baseline the counts below use."""
    with StubServer() as stub:
        result = _summarize(stub)
    names = [_schema_name(body) for body in stub.requests]
    assert names and len(set(names)) == len(names)
    assert result.rejected == [] and result.summary


@pytest.mark.parametrize("case", [c for c in CASES if c.recoverable], ids=lambda c: c.name)
def test_fault_on_first_requests_is_recovered(case: Case, clean_requests: int) -> None:
    """A fault on the first `recoverable` requests costs exactly that many extra requests and the article
    succeeds; a Retry-After is waited out (about 1 s for `Retry-After: 1`, measured at the stub)."""
    with StubServer(faults=_first(case.recoverable, case.fault), hang_s=3 * TIMEOUT_S) as stub:
        result = _summarize(stub)
    assert len(stub.requests) == clean_requests + case.recoverable
    assert result.rejected == [] and result.summary
    if "Retry-After" in case.fault.headers:
        waited = stub.times[1] - stub.times[0]
        assert 0.95 <= waited < 1 + SLACK_S


@pytest.mark.parametrize("case", TRANSIENT + FATAL, ids=lambda c: c.name)
def test_fault_on_every_request_raises_typed_error(case: Case) -> None:
    """A fault that never stops raises the case's `SummarizerError`, naming the cause, after a bounded number of
    attempts and within the deadline; non-transient errors are not retried."""
    with StubServer(faults=lambda index, body: case.fault, hang_s=3 * TIMEOUT_S) as stub:
        error, elapsed = _failure(stub)
    assert type(error) is case.error
    assert case.cause in str(error)
    assert len(stub.requests) == case.attempts
    if isinstance(error, RetriesExhausted):
        assert error.attempts == case.attempts
    assert elapsed < DEADLINE_S + SLACK_S  # no back-off sleep crosses the deadline


@pytest.mark.parametrize("case", REASKED, ids=lambda c: c.name)
def test_invalid_output_is_reasked_then_rejected(case: Case) -> None:
    """Output that never validates is re-asked `max_reasks` times per pass, then each pass is recorded in
    `result.rejected` with the validation error; the article still returns and claims nothing."""
    with StubServer(faults=lambda index, body: case.fault) as stub:
        result = _summarize(stub)
    names = [_schema_name(body) for body in stub.requests]
    passes = list(dict.fromkeys(names))
    assert names == [name for name in passes for _ in range(case.attempts)]  # each pass: ask, then re-asks
    assert len(result.rejected) == len(passes)
    assert all(rejected.claim.endswith(" pass") for rejected in result.rejected)
    for rejected in result.rejected:
        assert f"failed validation after {case.attempts} attempt(s)" in rejected.reason
        assert case.cause in rejected.reason
    assert result.summary == "" and result.parties == [] and result.numbers == [] and result.stances == []


@pytest.mark.parametrize("case", REASKED, ids=lambda c: c.name)
def test_reask_carries_the_validation_error(case: Case) -> None:
    """The re-ask resends the conversation with the model's bad answer and the validator's message appended."""
    with StubServer(faults=_first(1, case.fault)) as stub:
        _summarize(stub)
    first, reask = stub.requests[0]["messages"], stub.requests[1]["messages"]
    assert reask[: len(first)] == first and len(reask) > len(first)
    added = " ".join(str(m.get("content")) for m in reask[len(first):])
    assert case.cause in added


@pytest.mark.parametrize("value", ["-1", "nan", "soon", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_unusable_retry_after_falls_back_to_backoff(value: str) -> None:
    """A negative, NaN or date Retry-After neither crashes the sleep nor stalls: the call backs off and recovers."""
    fault = Fault("status", 503, {"Retry-After": value})
    with StubServer(faults=_first(1, fault)) as stub:
        result = _summarize(stub)
    assert result.summary and stub.times[1] - stub.times[0] < 2 * FAST["retry_backoff_s"] + SLACK_S


def test_retry_after_past_the_deadline_stops_at_once() -> None:
    """A Retry-After longer than the deadline is not slept through: the call raises at once and says why."""
    fault = Fault("status", 429, {"Retry-After": "30"})
    with StubServer(faults=lambda index, body: fault) as stub:
        error, elapsed = _failure(stub)
    assert isinstance(error, RetriesExhausted) and "asked to retry after 30 s" in str(error)
    assert elapsed < SLACK_S
    assert error.attempts == 1 and len(stub.requests) == 1


def test_backoff_grows() -> None:
    """Without Retry-After the waits are jittered exponential from `retry_backoff_s`: [b, 2b], then [2b, 3b]."""
    backoff = 0.2
    wait = _WaitRetryAfter(backoff)
    state = tenacity.RetryCallState(retry_object=tenacity.Retrying(), fn=None, args=(), kwargs={})
    state.set_exception((ConnectionError, ConnectionError("dropped"), None))
    for attempt, (low, high) in ((1, (backoff, 2 * backoff)), (2, (2 * backoff, 3 * backoff))):
        state.attempt_number = attempt
        draws = [wait(state) for _ in range(200)]
        assert all(low <= draw <= high for draw in draws)
        assert max(draws) - min(draws) > backoff / 2  # jittered, not one fixed wait


def test_backoff_is_slept_between_attempts() -> None:
    """The stub sees the back-off between attempts. The lower bounds are the waits themselves; the upper bounds
    leave 0.5 s for a loaded machine, less than one more back-off step."""
    backoff = 0.2
    with StubServer(faults=_first(2, Fault("status", 500))) as stub:
        _summarize(stub, retry_backoff_s=backoff)
    first, second = stub.times[1] - stub.times[0], stub.times[2] - stub.times[1]
    assert backoff <= first < 2 * backoff + SLACK_S
    assert 2 * backoff <= second < 3 * backoff + SLACK_S


def test_hang_ends_by_the_deadline() -> None:
    """A server that never answers costs `timeout_s` per attempt and the call ends by the deadline with
    `RetriesExhausted` naming the timeout, even with a large retry budget."""
    timeout_s = 0.5
    with StubServer(faults=lambda index, body: Fault("hang"), hang_s=5) as stub:
        error, elapsed = _failure(stub, max_transport_retries=50, timeout_s=timeout_s)
    assert isinstance(error, RetriesExhausted) and "timed out" in str(error)
    assert 2 * timeout_s <= elapsed < 2 * timeout_s + SLACK_S
    assert len(stub.requests) == 2


def test_errors_chain_to_their_cause() -> None:
    """The raised error keeps the SDK failure as its cause (`raise ... from`), for debugging, and is ours."""
    with StubServer(faults=lambda index, body: Fault("drop")) as stub:
        error, _ = _failure(stub)
    assert isinstance(error, RetriesExhausted) and error.__cause__ is not None
    assert type(error).__module__ == "summarizer.errors"


@pytest.mark.parametrize("case", [c for c in CASES if c.name in {"drop", "invalid_json", "wrong_schema", "401"}],
                         ids=lambda c: c.name)
def test_async_matches_sync(case: Case) -> None:
    """`asummarize` meets each fault as `summarize` does: same outcome, same number of requests."""
    async def run(stub: StubServer) -> ArticleSummary:
        with Summarizer(model="stub", base_url=stub.base_url, api_key="sk-test", **FAST) as summarizer:
            return await summarizer.asummarize(ARTICLE)

    outcomes = []
    for drive in ("sync", "async"):
        with StubServer(faults=lambda index, body: case.fault) as stub:
            try:
                result = _summarize(stub) if drive == "sync" else asyncio.run(run(stub))
                outcome = f"ok, rejected {sorted(r.kind for r in result.rejected)}"
            except SummarizerError as error:
                outcome = type(error).__name__
        outcomes.append((outcome, len(stub.requests)))
    assert outcomes[0] == outcomes[1]


def test_the_request_is_the_one_the_sdks_create_would_send() -> None:
    """Requests go out through the SDK's `post` (skipping `create`'s walk of the typed parameters): for the same
    arguments, the same body (`extra_body` merged over the fields, unset ones left out), headers and API key as
    `chat.completions.create` sends."""
    schema = {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/Item"}}},
              "$defs": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}}
    kwargs: dict[str, Any] = {
        "model": "stub-model", "max_tokens": 64, "temperature": 0.0, "seed": None, "top_p": openai.NOT_GIVEN,
        "messages": [{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": ARTICLE},
                     {"role": "assistant", "content": "{}"}, {"role": "user", "content": "Fix: Field required"}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "Draft", "schema": schema}},
        "extra_body": {"response_format": {"type": "json_object", "schema": schema}, "cache_prompt": True},
        "extra_headers": {"X-Trace": "t1"}, "timeout": 5.0,
    }
    with StubServer() as stub, openai.OpenAI(base_url=stub.base_url, api_key="sk-check", max_retries=0) as client:
        client.chat.completions.create(**kwargs)
        client.post(**_post(dict(kwargs)))
    (sdk, ours), (sdk_headers, our_headers) = stub.requests, stub.headers
    assert ours == sdk and ours["response_format"]["type"] == "json_object" and "top_p" not in ours
    assert our_headers["authorization"] == "Bearer sk-check" and our_headers["x-trace"] == "t1"
    assert {k.lower() for k in our_headers} == {k.lower() for k in sdk_headers}


def test_a_completion_missing_fields_openai_always_sends_is_still_read() -> None:
    """The body is validated in one pass; one that lacks `id`, `created`, `model`, `object` or `finish_reason`
    (some compatible servers leave them out) is built leniently, as the SDK builds it. A body that is not a
    chat completion is a malformed answer (retried like a 5xx), never a crash deep in the SDK."""
    full = _completion(json.dumps(completion('{"a": 1}')).encode())
    assert full.choices[0].message.content == '{"a": 1}' and full.usage is not None and full.usage.prompt_tokens
    minimal = _completion(b'{"choices": [{"index": 0, "message": {"role": "assistant", "content": "{}"}}]}')
    assert minimal.choices[0].message.content == "{}"
    for body, reason in ((b'{"id": "x", "choices": [', "not JSON"), (b"[1, 2]", "not a chat completion"),
                         (b'{"choices": []}', "no choices")):
        with pytest.raises(_MalformedAnswer, match=reason):
            _completion(body)


def test_the_cli_shows_a_rejected_pass_without_the_dependencys_error_log(tmp_path: Path) -> None:
    """Answers that never validate end in `result.rejected`, which the output carries; instructor's own "Max
    retries exceeded" error log (for code that has no other report of it) does not reach the terminal."""
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    with StubServer(faults=lambda index, body: Fault("wrong_schema")) as stub:
        run = subprocess.run([sys.executable, "-m", "summarizer", "summarize", str(source), "--format", "json",
                              "--base-url", stub.base_url, "--model", "stub-model"],
                             capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)}, timeout=60,
                             check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["rejected"]
    assert "Max retries exceeded" not in run.stderr and "instructor" not in run.stderr
