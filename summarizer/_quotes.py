"""Statements a party made: quoted words, or the whole sentence when it reports speech without quotes.

Stances are chosen among these, so every stance's evidence is article text by construction; the speaker of
each sentence comes from `_actors.find_speakers`, and the model only says what the statement is about and
whether it supports or opposes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer._spans import make_span
from summarizer.models import Span

_QUOTE = re.compile(r"\u201c([^\u201c\u201d]{8,}?)(?:\u201d|$)|\"([^\"\n]{8,}?)\"", re.MULTILINE)
MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class Statement:
    """A party's statement: its words (a quote, or the whole sentence) and who speaks."""

    evidence: Span
    sentence: int
    speaker: str


def find_quotes(article: str, sentence: Span) -> list[Span]:
    """Quotations of at least three words inside one sentence."""
    quotes = [make_span(article, sentence.start + m.start(m.lastindex or 1), sentence.start + m.end(m.lastindex or 1))
              for m in _QUOTE.finditer(sentence.text)]
    return [q for q in quotes if len(q.text.split()) >= MIN_QUOTE_WORDS]


def find_statements(article: str, sentences: list[Span], speakers: list[str | None]) -> list[Statement]:
    """Each quote in a sentence with a speaker, else that sentence itself, in article order."""
    statements: list[Statement] = []
    for index, (sentence, speaker) in enumerate(zip(sentences, speakers, strict=True)):
        if speaker is None:
            continue
        evidence = find_quotes(article, sentence) or [sentence]
        statements.extend(Statement(evidence=span, sentence=index, speaker=speaker) for span in evidence)
    return statements
