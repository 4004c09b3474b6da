"""Which article sentences support a sentence the model wrote: the model cites them, the library checks.

A small model cites a date line or a neighbouring sentence ("Monday, May 18, 2015" for the headline it restates)
and may leave uncited the sentence it copied. So a citation counts only when the cited sentence shares the text's
content words (names, figures, nouns and verbs; not function words), and the sentence that shares most of them
is cited when the model's citations share few. Words are compared by their first five letters, so that
"strikes" meets "strike" and "Indonesian" "Indonesia".
"""

from __future__ import annotations

import functools
import re

from summarizer._english import FUNCTION_WORDS
from summarizer.models import Span

_WORD = re.compile(r"[^\W_]+")
_STEM = 5
_CITED = 0.25  # a cited sentence supports a text when it shares this share of the text's content words
_FOUND = 0.5  # an uncited sentence is cited when it shares this share, and more than the citations do
_MOST = 3  # supporting sentences, as the summary question asks


@functools.lru_cache(maxsize=4096)  # each article sentence is compared with every summary sentence, twice
def content_words(text: str) -> frozenset[str]:
    """The stems of a text's content words: words of three letters or more that are no function word, and
    figures."""
    return frozenset(word[:_STEM] for word in (w.lower() for w in _WORD.findall(text))
                     if word.isdigit() or len(word) >= 3 and word not in FUNCTION_WORDS)


def supporting(text: str, cited: list[int], sentences: list[Span]) -> list[int]:
    """The indices of the sentences that support `text`, in article order: the cited ones that share enough of its
    content words, and the one that shares most when they share less than half; [] when none does."""
    words = content_words(text)
    if not words:
        return sorted(set(cited))
    shared = [words & content_words(sentence.text) for sentence in sentences]
    kept = sorted({i for i in cited if len(shared[i]) >= _CITED * len(words)})
    covered = frozenset().union(*(shared[i] for i in kept))
    if len(covered) < _FOUND * len(words):
        best = max((i for i in range(len(sentences)) if i not in kept), key=lambda i: len(shared[i]), default=None)
        if best is not None and len(shared[best]) >= _FOUND * len(words) and len(shared[best]) > len(covered):
            kept = sorted(sorted([*kept, best], key=lambda i: len(shared[i]), reverse=True)[:_MOST])
    return kept
