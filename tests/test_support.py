"""The library checks the sentences the model cites for a summary sentence, on sentences written for these tests."""

from __future__ import annotations

from summarizer._spans import split_sentences
from summarizer._support import content_words, supporting

ARTICLE = ("Westland will close its tax office in Norvia.\n"
           "Monday, May 18, 2015\n"
           "The office employs 300 people, the union said.\n"
           "Dan Ross, who leads the union, called the closure a betrayal of the town.")
SENTENCES = split_sentences(ARTICLE)


def test_content_words_leave_out_function_words_and_compare_by_stem() -> None:
    assert content_words("The strikes on the 85 targets") == {"strik", "85", "targe"}
    assert content_words("a strike") <= content_words("strikes")


def test_a_cited_sentence_that_shares_no_word_supports_nothing() -> None:
    assert supporting("Westland will close its office in Norvia.", [0, 1], SENTENCES) == [0]


def test_the_sentence_a_text_restates_is_cited_when_the_citations_share_little() -> None:
    assert supporting("Dan Ross called the closure a betrayal.", [2], SENTENCES) == [3]
    # a citation that shares some words is kept beside it
    assert supporting("The union of 300 people says Dan Ross called it a betrayal.", [2], SENTENCES) == [2, 3]


def test_a_text_no_sentence_states_has_no_support() -> None:
    assert supporting("Voters chose a new flag.", [0], SENTENCES) == []
