"""Which words of a sentence are quoted, decided without a model, on sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer._quotes import find_quotes
from summarizer._spans import split_sentences


def quotes(article: str) -> list[list[str]]:
    return [[q.text for q in find_quotes(article, sentence)] for sentence in split_sentences(article)]


@pytest.mark.parametrize(("article", "expected"), [
    # A quotation that opens after "concluded," runs on to the next sentences and closes in the last one.
    (('The survey concluded, "Usually the old browser comes second. It might be a blip. But it may well fall '
      'to fourth place." Nobody replied.'),
     [["Usually the old browser comes second."], [], ["But it may well fall to fourth place."], []]),
    # A closing mark after the words of an earlier sentence ends that quotation where the sentence starts.
    ('"We will vote once. Like every other citizen of this country," Ana Ruiz said on Monday.',
     [["We will vote once."], ["Like every other citizen of this country,"]]),
    ('She said: "We urge both sides to talk now." Then she left.', [["We urge both sides to talk now."], []]),
])
def test_an_odd_quote_mark_opens_or_closes_by_its_shape(article: str, expected: list[list[str]]) -> None:
    assert quotes(article) == expected
