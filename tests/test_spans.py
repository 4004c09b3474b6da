"""Span location and sentence splitting: offsets always slice back to the article's own text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer._spans import find_mentions, find_span, is_grounded, split_sentences
from summarizer._title_case import sentence_case

ARTICLE = (
    "The US President said, \u201cOur response began today, and will continue at the times and places we choose.\u201d\n"
    "Mr. Smith told reporters the U.S. plan was   sound. He added: \u201cWe are ready.\u201d"
)


def test_exact_match_returns_article_offsets() -> None:
    """An exact copy is found at its offsets with alignment 'exact'."""
    found = find_span(ARTICLE, "Our response began today")
    assert found is not None
    span, alignment = found
    assert alignment == "exact" and ARTICLE[span.start : span.end] == "Our response began today"


def test_normalized_match_returns_the_articles_characters() -> None:
    """Straight quotes, case and collapsed spaces still match; the text returned is the article's own."""
    found = find_span(ARTICLE, '"our response began TODAY, and will continue')
    assert found is not None
    span, alignment = found
    assert alignment == "normalized"
    assert span.text.startswith("\u201cOur response") and is_grounded(ARTICLE, span)
    found = find_span(ARTICLE, "the U.S. plan was sound")
    assert found is not None and found[0].text == "the U.S. plan was   sound"


def test_small_edits_match_fuzzily_and_stay_grounded() -> None:
    """A copy with a small edit is aligned to the article's words, never returned as the model wrote it."""
    found = find_span(ARTICLE, "and will continue at the time and place we choose")
    assert found is not None
    span, alignment = found
    assert alignment == "fuzzy" and is_grounded(ARTICLE, span)
    assert "times and places" in span.text


def test_fabricated_text_is_not_found() -> None:
    """Words that are not in the article are not located anywhere."""
    assert find_span(ARTICLE, "We will destroy them all tomorrow morning") is None
    assert find_span(ARTICLE, "   ") is None


def test_sentences_respect_abbreviations_and_lines() -> None:
    """Abbreviations such as 'Mr.' and 'U.S.' do not end a sentence; line breaks do."""
    sentences = [s.text for s in split_sentences(ARTICLE)]
    assert sentences[0].startswith("The US President said")
    assert sentences[1].startswith("Mr. Smith told reporters the U.S. plan")
    assert sentences[2] == "He added: \u201cWe are ready.\u201d"


@pytest.mark.parametrize("title", ["Maj. Gen.", "Adm.", "Brig.", "Cmdr.", "Cpl.", "Rev.", "Supt."])
def test_a_rank_before_a_name_ends_no_sentence(title: str) -> None:
    assert [s.text for s in split_sentences(f"{title} Dan Ross spoke. He left.")] == [f"{title} Dan Ross spoke.",
                                                                                      "He left."]


def test_mentions_are_whole_words() -> None:
    """'Iraq' is not found inside 'Iraqi'."""
    text = "Iraqi officials said Iraq would respond; IRAQ agreed."
    assert [m.text for m in find_mentions(text, "iraq")] == ["Iraq", "IRAQ"]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.data())
def test_any_substring_round_trips(article: str, data: st.DataObject) -> None:
    """For any unicode article, a copied substring is located and slices back exactly."""
    start = data.draw(st.integers(0, len(article)))
    end = data.draw(st.integers(start, len(article)))
    found = find_span(article, article[start:end])
    if article[start:end].strip():
        assert found is not None
        assert is_grounded(article, found[0])
    else:
        assert found is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The", "Iraqi", "government", "said", "\u201cno\u201d", "3", "Mr.", "U.S.", "\n",
                                 "  ", "caf\u00e9", "\u0130stanbul", "stra\u00dfe", ".", "!", "?"]), max_size=60),
       st.data())
def test_edited_copies_stay_grounded(words: list[str], data: st.DataObject) -> None:
    """Case, whitespace and quote-style edits of a copy never yield offsets that fail to slice back."""
    article = " ".join(words)
    start = data.draw(st.integers(0, len(article)))
    end = data.draw(st.integers(start, len(article)))
    copy = article[start:end]
    edited = data.draw(st.sampled_from([copy.upper(), copy.lower(), " ".join(copy.split()),
                                        copy.replace("\u201c", '"').replace("\u201d", '"')]))
    found = find_span(article, edited)
    if found is not None:
        assert is_grounded(article, found[0])
    for sentence in split_sentences(article):
        assert is_grounded(article, sentence)


BODY = "\nDan Ross said the Westland Tax Plan will cut costs. It isn't clear when, Norvia said."


@pytest.mark.parametrize(("headline", "read"), [
    # Words the article's sentences write in lower case, or not at all, lose their capital; names keep it.
    ("Dan Ross Says Norvia Will Cut Costs", "Dan Ross says Norvia will cut costs"),
    ("Norvia: Westland Tax Plan Isn't Clear After All", "Norvia: Westland Tax Plan isn't clear after all"),
    # A line that is not in title case, or has fewer than two such words, is left as it is.
    ("Dan Ross says the Westland Tax Plan Will Cut Costs", "Dan Ross says the Westland Tax Plan Will Cut Costs"),
    ("Dan Ross, Norvia and the Westland Tax Plan", "Dan Ross, Norvia and the Westland Tax Plan"),
    ("Dan Ross Wins", "Dan Ross Wins"),
])
def test_a_headline_in_title_case_reads_in_sentence_case(headline: str, read: str) -> None:
    assert sentence_case(headline + BODY) == read + BODY
