"""Which words of a sentence are quoted, decided without a model, on sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer._pipeline import analyse, prepare, questions
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
    # A question or exclamation in quotation marks and the name and verb after it are one sentence.
    ('"Is it fair to us?" Dan Ross asked. "Never!" Ana Holt said. "We won!" Then it rained.',
     [["Is it fair to us?"], [], [], []]),
    # Curly marks say by their shape which they are: a closing one first closes an earlier quotation.
    (("\u201cYou are the worst liar. You are worse than Ana Pell,\u201d Dan Ross said. Then \u201cit is over for "
      "good,\u201d he said."),
     [["You are the worst liar."], ["You are worse than Ana Pell,"], ["it is over for good,"]]),
])
def test_an_odd_quote_mark_opens_or_closes_by_its_shape(article: str, expected: list[list[str]]) -> None:
    assert quotes(article) == expected


def quoted_labels(article: str) -> list[tuple[str, str | None, str]]:
    """Each statement's speaker, and the label and target the library gives it before any model call."""
    analysis = analyse(article)
    asked = questions(prepare(analysis, range(len(analysis.sentences))))
    return [(s.speaker, s.label, s.target) for s in asked.decided + asked.statements]


@pytest.mark.parametrize(("quote", "expected"), [
    ("We strongly condemn this attack on our town", ("oppose", "this attack on our town")),
    ("I support the new bridge over the river", ("support", "the new bridge over the river")),
    ("We will not accept any cuts to the school budget", ("oppose", "any cuts to the school budget")),
    ("We won\u2019t allow this to happen again", ("oppose", "this to happen again")),
    ("I can't support this budget plan", ("oppose", "this budget plan")),
    ("We must support the workers of this city", ("support", "the workers of this city")),  # "must" is no negation
    ("I refuse to sign the treaty", ("oppose", "signing the treaty")),
    ("We are firmly against the new levy on fuel", ("oppose", "the new levy on fuel")),
    ("We are not in favour of a second vote", ("oppose", "a second vote")),
    ("We do not oppose the plan for the port", (None, "")),  # not against is not for
    ("We accept the result of the vote", (None, "")),  # consent only says which way when refused
    ("We support new limits but we oppose the ban on boats", ("oppose", "the ban on boats")),  # the point: after "but"
    ("Of course we applaud the new fund, but why tax the airlines?", (None, "")),  # conceded, then a question
    ("If we accept this deal we lose the port", (None, "")),  # supposed, not taken
    ("What we oppose is the toll on the bridge", (None, "")),
    ("We thought we could support two new ships", (None, "")),  # a possibility
    ("We condemn it without reserve", (None, "")),  # no object: "it"
])
def test_a_quoted_first_person_verb_labels_the_statement(quote: str, expected: tuple[str | None, str]) -> None:
    [(speaker, *labelled)] = quoted_labels(f'"{quote}," Mayor Karl Brenwick said on Tuesday.')
    assert speaker == "Karl Brenwick"
    assert tuple(labelled) == expected
