"""No API key reaches a cassette, a log line, an error message or a repr (a canary key through every path)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import vcr

from summarizer import Config, Summarizer, SummarizerError
from tests.conftest import match_json_body, vcr_settings
from tests.helpers import CASSETTES
from tests.openai_stub import Fault, StubServer

CANARY = "sk-canary-4f9a2c7e1b3d5f7091a2b3c4d5e6f708"
ARTICLE = "The mayor said, \u201cWe will open 3 new parks this year.\u201d Critics said the plan costs too much."


def _recorder() -> vcr.VCR:
    settings = vcr_settings()
    recorder = vcr.VCR(**{k: v for k, v in settings.items() if k != "record_mode"})
    recorder.register_matcher("json_body", match_json_body)
    return recorder


def test_recording_with_a_key_writes_no_secret(tmp_path: Path) -> None:
    """A real exchange recorded with a canary key leaves neither the key nor auth headers in the cassette."""
    cassette = tmp_path / "canary.yaml"
    with (StubServer() as stub, _recorder().use_cassette(str(cassette), record_mode="all"),
          Summarizer(model="gpt-test", base_url=stub.base_url, api_key=CANARY) as summarizer):
        summarizer.summarize(ARTICLE)
    assert stub.headers and stub.headers[0]["authorization"] == f"Bearer {CANARY}"  # the key was really sent
    text = cassette.read_text()
    assert "chat/completions" in text
    assert CANARY not in text and "canary" not in text
    assert "authorization" not in text.lower() and "cookie" not in text.lower()


def test_committed_cassettes_hold_no_secrets() -> None:
    """No file under cassettes/ holds an Authorization header, a cookie or an OpenAI-style key."""
    files = [p for p in CASSETTES.rglob("*") if p.is_file()]
    for path in files:
        text = path.read_text(errors="replace").lower()
        assert "authorization" not in text and "set-cookie" not in text, path
        assert "sk-" not in text.replace("sk-<scrubbed>", ""), path
        assert "canary" not in text, path


def test_key_never_in_logs_errors_or_reprs(caplog: pytest.LogCaptureFixture) -> None:
    """At DEBUG, through a failing call, the key appears in no log record, error message or repr."""
    caplog.set_level(logging.DEBUG)
    with StubServer(faults=lambda i, body: Fault("status", 401)) as stub:
        summarizer = Summarizer(model="gpt-test", base_url=stub.base_url, api_key=CANARY)
        with pytest.raises(SummarizerError) as caught:
            summarizer.summarize(ARTICLE)
    seen = [str(caught.value), repr(caught.value), repr(summarizer), repr(summarizer.config),
            repr(Config(api_key=CANARY)), caplog.text]
    assert all(CANARY not in text for text in seen)
    assert "API key" in str(caught.value)
