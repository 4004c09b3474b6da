"""Headlines written in title case ("Dan Ross Says Norvia Will Cut 300 Jobs"), read as sentence case.

A capital in such a line says nothing about names: every word but a short function word has one, so runs of
capitals would make "Dan Ross Says Norvia Will Cut" one name. A reader trusts the capitals that the article's
own sentences confirm, and so does `sentence_case`: in a line written in title case, a later capitalised word
reads in lower case when the rest of the article writes it so ("Says", "Will", "Became") and never capitalises it
where no sentence opens ("the Westland Tax Plan" keeps "Tax Plan"; "Dan" stays a name where the article also says
"Dan Ross" and never "dan"); so does a contraction ("Isn't"); and in a line that has two such words, so does a
word of the dictionary that the rest of the article does not write at all ("Failure"). A line is in title case
when every word in lower case is a function word ("of", "the", "after", "is") and at least two of its later words
are written in lower case elsewhere; a line of names ("Reporting by Dan Ross") has none, and is left alone.
Only the case of letters changes, so the copy has the article's length and offsets.
"""

from __future__ import annotations

import re
from typing import Literal

from summarizer._english import CONTRACTION, FUNCTION_WORDS, in_dictionary, in_lower_case, whole_words

# The words a headline in title case may leave in lower case: articles, conjunctions, prepositions, auxiliaries.
_LOWER_IN_TITLES = FUNCTION_WORDS | {"be", "been", "being", "vs"}
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z]|['\u2019-](?=[A-Za-z]))*")  # not a closing mark: "Of Course\u2019"
_MIN_LOWERED = 2


def sentence_case(article: str) -> str:
    """The article with each title-case line's common words in lower case, at the same offsets."""
    if "\n" not in article.strip():  # no headline of its own line
        return article
    lines = [(line, _lowerable(line.group())) for line in _LINE.finditer(article)]
    titled = [(line, words) for line, words in lines if words is not None]
    if not titled:
        return article
    body = list(article)
    for line, _ in titled:
        body[line.start() : line.end()] = " " * (line.end() - line.start())
    rest = "".join(body)
    chars = list(article)
    changed = 0
    for line, words in titled:
        read = [(word, _reads(rest, word.group())) for word in words]
        if sum(kind == "written so" for _, kind in read) < _MIN_LOWERED:
            continue
        for word, kind in read:
            if kind is not None:
                chars[line.start() + word.start()] = word.group()[0].lower()
                changed += 1
    return "".join(chars) if changed else article


def _lowerable(line: str) -> list[re.Match[str]] | None:
    """The later capitalised words of a line in title case ("Says", "Isn't"); None when it is not in title case."""
    words = []
    for word in _WORD.finditer(line):  # a sentence of the body has a word in lower case soon: stop there
        if word.group()[0].islower() and word.group() not in _LOWER_IN_TITLES:
            return None
        words.append(word)
    if len(words) < _MIN_LOWERED + 1:
        return None
    return [w for w in words[1:] if w.group()[1:].islower() and not w.group().startswith(("I'", "I\u2019"))]


def _reads(rest: str, word: str) -> Literal["written so", "no other"] | None:
    """Whether the rest of the article reads `word` as a common word: it writes it in lower case (or it is a
    contraction) and never capitalises it after another word, where no sentence opens ("the Tax Plan"); or it is a
    word of the dictionary that the rest does not write at all."""
    capitalised = list(whole_words(rest, word))
    if any(at >= 2 and rest[at - 1] == " " and (rest[at - 2].isalnum() or rest[at - 2] in ",;)") for at in capitalised):
        return None
    if in_lower_case(rest, word) or CONTRACTION.fullmatch(word):
        return "written so"
    return "no other" if not capitalised and in_dictionary(word) else None
