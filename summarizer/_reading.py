"""The article as the library reads it, and results cut back from the article as given.

The library reads a copy of the article of the same length, so an offset found in the copy is one in the article:
a no-break or other fixed-width space reads as a plain one (web pages write "Nov. 28" and "Barack Obama" with
them), quotation marks typed as two characters read as curly ones (`_quote_marks`), and a headline in title case
reads in sentence case (`_title_case`). `recut` then gives every span of a result the article's own characters,
with a quotation mark of two characters never halved.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from summarizer._quote_marks import curly_marks, whole_pairs
from summarizer._spans import make_span
from summarizer._title_case import sentence_case
from summarizer.models import Span

Model = TypeVar("Model", bound=BaseModel)
# No-break, figure, thin, hair and narrow no-break spaces, and the en and em spaces: each one character, as " " is.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f", " "))


def reading_copy(article: str) -> str:
    """The article as read: the same length, so every offset in it is one in `article`."""
    return curly_marks(sentence_case(article.translate(_SPACES)))


def recut(result: Model, article: str, read: str) -> Model:
    """`result`, found in `read` (`reading_copy(article)`), with each span's text cut from `article`."""
    if read == article:
        return result
    widen = whole_pairs(article)

    def value(item: object) -> object:
        if isinstance(item, Span):
            return make_span(article, *widen(item.start, item.end))
        if isinstance(item, BaseModel):
            return model(item)
        if isinstance(item, list):
            return [value(element) for element in item]
        return item

    def model(item: BaseModel) -> BaseModel:
        return item.model_copy(update={name: value(getattr(item, name)) for name in type(item).model_fields})

    return model(result)  # type: ignore[return-value]
