"""The one test that runs the embedded model for real (skip it locally with --no-live)."""

from __future__ import annotations

import time

import pytest

from summarizer import Summarizer
from summarizer._spans import is_grounded
from tests.helpers import read_article


@pytest.mark.live
def test_embedded_model_summarizes_a_short_article() -> None:
    """Starting the embedded server and summarizing a short real article gives a grounded result."""
    article = "\n".join(read_article("new_zealand_flag_referendums_2015").splitlines()[:3])
    started = time.perf_counter()
    with Summarizer() as summarizer:
        result = summarizer.summarize(article)
    print(f"live smoke test: {time.perf_counter() - started:.1f} s, {result.usage.total_tokens} tokens")
    assert result.summary and result.parties
    assert "(embedded)" in result.model
    for span in [n.evidence for n in result.numbers] + [s.evidence for s in result.stances]:
        assert is_grounded(article, span)
