"""Which words of a sentence are quoted, decided without a model, on sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer._pipeline import analyse, prepare, questions
from summarizer._quote_marks import curly_marks
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


@pytest.mark.parametrize(("quote", "expected"), [
    ("The new toll on the bridge is a flagrant breach of the treaty", ("oppose", "The new toll on the bridge")),
    ("The closure of the port represents a blatant violation of our rights", ("oppose", "The closure of the port")),
    ("Cutting the school budget was a terrible mistake", ("oppose", "Cutting the school budget")),
    ("The new toll on the bridge is a step in the right direction", ("support", "The new toll on the bridge")),
    ("The new toll on the bridge is not a breach of the treaty", (None, "")),  # denied, not judged
    ("It is a disgrace and a scandal", (None, "")),  # no object named
    ("The court ruling is a blow to the port", (None, "")),  # bad for someone, no position
])
def test_a_quotation_that_judges_its_subject_labels_the_statement(quote: str,
                                                                  expected: tuple[str | None, str]) -> None:
    [(speaker, *labelled)] = quoted_labels(f'"{quote}," Mayor Karl Brenwick said on Tuesday.')
    assert speaker == "Karl Brenwick"
    assert tuple(labelled) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ('Mayor Nadia Perez rejected the report on Monday, calling it "a tissue of lies from start to end".',
     [("Nadia Perez", "oppose", "the report on Monday")]),
    ('Mayor Nadia Perez denied the claims, saying: "I have told the truth throughout."',
     [("Nadia Perez", "oppose", "the claims")]),
    ('Mayor Nadia Perez praised the council\'s "courage in keeping its word".',
     [("Nadia Perez", "support", 'the council\'s "courage in keeping its word"')]),
    # The verb's object ends before a second verb of saying.
    ('Mayor Nadia Perez rejected the plan and said: "We will build our own bridge."',
     [("Nadia Perez", "oppose", "the plan")]),
])
def test_a_quote_takes_the_direction_of_its_speakers_own_verb_outside_it(
        article: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert quoted_labels(article) == expected


def test_another_verb_of_saying_before_the_quote_keeps_it_from_the_position() -> None:
    """"X criticised the plan, but Y said '...'": Y's words are not against the plan."""
    article = 'Mayor Dan Ross criticised the plan, but Mayor Nadia Perez said "we will build it anyway and soon".'
    assert [label for _, label, _ in quoted_labels(article)] == [None]


@pytest.mark.parametrize(("article", "read"), [
    ("He said, ''We won.'' Then he left.", "He said,  \u201cWe won.\u201d  Then he left."),
    ("``We won,'' he said.", " \u201cWe won,\u201d  he said."),
    ("(''Trust me'') and ''fine''", "( \u201cTrust me\u201d ) and  \u201cfine\u201d "),
    # Of three apostrophes the pair is on the outer side; a single mark and an apostrophe stay as they are.
    ("'''Sure,' he told me,''' Ana said.", " \u201c'Sure,' he told me,'\u201d  Ana said."),
    ("Rock 'n' roll isn't dead.", "Rock 'n' roll isn't dead."),
    ("''At 5'10'' I was short,'' Ana said.", " \u201cAt 5'10'' I was short,\u201d  Ana said."),  # inches
])
def test_a_quotation_mark_of_two_characters_is_read_as_a_curly_one(article: str, read: str) -> None:
    assert curly_marks(article) == read
