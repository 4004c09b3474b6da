"""The public API: one import, a sorted `__all__`, and configuration errors that say what to do."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import ConfigError, InputError, RetriesExhausted, Summarizer, SummarizerError
from summarizer._server import free_port


def test_all_is_sorted_and_importable() -> None:
    """Every name in `__all__` exists, and the list is sorted."""
    assert summarizer.__all__ == sorted(summarizer.__all__)
    assert all(hasattr(summarizer, name) for name in summarizer.__all__)


def test_missing_openai_key_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking for an OpenAI model with no key says how to provide one."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("SUMMARIZER_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        Summarizer(model="gpt-4o-mini").summarize("The council approved 3 new parks on Monday.")


@pytest.mark.parametrize("text", ["", "   \n\t", b"\xff\xfe\x00\x01binary", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_bad_input_is_an_input_error(text: str | bytes) -> None:
    """Empty, whitespace-only and non-text input is refused before any request."""
    with pytest.raises(InputError):
        Summarizer(base_url="http://127.0.0.1:9/v1").summarize(text)


def test_unreachable_server_is_reported_after_bounded_retries() -> None:
    """Nothing listening on the configured port gives RetriesExhausted naming the connection failure."""
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(RetriesExhausted, match="Connection error") as caught:
        Summarizer(base_url=url, max_transport_retries=1, retry_backoff_s=0.01).summarize(
            "The council approved 3 new parks on Monday.")
    assert isinstance(caught.value, SummarizerError) and caught.value.attempts == 2


def test_strategy_defaults_per_backend_and_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """One request for OpenAI itself, passes for the embedded model and other servers; explicit settings win."""
    from summarizer import Config

    monkeypatch.delenv("SUMMARIZER_STRATEGY", raising=False)
    assert Config().chosen_strategy == "passes"
    assert Config(model="gpt-4o-mini").chosen_strategy == "single"
    assert Config(model="qwen2.5", base_url="http://127.0.0.1:11434/v1").chosen_strategy == "passes"
    assert Config(model="gpt-4o-mini", strategy="passes").chosen_strategy == "passes"
    monkeypatch.setenv("SUMMARIZER_STRATEGY", "single")
    assert Config.from_env().chosen_strategy == "single"
    monkeypatch.setenv("SUMMARIZER_STRATEGY", "one-shot")
    with pytest.raises(ConfigError, match="SUMMARIZER_STRATEGY"):
        Config.from_env()


def test_single_strategy_that_cannot_fit_the_embedded_context_says_to_raise_it() -> None:
    """Three answers in one request need more context than 4,096 tokens leave: a ConfigError, before any call."""
    with Summarizer(strategy="single", n_ctx=4096, base_url="http://127.0.0.1:9/v1", dialect="llama_cpp") as s, \
            pytest.raises(ConfigError, match="raise n_ctx"):
        s.summarize("President Joe Biden said the United States struck 85 targets.")


def test_single_strategy_sends_one_request_with_every_question() -> None:
    """Through the real client and a loopback server: one request per article, its schema asking for numbers,
    stances and the summary in that order, and a valid record back."""
    from tests.helpers import read_article
    from tests.openai_stub import StubServer

    with StubServer() as stub, Summarizer(base_url=stub.base_url, model="stub", api_key="test",
                                          strategy="single") as summarizer:
        result = summarizer.summarize(read_article("us_strikes_iraq_syria"))
    [request] = stub.requests
    schema = request["response_format"]["json_schema"]["schema"]
    assert list(schema["properties"]) == ["numbers", "stances", "summary"]
    assert result.usage.calls == 1 and result.parties
