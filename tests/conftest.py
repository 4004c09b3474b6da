"""Shared test set-up: recorded cassettes (replayed offline), secret scrubbing, gold articles.

Cassettes live in `cassettes/<test_module>/<test>.yaml`. Replay is the default (`--record-mode=none`): a
request that is not in the cassette fails with a message saying how to re-record. Requests match on method,
path and body, not host or port (the embedded server picks a free port), so a changed prompt or schema is caught.
Before anything is written, Authorization/api-key/cookie headers and key-like strings in bodies and query
strings are removed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from vcr.errors import CannotOverwriteExistingCassetteException

from summarizer import Summarizer
from tests.helpers import CASSETTES

RERECORD = ("re-record it against the embedded model: `.venv/bin/python -m pytest {test} --record-mode=rewrite` "
            "(see README, 'Re-recording cassettes'), then review the cassette diff")
_KEY_LIKE = re.compile(r"(sk-[A-Za-z0-9_-]{8,}|(?i:bearer)\s+[A-Za-z0-9._-]{8,})")
_SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-api-key", "cookie", "set-cookie",
                   "openai-organization", "openai-project"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--no-live", action="store_true", help="skip tests that start the embedded model server")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--no-live"):
        skip = pytest.mark.skip(reason="--no-live given")
        for item in items:
            if "live" in item.keywords:
                item.add_marker(skip)


def scrub_text(text: str) -> str:
    """Key-like strings replaced by a placeholder."""
    return _KEY_LIKE.sub("<scrubbed>", text)


def scrub_request(request: Any) -> Any:
    """Remove secrets from a request before it is written to a cassette."""
    if request.body:
        body = request.body.decode("utf-8", "replace") if isinstance(request.body, bytes) else request.body
        request.body = scrub_text(body).encode("utf-8")
    request.uri = re.sub(r"((?:api[_-]?key|key|token)=)[^&]+", r"\1<scrubbed>", request.uri, flags=re.IGNORECASE)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Remove cookies and key-like strings from a recorded response."""
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _SECRET_HEADERS:
            del headers[name]
    body = response.get("body", {}).get("string")
    if isinstance(body, bytes):
        response["body"]["string"] = scrub_text(body.decode("utf-8", "replace")).encode("utf-8")
    return response


def _json_body(request: Any) -> Any:
    raw = request.body.decode("utf-8", "replace") if isinstance(request.body, bytes) else (request.body or "")
    raw = scrub_text(raw)  # the recording was scrubbed; compare like with like
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def match_json_body(recorded: Any, live: Any) -> None:
    """Bodies match when they are equal as JSON (key order and whitespace do not matter)."""
    assert _json_body(recorded) == _json_body(live), "request body differs from the recording"


def vcr_settings() -> dict[str, Any]:
    """The cassette settings every test uses (pytest-recording's `vcr_config`, and direct `vcr.VCR` use)."""
    return {
        "filter_headers": _SECRET_HEADERS,
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "match_on": ["method", "path", "json_body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return vcr_settings()


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("json_body", match_json_body)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.rsplit(".", 1)[-1])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Turn "no recorded answer for this request" into a failure that says how to re-record."""
    try:
        return (yield)
    except Exception as error:
        cause: BaseException | None = error
        while cause is not None and not isinstance(cause, CannotOverwriteExistingCassetteException):
            cause = cause.__cause__ or cause.__context__
        if cause is None:
            raise
        pytest.fail("the request is not in the cassette: a prompt, schema or article changed since it was "
                    f"recorded; {RERECORD.format(test=item.nodeid)}", pytrace=False)


def is_recording(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--record-mode") not in (None, "none")


@pytest.fixture
def cassette_summarizer(request: pytest.FixtureRequest) -> Iterator[Summarizer]:
    """The embedded model when recording; when replaying, a client whose requests the cassette answers."""
    if is_recording(request):
        summarizer = Summarizer(max_transport_retries=0)
    else:
        summarizer = Summarizer(base_url="http://127.0.0.1:9/v1", dialect="llama_cpp", max_transport_retries=0)
    with summarizer:
        yield summarizer
