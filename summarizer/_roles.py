"""A person named again by their title alone: "Prime Minister Jon Varrick ... the prime minister said".

News names a person once with their title and then often by the title alone. Where one candidate of the
article holds that title, "the prime minister" (or "the minister", "the senator" for "Sen.") after their first
mention is a mention of them, so whom it says or claims something is known. A title two candidates share names
neither; words that also begin ordinary phrases ("the general public", "the chief reason") name no one.
"""

from __future__ import annotations

import re

from summarizer._actors import Candidate, party_kind
from summarizer._names import HONORIFICS, ROLE
from summarizer.models import Span

# The full words of abbreviated titles, as the article writes them after "the".
_FULL_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
                "col": "colonel", "maj": "major", "adm": "admiral", "capt": "captain", "sgt": "sergeant",
                "cmdr": "commander", "supt": "superintendent", "insp": "inspector", "prof": "professor"}
# Role words that also open ordinary phrases or name no office when alone.
_NOT_ALONE = frozenset(("general", "major", "chief", "prime", "vice", "deputy", "emeritus", "sir", "dame", "lord",
                        "father", "chair", "dr", "rev", "fr", "pvt", "cpl", "brig"))
_HONORIFICS = frozenset(word.lower() for word in HONORIFICS)
# Between "the" and a title: nothing (not "the former president", someone else now).
_THE = re.compile(r"\b[Tt]he\s+$")
_AFTER = re.compile(r"(?:['\u2019]s\b|\s+of\b)")  # "the minister of X" names an office, "the minister's aide" another


def _phrases(title: str) -> set[str]:
    """The ways "the ..." may name again who holds `title` ("us defense secretary" -> "defense secretary",
    "secretary", "us defense secretary"; "secretary of state" -> itself and "secretary")."""
    words = [_FULL_TITLES.get(word, word) for word in title.replace(".", "").split() if word not in _HONORIFICS]
    roles = {word for word in words if any(ROLE.fullmatch(form) for form in (word.capitalize(), word.upper()))}
    phrases = {" ".join(words[i:]) for i in range(len(words))
               if words[i] not in ("of", "for") and roles & set(words[i:])}
    phrases |= roles
    return {phrase for phrase in phrases if phrase and phrase not in _NOT_ALONE}


def role_mentions(article: str, candidates: list[Candidate], names: list[Span], start: int, end: int
                  ) -> list[tuple[Span, Candidate]]:
    """Mentions of persons by their title alone, between offsets `start` and `end` ("the prime minister"),
    after their first mention and where no other candidate holds that title; `names` are the name phrases,
    which no such mention may overlap."""
    holders: dict[str, set[int]] = {}
    for index, candidate in enumerate(candidates):
        if party_kind(candidate) == "person":
            for title in candidate.titles:
                for phrase in _phrases(title):
                    holders.setdefault(phrase, set()).add(index)
    unique = {phrase: candidates[next(iter(held))] for phrase, held in holders.items() if len(held) == 1}
    if not unique:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, unique), key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    found = []
    for match in pattern.finditer(article, start, end):
        candidate = unique[match.group(0).lower()]
        span = Span(start=match.start(), end=match.end(), text=match.group(0))
        if (_THE.search(article, max(0, span.start - 6), span.start) and not _AFTER.match(article, span.end)
                and min(m.start for m in candidate.mentions) < span.start
                and not any(n.start < span.end and span.start < n.end for n in names)):
            found.append((span, candidate))
    return found
