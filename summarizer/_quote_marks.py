"""Quotation marks typed as two characters: ''...'' (the New York Times archive's style) and ``...'' (LaTeX,
Penn Treebank text), read as curly double quotes.

The library reads a copy of the article of the same length, so an offset found in the copy is one in the
article: each pair becomes a curly mark and a space, the space on the outer side (" ''We" reads "  \u201cWe",
"it,'' he" reads "it,\u201d  he"), where it never touches a quotation's words. `recut` then gives a result's
spans the article's own characters, never half of a pair. An opening pair follows the start, a space, a bracket
or a dash and comes before a character that is no space; every other pair closes. Of three apostrophes, a single
mark's and a pair's, the pair is on the outer side ("'''Sure,' he said" opens with it; ",'''" closes with it).
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel

from summarizer._spans import make_span
from summarizer.models import Span

_RUN = re.compile(r"``|(?<!')'{2,3}(?!')")
_BEFORE_OPENING = " \t\n([{-\u2013\u2014"
Model = TypeVar("Model", bound=BaseModel)


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


def reading_copy(article: str) -> str:
    """The article with each pair of marks read as one curly mark beside a space, at the same offsets."""
    pairs = _pairs(article)
    if not pairs:
        return article
    chars = list(article)
    for start, opens in pairs.items():
        chars[start : start + 2] = [" ", "\u201c"] if opens else ["\u201d", " "]
    return "".join(chars)


def recut(result: Model, article: str) -> Model:
    """`result`, read in `reading_copy(article)`, with each span's text cut from `article`; a span that ends or
    starts inside a pair takes the whole pair."""
    pairs = _pairs(article)
    if not pairs:
        return result

    def span(found: Span) -> Span:
        start = found.start - 1 if found.start - 1 in pairs else found.start
        end = found.end + 1 if found.end - 1 in pairs else found.end
        return make_span(article, start, end)

    def value(item: object) -> object:
        if isinstance(item, Span):
            return span(item)
        if isinstance(item, BaseModel):
            return model(item)
        if isinstance(item, list):
            return [value(element) for element in item]
        return item

    def model(item: BaseModel) -> BaseModel:
        return item.model_copy(update={name: value(getattr(item, name)) for name in type(item).model_fields})

    return model(result)  # type: ignore[return-value]
