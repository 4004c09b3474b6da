"""Statements a party made: quoted words, or the whole sentence when it reports speech without quotes.

Stances are chosen among these, so every stance's evidence is article text by construction; the speaker of
each sentence comes from `_speakers.find_speakers`, and the model only says what the statement is about and
whether it supports or opposes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer._spans import make_span
from summarizer._speakers import OPENING_QUOTE, Position
from summarizer._stance_verbs import quoted_direction
from summarizer.models import Span, StanceLabel

_QUOTE = re.compile(r"\u201c([^\u201c\u201d]{8,}?)(?:\u201d|$)|\"([^\"\n]{8,}?)(?:\"|$)", re.MULTILINE)
MIN_QUOTE_WORDS = 3
_CURLY = re.compile("[\u201c\u201d]")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A verb of saying with a subject of its own: between a party's position and a quote, it makes the quote another's.
_ANOTHER_SAYS = re.compile(r"(?:\b[A-Z][\w.'\u2019-]*|\b(?:he|she|they|it|reporters|officials?|spokes\w+))\s+"
                           r"(?:\w+\s+)?(?:said|says|told|tells|added|adds|asked|replied|insisted|argued|wrote)\b")


@dataclass(frozen=True)
class Statement:
    """A party's statement: its words (a quote, or the whole sentence) and who speaks."""

    evidence: Span
    sentence: int
    speaker: str
    label: StanceLabel | None = None  # when its verb says which way, towards `target` (see `_stance_verbs`)
    target: str = ""


def find_quotes(article: str, sentence: Span) -> list[Span]:
    """Quotations of at least three words in one sentence; a closing mark before any opening one closes a
    quotation opened in an earlier sentence (“... liar. You’re worse,” she said.). A curly mark
    says by its shape which it is; with an odd number of straight ones, the first closes unless it is shaped
    as an opening one: at the start or after a space, before a word ('concluded, "Usually ...' opens; '...
    goodbye," Microsoft says' closes)."""
    text, offset = sentence.text, sentence.start
    quotes: list[Span] = []
    curly = _CURLY.search(text)
    if curly is not None and curly.group(0) == "\u201d":
        closing = curly.start()
    elif text.count('"') % 2 and not OPENING_QUOTE.match(text, text.index('"')):
        closing = text.index('"')
    else:
        closing = None
    if closing is not None:
        quotes.append(make_span(article, offset, offset + closing))
        text, offset = text[closing + 1 :], offset + closing + 1
    quotes += [make_span(article, offset + m.start(m.lastindex or 1), offset + m.end(m.lastindex or 1))
               for m in _QUOTE.finditer(text)]
    return [q for q in quotes if len(q.text.split()) >= MIN_QUOTE_WORDS and not _names_only(q.text)]


def _names_only(text: str) -> bool:
    """A quoted list of names ("the Presidency of the Republic, the Prime Minister") is not a statement."""
    words = _WORD.findall(text)
    significant = [w for w in words if w.lower() not in {"the", "of", "and", "a", "an", "for", "in", "on"}]
    return bool(significant) and sum(w[0].isupper() for w in significant) / len(significant) > 0.6


def find_statements(article: str, sentences: list[Span], speakers: list[str | None],
                    positions: list[list[tuple[str, Position]]]) -> list[Statement]:
    """Each quote in a sentence with a speaker, labelled when its own first-person verb says which way ("We
    condemn X"), else when the speaker's own verb outside the quotes does ("X rejected the claim, calling it
    \u201ca lie\u201d": against the claim); in a sentence without quotes, the clause of each party that takes a
    position in it ("criticised", "urged"), not when it only reports ("said", "announced")."""
    statements: list[Statement] = []
    for index, (sentence, speaker, takers) in enumerate(zip(sentences, speakers, positions, strict=True)):
        quotes = find_quotes(article, sentence) if speaker else []
        if quotes:
            statements.extend(Statement(evidence=q, sentence=index, speaker=speaker,  # type: ignore[arg-type]
                                        label=label, target=target)
                              for q in quotes
                              for label, target in [_quote_direction(article, speaker, q, quotes, takers)])
        else:
            statements.extend(Statement(evidence=make_span(article, p.clause.start, p.clause.end), sentence=index,
                                        speaker=taker, label=p.label, target=p.target) for taker, p in takers)
    return statements


def _quote_direction(article: str, speaker: str | None, quote: Span, quotes: list[Span],
                     takers: list[tuple[str, Position]]) -> tuple[StanceLabel | None, str]:
    """Which way a quote points, and towards what: as its own words say (`quoted_direction`), else as the
    speaker's own verb outside the sentence's quotes does ("X denied the report, saying \u201c...\u201d": against
    the report); None when neither says, when two verbs disagree, or when someone else's verb of saying stands
    between the speaker's and the quote ("X criticised the plan, but Y said")."""
    label, target = quoted_direction(quote.text)
    if label is not None:
        return label, target
    def between(position: Position) -> tuple[int, int]:
        """The text between the position's clause and the quote (none when the clause holds the quote)."""
        if position.clause.end <= quote.start:
            return position.clause.end, quote.start
        return quote.end, max(quote.end, position.clause.start)

    own = {(p.label, p.target) for taker, p in takers if taker == speaker and p.label is not None
           and not any(q.start <= p.clause.start < q.end for q in quotes)
           and not _ANOTHER_SAYS.search(article, *between(p))}
    return own.pop() if len(own) == 1 else (None, "")
