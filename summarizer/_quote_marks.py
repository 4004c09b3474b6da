"""Quotation marks typed as two characters: ''...'' (the New York Times archive's style) and ``...'' (LaTeX,
Penn Treebank text), read as curly double quotes (`_reading`).

Each pair becomes a curly mark and a space, the space on the outer side (" ''We" reads "  \u201cWe", "it,'' he"
reads "it,\u201d  he"), where it never touches a quotation's words, so the copy has the article's length. An
opening pair follows the start, a space, a bracket or a dash and comes before a character that is no space; every
other pair closes. Of three apostrophes, a single mark's and a pair's, the pair is on the outer side ("'''Sure,'
he said" opens with it; ",'''" closes with it). Two after feet and inches mark the inches ("5'10''").
"""

from __future__ import annotations

import re
from collections.abc import Callable

_RUN = re.compile(r"``|(?<!')(?<!\d'\d)(?<!\d'\d\d)'{2,3}(?!')")  # not the inches of a height: "5'10''"
_BEFORE_OPENING = " \t\n([{-\u2013\u2014"


def _pairs(article: str) -> dict[int, bool]:
    """Where each pair starts, and whether it opens."""
    pairs: dict[int, bool] = {}
    if "''" not in article and "``" not in article:  # most articles: checked without the pattern
        return pairs
    for match in _RUN.finditer(article):
        start, end = match.span()
        opens = (start == 0 or article[start - 1] in _BEFORE_OPENING) and end < len(article) \
            and not article[end].isspace()
        if match.group() == "``" or opens:
            pairs[start] = True
        else:
            pairs[end - 2] = False
    return pairs


def curly_marks(article: str) -> str:
    """The article with each pair of marks read as one curly mark beside a space, at the same offsets."""
    pairs = _pairs(article)
    if not pairs:
        return article
    chars = list(article)
    for start, opens in pairs.items():
        chars[start : start + 2] = [" ", "\u201c"] if opens else ["\u201d", " "]
    return "".join(chars)


def whole_pairs(article: str) -> Callable[[int, int], tuple[int, int]]:
    """For a span read in `curly_marks(article)`: its start and end, widened to take a pair it starts or ends in."""
    pairs = _pairs(article)

    def widen(start: int, end: int) -> tuple[int, int]:
        return start - 1 if start - 1 in pairs else start, end + 1 if end - 1 in pairs else end

    return widen
