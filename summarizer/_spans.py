"""Character offsets into the article: finding them, and the grounding invariant.

Everything the library returns from the article is a `Span` made here, so `article[start:end] == text` holds by
construction. A model's copy of article text is located exactly first, then tolerantly (whitespace, quote
styles, dashes, case), then with small edits (rapidfuzz alignment); the returned text is always the article's
own characters, never the model's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from summarizer._english import REPORTING_WORDS, STANCE_WORDS
from summarizer._names import ABBREVIATED_TITLES, HONORIFICS
from summarizer._patterns import one_of
from summarizer.models import Span

Alignment = Literal["exact", "normalized", "fuzzy"]

_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u2032": "'",
                       "\u2013": "-", "\u2014": "-", "\u00a0": " "})
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = re.compile(rf"(?:\b(?:{'|'.join((*HONORIFICS, *ABBREVIATED_TITLES))}|St|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc"
                     r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$")
# The lookahead first lets `re` pass over any other character with one test.
_BOUNDARY = re.compile(r"(?=[.!?\n])(?:[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9#])|\n+)")
# After a question or exclamation in quotation marks, a name and a verb of saying go on the same sentence
# ('"Is it fair?" Dan Ross asked.'), as "she asked" does.
_ATTRIBUTION_AFTER = re.compile(
    rf"\s+(?:[A-Z][\w.'\u2019-]*\s+){{1,4}}(?:{one_of(f'{REPORTING_WORDS}|{STANCE_WORDS}')})\b")
MIN_FUZZY_SCORE = 90.0


def make_span(article: str, start: int, end: int) -> Span:
    """The span of `article[start:end]`, with surrounding whitespace trimmed."""
    while start < end and article[start].isspace():
        start += 1
    while end > start and article[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=article[start:end])


def is_grounded(article: str, span: Span) -> bool:
    """The grounding invariant: the span's text is exactly the article's characters at its offsets."""
    return 0 <= span.start <= span.end <= len(article) and article[span.start : span.end] == span.text


def split_sentences(article: str) -> list[Span]:
    """Sentences (and headline lines) of the article, in order, as spans."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(article):
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        if match.group(0)[0] == "." and _ABBREV.search(article[max(start, match.start() - 12) : match.start() + 1]):
            continue
        if match.group(0)[0] in "?!" and match.group(0)[-1] in "\"\u201d" and _ATTRIBUTION_AFTER.match(
                article, match.end()):
            continue
        if article[start:end].strip():
            spans.append(make_span(article, start, end))
        start = match.end()
    if article[start:].strip():
        spans.append(make_span(article, start, len(article)))
    return spans


@dataclass(frozen=True)
class _Folded:
    text: str
    index: list[int]  # position in the folded text -> position in the article


def _fold(article: str) -> _Folded:
    """Casefold, unify quotes and dashes, collapse whitespace runs; keep a map back to the article."""
    chars: list[str] = []
    index: list[int] = []
    previous_space = False
    for position, char in enumerate(article.translate(_FOLD)):
        if char.isspace():
            if previous_space:
                continue
            char = " "
        previous_space = char == " "
        for folded in char.casefold():
            chars.append(folded)
            index.append(position)
    return _Folded("".join(chars), index)


def find_span(article: str, text: str, *, fuzzy: bool = True) -> tuple[Span, Alignment] | None:
    """Locate a model's copy of article text; None when it is not in the article."""
    needle = text.strip()
    if not needle:
        return None
    position = article.find(needle)
    if position >= 0:
        return Span(start=position, end=position + len(needle), text=needle), "exact"
    folded_article = _fold(article)
    folded_needle = _fold(needle).text.strip()
    position = folded_article.text.find(folded_needle)
    if position >= 0:
        start = folded_article.index[position]
        end = folded_article.index[position + len(folded_needle) - 1] + 1
        return make_span(article, start, end), "normalized"
    if not fuzzy or len(folded_needle) < 12:
        return None
    alignment = fuzz.partial_ratio_alignment(folded_needle, folded_article.text, score_cutoff=MIN_FUZZY_SCORE)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    start = folded_article.index[alignment.dest_start]
    end = folded_article.index[alignment.dest_end - 1] + 1
    # The alignment may start or stop inside a word; a span always covers whole words.
    while start > 0 and article[start - 1].isalnum():
        start -= 1
    while end < len(article) and article[end].isalnum():
        end += 1
    return make_span(article, start, end), "fuzzy"


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) where `needle` occurs literally in `text` (overlaps included)."""
    spans, start = [], text.find(needle) if needle else -1
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def find_mentions(article: str, name: str) -> list[Span]:
    """Every whole-word, case-insensitive occurrence of `name` in the article."""
    name = name.strip()
    if not name:
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return [Span(start=m.start(), end=m.end(), text=m.group(0)) for m in pattern.finditer(article)]


def sentence_of(sentences: list[Span], position: int) -> int:
    """Index of the sentence containing character `position` (the last one starting before it)."""
    chosen = 0
    for index, sentence in enumerate(sentences):
        if sentence.start <= position:
            chosen = index
        else:
            break
    return chosen

