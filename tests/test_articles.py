"""Every development article, replayed from a recording of the embedded model: grounded, and no worse than the
floor measured when the cassette was recorded (a regression in prompts or code fails here)."""

from __future__ import annotations

import pytest

from summarizer import Summarizer
from summarizer._eval import score_article
from summarizer._gold import load_gold
from summarizer._spans import is_grounded
from tests.helpers import EVAL_DIR, article_names, read_article

# F1 floors per article: what the recorded cassette scores, less 0.05.
FLOORS: dict[str, dict[str, float]] = {
    "aceh_migrant_boat_rescue_2015": {"parties": 0.83, "numbers": 0.84, "stances": 0.89},
    "microsoft_ie6_countdown_2011": {"parties": 0.70, "numbers": 0.85, "stances": 0.52},
    "new_zealand_flag_referendums_2015": {"parties": 0.75, "numbers": 0.95, "stances": 0.52},
    "ozone_warming_crop_yields_2014": {"parties": 0.92, "numbers": 0.95, "stances": 0.35},
    "us_strikes_iraq_syria": {"parties": 0.71, "numbers": 0.95, "stances": 0.62},
}


def assert_grounded(article: str, result_json: dict[str, object]) -> None:
    """Every span anywhere in the result slices back to its text."""
    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                from summarizer.models import Span

                assert is_grounded(article, Span.model_validate(node)), node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(result_json)


@pytest.mark.vcr
@pytest.mark.parametrize("name", article_names())
def test_article_is_grounded_and_meets_floor(name: str, cassette_summarizer: Summarizer) -> None:
    """The replayed result validates, every span is verbatim in the article, and scores stay at their floor."""
    article = read_article(name)
    result = cassette_summarizer.summarize(article)
    assert_grounded(article, result.model_dump())
    assert result.summary and result.parties and result.checked >= len(result.rejected)
    score = score_article(name, article, result, load_gold(EVAL_DIR / f"{name}.gold.json"))
    assert score.grounding.value in (None, 1.0)
    assert score.not_number_fps == 0
    for field, floor in FLOORS.get(name, {}).items():
        assert getattr(score, field).f1 >= floor, (field, getattr(score, field))


@pytest.mark.vcr
def test_context_overflow_from_the_real_server_is_an_input_error(request: pytest.FixtureRequest) -> None:
    """When the server's context is smaller than configured, its HTTP 400 becomes an InputError that says so."""
    from summarizer import Config, InputError
    from summarizer._client import embedded_server
    from tests.conftest import is_recording

    article = "\n".join(read_article(name) for name in article_names() * 2)
    url = embedded_server(Config()).base_url if is_recording(request) else "http://127.0.0.1:9/v1"
    with Summarizer(base_url=url, dialect="llama_cpp", n_ctx=100_000, max_transport_retries=0) as summarizer, \
            pytest.raises(InputError, match="does not fit the model's context"):
        summarizer.summarize(article)
